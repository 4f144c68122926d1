"""Long item tables page themselves, so no page grows with the plan."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, copy_project, run_mkdocs_build
from test_page_data import environment, render

from planspor import pages_listings
from planspor.model import HistoryEntry
from planspor.page_fragments import SiteContext
from planspor.page_source import PageSource
from planspor.project import load_plan, load_project

ITEMS = 450  # more than two pages of 200 rows

# One build for the module; under xdist the group keeps its tests on one worker (dev.py: --dist loadgroup).
pytestmark = pytest.mark.xdist_group("paged-site")


def add_items(project: Path, count: int) -> None:
    """Append copies of the first item (all in one theme) with fresh ids."""
    plan = project / "data/plan.yaml"
    text = plan.read_text(encoding="utf-8")
    start = text.index("  - id: budget-i-balance\n")
    end = text.index("  - id: ", start + 1)
    block = text[start:end]
    copies = [
        block.replace("id: budget-i-balance", f"id: kopi-{n:04d}").replace("title: Budget i balance", f"title: Kopi {n:04d} af budget i balance")
        for n in range(count)
    ]
    plan.write_text(text + "".join(copies), encoding="utf-8")


def rows(site: Path, url: str) -> int:
    soup = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
    return len(soup.select("table.ps-table:not(.ps-decision-table) tbody tr"))


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled plan with ITEMS items, built once: long enough for side-2 pages."""
    work = tmp_path_factory.mktemp("paged")
    project = copy_project(work / "project")
    add_items(project, ITEMS - len(load_plan(project).items))
    site = work / "site"
    result = run_mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="module")
def paged_url(paged_site: Path) -> Iterator[str]:
    from server import serve_site

    with serve_site(paged_site) as url:
        yield url


def test_tables_page_themselves_and_work_without_javascript(paged_site: Path) -> None:
    site = paged_site
    total = ITEMS
    assert [rows(site, u) for u in ("status", "status/side-2", "status/side-3")] == [200, 200, total - 400]
    assert not (site / "status/side-4").exists()
    soup = BeautifulSoup((site / "status/side-2/index.html").read_text(encoding="utf-8"), "html.parser")
    nav = soup.select_one("nav.ps-pagination")
    assert nav is not None and f"Viser 201–400 af {total} indsatser (side 2 af 3)" in nav.get_text(" ", strip=True)
    assert nav.select_one("a[aria-current=page]").get_text() == "2"
    assert nav.select_one("a[rel=prev]")["href"] == "../"
    assert nav.select_one("a[rel=next]")["href"] == "../side-3/"
    theme_rows = [rows(site, "temaer/oekonomisk-politik")]
    page = 2
    while (site / f"temaer/oekonomisk-politik/side-{page}").exists():
        theme_rows.append(rows(site, f"temaer/oekonomisk-politik/side-{page}"))
        page += 1
    assert max(theme_rows) == 200 and sum(theme_rows) == 5 + ITEMS - len(load_plan(REPO).items)
    only_first_indexed = BeautifulSoup((site / "temaer/oekonomisk-politik/side-2/index.html").read_text(encoding="utf-8"), "html.parser")
    assert only_first_indexed.select("[data-pagefind-body]") == []
    view = BeautifulSoup((site / "status/i-gang/index.html").read_text(encoding="utf-8"), "html.parser")
    assert {b.get_text(strip=True) for b in view.select("table .ps-badge__label")} == {"I gang"}


@pytest.mark.browser
@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_a_later_page_of_a_listing_has_no_axe_violations_or_htmlcs_errors(request: pytest.FixtureRequest, paged_url: str, width: str) -> None:
    """The last page of a theme's list (19 rows: the checkers take seconds on each of a full page's 200)."""
    from browser_support import axe_violations, htmlcs_errors

    page = request.getfixturevalue(width).new_page()
    try:
        response = page.goto(paged_url + "temaer/oekonomisk-politik/side-3/")
        assert response is not None and response.status == 200
        assert page.locator("nav.ps-pagination a[aria-current=page]").inner_text() == "3"
        assert axe_violations(page) == []
        assert htmlcs_errors(page) == []
    finally:
        page.close()


# -- a status view keeps every page it ever had ------------------------------------------------------

EVER_LATE, LATE_NOW = 650, 250  # four pages of 'forsinket' once, two today


def view_sources(status_ids: tuple[str, str]) -> dict[str, PageSource]:
    """The status pages of a plan, made in memory, of EVER_LATE items that were all once the first
    status; LATE_NOW of them still are, the rest have moved on to the second."""
    project = load_project(REPO)
    plan = project.plan
    late, going = (next(s for s in plan.statuses if s.id == ident) for ident in status_ids)
    template = dataclasses.replace(plan.items[0], related_ids=(), previous_ids=())
    items = tuple(
        dataclasses.replace(
            template,
            id=f"kopi-{n:04d}",
            title=f"Kopi {n:04d}",
            history=(HistoryEntry(dt.date(2024, 1, 10), status=late),) + ((HistoryEntry(dt.date(2024, 6, 1), status=going),) if n >= LATE_NOW else ()),
        )
        for n in range(EVER_LATE)
    )
    moved = dataclasses.replace(project, plan=dataclasses.replace(plan, items=items, items_by_id={i.id: i for i in items}))
    return {source.src_uri: source for source in pages_listings.status_table(SiteContext(moved))}


def test_a_status_view_keeps_answering_the_pages_it_had_before_items_left_it() -> None:
    sources = view_sources(("forsinket", "i-gang"))
    late = sorted(uri for uri in sources if uri.startswith("status/forsinket"))
    assert late == ["status/forsinket.md", "status/forsinket/side-2.md", "status/forsinket/side-3.md", "status/forsinket/side-4.md"]
    env = environment()
    second = BeautifulSoup(render(env, sources["status/forsinket/side-2.md"]), "html.parser")
    assert len(second.select("table.ps-table tbody tr")) == LATE_NOW - 200
    assert "Viser 201–250 af 250 indsatser (side 2 af 2)" in second.select_one("nav.ps-pagination").get_text(" ", strip=True)
    for former in ("status/forsinket/side-3.md", "status/forsinket/side-4.md"):
        page = BeautifulSoup(render(env, sources[former]), "html.parser")
        assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == "0; url=status/forsinket/", former
        assert page.find("link", rel="canonical")["href"] == "https://eksempel.dk/status/forsinket/"
        assert page.find("a", href="status/forsinket/").get_text() == "Indsatser med status Forsinket"
    going = sorted(uri for uri in sources if uri.startswith("status/i-gang"))
    assert going == ["status/i-gang.md", "status/i-gang/side-2.md"], "a view that never was longer gets no forwarding pages"
    assert sorted(uri for uri in sources if uri.startswith("status/side-")) == ["status/side-2.md", "status/side-3.md", "status/side-4.md"]


def test_items_that_held_a_status_are_counted_once_each() -> None:
    """An item that is late, then going, then late again counts once towards 'forsinket'."""
    plan = load_project(REPO).plan
    late, going = (next(s for s in plan.statuses if s.id == ident) for ident in ("forsinket", "i-gang"))
    history = tuple(HistoryEntry(dt.date(2024, month, 1), status=status) for month, status in ((1, late), (3, going), (5, None), (7, late)))
    item = dataclasses.replace(plan.items[0], history=history)
    assert pages_listings.items_ever_with_status([item, item]) == {"forsinket": 2, "i-gang": 2}
