"""What changed: Atom feeds and the quarterly changes page, checked against the plan's histories."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import feedparser
import pytest
import yaml
from conftest import REPO, BuiltSite, run_mkdocs_build, run_planspor

from planspor.changes import OtherEntry, within_span

ATOM = "{http://www.w3.org/2005/Atom}"


def raw_plan() -> dict[str, Any]:
    return yaml.safe_load((REPO / "data/plan.yaml").read_text(encoding="utf-8"))


def history_entries() -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [(item, entry) for item in raw_plan()["items"] for entry in item["history"]]


def parse_feed(site: BuiltSite, path: str) -> ET.Element:
    return ET.fromstring((site.root / path).read_bytes())


def change_entries(feed: ET.Element) -> list[ET.Element]:
    """The feed's entries of changes: all but the snapshots' (category 'stand', tests/test_snapshots.py)."""
    return [e for e in feed.findall(f"{ATOM}entry") if e.find(f"{ATOM}category").get("term") != "stand"]


def test_the_plan_feed_has_one_entry_per_change_matching_the_histories(bundled_site: BuiltSite) -> None:
    feed = parse_feed(bundled_site, "feeds/aendringer.xml")
    assert feed.tag == f"{ATOM}feed"
    assert feed.find(f"{ATOM}title").text.startswith("[Eksempeldata] ")
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == "http://127.0.0.1:8000/feeds/aendringer.xml"
    assert feed.find(f"{ATOM}link[@rel='alternate']").get("href") == "http://127.0.0.1:8000/aendringer/"
    entries = change_entries(feed)
    assert len(entries) == len(history_entries())
    labels = {s["id"]: s["label"] for s in raw_plan()["statuses"]}
    items = {i["id"]: i for i in raw_plan()["items"]}
    dates = [e.find(f"{ATOM}updated").text for e in entries]
    assert dates == sorted(dates, reverse=True), "newest first"
    seen_ids = set()
    for entry in entries:
        seen_ids.add(entry.find(f"{ATOM}id").text)
        href = entry.find(f"{ATOM}link").get("href")
        item = items[href.rstrip("/").rsplit("/", 1)[-1]]
        day = dt.date.fromisoformat(entry.find(f"{ATOM}updated").text[:10])
        matching = [h for h in item["history"] if h["date"] == day]
        assert matching, f"{item['id']} has no history entry on {day}"
        title = entry.find(f"{ATOM}title").text
        assert item["title"] in title
        if any("status" in h for h in matching):
            assert any(labels[h["status"]] in title for h in matching if "status" in h)
        summary = entry.find(f"{ATOM}summary").text
        assert "Eksempeldata" in summary
        for h in matching:
            if h.get("comment") and len(matching) == 1:
                assert h["comment"].strip() in summary
    assert len(seen_ids) == len(entries), "entry ids are unique"


def feed_entry(feed: ET.Element, item_id: str, day: str) -> ET.Element:
    """The entry of the item's change on ``day`` (an item has one history entry a day)."""
    [entry] = [
        e
        for e in feed.findall(f"{ATOM}entry")
        if e.find(f"{ATOM}link[@rel='alternate']").get("href").endswith(f"/{item_id}/") and e.find(f"{ATOM}updated").text.startswith(day)
    ]
    return entry


def test_a_change_that_cites_a_decision_or_a_document_says_so_in_the_feed(bundled_site: BuiltSite) -> None:
    feed = parse_feed(bundled_site, "feeds/aendringer.xml")
    cited = feed_entry(feed, "flere-medarbejdere-i-dagtilbud", "2024-03-28")
    summary = cited.find(f"{ATOM}summary").text
    assert "Besluttet i Børne- og ungdomsudvalget 12. marts 2024, pkt. 5: Godkendt" in summary
    assert "Referat fra mødet: https://www.norddjurs.dk/" in summary, "the minutes' address, which readers link"
    assert "Beslutningen er et eksempel." in summary
    [minutes] = cited.findall(f"{ATOM}link[@rel='related']")
    assert minutes.get("href") == "https://www.norddjurs.dk/"
    assert minutes.get("title").startswith("Referat fra mødet: Besluttet i Børne- og ungdomsudvalget")
    documented = feed_entry(feed, "cykelstier-mellem-byerne", "2024-06-17")
    assert "Kilde: Notat om tidsplanen for cykelstierne (eksempel): https://www.norddjurs.dk/" in documented.find(f"{ATOM}summary").text
    [document] = documented.findall(f"{ATOM}link[@rel='related']")
    assert (document.get("href"), document.get("title")) == ("https://www.norddjurs.dk/", "Notat om tidsplanen for cykelstierne (eksempel)")
    uncited = feed_entry(feed, "flere-medarbejdere-i-dagtilbud", "2023-12-12")
    assert "Besluttet" not in uncited.find(f"{ATOM}summary").text and uncited.find(f"{ATOM}link[@rel='related']") is None
    cites = sum(1 for _, entry in history_entries() if "decision" in entry)
    assert sum("Besluttet " in e.find(f"{ATOM}summary").text for e in feed.findall(f"{ATOM}entry")) == cites


def test_feed_readers_parse_the_feeds(bundled_site: BuiltSite) -> None:
    """feedparser, as a feed reader, reads every feed without complaint and finds the cited decision."""
    for path in sorted((bundled_site.root / "feeds").rglob("*.xml")):
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
    parsed = feedparser.parse((bundled_site.root / "feeds/aendringer.xml").read_bytes())
    [cited] = [e for e in parsed.entries if e.link.endswith("/flere-medarbejdere-i-dagtilbud/") and e.updated.startswith("2024-03-28")]
    assert "Besluttet i Børne- og ungdomsudvalget 12. marts 2024, pkt. 5: Godkendt" in cited.summary
    assert [link.href for link in cited.links if link.rel == "related"] == ["https://www.norddjurs.dk/"]


def test_theme_feeds_hold_only_their_themes_changes(bundled_site: BuiltSite) -> None:
    items = {i["id"]: i for i in raw_plan()["items"]}
    for theme in raw_plan()["themes"]:
        feed = parse_feed(bundled_site, f"feeds/temaer/{theme['id']}.xml")
        assert feed.find(f"{ATOM}link[@rel='alternate']").get("href") == f"http://127.0.0.1:8000/temaer/{theme['id']}/", (
            "a theme's feed follows the theme's page"
        )
        entries = change_entries(feed)
        expected = sum(len(i["history"]) for i in items.values() if i["theme"] == theme["id"])
        assert len(entries) == expected
        for entry in entries:
            item_id = entry.find(f"{ATOM}link").get("href").rstrip("/").rsplit("/", 1)[-1]
            assert items[item_id]["theme"] == theme["id"]


def test_pages_announce_their_feeds(bundled_site: BuiltSite) -> None:
    soup = bundled_site.soup("/indsatser/budget-i-balance/")
    feeds = [link["href"] for link in soup.find_all("link", rel="feed", type="application/atom+xml")]
    assert feeds == ["../../feeds/aendringer.xml", "../../feeds/temaer/oekonomisk-politik.xml"]
    assert bundled_site.soup("/").find("link", type="application/atom+xml")["href"] == "feeds/aendringer.xml"


def test_every_quarter_has_a_page_of_its_own_with_its_changes(bundled_site: BuiltSite) -> None:
    """/aendringer/2024-k2/ lists the changes dated in that quarter, whatever the list at /aendringer/ shows."""
    per_quarter = Counter(f"{e['date'].year}-k{(e['date'].month - 1) // 3 + 1}" for _, e in history_entries())
    assert len(per_quarter) > 1
    for quarter, count in per_quarter.items():
        page = bundled_site.soup(f"/aendringer/{quarter}/")
        assert len(page.select(".ps-changes__entry")) == count, quarter
        heading = bundled_site.soup("/aendringer/").select_one(f"section[aria-labelledby=periode-{quarter}] h2 a")
        assert heading is not None and str(heading["href"]).endswith(f"{quarter}/"), quarter  # the list links each quarter's page


def status_at(item: dict[str, Any], day: dt.date) -> str | None:
    status = None
    for entry in item["history"]:
        if entry["date"] > day:
            break
        status = entry.get("status", status)
    return status


def test_changes_page_lists_every_change_by_quarter_with_the_spread_at_its_end(bundled_site: BuiltSite) -> None:
    soup = bundled_site.soup("/aendringer/")
    sections = soup.select("section[aria-labelledby^=periode-]")
    quarters = sorted({(e["date"].year, (e["date"].month - 1) // 3 + 1) for _, e in history_entries()}, reverse=True)
    assert [s.h2.get_text(strip=True) for s in sections] == [f"{q}. kvartal {y}" for y, q in quarters]
    assert sum(len(s.select(".ps-changes__entry")) for s in sections) == len(history_entries())
    as_of = raw_plan()["plan"]["data_as_of"]
    labels = {s["id"]: s["label"] for s in raw_plan()["statuses"]}
    for section, (year, quarter) in zip(sections, quarters, strict=True):
        end = min(dt.date(year, quarter * 3, 31 if quarter in (1, 4) else 30), as_of)
        expected = Counter(status_at(i, end) for i in raw_plan()["items"])
        expected.pop(None, None)
        shown = {
            li.select_one(".ps-badge__label").get_text(strip=True): int(li.select_one(".ps-count").get_text())
            for li in section.select(".ps-progress__legend li")
        }
        assert shown == {labels[k]: v for k, v in expected.items()}


def test_overview_shows_the_latest_changes(bundled_site: BuiltSite) -> None:
    entries = bundled_site.soup("/").select("#seneste-aendringer ~ * .ps-changes__entry, section[aria-labelledby=seneste-aendringer] .ps-changes__entry")
    dates = sorted((e["date"] for _, e in history_entries()), reverse=True)[:5]
    assert [dt.date.fromisoformat(e.time["datetime"]) for e in entries] == dates


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (["--slut", "2026-Q2"], "Slut flyttet fra 4. kvartal 2025 til 2. kvartal 2026"),
        (["--start", "2024-Q3"], "Start flyttet fra 1. kvartal 2024 til 3. kvartal 2024"),
        (["--start", "2024-Q3", "--slut", "2026-Q2"], "Tidspunkt flyttet fra 1. kvartal 2024 – 4. kvartal 2025 til 3. kvartal 2024 – 2. kvartal 2026"),
    ],
    ids=["end", "start", "both"],
)
def test_a_move_names_what_moved(project: Path, tmp_path: Path, options: list[str], said: str) -> None:
    """On the item's history and on /aendringer/: only the end (or start) that moved, else the whole span."""
    moved = run_planspor(project, "flyt", "digital-selvbetjening", *options, "--kommentar", "Leverandøren er forsinket.", "--dato", "2024-09-30")
    assert moved.returncode == 0, moved.stderr
    built = run_mkdocs_build(project, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    site = BuiltSite(tmp_path / "site", "")
    history = " ".join(site.soup("/indsatser/digital-selvbetjening/").select_one(".ps-history").get_text(" ").split())
    assert f"30. september 2024 {said}" in history
    changes = " ".join(site.soup("/aendringer/").get_text(" ").split())
    assert said in changes


def test_feed_limit_bounds_the_changes_and_other_entries_keep_to_their_span(monkeypatch: pytest.MonkeyPatch) -> None:
    """With more changes than a feed holds, a snapshot older than the oldest change kept is left out; else all stay."""
    monkeypatch.setattr("planspor.changes.FEED_LIMIT", 2)
    days = [dt.date(2024, 3, 1), dt.date(2024, 2, 1), dt.date(2024, 1, 1)]  # newest first, as all_changes lists them
    listed: Any = [SimpleNamespace(date=day) for day in days]
    others = [OtherEntry(day, ET.Element("entry")) for day in (dt.date(2024, 3, 31), dt.date(2024, 2, 1), dt.date(2024, 1, 31))]
    assert [o.day for o in within_span(listed, others)] == [dt.date(2024, 3, 31), dt.date(2024, 2, 1)]
    assert within_span(listed[:2], others) == others
