"""Without JavaScript every page's content, badges and links are there to read."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import yaml
from browser_pages import BY_NAME, DESKTOP, PAGE_TYPES, PageType
from browser_support import visit
from conftest import REPO
from playwright.sync_api import Browser, BrowserContext

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def no_js(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    yield context
    context.close()


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda p: p.id)
def test_page_is_readable_without_javascript(no_js: BrowserContext, bundled_url: str, page_type: PageType) -> None:
    page = no_js.new_page()
    try:
        response = page.goto(bundled_url + page_type.path)
        assert response is not None and response.status == page_type.status
        content = page.locator("article.md-content__inner")
        if page_type.needs_js:
            assert "kræver JavaScript" in page.locator(".ps-search").inner_text()
            link = page.locator(".ps-search a[href$='status/']")
            assert link.is_visible(), "without JavaScript the search page points to the table of all items"
            return
        heading = page.locator("h1").first
        assert heading.is_visible() and heading.inner_text().strip()
        assert len(content.inner_text()) > 150
        badges = content.locator(".ps-badge")
        for index in range(badges.count()):
            badge = badges.nth(index)
            assert badge.is_visible() and badge.locator(".ps-badge__label").inner_text().strip()
        links = content.locator("a[href]:not(.headerlink)")
        assert links.count() > 0
        for index in range(min(links.count(), 60)):
            link = links.nth(index)
            if link.is_visible():
                box = link.bounding_box()
                assert box is not None and box["width"] > 0 and box["height"] > 0
    finally:
        page.close()


def test_status_table_shows_every_item_without_javascript(no_js: BrowserContext, bundled_url: str) -> None:
    items = yaml.safe_load((REPO / "data/plan.yaml").read_text(encoding="utf-8"))["items"]
    page = no_js.new_page()
    try:
        visit(page, bundled_url, BY_NAME["status-table"])
        rows = page.locator("#ps-all-items tbody tr")
        shown = min(len(items), 200)  # the table of all items pages itself at 200 rows
        assert rows.count() == shown
        assert page.locator("#ps-all-items tbody tr:visible").count() == shown
        assert not page.locator("form.ps-filters").is_visible(), "filters need JavaScript: hidden without it"
    finally:
        page.close()
