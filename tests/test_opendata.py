"""Open data: plan.json validates against its published schema; both files match the plan."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import jsonschema
import yaml
from conftest import REPO, BuiltSite


def raw_plan() -> dict[str, Any]:
    return yaml.safe_load((REPO / "data/plan.yaml").read_text(encoding="utf-8"))


def current_status(item: dict[str, Any]) -> str:
    return [e["status"] for e in item["history"] if "status" in e][-1]


def test_plan_json_validates_against_the_published_schema(bundled_site: BuiltSite) -> None:
    data = json.loads((bundled_site.root / "data/plan.json").read_text(encoding="utf-8"))
    schema = json.loads((bundled_site.root / "data/plan.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)
    broken = {**data, "items": [{**data["items"][0], "status": 7}]}
    assert not jsonschema.Draft202012Validator(schema).is_valid(broken), "the schema must reject a wrong type"


def test_plan_json_matches_the_plan(bundled_site: BuiltSite) -> None:
    data = json.loads((bundled_site.root / "data/plan.json").read_text(encoding="utf-8"))
    raw = raw_plan()
    assert data["schema_version"] == 2
    assert data["example_data"] is raw["plan"]["example_data"] is True
    assert data["plan"]["title"] == raw["plan"]["title"]
    assert [t["id"] for t in data["themes"]] == [t["id"] for t in raw["themes"]]
    assert [s["id"] for s in data["statuses"]] == [s["id"] for s in raw["statuses"]]
    assert len(data["items"]) == len(raw["items"])
    for ours, source in zip(data["items"], raw["items"], strict=True):
        assert ours["id"] == source["id"] and ours["title"] == source["title"]
        assert ours["theme"] == source["theme"] and ours["committees"] == source["committees"]
        assert ours["status"] == current_status(source)
        assert len(ours["history"]) == len(source["history"])
        assert ours["url"].endswith(f"/indsatser/{source['id']}/")
        budget = {str(entry["year"]): entry["amount"] for entry in ours["budget"]}
        assert budget == {str(year): amount for year, amount in (source.get("budget") or {}).items()}


def test_plan_csv_opens_in_danish_excel_and_matches_the_plan(bundled_site: BuiltSite) -> None:
    raw_bytes = (bundled_site.root / "data/plan.csv").read_bytes()
    assert raw_bytes.startswith(b"\xef\xbb\xbf"), "a BOM tells Excel it is UTF-8"
    assert b"\r\n" in raw_bytes
    rows = list(csv.DictReader(io.StringIO(raw_bytes.decode("utf-8-sig")), delimiter=";"))
    raw = raw_plan()
    labels = {s["id"]: s["label"] for s in raw["statuses"]}
    assert [r["Id"] for r in rows] == [i["id"] for i in raw["items"]]
    for row, source in zip(rows, raw["items"], strict=True):
        assert row["Titel"] == source["title"]
        assert row["Status"] == labels[current_status(source)]
        for year, amount in (source.get("budget") or {}).items():
            assert row[f"Budget {year} (1.000 kr.)"] == str(amount).replace(".", ",")
    with_decimals = [r for r in rows for k, v in r.items() if k.startswith("Budget") and "." in v]
    assert with_decimals == [], "amounts use a decimal comma, never a point"


def test_data_is_linked_from_about_theme_and_item_pages(bundled_site: BuiltSite) -> None:
    for url in ("/om/", "/temaer/oekonomisk-politik/", "/indsatser/budget-i-balance/"):
        hrefs = {a["href"].rsplit("/", 2)[-2:][-1] for a in bundled_site.soup(url).find_all("a", href=True) if "data/" in a["href"]}
        assert {"plan.csv", "plan.json", "plan.schema.json"} <= hrefs, url
