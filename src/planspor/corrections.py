"""A correction to a plan that was replaced: the record of a closed plan changes only with a stated reason.

An earlier plan (earlier_plans) is what the municipality promised and reached while it applied, so
its record stays as it was. When it was wrong (a date misread from the minutes, a status entered on
the wrong item), the editor corrects it and writes why under the plan's ``corrections``; the plan's
page shows every correction, so citizens see that the record was changed and why.
`planspor check --sammenlign-med` (closed_plans) refuses a change to a closed plan without a new one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .periods import danish_date


@dataclass(frozen=True)
class Correction:
    """One correction of a closed plan: the day it was made and why."""

    date: dt.date
    reason: str

    def describe(self) -> str:
        """The line on the plan's page: 'Rettet 3. februar 2025: Afslutningsdatoen var skrevet forkert.'"""
        return f"Rettet {danish_date(self.date)}: {self.reason}"
