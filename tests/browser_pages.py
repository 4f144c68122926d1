"""The page types the browser tests visit: one list, one line per page type.

Every browser test (accessibility, privacy, phone, keyboard, no JavaScript,
screenshots) runs over PAGE_TYPES, so a new kind of page is covered by adding
one line here. Paths are relative to the site root, as a visitor types them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # bench/lighthouse.py reads this list with the system Python, without Playwright
    from playwright.sync_api import ViewportSize


@dataclass(frozen=True)
class PageType:
    name: str  # test id and screenshot file name
    path: str  # relative to the site root, may carry a query
    status: int = 200  # the HTTP status the host answers with
    ready: str = "h1"  # a selector that is visible when the page is ready for a visitor
    needs_js: bool = False  # without JavaScript the page shows a notice instead of its content

    @property
    def id(self) -> str:
        return self.name


PAGE_TYPES: list[PageType] = [
    PageType("overview", ""),
    PageType("section-index", "temaer/"),
    PageType("theme", "temaer/oekonomisk-politik/"),
    PageType("item-with-note", "indsatser/budget-i-balance/"),
    PageType("item-without-note", "indsatser/styrket-oekonomiopfoelgning/"),
    PageType("item-dropped", "indsatser/faelles-billetsystem/"),
    PageType("item-with-milestones", "indsatser/renovering-af-skolebygninger/"),
    PageType("item-with-indicator", "indsatser/energistyring-i-kommunale-bygninger/"),
    PageType("status-table", "status/"),
    PageType("committee", "udvalg/oekonomiudvalget/"),
    PageType("strategy", "strategier/plan-og-udviklingsstrategi-2023/"),
    PageType("sdg", "verdensmaal/17/"),
    PageType("about", "om/"),
    PageType("editors-guide", "vejledning/"),
    PageType("privacy", "privatliv/"),
    PageType("accessibility-statement", "was/"),
    PageType("status-view", "status/i-gang/"),
    PageType("changes", "aendringer/"),
    PageType("figures", "tal/"),
    PageType("budget", "oekonomi/"),
    PageType("report", "rapport/"),
    PageType("report-committee", "rapport/udvalg/oekonomiudvalget/"),
    PageType("plan-current", "planer/2025-2028/"),
    PageType("plan-earlier", "planer/2024-2027/"),
    PageType("snapshot", "aendringer/2024-2027/2024-06-30/"),
    PageType("not-found", "findes/ikke/", status=404),
    PageType("search-results", "soeg/?q=budget", ready=".pagefind-ui__result-link", needs_js=True),
]

BY_NAME: dict[str, PageType] = {page.name: page for page in PAGE_TYPES}

# What the item pages above stand for; test_browser_pages.py checks these claims
# against data/plan.yaml and content/items/, so the list stays honest.
ITEM_WITH_NOTE = "budget-i-balance"
ITEM_WITHOUT_NOTE = "styrket-oekonomiopfoelgning"
ITEM_DROPPED = "faelles-billetsystem"
# Evidence (issue 19): milestones, one of them late, and a cited decision; an indicator with its chart.
ITEM_WITH_MILESTONES = "renovering-af-skolebygninger"
ITEM_WITH_INDICATOR = "energistyring-i-kommunale-bygninger"
# An item's previous id: its old address is a page that forwards to the new one.
REDIRECT_FROM, REDIRECT_TO = "lokaleoptimering", "bedre-udnyttelse-af-lokaler"

DESKTOP: ViewportSize = {"width": 1280, "height": 800}
PHONE: ViewportSize = {"width": 360, "height": 740}
