"""Helpers for the browser tests: visiting a page type, axe-core, requests, storage."""

from __future__ import annotations

import json
import os
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe
from browser_pages import PageType
from conftest import REPO
from playwright.sync_api import BrowserContext, Page, Response
from pypdf import PdfReader

SCREENSHOTS = REPO / "screenshots"

# WCAG 2.1 A and AA, as Danish public-sector sites must meet (lov om webtilgængelighed).
AXE_WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, "resultTypes": ["violations"]}
# WCAG 2.2 target size (24 by 24 CSS pixels, inline links exempt), run on its own.
AXE_TARGET_SIZE = {"runOnly": {"type": "rule", "values": ["target-size"]}, "resultTypes": ["violations"]}

_axe = Axe()


def pdf_text(pdf: Path) -> str:
    """The text of a printed page, white space folded: what a reader of the PDF sees, read with pypdf.
    NFKC turns the fonts' ligatures back into letters ('ﬀ' in "Eﬀektiviseringer" is "ff")."""
    reader = PdfReader(pdf)
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())


def pdf_page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """Width and height of each page of a PDF in points (A4 is 595.28 by 841.89)."""
    return [(round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)) for page in PdfReader(pdf).pages]


def visit(page: Page, base_url: str, page_type: PageType) -> Response | None:
    """Open a page type as a visitor does and wait until it is ready to read."""
    response = page.goto(base_url + page_type.path, wait_until="load")
    page.wait_for_selector(page_type.ready, state="visible", timeout=30_000)
    return response


def open_drawer(page: Page) -> None:
    """Open Material's navigation drawer (phone) by its menu button and wait until it has slid in."""
    page.click(".md-header label[for=__drawer]")
    page.wait_for_function(
        """() => { const link = document.querySelector('nav.md-nav--primary .md-nav__link');
                   return document.getElementById('__drawer').checked && link && link.getBoundingClientRect().left >= 0; }"""
    )
    page.wait_for_timeout(300)  # the slide is a 250 ms transition; let it settle before measuring


def axe_violations(page: Page, *, context: str | None = None) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations plus target-size, one readable line per node."""
    found: list[str] = []
    if page.evaluate("typeof window.axe") == "undefined":
        page.evaluate(_axe.axe_script)  # injected into the page, never fetched: no request leaves the browser
    for options in (AXE_WCAG, AXE_TARGET_SIZE):
        response: dict[str, Any] = page.evaluate("([context, options]) => axe.run(context || document, options)", [context, options])
        for violation in response["violations"]:
            for node in violation["nodes"]:
                summary = " ".join(str(node.get("failureSummary", "")).split())
                found.append(f"{violation['id']} ({violation['impact']}) at {node['target']}: {summary} | {node['html'][:160]}")
    return found


HTMLCS_JS = Path(os.environ.get("PLANSPOR_HTMLCS") or REPO / "devtools/validators/node_modules/html_codesniffer/build/HTMLCS.js")
# HTMLCS.process's callback fires when every sniff is done; errors only (warnings and notices ask a person to look).
_HTMLCS_RUN = """() => new Promise((resolve, reject) => HTMLCS.process("WCAG2AA", document, () => resolve(
    HTMLCS.getMessages().filter(m => m.type === HTMLCS.ERROR).map(m => m.code + " at " + (m.element.outerHTML || m.element.nodeName).slice(0, 160) + ": " + m.msg)
), reject, "en"))"""


def htmlcs_errors(page: Page) -> list[str]:
    """HTML_CodeSniffer's WCAG2AA errors on the page as it stands, one readable line each."""
    if not HTMLCS_JS.is_file():
        raise AssertionError(f"HTML_CodeSniffer is not installed ({HTMLCS_JS}): run python3 dev.py test, which installs it.")
    if page.evaluate("typeof window.HTMLCS") == "undefined":
        page.evaluate(HTMLCS_JS.read_text(encoding="utf-8") + "\nwindow.HTMLCS = HTMLCS;")  # injected, never fetched
    found: list[str] = page.evaluate(_HTMLCS_RUN)
    return found


def screenshot(page: Page, name: str) -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@contextmanager
def recorded_requests(context: BrowserContext) -> Iterator[list[str]]:
    """Every request any page of the context makes (documents, assets, fetches, workers)."""
    urls: list[str] = []

    def record(request: Any) -> None:
        urls.append(request.url)

    context.on("request", record)
    try:
        yield urls
    finally:
        context.remove_listener("request", record)


def foreign_requests(urls: list[str], base_url: str) -> list[str]:
    """Requests to anything but the local test host (data: and blob: URLs never leave the browser)."""
    own = urlsplit(base_url).netloc
    return [u for u in urls if urlsplit(u).scheme not in ("data", "blob", "about") and urlsplit(u).netloc != own]


# Storage a page may keep, and what it may hold. Only Material's colour-scheme
# choice is allowed: it is set only when a visitor flips a palette toggle, holds
# the scheme and nothing about the visitor, and never leaves the browser.
# Everything else (cookies, consent, analytics ids, Material's __tabs,
# __announce, __outdated, __source caches, Pagefind state) is a failure.
ALLOWED_STORAGE_KEYS = {"__palette": {"index", "color"}}


def storage_entries(context: BrowserContext, page: Page) -> dict[str, Any]:
    """Cookies, localStorage and sessionStorage of the page's origin."""
    local = page.evaluate("() => Object.fromEntries(Object.entries(window.localStorage))")
    session = page.evaluate("() => Object.fromEntries(Object.entries(window.sessionStorage))")
    return {"cookies": context.cookies(), "localStorage": local, "sessionStorage": session}


def tracking_storage(entries: dict[str, Any]) -> list[str]:
    """Entries that are not on the allowed list above; an empty list means nothing tracks."""
    problems = [f"cookie {c['name']}={c['value']}" for c in entries["cookies"]]
    for area in ("localStorage", "sessionStorage"):
        for key, value in entries[area].items():
            name = key.rsplit(".", 1)[-1]  # Material scopes keys as "<site path>.<key>"
            allowed = ALLOWED_STORAGE_KEYS.get(name) if area == "localStorage" else None
            try:
                parsed = json.loads(value)
            except ValueError:
                parsed = None
            if allowed is None or not isinstance(parsed, dict) or not set(parsed) <= allowed:
                problems.append(f"{area} {key}={value}")
    return problems


FOCUS_STYLE_JS = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const style = getComputedStyle(element);
  const box = element.getBoundingClientRect();
  return {
    tag: element.tagName.toLowerCase(),
    text: (element.getAttribute('aria-label') || element.textContent || element.id || '').trim().slice(0, 60),
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    shadow: style.boxShadow !== 'none',
    width: box.width, height: box.height,
    href: element.getAttribute('href'), id: element.id,
  };
}"""


def focused(page: Page) -> dict[str, Any] | None:
    """What has keyboard focus, and whether its focus indicator is drawn."""
    result: dict[str, Any] | None = page.evaluate(FOCUS_STYLE_JS)
    return result


def focus_is_visible(state: dict[str, Any]) -> bool:
    return bool(state["outline"] or state["shadow"])
