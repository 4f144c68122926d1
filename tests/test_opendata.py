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


def plan_json_of(site: BuiltSite) -> dict[str, Any]:
    return json.loads((site.root / "data/plan.json").read_text(encoding="utf-8"))


def published_schema(site: BuiltSite) -> jsonschema.Draft202012Validator:
    schema = json.loads((site.root / "data/plan.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_plan_json_carries_the_register_of_decisions(bundled_site: BuiltSite) -> None:
    data = plan_json_of(bundled_site)
    published_schema(bundled_site).validate(data)
    decisions = {d["id"]: d for d in data["plan"]["decisions"]}
    assert [d["id"] for d in data["plan"]["decisions"]] == [d["id"] for d in raw_plan()["plan"]["decisions"]]
    assert decisions["buu-2024-03-12-5"] == {
        "id": "buu-2024-03-12-5",
        "body": "Børne- og ungdomsudvalget",
        "body_id": "boerne-og-ungdomsudvalget",
        "date": "2024-03-12",
        "agenda_item": "5",
        "agenda_title": "Flere medarbejdere i dagtilbud",
        "outcome": "Godkendt",
        "comment": None,
        "url": "https://www.norddjurs.dk/",
        "example": True,
    }
    real = decisions["kb-2023-12-12"]
    assert real["body"] == "Kommunalbestyrelsen" and real["body_id"] == "kommunalbestyrelsen" and real["outcome"] == "Godkendt"
    assert real["example"] is False
    assert real["url"] is None and real["agenda_item"] is None, "what a decision lacks is null, as elsewhere in plan.json"
    assert decisions["hu-2024-02-29"]["comment"].startswith("Der var en dialog")


def test_plan_json_history_names_its_sources(bundled_site: BuiltSite) -> None:
    data = plan_json_of(bundled_site)
    items = {item["id"]: item for item in data["items"]}
    assert items["flere-medarbejdere-i-dagtilbud"]["history"][-1]["decision"] == "buu-2024-03-12-5"
    assert items["flere-medarbejdere-i-dagtilbud"]["history"][0]["decision"] is None
    documents = [entry["document"] for entry in items["cykelstier-mellem-byerne"]["history"] if entry["document"]]
    assert documents == [{"title": "Notat om tidsplanen for cykelstierne (eksempel)", "url": "https://www.norddjurs.dk/"}]
    known = {d["id"] for d in data["plan"]["decisions"]}
    for item, source in zip(data["items"], raw_plan()["items"], strict=True):
        for ours, entry in zip(item["history"], source["history"], strict=True):
            assert ours["decision"] == entry.get("decision"), item["id"]
            assert ours["decision"] is None or ours["decision"] in known
            assert ours["document"] == entry.get("document"), item["id"]


def test_the_schema_refuses_a_decision_or_a_source_without_its_fields(bundled_site: BuiltSite) -> None:
    data = plan_json_of(bundled_site)
    validator = published_schema(bundled_site)
    assert validator.schema["properties"]["schema_version"] == {"const": 4}

    def with_decision(**changed: Any) -> dict[str, Any]:
        decision = {key: value for key, value in {**data["plan"]["decisions"][0], **changed}.items() if value is not ...}
        return {**data, "plan": {**data["plan"], "decisions": [decision, *data["plan"]["decisions"][1:]]}}

    def with_entry(**changed: Any) -> dict[str, Any]:
        first = data["items"][0]
        entry = {key: value for key, value in {**first["history"][0], **changed}.items() if value is not ...}
        return {**data, "items": [{**first, "history": [entry, *first["history"][1:]]}, *data["items"][1:]]}

    assert validator.is_valid(with_decision()) and validator.is_valid(with_entry())
    assert not validator.is_valid(with_decision(body_id=...)), "a decision names its body's id"
    assert not validator.is_valid(with_decision(example=...)), "a decision says whether it is an example"
    assert not validator.is_valid(with_decision(minutes="https://kommune.dk/")), "no key the schema does not know"
    assert not validator.is_valid(with_decision(url="referat.pdf")), "the minutes are a whole address"
    assert not validator.is_valid(with_decision(agenda_item=5)), "the agenda item is text ('12a')"
    assert validator.is_valid(with_decision(id=None, url=None)), "a decision without id or minutes is null there"
    assert not validator.is_valid(with_entry(decision=...)), "every history entry says which decision it cites, or null"
    assert not validator.is_valid(with_entry(document={"title": "Notat"})), "a document has an address"
    assert validator.is_valid(with_entry(decision="buu-2024-03-12-5", document={"title": "Notat", "url": "https://kommune.dk/notat.pdf"}))


def test_plan_json_matches_the_plan(bundled_site: BuiltSite) -> None:
    data = json.loads((bundled_site.root / "data/plan.json").read_text(encoding="utf-8"))
    raw = raw_plan()
    assert data["schema_version"] == 4
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
        assert {"plan.csv", "plan.json", "plan.schema.json", "milepaele.csv", "maalinger.csv"} <= hrefs, url
