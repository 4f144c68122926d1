"""A plan as it stood on a day: at the end of every quarter of its period, and on the days it was decided on.

A snapshot's day is a quarter's last day (up to ``data_as_of``, or for an earlier plan its closed day)
or the day of one of the decisions that adopted the plan (``adopted_by``); one snapshot a day. On it,
each of the plan's items that had entered it by then has the status of that day (changes.status_at,
as /aendringer/ counts it), its timing as moved by then, and the notices as they would have read that
day (not updated within stale_after_months, end passed, a milestone late); items not yet in the plan are left out.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from . import changes
from .freshness import months_before
from .item_plans import as_in_plan
from .model import AdoptedPlan, Decision, Item, Plan, Status, Theme, Timing
from .periods import danish_date


@dataclass(frozen=True)
class SnapshotDay:
    day: dt.date
    quarter: tuple[int, int] | None  # (year, quarter) when the day ends a quarter of the plan's period
    decisions: tuple[Decision, ...]  # the plan-level decisions made that day

    def reasons(self) -> list[str]:
        """Why the day has a snapshot: 'udgangen af 1. kvartal 2024', 'Kommunalbestyrelsen: Godkendt'."""
        said = [f"udgangen af {changes.quarter_label(*self.quarter)}"] if self.quarter else []
        said += [f"{decision.body}: {decision.outcome}" for decision in self.decisions]
        return said

    def label(self) -> str:
        """'31. marts 2024 (udgangen af 1. kvartal 2024)'"""
        return f"{danish_date(self.day)} ({'; '.join(self.reasons())})"


@dataclass(frozen=True)
class SnapshotRow:
    item: Item  # as it was in the plan (its title, theme, kind and committees of then)
    status: Status
    timing: Timing
    status_since: dt.date  # the day of the last history entry by then that set a status
    last_confirmed: dt.date  # the day of the last history entry by then
    stale: bool
    past_end: bool
    milestones_late: int  # milestones whose planned period had ended by then without being reached by then


@dataclass(frozen=True)
class Snapshot:
    """One snapshot of one plan, with its neighbours among the plan's snapshots."""

    adopted: AdoptedPlan
    day: SnapshotDay
    previous: SnapshotDay | None
    following: SnapshotDay | None


@dataclass(frozen=True)
class Tally:
    """How a snapshot's rows (or some of them) spread over the statuses, and how many carried each notice:
    the page's, stand.json's and the feeds' counts, counted one way."""

    statuses: Counter[str]
    stale: int
    past_end: int
    milestones_late: int  # rows with a late milestone

    @property
    def total(self) -> int:
        return sum(self.statuses.values())

    @classmethod
    def of(cls, rows: Sequence[SnapshotRow]) -> Tally:
        return cls(Counter(r.status.id for r in rows), sum(r.stale for r in rows), sum(r.past_end for r in rows), sum(r.milestones_late > 0 for r in rows))


def tally_by_theme(rows: Sequence[SnapshotRow]) -> dict[Theme, Tally]:
    """Each theme's tally, for the themes the rows' items had in the plan then (those with items that day)."""
    by_theme: dict[Theme, list[SnapshotRow]] = {}
    for row in rows:
        by_theme.setdefault(row.item.theme, []).append(row)
    return {theme: Tally.of(listed) for theme, listed in by_theme.items()}


def snapshot_days(plan: Plan, adopted: AdoptedPlan) -> list[SnapshotDay]:
    """The plan's snapshot days, oldest first: quarter ends of its period and its decisions' days, none after
    its closed day (the current plan: data_as_of)."""
    limit = adopted.closed or plan.info.data_as_of
    quarters = {
        changes.quarter_end(year, quarter): (year, quarter)
        for year in range(adopted.period_start, adopted.period_end + 1)
        for quarter in range(1, 5)
        if changes.quarter_end(year, quarter) <= limit
    }
    decided: dict[dt.date, list[Decision]] = {}
    for decision in adopted.adopted_by:
        if decision.date <= limit:
            decided.setdefault(decision.date, []).append(decision)
    return [SnapshotDay(day, quarters.get(day), tuple(decided.get(day, ()))) for day in sorted(set(quarters) | set(decided))]


def every_snapshot(plan: Plan) -> list[Snapshot]:
    """Every plan's snapshots: the oldest plan first, each plan's days oldest first."""
    listed = []
    for adopted in plan.plans:
        days = snapshot_days(plan, adopted)
        for index, day in enumerate(days):
            listed.append(Snapshot(adopted, day, days[index - 1] if index else None, days[index + 1] if index + 1 < len(days) else None))
    return listed


def timing_on(item: Item, day: dt.date) -> Timing:
    """The item's timing at the end of ``day``: the planned one, as moved by the history up to then."""
    moved = [move for move in item.moves if move.date <= day]
    return moved[-1].after if moved else item.planned


def _order(timing: Timing, title: str) -> tuple[dt.date, dt.date, str]:
    """Work-plan order, as Item.sort_key, for a timing of a given day."""
    far = dt.date.max
    end = timing.end.last if timing.end else (timing.start.last if timing.start else far)
    start = timing.start.first if timing.start else (timing.end.first if timing.end and timing.end.ongoing else end)
    return (end, start, title.casefold())


def rows_on(plan: Plan, adopted: AdoptedPlan, day: dt.date) -> list[SnapshotRow]:
    """The plan's items as they stood at the end of ``day``, in work-plan order by their timing of then."""
    rows = []
    for item in plan.items_of(adopted):
        status = changes.status_at(item, day)
        if status is None:
            continue
        timing = timing_on(item, day)
        closed = status.finished or status.dropped
        entries = [entry for entry in item.history if entry.date <= day]
        last = entries[-1].date
        since = next(entry.date for entry in reversed(entries) if entry.status is not None)
        stale = not closed and last < months_before(day, plan.info.stale_after_months)
        past_end = bool(timing.end and timing.end.last < day and not closed)
        late = 0 if closed else sum(m.planned.last < day and (m.reached is None or m.reached > day) for m in item.milestones)
        rows.append(SnapshotRow(as_in_plan(item, adopted.id), status, timing, since, last, stale, past_end, late))
    return sorted(rows, key=lambda row: _order(row.timing, row.item.title))


def plan_changes(plan: Plan, adopted: AdoptedPlan) -> list[changes.Change]:
    """Every change to the plan's items, newest first (as /aendringer/ lists them)."""
    ids = {item.id for item in plan.items_of(adopted)}
    return [c for c in changes.all_changes(plan) if c.item.id in ids]


def changes_between(listed: list[changes.Change], after: dt.date | None, day: dt.date) -> list[changes.Change]:
    """Those of ``listed`` (plan_changes) after ``after`` (None: from the start) up to the end of ``day``, newest first."""
    return [c for c in listed if (after is None or c.date > after) and c.date <= day]
