"""The geometry the chart macros draw (``theme_overrides/partials/planspor/macros.html``), as types.

Three charts share these shapes: stacked bars (status per theme), a grid (the timeline) and grouped
bars (budget per theme and year), each drawn wide and again narrow for a phone. Keys one kind does not
use are left out of its dictionaries (``total=False``); the macros read only what their kind has.
"""

from __future__ import annotations

from typing import TypedDict


class Bar(TypedDict, total=False):
    x: float
    y: float
    width: float
    height: int
    colour: str
    label: str
    count: int
    text_colour: str
    count_x: float
    show_count: bool


class Cell(TypedDict):
    x: float
    width: float
    fill: str
    text_colour: str
    count: int
    label: str


class Line(TypedDict):
    text: str
    y: float


class Header(TypedDict):
    label: str
    x: float
    y: int


class YearBar(TypedDict):
    year: int
    amount: str
    text_y: float
    bar: Bar | None


class Row(TypedDict, total=False):
    label: str
    y: float
    bars: list[Bar]
    cells: list[Cell]
    total: int
    total_x: float
    lines: list[Line]
    bar_y: float
    cell_y: float
    text_y: float
    years: list[YearBar]
    zero_y1: float
    zero_y2: float


class Legend(TypedDict):
    label: str
    colour: str


class TableRow(TypedDict):
    label: str
    cells: list[str]


class NumbersTable(TypedDict):
    columns: list[str]
    rows: list[TableRow]


class Drawing(TypedDict, total=False):
    """A chart drawn for a phone: names above the bars."""

    width: int
    height: int
    bar_height: int
    cell_height: int
    zero: float
    year_x: float  # the budget chart: where each year's line begins (after the names, in the wide drawing)
    headers: list[Header]
    rows: list[Row]
    scrolls: bool


class Chart(TypedDict, total=False):
    id: str
    title: str
    description: str
    scroll_name: str
    width: int
    height: int
    bar_height: int
    cell_height: int
    label_width: int
    zero: float
    year_x: float
    headers: list[Header]
    rows: list[Row]
    narrow: Drawing
    legend: list[Legend]
    table: NumbersTable
