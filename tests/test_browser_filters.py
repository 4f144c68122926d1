"""The filters of the table of all items: what a visitor chooses is in the address, to share or reload."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from browser_pages import BY_NAME
from browser_support import visit
from conftest import REPO
from playwright.sync_api import BrowserContext, Page

pytestmark = pytest.mark.browser

THEME = "skoler-og-dagtilbud"
# The filters are on screen from the first paint; the sort buttons show the table's script has run
# (it makes them, then reads the filters from the address, in the same task).
SCRIPT_READY = "#ps-all-items thead th button.ps-sort"


def plan_items() -> list[dict[str, object]]:
    items: list[dict[str, object]] = yaml.safe_load((REPO / "data/plan.yaml").read_text(encoding="utf-8"))["items"]
    return items


def visible_rows(page: Page) -> list[str]:
    return page.eval_on_selector_all("#ps-all-items tbody tr:not([hidden]) td:first-child a", "links => links.map(a => a.getAttribute('href'))")


def test_chosen_filters_are_kept_in_the_address_and_come_back_on_reload(desktop: BrowserContext, bundled_url: str) -> None:
    page = desktop.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        visit(page, bundled_url, BY_NAME["status-table"])
        page.select_option("select[name=theme]", THEME)
        chosen = visible_rows(page)
        in_theme = [i for i in plan_items() if i["theme"] == THEME]
        assert len(chosen) == len(in_theme) > 0
        assert parse_qs(urlsplit(page.url).query) == {"tema": [THEME]}
        page.select_option("select[name=kind]", "anlaegsprojekt")
        narrowed = visible_rows(page)
        assert 0 < len(narrowed) < len(chosen)
        assert parse_qs(urlsplit(page.url).query) == {"tema": [THEME], "type": ["anlaegsprojekt"]}

        shared = page.url
        page.reload()
        page.wait_for_selector(SCRIPT_READY)
        assert page.input_value("select[name=theme]") == THEME and page.input_value("select[name=kind]") == "anlaegsprojekt"
        assert visible_rows(page) == narrowed
        assert page.locator("[data-ps-result]").inner_text() == f"{len(narrowed)} indsatser vises af {len(plan_items())}."

        page.select_option("select[name=theme]", "")
        page.select_option("select[name=kind]", "")
        assert urlsplit(page.url).query == "" and len(visible_rows(page)) == len(plan_items())
        assert errors == []

        other = desktop.new_page()  # the shared address, opened by someone else
        try:
            other.goto(shared)
            other.wait_for_selector(SCRIPT_READY)
            assert visible_rows(other) == narrowed
        finally:
            other.close()
    finally:
        page.close()


def test_an_unknown_value_in_the_address_filters_nothing(desktop: BrowserContext, bundled_url: str) -> None:
    page = desktop.new_page()
    try:
        page.goto(bundled_url + "status/?tema=findes-ikke&status=i-gang")
        page.wait_for_selector(SCRIPT_READY)
        assert page.input_value("select[name=theme]") == ""
        assert page.input_value("select[name=status]") == "i-gang"
        assert 0 < len(visible_rows(page)) < len(plan_items())
    finally:
        page.close()
