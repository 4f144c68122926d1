"""The one row model every reader produces: where a row is, and its cells from left to right.

CSV, Excel and Word differ only in how they find the rows; after that, the
import sees the same Table. Every row knows its file, sheet (or table in a
document) and number, and names a cell the way the editor finds it (Ark1!C2,
or "tabel 3, række 4 (Proces)" in a document), so any message can point at the
exact cell to fix. A row also knows the headings it stands under (a Word
heading, a sheet named as a theme): import_headings turns those into the
theme or type they give it. This module changes when a place in a file must
be named differently.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .import_cells import cell_text
from .problems import PlanInvalid, Problem


@dataclass(frozen=True)
class Heading:
    """A heading a row stands under, as written: a Word heading (its level; bold paragraphs are
    BOLD_LEVEL) or a sheet's name (SHEET_LEVEL), and where it is, as a message names it."""

    text: str
    level: int
    place: str  # "under overskriften 'Driftsændringer' (afsnit 7)", "på arket 'Økonomisk Politik'"


SHEET_LEVEL = 0
BOLD_LEVEL = 10  # a bold paragraph used as a heading: below every heading style


@dataclass(frozen=True)
class Given:
    """A field a row's place gives it: the theme of the sheet or heading it stands under."""

    key: str  # "theme" or "kind"
    ident: str
    place: str  # as in Heading.place


@dataclass(frozen=True)
class SheetRow:
    """One row as read: its file (as the messages name it), sheet (None for CSV), number from 1, and cells;
    ``table``: in a document, the table it is in ("tabel 3"), which names its cells instead of a sheet."""

    file: str
    sheet: str | None
    number: int
    cells: tuple[Any, ...]
    table: str | None = None
    context: str = ""  # how "række 5" is told apart from another sheet's: "på arket 'Skoler'", "i tabel 3"
    headings: tuple[Heading, ...] = ()
    given: tuple[Given, ...] = ()

    @property
    def label(self) -> str:
        """'række 5', or 'række 5 i tabel 3' where the file has several tables or sheets."""
        return f"række {self.number} {self.context}" if self.context else f"række {self.number}"

    def cell(self, column: int | None) -> Any:
        """The raw value in a column (0 is the first); None where the row has no such cell."""
        if column is None or column >= len(self.cells):
            return None
        return self.cells[column]

    def where(self, column: int | None, header: str) -> str:
        """The cell as the editor finds it: 'Ark1!C2 (Tema)', 'C2 (Tema)', or 'række 2 (Tema)' without a column;
        in a document, 'tabel 3, række 4 (Proces)': Word's columns have no letters."""
        if self.table is not None:
            return f"{self.table}, række {self.number} ({header})"
        if column is None:
            place = f"række {self.number}"
        else:
            from openpyxl.utils import get_column_letter

            place = f"{get_column_letter(column + 1)}{self.number}"
        return f"{self.sheet}!{place} ({header})" if self.sheet else f"{place} ({header})"

    def problem(self, column: int | None, header: str, message: str) -> Problem:
        """A problem at the cell; a document's row has no line of its own (where() names its table and row)."""
        return Problem(self.file, None if self.table else self.number, self.where(column, header), message)


@dataclass(frozen=True)
class Table:
    """A sheet's header row and the rows under it that have anything in them; ``notices``: what the
    editor should know about how the sheet was read (hidden rows read with the others, say)."""

    header: SheetRow
    rows: tuple[SheetRow, ...]
    notices: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()  # found while reading (a tracked change), told with the others


def table_from_rows(
    file: str, sheet: str | None, rows: Iterable[Sequence[Any]], notices: Sequence[str] = (), headings: tuple[Heading, ...] = (), context: str = ""
) -> Table:
    """The Table in a reader's rows: blank rows skipped, the first row with content is the header."""
    numbered = (SheetRow(file, sheet, number, tuple(values), context=context, headings=headings) for number, values in enumerate(rows, 1))
    filled = [row for row in numbered if any(cell_text(value) for value in row.cells)]
    if not filled:
        where = f"Arket '{sheet}'" if sheet else "Regnearket"
        raise PlanInvalid([Problem(file, None, "", f"{where} er tomt. Første række skal have kolonneoverskrifterne (se skabeloner/).")])
    header, *body = filled
    return Table(header, tuple(body), tuple(notices))
