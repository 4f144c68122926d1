"""Printing: the content, not the chrome; link targets shown; badges keep their colours."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from browser_pages import BY_NAME, PageType
from browser_support import SCREENSHOTS, pdf_text, visit
from conftest import REPO
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

PRINTED = [BY_NAME["item-with-note"], BY_NAME["theme"], BY_NAME["strategy"]]
CHROME = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".ps-search-form", ".md-top"]


def navigation_titles() -> list[str]:
    """The section names of the site navigation (mkdocs.yml nav)."""
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    nav_block = text[text.index("\nnav:") :].split("\n\n")[0]
    nav = yaml.safe_load(nav_block)["nav"]
    return [next(iter(entry)) for entry in nav]


def printed_text(page: Page, name: str) -> str:
    SCREENSHOTS.mkdir(exist_ok=True)
    pdf = SCREENSHOTS / f"{name}-print.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    return pdf_text(pdf)


@pytest.mark.parametrize("page_type", PRINTED, ids=lambda p: p.id)
def test_page_prints_content_without_chrome(browser: Browser, bundled_url: str, page_type: PageType, tmp_path: Path) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        visit(page, bundled_url, page_type)
        page.emulate_media(media="print")
        for selector in CHROME:
            assert not page.locator(selector).first.is_visible(), f"{selector} is printed"
        content = page.locator("article.md-content__inner")
        external = content.locator("a[href^='http']")
        for index in range(external.count()):
            link = external.nth(index)
            after = link.evaluate("a => getComputedStyle(a, '::after').content")
            assert link.get_attribute("href") in after, f"the printed link does not show where it goes: {after}"
        # The bundled notes link nowhere else; a link like an editor's must print its address too.
        # (Added to this page only: it is never followed, so nothing is fetched.)
        probe = content.evaluate(
            """article => { const p = document.createElement('p'); const a = document.createElement('a');
                            a.href = 'https://www.norddjurs.dk/politik'; a.textContent = 'kommunens side'; p.append(a);
                            article.append(p); return getComputedStyle(a, '::after').content; }"""
        )
        assert "https://www.norddjurs.dk/politik" in probe, f"printed links do not show their address: {probe}"
        badges = content.locator(".ps-badge")
        assert badges.count() > 0
        for index in range(badges.count()):
            badge = badges.nth(index)
            if not badge.is_visible():
                continue
            style = badge.evaluate(
                "b => { const s = getComputedStyle(b); return [s.printColorAdjust || s.webkitPrintColorAdjust, s.backgroundColor, s.color]; }"
            )
            assert style[0] == "exact", f"badge colours would be dropped in print: {style}"
            assert style[1] != style[2]

        title = page.locator("h1").first.inner_text().strip()
        content_text = " ".join(content.inner_text().split())
        text = printed_text(page, page_type.name)
        assert " ".join(title.split()) in text
        assert "Eksempeldata." in text
        if page_type.name.startswith("item"):
            label = page.locator(".ps-item__status .ps-badge__label").inner_text().strip()
            assert f"{label} siden" in text, "the item's status is printed"
        else:
            assert page.locator("table.ps-table .ps-badge__label").first.inner_text().strip() in text
        absent = [t for t in navigation_titles() if t not in content_text]
        assert "Overblik" in absent and len(absent) >= 3
        for nav_title in [*absent, "Søg i planen"]:
            assert nav_title not in text, f"navigation '{nav_title}' is printed"
    finally:
        context.close()
