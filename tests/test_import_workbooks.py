"""`planspor import` on workbooks as administrations keep them: one sheet per theme, hidden rows,
hidden columns and hidden sheets. Nothing is skipped or read without a word.

Each test builds the workbook with openpyxl, imports it as an editor would (without --dato: the
plan's data_as_of dates the history) and reads what changed in data/plan.yaml.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import run_planspor
from openpyxl import Workbook
from test_editing import commit, diff_lines, ok, refused

HEADINGS = ["Nr.", "Emne", "Type", "Fagudvalg", "Afsluttet", "Bemærkninger"]
LONG_THEME = "Hensigtserklæringer til kommende års budgetforhandlinger"


def workbook(path: Path, sheets: dict[str, list[list[Any]]], hidden_sheets: tuple[str, ...] = ()) -> Workbook:
    """One sheet per name, each with a title row, a blank row and HEADINGS above its rows."""
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        sheet.append([f"Udmøntningsplan 2024-2027: {name}"])
        sheet.append([])
        sheet.append(HEADINGS)
        for row in rows:
            sheet.append(row)
        if name in hidden_sheets:
            sheet.sheet_state = "hidden"
    book.save(path)
    return book


def test_one_sheet_per_theme_gives_each_row_its_sheets_theme(project: Path, tmp_path: Path) -> None:
    commit(project)
    path = tmp_path / "plan.xlsx"
    sheets = {
        "Økonomisk Politik": [
            ["budget-i-balance", "", "", "", "X", "Budgettet er i balance."],
            ["", "Ny analyse af anlægsbudgettet", "anlaegsprojekt", "oekonomiudvalget", "", ""],
            ["", "Styrket økonomiopfølgning i fagudvalgene", "", "", "", "Opfølgningen kører, som den skal."],
        ],
        LONG_THEME[:31]: [["", "Kapacitet på ældreområdet i de kommende år", "", "", "", "Drøftes ved budgetseminaret."]],
        "Lister": [["driftsaendring"], ["anlaegsprojekt"]],  # the template's helper sheet: never data
        "Gammel udgave": [["raaderumsanalyse", "", "", "", "", "Skal ikke med"]],
    }
    book = workbook(path, sheets, hidden_sheets=("Gammel udgave",))
    book["Økonomisk Politik"].row_dimensions[6].hidden = True  # the third item, hidden by a filter
    book["Økonomisk Politik"].column_dimensions["F"].hidden = True  # Bemærkninger
    book.save(path)

    out = ok(run_planspor(project, "import", str(path)))
    assert "Bemærk: række 6 og kolonne F på arket 'Økonomisk Politik' er skjult i regnearket, men er læst med som resten." in out
    assert "Arket 'Gammel udgave' er skjult i regnearket og er ikke læst. Skal det med, så importer det for sig med --ark \"Gammel udgave\"." in out
    assert "budget-i-balance: status i-gang → afsluttet; kommentar 'Budgettet er i balance.' (2024-10-01, række 4 på arket 'Økonomisk Politik')" in out
    assert (
        "Ny indsats: ny-analyse-af-anlaegsbudgettet (række 5 på arket 'Økonomisk Politik'): titel 'Ny analyse af anlægsbudgettet'; tema 'oekonomisk-politik'"
        in out
    )
    assert (
        "styrket-oekonomiopfoelgning: status i-gang bekræftet; kommentar 'Opfølgningen kører, som den skal.' (2024-10-01, række 6 på arket 'Økonomisk Politik')"
        in out
    )
    assert (
        "kapacitet-paa-aeldreomraadet: status ikke-paabegyndt bekræftet; kommentar 'Drøftes ved budgetseminaret.' (2024-10-01, række 4 på arket 'Hensigtserklæringer til kommend')"
        in out
    )
    assert "raaderumsanalyse" not in out
    added, removed = diff_lines(project)
    assert removed == [] and "    theme: oekonomisk-politik" in added and added.count("      - date: 2024-10-01") == 4, added
    ok(run_planspor(project, "check"))

    commit(project)
    again = ok(run_planspor(project, "import", str(path)))
    assert "Ingen ændringer" in again and "Bemærk: række 6 og kolonne F" in again, "the notices are said every time"
    assert "raaderumsanalyse" in ok(run_planspor(project, "import", str(path), "--ark", "Gammel udgave", "--tør"))


def test_a_sheet_that_names_no_theme_or_a_row_on_the_wrong_sheet_is_named(project: Path, tmp_path: Path) -> None:
    commit(project)
    path = tmp_path / "plan.xlsx"
    workbook(path, {"Økonomisk politk": [["budget-i-balance", "", "", "", "X", ""]], "Noter": [["Husk at spørge Lise"]]})
    stderr = refused(run_planspor(project, "import", str(path)), project)
    assert (
        "plan.xlsx [ark 'Økonomisk politk']: Regnearket har 2 ark (Økonomisk politk, Noter), og så læses hvert ark som ét tema, "
        "men arket 'Økonomisk politk' hedder ikke som et tema. Mente du 'Økonomisk Politik'?"
    ) in stderr
    assert "[ark 'Noter']" in stderr and '--ark "Noter"' in stderr

    book = Workbook()
    sheet = book.active
    sheet.title = "Skoler og dagtilbud"
    sheet.append(["Nr.", "Hovedpunkt", "Bemærkninger"])
    sheet.append(["budget-i-balance", "Økonomisk Politik", "Står på det forkerte ark"])
    other = book.create_sheet("Effektiviseringer")  # two sheets: each is a theme
    other.append(["Nr.", "Hovedpunkt", "Bemærkninger"])
    other.append(["digital-selvbetjening", "", "Står på det rigtige ark"])
    book.save(path)
    stderr = refused(run_planspor(project, "import", str(path)), project)
    assert (
        "plan.xlsx:2 [Skoler og dagtilbud!B2 (Hovedpunkt)]: Rækken står på arket 'Skoler og dagtilbud', som giver temaet 'Skoler og dagtilbud', "
        "men kolonnen Hovedpunkt siger 'oekonomisk-politik'. Flyt rækken, eller ret cellen."
    ) in stderr


def test_one_sheets_name_is_only_a_name(project: Path, tmp_path: Path) -> None:
    """A workbook of one sheet that happens to be called as a theme moves no item to that theme."""
    commit(project)
    path = tmp_path / "plan.xlsx"
    workbook(path, {"Effektiviseringer": [["budget-i-balance", "", "", "", "", "Status uændret."]]})
    out = ok(run_planspor(project, "import", str(path), "--tør"))
    assert "tema" not in out and "budget-i-balance: status i-gang bekræftet; kommentar 'Status uændret.'" in out
