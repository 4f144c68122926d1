"""axe-core and HTML_CodeSniffer find nothing on any page type, in the states a visitor opens.

axe: WCAG 2.1 A/AA (tags wcag2a, wcag2aa, wcag21a, wcag21aa) and, on its own,
the WCAG 2.2 rule target-size. HTML_CodeSniffer (pinned from npm, devtools/validators):
its WCAG2AA errors, none filtered. Both at 1280 px and at 360 px. The same visits
write the screenshots in screenshots/.
"""

from __future__ import annotations

import pytest
from browser_pages import BY_NAME, PAGE_TYPES, REDIRECT_FROM, REDIRECT_TO, PageType
from browser_support import axe_violations, htmlcs_errors, open_drawer, screenshot, visit
from playwright.sync_api import BrowserContext

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda p: p.id)
@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_page_type_has_no_axe_violations_or_htmlcs_errors(request: pytest.FixtureRequest, bundled_url: str, page_type: PageType, width: str) -> None:
    context: BrowserContext = request.getfixturevalue(width)
    page = context.new_page()
    try:
        response = visit(page, bundled_url, page_type)
        assert response is not None and response.status == page_type.status
        screenshot(page, f"{page_type.name}-{1280 if width == 'desktop' else 360}")
        assert axe_violations(page) == []
        assert htmlcs_errors(page) == []
    finally:
        page.close()


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_an_old_address_forwarding_page_has_no_axe_violations_or_htmlcs_errors(request: pytest.FixtureRequest, bundled_url: str, width: str) -> None:
    """The page at an item's previous id forwards at once (meta refresh); the new address answers
    204 No Content here, so the browser stays on the forwarding page and the checkers see it."""
    context: BrowserContext = request.getfixturevalue(width)
    page = context.new_page()
    forwarded: list[str] = []
    page.route(f"**/indsatser/{REDIRECT_TO}/", lambda route: (forwarded.append(route.request.url), route.fulfill(status=204)))
    try:
        response = page.goto(f"{bundled_url}indsatser/{REDIRECT_FROM}/")
        assert response is not None and response.status == 200
        for _ in range(100):  # the refresh is tried at once; give it up to 2 s
            if forwarded:
                break
            page.wait_for_timeout(20)
        assert forwarded and page.url.endswith(f"/indsatser/{REDIRECT_FROM}/")
        assert page.locator(f"a[href='../{REDIRECT_TO}/']").is_visible()
        assert axe_violations(page) == []
        assert htmlcs_errors(page) == []
    finally:
        page.close()


def test_mobile_drawer_open_has_no_axe_violations(bundled_url: str, phone: BrowserContext) -> None:
    page = phone.new_page()
    try:
        for page_type in (BY_NAME["overview"], BY_NAME["item-with-note"]):
            visit(page, bundled_url, page_type)
            open_drawer(page)
            assert page.locator("nav.md-nav--primary a", has_text="Alle indsatser").first.is_visible()
            assert page.evaluate("document.documentElement.scrollWidth") <= 360
            screenshot(page, f"{page_type.name}-drawer-360")
            assert axe_violations(page) == [], page_type.name
            assert htmlcs_errors(page) == [], page_type.name
    finally:
        page.close()


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_status_table_with_a_filter_applied_has_no_axe_violations(request: pytest.FixtureRequest, bundled_url: str, width: str) -> None:
    context: BrowserContext = request.getfixturevalue(width)
    page = context.new_page()
    try:
        visit(page, bundled_url, BY_NAME["status-table"])
        page.select_option("select[name=status]", "forsinket")
        page.wait_for_selector("[data-ps-result]:not(:empty)")
        assert page.locator("#ps-all-items tbody tr:visible").count() < page.locator("#ps-all-items tbody tr").count()
        screenshot(page, f"status-table-filtered-{1280 if width == 'desktop' else 360}")
        assert axe_violations(page) == []
        assert htmlcs_errors(page) == []
    finally:
        page.close()


def test_every_colour_scheme_offered_has_no_axe_violations(bundled_url: str, desktop: BrowserContext) -> None:
    """The site offers one light scheme; should a palette toggle appear, every scheme is tested."""
    page = desktop.new_page()
    try:
        visit(page, bundled_url, BY_NAME["overview"])
        toggles = page.locator("form[data-md-component=palette] label:visible")
        if toggles.count() == 0:
            assert page.get_attribute("body", "data-md-color-scheme") == "default"
            return
        for page_type in PAGE_TYPES:
            visit(page, bundled_url, page_type)
            for index in range(page.locator("form[data-md-component=palette] input").count()):
                page.locator("form[data-md-component=palette] label:visible").first.click()
                scheme = page.get_attribute("body", "data-md-color-scheme")
                assert axe_violations(page) == [], f"{page_type.name}, scheme {scheme} ({index})"
    finally:
        page.close()
