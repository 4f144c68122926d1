"""Lav skabelonen til regneark-import: python skabeloner/lav_skabelon.py

Skriver skabeloner/udmoentningsplan-skabelon.xlsx ud fra planen i data/plan.yaml:
arket "Indsatser" med kolonneoverskrifterne og rullelister til Tema, Type,
Strategisk og Status, arkene "Milepæle" og "Målinger" med deres overskrifter,
arket "Vejledning", der forklarer hver kolonne på hvert ark, og arket "Lister"
med de tilladte værdier. Kør det igen, når temaer, typer, statusser eller
planperioden ændres.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from planspor.import_progress_columns import PROGRESS_SHEETS, ProgressSheet  # noqa: E402
from planspor.model import Plan  # noqa: E402
from planspor.plan_columns import BUDGET_HELP, COLUMNS  # noqa: E402
from planspor.project import load_plan  # noqa: E402

TEMPLATE = REPO / "skabeloner" / "udmoentningsplan-skabelon.xlsx"
DATA_SHEET = "Indsatser"
ROWS_WITH_DROPDOWNS = 500
FIXED_TIME = dt.datetime(2024, 1, 1)  # the same file every time it is generated


def headers(plan: Plan) -> list[str]:
    years = range(plan.info.period_start, plan.info.period_end + 1)
    return [c.header for c in COLUMNS] + [f"Budget {year}" for year in years]


def lists(plan: Plan) -> dict[str, list[str]]:
    return {
        "Tema": [t.title for t in plan.themes],
        "Type": [k.title for k in plan.kinds],
        "Strategisk": ["ja", "nej"],
        "Status": [s.label for s in plan.statuses],
    }


def heading_row(sheet: Worksheet, names: list[str]) -> None:
    """The sheet's first row: the headers, white on blue, kept in view when the rows scroll."""
    sheet.append(names)
    for index, name in enumerate(names, 1):
        cell = sheet.cell(row=1, column=index)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1565C0")
        sheet.column_dimensions[get_column_letter(index)].width = max(14, len(name) + 4)
    sheet.freeze_panes = "A2"


PROGRESS_GUIDE = {
    "Milepæle": "Én række pr. milepæl. Id er indsatsens id; Milepæl-id eller titlen finder milepælen. En ny milepæl skal have titel og Planlagt.",
    "Målinger": "Én række pr. måling af en indikator. Indikatoren (enhed, udgangspunkt og mål) skal stå i data/plan.yaml i forvejen. "
    + "En måling, der står i planen med samme dato, bliver ikke skrevet igen.",
}


def guide_rows(sheet: ProgressSheet) -> list[list[str]]:
    """The guide to one progress sheet: what it holds, then each of its columns."""
    rows = [[], [f"Arket {sheet.name}", PROGRESS_GUIDE[sheet.name]]]
    rows += [[sheet.header(key), sheet.help[key], sheet.example.get(key, "")] for key in sheet.headers if key not in sheet.filled]
    return rows


def build(plan: Plan) -> Workbook:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = DATA_SHEET
    names = headers(plan)
    heading_row(sheet, names)
    for progress in PROGRESS_SHEETS:
        heading_row(workbook.create_sheet(progress.name), progress.template_headers)
    options = workbook.create_sheet("Lister")
    for column, (header, values) in enumerate(lists(plan).items(), 1):
        options.cell(row=1, column=column, value=header).font = Font(bold=True)
        for row, value in enumerate(values, 2):
            options.cell(row=row, column=column, value=value)
        letter = get_column_letter(column)
        target = get_column_letter(names.index(header) + 1)
        validation = DataValidation(
            type="list",
            formula1=f"=Lister!${letter}$2:${letter}${len(values) + 1}",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=f"Ukendt {header.lower()}",
            error=f"Vælg en værdi fra listen i kolonnen {header}.",
        )
        validation.add(f"{target}2:{target}{ROWS_WITH_DROPDOWNS}")
        sheet.add_data_validation(validation)
        options.column_dimensions[letter].width = 40
    guide = workbook.create_sheet("Vejledning")
    guide.append(["Kolonne", "Hvad den indeholder", "Eksempel"])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    for column in COLUMNS:
        guide.append([column.header, column.help, column.example])
    guide.append(["Budget ÅÅÅÅ", BUDGET_HELP, "-1.250,5"])
    guide.append([])
    guide.append(
        ["Sådan", "Én række pr. indsats. En tom celle ændrer ikke noget. Hent regnearket ind med: planspor import regneark.xlsx (prøv først med --tør)."]
    )
    for progress in PROGRESS_SHEETS:
        for row in guide_rows(progress):
            guide.append(row)
            if row and row[0].startswith("Arket "):
                guide.cell(row=guide.max_row, column=1).font = Font(bold=True)
    guide.column_dimensions["A"].width = 18
    guide.column_dimensions["B"].width = 100
    guide.column_dimensions["C"].width = 24
    for row in guide.iter_rows(min_row=2):
        row[1].alignment = Alignment(wrap_text=True, vertical="top")
    workbook.properties.creator = "Planspor"
    workbook.properties.created = FIXED_TIME
    workbook.properties.modified = FIXED_TIME
    return workbook


def main() -> int:
    plan = load_plan(REPO)
    build(plan).save(TEMPLATE)
    print(f"Skrev {TEMPLATE.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
