"""An indicator as a chart: its numbers, its standing and the geometry of a static SVG line chart.

Time runs along the x axis from the earliest of the baseline and the measurements to the latest of
the target and the measurements; the values up the y axis, with some room above and below. A dashed
line runs from the baseline to the target (the planned course), the measurements are a solid line
with a dot each. Like the site's other charts it is drawn twice, wide and narrow for a phone, and it
carries a one-sentence text alternative and a table of the same numbers. Python computes every
coordinate; ``theme_overrides/partials/planspor/indicator.html`` only draws them. Pure: the model in,
JSON-ready data out (the page's front matter is JSON).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import TypedDict

from .charts import NARROW_CHAR, NARROW_TEXT, NARROW_WIDTH, WIDE_CHAR, WIDE_TEXT, WIDTH
from .money import danish_number
from .periods import danish_date
from .progress import Standing, Track, standing
from .progress_model import Indicator


class IndicatorColours(TypedDict):
    """What the macro draws with. The lines and markers are at least 3:1 against white (WCAG 1.4.11);
    the gridlines only help the eye (every value is also written in the table); text is the charts' #1F1F1F."""

    measured: str
    planned: str
    target: str
    axis: str
    grid: str


COLOURS: IndicatorColours = {
    "measured": "#1B4F72",  # 8.7:1, the budget chart's first colour
    "planned": "#595959",  # 7.0:1, dashed; the baseline's ring too
    "target": "#B35900",  # 4.8:1, the site's notice colour; a diamond, not a dot
    "axis": "#767676",  # 4.5:1
    "grid": "#D0D0D0",  # the tables' rule colour
}

HALF_YEAR = dt.timedelta(days=183)
X_INSET = 10  # a dot at the first or last day stays clear of the axes
MAX_INTERVALS = 4  # at most 5 values on the y axis
NICE_STEPS = (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5))


class ValueTick(TypedDict):
    """A value on the y axis: its gridline's y, its label's baseline and the label ('22.000')."""

    y: float
    text_y: float
    label: str


class YearLabel(TypedDict):
    x: float  # the label's middle
    label: str


class Marker(TypedDict):
    """A point of the chart; label is its tooltip ('Måling: 23.600 MWh (30. juni 2024), Energiregnskab 2. kvartal 2024')."""

    x: float
    y: float
    label: str


class Segment(TypedDict):
    x1: float
    y1: float
    x2: float
    y2: float


class LegendEntry(TypedDict):
    """One entry of the legend drawn under the plot: its sample starts at (x, y), its text follows."""

    kind: str  # "measured", "planned", "baseline" or "target"
    label: str
    x: float
    y: float


class IndicatorDrawing(TypedDict):
    """The chart drawn at one width: the plot's box, the axes, the lines and the markers, the legend."""

    width: int
    height: int
    plot_left: float
    plot_right: float
    plot_top: float
    plot_bottom: float
    unit_y: float  # the unit's baseline, written at x 0 above the y axis
    value_label_x: float  # the right edge of the y axis's labels
    value_ticks: list[ValueTick]
    year_ticks: list[float]  # x of each 1 January shown
    tick_bottom: float  # a year tick runs from plot_bottom to here
    year_y: float  # the year labels' baseline
    year_labels: list[YearLabel]
    planned: Segment
    baseline: Marker
    target: Marker
    measured: list[Marker]
    measured_points: str  # the measurements as a polyline's points: "x,y x,y"
    dot_radius: float
    legend: list[LegendEntry]
    legend_text_x: int  # a legend entry's text, from the entry's x
    legend_text_dy: float  # and from its y


class IndicatorRow(TypedDict):
    """A row of the numbers table: the baseline, a measurement or the target."""

    kind: str  # "baseline", "measurement" or "target"
    label: str  # "Udgangspunkt", "Måling" or "Mål"
    date: str  # "31. december 2023"
    iso: str  # "2023-12-31"
    value: str  # "24.500" (the unit is in the table's header)
    source: str  # a measurement's source; "" for the baseline and the target
    url: str


class IndicatorView(TypedDict):
    id: str
    name: str
    unit: str
    better: str  # "Lavere er bedre" or "Højere er bedre"
    track: str  # the standing, as progress.Track says it: "På rette vej"
    track_key: str  # and as a key: "on_track", "off_track", "reached", "missed", "no_measurement"
    detail: str  # on or off track: the latest measurement against the planned course; else ""
    description: str  # the chart's text alternative, one sentence
    rows: list[IndicatorRow]
    colours: IndicatorColours
    wide: IndicatorDrawing
    narrow: IndicatorDrawing


@dataclass(frozen=True)
class _Layout:
    width: int
    text: int  # font size in user units
    char: float  # an estimate of the widest average glyph at that size
    plot_height: int
    legend_columns: int  # 0: the legend in one row, each entry after the last
    dot_radius: float


WIDE = _Layout(WIDTH, WIDE_TEXT, WIDE_CHAR, 200, 0, 4.0)
NARROW = _Layout(NARROW_WIDTH, NARROW_TEXT, NARROW_CHAR, 170, 2, 4.5)
LEGEND_SAMPLE = 24  # a legend entry's line sample; its text begins 6 after it
LEGEND_ROW = 20


def indicator_view(indicator: Indicator) -> IndicatorView:
    """What the indicator macro shows: the standing in words, the chart drawn wide and narrow, the numbers."""
    where = standing(indicator)
    return {
        "id": indicator.id,
        "name": indicator.name,
        "unit": indicator.unit,
        "better": "Højere er bedre" if indicator.higher_is_better else "Lavere er bedre",
        "track": where.track.value,
        "track_key": where.track.name.lower(),
        "detail": _detail(indicator, where),
        "description": description(indicator, where),
        "rows": rows(indicator),
        "colours": COLOURS.copy(),
        "wide": drawing(indicator, WIDE),
        "narrow": drawing(indicator, NARROW),
    }


def with_unit(value: Decimal, unit: str) -> str:
    """'24.500 MWh', '78,5 procent'."""
    return f"{danish_number(value)} {unit}"


def description(indicator: Indicator, where: Standing) -> str:
    """'Energiforbrug …: udgangspunkt 24.500 MWh (31. december 2023), mål 22.000 MWh (31. december 2025),
    seneste måling 23.600 MWh (30. juni 2024): på rette vej.' Without measurements: '…, ingen målinger endnu.'"""
    unit = indicator.unit
    baseline, target = indicator.baseline, indicator.target
    text = (
        f"{indicator.name}: udgangspunkt {with_unit(baseline.value, unit)} ({danish_date(baseline.date)}), "
        f"mål {with_unit(target.value, unit)} ({danish_date(target.date)})"
    )
    if where.latest is None:
        return f"{text}, {_lower_first(Track.NO_MEASUREMENT.value)}."
    latest = where.latest
    return f"{text}, seneste måling {with_unit(latest.value, unit)} ({danish_date(latest.date)}): {_lower_first(where.track.value)}."


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _detail(indicator: Indicator, where: Standing) -> str:
    """On or off track: what the planned course gives on the latest measurement's day ('højst' when lower is better)."""
    if where.latest is None or where.expected is None:
        return ""
    places = max(_places(v) for v in _values(indicator))
    expected = where.expected.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    bound = "mindst" if indicator.higher_is_better else "højst"
    return (
        f"Seneste måling er {with_unit(where.latest.value, indicator.unit)} ({danish_date(where.latest.date)}). "
        f"Efter det planlagte forløb skulle værdien den dag være {bound} {with_unit(expected, indicator.unit)}."
    )


def _places(value: Decimal) -> int:
    """How many decimals a value is written with: 78.5 -> 1, 24500 -> 0."""
    exponent = value.normalize().as_tuple().exponent
    return max(-exponent, 0) if isinstance(exponent, int) else 0


def _values(indicator: Indicator) -> list[Decimal]:
    return [indicator.baseline.value, indicator.target.value, *(m.value for m in indicator.measurements)]


def rows(indicator: Indicator) -> list[IndicatorRow]:
    """The baseline, the measurements and the target in date order; on one day the baseline comes first and the target last."""
    baseline, target = indicator.baseline, indicator.target
    entries: list[tuple[dt.date, int, IndicatorRow]] = [
        (baseline.date, 0, _row("baseline", "Udgangspunkt", baseline.date, baseline.value)),
        (target.date, 2, _row("target", "Mål", target.date, target.value)),
    ]
    entries += [(m.date, 1, _row("measurement", "Måling", m.date, m.value, m.source, m.url)) for m in indicator.measurements]
    return [row for _, _, row in sorted(entries, key=lambda entry: (entry[0], entry[1]))]


def _row(kind: str, label: str, day: dt.date, value: Decimal, source: str = "", url: str = "") -> IndicatorRow:
    return {"kind": kind, "label": label, "date": danish_date(day), "iso": day.isoformat(), "value": danish_number(value), "source": source, "url": url}


def value_axis(values: list[Decimal]) -> tuple[Decimal, Decimal, Decimal]:
    """The y axis's lowest and highest value and its step: round numbers around the values with some
    room on both sides, 3 to 5 values in all. Equal values get room too. The axis stays at or above
    zero when no value is below it, and at or below zero when no value is above it."""
    low, high = min(values), max(values)
    span = high - low
    pad = span / 10 if span else (abs(low) / 10 or Decimal(1))
    bottom, top = low - pad, high + pad
    if low >= 0:
        bottom = max(bottom, Decimal(0))
    elif high <= 0:
        top = min(top, Decimal(0))
    exponent = ((top - bottom) / MAX_INTERVALS).adjusted()
    steps = sorted(m * Decimal(1).scaleb(k) for k in (exponent - 1, exponent, exponent + 1) for m in NICE_STEPS)
    for step in steps:
        first = (bottom / step).to_integral_value(rounding=ROUND_FLOOR) * step
        last = (top / step).to_integral_value(rounding=ROUND_CEILING) * step
        if (last - first) / step <= MAX_INTERVALS:
            return first, last, step
    raise AssertionError("the largest step always fits")  # pragma: no cover: 5·10^(e+1) spans more than 10·(top − bottom)


def time_axis(indicator: Indicator) -> tuple[dt.date, dt.date]:
    """From the earliest of the baseline and the measurements to the latest of the target and the
    measurements; a range of a single day becomes the year around it."""
    days = [m.date for m in indicator.measurements]
    first = min([indicator.baseline.date, *days])
    last = max([indicator.target.date, *days])
    if first == last:
        return first - HALF_YEAR, last + HALF_YEAR
    return first, last


def _year_stride(year_width: float, label_width: float) -> int:
    """Every year labelled when a year is wide enough for its label, else every 2nd, 5th, 10th … year."""
    needed = math.ceil(label_width / year_width) if year_width > 0 else 1
    for stride in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000):
        if stride >= needed:
            return stride
    return needed


def drawing(indicator: Indicator, layout: _Layout) -> IndicatorDrawing:
    """The chart at one width. Everything it draws lies inside (0, 0)–(width, height)."""
    text = layout.text
    bottom_value, top_value, step = value_axis(_values(indicator))
    count = int((top_value - bottom_value) / step)
    ticks = [bottom_value + step * n for n in range(count + 1)]
    labels = [danish_number(t) for t in ticks]

    plot_top = float(text + 12)  # the unit's line above the plot
    plot_left = round(max(len(label) for label in labels) * layout.char + 10, 1)
    plot_right = float(layout.width - 4)
    plot_bottom = plot_top + layout.plot_height

    def y_of(value: Decimal) -> float:
        share = float((top_value - value) / (top_value - bottom_value))
        return round(plot_top + share * layout.plot_height, 1)

    first_day, last_day = time_axis(indicator)
    total_days = (last_day - first_day).days
    inner_left, inner_width = plot_left + X_INSET, plot_right - plot_left - 2 * X_INSET

    def x_of(day: dt.date) -> float:
        return round(inner_left + inner_width * (day - first_day).days / total_days, 1)

    years, year_labels = _years(first_day, last_day, x_of, layout, plot_left, plot_right, inner_width / total_days * 365.25)
    unit = indicator.unit
    baseline, target = indicator.baseline, indicator.target
    measured: list[Marker] = [
        {"x": x_of(m.date), "y": y_of(m.value), "label": f"Måling: {with_unit(m.value, unit)} ({danish_date(m.date)}), {m.source}"}
        for m in indicator.measurements
    ]
    year_y = round(plot_bottom + text + 8, 1)
    legend, legend_height = _legend(layout, year_y + 14, bool(measured))
    return {
        "width": layout.width,
        "height": round(year_y + 14 + legend_height),
        "plot_left": plot_left,
        "plot_right": plot_right,
        "plot_top": plot_top,
        "plot_bottom": plot_bottom,
        "unit_y": float(text),
        "value_label_x": round(plot_left - 6, 1),
        "value_ticks": [{"y": y_of(t), "text_y": round(y_of(t) + text * 0.35, 1), "label": label} for t, label in zip(ticks, labels, strict=True)],
        "year_ticks": years,
        "tick_bottom": plot_bottom + 5,
        "year_y": year_y,
        "year_labels": year_labels,
        "planned": {"x1": x_of(baseline.date), "y1": y_of(baseline.value), "x2": x_of(target.date), "y2": y_of(target.value)},
        "baseline": {
            "x": x_of(baseline.date),
            "y": y_of(baseline.value),
            "label": f"Udgangspunkt: {with_unit(baseline.value, unit)} ({danish_date(baseline.date)})",
        },
        "target": {"x": x_of(target.date), "y": y_of(target.value), "label": f"Mål: {with_unit(target.value, unit)} ({danish_date(target.date)})"},
        "measured": measured,
        "measured_points": " ".join(f"{m['x']},{m['y']}" for m in measured),
        "dot_radius": layout.dot_radius,
        "legend": legend,
        "legend_text_x": LEGEND_SAMPLE + 6,
        "legend_text_dy": round(text * 0.35, 1),
    }


def _years(
    first_day: dt.date, last_day: dt.date, x_of: Callable[[dt.date], float], layout: _Layout, plot_left: float, plot_right: float, year_width: float
) -> tuple[list[float], list[YearLabel]]:
    """Ticks at each 1 January inside the range, and the years' labels: in the middle of each year's
    part of the axis when a year is wide enough for its label (and its part is), else under every
    2nd, 5th, 10th … year's tick."""
    label_width = 4 * layout.char + 6
    stride = _year_stride(year_width, label_width)
    starts = [dt.date(year, 1, 1) for year in range(first_day.year + 1, last_day.year + 1)]
    ticks = [x_of(day) for day in starts if day.year % stride == 0]
    labels: list[YearLabel] = []
    half = label_width / 2
    if stride == 1:
        for year in range(first_day.year, last_day.year + 1):
            left = x_of(max(first_day, dt.date(year, 1, 1)))
            right = x_of(min(last_day, dt.date(year + 1, 1, 1)))
            if right - left >= label_width or first_day.year == last_day.year:
                labels.append({"x": round(min(max((left + right) / 2, plot_left + half), plot_right - half), 1), "label": str(year)})
    else:
        labels = [{"x": x, "label": str(day.year)} for day, x in zip([d for d in starts if d.year % stride == 0], ticks, strict=True)]
        labels = [label for label in labels if plot_left + half <= label["x"] <= plot_right - half]
    return ticks, labels


def _legend(layout: _Layout, top: float, measured: bool) -> tuple[list[LegendEntry], float]:
    """The entries under the plot, "Målinger" only when there are some: in one row (wide), or in
    columns (narrow). Returns them and their height."""
    names = [("measured", "Målinger")] if measured else []
    names += [("planned", "Planlagt forløb"), ("baseline", "Udgangspunkt"), ("target", "Mål")]
    entries: list[LegendEntry] = []
    x, row = 0.0, 0
    for index, (kind, label) in enumerate(names):
        if layout.legend_columns:
            row, column = divmod(index, layout.legend_columns)
            x = column * layout.width / layout.legend_columns
        entries.append({"kind": kind, "label": label, "x": round(x, 1), "y": round(top + row * LEGEND_ROW + LEGEND_ROW / 2, 1)})
        x += LEGEND_SAMPLE + 6 + len(label) * layout.char + 18
    return entries, (row + 1) * LEGEND_ROW
