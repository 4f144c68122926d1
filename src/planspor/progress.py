"""How far an item has come by its milestones and indicators: counted and computed, never guessed.

"3 af 5 milepæle nået" counts what the editors recorded; no percentage is made up from it. A
milestone not reached by the end of its planned period, on the plan's data_as_of, gets a notice
beside the status; an indicator's latest measurement is held against the straight line from its
baseline to its target. Neither ever changes the status an editor set. Pure: the model in, facts out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from .model import Item
from .progress_model import Indicator, Measurement, Milestone


def reached(item: Item) -> list[Milestone]:
    return [m for m in item.milestones if m.reached is not None]


def next_milestone(item: Item) -> Milestone | None:
    """The first milestone, in planned order, not reached yet."""
    return next((m for m in item.milestones if m.reached is None), None)


def late_milestones(item: Item, as_of: dt.date) -> list[Milestone]:
    """Milestones whose planned period ended before ``as_of`` without being reached. A finished or
    dropped item has none: what was not reached then is history, not a delay."""
    if item.status.finished or item.status.dropped:
        return []
    return [m for m in item.milestones if m.reached is None and m.planned.last < as_of]


def milestone_count(item: Item) -> str:
    """'3 af 5 milepæle nået', or '' for an item without milestones."""
    if not item.milestones:
        return ""
    noun = "milepæl" if len(item.milestones) == 1 else "milepæle"
    return f"{len(reached(item))} af {len(item.milestones)} {noun} nået"


class Track(Enum):
    """Where an indicator stands by its latest measurement."""

    NO_MEASUREMENT = "Ingen målinger endnu"
    REACHED = "Målet er nået"
    ON_TRACK = "På rette vej"
    OFF_TRACK = "Ikke på rette vej"
    MISSED = "Målet er ikke nået"


@dataclass(frozen=True)
class Standing:
    track: Track
    latest: Measurement | None
    expected: Decimal | None  # the line's value on the latest measurement's day (ON_TRACK, OFF_TRACK)


def expected_on(indicator: Indicator, day: dt.date) -> Decimal:
    """The straight line from the baseline to the target, on ``day``: the baseline's value before
    the baseline's day, the target's from the target's day on (so also when both share a day)."""
    baseline, target = indicator.baseline, indicator.target
    if day >= target.date:
        return target.value
    if day <= baseline.date:
        return baseline.value
    share = Decimal((day - baseline.date).days) / Decimal((target.date - baseline.date).days)
    return baseline.value + (target.value - baseline.value) * share


def at_least_as_good(indicator: Indicator, value: Decimal, than: Decimal) -> bool:
    return value >= than if indicator.higher_is_better else value <= than


def standing(indicator: Indicator) -> Standing:
    """The latest measurement against the target, and before the target's day against the line.

    No measurement: nothing to say. A value as good as the target: reached (also early). On or
    after the target's day and not as good: missed. Before it: on track when at least as good as
    the line from the baseline to the target on that day.
    """
    if not indicator.measurements:
        return Standing(Track.NO_MEASUREMENT, None, None)
    latest = indicator.measurements[-1]
    if at_least_as_good(indicator, latest.value, indicator.target.value):
        return Standing(Track.REACHED, latest, None)
    if latest.date >= indicator.target.date:
        return Standing(Track.MISSED, latest, None)
    expected = expected_on(indicator, latest.date)
    track = Track.ON_TRACK if at_least_as_good(indicator, latest.value, expected) else Track.OFF_TRACK
    return Standing(track, latest, expected)
