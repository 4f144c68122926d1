"""At 360 px: no page scrolls sideways; a wide table scrolls inside its own box."""

from __future__ import annotations

import pytest
from browser_pages import BY_NAME, PAGE_TYPES, PHONE, PageType
from browser_support import open_drawer, visit
from playwright.sync_api import BrowserContext, Page

pytestmark = pytest.mark.browser

TABLE_WRAPS_JS = """() => [...document.querySelectorAll('.ps-table-wrap')].map(wrap => {
  const table = wrap.querySelector('table');
  const before = wrap.scrollLeft;
  wrap.scrollLeft = 40;
  const scrolled = wrap.scrollLeft - before;
  wrap.scrollLeft = before;
  return {
    label: wrap.getAttribute('aria-label'),
    overflowX: getComputedStyle(wrap).overflowX,
    wrapWidth: wrap.clientWidth,
    tableWidth: table ? table.scrollWidth : 0,
    right: wrap.getBoundingClientRect().right,
    scrolled,
  };
})"""


def wide_tables(page: Page) -> list[dict[str, object]]:
    """Every table wrapper; each wider table must scroll inside its wrapper, which stays on screen."""
    wraps: list[dict[str, object]] = page.evaluate(TABLE_WRAPS_JS)
    for wrap in wraps:
        assert float(str(wrap["right"])) <= PHONE["width"] + 0.5, wrap
        if int(str(wrap["tableWidth"])) > int(str(wrap["wrapWidth"])):
            assert wrap["overflowX"] in ("auto", "scroll"), wrap
            assert int(str(wrap["scrolled"])) > 0, f"the wrapper does not scroll: {wrap}"
    return [w for w in wraps if int(str(w["tableWidth"])) > int(str(w["wrapWidth"]))]


def page_width(page: Page) -> int:
    width: int = page.evaluate("document.documentElement.scrollWidth")
    return width


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda p: p.id)
def test_no_page_scrolls_sideways_on_a_phone(phone: BrowserContext, bundled_url: str, page_type: PageType) -> None:
    page = phone.new_page()
    try:
        visit(page, bundled_url, page_type)
        assert page_width(page) <= PHONE["width"]
        wide_tables(page)
    finally:
        page.close()


def test_the_wide_status_table_scrolls_in_its_box_not_the_page(phone: BrowserContext, bundled_url: str) -> None:
    page = phone.new_page()
    try:
        visit(page, bundled_url, BY_NAME["status-table"])
        wide = wide_tables(page)
        assert wide, "the table of all items fits 360 px: this test no longer tests the scrolling box"
        page.select_option("select[name=status]", "i-gang")
        assert page_width(page) <= PHONE["width"]
    finally:
        page.close()


def test_open_drawer_does_not_scroll_sideways(phone: BrowserContext, bundled_url: str) -> None:
    page = phone.new_page()
    try:
        visit(page, bundled_url, BY_NAME["item-with-note"])
        open_drawer(page)
        assert page_width(page) <= PHONE["width"]
        box = page.locator("nav.md-nav--primary a", has_text="Alle indsatser").first.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    finally:
        page.close()
