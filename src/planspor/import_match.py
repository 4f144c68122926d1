"""Which plan item each row speaks of: by its id, an id it had before, or its title.

A row with a known id (or an earlier id, from previous_ids) updates that item.
A row without an id is the item whose title makes the same id, if the titles
agree; otherwise it is a new item with the id made from its title. No item may
stand in two rows. This module changes when the rules for recognising an item
change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .edit_checks import all_ids
from .import_layout import RowCells
from .model import Item, Plan
from .slugs import id_from, id_problem, title_key


@dataclass
class MatchedRow:
    """A row and the item it speaks of (None: a new item with id `ident`), and what its cells say."""

    cells: RowCells
    item: Item | None
    ident: str
    values: dict[str, Any] = field(default_factory=dict)  # by field key, resolved to the plan's ids
    budget: dict[int, Decimal] = field(default_factory=dict)
    day: dt.date | None = None  # from "Status siden" beside a new status; else the import's date
    by_title: bool = False  # found by its title: the title cell names the item, it does not change its title

    @property
    def number(self) -> int:
        return self.cells.number


class RowMatcher:
    """Matches the sheet's rows to items one by one, remembering which ids the sheet has used."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.taken = all_ids(plan)
        self.sheet_ids: dict[str, str] = {}  # id -> the row it stands in ("række 5", "række 5 på arket 'Skoler'")
        self.previous = {old: item for item in plan.items for old in item.previous_ids}
        # Each title's items (check refuses two with one title, so one each) and the rows that use it.
        self.by_title: dict[str, Item] = {title_key(item.title): item for item in plan.items}
        self.sheet_titles: dict[str, str] = {}

    def match(self, cells: RowCells) -> MatchedRow | None:
        """The row matched to its item or a new id; None (with the problem recorded) when it cannot be."""
        ident = cells.line("id")
        if not ident:
            return self._match_title(cells)
        item = self.plan.items_by_id.get(ident) or self.previous.get(ident)
        if item is None and (wrong := id_problem(ident)) is not None:
            cells.reject("id", wrong)
            return None
        title = cells.line("title")
        named = self.by_title.get(title_key(title)) if title else None
        if item is None and named is not None:
            cells.reject(
                "title",
                f"Rækken har det nye id '{ident}', men titlen '{title}' er titlen på indsatsen '{named.id}'. "
                + f"Skriv '{named.id}' i kolonnen Id for at opdatere den, eller giv den nye indsats en anden titel.",
            )
            return None
        if item is not None and named is not None and named is not item:
            cells.reject("title", f"Titlen '{title}' er titlen på indsatsen '{named.id}'. To indsatser må ikke have samme titel; skriv en anden titel.")
            return None
        return self._claim(MatchedRow(cells, item, item.id if item else ident))

    def _match_title(self, cells: RowCells) -> MatchedRow | None:
        """A row without an id: the item with this title, or a new item with the id its title makes."""
        title = cells.line("title")
        same = self.by_title.get(title_key(title)) if title else None
        if same is not None:  # the item with this title (case, spacing, dashes and quotes aside)
            return self._claim(MatchedRow(cells, same, same.id, by_title=True))
        ident = id_from(title)
        if not title:
            cells.reject("title", "Titlen mangler. En ny indsats skal have en titel (eller skriv id'et på en eksisterende indsats i kolonnen Id).")
            return None
        if not ident:
            cells.reject("id", f"Titlen '{title}' giver ikke noget id. Skriv et id i kolonnen Id (små bogstaver a-z, tal og bindestreg).")
            return None
        if ident in self.taken:
            cells.reject(
                "id",
                f"Id'et er tomt, og id'et lavet af titlen, '{ident}', er allerede brugt. Skriv '{ident}' i kolonnen Id for at opdatere den indsats, eller et nyt id.",
            )
            return None
        return self._claim(MatchedRow(cells, None, ident))

    def _claim(self, row: MatchedRow) -> MatchedRow | None:
        if row.ident in self.sheet_ids:
            row.cells.reject("id", f"Indsatsen '{row.ident}' står også i {self.sheet_ids[row.ident]}. Hver indsats må kun stå i én række.")
            return None
        title = row.cells.line("title")
        if title and (key := title_key(title)) in self.sheet_titles:
            row.cells.reject("title", f"Titlen '{title}' står også i {self.sheet_titles[key]}. To indsatser må ikke have samme titel.")
            return None
        self.sheet_ids[row.ident] = row.cells.row.label
        if title:
            self.sheet_titles[title_key(title)] = row.cells.row.label
        return row
