"""Which reader opens a file for `planspor import`, chosen by the file's ending.

Every reader turns one kind of file into the same Table (import_rows), so
everything after this step is the same for all of them. To read a new kind of
file (a Word table, say), write a module with a function like read_csv, add
its endings to READERS, and name the new type in UNKNOWN_TYPE's advice.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .import_csv import read_csv
from .import_docx import read_docx
from .import_rows import Table
from .import_xlsx import read_xlsx
from .problems import PlanInvalid, Problem

# A reader: (the file, its name as the messages show it, the sheet asked for or None) -> its Tables,
# one per sheet it reads (a workbook may keep one theme per sheet).
Reader = Callable[[Path, str, str | None], list[Table]]

READERS: dict[str, Reader] = {
    ".csv": read_csv,
    ".xlsx": read_xlsx,
    ".xlsm": read_xlsx,
    ".docx": read_docx,
}
UNKNOWN_TYPE = "Filtypen '{suffix}' kan ikke læses. Gem regnearket som .xlsx (Excel-projektmappe) eller .csv, eller dokumentet som .docx (Word)."


def read_tables(path: Path, sheet: str | None = None) -> list[Table]:
    """The file's Tables, or PlanInvalid naming why the file cannot be read."""
    display = path.name
    if not path.is_file():
        raise PlanInvalid([Problem(display, None, "", f"Regnearket {path} findes ikke.")])
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise PlanInvalid([Problem(display, None, "", UNKNOWN_TYPE.format(suffix=path.suffix))])
    return reader(path, display, sheet)
