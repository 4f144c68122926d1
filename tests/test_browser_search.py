"""Search as a visitor uses it: the header box, Enter, Pagefind's results.

The inflected queries only prove Danish stemming if the note holds another
form of the word, and only that note: the test reads content/items/*.md to
check that before it searches.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from browser_pages import BY_NAME, DESKTOP
from browser_support import recorded_requests, visit
from conftest import REPO
from playwright.sync_api import Browser, BrowserContext

pytestmark = pytest.mark.browser

# (what the visitor types, the item it must find, the form of the word in that item's note or None)
QUERIES = [
    pytest.param("legepladsen", "udearealer-i-dagtilbud", "legepladser", id="inflected-legepladsen"),
    pytest.param("indeklimaet", "renovering-af-skolebygninger", "indeklima", id="inflected-indeklimaet"),
    # The issue asked for "søen" (note: "søerne"), but Danish Snowball stems "søerne" to "søern" and leaves
    # "søen" alone, so no stemmer meets them; the note now says "vådområderne" (commit fc7cb67), whose stem
    # "vådområd" "vådområdet" shares: the same test of æ/ø/å and inflection, honestly passable.
    pytest.param("vådområdet", "vandmiljoe-i-vandomraader", "vådområderne", id="inflected-vaadomraadet"),
    pytest.param("rutineopgaver", "automatisering-af-rutineopgaver", None, id="title-word"),
    pytest.param("styrket-oekonomiopfoelgning", "styrket-oekonomiopfoelgning", None, id="item-id"),
]


def notes_with_word(word: str) -> list[str]:
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
    return sorted(p.stem for p in (REPO / "content/items").glob("*.md") if pattern.search(p.read_text(encoding="utf-8")))


def titles_with_word(word: str) -> list[str]:
    plan = yaml.safe_load((REPO / "data/plan.yaml").read_text(encoding="utf-8"))
    return [i["id"] for i in plan["items"] if word.lower() in i["title"].lower().split()]


@pytest.mark.parametrize(("query", "item", "word_in_note"), QUERIES)
def test_header_search_finds_the_item(desktop: BrowserContext, bundled_url: str, query: str, item: str, word_in_note: str | None) -> None:
    if word_in_note:
        assert notes_with_word(word_in_note) == [item], f"'{word_in_note}' must be in exactly one note, {item}'s"
        assert notes_with_word(query) == [], f"'{query}' itself must not be in a note, or stemming is not tested"
    elif "-" not in query:
        assert titles_with_word(query) == [item], f"'{query}' must be a word of exactly one item's title"
    page = desktop.new_page()
    try:
        visit(page, bundled_url, BY_NAME["overview"])
        page.fill("#ps-search-input", query)
        with page.expect_navigation():
            page.press("#ps-search-input", "Enter")
        url = urlsplit(page.url)
        assert url.path == urlsplit(bundled_url).path + "soeg/"
        assert parse_qs(url.query) == {"q": [query]}
        message = page.locator(".pagefind-ui__message")
        page.wait_for_function("() => /resultat/.test(document.querySelector('.pagefind-ui__message')?.textContent || '')", timeout=30_000)
        assert not message.inner_text().startswith("Ingen"), message.inner_text()
        page.locator(f".pagefind-ui__result-link[href$='/indsatser/{item}/']").first.wait_for(state="visible", timeout=30_000)
        assert page.input_value("#ps-search-input") == query, "the header box keeps the query"
    finally:
        page.close()


def test_the_search_page_searches_without_errors_or_warnings(browser: Browser, bundled_url: str) -> None:
    """A fresh visit to a search link: results, and nothing reported on the page or its console.

    Pagefind searches in a Web Worker; when the worker's script was published empty (see
    test_site.test_search_bundle_is_whole_as_pagefinds_command_line_writes_it), it fell back
    to the page's thread and left an uncaught "Unexpected end of input" here.
    """
    context = browser.new_context(viewport=DESKTOP)
    errors: list[str] = []
    try:
        with recorded_requests(context) as urls:
            page = context.new_page()
            page.on("pageerror", lambda error: errors.append(f"pageerror: {error}"))
            page.on("console", lambda message: errors.append(f"console: {message.text}") if message.type in ("error", "warning") else None)
            visit(page, bundled_url, BY_NAME["search-results"])
            page.wait_for_load_state("networkidle")
        assert page.locator(".pagefind-ui__result-link").count() > 0
        assert any(urlsplit(u).path.endswith("/pagefind/pagefind.js") for u in urls), "Pagefind was not loaded"
        assert errors == []
    finally:
        context.close()


def item_facts(item_id: str) -> tuple[str, str, str]:
    """The item's current status label and icon, and its theme's title, read from data/plan.yaml."""
    plan = yaml.safe_load((REPO / "data/plan.yaml").read_text(encoding="utf-8"))
    item = next(i for i in plan["items"] if i["id"] == item_id)
    status_id = [entry["status"] for entry in item["history"] if "status" in entry][-1]
    status = next(s for s in plan["statuses"] if s["id"] == status_id)
    return status["label"], status["icon"], next(t["title"] for t in plan["themes"] if t["id"] == item["theme"])


@pytest.mark.parametrize(
    ("query", "item"), [("rutineopgaver", "automatisering-af-rutineopgaver"), ("styrket-oekonomiopfoelgning", "styrket-oekonomiopfoelgning")]
)
def test_an_items_result_shows_its_status_and_theme_and_no_id_in_its_excerpt(desktop: BrowserContext, bundled_url: str, query: str, item: str) -> None:
    """The excerpt reads as the page does ("Titel. Noten …"), not "Titel. titel-som-id. …"; the id still finds the item."""
    label, icon, theme = item_facts(item)
    page = desktop.new_page()
    try:
        page.goto(f"{bundled_url}soeg/?q={query}")
        result = page.locator(".pagefind-ui__result", has=page.locator(f".pagefind-ui__result-link[href$='/indsatser/{item}/']")).first
        result.wait_for(state="visible", timeout=30_000)
        excerpt = result.locator(".pagefind-ui__result-excerpt").first
        facts = excerpt.locator(".ps-search-result__facts")
        assert facts.locator(".ps-badge__label").inner_text() == label
        assert facts.locator(".ps-search-result__theme").inner_text() == f"Tema: {theme}"
        badge = facts.locator(".ps-badge")
        assert re.search(r"\bps-s-[a-z0-9-]+\b", badge.get_attribute("class") or ""), "the badge has its status's colours"
        assert (badge.locator("use").get_attribute("href") or "").endswith(f"assets/planspor-icons.svg#ps-icon-{icon}")
        assert result.locator(".pagefind-ui__result-tags").count() == 0, "the status and theme are not repeated as Pagefind's tags"
        text = excerpt.inner_text()
        if query != item:  # searched by its id, the id is what matched, last in the page's text
            assert item not in text, f"the excerpt shows the id: {text!r}"
        else:
            assert text.rstrip(".").endswith(item), f"the id stands before the page's text: {text!r}"
    finally:
        page.close()
