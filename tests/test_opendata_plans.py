"""The open data of a site with several udmøntningsplaner (issue 21): plan.json names the plans and
each item's plans, plan.csv has a column Planer that `planspor import` reads back.

The two-plan project is test_plans' (the bundled plan with 2023-2026 written in front of it). Its
files are made by the same functions the build calls, so no site is built here; the bundled site's
own files are checked in test_opendata and test_import.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import copy_project, run_planspor
from docx import Document
from test_editing import commit, diff_lines, ok, refused
from test_import_docx import add_table
from test_plans import CARRIED, LEFT_BEHIND, one_plan_project, with_two_plans

from planspor.opendata import plan_csv, plan_json, schema_json
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
    data = json_of(one_plan_project(tmp_path / "project"))
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


# -- plan.csv: the column Planer, read back by `planspor import` -------------------------------------


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    project = with_two_plans(copy_project(tmp_path / "project"))
    commit(project)
    return project


def csv_rows(project: Path) -> list[list[str]]:
    """plan.csv as Danish Excel reads it (BOM, semicolons): the file the site publishes for this plan."""
    text = plan_csv(load_project(project).plan, SITE)
    assert text.startswith("\ufeff") and "\r\n" in text
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=";"))


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        csv.writer(file, delimiter=";", lineterminator="\r\n").writerows(rows)
    return path


def set_plans(rows: list[list[str]], item: str, plans: str) -> int:
    """The item's Planer cell set; its row's number in the file."""
    number, row = next((n, r) for n, r in enumerate(rows, 1) if r[0] == item)
    row[rows[0].index("Planer")] = plans
    return number


def test_plan_csv_names_each_items_plans_and_imports_back_as_no_change(repo: Path, tmp_path: Path) -> None:
    rows = csv_rows(repo)
    assert rows[0][-2:] == ["Planer", "Adresse"]
    plans = {row[0]: row[-2] for row in rows[1:]}
    assert (plans[CARRIED], plans[LEFT_BEHIND], plans["budget-i-balance"]) == ("2023-2026, 2024-2027", "2023-2026", "2024-2027")
    assert "Ingen ændringer" in ok(run_planspor(repo, "import", str(write_csv(tmp_path / "plan.csv", rows))))
    assert diff_lines(repo) == ([], [])


def test_the_planer_column_moves_items_between_plans(repo: Path, tmp_path: Path) -> None:
    rows = csv_rows(repo)
    carried = set_plans(rows, CARRIED, "2024-2027")
    left = set_plans(rows, LEFT_BEHIND, "2023-2026; Udmøntningsplan 2024-2027")  # a title, another separator
    out = ok(run_planspor(repo, "import", str(write_csv(tmp_path / "plan.csv", rows))))
    assert f"{CARRIED}: planer [2023-2026, 2024-2027] → [2024-2027] (række {carried})" in out
    assert f"{LEFT_BEHIND}: planer [2023-2026] → [2023-2026, 2024-2027] (række {left})" in out
    added, removed = diff_lines(repo)
    assert sorted(added) == ["    plans: [2023-2026, 2024-2027]", "    plans: [2024-2027]"]
    assert sorted(removed) == ["    plans: [2023-2026, 2024-2027]", "    plans: [2023-2026]"]
    ok(run_planspor(repo, "check"))


def test_an_unknown_plan_is_refused_naming_the_cell_and_the_plans_there_are(repo: Path, tmp_path: Path) -> None:
    rows = csv_rows(repo)
    number = set_plans(rows, "budget-i-balance", "2024-2027, 2025-2028")
    stderr = refused(run_planspor(repo, "import", str(write_csv(tmp_path / "plan.csv", rows))), repo)
    column = "V"  # Planer, the last column but one
    assert rows[0].index("Planer") == ord(column) - ord("A")
    assert f"plan.csv:{number} [{column}{number} (Planer)]: Ukendt plan '2025-2028'." in stderr
    assert "Tilladt (id eller titel): 2023-2026, 2024-2027." in stderr


NEW_ITEMS = [["Titel", "Tema", "Type", "Udvalg", "Plan"], ["Ny sti til stranden", "Klima, miljø og byg", "Anlægsprojekt", "Økonomiudvalget", ""]]


def test_import_plan_puts_new_items_in_the_plan_it_names(repo: Path, tmp_path: Path) -> None:
    sheet = [*NEW_ITEMS, ["Ny skole", "Klima, miljø og byg", "Anlægsprojekt", "Økonomiudvalget", "2024-2027"]]
    out = ok(run_planspor(repo, "import", str(write_csv(tmp_path / "nye.csv", sheet)), "--plan", "2023-2026"))
    assert "Ny indsats: ny-sti-til-stranden (række 2): " in out and "strategisk nej; planer [2023-2026]; status" in out
    added, _ = diff_lines(repo)
    assert added.count("    plans: [2023-2026]") == 1, "the Plan cell goes before --plan; the current plan alone is no 'plans'"
    plan = load_project(repo).plan
    assert (plan.items_by_id["ny-sti-til-stranden"].plans, plan.items_by_id["ny-skole"].plans) == (("2023-2026",), ("2024-2027",))


def test_import_plan_of_the_current_plan_writes_no_plans_and_an_unknown_one_is_refused(repo: Path, tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "nye.csv", NEW_ITEMS)
    stderr = refused(run_planspor(repo, "import", str(sheet), "--plan", "2025-2028"), repo)
    assert "[--plan]: Ukendt plan '2025-2028'. Skriv perioden for en af hjemmesidens planer: 2023-2026, 2024-2027 (2024-2027 er den gældende)." in stderr
    ok(run_planspor(repo, "import", str(sheet), "--plan", "2024-2027"))
    added, _ = diff_lines(repo)
    assert "  - id: ny-sti-til-stranden" in added and not any("plans" in line for line in added)


def test_a_word_document_imports_into_the_plan_named_too(repo: Path, tmp_path: Path) -> None:
    document = Document()
    document.add_heading("Anlægsprojekter", level=1)
    document.add_heading("Klima, miljø og byg", level=2)
    add_table(document, ["Emne", "Udvalg", "Tidsplan"], [["Ny sti til stranden", "Økonomiudvalget", "2025"]])
    document.save(tmp_path / "plan.docx")
    ok(run_planspor(repo, "import", str(tmp_path / "plan.docx"), "--plan", "2023-2026"))
    assert load_project(repo).plan.items_by_id["ny-sti-til-stranden"].plans == ("2023-2026",)
