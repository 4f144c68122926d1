"""Read a CSV file into the import's Table, as Danish Excel and the site's plan.csv write it.

Danish Excel saves CSV with semicolons and the Windows code page; other tools
use commas or tabs and UTF-8, with or without BOM. The separator is the one the
header line uses most. This module changes when a CSV file from some program
must be read that is not read today.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from .import_rows import Table, table_from_rows
from .problems import PlanInvalid, Problem

SEPARATORS = (";", ",", "\t")


def read_csv(path: Path, display: str, sheet: str | None) -> list[Table]:
    """The CSV file's rows, as one Table; a CSV file has no sheets, so `sheet` is not used."""
    text = decode(path.read_bytes())
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(SEPARATORS, key=first.count)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise PlanInvalid([Problem(display, None, "", f"Filen kan ikke læses som CSV ({error}). Gem den igen fra regnearket som CSV.")]) from None
    return [table_from_rows(display, None, rows)]


def decode(raw: bytes) -> str:
    """UTF-8 with or without BOM; otherwise Windows' Western European code page."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")
