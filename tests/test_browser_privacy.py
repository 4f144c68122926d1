"""Nothing leaves the site and nothing tracks: every page type, and a search.

Every request of a fresh browser context is recorded (page.on("request") on
the context, so workers and fetches count too); all must go to the local host.
Afterwards the context holds no cookie, and localStorage/sessionStorage hold
nothing but what browser_support.ALLOWED_STORAGE_KEYS allows.
"""

from __future__ import annotations

import pytest
from browser_pages import BY_NAME, DESKTOP, PAGE_TYPES, PageType
from browser_support import foreign_requests, recorded_requests, storage_entries, tracking_storage, visit
from playwright.sync_api import Browser

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda p: p.id)
def test_page_type_talks_only_to_its_own_host_and_stores_nothing(browser: Browser, bundled_url: str, page_type: PageType) -> None:
    context = browser.new_context(viewport=DESKTOP)
    errors: list[str] = []
    try:
        with recorded_requests(context) as urls:
            page = context.new_page()
            page.on("pageerror", lambda error: errors.append(f"{error}\n{error.stack}"))
            visit(page, bundled_url, page_type)
            page.wait_for_load_state("networkidle")
            entries = storage_entries(context, page)
        assert urls, "no request was recorded"
        assert foreign_requests(urls, bundled_url) == []
        assert tracking_storage(entries) == [], entries
        assert errors == []
    finally:
        context.close()


def test_a_search_talks_only_to_its_own_host_and_stores_nothing(browser: Browser, bundled_url: str) -> None:
    context = browser.new_context(viewport=DESKTOP)
    try:
        with recorded_requests(context) as urls:
            page = context.new_page()
            visit(page, bundled_url, BY_NAME["item-with-note"])
            page.fill("#ps-search-input", "legepladsen")
            page.press("#ps-search-input", "Enter")
            page.wait_for_selector(".pagefind-ui__result-link", timeout=30_000)
            page.fill(".pagefind-ui__search-input", "indeklimaet")  # a second search, typed on the search page
            page.wait_for_selector(".pagefind-ui__result-link[href*=renovering-af-skolebygninger]", timeout=30_000)
            page.click(".pagefind-ui__result-link[href*=renovering-af-skolebygninger]")
            page.wait_for_load_state("networkidle")
            entries = storage_entries(context, page)
        assert any("/pagefind/" in u for u in urls), "the search fetched no index: was it run?"
        assert foreign_requests(urls, bundled_url) == []
        assert tracking_storage(entries) == [], entries
    finally:
        context.close()


def test_the_storage_check_is_strict() -> None:
    """The allowed list lets Material's colour scheme through, and nothing else."""
    scheme = {"cookies": [], "localStorage": {"/.__palette": '{"index": 0, "color": {"scheme": "default"}}'}, "sessionStorage": {}}
    assert tracking_storage(scheme) == []
    for entries in (
        {"cookies": [{"name": "_ga", "value": "GA1.1"}], "localStorage": {}, "sessionStorage": {}},
        {"cookies": [], "localStorage": {"/.__consent": '{"analytics": true}'}, "sessionStorage": {}},
        {"cookies": [], "localStorage": {"/.__palette": '{"index": 0, "visitor": "abc"}'}, "sessionStorage": {}},
        {"cookies": [], "localStorage": {}, "sessionStorage": {"/.__palette": '{"index": 0}'}},
        {"cookies": [], "localStorage": {"pagefind-last-query": "budget"}, "sessionStorage": {}},
    ):
        assert tracking_storage(entries) != [], entries


def test_no_page_type_asks_for_a_file_that_is_not_there(browser: Browser, bundled_url: str) -> None:
    """Every request a page makes is answered; only the 404 page's own address is unknown.

    (Material's bundle fetches "<dir>/sitemap.xml" next to every <link rel="alternate">,
    taking it for a language version: an Atom feed link must not trigger that.)
    """
    context = browser.new_context(viewport=DESKTOP)
    missing: list[str] = []
    context.on("response", lambda r: missing.append(f"{r.status} {r.url} (from {r.frame.url})") if r.status >= 400 else None)
    try:
        page = context.new_page()
        for page_type in PAGE_TYPES:
            visit(page, bundled_url, page_type)
            page.wait_for_load_state("networkidle")
    finally:
        context.close()
    expected = [m for m in missing if m.startswith("404 ") and m.split()[1] == bundled_url + BY_NAME["not-found"].path]
    unexpected = [m for m in missing if m not in expected]
    assert unexpected == [], "\n".join(unexpected)
