"""The sheets "Milepæle" and "Målinger" of an import: set apart from the items' sheets, read, and told.

A workbook's sheets of items and its progress sheets are read by the same readers; this module
takes the progress sheets out before the items' sheets are matched to themes (so "Milepæle" is
never a theme), reads each one's headings, and its rows once the items' rows are read, so a row
may name an item the same import adds. Its order is import_progress_columns (the sheets' columns),
import_milestones and import_measurements (the rows), import_progress_text (the text edits).
This module changes when the progress sheets join the import at another step.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from .import_layout import Layout
from .import_match import MatchedRow
from .import_measurements import read_measurements
from .import_milestones import read_milestones
from .import_progress_columns import MILESTONES, ProgressSheet, heading_row, progress_layout, progress_sheet
from .import_progress_rows import ItemFinder, ProgressEdits
from .import_rows import Table
from .model import Plan
from .problems import PlanInvalid, Problem


@dataclass(frozen=True)
class ProgressTable:
    """A progress sheet's table (from its heading row down), which sheet it is, and its Layout."""

    table: Table
    sheet: ProgressSheet
    layout: Layout


def set_apart(tables: Iterable[Table]) -> tuple[list[Table], list[tuple[Table, ProgressSheet]]]:
    """The items' tables, and the progress sheets' with what each one is."""
    items: list[Table] = []
    progress: list[tuple[Table, ProgressSheet]] = []
    for table in tables:
        sheet = progress_sheet(table)
        if sheet is None:
            items.append(table)
        else:
            progress.append((heading_row(table, sheet), sheet))
    return items, progress


def progress_tables(progress: Sequence[tuple[Table, ProgressSheet]], ignored: Collection[str]) -> tuple[list[ProgressTable], list[Problem]]:
    """Each progress sheet with its Layout, and the problems of the headings that cannot be read."""
    read: list[ProgressTable] = []
    problems: list[Problem] = []
    for table, sheet in progress:
        try:
            read.append(ProgressTable(table, sheet, progress_layout(table, sheet, ignored)))
        except PlanInvalid as invalid:
            problems += invalid.problems
    return read, problems


def read_progress(tables: Sequence[ProgressTable], plan: Plan, rows: Sequence[MatchedRow], problems: list[Problem]) -> ProgressEdits:
    """The progress sheets' changes; ``rows``: the items' rows, read, which may add an item or give one a new title."""
    titles = {row.ident: row.values["title"] for row in rows if "title" in row.values}
    finder = ItemFinder(plan, titles, {row.ident for row in rows if row.item is None})
    edits = ProgressEdits()
    as_of = plan.info.data_as_of
    for progress in tables:
        read = read_milestones if progress.sheet is MILESTONES else read_measurements
        read(progress.table, progress.layout, finder, as_of, problems, edits)
    return edits
