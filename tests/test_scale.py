"""A plan of 1,000 items builds into the same kind of site as a small one (issue 6).

Both plans are "lived" (bench/synthetic.py): they stand on their period's last day, so the site has
a snapshot for each of its 16 quarters and each plan-level decision, each a table of the whole plan.

Not timed: the timings are the benchmark's (bench/run.py, BENCHMARKS.md).
These are the properties that must hold at any size: every item has its page
and is in the search index once, an item page does not grow with the plan,
and no page grows without bound.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import BuiltSite, run_mkdocs_build

from bench.synthetic import lived_epoch, write_project

LARGE = 1_000
SMALL = 40
PAGE_BUDGET = 300_000  # bytes of HTML, uncompressed, for any page


def build(folder: Path, items: int) -> tuple[BuiltSite, list[str]]:
    """A synthetic plan's site, and its items' ids."""
    project = folder / "project"
    write_project(project, items, seed=6, lived=True)
    result = run_mkdocs_build(project, folder / "site", SOURCE_DATE_EPOCH=lived_epoch())  # data_as_of may lie ahead of today
    assert result.returncode == 0, result.stdout + result.stderr
    ids = [item["id"] for item in yaml.safe_load((project / "data/plan.yaml").read_text(encoding="utf-8"))["items"]]
    return BuiltSite(folder / "site", result.stdout + result.stderr), ids


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuiltSite, list[str]]:
    return build(tmp_path_factory.mktemp("scale-large"), LARGE)


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuiltSite, list[str]]:
    return build(tmp_path_factory.mktemp("scale-small"), SMALL)


def item_pages(built: tuple[BuiltSite, list[str]]) -> list[Path]:
    """The items' pages (not the forwarding pages of previous ids)."""
    site, ids = built
    return [site.path(f"/indsatser/{ident}/") for ident in ids]


def mean_size(paths: list[Path]) -> float:
    return sum(p.stat().st_size for p in paths) / len(paths)


def test_the_generator_is_deterministic(tmp_path: Path) -> None:
    write_project(tmp_path / "a", 30, seed=3)
    write_project(tmp_path / "b", 30, seed=3)
    for path in ["data/plan.yaml", *(p.relative_to(tmp_path / "a").as_posix() for p in (tmp_path / "a/content/items").glob("*.md"))]:
        assert (tmp_path / "a" / path).read_bytes() == (tmp_path / "b" / path).read_bytes(), path


def test_every_item_has_its_page(large: tuple[BuiltSite, list[str]]) -> None:
    site, ids = large
    assert len(ids) == LARGE
    missing = [ident for ident in ids if not site.path(f"/indsatser/{ident}/").is_file()]
    assert not missing


def test_the_search_index_holds_every_item_once(large: tuple[BuiltSite, list[str]]) -> None:
    site, ids = large
    urls = []
    for fragment in (site.root / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        urls.append(json.loads(data[len(b"pagefind_dcd") :])["url"])
    item_urls = sorted(u for u in urls if u.startswith("/indsatser/"))
    assert item_urls == sorted(f"/indsatser/{ident}/" for ident in ids)


def test_an_item_page_does_not_grow_with_the_plan(large: tuple[BuiltSite, list[str]], small: tuple[BuiltSite, list[str]]) -> None:
    large_mean, small_mean = mean_size(item_pages(large)), mean_size(item_pages(small))
    assert abs(large_mean / small_mean - 1) <= 0.10, f"mean item page: {small_mean:.0f} bytes at {SMALL} items, {large_mean:.0f} bytes at {LARGE}"


def test_no_page_exceeds_the_budget(large: tuple[BuiltSite, list[str]]) -> None:
    site, _ = large
    too_big = {f"/{p.relative_to(site.root).as_posix()}": p.stat().st_size for p in site.pages() if p.stat().st_size > PAGE_BUDGET}
    assert not too_big, f"pages over {PAGE_BUDGET:,} bytes of HTML: {too_big}"


ITEMS_PER_PAGE = 250  # a page of a paged table (200 rows) plus slack: no page may list the whole plan


def test_no_page_lists_more_than_a_page_of_items(large: tuple[BuiltSite, list[str]]) -> None:
    site, _ = large
    item_link = re.compile(r'href="[^"]*indsatser/([a-z0-9-]+)/"')
    counts = {f"/{p.relative_to(site.root).as_posix()}": len(set(item_link.findall(p.read_text(encoding="utf-8")))) for p in site.pages()}
    too_long = {url: count for url, count in counts.items() if count > ITEMS_PER_PAGE}
    assert not too_long, f"pages linking more than {ITEMS_PER_PAGE} items (their size grows with the plan): {too_long}"


def test_a_decision_cited_by_many_items_names_ten_and_counts_the_rest(large: tuple[BuiltSite, list[str]]) -> None:
    """The register's rows (a committee's page, /om/) name the first ten items that cite a decision, then how many more."""
    site, _ = large
    for url in ("/udvalg/oekonomiudvalget/", "/om/"):
        rows = site.soup(url).select("table.ps-decision-table tbody tr")
        crowded = [row.select_one("td[data-label=Indsatser]") for row in rows if "andre indsatser" in row.get_text()]
        assert crowded, f"{url}: the synthetic plan cites a decision from more than ten items"
        for cell in crowded:
            assert len(cell.select("a")) == 10  # type: ignore[union-attr]
            assert re.search(r"og \d+ andre indsatser$", cell.get_text(" ", strip=True))  # type: ignore[union-attr]


def test_a_lived_plan_has_a_snapshot_a_quarter_and_a_decision_day_each_on_pages(large: tuple[BuiltSite, list[str]]) -> None:
    site, ids = large
    folder = site.root / "aendringer" / "2025-2028"
    days = sorted(p.name for p in folder.iterdir() if re.fullmatch(r"\d{4}-\d{2}-\d{2}", p.name))
    quarter_ends = [f"{year}-{end}" for year in range(2025, 2029) for end in ("03-31", "06-30", "09-30", "12-31")]
    decided = ["2024-09-24", *(f"{year}-{month}-20" for year in range(2025, 2029) for month in ("06", "12"))]
    assert days == sorted(quarter_ends + decided)
    # On the period's last day every item is in the plan: 1,000 rows over the snapshot's pages, and in its stand.json.
    rows, url = 0, "/aendringer/2025-2028/2028-12-31/"
    pages = 0
    while url:
        page = site.soup(url)
        rows += len(page.select("tbody tr[data-status]"))
        pages += 1
        following = page.select_one(".ps-pagination a[rel=next]")
        url = f"/aendringer/2025-2028/2028-12-31/{str(following['href']).rstrip('/').split('/')[-1]}/" if following else ""
    assert (rows, pages) == (len(ids), 5)
    stand = json.loads((folder / "2028-12-31" / "stand.json").read_text(encoding="utf-8"))
    assert sorted(item["id"] for item in stand["items"]) == sorted(ids)
