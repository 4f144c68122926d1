"""A snapshot's open data (issue 22): stand.json and stand.csv beside each snapshot page.

What the files say is recomputed from data/plan.yaml read as plain YAML (test_snapshots' expected),
not from the code that writes them; the JSON must validate against the schema the site publishes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections import Counter
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import BuiltSite
from test_snapshots import CLOSED_DAY, DECISION_DAY, EARLIER, QUARTER_END, address, expected, plain_plan, plans_of, shown_rows

DAYS = [QUARTER_END, DECISION_DAY, CLOSED_DAY]
IDS = ["quarter-end", "decision-day", "closed-day"]


def snapshot_folders(site: BuiltSite) -> list[Path]:
    """Every snapshot's folder: aendringer/<plan>/<ÅÅÅÅ-MM-DD>/."""
    return sorted(p.parent for p in (site.root / "aendringer").glob("*-*/*-*-*/index.html"))


def stand_json(site: BuiltSite, plan_id: str, day: dt.date) -> dict[str, Any]:
    return json.loads((site.root / address(plan_id, day).strip("/") / "stand.json").read_text(encoding="utf-8"))


def validator(site: BuiltSite) -> jsonschema.Draft202012Validator:
    schema = json.loads((site.root / "data/stand.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_every_snapshot_page_links_its_data_and_the_data_is_there(bundled_site: BuiltSite) -> None:
    folders = snapshot_folders(bundled_site)
    assert len(folders) == 6
    for folder in folders:
        url = "/" + folder.relative_to(bundled_site.root).as_posix() + "/"
        links = bundled_site.soup(url).select(".ps-data a")
        targets = {str(a["href"]).rsplit("/", 1)[-1] for a in links}
        assert targets == {"stand.csv", "stand.json", "stand.schema.json"}, url
        for a in links:
            assert (folder / str(a["href"])).resolve().is_file(), (url, a["href"])
        assert "som regneark (CSV)" in links[0].get_text()


@pytest.mark.parametrize(("plan_id", "day"), DAYS, ids=IDS)
def test_stand_json_validates_and_holds_the_day_as_the_plan_file_says(bundled_site: BuiltSite, plan_id: str, day: dt.date) -> None:
    data = stand_json(bundled_site, plan_id, day)
    validator(bundled_site).validate(data)
    statuses, themes = expected(plan_id, day)
    assert {item["id"]: item["status"] for item in data["items"]} == statuses
    assert {theme["id"]: Counter(theme["counts"]["statuses"]) for theme in data["themes"]} == themes
    assert Counter(data["counts"]["statuses"]) == sum(themes.values(), Counter())
    assert data["counts"]["items"] == len(statuses)
    assert (data["plan"]["id"], data["day"]) == (plan_id, day.isoformat())
    assert data["url"].endswith(address(plan_id, day))
    # In the page's order, the page's rows: the file and the page never disagree.
    assert [item["id"] for item in data["items"]] == list(shown_rows(bundled_site, address(plan_id, day)))


def test_stand_json_names_its_neighbours_and_its_reasons(bundled_site: BuiltSite) -> None:
    data = stand_json(bundled_site, EARLIER, dt.date(2024, 6, 30))
    assert data["previous"]["day"] == "2024-03-31" and data["previous"]["json"].endswith("/aendringer/2024-2027/2024-03-31/stand.json")
    assert data["next"]["day"] == "2024-09-30"
    assert data["quarter"] == {"year": 2024, "quarter": 2} and data["decisions"] == []
    first = stand_json(bundled_site, *DECISION_DAY)
    assert first["previous"] is None and first["quarter"] is None
    assert [(d["id"], d["body"], d["date"]) for d in first["decisions"]] == [("kb-2024-09-24", "Kommunalbestyrelsen", "2024-09-24")]


def test_stand_json_lists_the_changes_since_the_previous_snapshot(bundled_site: BuiltSite) -> None:
    data = stand_json(bundled_site, EARLIER, dt.date(2024, 6, 30))
    raw = plain_plan()
    current = f"{raw['plan']['period']['start']}-{raw['plan']['period']['end']}"
    entries = Counter(
        (item["id"], entry["date"].isoformat())
        for item in raw["items"]
        if EARLIER in plans_of(item, current)
        for entry in item["history"]
        if dt.date(2024, 3, 31) < entry["date"] <= dt.date(2024, 6, 30)
    )
    assert entries, "the quarter should have changes"
    assert Counter((change["item"], change["date"]) for change in data["changes"]) == entries
    dates = [change["date"] for change in data["changes"]]
    assert dates == sorted(dates, reverse=True)


def test_the_schema_refuses_what_it_does_not_describe(bundled_site: BuiltSite) -> None:
    data = stand_json(bundled_site, *QUARTER_END)
    checker = validator(bundled_site)
    assert checker.is_valid(data)
    assert not checker.is_valid({**data, "items": [{**data["items"][0], "status": 3}]})
    assert not checker.is_valid({**data, "day": "31-03-2024"})
    assert not checker.is_valid({**data, "extra": True}), "a new key means a new schema_version"


@pytest.mark.parametrize(("plan_id", "day"), DAYS, ids=IDS)
def test_stand_csv_opens_in_danish_excel_and_matches_the_json(bundled_site: BuiltSite, plan_id: str, day: dt.date) -> None:
    raw_bytes = (bundled_site.root / address(plan_id, day).strip("/") / "stand.csv").read_bytes()
    assert raw_bytes.startswith(b"\xef\xbb\xbf"), "a BOM tells Excel it is UTF-8"
    assert raw_bytes.count(b"\r\n") == raw_bytes.count(b"\n"), "CRLF line ends"
    rows = list(csv.DictReader(io.StringIO(raw_bytes.decode("utf-8-sig")), delimiter=";"))
    data = stand_json(bundled_site, plan_id, day)
    labels = {s["id"]: s["label"] for s in plain_plan()["statuses"]}
    assert [(r["Id"], r["Status"]) for r in rows] == [(i["id"], labels[i["status"]]) for i in data["items"]]
    for row, item in zip(rows, data["items"], strict=True):
        assert row["Status siden"] == item["status_since"]
        assert row["Slut"] == (item["timing"]["end"] or "")
        assert row["Ikke opdateret"] == ("ja" if item["not_updated"] else "nej")
        assert row["Adresse"] == item["url"]
