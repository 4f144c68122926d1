"""What an item's progress is measured by: its milestones, and its indicators with their readings.

Part of the model (model.Item holds them), kept apart so each module stays one concern.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from .periods import Period


@dataclass(frozen=True)
class Milestone:
    """A step on the way, planned for a period; ``reached`` is the day it was reached, if it was."""

    id: str
    title: str
    planned: Period
    reached: dt.date | None = None


@dataclass(frozen=True)
class Reading:
    """An indicator's value on a day: its baseline or its target."""

    value: Decimal
    date: dt.date


@dataclass(frozen=True)
class Measurement:
    """A measured value, with where it comes from."""

    date: dt.date
    value: Decimal
    source: str
    url: str = ""


@dataclass(frozen=True)
class Indicator:
    """What an item is measured by: from a baseline to a target, and what was measured (oldest first)."""

    id: str
    name: str
    unit: str
    higher_is_better: bool
    baseline: Reading
    target: Reading
    measurements: tuple[Measurement, ...] = ()
