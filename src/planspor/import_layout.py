"""Where each field sits in this sheet: the header row read against the column contract.

Editors reorder, leave out and annotate columns ("Budget 2025 (1.000 kr.)"),
so the import finds each field by its header, not its place. The Layout
remembers the header as the editor wrote it, so a rejected cell is named in
the editor's own words. This module changes when headers may be written
differently, e.g. when a municipality's own headings are to be understood.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .import_cells import cell_text, one_line
from .import_rows import SheetRow, Table
from .plan_columns import ALL_COLUMNS, ALLOWED_HEADERS, budget_year, column_named
from .problems import PlanInvalid, Problem, suggest

BUDGET_KEY = "budget-"  # "budget-2025": the key of one budget year's column


@dataclass
class Layout:
    """Each field's column (0 is the first), each budget year's column, and each header as written."""

    columns: dict[str, int] = field(default_factory=dict)
    budget_columns: dict[int, int] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=lambda: {c.key: c.header for c in ALL_COLUMNS})

    def column(self, key: str) -> int | None:
        if key.startswith(BUDGET_KEY):
            return self.budget_columns.get(int(key.removeprefix(BUDGET_KEY)))
        return self.columns.get(key)

    def problem(self, row: SheetRow, key: str, message: str) -> Problem:
        """A problem in the row's cell for `key`; without such a column, the row itself is named."""
        return row.problem(self.column(key), self.headers.get(key, key), message)


def read_layout(table: Table) -> Layout:
    """The sheet's Layout; PlanInvalid naming every unknown or repeated header."""
    layout = Layout()
    problems: list[Problem] = []
    header = table.header
    for index, raw in enumerate(header.cells):
        text = one_line(raw)
        if text:
            problems += _read_header_cell(layout, header, index, text)
    if "id" not in layout.columns and "title" not in layout.columns:
        message = "Første række skal have kolonneoverskrifterne, mindst 'Id' eller 'Titel' (se skabeloner/)."
        problems.append(header.problem(0, "overskrifter", message))
    if problems:
        raise PlanInvalid(problems)
    return layout


def _read_header_cell(layout: Layout, header: SheetRow, index: int, text: str) -> list[Problem]:
    """Record one header in the layout; the problems it has (unknown, or a second time)."""
    year = budget_year(text)
    if year is not None:
        repeated = year in layout.budget_columns
        layout.budget_columns[year] = index
        layout.headers[f"{BUDGET_KEY}{year}"] = text
        return [header.problem(index, text, f"Kolonnen 'Budget {year}' står to gange. Slet den ene.")] if repeated else []
    column = column_named(text)
    if column is None:
        hint = suggest(text, ALLOWED_HEADERS)
        return [header.problem(index, text, f"Ukendt kolonne '{text}'.{hint} Tilladte kolonner: {', '.join(ALLOWED_HEADERS)}.")]
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
