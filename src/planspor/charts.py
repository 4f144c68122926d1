"""Charts as data: the numbers and the geometry of static SVG charts made at build time.

Python computes what each bar or cell is and where it goes; the Jinja macro
in theme_overrides draws it. Every chart also carries a text alternative and
a table of the same numbers. No chart library runs in the browser.
"""

from __future__ import annotations

import textwrap
from collections import Counter
from decimal import Decimal
from typing import TypedDict

from .chart_data import Bar, Cell, Chart, Drawing, Header, Line, Row, YearBar
from .contrast import best_text_colour
from .model import Item, Plan
from .money import danish_number

WIDTH = 640
LABEL_WIDTH = 250  # a theme's name left of a wide chart's bars: up to two lines of 32 characters
ROW_HEIGHT = 26
BAR_HEIGHT = 18
TOP = 8

# The narrow layout, shown instead on phones: each theme's name on a line of its
# own above its bars, which then get the whole width. At 360 px the chart box is
# about 328 px wide, so 340 user units are drawn at 0.96 and text of 13 units at
# 12.5 px. Text widths are estimated (no fonts at build time) on the wide side.
NARROW_WIDTH = 340
NARROW_TEXT = 13
NARROW_LINE = 17
NARROW_CHAR = 8  # an estimate of the widest average glyph, digits included, at NARROW_TEXT
NARROW_LABEL_CHARS = 40
NARROW_MIN_CELL = 20  # a quarter's cell on a phone; fewer units and the timeline scrolls instead


WIDE_TEXT = 12
WIDE_CHAR = 7.4  # an estimate of the widest average glyph, digits included, at WIDE_TEXT
WIDE_LINE = 13  # two lines of a name beside one bar (ROW_HEIGHT)


def _wide_label_lines(label: str) -> list[str]:
    """A theme's name left of a wide chart's bars: whole in one or two lines where it fits, else cut with " …"."""
    return textwrap.wrap(label, int((LABEL_WIDTH - 8) // WIDE_CHAR), max_lines=2, placeholder=" …") or [""]


def _wide_lines(label: str, top: float, height: int) -> list[Line]:
    """The name's lines beside a bar or cell of ``height`` from ``top``: one line on the bar's text line, two around its middle."""
    lines = _wide_label_lines(label)
    if len(lines) == 1:
        return [{"text": lines[0], "y": round(top + height - 5, 1)}]
    first = top + height / 2 - WIDE_LINE / 2 + WIDE_TEXT * 0.35
    return [{"text": line, "y": round(first + n * WIDE_LINE, 1)} for n, line in enumerate(lines)]


def _label_lines(label: str) -> list[str]:
    """A theme's name, broken into at most two lines that fit the narrow width."""
    return textwrap.wrap(label, NARROW_LABEL_CHARS, max_lines=2, placeholder=" …") or [""]


def _text_width(text: str) -> int:
    return len(text) * NARROW_CHAR


def _danish(value: Decimal | int) -> str:
    return danish_number(Decimal(value))


def status_by_theme(plan: Plan) -> Chart:
    """Stacked bars: for each theme, its items by status."""
    plot = WIDTH - LABEL_WIDTH - 40
    counts = {t.id: Counter(i.status.id for i in plan.items if i.theme == t) for t in plan.themes}
    largest = max((sum(c.values()) for c in counts.values()), default=0) or 1
    rows: list[Row] = []
    for index, theme in enumerate(plan.themes):
        bars, x = _stack(plan, counts[theme.id], float(LABEL_WIDTH), plot / largest)
        total = sum(counts[theme.id].values())
        rows.append(
            {
                "label": theme.title,
                "lines": _wide_lines(theme.title, TOP + index * ROW_HEIGHT, BAR_HEIGHT),
                "y": TOP + index * ROW_HEIGHT,
                "bars": bars,
                "total": total,
                "total_x": round(x + 6, 1),
            }
        )
    height = TOP * 2 + len(rows) * ROW_HEIGHT
    summary = "; ".join(
        f"{theme.title}: {sum(counts[theme.id].values())} indsatser, heraf "
        + ", ".join(f"{counts[theme.id][s.id]} {s.label.lower()}" for s in plan.statuses if counts[theme.id][s.id])
        for theme in plan.themes
    )
    return {
        "id": "status-pr-tema",
        "title": "Status pr. tema",
        "description": f"Vandrette søjler, én pr. tema, delt efter status. {summary}.",
        "width": WIDTH,
        "height": height,
        "bar_height": BAR_HEIGHT,
        "label_width": LABEL_WIDTH,
        "rows": rows,
        "narrow": _narrow_status(plan, counts, largest),
        "legend": [{"label": s.label, "colour": s.colour} for s in plan.statuses],
        "table": {
            "columns": [s.label for s in plan.statuses] + ["I alt"],
            "rows": [{"label": t.title, "cells": [str(counts[t.id][s.id]) for s in plan.statuses] + [str(sum(counts[t.id].values()))]} for t in plan.themes],
        },
    }


def _stack(plan: Plan, counts: Counter[str], x: float, scale: float) -> tuple[list[Bar], float]:
    """One theme's stacked bar from x: a part per status it has, in status order; and where the bar ends."""
    bars: list[Bar] = []
    for status in plan.statuses:
        count = counts[status.id]
        if not count:
            continue
        width = scale * count
        bars.append(
            {
                "x": round(x, 1),
                "width": round(width, 1),
                "colour": status.colour,
                "label": f"{status.label}: {count}",
                "count": count,
                "text_colour": status.text_colour,
            }
        )
        x += width
    return bars, x


def _narrow_status(plan: Plan, counts: dict[str, Counter[str]], largest: int) -> Drawing:
    """The same stacked bars for a phone: name above, bar across, count in each part, total at the end."""
    bar_height = 24
    plot = NARROW_WIDTH - _text_width(str(largest)) - 6
    rows: list[Row] = []
    y = float(TOP)
    for theme in plan.themes:
        lines = _label_lines(theme.title)
        bar_y = y + len(lines) * NARROW_LINE + 4
        bars, x = _stack(plan, counts[theme.id], 0.0, plot / largest)
        for bar in bars:
            bar["count_x"] = round(bar["x"] + bar["width"] / 2, 1)
            bar["show_count"] = bar["width"] >= _text_width(str(bar["count"])) + 4
        rows.append(
            {
                "lines": [{"text": line, "y": round(y + (n + 1) * NARROW_LINE - 4, 1)} for n, line in enumerate(lines)],
                "bar_y": round(bar_y, 1),
                "text_y": round(bar_y + bar_height / 2 + NARROW_TEXT * 0.35, 1),
                "bars": bars,
                "total": sum(counts[theme.id].values()),
                "total_x": round(x + 6, 1),
            }
        )
        y = bar_y + bar_height + 14
    return {"width": NARROW_WIDTH, "height": round(y - 14 + TOP), "bar_height": bar_height, "rows": rows, "scrolls": False}


def _quarters(plan: Plan) -> list[tuple[int, int]]:
    return [(year, quarter) for year in range(plan.info.period_start, plan.info.period_end + 1) for quarter in (1, 2, 3, 4)]


def _active_in(item: Item, quarter: tuple[int, int]) -> bool:
    import datetime as dt

    year, q = quarter
    start = dt.date(year, 3 * q - 2, 1)
    end = dt.date(year, 3 * q, 28)
    timing = item.timing
    begin = timing.start.first if timing.start else (timing.end.first if timing.end else None)
    finish = timing.end.last if timing.end else (timing.start.last if timing.start else None)
    if begin is None or finish is None:
        return False
    return begin <= end and finish >= start


def timeline(plan: Plan) -> Chart:
    """A grid: themes × quarters of the plan period; a cell counts the items whose timing spans that quarter."""
    quarters = _quarters(plan)
    cell = max(18.0, (WIDTH - LABEL_WIDTH - 10) / max(len(quarters), 1))
    grid = {t.id: [sum(1 for i in plan.items if i.theme == t and _active_in(i, q)) for q in quarters] for t in plan.themes}
    largest = max((max(v) for v in grid.values() if v), default=0) or 1
    rows: list[Row] = []
    for index, theme in enumerate(plan.themes):
        cells: list[Cell] = []
        for column, count in enumerate(grid[theme.id]):
            fill = _shade(count / largest) if count else "#FFFFFF"
            cells.append(
                {
                    "x": round(LABEL_WIDTH + column * cell, 1),
                    "width": round(cell - 2, 1),
                    "fill": fill,
                    "text_colour": best_text_colour(fill),
                    "count": count,
                    "label": f"{theme.title}, {quarters[column][1]}. kvartal {quarters[column][0]}: {count}",
                }
            )
        top = TOP + 26 + index * ROW_HEIGHT
        rows.append({"label": theme.title, "lines": _wide_lines(theme.title, top, BAR_HEIGHT), "y": top, "cells": cells})
    headers: list[Header] = [{"label": str(y), "x": round(LABEL_WIDTH + i * cell + 2 * cell - 1, 1), "y": 11} for i, (y, q) in enumerate(quarters) if q == 1]
    headers += [{"label": f"K{q}", "x": round(LABEL_WIDTH + i * cell + cell / 2 - 1, 1), "y": 24} for i, (_, q) in enumerate(quarters)]
    busiest = max(((t.title, max(grid[t.id]) if grid[t.id] else 0) for t in plan.themes), key=lambda pair: pair[1], default=("", 0))
    return {
        "id": "tidslinje",
        "title": "Tidslinje: indsatser i gang pr. kvartal",
        "scroll_name": "tidslinjen",
        "description": (
            f"Et gitter med et tema pr. række og et kvartal pr. kolonne fra {plan.info.period_start} til {plan.info.period_end}; "
            f"hver celle tæller de indsatser, hvis vejledende tidspunkt omfatter kvartalet. Flest på én gang: {busiest[0]} med {busiest[1]}."
        ),
        "width": round(LABEL_WIDTH + len(quarters) * cell + 10),
        "height": TOP * 2 + 26 + len(rows) * ROW_HEIGHT,
        "cell_height": BAR_HEIGHT,
        "label_width": LABEL_WIDTH,
        "headers": headers,
        "rows": rows,
        "narrow": _narrow_timeline(plan, quarters, rows),
        "table": {
            "columns": [f"{q}. kvt. {y}" for y, q in quarters],
            "rows": [{"label": t.title, "cells": [str(n) for n in grid[t.id]]} for t in plan.themes],
        },
    }


def _narrow_timeline(plan: Plan, quarters: list[tuple[int, int]], wide_rows: list[Row]) -> Drawing:
    """The same grid for a phone: name above, the quarters across, a little gap between years.

    If the period has too many quarters for cells of NARROW_MIN_CELL, the grid
    keeps that size and is wider than the phone: it then scrolls, with a hint.
    """
    gap = 4
    years = len({year for year, _ in quarters})
    pitch = (NARROW_WIDTH - (years - 1) * gap) / max(len(quarters), 1)
    scrolls = pitch < NARROW_MIN_CELL
    pitch = max(pitch, NARROW_MIN_CELL)
    first_year = quarters[0][0] if quarters else 0

    def left(column: int) -> float:
        return column * pitch + (quarters[column][0] - first_year) * gap

    headers: list[Header] = [{"label": str(y), "x": round(left(i) + 2 * pitch - 1, 1), "y": 13} for i, (y, q) in enumerate(quarters) if q == 1]
    headers += [{"label": f"K{q}", "x": round(left(i) + pitch / 2 - 1, 1), "y": 31} for i, (_, q) in enumerate(quarters)]
    cell_height = 22
    rows: list[Row] = []
    y = 40.0
    for theme, wide in zip(plan.themes, wide_rows, strict=True):
        lines = _label_lines(theme.title)
        cell_y = y + len(lines) * NARROW_LINE + 3
        cells: list[Cell] = [{**c, "x": round(left(column), 1), "width": round(pitch - 2, 1)} for column, c in enumerate(wide["cells"])]
        rows.append(
            {
                "lines": [{"text": line, "y": round(y + (n + 1) * NARROW_LINE - 4, 1)} for n, line in enumerate(lines)],
                "cell_y": round(cell_y, 1),
                "text_y": round(cell_y + cell_height / 2 + NARROW_TEXT * 0.35, 1),
                "cells": cells,
            }
        )
        y = cell_y + cell_height + 12
    width = round(left(len(quarters) - 1) + pitch) if quarters else NARROW_WIDTH
    return {"width": max(width, NARROW_WIDTH), "height": round(y - 12 + TOP), "cell_height": cell_height, "headers": headers, "rows": rows, "scrolls": scrolls}


def _shade(share: float) -> str:
    """From light to dark blue as the share grows."""
    light, dark = (0xD6, 0xE6, 0xF5), (0x0B, 0x3D, 0x6B)
    channel = [round(a + (b - a) * (0.15 + 0.85 * share)) for a, b in zip(light, dark, strict=True)]
    return "#" + "".join(f"{c:02X}" for c in channel)


class BudgetTotals(TypedDict):
    """Sums per theme and year in 1.000 kr. (savings negative), with totals."""

    years: list[int]
    sums: dict[str, dict[int, Decimal]]
    column_totals: dict[int, Decimal]
    total: Decimal


def budget_totals(plan: Plan) -> BudgetTotals:
    """Sums per theme and year in 1.000 kr. (savings negative), with totals."""
    years = sorted({year for item in plan.items for year, _ in item.budget})
    sums = {t.id: dict.fromkeys(years, Decimal(0)) for t in plan.themes}
    for item in plan.items:
        for year, amount in item.budget:
            sums[item.theme.id][year] += amount
    column_totals = {y: sum((sums[t.id][y] for t in plan.themes), Decimal(0)) for y in years}
    return {"years": years, "sums": sums, "column_totals": column_totals, "total": sum(column_totals.values(), Decimal(0))}


def budget_chart(plan: Plan) -> Chart:
    """Bars per theme and year, with each amount written beside its bar; savings left of the zero line."""
    totals = budget_totals(plan)
    years: list[int] = totals["years"]
    palette = ["#1B4F72", "#2E7D32", "#8E24AA", "#B35900", "#00695C", "#5D4037"]
    colours = {year: palette[i % len(palette)] for i, year in enumerate(years)}
    wide = _budget_drawing(plan, totals, colours, wide=True)
    return {
        "id": "budget-pr-tema",
        "title": "Budget pr. tema og år (1.000 kr.)",
        "description": (
            f"Søjler pr. tema og år i 1.000 kr., med beløbet ud for hver; besparelser er negative og går til venstre for nul-linjen. "
            f"I alt for hele perioden: {_danish(totals['total'])} (1.000 kr.)."
        ),
        "width": WIDTH,
        "height": wide["height"],
        "label_width": LABEL_WIDTH,
        "bar_height": wide["bar_height"],
        "zero": wide["zero"],
        "year_x": wide["year_x"],
        "rows": wide["rows"],
        "narrow": _budget_drawing(plan, totals, colours, wide=False),
        "legend": [{"label": str(year), "colour": colours[year]} for year in years],
    }


def _budget_drawing(plan: Plan, totals: BudgetTotals, colours: dict[int, str], wide: bool) -> Drawing:
    """The bars drawn wide (each theme's name left of its years) or for a phone (the name above them):
    one line per year with the year, its bar and its amount.

    Savings and spending share one scale, so the zero line sits where the
    largest saving and the largest amount spent both fit.
    """
    years: list[int] = totals["years"]
    width, char, line_height = (WIDTH, WIDE_CHAR, WIDE_LINE + 2) if wide else (NARROW_WIDTH, NARROW_CHAR, NARROW_LINE)
    text_size = WIDE_TEXT if wide else NARROW_TEXT
    values = [v for t in plan.themes for v in totals["sums"][t.id].values()]
    most_saved = max((-v for v in values if v < 0), default=Decimal(0))
    most_spent = max((v for v in values if v > 0), default=Decimal(0))
    span = (most_saved + most_spent) or Decimal(1)
    year_x = LABEL_WIDTH if wide else 0
    year_width = len("0000") * char + 8
    amount_width = max((len(_danish(v)) * char for v in values), default=0) + 8
    plot = width - year_x - year_width - amount_width
    zero = year_x + year_width + plot * float(most_saved / span)
    row_height, bar_height = (18, 12) if wide else (20, 14)
    rows: list[Row] = []
    y = float(TOP)
    for theme in plan.themes:
        lines = _wide_label_lines(theme.title) if wide else _label_lines(theme.title)
        first = y if wide else y + len(lines) * line_height + 2
        years_rows: list[YearBar] = []
        for position, year in enumerate(years):
            value = totals["sums"][theme.id][year]
            row_y = first + position * row_height
            bar_width = plot * float(abs(value) / span)
            years_rows.append(
                {
                    "year": year,
                    "amount": _danish(value),
                    "text_y": round(row_y + row_height / 2 + text_size * 0.35, 1),
                    "bar": {
                        "x": round(zero - bar_width if value < 0 else zero, 1),
                        "y": round(row_y + (row_height - bar_height) / 2, 1),
                        "width": round(max(bar_width, 0.5), 1),
                        "colour": colours[year],
                        "label": f"{theme.title}, {year}: {_danish(value)} (1.000 kr.){' besparelse' if value < 0 else ''}",
                    }
                    if value
                    else None,
                }
            )
        last = first + len(years) * row_height
        rows.append(
            {
                "lines": [{"text": line, "y": round(y + (n + 1) * line_height - 4, 1)} for n, line in enumerate(lines)],
                "years": years_rows,
                "zero_y1": round(first, 1),
                "zero_y2": round(last, 1),
            }
        )
        names_end = y + len(lines) * line_height + 2  # beside the bars (wide), a name may be the taller
        y = max(last, names_end) + 14
    return {
        "width": width,
        "height": round(y - 14 + TOP),
        "bar_height": bar_height,
        "zero": round(zero, 1),
        "year_x": year_x,
        "rows": rows,
        "scrolls": False,
    }
