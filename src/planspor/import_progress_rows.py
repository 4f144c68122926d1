"""What the rows of "Milepæle" and "Målinger" share: the item a row names, a day in a cell, one row per thing.

A row names its item by Id, as the sheet of items does (an earlier id works too, and an item the
same import adds); without an Id, by the item's title in the column Indsats, which the site's CSV
files carry beside the Id. Indsats is Planspor's column: a title there that is not the item's is
named, never taken as a new title. A day is read as the other date cells are (12-09-2024,
12.09.2024, 2024-09-12 or an Excel date) and may not lie after the plan's data_as_of. This module
changes when a progress row finds its item, or reads a day, differently.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .import_cells import cell_period
from .import_layout import RowCells
from .model import Item, Plan
from .periods import PeriodError
from .problems import suggest
from .project import PLAN_FILE
from .slugs import title_key


@dataclass(frozen=True)
class Entry:
    """A new milestone (``indicator`` None) or measurement, as the plan writes it; ``order``: its place in the list."""

    item: str
    indicator: str | None
    fields: dict[str, Any]
    order: tuple[dt.date, dt.date]


@dataclass(frozen=True)
class MilestoneValue:
    """A value of a milestone the plan has, changed: its title, planned or reached."""

    item: str
    milestone: str
    key: str
    value: Any


@dataclass
class ProgressEdits:
    """What the sheets change, and the messages that tell it (a dry run shows them)."""

    values: list[MilestoneValue] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ProgressRow:
    """A row and its item (None: an item this import adds, with id ``ident``)."""

    cells: RowCells
    item: Item | None
    ident: str

    @property
    def label(self) -> str:
        return self.cells.row.label


class ItemFinder:
    """Finds the item each row names; ``sheet_titles``: the titles the import's sheets of items give
    (a new item's, or an item's new title), by id; ``new``: the ids of the items the import adds."""

    def __init__(self, plan: Plan, sheet_titles: Mapping[str, str], new: set[str]) -> None:
        self.plan = plan
        self.sheet_titles = sheet_titles
        self.new = new
        self.previous = {old: item for item in plan.items for old in item.previous_ids}
        self.by_title = {title_key(item.title): item for item in plan.items}

    def find(self, cells: RowCells, what: str) -> ProgressRow | None:
        """The row's item; None (the cell rejected) when it names none. ``what``: 'milepælen', 'målingen'."""
        ident, title = cells.line("item"), cells.line("item_title")
        if not ident and not title:
            cells.reject("item", f"Id'et mangler. Skriv id'et på den indsats, {what} hører til.")
            return None
        if not ident:
            item = self.by_title.get(title_key(title))
            if item is None:
                titles = [i.title for i in self.plan.items]
                cells.reject("item_title", f"Der er ingen indsats med titlen '{title}'.{suggest(title, titles)} Skriv indsatsens id i kolonnen Id.")
                return None
            return ProgressRow(cells, item, item.id)
        item = self.plan.items_by_id.get(ident) or self.previous.get(ident)
        if item is None and ident not in self.new:
            ids = [*self.plan.items_by_id, *self.new]
            cells.reject(
                "item",
                f"Ukendt indsats '{ident}'.{suggest(ident, ids)} Skriv id'et på en indsats i planen, "
                + f"som det står i kolonnen Id på arket med indsatserne eller i {PLAN_FILE}.",
            )
            return None
        found = ProgressRow(cells, item, item.id if item else ident)
        return found if self._title_agrees(found, title) else None

    def _title_agrees(self, row: ProgressRow, title: str) -> bool:
        """Indsats, when filled in, is the item's title as it is or as the import makes it."""
        titles = {self.sheet_titles.get(row.ident, ""), row.item.title if row.item else ""} - {""}
        if not title or title_key(title) in {title_key(t) for t in titles}:
            return True
        row.cells.reject(
            "item_title",
            f"Der står '{title}', men indsatsen '{row.ident}' hedder '{sorted(titles)[0]}'. Kolonnen {row.cells.header('item_title')} viser kun titlen "
            + "og udfyldes af Planspor: ret titlen i kolonnen Titel på arket med indsatserne, og tøm cellen her.",
        )
        return False


def day_cell(cells: RowCells, key: str, as_of: dt.date, what: str, example: str) -> dt.date | None:
    """The single day in a date cell, not after ``as_of``; None if it is empty or (rejected) not such a day.
    ``what`` and ``example`` for the message: "Skriv {what} som DD-MM-ÅÅÅÅ … (fx {example})"."""
    text = cells.line(key)
    if not text:
        return None
    try:
        period = cell_period(cells.raw(key))
        reason = "" if period.first == period.last else f" ({period.text} er ikke én dag)"
    except PeriodError as error:
        period, reason = None, "" if str(error).startswith("fandt") else f" ({error})"
    if period is None or period.first != period.last:
        cells.reject(key, f"Skriv {what} som DD-MM-ÅÅÅÅ eller ÅÅÅÅ-MM-DD (fx {example}), men der står '{text}'{reason}.")
        return None
    if period.first > as_of:
        cells.reject(
            key,
            f"Datoen {period.first.isoformat()} ligger efter planens data_as_of ({as_of.isoformat()}). "
            + f"Ret datoen, eller ryk data_as_of frem i {PLAN_FILE} først.",
        )
        return None
    return period.first


class OneRowEach:
    """Each milestone or measurement may stand in one row only: the second is named with the first's row."""

    def __init__(self) -> None:
        self.rows: dict[tuple[str, ...], str] = {}

    def claim(self, row: ProgressRow, key: str, thing: tuple[str, ...], what: str) -> bool:
        if thing in self.rows:
            row.cells.reject(key, f"{what} står også i {self.rows[thing]}. Skriv den i én række.")
            return False
        self.rows[thing] = row.label
        return True
