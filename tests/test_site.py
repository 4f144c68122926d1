"""The bundled plan, built by `mkdocs build --strict`, as a visitor receives it.

Expectations are read from data/plan.yaml directly (plain PyYAML), not from
Planspor's own model, so a bug in the model cannot make these tests agree.
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from conftest import REPO, BuiltSite, mkdocs_env

from planspor.search_index import EXCLUDE_SELECTORS


@cache
def raw_plan() -> dict[str, Any]:
    return yaml.safe_load((REPO / "data/plan.yaml").read_text(encoding="utf-8"))


def expected_status(item: dict[str, Any]) -> str:
    """The label of the last history entry that sets a status."""
    status_id = [entry["status"] for entry in item["history"] if "status" in entry][-1]
    return next(s["label"] for s in raw_plan()["statuses"] if s["id"] == status_id)


def items() -> list[dict[str, Any]]:
    return raw_plan()["items"]


def current_items() -> list[dict[str, Any]]:
    """The current plan's items (an item without 'plans' is in it): what the overview counts."""
    period = raw_plan()["plan"]["period"]
    current = f"{period['start']}-{period['end']}"
    return [i for i in items() if current in i.get("plans", [current])]


def text_of(soup: Any) -> str:
    return " ".join(soup.get_text(" ").split())


# -- the build itself ------------------------------------------------------------


def test_strict_build_is_clean_and_quiet(bundled_site: BuiltSite) -> None:
    output = bundled_site.build_output
    assert "WARNING" not in output
    assert "MkDocs 2.0" not in output and "NO_MKDOCS_2_WARNING" not in output
    assert 'not included in the "nav"' not in output and "not in nav" not in output.lower()
    assert "Traceback" not in output


# -- the URL scheme -----------------------------------------------------------------


def test_overview_shows_data_as_of_counts_themes_and_decisions(bundled_site: BuiltSite) -> None:
    soup = bundled_site.soup("/")
    text = text_of(soup)
    assert "Data pr. 1. oktober 2024" in text
    current = current_items()
    assert 0 < len(current) < len(items()), "the bundled site holds an earlier plan"
    assert f"Planen har {len(current)} indsatser" in text
    finished = sum(1 for i in current if expected_status(i) == "Afsluttet")
    dropped = sum(1 for i in current if expected_status(i) == "Udgået")
    assert f"{finished} af {len(current) - dropped} indsatser er afsluttet" in text
    if dropped:
        assert f"De {dropped} udgåede indsatser tæller ikke med." in text
    else:  # the bundled current plan: its dropped items stayed in the plan before it
        assert "udgåede indsatser tæller ikke med" not in text
    theme_links = [a.get_text(strip=True) for a in soup.select(".ps-card__title a")]
    assert theme_links == [t["title"] for t in raw_plan()["themes"]]
    decisions = [" ".join(li.get_text().split()) for li in soup.select("ol.ps-decisions li")]
    assert decisions == [
        "5. december 2023: Økonomiudvalget – Tiltrådt",
        "12. december 2023: Kommunalbestyrelsen – Godkendt",
        "29. februar 2024: Hovedudvalget – Til orientering",
    ]


@pytest.mark.parametrize("theme", raw_plan()["themes"], ids=lambda t: t["id"])
def test_theme_page_lists_its_items_with_status(bundled_site: BuiltSite, theme: dict[str, Any]) -> None:
    soup = bundled_site.soup(f"/temaer/{theme['id']}/")
    assert soup.h1 is not None and soup.h1.get_text(strip=True) == theme["title"]
    rows = soup.select("table.ps-table:not(.ps-decision-table) tbody tr")
    expected = {i["title"]: expected_status(i) for i in items() if i["theme"] == theme["id"]}
    found = {row.select_one("td a").get_text(strip=True): row.select_one(".ps-badge__label").get_text(strip=True) for row in rows}
    assert found == expected
    intro = REPO / "content" / "temaer" / f"{theme['id']}.md"
    if intro.exists():
        first_words = " ".join(intro.read_text(encoding="utf-8").split()[:6])
        assert first_words in text_of(soup)


@pytest.mark.parametrize("item", raw_plan()["items"], ids=lambda i: i["id"])
def test_item_page_has_title_badge_facts_and_history(bundled_site: BuiltSite, item: dict[str, Any]) -> None:
    soup = bundled_site.soup(f"/indsatser/{item['id']}/")
    assert soup.h1 is not None and soup.h1.get_text(strip=True) == item["title"]
    badge = soup.select_one(".ps-item__status .ps-badge")
    assert badge is not None and badge.get_text(strip=True) == expected_status(item)
    assert badge.select_one("svg") is not None, "a status is never shown by colour alone"
    text = text_of(soup)
    theme_title = next(t["title"] for t in raw_plan()["themes"] if t["id"] == item["theme"])
    assert theme_title in text
    for committee in item["committees"]:
        title = next(c["title"] for c in raw_plan()["committees"] if c["id"] == committee)
        assert soup.find("a", href=f"../../udvalg/{committee}/", string=title) is not None
    history = soup.select(".ps-history__entry:not(.ps-history__entry--plan)")  # an entry into a plan is no entry of the file's history
    assert len(history) == len(item["history"])
    for sdg in item.get("sdgs") or []:
        assert soup.find("a", href=f"../../verdensmaal/{sdg}/") is not None
    for related in item.get("related") or []:
        assert soup.find("a", href=f"../{related}/") is not None


def test_item_note_is_shown_inside_its_item_page(bundled_site: BuiltSite) -> None:
    notes = sorted((REPO / "content/items").glob("*.md"))
    assert len(notes) >= 10
    for note in notes:
        page = text_of(bundled_site.soup(f"/indsatser/{note.stem}/"))
        first_sentence = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", note.read_text(encoding="utf-8").split("\n\n")[0])
        assert " ".join(first_sentence.split()[:8]).replace("**", "") in page


def test_notes_are_not_pages_of_their_own(bundled_site: BuiltSite) -> None:
    assert not (bundled_site.root / "items").exists()
    assert not any("/items/" in p.as_posix() for p in bundled_site.pages())


def test_dropped_item_keeps_its_page_with_its_reason(bundled_site: BuiltSite) -> None:
    dropped = [i for i in items() if expected_status(i) == "Udgået"]
    assert dropped
    for item in dropped:
        reason = [e for e in item["history"] if e.get("status") == "udgaaet"][-1]["comment"]
        soup = bundled_site.soup(f"/indsatser/{item['id']}/")
        assert " ".join(reason.split()) in text_of(soup.select_one(".ps-item__reason"))


def test_status_table_lists_every_item_once_with_filters(bundled_site: BuiltSite) -> None:
    soup = bundled_site.soup("/status/")
    rows = soup.select("#ps-all-items tbody tr")
    titles = [row.select_one("td a").get_text(strip=True) for row in rows]
    assert sorted(titles) == sorted(i["title"] for i in items())
    for row in rows:
        title = row.select_one("td a").get_text(strip=True)
        item = next(i for i in items() if i["title"] == title)
        assert row.select_one(".ps-badge__label").get_text(strip=True) == expected_status(item)
        assert row["data-status"] and row["data-theme"] == item["theme"]
    for name in ("status", "theme", "committees", "kind"):
        assert soup.select_one(f"form.ps-filters select[name={name}]") is not None
    script = soup.find("script", src=re.compile(r"planspor-table\.js$"))
    assert script is not None and (bundled_site.root / "assets/javascripts/planspor-table.js").exists()


@pytest.mark.parametrize("committee", raw_plan()["committees"], ids=lambda c: c["id"])
def test_committee_work_plan_is_ordered_by_timing(bundled_site: BuiltSite, committee: dict[str, Any]) -> None:
    soup = bundled_site.soup(f"/udvalg/{committee['id']}/")
    assert soup.h1.get_text(strip=True) == committee["title"]
    tables = soup.select("table.ps-table:not(.ps-decision-table)")
    rows = [row for table in tables for row in table.select("tbody tr")]
    assert len(rows) == sum(1 for i in items() if committee["id"] in i["committees"])
    # One table per plan (the current plan's first, then those that ended with the plan before), each by timing.
    for table in tables:
        keys = [row["data-sort-timing"] for row in table.select("tbody tr")]
        assert keys == sorted(keys)


def test_strategy_and_sdg_pages(bundled_site: BuiltSite) -> None:
    for strategy in raw_plan()["strategies"]:
        soup = bundled_site.soup(f"/strategier/{strategy['id']}/")
        assert soup.h1.get_text(strip=True) == strategy["title"]
        for strength in strategy.get("strengths", []):
            assert soup.find(id=strength["id"]) is not None
    used = set(raw_plan()["sdgs"]) | {n for i in items() for n in i.get("sdgs") or []}
    for number in used:
        soup = bundled_site.soup(f"/verdensmaal/{number}/")
        assert str(number) in soup.h1.get_text()
        linked = [i for i in items() if number in (i.get("sdgs") or [])]
        assert len(soup.select("table.ps-table:not(.ps-decision-table) tbody tr")) == len(linked)
    assert "Partnerskaber for handling" in text_of(bundled_site.soup("/verdensmaal/17/"))


def test_about_page_has_decisions_values_and_status_meanings(bundled_site: BuiltSite) -> None:
    text = text_of(bundled_site.soup("/om/"))
    for word in ("Tiltrådt", "Godkendt", "Til orientering", "Tillid", "Ordentlighed", "Udvikling", "Fællesskab", "Vores Norddjurs"):
        assert word in text
    for status in raw_plan()["statuses"]:
        assert status["label"] in text and status["meaning"] in text


def test_every_page_carries_the_example_data_notice(bundled_site: BuiltSite) -> None:
    assert raw_plan()["plan"]["example_data"] is True
    for page in bundled_site.pages():
        html = page.read_text(encoding="utf-8")
        if page.name == "404.html" or 'http-equiv="refresh"' in html:
            continue
        assert "Eksempeldata." in html, page


def test_an_items_old_address_forwards_to_its_page(bundled_site: BuiltSite) -> None:
    renamed = [i for i in items() if i.get("previous_ids")]
    assert renamed
    for item in renamed:
        for old in item["previous_ids"]:
            soup = bundled_site.soup(f"/indsatser/{old}/")
            refresh = soup.find("meta", attrs={"http-equiv": "refresh"})
            assert refresh is not None and refresh["content"] == f"0; url=../{item['id']}/"
            assert soup.find("link", rel="canonical")["href"].endswith(f"/indsatser/{item['id']}/")
            assert soup.find("a", href=f"../{item['id']}/").get_text() == item["title"]


# -- links, hosts, navigation ----------------------------------------------------------


def _local_targets(site: BuiltSite, page: Path) -> list[tuple[str, str]]:
    html = page.read_text(encoding="utf-8")
    return re.findall(r'(href|src)="([^"]*)"', html)


def test_every_internal_link_resolves(bundled_site: BuiltSite) -> None:
    root = bundled_site.root
    checked = 0
    for page in bundled_site.pages():
        url = "/" + page.relative_to(root).as_posix()
        for _, target in _local_targets(bundled_site, page):
            if target.startswith(("http://", "https://", "mailto:", "data:")) or target.startswith("#"):
                continue
            path = urlsplit(urljoin(url, target)).path
            resolved = root / path.lstrip("/")
            if path.endswith("/"):
                resolved = resolved / "index.html"
            assert resolved.exists(), f"{url} links to {target}, which does not exist"
            checked += 1
    assert checked > 1000


def test_a_page_of_one_status_filters_by_anything_but_status(bundled_site: BuiltSite) -> None:
    every = bundled_site.soup("/status/").select("form.ps-filters select")
    one = bundled_site.soup("/status/forsinket/").select("form.ps-filters select")
    assert [s["name"] for s in every] == ["status", "theme", "committees", "kind"]
    assert [s["name"] for s in one] == ["theme", "committees", "kind"]


def toc_hidden(site: BuiltSite, url: str) -> bool:
    sidebar = site.soup(url).select_one('.md-sidebar[data-md-type="toc"]')
    assert sidebar is not None
    return sidebar.has_attr("hidden")


def test_pages_without_headings_of_their_own_give_the_table_of_contents_column_to_the_content(bundled_site: BuiltSite) -> None:
    """Lists and tables get the width (a table's columns fit at 1280 px); a note with headings keeps its contents list."""
    noted = sorted(p.stem for p in (REPO / "content/items").glob("*.md") if re.search(r"^## ", p.read_text(encoding="utf-8"), re.MULTILINE))
    assert noted
    for url in ("/", "/status/", "/status/i-gang/", "/udvalg/oekonomiudvalget/", "/temaer/", "/aendringer/", "/tal/"):
        assert toc_hidden(bundled_site, url), url
    assert not toc_hidden(bundled_site, f"/indsatser/{noted[0]}/")
    toc = bundled_site.soup(f"/indsatser/{noted[0]}/").select('.md-sidebar[data-md-type="toc"] a.md-nav__link')
    assert toc, "the note's headings are listed"


def test_material_search_is_not_published_beside_pagefind(bundled_site: BuiltSite) -> None:
    """Planspor searches with Pagefind; Material's lunr search (1.2 MB, never loaded) stays out of the site."""
    scripts = bundled_site.root / "assets/javascripts"
    assert (scripts / "planspor-search.js").exists() and (bundled_site.root / "pagefind/pagefind-ui.js").exists()
    assert not (scripts / "lunr").exists()
    assert sorted(p.name for p in scripts.rglob("search.*")) == []
    assert "lunr" not in bundled_site.html("/soeg/")


def test_no_page_loads_anything_from_another_host(bundled_site: BuiltSite) -> None:
    """Scripts, styles, fonts, images, frames: only from the site itself. (Links a visitor may click are fine.)"""
    site_url = "http://127.0.0.1:8000/"
    loaded = 0
    for page in bundled_site.pages():
        soup = bundled_site.soup("/" + page.relative_to(bundled_site.root).as_posix())
        for element in soup.find_all(src=True):
            loaded += 1
            assert not element["src"].startswith(("http:", "https:", "//")), f"{page}: {element}"
        for element in soup.find_all("link", href=True):
            rel = element.get("rel") or []
            if "canonical" in rel or "alternate" in rel:
                assert element["href"].startswith(site_url) or not element["href"].startswith(("http", "//")), f"{page}: {element}"
                continue
            loaded += 1
            assert not element["href"].startswith(("http:", "https:", "//")), f"{page}: {element}"
        for element in soup.find_all(srcset=True):
            assert "//" not in element["srcset"], f"{page}: {element}"
    assert loaded > 100
    for css in bundled_site.root.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert not re.search(r"url\((['\"]?)(https?:)?//", text), css
        assert "fonts.googleapis" not in text, css


def test_navigation_does_not_list_items(bundled_site: BuiltSite) -> None:
    url = f"/indsatser/{items()[0]['id']}/"
    nav_links = bundled_site.soup(url).select("nav.md-nav--primary a")
    assert 0 < len(nav_links) < 30, "the site's sections and the guide's pages, not an entry per item"
    assert not any(urljoin(url, str(a.get("href") or "")).startswith("/indsatser/") for a in nav_links)


def test_danish_slugs_for_urls_and_heading_anchors(bundled_site: BuiltSite) -> None:
    assert (bundled_site.root / "temaer/oekonomisk-politik/index.html").exists()
    soup = bundled_site.soup("/om/")
    ids = [h["id"] for h in soup.select("h2[id]")]
    assert "saadan-laeser-du-status" in ids
    assert not any(re.search(r"[^a-z0-9-]", i) for i in ids)


# -- the search index --------------------------------------------------------------------


def pagefind_records(site: BuiltSite) -> list[dict[str, Any]]:
    records = []
    for fragment in (site.root / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        records.append(json.loads(data[len(b"pagefind_dcd") :]))
    return records


def test_search_bundle_is_whole_as_pagefinds_command_line_writes_it(bundled_site: BuiltSite, tmp_path: Path) -> None:
    """Every file Pagefind makes is published complete: its scripts, styles and WebAssembly
    byte for byte as `pagefind --site` writes them, and every fragment of the same page found."""
    command = [sys.executable, "-m", "pagefind", "--site", str(bundled_site.root), "--output-path", str(tmp_path), "--quiet"]
    command += [option for selector in EXCLUDE_SELECTORS for option in ("--exclude-selectors", selector)]
    subprocess.run(command, check=True, capture_output=True, env=mkdocs_env())
    ours = bundled_site.root / "pagefind"
    published = {p.relative_to(ours).as_posix(): p for p in ours.rglob("*") if p.is_file()}
    reference = {p.relative_to(tmp_path).as_posix(): p for p in tmp_path.rglob("*") if p.is_file()}
    assert [name for name, path in published.items() if path.stat().st_size == 0] == []
    # The index chunks are named by their content and are built from the searchable part only.
    constant = {name for name in reference if name.endswith((".js", ".css")) or name.startswith(("wasm.", "fragment/"))}
    assert len(constant) > 10 and constant <= published.keys()
    assert [name for name in sorted(constant) if published[name].read_bytes() != reference[name].read_bytes()] == []
    assert kinds(published) == kinds(reference)


def kinds(names: Any) -> set[str]:
    """Pagefind's files by folder and kind: the meta file's name holds a hash of its content."""
    return {re.sub(r"_[0-9a-f]+\.pf_meta$", ".pf_meta", name.split("/")[0]) for name in names}


def test_search_index_holds_every_item_once_and_no_boilerplate(bundled_site: BuiltSite) -> None:
    records = pagefind_records(bundled_site)
    urls = [r["url"] for r in records]
    for item in items():
        assert urls.count(f"/indsatser/{item['id']}/") == 1
    for theme in raw_plan()["themes"]:
        assert urls.count(f"/temaer/{theme['id']}/") == 1
    assert not any("/items/" in u for u in urls)
    assert "/status/" not in urls and "/" not in urls
    item_records = [r for r in records if r["url"].startswith("/indsatser/")]
    assert not any("¶" in r["content"] for r in records), "the headings' permalinks are not searchable text"
    for record in item_records:
        assert "Tidspunkt (vejledende)" not in record["content"]
        assert "Historik" not in record["content"]
    lang = json.loads((bundled_site.root / "pagefind" / "pagefind-entry.json").read_text())
    assert list(lang["languages"]) == ["da"]


def test_search_indexes_exactly_the_marked_part_of_every_page(bundled_site: Any) -> None:
    """What the build sends Pagefind is the element marked data-pagefind-body, whole, and nothing else:
    also when the attribute's name appears in the text before it."""
    from planspor.search_index import searchable_part

    tricky = '<p>Skriv data-pagefind-body i koden</p><div class="data">nej</div><article class="a" data-pagefind-body><div>ja <div>også</div></div></article><p>efter</p>'
    assert searchable_part(f'<html lang="da"><body>{tricky}</body></html>') == (
        '<!DOCTYPE html><html lang="da"><head></head><body><article class="a" data-pagefind-body><div>ja <div>også</div></div></article></body></html>'
    )
    assert searchable_part("<html><body><p>ingen</p></body></html>") is None
    item = (bundled_site.root / "indsatser/budget-i-balance/index.html").read_text(encoding="utf-8")
    part = searchable_part(item)
    assert part is not None and part.count("data-pagefind-body") == 1
    assert "<h1>Budget i balance på velfærdsområderne</h1>" in part and "md-header" not in part
    # What Pagefind is told to ignore is not sent (its index is the same without it); a section that
    # holds the result's metadata, or another section, is sent for Pagefind to read.
    assert 'id="historik"' in item and 'id="historik"' not in part and 'id="fakta"' not in part
    kept = '<div data-pagefind-body><h1>T</h1><section data-pagefind-ignore><p>bort</p></section><section data-pagefind-ignore><a data-pagefind-meta="tema">X</a></section></div>'
    assert searchable_part(f'<html lang="da"><body>{kept}</body></html>') == (
        '<!DOCTYPE html><html lang="da"><head></head><body><div data-pagefind-body><h1>T</h1>'
        + '<section data-pagefind-ignore><a data-pagefind-meta="tema">X</a></section></div></body></html>'
    )
