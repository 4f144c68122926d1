"""`planspor import`: bring a plan kept in a spreadsheet (.xlsx or .csv) into data/plan.yaml.

One row per item, Danish column headers (plan_columns; plus "Budget 2025" and
so on). A row whose Id is new becomes a new item; a row whose Id exists updates
the fields that differ; a different Status or Start/Slut becomes a new history
entry, so the change stays visible. An empty cell changes nothing.

Every rejected cell is reported with its sheet, row and column, all at once,
and nothing is written while any cell is rejected.

This module is the order of the steps, each in its own module:
import_readers (the file's rows), import_layout (which column holds what),
import_match (which item a row is), import_values (the cells as plan values),
import_site_columns (plan.csv's own columns checked), import_plan (the changes);
and for the sheets "Milepæle" and "Målinger", import_progress.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from pathlib import Path
from typing import Any

from .edit_checks import arg_problem, parse_day
from .editing import Change, load_valid
from .import_headings import with_places
from .import_layout import Layout, RowCells, heading_table, ignored_not_found, read_layout
from .import_match import MatchedRow, RowMatcher
from .import_plan import FIELD_NAMES, apply_update, check_new, new_item_fields, shown_value
from .import_progress import ProgressTable, progress_tables, read_progress, set_apart
from .import_progress_text import ImportTextEditor, write_progress
from .import_readers import read_tables
from .import_rows import Table
from .import_site_columns import read_site_columns
from .import_values import read_values
from .model import Plan
from .note_structure import note_template
from .plan_columns import BUDGET_HELP, COLUMNS
from .plan_keys import ITEM_KEY_ORDER
from .plan_text import PlanTextEditor
from .problems import PlanInvalid, Problem
from .project import CONTENT_DIR, NOTES_DIR

__all__ = ["BUDGET_HELP", "COLUMNS", "import_spreadsheet"]  # the column names stay importable from here, as before the split


def import_spreadsheet(
    root: Path, path: Path, sheet: str | None = None, day_text: str | None = None, ignored: Collection[str] = (), plan_text: str | None = None
) -> Change:
    """Read the spreadsheet against the plan; the Change holds the new plan text and what changes (validated when saved).
    ``plan_text`` (`--plan`): the plan the file's new items belong to, unless their Planer cell names others."""
    valid = load_valid(root)
    plan = valid.plan
    target = target_plan(plan, plan_text)
    day = parse_day(day_text) if day_text else plan.info.data_as_of  # the sheet tells how things stood on the plan's data date
    read = read_tables(path, sheet)
    item_tables, progress = set_apart(read)  # "Milepæle" and "Målinger" are never items, nor a theme
    tables = _placed([heading_table(table) for table in item_tables], plan, [problem for table in read for problem in table.problems])
    layouts, progress_read = _layouts(tables, progress_tables(progress, ignored), ignored)
    problems: list[Problem] = []
    matcher = RowMatcher(plan)  # one for the whole file: an item may not stand on two sheets either
    rows = [row for table, layout in zip(tables, layouts, strict=True) for row in _match_rows(table, layout, matcher, problems)]
    editor = ImportTextEditor(valid.plan_yaml, ITEM_KEY_ORDER)
    messages: list[str] = []
    new_rows: list[MatchedRow] = []
    for row in rows:
        messages += _read_row(row, plan, day, matcher.sheet_ids, editor)
        if row.item is None:
            new_rows.append(row)
    progress_edits = read_progress(progress_read, plan, rows, problems)
    if problems:
        raise PlanInvalid(problems)
    notes: dict[str, str] = {}
    for row in new_rows:
        fields = new_item_fields(row, plan, day, target)
        editor.append_item(fields)
        messages.append(_new_item_told(row, fields))
        notes[f"{CONTENT_DIR}/{NOTES_DIR}/{row.ident}.md"] = note_template(str(fields["title"]))  # as `ny-indsats` makes it
    messages += progress_edits.messages
    text = write_progress(editor, progress_edits, valid.plan_yaml.source)
    return Change(text, messages, notes, original=valid, notices=[notice for table in read for notice in table.notices])


def target_plan(plan: Plan, text: str | None) -> str | None:
    """The plan `--plan` names, by its period; a period the site has no plan for is refused with the ones it has."""
    if text is None:
        return None
    ids = [adopted.id for adopted in plan.plans]
    wanted = text.strip()
    if wanted in ids:
        return wanted
    current = f" ({ids[-1]} er den gældende)" if ids else ""
    raise arg_problem(
        "--plan",
        f"Ukendt plan '{text}'. Skriv perioden for en af hjemmesidens planer: {', '.join(ids)}{current}. "
        + "En ny plan begyndes med planspor ny-plan, før der importeres til den.",
    )


def _placed(tables: list[Table], plan: Plan, found: list[Problem]) -> list[Table]:
    """The tables with the theme and kind their places give each row; what reading found wrong (``found``) is told with the headings' problems."""
    try:
        placed = with_places(tables, plan)
    except PlanInvalid as invalid:
        raise PlanInvalid([*found, *invalid.problems]) from None
    if found:
        raise PlanInvalid(found)
    return placed


def _layouts(tables: list[Table], progress: tuple[list[ProgressTable], list[Problem]], ignored: Collection[str]) -> tuple[list[Layout], list[ProgressTable]]:
    """Each sheet's Layout (``progress``: the progress sheets', read, and their heading problems); every sheet's heading problems at once."""
    layouts: list[Layout] = []
    progress_read, problems = progress
    for table in tables:
        try:
            layout = read_layout(table, ignored)
        except PlanInvalid as invalid:
            problems = [*problems, *invalid.problems]
            continue
        layouts.append(layout)
    if not problems:
        every = [*tables, *(p.table for p in progress_read)]
        problems = ignored_not_found(every, [*layouts, *(p.layout for p in progress_read)], ignored)
    if problems:
        raise PlanInvalid(problems)
    return layouts, progress_read


def _new_item_told(row: MatchedRow, fields: dict[str, Any]) -> str:
    """A new item with every field it gets, its first history entry and its note: what a dry run must show."""
    shown = "; ".join(f"{FIELD_NAMES.get(key, key)} {shown_value(value)}" for key, value in fields.items() if key not in ("id", "history"))
    first = fields["history"][0]
    return f"Ny indsats: {row.ident} ({row.cells.row.label}): {shown}; status {first['status']} ({first['date'].isoformat()}); note {CONTENT_DIR}/{NOTES_DIR}/{row.ident}.md"


def _match_rows(table: Table, layout: Layout, matcher: RowMatcher, problems: list[Problem]) -> list[MatchedRow]:
    """Every row matched to its item before any is read, so Relaterede may name an item the sheet adds further down."""
    matched = (matcher.match(RowCells(sheet_row, layout, problems)) for sheet_row in table.rows)
    return [row for row in matched if row is not None]


def _read_row(row: MatchedRow, plan: Plan, day: dt.date, sheet_ids: dict[str, str], editor: PlanTextEditor) -> list[str]:
    """Read one matched row's cells; an existing item's changes go into the editor at once, a new item's wait."""
    read_values(row, plan, sheet_ids)
    read_site_columns(row, day)
    if row.item is None:
        check_new(row, plan, day)
        return []  # told once it is written (see import_spreadsheet)
    return apply_update(editor, row, row.item, plan, day)
