"""Read an Excel workbook (.xlsx, .xlsm) into the import's Tables, with openpyxl.

A workbook has several sheets: the one asked for with --ark, or else every
visible sheet with anything in it that is not one of the template's helper
sheets (a municipality may keep one theme per sheet; import_headings matches
their names to the themes). The sheets "Milepæle" and "Målinger" are read like
the others; import_progress sets them apart before any sheet's name is taken for
a theme. A hidden sheet is not read, and the import says so;
hidden rows and columns are read like the others, and the import says that too:
nothing is skipped or taken in without a word. Cells come as Excel stores them
(numbers, dates, booleans); import_cells reads them as the editor meant. This
module changes when workbooks must be opened or their sheets chosen differently.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from .import_cells import cell_text
from .import_rows import SHEET_LEVEL, Heading, Table, table_from_rows
from .problems import PlanInvalid, Problem, suggest

HELPER_SHEETS = ("Vejledning", "Lister")  # the template's guide and drop-down lists, never the data


def read_xlsx(path: Path, display: str, sheet: str | None) -> list[Table]:
    """The Table of the sheet named `sheet`, or of every visible sheet that holds data."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, data_only=True)
        formulas = load_workbook(path, data_only=False)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        raise PlanInvalid(
            [Problem(display, None, "", "Filen kan ikke læses som et Excel-regneark (.xlsx). Åbn den i Excel, og gem den igen som .xlsx.")]
        ) from None
    names = workbook.sheetnames
    if sheet is not None and sheet not in names:
        raise PlanInvalid([Problem(display, None, "--ark", f"Arket '{sheet}' findes ikke.{suggest(sheet, names)} Arkene hedder: {', '.join(names)}.")])
    chosen, left_out = ([sheet], []) if sheet is not None else _data_sheets(workbook)
    problems = [problem for name in chosen for problem in _formulas_without_values(display, name, workbook[name], formulas[name])]
    if problems:
        raise PlanInvalid(problems)
    tables = []
    for index, name in enumerate(chosen):
        notices = [*_hidden_notices(workbook[name]), *(left_out if index == 0 else [])]
        place = f"på arket '{name}'"  # the sheet's name may be its rows' theme (import_headings)
        context = place if len(chosen) > 1 else ""
        rows = workbook[name].iter_rows(values_only=True)
        tables.append(table_from_rows(display, name, rows, notices, (Heading(name, SHEET_LEVEL, place),), context))
    return tables


def _data_sheets(workbook: Any) -> tuple[list[str], list[str]]:
    """The sheets to read (visible, not a helper, not empty) and a notice for each hidden sheet with data."""
    chosen, left_out = [], []
    for worksheet in workbook.worksheets:
        name = worksheet.title
        if name in HELPER_SHEETS or not _has_data(worksheet):
            continue
        if worksheet.sheet_state != "visible":
            left_out.append(f"Arket '{name}' er skjult i regnearket og er ikke læst. Skal det med, så importer det for sig med --ark \"{name}\".")
            continue
        chosen.append(name)
    if not chosen:  # nothing visible holds data: the first sheet, which then says it is empty
        chosen = [next((n for n in workbook.sheetnames if n not in HELPER_SHEETS), workbook.sheetnames[0])]
    return chosen, left_out


def _has_data(worksheet: Any) -> bool:
    return any(cell_text(value) for row in worksheet.iter_rows(values_only=True) for value in row)


def _hidden_notices(worksheet: Any) -> list[str]:
    """The hidden rows and columns that hold data: read like the others, but the editor may have hidden
    them to mean 'not these' (a filter hides rows, too), so the import names them."""
    from openpyxl.utils import get_column_letter

    filled = [(cell.row, cell.column) for row in worksheet.iter_rows() for cell in row if cell_text(cell.value)]
    filled_rows, filled_columns = {r for r, _ in filled}, {c for _, c in filled}
    rows = sorted(number for number, dimension in worksheet.row_dimensions.items() if dimension.hidden and number in filled_rows)
    columns = sorted(
        column
        for dimension in worksheet.column_dimensions.values()
        if dimension.hidden and dimension.min is not None
        for column in range(dimension.min, (dimension.max or dimension.min) + 1)
        if column in filled_columns
    )
    hidden = [f"{'rækkerne' if len(rows) > 1 else 'række'} {_listed([str(n) for n in rows])}"] if rows else []
    hidden += [f"{'kolonnerne' if len(columns) > 1 else 'kolonne'} {_listed([get_column_letter(c) for c in columns])}"] if columns else []
    if not hidden:
        return []
    return [
        f"Bemærk: {' og '.join(hidden)} på arket '{worksheet.title}' er skjult i regnearket, men er læst med som resten. "
        + "Skal noget af det ikke med, så slet det i arket."
    ]


def _listed(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} og {parts[-1]}"


def _formulas_without_values(display: str, name: str, values: Any, formulas: Any) -> list[Problem]:
    """A formula saved without its result (a file written by a program, not by Excel) reads as an empty
    cell: an amount or a status would silently be nothing. Name each such cell instead."""
    return [
        Problem(
            display,
            cell.row,
            f"{name}!{cell.coordinate}",
            f"Cellen har formlen '{str(cell.value)[:40]}', men regnearket er gemt uden formlens resultat, så importen ville læse den som tom. "
            + "Åbn filen i Excel eller LibreOffice, og gem den igen (så gemmes resultatet), eller skriv værdien i cellen i stedet for formlen.",
        )
        for row in formulas.iter_rows()
        for cell in row
        if cell.data_type == "f" and values[cell.coordinate].value is None
    ]
