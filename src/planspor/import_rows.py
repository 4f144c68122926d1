"""The one row model every reader produces: where a row is, and its cells from left to right.

CSV, Excel and any later reader (a table in a Word document, say) differ only
in how they find the rows; after that, the import sees the same Table. Every
row knows its file, sheet and number, and names a cell the way the spreadsheet
does (Ark1!C2), so any message can point at the exact cell to fix. This module
changes when a place in a file must be named differently.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .import_cells import cell_text
from .problems import PlanInvalid, Problem


@dataclass(frozen=True)
class SheetRow:
    """One row as read: its file (as the messages name it), sheet (None for CSV), number from 1, and cells."""

    file: str
    sheet: str | None
    number: int
    cells: tuple[Any, ...]

    def cell(self, column: int | None) -> Any:
        """The raw value in a column (0 is the first); None where the row has no such cell."""
        if column is None or column >= len(self.cells):
            return None
        return self.cells[column]

    def where(self, column: int | None, header: str) -> str:
        """The cell as the editor finds it: 'Ark1!C2 (Tema)', 'C2 (Tema)', or 'række 2 (Tema)' without a column."""
        if column is None:
            place = f"række {self.number}"
        else:
            from openpyxl.utils import get_column_letter

            place = f"{get_column_letter(column + 1)}{self.number}"
        return f"{self.sheet}!{place} ({header})" if self.sheet else f"{place} ({header})"

    def problem(self, column: int | None, header: str, message: str) -> Problem:
        return Problem(self.file, self.number, self.where(column, header), message)


@dataclass(frozen=True)
class Table:
    """A sheet's header row and the rows under it that have anything in them; ``notices``: what the
    editor should know about how the sheet was read (hidden rows read with the others, say)."""

    header: SheetRow
    rows: tuple[SheetRow, ...]
    notices: tuple[str, ...] = ()


def table_from_rows(file: str, sheet: str | None, rows: Iterable[Sequence[Any]], notices: Sequence[str] = ()) -> Table:
    """The Table in a reader's rows: blank rows skipped, the first row with content is the header."""
    numbered = (SheetRow(file, sheet, number, tuple(values)) for number, values in enumerate(rows, 1))
    filled = [row for row in numbered if any(cell_text(value) for value in row.cells)]
    if not filled:
        where = f"Arket '{sheet}'" if sheet else "Regnearket"
        raise PlanInvalid([Problem(file, None, "", f"{where} er tomt. Første række skal have kolonneoverskrifterne (se skabeloner/).")])
    header, *body = filled
    return Table(header, tuple(body), tuple(notices))
