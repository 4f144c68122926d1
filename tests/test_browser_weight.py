"""What a first visit to an item page costs: every response, compressed, under 250 kB."""

from __future__ import annotations

from typing import Any

import pytest
from browser_pages import BY_NAME, DESKTOP
from browser_support import SCREENSHOTS, visit
from playwright.sync_api import Browser, Response

pytestmark = pytest.mark.browser

BUDGET = 250_000  # bytes, compressed, as they travel

PERFORMANCE_JS = """() => {
  const nav = performance.getEntriesByType('navigation').map(e => [e.name, e.encodedBodySize, e.transferSize]);
  const res = performance.getEntriesByType('resource').map(e => [e.name, e.encodedBodySize, e.transferSize]);
  return nav.concat(res);
}"""


def test_first_visit_to_an_item_page_is_light(browser: Browser, bundled_url: str) -> None:
    context = browser.new_context(viewport=DESKTOP)  # a fresh context: empty cache, as a first visit
    responses: list[tuple[str, int, str]] = []

    def record(response: Response) -> None:
        headers = response.headers
        responses.append((response.url, int(headers.get("content-length", "0")), headers.get("content-encoding", "")))

    context.on("response", record)
    try:
        page = context.new_page()
        visit(page, bundled_url, BY_NAME["item-with-note"])
        page.wait_for_load_state("networkidle")
        entries: list[list[Any]] = page.evaluate(PERFORMANCE_JS)
    finally:
        context.close()

    on_the_wire = sum(size for _, size, _ in responses)
    encoded = sum(int(size) for _, size, _ in entries)
    lines = [
        f"First visit to /{BY_NAME['item-with-note'].path} (fresh cache, gzip host):",
        f"  {on_the_wire} bytes ({on_the_wire / 1000:.1f} kB) compressed, from Content-Length of {len(responses)} responses",
        f"  {encoded} bytes ({encoded / 1000:.1f} kB) encodedBodySize, from the Performance API ({len(entries)} entries)",
        f"  budget {BUDGET} bytes",
        "",
        *(f"  {size:>8}  {encoding or 'identity':8}  {url.replace(bundled_url, '/')}" for url, size, encoding in sorted(responses, key=lambda r: -r[1])),
    ]
    SCREENSHOTS.mkdir(exist_ok=True)
    (SCREENSHOTS / "weight.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))

    assert not any("/pagefind/" in url for url, _, _ in responses), "the search index is fetched only when a visitor searches"
    assert all(encoding == "gzip" for url, _, encoding in responses if url.endswith((".html", ".css", ".js", "/"))), responses
    assert abs(on_the_wire - encoded) < 2_000, (on_the_wire, encoded)
    assert on_the_wire < BUDGET, "\n".join(lines)
