"""Read a Word document (.docx) into the import's Tables: one per table of items, under its headings.

The udmøntningsplan is written in Word: headings name the kinds (driftsændringer,
anlægsprojekter, hensigtserklæringer) and the themes (the budget agreement's
main points), and tables under them hold the items, with the column headings
the spreadsheet import knows (Emne, Proces, Tværgående aspekter, Udvalg,
Tidsplan, Afsluttet, …). Each row carries the headings in effect above it
(import_headings turns them into its kind and theme); a row that is one cell
across the whole table is a heading inside the table. A heading stays in effect
until a heading of its level or a higher one comes (Heading 1 over Heading 2
over bold paragraphs), so "Driftsændringer" over "Økonomisk politik" over a
table works; bold paragraphs used as headings all stay, and the last that
names a theme (or a kind) gives it.

Read, never lost: a cell merged down is read in every row it covers; a cell
merged across columns is read once, in its first column, and the import says
so; a table without an Id or Titel column (Emne, Nr.) is not a table of items
and is named as left out; a tracked change not accepted in an item table or a
heading is refused at its place. This module changes when Word documents must
be read differently.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .docx_text import Styles, cell_text, heading_level, paragraph_text, tracked_changes, w
from .import_cells import one_line
from .import_layout import HEADING_SEARCH_ROWS, is_heading_row
from .import_rows import BOLD_LEVEL, Heading, SheetRow, Table
from .problems import PlanInvalid, Problem

IN_TABLE_LEVEL = BOLD_LEVEL + 1  # a row that is one cell across the table: a heading for the rows under it


def read_docx(path: Path, display: str, sheet: str | None) -> list[Table]:
    """Every table of items in the document, each row with the headings above it."""
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    if sheet is not None:
        raise PlanInvalid([Problem(display, None, "--ark", "Et Word-dokument har ingen ark; --ark gælder kun Excel-regneark. Udelad --ark.")])
    try:
        document = Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise PlanInvalid(
            [Problem(display, None, "", "Filen kan ikke læses som et Word-dokument (.docx). Åbn den i Word, og gem den igen som .docx.")]
        ) from None
    reader = _Reader(display, Styles.of(document.styles.element))
    reader.read(document.element.body)
    if not reader.tables:
        raise PlanInvalid(
            [
                Problem(
                    display,
                    None,
                    "",
                    "Dokumentet har ingen tabel med indsatser: en tabel med kolonneoverskrifterne Titel (eller Emne) eller Id (eller Nr.) og flere.",
                )
            ]
        )
    first, *rest = reader.tables
    return [Table(first.header, first.rows, tuple(reader.notices), tuple(reader.problems)), *rest]  # told with the headings' problems


@dataclass
class _Reader:
    """Walks the document body in order, keeping the headings in effect, and reads each table it meets."""

    file: str
    styles: Styles
    headings: list[Heading] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    table_count: int = 0

    def read(self, element: Any) -> None:
        for child in element:
            if child.tag == w("p"):
                self._paragraph(child)
            elif child.tag == w("tbl"):
                self._table(child)
            elif child.tag in (w("sdt"), w("customXml")):  # a content control around paragraphs or tables
                content = child.find(w("sdtContent"))
                self.read(content if content is not None else child)

    def _paragraph(self, p: Any) -> None:
        level = heading_level(p, self.styles, BOLD_LEVEL)
        if level is None:
            return
        text = one_line(paragraph_text(p))
        heading = Heading(text, level, f"under overskriften '{text}'")
        if changes := tracked_changes(p):
            self.problems.append(Problem(self.file, None, f"overskriften '{text}'", _tracked_message(changes)))
        # A heading style ends the headings of its level and below; bold paragraphs have no levels among
        # themselves ("Driftsændringer", then "Økonomisk politik"), so they end only bold ones naming the same.
        kept = [h for h in self.headings if h.level < level or (h.level == level == BOLD_LEVEL)]
        self.headings = [*kept, heading]

    def _table(self, tbl: Any) -> None:
        self.table_count += 1
        label = f"tabel {self.table_count}" + (f" (under '{self.headings[-1].text}')" if self.headings else "")
        grid = _grid(tbl)
        if not _has_item_headings(grid):
            if any(text for row in grid for text in row.values if text):
                self.notices.append(f"Bemærk: {label} er ikke en tabel med indsatser (ingen kolonne Titel, Emne, Id eller Nr.) og er ikke læst.")
            return
        rows: list[SheetRow] = []
        inside: list[Heading] = []
        for number, row in enumerate(grid, 1):
            for column, changes in row.tracked:
                self.problems.append(Problem(self.file, None, f"{label}, række {number}, celle {column + 1}", _tracked_message(changes)))
            if row.across is not None:
                inside = [Heading(row.across, IN_TABLE_LEVEL, f"under rækken '{row.across}' i {label}")]
                continue
            for first, last in row.merged:
                self.notices.append(
                    f"Bemærk: i {label}, række {number} går én celle over kolonne {first + 1}-{last + 1}; teksten er læst i kolonne {first + 1}."
                )
            context = f"i tabel {self.table_count}"
            sheet_row = SheetRow(self.file, None, number, tuple(row.values), table=label, context=context, headings=(*self.headings, *inside))
            if any(one_line(value) for value in row.values):
                rows.append(sheet_row)
        header, *body = rows
        self.tables.append(Table(header, tuple(body)))


@dataclass
class _GridRow:
    values: list[str | None]
    across: str | None = None  # the text of a row that is one cell across the whole table
    merged: list[tuple[int, int]] = field(default_factory=list)  # (first, last) column of a cell merged across
    tracked: list[tuple[int, list[str]]] = field(default_factory=list)  # (column, tracked changes in the cell)


def _grid(tbl: Any) -> list[_GridRow]:
    """The table as rows of columns: a cell merged across columns in its first, one merged down in every row it covers."""
    width = len(tbl.findall(f"{w('tblGrid')}/{w('gridCol')}"))
    rows: list[_GridRow] = []
    for tr in _children(tbl, "tr"):
        before = tr.find(f"{w('trPr')}/{w('gridBefore')}")
        column = int(before.get(w("val"), "0")) if before is not None else 0
        row = _GridRow([None] * column)
        cells = list(_children(tr, "tc"))
        for tc in cells:
            span_element = tc.find(f"{w('tcPr')}/{w('gridSpan')}")
            span = max(1, int(span_element.get(w("val"), "1"))) if span_element is not None else 1
            merge = tc.find(f"{w('tcPr')}/{w('vMerge')}")
            continued = merge is not None and merge.get(w("val"), "continue") != "restart"
            above = rows[-1].values[column] if continued and rows and column < len(rows[-1].values) else None
            text = above if continued else cell_text(tc)
            if changes := tracked_changes(tc):
                row.tracked.append((column, changes))
            row.values += [text] + [None] * (span - 1)
            if span > 1 and len(cells) > 1 and one_line(text or ""):
                row.merged.append((column, column + span - 1))
            column += span
        width = max(width, column)
        if len(cells) == 1 and column >= max(width, 2):  # one cell from the first column to the last
            row.across = one_line(next((v for v in row.values if v), "")) or None
        rows.append(row)
    for row in rows:
        row.values += [None] * (width - len(row.values))
    return rows


def _children(element: Any, tag: str) -> list[Any]:
    """The element's w:tr or w:tc, also those wrapped in a content control (w:sdt) or custom XML."""
    found = []
    for child in element:
        if child.tag == w(tag):
            found.append(child)
        elif child.tag in (w("sdt"), w("customXml")):
            content = child.find(w("sdtContent"))
            found += _children(content if content is not None else child, tag)
    return found


def _has_item_headings(grid: list[_GridRow]) -> bool:
    """Whether one of the table's first rows holds the column headings of items, as a sheet's would (import_layout)."""
    return any(is_heading_row(row.values) for row in grid[:HEADING_SEARCH_ROWS])


def _tracked_message(changes: list[str]) -> str:
    shown = "; ".join(f"'{change[1:][:60]}' ({'indsat' if change[0] == '+' else 'slettet'})" for change in changes[:3])
    return (
        f"Her er ændringer, der ikke er godkendt (Spor ændringer): {shown}. Importen ved ikke, om de skal med. "
        + "Godkend eller afvis dem i Word (Gennemse → Godkend eller Afvis), gem dokumentet, og importer igen."
    )
