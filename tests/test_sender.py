"""Who sends the site (issue 18): the municipality's logo and name in the header, whom to ask in the footer and on /om/.

The bundled plan has a neutral placeholder mark and no contact ("ikke angivet endnu"); a copy
with the municipality's own PNG logo and a contact shows both on every page and in plan.json.
In a real browser, at 360 and 1280 px, the logo, the municipality's name and the whole site
name are on screen, none cut off.
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path

import jsonschema
import pytest
from browser_pages import BY_NAME, DESKTOP, PHONE
from browser_support import screenshot, visit
from bs4 import BeautifulSoup
from conftest import REPO, BuiltSite, copy_project, run_mkdocs_build
from playwright.sync_api import Browser

CONTACT = "  contact: {unit: Økonomi og Personale, email: planen@norddjurs.dk, phone: +45 89 59 10 00}\n"


def tiny_png() -> bytes:
    """A real 1×1 PNG, made here (signature, IHDR, IDAT, IEND)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")

    header = (1).to_bytes(4, "big") * 2 + bytes([8, 2, 0, 0, 0])
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\x1b\x4f\x72")) + chunk(b"IEND", b"")


@pytest.fixture(scope="module")
def own_face(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The bundled project with the municipality's own logo (a PNG) and a contact, built once."""
    work = tmp_path_factory.mktemp("sender")
    project = copy_project(work / "project")
    (project / "content/filer/kommunelogo.png").write_bytes(tiny_png())
    plan = project / "data/plan.yaml"
    text = plan.read_text(encoding="utf-8")
    text = text.replace(
        "    file: filer/logo-pladsholder.svg\n    alt: Pladsholder for kommunens logo\n", "    file: filer/kommunelogo.png\n    alt: Norddjurs Kommunes logo\n"
    )
    plan.write_text(text.replace("  values_name: Vores Norddjurs\n", CONTACT + "  values_name: Vores Norddjurs\n", 1), encoding="utf-8")
    result = run_mkdocs_build(project, work / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return BuiltSite(work / "site", result.stdout + result.stderr)


def html(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("url", ["", "indsatser/budget-i-balance/", "vejledning/ordliste/", "om/"])
def test_every_page_says_who_sends_it_and_whom_to_ask(own_face: BuiltSite, url: str) -> None:
    page = html(own_face.root, url)
    logo = page.select_one("header .ps-logo img")
    assert logo is not None and logo["alt"] == "Norddjurs Kommunes logo"
    assert (own_face.root / url / str(logo["src"])).resolve() == (own_face.root / "filer/kommunelogo.png").resolve()
    assert page.select_one("header .ps-sender .ps-sender__name").get_text(strip=True) == "Norddjurs Kommune"  # type: ignore[union-attr]
    contact = page.select_one("footer .ps-footer__contact")
    assert contact is not None
    assert " ".join(contact.get_text(" ", strip=True).split()) == "Spørgsmål om planen: Økonomi og Personale · planen@norddjurs.dk · +45 89 59 10 00"
    assert [a["href"] for a in contact.select("a")] == ["mailto:planen@norddjurs.dk", "tel:+4589591000"]


def test_the_about_page_names_the_contact(own_face: BuiltSite) -> None:
    facts = html(own_face.root, "om/").select_one("dl.ps-facts__list")
    assert facts is not None
    terms = {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True) for dt in facts.select("dt")}  # type: ignore[union-attr]
    assert " ".join(terms["Spørgsmål om planen"].split()) == "Økonomi og Personale · planen@norddjurs.dk · +45 89 59 10 00"


def test_plan_json_carries_the_logo_and_the_contact_and_validates(own_face: BuiltSite) -> None:
    data = json.loads((own_face.root / "data/plan.json").read_text(encoding="utf-8"))
    schema = json.loads((own_face.root / "data/plan.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)
    assert data["plan"]["logo"] == {"file": "http://127.0.0.1:8000/filer/kommunelogo.png", "alt": "Norddjurs Kommunes logo"}
    assert data["plan"]["contact"] == {"unit": "Økonomi og Personale", "email": "planen@norddjurs.dk", "phone": "+45 89 59 10 00"}


def test_the_bundled_site_has_a_placeholder_mark_and_no_invented_contact(bundled_site: BuiltSite) -> None:
    page = html(bundled_site.root, "om/")
    logo = page.select_one("header .ps-logo img")
    assert logo is not None and "Pladsholder" in str(logo["alt"])
    assert (REPO / "content/filer/logo-pladsholder.svg").is_file()
    assert page.select_one("footer .ps-footer__contact").get_text(" ", strip=True) == "Spørgsmål om planen: ikke angivet endnu"  # type: ignore[union-attr]
    data = json.loads((bundled_site.root / "data/plan.json").read_text(encoding="utf-8"))
    assert data["plan"]["contact"] is None and data["example_data"] is True


HEADER_JS = """() => {
  const visible = el => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' ? {left: r.left, right: r.right, top: r.top, bottom: r.bottom} : null; };
  const shown = [...document.querySelectorAll('.ps-sender__name, .ps-sender__site')].filter(visible);
  const logo = document.querySelector('header .ps-logo img');
  return {
    logo: logo && visible(logo), logoLoaded: logo ? logo.complete && logo.naturalWidth > 0 : false,
    names: shown.map(el => ({cls: el.className, text: el.textContent.trim(), box: visible(el), cut: el.scrollWidth > el.clientWidth + 1,
                             px: parseFloat(getComputedStyle(el).fontSize)})),
    pageWidth: document.documentElement.scrollWidth,
  };
}"""


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360px", "1280px"])
def test_the_header_shows_the_logo_and_the_whole_names_at_every_width(browser: Browser, bundled_url: str, viewport: dict[str, int]) -> None:
    context = browser.new_context(viewport=viewport, locale="da-DK")
    page = context.new_page()
    try:
        visit(page, bundled_url, BY_NAME["item-with-note"])
        found = page.evaluate(HEADER_JS)
        assert found["logo"] is not None and found["logoLoaded"], "the municipality's mark is shown"
        assert found["logo"]["right"] <= viewport["width"]
        assert {name["text"] for name in found["names"]} == {"Norddjurs Kommune", "Udmøntningsplan 2025-2028"}
        for name in found["names"]:
            assert not name["cut"], f"cut off: {name}"
            assert name["px"] >= 13, name
            assert name["box"]["left"] >= 0 and name["box"]["right"] <= viewport["width"], name
        assert found["pageWidth"] <= viewport["width"]
        screenshot(page, f"header-{viewport['width']}")
    finally:
        context.close()
