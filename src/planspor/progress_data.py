"""An item's milestones and indicators as open data: their part of plan.json, and milepaele.csv and maalinger.csv.

The CSV files are written for Danish Excel as plan.csv is (:func:`danish_excel_csv`: UTF-8 with BOM,
';' as separator, decimal comma, CRLF line ends; dates ISO): one row per milestone and one per
measurement, in the plan's order. Their headers are spelled here once: the import of the sheets
"Milepæle" and "Målinger" reads the same names (Id, Milepæl, Planlagt, Nået; Id, Indikator, Dato,
Værdi, Kilde), and the columns Planspor adds for the reader (Indsats, Milepæl-id, Overskredet;
Indsats, Indikator-id, Enhed, Link) stand beside them.

An indicator's baseline and target are no rows of maalinger.csv: each row there is a measurement with
its source, so the file can go back through the import as it is. plan.json carries them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from .model import Plan
from .money import danish_decimal
from .plan_keys import BETTER
from .progress import Track, late_milestones, standing
from .progress_model import Indicator, Milestone, Reading

# -- plan.json ------------------------------------------------------------------------------------

# An indicator's standing (progress.Track) as a stable value for machines; the site shows the Danish label.
STANDING = {
    Track.NO_MEASUREMENT: "ingen-maalinger",
    Track.REACHED: "naaet",
    Track.ON_TRACK: "paa-rette-vej",
    Track.OFF_TRACK: "ikke-paa-rette-vej",
    Track.MISSED: "ikke-naaet",
}


def json_number(value: Decimal) -> int | float:
    """A number as plan.json writes it: 2500 and 78.6, never 2500.0 or a string."""
    return int(value) if value == value.to_integral_value() else float(value)


def milestone_data(milestone: Milestone) -> dict[str, Any]:
    """``planned`` as the plan writes it ('2024-Q3'); ``reached`` an ISO date or null."""
    reached = milestone.reached.isoformat() if milestone.reached else None
    return {"id": milestone.id, "title": milestone.title, "planned": milestone.planned.text, "reached": reached}


def _reading(reading: Reading) -> dict[str, Any]:
    return {"value": json_number(reading.value), "date": reading.date.isoformat()}


def indicator_data(indicator: Indicator) -> dict[str, Any]:
    """``better`` as the plan writes it ('højere', 'lavere'); ``standing`` one of :data:`STANDING`'s values."""
    return {
        "id": indicator.id,
        "name": indicator.name,
        "unit": indicator.unit,
        "better": next(word for word, higher in BETTER.items() if higher == indicator.higher_is_better),
        "baseline": _reading(indicator.baseline),
        "target": _reading(indicator.target),
        "measurements": [{"date": m.date.isoformat(), "value": json_number(m.value), "source": m.source, "url": m.url or None} for m in indicator.measurements],
        "standing": STANDING[standing(indicator).track],
    }


# -- the CSV files --------------------------------------------------------------------------------

# The sheets of a workbook the import reads these columns from.
MILESTONES_SHEET = "Milepæle"
MEASUREMENTS_SHEET = "Målinger"
# milepaele.csv's columns, in order: the item (Id, Indsats), the milestone, the period it is planned
# for ('2024-Q3'), the day it was reached (ISO, or empty) and whether it is overdue on the plan's
# data_as_of ("ja"/"nej", as progress.late_milestones says).
MILESTONE_COLUMNS = ("Id", "Indsats", "Milepæl-id", "Milepæl", "Planlagt", "Nået", "Overskredet")
# maalinger.csv's columns, in order: the item, the indicator (id, name, unit) and the measurement.
MEASUREMENT_COLUMNS = ("Id", "Indsats", "Indikator-id", "Indikator", "Enhed", "Dato", "Værdi", "Kilde", "Link")


def danish_excel_csv(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A CSV text Danish Excel opens as it is: BOM, ';', CRLF; the values already written the Danish way."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return "\ufeff" + buffer.getvalue()


def milestones_csv(plan: Plan) -> str:
    """One row per milestone: the items in the plan's order, their milestones in planned order."""
    rows = []
    for item in plan.items:
        late = {m.id for m in late_milestones(item, plan.info.data_as_of)}
        for m in item.milestones:
            reached = m.reached.isoformat() if m.reached else ""
            rows.append([item.id, item.title, m.id, m.title, m.planned.text, reached, "ja" if m.id in late else "nej"])
    return danish_excel_csv(MILESTONE_COLUMNS, rows)


def measurements_csv(plan: Plan) -> str:
    """One row per measurement: the items in the plan's order, each indicator's measurements oldest first."""
    rows = [
        [item.id, item.title, ind.id, ind.name, ind.unit, m.date.isoformat(), danish_decimal(m.value), m.source, m.url]
        for item in plan.items
        for ind in item.indicators
        for m in ind.measurements
    ]
    return danish_excel_csv(MEASUREMENT_COLUMNS, rows)
