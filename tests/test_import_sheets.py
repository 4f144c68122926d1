"""`planspor import` on the sheets municipalities keep themselves, not made from our template.

A title above the headings, their own headings ("Nr.", "Emne", "Hovedpunkt", "Fagudvalg",
"Bemærkninger"), columns the import does not know: each test builds such a sheet with openpyxl,
imports it as an editor would and reads what changed in data/plan.yaml.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from conftest import run_planspor
from openpyxl import Workbook
from test_editing import commit, diff_lines, ok, refused

AS_OF = "2024-10-01"


@pytest.fixture()
def repo(project: Path) -> Path:
    commit(project)
    return project


def municipal_sheet(path: Path, headings: list[str], rows: list[list[Any]]) -> Path:
    """A sheet as an administration makes it: a title, a date, a blank row, then the headings."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Udmøntning"
    sheet.append(["Udmøntningsplan 2024-2027, Norddjurs Kommune"])
    sheet.append(["Opdateret 1. oktober 2024"])
    sheet.append([])
    sheet.append(headings)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


HEADINGS = ["Nr.", "Emne", "Hovedpunkt", "Indsatstype", "Fagudvalg", "Ansvarlig enhed", "Status", "Bemærkninger"]


def test_a_sheet_with_a_title_and_the_municipalitys_own_headings_imports(repo: Path, tmp_path: Path) -> None:
    rows = [
        ["budget-i-balance", "Budget i balance på velfærdsområderne", "Økonomisk Politik", "Driftsændring", "Økonomiudvalget", "Økonomi", "I gang", ""],
        ["", "Analyse af det økonomiske råderum", "", "", "", "Økonomi og Personale", "Afsluttet", "Forelagt Økonomiudvalget."],
        ["", "Ny cykelbro over åen", "Klima, miljø og byg", "Anlægsprojekt", "Miljø- og teknikudvalget", "Vej og Park", "Ikke påbegyndt", ""],
    ]
    sheet = municipal_sheet(tmp_path / "kommunens-ark.xlsx", HEADINGS, rows)
    out = ok(run_planspor(repo, "import", str(sheet), "--dato", AS_OF))
    assert (
        "Ny indsats: ny-cykelbro-over-aaen (række 7)" in out
        and "raaderumsanalyse: status afsluttet bekræftet; kommentar 'Forelagt Økonomiudvalget.' (2024-10-01, række 6)" in out
    ), out
    added, _ = diff_lines(repo)
    assert "  - id: ny-cykelbro-over-aaen" in added and "    responsible: Vej og Park" in added
    assert "        comment: Forelagt Økonomiudvalget." in added  # Bemærkninger is the comment to the new status
    assert not any(line.startswith("  - id: analyse") for line in added)  # found by its title: no second item
    ok(run_planspor(repo, "check"))
    commit(repo)
    assert "Ingen ændringer" in ok(run_planspor(repo, "import", str(sheet), "--dato", AS_OF))


def test_unknown_headings_are_named_once_with_the_way_to_leave_them_out(repo: Path, tmp_path: Path) -> None:
    headings = ["Nr.", "Emne", "Bemærkningr", "Noter til udvalget", "Status"]
    rows = [["budget-i-balance", "Budget i balance på velfærdsområderne", "", "intern note", "I gang"]]
    sheet = municipal_sheet(tmp_path / "ark.xlsx", headings, rows)
    stderr = refused(run_planspor(repo, "import", str(sheet), "--dato", AS_OF), repo)
    problems = [line for line in stderr.splitlines() if line.startswith("  - ")]
    assert len(problems) == 1, stderr
    assert re.search(
        r"ark\.xlsx:4 \[Udmøntning!C4 \(overskrifter\)\]: Ukendte kolonner: 'Bemærkningr' i Udmøntning!C4 \(mente du 'Bemærkninger'\?\); "
        r"'Noter til udvalget' i Udmøntning!D4\. .*--ignorer \"Bemærkningr\" --ignorer \"Noter til udvalget\"\.",
        problems[0],
    ), stderr
    out = ok(run_planspor(repo, "import", str(sheet), "--dato", AS_OF, "--ignorer", "bemærkningr", "--ignorer", "Noter til udvalget"))
    assert "Ingen ændringer" in out


def test_ignoring_a_column_that_is_not_there_is_refused(repo: Path, tmp_path: Path) -> None:
    sheet = municipal_sheet(tmp_path / "ark.xlsx", ["Nr.", "Emne"], [["budget-i-balance", "Budget i balance på velfærdsområderne"]])
    stderr = refused(run_planspor(repo, "import", str(sheet), "--dato", AS_OF, "--ignorer", "Noter"), repo)
    assert "Der er ingen kolonne 'Noter' i rækken med overskrifterne" in stderr


def test_a_sheet_without_a_heading_row_says_what_it_looked_for(repo: Path, tmp_path: Path) -> None:
    sheet = municipal_sheet(tmp_path / "ark.xlsx", ["Hvad", "Hvornår"], [["En ting", "Snart"]])
    stderr = refused(run_planspor(repo, "import", str(sheet), "--dato", AS_OF), repo)
    assert "Ingen af de første 10 rækker har kolonneoverskrifterne: mindst 'Id' eller 'Titel' (eller 'Nr.' eller 'Emne')" in stderr
    assert "Traceback" not in stderr


def test_the_paper_plans_x_marks_items_finished(repo: Path, tmp_path: Path) -> None:
    """ "De punkter, der allerede er implementeret, er markeret med X for afsluttet": an X (x, ✓, ja)
    finishes the item with one history entry; an empty cell or an item finished already changes nothing."""
    headings = ["Nr.", "Emne", "Afsluttet"]
    rows = [
        ["budget-i-balance", "Budget i balance på velfærdsområderne", "X"],  # i-gang: now finished
        ["", "Styrket økonomiopfølgning i fagudvalgene", "✓"],
        ["raaderumsanalyse", "", "x"],  # afsluttet already
        ["langsigtet-anlaegsplan", "", None],
    ]
    sheet = municipal_sheet(tmp_path / "ark.xlsx", headings, rows)
    out = ok(run_planspor(repo, "import", str(sheet), "--dato", AS_OF))
    assert "budget-i-balance: status i-gang → afsluttet (2024-10-01, række 5)" in out
    assert "raaderumsanalyse" not in out and "langsigtet-anlaegsplan" not in out
    added, removed = diff_lines(repo)
    assert removed == [] and added.count("        status: afsluttet") == 2 and added.count("      - date: 2024-10-01") == 2
    ok(run_planspor(repo, "check"))
    commit(repo)
    assert "Ingen ændringer" in ok(run_planspor(repo, "import", str(sheet), "--dato", AS_OF))


def test_an_x_that_is_no_mark_or_contradicts_the_status_is_named(repo: Path, tmp_path: Path) -> None:
    headings = ["Nr.", "Emne", "Status", "Færdig"]
    rows = [["budget-i-balance", "", "", "måske"], ["raaderumsanalyse", "", "I gang", "X"]]
    stderr = refused(run_planspor(repo, "import", str(municipal_sheet(tmp_path / "ark.xlsx", headings, rows)), "--dato", AS_OF), repo)
    assert (
        "ark.xlsx:5 [Udmøntning!D5 (Færdig)]: Skriv X (eller ✓ eller ja), når indsatsen er afsluttet, og lad ellers cellen være tom; der står 'måske'."
        in stderr
    )
    assert "ark.xlsx:6 [Udmøntning!D6 (Færdig)]: Indsatsen er markeret som afsluttet, men kolonnen Status siger 'i-gang'. Ret den ene af dem." in stderr


def test_nothing_a_row_says_is_dropped_or_let_through_silently(repo: Path, tmp_path: Path) -> None:
    """A comment alone confirms the status with it; what planspor flyt and planspor status refuse is refused here too."""
    headings = ["Nr.", "Status", "Slut", "Bemærkninger"]
    sheet = municipal_sheet(tmp_path / "ark.xlsx", headings, [["budget-i-balance", "", "", "Drøftet på budgetseminaret."]])
    out = ok(run_planspor(repo, "import", str(sheet), "--dato", AS_OF))
    assert "budget-i-balance: status i-gang bekræftet; kommentar 'Drøftet på budgetseminaret.' (2024-10-01, række 5)" in out
    added, _ = diff_lines(repo)
    assert added == ["      - date: 2024-10-01", "        status: i-gang", "        comment: Drøftet på budgetseminaret."]
    commit(repo)
    assert "Ingen ændringer" in ok(run_planspor(repo, "import", str(sheet), "--dato", AS_OF))

    rows = [["langsigtet-anlaegsplan", "", "2026-Q1", ""], ["faelles-billetsystem", "I gang", "", ""]]
    stderr = refused(run_planspor(repo, "import", str(municipal_sheet(tmp_path / "ark2.xlsx", headings, rows)), "--dato", AS_OF), repo)
    assert (
        "ark2.xlsx:5 [Udmøntning!C5 (Slut)]: Tidspunktet flyttes (3. kvartal 2024 – 1. kvartal 2025 → 3. kvartal 2024 – 1. kvartal 2026), men kolonnen Kommentar siger ikke hvorfor."
        in stderr
    )
    assert "ark2.xlsx:6 [Udmøntning!B6 (Status)]: Indsatsen er udgået (Udgået), og rækken sætter den i gang igen som 'I gang' uden en begrundelse." in stderr


def test_a_dry_run_shows_each_old_and_new_value_and_the_new_items_note(repo: Path, tmp_path: Path) -> None:
    headings = ["Nr.", "Emne", "Hovedpunkt", "Indsatstype", "Fagudvalg", "Ansvarlig enhed", "Budget 2025"]
    rows = [
        ["budget-i-balance", "", "", "", "", "Økonomi", -2600],
        ["", "Ny cykelbro over åen", "Klima, miljø og byg", "Anlægsprojekt", "Miljø- og teknikudvalget", "Vej og Park", 500],
    ]
    sheet = municipal_sheet(tmp_path / "ark.xlsx", headings, rows)
    out = ok(run_planspor(repo, "import", str(sheet), "--dato", AS_OF, "--tør"))
    assert "budget-i-balance: ansvarlig 'Økonomi og Personale' → 'Økonomi'; budget 2025: -2500 → -2600 (række 5)" in out
    assert (
        "Ny indsats: ny-cykelbro-over-aaen (række 6): titel 'Ny cykelbro over åen'; tema 'klima-miljoe-og-byg'; type 'anlaegsprojekt'; "
        "udvalg [miljoe-og-teknikudvalget]; strategisk nej; ansvarlig 'Vej og Park'; budget {2025: 500}; status ikke-vurderet (2024-10-01); "
        "note content/items/ny-cykelbro-over-aaen.md"
    ) in out
    assert diff_lines(repo) == ([], [])
    ok(run_planspor(repo, "import", str(sheet), "--dato", AS_OF))
    note = (repo / "content/items/ny-cykelbro-over-aaen.md").read_text(encoding="utf-8")
    assert note.startswith("<!--\nNoten til indsatsen 'Ny cykelbro over åen'.")  # as ny-indsats makes it
    ok(run_planspor(repo, "check"))


def test_the_same_csv_imported_twice_changes_nothing_the_second_time(repo: Path, tmp_path: Path) -> None:
    path = tmp_path / "ark.csv"
    lines = [
        "Udmøntningsplan 2024-2027;;",
        ";;",
        "Nr.;Emne;Status;Bemærkninger",
        "budget-i-balance;;Afsluttet;Budgettet er i balance.",
        ";Ny cykelbro over åen;;",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    stderr = refused(run_planspor(repo, "import", str(path), "--dato", AS_OF), repo)  # the new item lacks its theme and so on
    assert "ark.csv:5 [række 5 (Tema)]: 'Tema' skal udfyldes for en ny indsats ('ny-cykelbro-over-aaen')." in stderr
    path.write_text("\n".join(lines[:4]) + "\n", encoding="utf-8-sig")
    assert "budget-i-balance: status i-gang → afsluttet" in ok(run_planspor(repo, "import", str(path), "--dato", AS_OF))
    commit(repo)
    assert "Ingen ændringer" in ok(run_planspor(repo, "import", str(path), "--dato", AS_OF))


def test_a_formula_saved_without_its_result_is_named(repo: Path, tmp_path: Path) -> None:
    """openpyxl (like other programs that write workbooks) saves a formula without its value: read as data
    it would be an empty cell, so the import names the cell and says how to save the value."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Ark1"
    sheet.append(["Id", "Budget 2025"])
    sheet.append(["budget-i-balance", "=-2500-100"])
    workbook.save(tmp_path / "formel.xlsx")
    stderr = refused(run_planspor(repo, "import", str(tmp_path / "formel.xlsx"), "--dato", AS_OF), repo)
    assert "formel.xlsx:2 [Ark1!B2]: Cellen har formlen '=-2500-100', men regnearket er gemt uden formlens resultat" in stderr


@pytest.mark.parametrize(
    ("start", "end", "written"),
    [
        ("1. kvartal 2025", "4. kvt. 2025", "{start: 2025-Q1, end: 2025-Q4}"),
        ("Q2 2025", "2026 Q1", "{start: 2025-Q2, end: 2026-Q1}"),
        ("januar 2025", "sept. 2025", "{start: 2025-01, end: 2025-09}"),
        ("1. halvår 2025", "2. halvår 2025", "{start: 2025-Q1, end: 2025-Q4}"),
        ("primo 2025", "medio 2025", "{start: 2025-Q1, end: 2025-Q3}"),
        ("2025", "ultimo 2026", "{start: 2025, end: 2026-Q4}"),
    ],
)
def test_danish_timings_become_the_plans_own_forms(repo: Path, tmp_path: Path, start: str, end: str, written: str) -> None:
    rows = [["", "Ny cykelbro over åen", "Klima, miljø og byg", "Anlægsprojekt", "Miljø- og teknikudvalget", start, end]]
    headings = ["Nr.", "Emne", "Hovedpunkt", "Indsatstype", "Fagudvalg", "Startdato", "Slutdato"]
    ok(run_planspor(repo, "import", str(municipal_sheet(tmp_path / "ark.xlsx", headings, rows)), "--dato", AS_OF))
    added, _ = diff_lines(repo)
    assert f"    timing: {written}" in added
    ok(run_planspor(repo, "check"))


def test_one_schedule_cell_is_a_span_or_an_end(repo: Path, tmp_path: Path) -> None:
    headings = ["Nr.", "Tidsplan", "Bemærkninger"]
    rows = [
        ["budget-i-balance", "2024-2025", "Forlænget et år."],  # 2024-Q1 – 2024-Q4 → 2024 – 2025
        ["langsigtet-anlaegsplan", "2. kvartal 2025", "Afventer oversigten."],  # 2024-Q3 – 2025-Q1 → slut 2025-Q2
        ["raaderumsanalyse", "2024/25", "Ny plan."],
    ]
    out = ok(run_planspor(repo, "import", str(municipal_sheet(tmp_path / "ark.xlsx", headings, rows)), "--dato", AS_OF))
    assert "budget-i-balance: flyttet: start: 2024-Q1 → 2024, slut: 2024-Q4 → 2025; kommentar 'Forlænget et år.'" in out
    assert "langsigtet-anlaegsplan: flyttet: slut: 2025-Q1 → 2025-Q2" in out
    added, _ = diff_lines(repo)
    assert "        timing: {start: 2024, end: 2025}" in added and "        timing: {end: 2025-Q2}" in added
    ok(run_planspor(repo, "check"))


def test_a_timing_that_is_none_of_the_forms_lists_them(repo: Path, tmp_path: Path) -> None:
    headings = ["Nr.", "Slut", "Tidsplan", "Bemærkninger"]
    rows = [["budget-i-balance", "senere", "", "x"], ["raaderumsanalyse", "", "2025-2024", "x"], ["langsigtet-anlaegsplan", "2025", "2026", "x"]]
    stderr = refused(run_planspor(repo, "import", str(municipal_sheet(tmp_path / "ark.xlsx", headings, rows)), "--dato", AS_OF), repo)
    assert (
        "ark.xlsx:5 [Udmøntning!B5 (Slut)]: Ugyldigt tidspunkt: fandt 'senere'; skriv et år (2025), et kvartal (2025-Q1, 1. kvartal 2025, 1. kvt. 2025, Q1 2025)"
        in stderr
    )
    assert "ark.xlsx:6 [Udmøntning!C6 (Tidsplan)]: Ugyldigt tidspunkt: fandt '2025-2024': slutåret 2024 ligger ikke efter startåret 2025." in stderr
    assert "ark.xlsx:7 [Udmøntning!C7 (Tidsplan)]: Tidsplanen siger slut 2026, men kolonnen Slut siger 2025. Ret den ene af dem." in stderr
