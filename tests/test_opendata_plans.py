"""The open data of a site with several udmøntningsplaner (issue 21): plan.json names the plans and
each item's plans, plan.csv has a column Planer that `planspor import` reads back.

The two-plan project is test_plans' (the bundled plan with 2023-2026 written in front of it). Its
files are made by the same functions the build calls, so no site is built here; the bundled site's
own files are checked in test_opendata and test_import.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import copy_project
from test_plans import CARRIED, LEFT_BEHIND, with_two_plans

from planspor.opendata import plan_json, schema_json
from planspor.project import load_project

SITE = "https://plan.norddjurs.dk/"


def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads(schema_json()), format_checker=jsonschema.FormatChecker())


@pytest.fixture(scope="module")
def two_plan_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return with_two_plans(copy_project(tmp_path_factory.mktemp("two-plans") / "project"))


def json_of(project: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(plan_json(load_project(project).plan, SITE))
    return data


def test_plan_json_names_every_plan_and_the_plans_of_each_item(two_plan_project: Path) -> None:
    data = json_of(two_plan_project)
    validator().validate(data)
    assert data["schema_version"] == 4
    earlier, current = data["plans"]
    assert earlier == {
        "id": "2023-2026",
        "title": "Udmøntningsplan 2023-2026",
        "url": f"{SITE}planer/2023-2026/",
        "period": {"start": 2023, "end": 2026},
        "budget_agreement": "Budgetaftale 2023-2026",
        "case_number": "22/8800",
        "introduction": "Den første plan, som den gjaldt, indtil den nye blev vedtaget.",
        "closed": "2024-01-09",
        "adopted_by": ["oeu-2023-12-05"],
    }
    assert (current["id"], current["closed"], current["url"]) == ("2024-2027", None, f"{SITE}planer/2024-2027/")
    assert current["title"] == data["plan"]["title"] and current["case_number"] == data["plan"]["case_number"]
    plans = {item["id"]: item["plans"] for item in data["items"]}
    assert plans[CARRIED] == ["2023-2026", "2024-2027"]
    assert plans[LEFT_BEHIND] == ["2023-2026"]
    assert {tuple(p) for i, p in plans.items() if i not in (CARRIED, LEFT_BEHIND)} == {("2024-2027",)}, "no 'plans' is the current plan"
    known = {d["id"] for d in data["plan"]["decisions"]}
    assert all(set(plan["adopted_by"]) <= known for plan in data["plans"])


def test_a_one_plan_site_names_its_one_plan_everywhere_so_readers_need_no_special_case(tmp_path: Path) -> None:
    data = json_of(copy_project(tmp_path / "project"))
    validator().validate(data)
    [only] = data["plans"]
    assert (only["id"], only["closed"], only["url"]) == ("2024-2027", None, SITE), "no plan pages: the front page is the plan's"
    assert {tuple(item["plans"]) for item in data["items"]} == {("2024-2027",)}


def test_the_schema_refuses_plans_it_does_not_describe(two_plan_project: Path) -> None:
    data = json_of(two_plan_project)
    check = validator()
    first = data["items"][0]
    without = {key: value for key, value in first.items() if key != "plans"}
    assert not check.is_valid({**data, "items": [without, *data["items"][1:]]}), "every item names its plans"
    assert not check.is_valid({**data, "items": [{**first, "plans": []}, *data["items"][1:]]}), "an item is in at least one plan"
    assert not check.is_valid({**data, "items": [{**first, "plans": ["Udmøntningsplan 2024-2027"]}, *data["items"][1:]]}), "a plan's id is its period"
    assert not check.is_valid({**data, "plans": []}), "a site has at least one plan"
    assert not check.is_valid({**data, "plans": [{**data["plans"][0], "closed": "9. januar 2024"}, data["plans"][1]]}), "closed is a date"
    assert not check.is_valid({**data, "schema_version": 3}), "a v3 reader's schema refuses the new keys, so the version moves"
