"""Snapshot pages (issue 22): each plan as it stood at the end of every quarter of its period and on the
days it was decided on, at /aendringer/<periode>/<ÅÅÅÅ-MM-DD>/.

The state on a day is recomputed here from data/plan.yaml read as plain YAML, without Planspor's code:
an item belongs to the plans its 'plans' names (none written: the current plan); its status on a day is
that of its last history entry up to that day that sets one; an item without one by then was not yet in
the plan. The built pages must show the same items with the same statuses, and the same spread.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path
from typing import Any

import feedparser
import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from conftest import REPO, BuiltSite, copy_project, run_mkdocs_build
from test_plans import with_one_plan

EARLIER, CURRENT = "2024-2027", "2025-2028"
QUARTER_END = (EARLIER, dt.date(2024, 3, 31))
DECISION_DAY = (CURRENT, dt.date(2024, 9, 24))  # kb-2024-09-24 adopted the current plan
CLOSED_DAY = (EARLIER, dt.date(2024, 9, 30))  # the earlier plan's last quarter end, and its closed day


def plain_plan() -> dict[str, Any]:
    return yaml.safe_load((REPO / "data" / "plan.yaml").read_text(encoding="utf-8"))


def plans_of(item: dict[str, Any], current: str) -> dict[str, dict[str, Any]]:
    """The plans the item is in, each with what it was there ({plan: …, theme: …} entries)."""
    written = item.get("plans") or [current]
    return {entry if isinstance(entry, str) else entry["plan"]: entry if isinstance(entry, dict) else {} for entry in written}


def expected(plan_id: str, day: dt.date) -> tuple[dict[str, str], dict[str, Counter[str]]]:
    """item id -> status on the day, and theme id -> the spread of its items' statuses."""
    data = plain_plan()
    current = f"{data['plan']['period']['start']}-{data['plan']['period']['end']}"
    statuses: dict[str, str] = {}
    themes: dict[str, Counter[str]] = {}
    for item in data["items"]:
        plans = plans_of(item, current)
        if plan_id not in plans:
            continue
        status = None
        for entry in item["history"]:
            if entry["date"] <= day and entry.get("status"):
                status = entry["status"]
        if status is None:
            continue
        statuses[item["id"]] = status
        themes.setdefault(plans[plan_id].get("theme", item["theme"]), Counter())[status] += 1
    return statuses, themes


def address(plan_id: str, day: dt.date) -> str:
    return f"/aendringer/{plan_id}/{day.isoformat()}/"


def table_rows(site: BuiltSite, url: str) -> list[Tag]:
    """Every row of the snapshot's table, over all its pages."""
    rows: list[Tag] = []
    page: BeautifulSoup | None = site.soup(url)
    while page is not None:
        rows += page.select("tbody tr[data-status]")
        following = page.select_one(".ps-pagination a[rel=next]")
        page = None if following is None else site.soup(url + str(following["href"]).rstrip("/").split("/")[-1] + "/")
    return rows


def shown_rows(site: BuiltSite, url: str) -> dict[str, str]:
    """Every row of the snapshot's table, over all its pages: item id -> status."""
    return {str(row.select_one("a")["href"]).rstrip("/").split("/")[-1]: str(row["data-status"]) for row in table_rows(site, url)}


def spread(block: Tag) -> Counter[str]:
    counts: Counter[str] = Counter()
    for entry in block.select(".ps-progress__legend li"):
        badge = entry.select_one(".ps-badge")
        assert badge is not None
        status = next(c for c in badge["class"] if c.startswith("ps-s-")).removeprefix("ps-s-")
        counts[status] = int(entry.select_one(".ps-count").get_text(strip=True))
    return counts


@pytest.mark.parametrize(("plan_id", "day"), [QUARTER_END, DECISION_DAY, CLOSED_DAY], ids=["quarter-end", "decision-day", "closed-day"])
def test_a_snapshot_shows_the_plan_as_the_plan_file_says_it_stood(bundled_site: BuiltSite, plan_id: str, day: dt.date) -> None:
    statuses, themes = expected(plan_id, day)
    assert statuses, "the day should have items"
    url = address(plan_id, day)
    assert shown_rows(bundled_site, url) == statuses
    page = bundled_site.soup(url)
    overall = page.select_one("section[aria-labelledby=status-den-dag]")
    assert overall is not None and spread(overall) == sum(themes.values(), Counter())
    cards = {
        str(card.select_one(".ps-card__title a")["href"]).rstrip("/").split("/")[-1]: spread(card)
        for card in page.select("section[aria-labelledby=status-pr-tema] .ps-card")
    }
    assert cards == themes


def test_the_quarter_end_differs_from_the_closed_day() -> None:
    """The two days of the earlier plan are not the same state, so the comparison above means something."""
    assert expected(*QUARTER_END)[0] != expected(*CLOSED_DAY)[0]


def test_snapshots_are_linked_from_the_changes_the_plan_and_each_other(bundled_site: BuiltSite) -> None:
    changes = bundled_site.soup("/aendringer/").select_one("section[aria-labelledby=planen-som-den-stod]")
    assert changes is not None
    hrefs = [str(a["href"]) for a in changes.select("li a")]
    assert any(href.endswith(f"{EARLIER}/2024-03-31/") for href in hrefs)
    assert any(href.endswith(f"{CURRENT}/2024-09-24/") for href in hrefs)
    text = " ".join(changes.get_text(" ").split())
    assert "31. marts 2024 (udgangen af 1. kvartal 2024)" in text
    assert "24. september 2024 (Kommunalbestyrelsen:" in text
    plan_page = bundled_site.soup(f"/planer/{EARLIER}/").select_one("section[aria-labelledby=planen-som-den-stod]")
    assert plan_page is not None and any(str(a["href"]).endswith("2024-06-30/") for a in plan_page.select("a"))
    page = bundled_site.soup(address(EARLIER, dt.date(2024, 6, 30)))
    assert str(page.select_one("a[rel=prev]")["href"]).endswith("2024-03-31/")
    assert str(page.select_one("a[rel=next]")["href"]).endswith("2024-09-30/")
    assert page.select_one("[data-pagefind-body]") is None  # kept out of the search index
    since = " ".join(page.select_one("section[aria-labelledby=siden-sidst]").get_text(" ").split())
    assert since.startswith("Ændret siden 31. marts 2024")


def test_no_snapshot_after_the_plan_closed_or_the_data(bundled_site: BuiltSite) -> None:
    folder = bundled_site.root / "aendringer"
    assert sorted(p.name for p in (folder / EARLIER).iterdir()) == ["2023-12-05", "2023-12-12", "2024-03-31", "2024-06-30", "2024-09-30"]
    assert sorted(p.name for p in (folder / CURRENT).iterdir()) == ["2024-09-24"]


def test_a_day_before_any_item_entered_the_plan_says_so(bundled_site: BuiltSite) -> None:
    assert expected(EARLIER, dt.date(2023, 12, 5))[0] == {}
    page = bundled_site.soup(address(EARLIER, dt.date(2023, 12, 5)))
    text = " ".join(page.get_text(" ").split())
    assert "Ingen af planens indsatser var registreret endnu." in text
    assert page.select("tbody tr") == []
    assert "Økonomiudvalget: Tiltrådt" in text


def test_a_site_with_one_plan_keeps_its_snapshots_under_the_changes(tmp_path: Path) -> None:
    """No /planer/ on a site with one plan; its snapshots have the address they keep when a second plan comes."""
    project = with_one_plan(copy_project(tmp_path / "project"))
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    site = BuiltSite(tmp_path / "site", result.stdout)
    assert not (site.root / "planer").exists()
    changes = site.soup("/aendringer/").select_one("section[aria-labelledby=planen-som-den-stod]")
    assert changes is not None
    assert any(str(a["href"]).endswith("2024-2027/2024-06-30/") for a in changes.select("li a"))
    assert changes.select_one("h3 a") is None  # no plan page to link to
    page = site.soup("/aendringer/2024-2027/2024-06-30/")
    eyebrow = page.select_one(".ps-eyebrow a")
    assert eyebrow is not None and eyebrow.get_text(strip=True) == "Ændringer" and str(eyebrow["href"]).endswith("#planen-som-den-stod")


def last_day(period: str) -> dt.date:
    """The last day of a period as the plan file writes it: '2024-Q2', '2024-06', '2024'."""
    year, _, rest = str(period).partition("-")
    month = int(rest[1]) * 3 if rest.startswith("Q") else int(rest) if rest else 12
    following = dt.date(int(year) + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def months_earlier(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    following = dt.date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
    return dt.date(year, month + 1, min(day.day, (following - dt.timedelta(days=1)).day))


def expected_notices(plan_id: str, day: dt.date) -> dict[str, set[str]]:
    """item id -> the notices its row carried that day: end passed, and not updated within stale_after_months."""
    data = plain_plan()
    current = f"{data['plan']['period']['start']}-{data['plan']['period']['end']}"
    closing = {s["id"] for s in data["statuses"] if s.get("finished") or s.get("dropped")}
    stale_after = data["plan"].get("stale_after_months", 6)
    notices: dict[str, set[str]] = {}
    for item in data["items"]:
        if plan_id not in plans_of(item, current):
            continue
        entries = [entry for entry in item["history"] if entry["date"] <= day]
        status = next((entry["status"] for entry in reversed(entries) if entry.get("status")), None)
        if status is None:
            continue
        end = (item.get("timing") or {}).get("end")
        for entry in entries:
            end = (entry.get("timing") or {}).get("end", end)  # a move
        said = set()
        if status not in closing and end and str(end) != "løbende" and last_day(end) < day:
            said.add("slut passeret")
        if status not in closing and entries[-1]["date"] < months_earlier(day, stale_after):
            said.add("ikke opdateret")
        notices[item["id"]] = said
    return notices


@pytest.mark.parametrize(("plan_id", "day"), [QUARTER_END, DECISION_DAY, CLOSED_DAY], ids=["quarter-end", "decision-day", "closed-day"])
def test_a_snapshot_shows_the_notices_as_they_read_that_day(bundled_site: BuiltSite, plan_id: str, day: dt.date) -> None:
    page = bundled_site.soup(address(plan_id, day))
    shown = {
        str(row.select_one("a")["href"]).rstrip("/").split("/")[-1]: {flag.get_text(strip=True) for flag in row.select(".ps-row-flag")}
        - {"milepæl overskredet"}
        for row in page.select("tbody tr[data-status]")
    }
    assert shown == expected_notices(plan_id, day)


def test_the_notices_are_of_their_day() -> None:
    """At the end of March 2024 no item of the earlier plan was overdue for an update; at its closed day some were."""
    assert not any(expected_notices(*QUARTER_END).values())
    assert any("ikke opdateret" in said for said in expected_notices(*CLOSED_DAY).values())


# -- in the feeds ---------------------------------------------------------------------------------

SITE_URL = "http://127.0.0.1:8000"
NOTICES = {"ikke opdateret": "Ikke opdateret", "slut passeret": "Slut passeret", "milepæl overskredet": "Milepæl overskredet"}


def read_feed(site: BuiltSite, path: str) -> Any:
    parsed = feedparser.parse((site.root / path).read_bytes())
    assert not parsed.bozo, (path, parsed.get("bozo_exception"))
    return parsed


def is_snapshot(entry: Any) -> bool:
    return any(tag.term == "stand" for tag in entry.get("tags", []))


def snapshot_entries(site: BuiltSite, path: str) -> list[Any]:
    return [entry for entry in read_feed(site, path).entries if is_snapshot(entry)]


def alternates(entry: Any) -> dict[str, str]:
    """The entry's alternate links by type, as addresses within the site."""
    links = {link.type: str(link.href) for link in entry.links if link.rel == "alternate"}
    assert all(href.startswith(SITE_URL + "/") for href in links.values()), links
    return {kind: href.removeprefix(SITE_URL) for kind, href in links.items()}


def said(summary: str, labels: list[str]) -> Counter[str]:
    """label -> the count the summary gives it ('…. I gang: 12, Forsinket: 5. Ikke opdateret: 3.')."""
    counts: Counter[str] = Counter()
    for label in labels:
        found = re.search(rf"(?:[.,:] ){re.escape(label)}: (\d+)", summary)
        if found:
            counts[label] = int(found.group(1))
    return counts


def status_labels() -> dict[str, str]:
    return {status["id"]: status["label"] for status in plain_plan()["statuses"]}


def snapshot_folders(site: BuiltSite) -> list[str]:
    """Every snapshot page of the built site: /aendringer/<periode>/<ÅÅÅÅ-MM-DD>/."""
    folders = (site.root / "aendringer").glob("*/*/index.html")
    return sorted(f"/aendringer/{p.parent.parent.name}/{p.parent.name}/" for p in folders if re.fullmatch(r"\d{4}-\d{4}", p.parent.parent.name))


def test_the_feed_has_an_entry_per_snapshot_linking_its_page_and_data(bundled_site: BuiltSite) -> None:
    entries = snapshot_entries(bundled_site, "feeds/aendringer.xml")
    folders = snapshot_folders(bundled_site)
    assert len(folders) == 6
    pages = [alternates(entry)["text/html"] for entry in entries]
    assert sorted(pages) == folders and len(pages) == len(set(pages))
    for entry in entries:
        links = alternates(entry)
        page = links["text/html"]
        assert entry.link.removeprefix(SITE_URL) == page, "a reader opens the page"
        assert bundled_site.path(page).is_file()
        assert links["application/json"] == f"{page}stand.json" and links["text/csv"] == f"{page}stand.csv"
        assert bundled_site.path(links["application/json"]).is_file() and bundled_site.path(links["text/csv"]).is_file()
        plan_id, day = page.strip("/").split("/")[1:]
        assert entry.updated.startswith(day)
        assert entry.title == f"[Eksempeldata] Udmøntningsplan {plan_id}, som den stod den {entry.summary.split(' (')[0]}"
        assert [tag.label for tag in entry.tags] == ["Planen, som den stod"]
        assert "Eksempeldata" in entry.summary


def test_a_snapshots_entry_counts_the_rows_of_its_page(bundled_site: BuiltSite) -> None:
    labels = status_labels()
    for entry in snapshot_entries(bundled_site, "feeds/aendringer.xml"):
        rows = table_rows(bundled_site, alternates(entry)["text/html"])
        statuses = Counter(labels[str(row["data-status"])] for row in rows)
        notices = Counter(NOTICES[flag.get_text(strip=True)] for row in rows for flag in row.select(".ps-row-flag"))
        assert said(entry.summary, list(labels.values())) == statuses, entry.summary
        assert said(entry.summary, list(NOTICES.values())) == notices, entry.summary
        if rows:
            assert f": {len(rows)} indsats" in entry.summary
        else:
            assert "Ingen af planens indsatser var registreret endnu." in entry.summary


def test_a_themes_feed_has_the_snapshots_with_its_items_and_its_counts(bundled_site: BuiltSite) -> None:
    labels = status_labels()
    pages = {folder: bundled_site.soup(folder) for folder in snapshot_folders(bundled_site)}
    for theme in plain_plan()["themes"]:
        cards = {}
        for folder, page in pages.items():
            for card in page.select("section[aria-labelledby=status-pr-tema] .ps-card"):
                if str(card.select_one(".ps-card__title a")["href"]).rstrip("/").endswith(f"/{theme['id']}"):
                    cards[folder] = Counter({labels[status]: count for status, count in spread(card).items() if count})
        entries = {alternates(entry)["text/html"]: entry for entry in snapshot_entries(bundled_site, f"feeds/temaer/{theme['id']}.xml")}
        assert sorted(entries) == sorted(cards), theme["id"]
        for folder, entry in entries.items():
            assert said(entry.summary, list(labels.values())) == cards[folder], (theme["id"], entry.summary)
            assert f"indsatser i temaet {theme['title']}." in entry.summary or f"indsats i temaet {theme['title']}." in entry.summary


def test_snapshot_entries_are_in_order_and_have_ids_of_their_own(bundled_site: BuiltSite) -> None:
    """Newest first, a snapshot ahead of its day's changes (it is the state at the day's end); an id once a feed."""
    for path in sorted((bundled_site.root / "feeds").rglob("*.xml")):
        parsed = read_feed(bundled_site, str(path.relative_to(bundled_site.root)))
        ids = [entry.id for entry in parsed.entries]
        assert len(ids) == len(set(ids)), path
        days = [entry.updated for entry in parsed.entries]
        assert days == sorted(days, reverse=True), path
        assert parsed.feed.updated == max(days), path
    entries = read_feed(bundled_site, "feeds/aendringer.xml").entries
    that_day = [is_snapshot(entry) for entry in entries if entry.updated.startswith("2023-12-12")]
    assert that_day[0] and not any(that_day[1:]) and len(that_day) > 1, "the snapshot, then the day's changes"
    theme_feed = {entry.id for entry in snapshot_entries(bundled_site, "feeds/temaer/skoler-og-dagtilbud.xml")}
    assert not theme_feed & {entry.id for entry in entries}, "a theme's snapshot entry is not the whole plan's"
