"""How current an item's information is: the notices shown beside its status (not updated lately,
end passed). They never change the status an editor set; kept apart from the model they read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .model import Item, PlanInfo


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months earlier (clamped to the month's end)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    last = [31, 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return dt.date(year, month, min(day.day, last))


@dataclass(frozen=True)
class Freshness:
    """How current an item's information is, against the plan's reference date.

    Notices never change the status an editor set; they are shown beside it.
    """

    last_confirmed: dt.date
    stale: bool  # not confirmed within the plan's stale_after_months
    past_end: bool  # the planned end has passed and the item is neither finished nor dropped


def freshness(item: Item, info: PlanInfo) -> Freshness:
    reference = info.data_as_of
    last = item.history[-1].date
    stale = last < months_before(reference, info.stale_after_months)
    end = item.timing.end
    closed = item.status.finished or item.status.dropped
    past_end = bool(end and end.last < reference and not closed)
    return Freshness(last, stale and not closed, past_end)
