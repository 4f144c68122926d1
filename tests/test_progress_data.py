"""Milestones and measurements as open data (issue 19): in plan.json and its schema, and as two CSV files.

plan.json gives each item its milestones (planned as the plan writes it, reached or null), the number
of them overdue on data_as_of, and its indicators with their measurements and a stable standing
value. milepaele.csv and maalinger.csv are written for Danish Excel as plan.csv is (BOM, ';', CRLF,
decimal comma, ISO dates), under the headers the import of "Milepæle" and "Målinger" reads.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal
from typing import Any

import jsonschema
import yaml
from conftest import REPO, BuiltSite

from planspor import addresses
from planspor.progress import Track
from planspor.progress_data import MEASUREMENT_COLUMNS, MILESTONE_COLUMNS, STANDING, indicator_data
from planspor.progress_model import Indicator, Measurement, Reading

SCHOOLS = "renovering-af-skolebygninger"
ENERGY = "energistyring-i-kommunale-bygninger"
YOUTH = "flere-unge-i-uddannelse-og-job"
BUILDING_CASES = "hurtigere-byggesagsbehandling"


def raw_items() -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = yaml.safe_load((REPO / "data/plan.yaml").read_text(encoding="utf-8"))["items"]
    return items


def plan_json(site: BuiltSite) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((site.root / addresses.DATA_JSON).read_text(encoding="utf-8"))
    return data


def validator(site: BuiltSite) -> jsonschema.Draft202012Validator:
    schema = json.loads((site.root / addresses.DATA_SCHEMA).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def items_of(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in data["items"]}


# -- plan.json ----------------------------------------------------------------------


def test_plan_json_carries_each_items_milestones_in_order(bundled_site: BuiltSite) -> None:
    data = plan_json(bundled_site)
    validator(bundled_site).validate(data)
    schools = items_of(data)[SCHOOLS]
    assert schools["milestones"][:3] == [
        {"id": "tilstandsvurdering", "title": "Tilstandsvurdering af alle skoler", "planned": "2024-Q1", "reached": "2024-03-20"},
        {"id": "prioriteringsplan", "title": "Prioriteringsplan godkendt i udvalget", "planned": "2024-Q2", "reached": "2024-08-20"},
        {"id": "udbud-etape-1", "title": "Udbud af første etape", "planned": "2024-Q3", "reached": None},
    ]
    assert len(schools["milestones"]) == 5 and len([m for m in schools["milestones"] if m["reached"]]) == 2
    assert schools["milestones_late"] == 1, "Udbud af første etape (2024-Q3) is not reached on data_as_of 2024-10-01"
    assert items_of(data)["cykelstier-mellem-byerne"]["milestones_late"] == 0, "2024-Q4 has not ended on 2024-10-01"
    assert items_of(data)["flere-medarbejdere-i-dagtilbud"]["milestones_late"] == 0
    for ours, source in zip(data["items"], raw_items(), strict=True):
        written = [(m["id"], m["title"], str(m["planned"]), str(m["reached"]) if "reached" in m else None) for m in source.get("milestones") or []]
        assert [(m["id"], m["title"], m["planned"], m["reached"]) for m in ours["milestones"]] == written, ours["id"]


def test_plan_json_carries_each_items_indicators_with_their_standing(bundled_site: BuiltSite) -> None:
    items = items_of(plan_json(bundled_site))
    energy = items[ENERGY]["indicators"]
    assert energy == [
        {
            "id": "energiforbrug",
            "name": "Energiforbrug i kommunens bygninger",
            "unit": "MWh",
            "better": "lavere",
            "baseline": {"value": 24500, "date": "2023-12-31"},
            "target": {"value": 22000, "date": "2025-12-31"},
            "measurements": [
                {"date": "2024-03-31", "value": 24300, "source": "Energiregnskab 1. kvartal 2024", "url": None},
                {"date": "2024-06-30", "value": 23600, "source": "Energiregnskab 2. kvartal 2024", "url": None},
            ],
            "standing": "paa-rette-vej",
        }
    ]
    assert all(type(m["value"]) is int for m in energy[0]["measurements"]), "whole numbers as JSON integers, as budget amounts"
    [youth] = items[YOUTH]["indicators"]
    assert (youth["standing"], youth["better"], youth["baseline"]["value"], youth["measurements"][0]["value"]) == ("ikke-paa-rette-vej", "højere", 78.5, 78.6)
    assert [i["standing"] for i in items[BUILDING_CASES]["indicators"]] == ["naaet"]
    assert sum(len(item["indicators"]) for item in items.values()) == sum(len(item.get("indicators") or []) for item in raw_items())


def test_the_schema_refuses_an_indicator_or_measurement_without_its_fields(bundled_site: BuiltSite) -> None:
    data = plan_json(bundled_site)
    check = validator(bundled_site)
    at = next(n for n, item in enumerate(data["items"]) if item["id"] == ENERGY)

    def with_item(**changed: Any) -> dict[str, Any]:
        item = {key: value for key, value in {**data["items"][at], **changed}.items() if value is not ...}
        return {**data, "items": [*data["items"][:at], item, *data["items"][at + 1 :]]}

    def with_indicator(**changed: Any) -> dict[str, Any]:
        indicator = {key: value for key, value in {**data["items"][at]["indicators"][0], **changed}.items() if value is not ...}
        return with_item(indicators=[indicator])

    def with_measurement(**changed: Any) -> dict[str, Any]:
        first, *rest = data["items"][at]["indicators"][0]["measurements"]
        measurement = {key: value for key, value in {**first, **changed}.items() if value is not ...}
        return with_indicator(measurements=[measurement, *rest])

    assert check.is_valid(with_item()) and check.is_valid(with_measurement(url="https://www.norddjurs.dk/energi"))
    assert not check.is_valid(with_indicator(better=...)), "an indicator says which way is better"
    assert not check.is_valid(with_indicator(better="mindre")), "better is 'højere' or 'lavere'"
    assert not check.is_valid(with_indicator(standing="På rette vej")), "standing is the machine value, not the label"
    assert not check.is_valid(with_indicator(baseline={"value": "24500", "date": "2023-12-31"})), "numbers are JSON numbers"
    assert not check.is_valid(with_measurement(source=...)), "a measurement names its source"
    assert not check.is_valid(with_measurement(url="energi.pdf")), "a measurement's link is a whole address"
    assert not check.is_valid(with_measurement(note="x")), "no key the schema does not know"
    assert not check.is_valid(with_item(milestones_late=...)), "every item says how many milestones are overdue"
    assert not check.is_valid(with_item(milestones=[{"id": "a", "title": "A", "planned": "2024-Q3"}])), "reached is null, never left out"
    assert check.is_valid(with_item(milestones=[{"id": "a", "title": "A", "planned": "2024-Q3", "reached": None}]))
    description = json.dumps(check.schema, ensure_ascii=False)
    for track, value in STANDING.items():
        assert f"{value}: {track.value}" in description, "the schema names each standing's Danish label"


def test_every_standing_has_a_stable_value() -> None:
    assert set(STANDING) == set(Track) and len(set(STANDING.values())) == len(Track)
    assert STANDING[Track.ON_TRACK] == "paa-rette-vej" and STANDING[Track.NO_MEASUREMENT] == "ingen-maalinger"


def test_an_indicator_without_measurements_and_a_measurement_with_a_link() -> None:
    day = dt.date(2024, 1, 1)
    bare = Indicator("a", "A", "procent", True, Reading(Decimal("1.5"), day), Reading(Decimal("3"), dt.date(2025, 1, 1)))
    assert indicator_data(bare)["standing"] == "ingen-maalinger" and indicator_data(bare)["measurements"] == []
    assert indicator_data(bare)["baseline"] == {"value": 1.5, "date": "2024-01-01"} and indicator_data(bare)["better"] == "højere"
    linked = Indicator("a", "A", "procent", True, bare.baseline, bare.target, (Measurement(day, Decimal("2.0"), "Kilde", "https://kommune.dk/x"),))
    assert indicator_data(linked)["measurements"] == [{"date": "2024-01-01", "value": 2, "source": "Kilde", "url": "https://kommune.dk/x"}]


# -- milepaele.csv and maalinger.csv --------------------------------------------------


def read_excel_csv(site: BuiltSite, address: str) -> tuple[list[str], list[list[str]]]:
    """The file as Danish Excel opens it: BOM, ';' and CRLF checked, then the header and the rows."""
    raw = (site.root / address).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "a BOM tells Excel it is UTF-8"
    assert raw.count(b"\n") == raw.count(b"\r\n") > 1, "every line ends in CRLF"
    header, *rows = csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";")
    return header, rows


def test_milepaele_csv_has_a_row_per_milestone(bundled_site: BuiltSite) -> None:
    assert addresses.DATA_MILESTONES_CSV == "data/milepaele.csv"
    header, rows = read_excel_csv(bundled_site, addresses.DATA_MILESTONES_CSV)
    assert header == ["Id", "Indsats", "Milepæl-id", "Milepæl", "Planlagt", "Nået", "Overskredet"] == list(MILESTONE_COLUMNS)
    assert {"Id", "Milepæl", "Planlagt", "Nået"} <= set(header), "the columns the import of the sheet Milepæle reads"
    schools = [row for row in rows if row[0] == SCHOOLS]
    assert schools == [
        [SCHOOLS, "Renovering af skolebygninger", "tilstandsvurdering", "Tilstandsvurdering af alle skoler", "2024-Q1", "2024-03-20", "nej"],
        [SCHOOLS, "Renovering af skolebygninger", "prioriteringsplan", "Prioriteringsplan godkendt i udvalget", "2024-Q2", "2024-08-20", "nej"],
        [SCHOOLS, "Renovering af skolebygninger", "udbud-etape-1", "Udbud af første etape", "2024-Q3", "", "ja"],
        [SCHOOLS, "Renovering af skolebygninger", "etape-1", "Første etape færdig", "2025-Q2", "", "nej"],
        [SCHOOLS, "Renovering af skolebygninger", "etape-2", "Anden etape færdig", "2026-Q4", "", "nej"],
    ]
    expected = [(item["id"], m["id"]) for item in raw_items() for m in item.get("milestones") or []]
    assert [(row[0], row[2]) for row in rows] == expected, "the plan's items in order, their milestones in planned order"
    assert [row for row in rows if row[6] == "ja"] == [schools[2]], "only the overdue milestone is 'ja'"


def test_maalinger_csv_has_a_row_per_measurement_with_a_decimal_comma(bundled_site: BuiltSite) -> None:
    assert addresses.DATA_MEASUREMENTS_CSV == "data/maalinger.csv"
    header, rows = read_excel_csv(bundled_site, addresses.DATA_MEASUREMENTS_CSV)
    assert header == ["Id", "Indsats", "Indikator-id", "Indikator", "Enhed", "Dato", "Værdi", "Kilde", "Link"] == list(MEASUREMENT_COLUMNS)
    assert {"Id", "Indikator", "Dato", "Værdi", "Kilde"} <= set(header), "the columns the import of the sheet Målinger reads"
    by_item = {(row[0], row[5]): row for row in rows}
    assert by_item[(ENERGY, "2024-03-31")] == [
        ENERGY,
        "Energistyring i kommunale bygninger",
        "energiforbrug",
        "Energiforbrug i kommunens bygninger",
        "MWh",
        "2024-03-31",
        "24300",
        "Energiregnskab 1. kvartal 2024",
        "",
    ]
    assert by_item[(ENERGY, "2024-06-30")][6] == "23600"
    youth = by_item[(YOUTH, "2024-06-30")]
    assert (youth[3], youth[4], youth[6]) == ("Andel af de 25-årige med en ungdomsuddannelse", "procent", "78,6"), "a decimal comma, as Danish Excel reads it"
    assert [row for row in rows if "." in row[6]] == []
    expected = [(item["id"], str(m["date"])) for item in raw_items() for ind in item.get("indicators") or [] for m in ind.get("measurements") or []]
    assert [(row[0], row[5]) for row in rows] == expected, "one row per measurement, no rows for the baseline or the target"
