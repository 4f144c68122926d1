"""Keyboard only: Tab and Enter reach the search, a result and an item; focus is always visible."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from browser_pages import BY_NAME, PAGE_TYPES, PageType
from browser_support import focus_is_visible, focused, visit
from playwright.sync_api import BrowserContext, Page

pytestmark = pytest.mark.browser

RESULT_ITEM = "udearealer-i-dagtilbud"


def tab_until(page: Page, wanted: Callable[[dict[str, Any]], bool], limit: int) -> dict[str, Any]:
    """Press Tab until `wanted` holds for the focused element; every stop must show its focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = focused(page)
        assert state is not None, "Tab left the page"
        assert focus_is_visible(state), f"focus is not visible on {state}"
        if wanted(state):
            return state
    raise AssertionError(f"not reached in {limit} Tab presses")


def test_tab_and_enter_reach_the_search_a_result_and_an_item(desktop: BrowserContext, bundled_url: str) -> None:
    page = desktop.new_page()
    try:
        visit(page, bundled_url, BY_NAME["overview"])
        tab_until(page, lambda s: s["id"] == "ps-search-input", limit=10)
        page.keyboard.type("legepladsen")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert "/soeg/?q=legepladsen" in page.url
        page.locator(f".pagefind-ui__result-link[href$='/indsatser/{RESULT_ITEM}/']").first.wait_for(state="visible", timeout=30_000)
        tab_until(page, lambda s: str(s["href"] or "").endswith(f"/indsatser/{RESULT_ITEM}/"), limit=40)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url.endswith(f"/indsatser/{RESULT_ITEM}/")
        assert page.locator("h1").inner_text() == "Renovering af udearealer i dagtilbud"
    finally:
        page.close()


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda p: p.id)
def test_focus_is_visible_on_every_stop(desktop: BrowserContext, bundled_url: str, page_type: PageType) -> None:
    """Tab through the first 40 stops of every page type (header, content, tables, footer)."""
    page = desktop.new_page()
    try:
        visit(page, bundled_url, page_type)
        stops = 0
        for _ in range(40):
            page.keyboard.press("Tab")
            state = focused(page)
            if state is None:  # past the last stop, focus leaves for the browser
                break
            assert focus_is_visible(state), f"focus is not visible on {state}"
            stops += 1
        assert stops >= 5
    finally:
        page.close()


def test_status_filter_works_by_keyboard_and_announces_the_count(desktop: BrowserContext, bundled_url: str) -> None:
    page = desktop.new_page()
    try:
        visit(page, bundled_url, BY_NAME["status-table"])
        rows = page.locator("#ps-all-items tbody tr")
        total = rows.count()
        page.focus("select[name=status]")
        state = focused(page)
        assert state is not None and state["id"] == "ps-filter-status" and focus_is_visible(state)
        page.keyboard.press("ArrowDown")
        chosen = page.input_value("select[name=status]")
        assert chosen, "ArrowDown did not choose a status"
        matching = page.locator(f"#ps-all-items tbody tr[data-status='{chosen}']").count()
        assert 0 < matching < total
        page.wait_for_function("() => document.querySelector('[data-ps-result]').textContent.trim() !== ''")
        visible = page.locator("#ps-all-items tbody tr:visible")
        assert visible.count() == matching
        assert set(visible.evaluate_all("rows => rows.map(r => r.dataset.status)")) == {chosen}
        live = page.locator("[data-ps-result]")
        assert live.get_attribute("aria-live") == "polite" and live.get_attribute("role") == "status"
        words = "1 indsats vises" if matching == 1 else f"{matching} indsatser vises"
        assert live.inner_text().startswith(words), live.inner_text()
    finally:
        page.close()


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda p: p.id)
def test_the_first_tab_offers_a_skip_to_the_content(desktop: BrowserContext, bundled_url: str, page_type: PageType) -> None:
    """Every page, with or without a table of contents: the first stop is "Gå til indholdet", and
    following it, the next Tab lands in the content (the notice, the h1's page, its first link), not the header or menu."""
    page = desktop.new_page()
    try:
        visit(page, bundled_url, page_type)
        page.keyboard.press("Tab")
        state = focused(page)
        assert state is not None and state["text"] == "Gå til indholdet" and focus_is_visible(state), state
        assert page.locator(".md-skip:visible, .md-skip:focus").count() == 1, "exactly one skip link"
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        inside = page.evaluate("() => !!document.activeElement.closest('.md-content') || document.activeElement.closest('.md-footer') !== null")
        assert inside, focused(page)
    finally:
        page.close()
