"""The sheet "Milepæle": each row a milestone of an item, added or updated.

A row names its milestone by Milepæl-id, or by its title: a milestone of the item with that title
(case, spacing, dashes and quotes aside) is that milestone, and else the title makes the id as
ids are made everywhere (slugs.id_from), so a title whose id the item has updates that milestone.
A new milestone needs a title and a planned period. An empty cell changes nothing; a title or a
planned period that differs from the plan's is changed and told, old and new, and so is Nået for
a milestone not reached yet.
Planlagt is read as the other timings (2024-Q3, 3. kvartal 2024, ultimo 2024, a date), Nået as a
day. A day written in reached: is never changed (as `planspor milepæl` changes it only with --ret):
another day in Nået is named. Overskredet is Planspor's column: it may stand as the plan has it,
before or after the row.
This module changes when what a milestone row may change does.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .danish_timings import DANISH_END_FORMS, DANISH_FORMS
from .import_cells import cell_period, yes_or_no
from .import_layout import Layout, RowCells
from .import_plan import shown_value
from .import_progress_rows import Entry, ItemFinder, MilestoneValue, OneRowEach, ProgressEdits, ProgressRow, day_cell
from .import_rows import Table
from .located import title_too_long
from .periods import Period, PeriodError
from .plan_keys import TITLE_LENGTH
from .problems import Problem
from .progress import late_milestones
from .progress_model import Milestone
from .slugs import id_from, id_problem, title_key
from .yaml_text import period_value


def read_milestones(table: Table, layout: Layout, finder: ItemFinder, as_of: dt.date, problems: list[Problem], edits: ProgressEdits) -> None:
    """Each row's milestone into ``edits``; every cell that cannot be used into ``problems``."""
    seen = OneRowEach()
    for sheet_row in table.rows:
        cells = RowCells(sheet_row, layout, problems)
        row = finder.find(cells, "milepælen")
        values = _title(cells), _planned(cells), day_cell(cells, "reached", as_of, "datoen, hvor milepælen blev nået,", "12-09-2024")
        if row is not None:  # every cell is read (and named if wrong) even when the row's item is not found
            _read_row(row, *values, as_of, seen, edits)


def _read_row(row: ProgressRow, title: str, planned: Period | None, reached: dt.date | None, as_of: dt.date, seen: OneRowEach, edits: ProgressEdits) -> None:
    cells = row.cells
    found = _milestone(row)
    if found is None:
        return
    milestone, ident, by_title = found
    if by_title:
        title = ""  # as the sheet spells the milestone's title: it named the milestone, it is no new title
    key = "milestone_id" if cells.line("milestone_id") else "title"
    if not seen.claim(row, key, (row.ident, ident), f"Milepælen '{ident}' for '{row.ident}'"):
        return
    _check_late(row, milestone, planned, reached, as_of)
    if milestone is None:
        for missing, what in (("title", title), ("planned", planned)):
            if not what and missing not in cells.rejected:
                cells.reject(missing, f"'{cells.header(missing)}' skal udfyldes for en ny milepæl ('{ident}').")
    if cells.rejected:
        return
    if milestone is None:
        assert title and planned is not None
        fields: dict[str, Any] = {"id": ident, "title": title, "planned": period_value(planned)}
        fields.update({"reached": reached} if reached else {})
        edits.entries.append(Entry(row.ident, None, fields, planned.sort_key))
        told = f", nået {reached.isoformat()}" if reached else ""
        edits.messages.append(f"{row.ident}: ny milepæl '{ident}' {shown_value(title)}, planlagt {planned.text}{told} ({row.label})")
        return
    if reached is not None and milestone.reached is not None and reached != milestone.reached:
        was = milestone.reached.isoformat()
        cells.reject(
            "reached",
            f"Milepælen '{ident}' er allerede nået {was}, ikke {reached.isoformat()}. En skrevet dato bliver ikke ændret uden videre: "
            + f"er {was} forkert, så ret den med planspor milepæl {row.ident} {ident} --dato {reached.isoformat()} --ret; ellers skriv {was} her, eller tøm cellen.",
        )
        return
    changes = _changes(milestone, title, planned, reached)
    edits.values += [MilestoneValue(row.ident, ident, key, value) for key, value, _ in changes]
    if changes:
        edits.messages.append(f"{row.ident}: milepæl '{ident}': {'; '.join(told for _, _, told in changes)} ({row.label})")


def _milestone(row: ProgressRow) -> tuple[Milestone | None, str, bool] | None:
    """The item's milestone the row names (None: a new one), its id, and whether its title named it."""
    cells = row.cells
    existing = row.item.milestones if row.item else ()
    by_id = {m.id: m for m in existing}
    by_title = {title_key(m.title): m for m in existing}
    ident, title = cells.line("milestone_id"), cells.line("title")
    named = by_title.get(title_key(title)) if title else None
    if ident:
        if ident in by_id:
            return by_id[ident], ident, False
        if (wrong := id_problem(ident)) is not None:
            cells.reject("milestone_id", wrong)
            return None
        if named is not None:
            cells.reject(
                "milestone_id",
                f"Indsatsen '{row.ident}' har ingen milepæl '{ident}', men titlen '{title}' er titlen på dens milepæl '{named.id}'. "
                + f"Skriv '{named.id}' i kolonnen {cells.header('milestone_id')} for at opdatere den, eller giv den nye milepæl en anden titel.",
            )
            return None
        return None, ident, False
    if not title:
        cells.reject(
            "title",
            f"Milepælens titel mangler. Skriv titlen i kolonnen {cells.header('title')} "
            + f"(eller id'et på en af indsatsens milepæle i kolonnen {cells.header('milestone_id')}).",
        )
        return None
    if named is not None:
        return named, named.id, True
    made = id_from(title)
    if not made:
        cells.reject(
            "title", f"Titlen '{title}' giver ikke noget id. Skriv et id i kolonnen {cells.header('milestone_id')} (små bogstaver a-z, tal og bindestreg)."
        )
        return None
    return by_id.get(made), made, False


def _title(cells: RowCells) -> str:
    """The title as written; '' when it is too long (rejected)."""
    title = cells.line("title")
    if len(title) > TITLE_LENGTH:
        cells.reject("title", title_too_long(title))
        return ""
    return title


def _planned(cells: RowCells) -> Period | None:
    """Planlagt as a period; a half-year or ultimo is its last quarter, as a deadline is. Never ongoing."""
    text = cells.line("planned")
    if not text:
        return None
    try:
        planned = cell_period(cells.raw("planned"), "end")
    except PeriodError as error:
        cells.reject("planned", f"Ugyldigt tidspunkt: {str(error).replace(DANISH_END_FORMS, DANISH_FORMS)}.")
        return None
    if planned.ongoing:
        cells.reject("planned", f"En milepæl er planlagt til et bestemt tidspunkt, så der kan ikke stå '{text}'. Skriv {DANISH_FORMS}.")
        return None
    return planned


def _check_late(row: ProgressRow, milestone: Milestone | None, planned: Period | None, reached: dt.date | None, as_of: dt.date) -> None:
    """Overskredet, when filled in, says what the plan says on its data_as_of, before or after the row."""
    text = row.cells.line("late")
    if not text:
        return
    answer = yes_or_no(text.casefold())
    header = row.cells.header("late")
    if answer is None:
        row.cells.reject("late", f"Skriv ja eller nej, men der står '{text}'. Kolonnen {header} udfyldes af Planspor, så du kan også tømme cellen.")
        return
    item = row.item
    if item is None:
        return  # a new item: whether it is late follows from the status the import gives it
    active = not (item.status.finished or item.status.dropped)
    when = planned or (milestone.planned if milestone else None)
    after = active and when is not None and (reached or (milestone.reached if milestone else None)) is None and when.last < as_of
    allowed = {after, milestone in late_milestones(item, as_of)} if milestone else {after}
    if answer not in allowed:
        state = "overskredet" if after else "ikke overskredet"
        row.cells.reject(
            "late",
            f"Der står '{text}', men milepælen er {state} på planens dato ({as_of.isoformat()}). Kolonnen {header} udfyldes af Planspor ud fra "
            + f"{row.cells.header('planned')} og {row.cells.header('reached')}: ret dem, og tøm cellen her.",
        )


def _changes(milestone: Milestone, title: str, planned: Period | None, reached: dt.date | None) -> list[tuple[str, Any, str]]:
    """What the row changes: (key, the new value as the plan writes it, old → new as a dry run tells it)."""
    changes: list[tuple[str, Any, str]] = []
    if title and title != milestone.title:
        changes.append(("title", title, f"titel {shown_value(milestone.title)} → {shown_value(title)}"))
    if planned is not None and planned != milestone.planned:
        changes.append(("planned", period_value(planned), f"planlagt {milestone.planned.text} → {planned.text}"))
    if reached is not None and reached != milestone.reached:
        was = milestone.reached.isoformat() if milestone.reached else "(ikke nået)"
        changes.append(("reached", reached, f"nået {was} → {reached.isoformat()}"))
    return changes
