"""Read an Excel workbook (.xlsx, .xlsm) into the import's Table, with openpyxl.

A workbook has several sheets: the one asked for with --ark, or else the first
that is not one of the template's helper sheets. Cells come as Excel stores
them (numbers, dates, booleans); import_cells reads them as the editor meant.
This module changes when workbooks must be opened or their sheet chosen
differently.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from .import_rows import Table, table_from_rows
from .problems import PlanInvalid, Problem, suggest

HELPER_SHEETS = ("Vejledning", "Lister")  # the template's guide and drop-down lists, never the data


def read_xlsx(path: Path, display: str, sheet: str | None) -> Table:
    """The rows of the sheet named `sheet`, or of the first sheet that holds data."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        raise PlanInvalid(
            [Problem(display, None, "", "Filen kan ikke læses som et Excel-regneark (.xlsx). Åbn den i Excel, og gem den igen som .xlsx.")]
        ) from None
    names = workbook.sheetnames
    if sheet is not None and sheet not in names:
        raise PlanInvalid([Problem(display, None, "--ark", f"Arket '{sheet}' findes ikke.{suggest(sheet, names)} Arkene hedder: {', '.join(names)}.")])
    name = sheet or next((n for n in names if n not in HELPER_SHEETS), names[0])
    _refuse_formulas_without_values(path, display, name, workbook[name])
    return table_from_rows(display, name, workbook[name].iter_rows(values_only=True))


def _refuse_formulas_without_values(path: Path, display: str, name: str, values: Any) -> None:
    """A formula saved without its result (a file written by a program, not by Excel) reads as an empty
    cell: an amount or a status would silently be nothing. Name each such cell instead."""
    from openpyxl import load_workbook

    formulas = load_workbook(path, data_only=False)[name]
    problems = [
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
    if problems:
        raise PlanInvalid(problems)
