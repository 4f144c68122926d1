"""An item page's "Citér" block: a plain-text citation in Danish and CSL-JSON, ready to copy without a script."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess

import pytest
from browser_pages import BY_NAME
from browser_support import axe_violations, htmlcs_errors, visit
from conftest import REPO, BuiltSite
from playwright.sync_api import BrowserContext

from planspor.citation import citation

ITEM = "trafiksikker-skolevej"


def _commit() -> str:
    """The commit the bundled build names, found as buildinfo.build_stamp finds it."""
    commit = os.environ.get("PLANSPOR_COMMIT") or os.environ.get("GITHUB_SHA")
    if not commit:
        commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    return commit[:7]


def test_item_page_has_the_citation(bundled_site: BuiltSite) -> None:
    soup = bundled_site.soup(f"indsatser/{ITEM}/")
    block = soup.select_one("details.ps-cite")
    assert block is not None
    assert block.has_attr("data-pagefind-ignore")  # not in the search index
    assert block.summary is not None and block.summary.get_text(strip=True) == "Citér"
    site_url = os.environ.get("SITE_URL", "http://127.0.0.1:8000/").rstrip("/") + "/"
    address = f"{site_url}indsatser/{ITEM}/"
    version = _commit()
    title = soup.h1.get_text(strip=True) if soup.h1 else ""
    text = block.select_one("pre.ps-cite__text")
    assert text is not None
    assert text.get_text() == f'Norddjurs Kommune: "{title}". Udmøntningsplan 2025-2028, data pr. 1. oktober 2024. {address} (version {version}).'
    csl = block.select_one("pre.ps-cite__csl")
    assert csl is not None
    [entry] = json.loads(csl.get_text())
    assert entry["title"] == title
    assert entry["URL"] == address
    assert entry["version"] == version
    assert entry["issued"] == {"date-parts": [[2024, 10, 1]]}
    assert entry["author"] == [{"literal": "Norddjurs Kommune"}]
    assert entry["container-title"] == "Udmøntningsplan 2025-2028"


def test_an_item_of_an_earlier_plan_only_is_cited_in_that_plan(bundled_site: BuiltSite) -> None:
    """raaderumsanalyse was finished in Udmøntningsplan 2024-2027 and not carried into 2025-2028."""
    block = bundled_site.soup("indsatser/raaderumsanalyse/").select_one("details.ps-cite")
    assert block is not None
    assert "Udmøntningsplan 2024-2027, data pr. 1. oktober 2024." in block.select_one("pre.ps-cite__text").get_text()
    [entry] = json.loads(block.select_one("pre.ps-cite__csl").get_text())
    assert entry["container-title"] == "Udmøntningsplan 2024-2027"


def test_quotes_and_braces_in_a_title_survive() -> None:
    title = 'Skolevej "Nord" {fase 2} \\ <test> & mere'
    made = citation(title, "indsatser/x/", "Udmøntningsplan 2025-2028", "Norddjurs Kommune", dt.date(2024, 10, 1), "afab2bb", "https://plan.example.dk/")
    [entry] = json.loads(made["csl_json"])
    assert entry["title"] == title
    assert entry["id"] == "indsatser-x"
    assert '\\"Nord\\"' in made["csl_json"]  # JSON's own escaping, nothing else
    assert made["url"] == "https://plan.example.dk/indsatser/x/"
    assert (
        made["text"]
        == f'Norddjurs Kommune: "{title}". Udmøntningsplan 2025-2028, data pr. 1. oktober 2024. https://plan.example.dk/indsatser/x/ (version afab2bb).'
    )


def test_without_a_commit_or_site_url() -> None:
    made = citation("Titel", "indsatser/x/", "Plan", "Kommune", dt.date(2024, 3, 5), "", "")
    assert made["text"] == 'Kommune: "Titel". Plan, data pr. 5. marts 2024. indsatser/x/.'
    assert "version" not in json.loads(made["csl_json"])[0]


@pytest.mark.browser
def test_the_opened_block_is_accessible_and_stays_off_paper(bundled_url: str, desktop: BrowserContext) -> None:
    page = desktop.new_page()
    try:
        visit(page, bundled_url, BY_NAME["item-without-note"])
        block = page.locator("details.ps-cite")
        assert not block.locator("pre.ps-cite__text").is_visible()  # closed until asked for
        block.locator("summary").click()
        assert block.locator("pre.ps-cite__text").is_visible()
        assert axe_violations(page, context="details.ps-cite") == []
        assert htmlcs_errors(page) == []
        page.emulate_media(media="print")
        assert not block.is_visible()
    finally:
        page.close()


def test_a_snapshot_page_cites_the_plan_on_its_day(bundled_site: BuiltSite) -> None:
    soup = bundled_site.soup("/aendringer/2024-2027/2024-06-30/")
    block = soup.select_one("details.ps-cite")
    assert block is not None and block.find_parent(attrs={"data-pagefind-body": True}) is None
    site_url = os.environ.get("SITE_URL", "http://127.0.0.1:8000/").rstrip("/") + "/"
    address = f"{site_url}aendringer/2024-2027/2024-06-30/"
    text, csl = (pre.get_text() for pre in block.select("pre"))
    assert text == (
        f'Norddjurs Kommune: "Udmøntningsplan 2024-2027 den 30. juni 2024". Udmøntningsplan 2024-2027, data pr. 30. juni 2024. {address} (version {_commit()}).'
    )
    [entry] = json.loads(csl)
    assert (entry["URL"], entry["issued"], entry["container-title"]) == (address, {"date-parts": [[2024, 6, 30]]}, "Udmøntningsplan 2024-2027")
