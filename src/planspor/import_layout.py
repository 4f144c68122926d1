"""Where each field sits in this sheet: the header row read against the column contract.

Editors reorder, leave out and annotate columns ("Budget 2025 (1.000 kr.)"),
so the import finds each field by its header, not its place. The Layout
remembers the header as the editor wrote it, so a rejected cell is named in
the editor's own words. This module changes when headers may be written
differently, e.g. when a municipality's own headings are to be understood.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from .import_cells import cell_text, one_line
from .import_rows import SheetRow, Table
from .plan_columns import ALL_COLUMNS, ALLOWED_HEADERS, KNOWN_HEADINGS, budget_year, column_named
from .problems import PlanInvalid, Problem
from .slugs import slugify

BUDGET_KEY = "budget-"  # "budget-2025": the key of one budget year's column


@dataclass
class Layout:
    """Each field's column (0 is the first), each budget year's column, and each header as written."""

    columns: dict[str, int] = field(default_factory=dict)
    budget_columns: dict[int, int] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=lambda: {c.key: c.header for c in ALL_COLUMNS})
    left_out: set[str] = field(default_factory=set)  # the headings `--ignorer` named that this sheet has

    def column(self, key: str) -> int | None:
        if key.startswith(BUDGET_KEY):
            return self.budget_columns.get(int(key.removeprefix(BUDGET_KEY)))
        return self.columns.get(key)

    def problem(self, row: SheetRow, key: str, message: str) -> Problem:
        """A problem in the row's cell for `key`; without such a column, the row itself is named."""
        return row.problem(self.column(key), self.headers.get(key, key), message)


# How far down a sheet its heading row may be: under a title, a date and a blank row or two.
HEADING_SEARCH_ROWS = 10


def is_heading_row(cells: Sequence[Any]) -> bool:
    """Whether the row is a table's column headings: an Id or Titel heading (or one of theirs, as "Emne") and another known one."""
    keys = {column.key for column in (column_named(one_line(raw)) for raw in cells if one_line(raw)) if column is not None}
    return bool(keys & {"id", "title"}) and len(keys) >= 2


def heading_table(table: Table) -> Table:
    """The table from its heading row down. A municipality's own sheet often begins with a title
    ("Udmøntningsplan 2025-2028"), a date or a note; the heading row is the first of the sheet's
    first rows with an Id or Titel heading (or one of theirs, as "Emne") and another known one."""
    rows = [table.header, *table.rows]
    for index, row in enumerate(rows[:HEADING_SEARCH_ROWS]):
        if is_heading_row(row.cells):
            return replace(table, header=row, rows=tuple(rows[index + 1 :]))
    for index, row in enumerate(rows[:HEADING_SEARCH_ROWS]):  # a sheet of ids or titles alone
        if any((column := column_named(one_line(raw))) is not None and column.key in ("id", "title") for raw in row.cells):
            return replace(table, header=row, rows=tuple(rows[index + 1 :]))
    return table


def read_layout(table: Table, ignored: Collection[str] = ()) -> Layout:
    """The sheet's Layout; PlanInvalid naming every unknown or repeated header (unknown ones in one
    message; ``ignored``: headings the editor chose to leave out, with `--ignorer`; see ignored_not_found)."""
    layout = Layout()
    problems: list[Problem] = []
    unknown: list[tuple[int, str]] = []
    header = table.header
    for index, text in header_cells(header, ignored, layout):
        if column_named(text) is None and budget_year(text) is None:
            unknown.append((index, text))
            continue
        problems += _read_header_cell(layout, header, index, text)
    if unknown and ("id" in layout.columns or "title" in layout.columns):  # else this is no heading row: said below
        problems.append(_unknown_columns(header, unknown))
    if "id" not in layout.columns and "title" not in layout.columns:
        message = (
            f"Ingen af de første {HEADING_SEARCH_ROWS} rækker har kolonneoverskrifterne: mindst 'Id' eller 'Titel' (eller 'Nr.' eller 'Emne') "
            + "og en overskrift mere (se skabeloner/)."
        )
        problems.append(header.problem(0, "overskrifter", message))
    if problems:
        raise PlanInvalid(problems)
    return layout


def ignored_not_found(tables: Sequence[Table], layouts: Sequence[Layout], ignored: Collection[str]) -> list[Problem]:
    """An `--ignorer` heading no sheet has: a misspelt name would otherwise leave the column in."""
    found = set().union(*(layout.left_out for layout in layouts))
    where = "rækken med overskrifterne" if len(tables) == 1 else "noget arks række med overskrifterne"
    return [
        tables[0].header.problem(None, "--ignorer", f"Der er ingen kolonne '{name}' i {where}, så den kan ikke udelades.")
        for name in ignored
        if heading_key(name) not in found
    ]


def header_cells(header: SheetRow, ignored: Collection[str], layout: Layout) -> Iterator[tuple[int, str]]:
    """The header's written cells as (index, text on one line); a heading the editor left out with
    `--ignorer` is recorded in ``layout.left_out`` instead (see ignored_not_found)."""
    skip = {heading_key(name) for name in ignored}
    for index, raw in enumerate(header.cells):
        text = one_line(raw)
        if not text:
            continue
        if heading_key(text) in skip:
            layout.left_out.add(heading_key(text))
            continue
        yield index, text


def heading_key(text: str) -> str:
    """A heading as --ignorer names it: spacing and case aside."""
    return " ".join(text.split()).casefold()


def _unknown_columns(header: SheetRow, unknown: list[tuple[int, str]]) -> Problem:
    """Every heading the import does not know, in one message (not one per cell), with what it may have meant."""
    named = []
    for index, text in unknown:
        cell = header.where(index, text).split(" ")[0]
        close = _closest(text)
        named.append(f"'{text}' i {cell}" + (f" (mente du '{close}'?)" if close else ""))
    what = f"Ukendt kolonne {named[0]}" if len(named) == 1 else f"Ukendte kolonner: {'; '.join(named)}"
    leave_out = " ".join(f'--ignorer "{text}"' for _, text in unknown)
    return header.problem(
        unknown[0][0],
        "overskrifter",
        f"{what}. Kendte overskrifter: {', '.join(ALLOWED_HEADERS)} (og fx Emne, Nr., Hovedpunkt, Fagudvalg, Bemærkninger). "
        + f"Ret overskriften, eller lad kolonnen være ude af importen med {leave_out}.",
    )


def _closest(text: str) -> str | None:
    """The known heading a misspelt one is closest to, compared as slugs (case and æ/ø/å aside)."""
    by_slug = {slugify(name): name for name in KNOWN_HEADINGS}
    close = difflib.get_close_matches(slugify(text), list(by_slug), n=1, cutoff=0.75)
    return by_slug[close[0]] if close else None


def _read_header_cell(layout: Layout, header: SheetRow, index: int, text: str) -> list[Problem]:
    """Record one header in the layout; the problems it has (unknown, or a second time)."""
    year = budget_year(text)
    if year is not None:
        repeated = year in layout.budget_columns
        layout.budget_columns[year] = index
        layout.headers[f"{BUDGET_KEY}{year}"] = text
        return [header.problem(index, text, f"Kolonnen 'Budget {year}' står to gange. Slet den ene.")] if repeated else []
    column = column_named(text)
    assert column is not None  # read_layout sets unknown headings aside
    if column.key in layout.columns:
        return [header.problem(index, text, f"Kolonnen '{column.header}' står to gange. Slet den ene.")]
    layout.columns[column.key] = index
    layout.headers[column.key] = text
    return []


@dataclass
class RowCells:
    """One row's cells by field key; a rejected cell goes into the import's shared list of problems."""

    row: SheetRow
    layout: Layout
    problems: list[Problem]
    rejected: set[str] = field(default_factory=set)  # the keys whose cell was refused: said once, not again as missing

    @property
    def number(self) -> int:
        return self.row.number

    def raw(self, key: str) -> Any:
        return self.row.cell(self.layout.column(key))

    def text(self, key: str) -> str:
        return cell_text(self.raw(key))

    def line(self, key: str) -> str:
        return one_line(self.raw(key))

    def header(self, key: str) -> str:
        """The column's header as the editor wrote it (or as the contract spells it)."""
        return self.layout.headers[key]

    def reject(self, key: str, message: str) -> None:
        self.rejected.add(key)
        self.problems.append(self.layout.problem(self.row, key, message))
