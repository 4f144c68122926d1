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
    return table_from_rows(display, name, workbook[name].iter_rows(values_only=True))
