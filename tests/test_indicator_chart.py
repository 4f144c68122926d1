"""An indicator's chart: the standing, the text alternative, the numbers table and the SVG's geometry.

Pure: the model objects are made here, no site is built. The edge cases the issue names (no
measurement yet, a measurement after the target's day, baseline and target on one day) and a few
more (equal values, a single measurement, negative numbers with decimals) each give a view the macro
can draw, with every point inside the plot; the macro is rendered with plain Jinja and read back.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from decimal import Decimal

import jinja2
import pytest
from bs4 import BeautifulSoup, Tag
from conftest import REPO

from planspor.contrast import contrast_ratio
from planspor.indicator_chart import IndicatorDrawing, IndicatorView, indicator_view, value_axis
from planspor.progress import Track, standing
from planspor.progress_model import Indicator, Measurement, Reading

D = dt.date


def energy(*measurements: Measurement) -> Indicator:
    """The bundled plan's energy indicator, with the measurements given."""
    return Indicator(
        "energiforbrug",
        "Energiforbrug i kommunens bygninger",
        "MWh",
        False,
        Reading(Decimal(24500), D(2023, 12, 31)),
        Reading(Decimal(22000), D(2025, 12, 31)),
        measurements,
    )


ENERGY_MEASURED = (
    Measurement(D(2024, 3, 31), Decimal(24300), "Energiregnskab 1. kvartal 2024"),
    Measurement(D(2024, 6, 30), Decimal(23600), "Energiregnskab 2. kvartal 2024", "https://eksempel.dk/energi?kvartal=2&år=2024"),
)

YOUTH = Indicator(
    "uddannelse-25-aar",
    "Andel af de 25-årige med en ungdomsuddannelse",
    "procent",
    True,
    Reading(Decimal("78.5"), D(2023, 12, 31)),
    Reading(Decimal(82), D(2027, 12, 31)),
    (Measurement(D(2024, 6, 30), Decimal("78.6"), "Ungdommens Uddannelsesvejlednings opgørelse juni 2024"),),
)

LATE = Indicator(  # measured after the target's day, and not as good as the target
    "sagsbehandlingstid",
    "Sagsbehandlingstid",
    "dage",
    False,
    Reading(Decimal(52), D(2024, 1, 1)),
    Reading(Decimal(40), D(2024, 9, 30)),
    (Measurement(D(2024, 4, 30), Decimal(47), "April"), Measurement(D(2024, 12, 31), Decimal(43), "December")),
)

SAME_DAY = Indicator("samme-dag", "Mål og udgangspunkt samme dag", "stk.", True, Reading(Decimal(10), D(2024, 6, 1)), Reading(Decimal(12), D(2024, 6, 1)))

EQUAL = Indicator(
    "lige",
    "Uændret antal",
    "elever",
    True,
    Reading(Decimal(100), D(2024, 1, 1)),
    Reading(Decimal(100), D(2026, 1, 1)),
    (Measurement(D(2024, 6, 1), Decimal(100), "Opgørelse"),),
)

NEGATIVE = Indicator(
    "netto",
    "Nettoudledning",
    "ton CO2",
    False,
    Reading(Decimal("-2.5"), D(2022, 1, 1)),
    Reading(Decimal("-1250.75"), D(2030, 12, 31)),
    (Measurement(D(2023, 1, 1), Decimal("-300.25"), "Klimaregnskab 2022"), Measurement(D(2024, 1, 1), Decimal("-410"), "Klimaregnskab 2023")),
)

ALL = {
    "energy": energy(*ENERGY_MEASURED),
    "no measurement": energy(),
    "one measurement": YOUTH,
    "after target": LATE,
    "same day": SAME_DAY,
    "same day, measured": Indicator(
        "samme-dag",
        "Samme dag",
        "stk.",
        True,
        Reading(Decimal(10), D(2024, 6, 1)),
        Reading(Decimal(12), D(2024, 6, 1)),
        (Measurement(D(2024, 6, 1), Decimal(11), "Tælling"),),
    ),
    "equal values": EQUAL,
    "all zero": Indicator("nul", "Nul", "fejl", False, Reading(Decimal(0), D(2024, 1, 1)), Reading(Decimal(0), D(2024, 2, 1))),
    "negative decimals": NEGATIVE,
    "twenty years": Indicator("lang", "Lang", "%", True, Reading(Decimal("0.5"), D(2010, 1, 1)), Reading(Decimal("0.75"), D(2030, 12, 31))),
}


def drawings(view: IndicatorView) -> list[IndicatorDrawing]:
    return [view["wide"], view["narrow"]]


# -- the standing and the words ---------------------------------------------------------------------


def test_the_bundled_energy_indicator_reads_in_danish() -> None:
    view = indicator_view(energy(*ENERGY_MEASURED))
    assert view["description"] == (
        "Energiforbrug i kommunens bygninger: udgangspunkt 24.500 MWh (31. december 2023), mål 22.000 MWh (31. december 2025), "
        "seneste måling 23.600 MWh (30. juni 2024): på rette vej."
    )
    assert (view["track"], view["track_key"], view["better"]) == ("På rette vej", "on_track", "Lavere er bedre")
    # the line from 24.500 to 22.000 gives 23.878 on 30 June 2024 (182 of 731 days)
    assert view["detail"] == "Seneste måling er 23.600 MWh (30. juni 2024). Efter det planlagte forløb skulle værdien den dag være højst 23.878 MWh."
    assert [(r["label"], r["date"], r["iso"], r["value"], r["source"]) for r in view["rows"]] == [
        ("Udgangspunkt", "31. december 2023", "2023-12-31", "24.500", ""),
        ("Måling", "31. marts 2024", "2024-03-31", "24.300", "Energiregnskab 1. kvartal 2024"),
        ("Måling", "30. juni 2024", "2024-06-30", "23.600", "Energiregnskab 2. kvartal 2024"),
        ("Mål", "31. december 2025", "2025-12-31", "22.000", ""),
    ]
    assert view["rows"][2]["url"] == "https://eksempel.dk/energi?kvartal=2&år=2024"
    assert [t["label"] for t in view["wide"]["value_ticks"]] == ["21.000", "22.000", "23.000", "24.000", "25.000"]


def test_decimals_are_written_with_a_comma() -> None:
    view = indicator_view(YOUTH)
    assert view["description"] == (
        "Andel af de 25-årige med en ungdomsuddannelse: udgangspunkt 78,5 procent (31. december 2023), mål 82 procent (31. december 2027), "
        "seneste måling 78,6 procent (30. juni 2024): ikke på rette vej."
    )
    assert [r["value"] for r in view["rows"]] == ["78,5", "78,6", "82"]
    assert (view["track_key"], view["better"]) == ("off_track", "Højere er bedre")
    assert view["detail"].endswith("skulle værdien den dag være mindst 78,9 procent.")  # 78,936…, to the values' one decimal


def test_no_measurement_yet() -> None:
    indicator = energy()
    assert standing(indicator).track is Track.NO_MEASUREMENT
    view = indicator_view(indicator)
    assert view["description"] == (
        "Energiforbrug i kommunens bygninger: udgangspunkt 24.500 MWh (31. december 2023), mål 22.000 MWh (31. december 2025), ingen målinger endnu."
    )
    assert (view["track"], view["track_key"], view["detail"]) == ("Ingen målinger endnu", "no_measurement", "")
    assert [r["kind"] for r in view["rows"]] == ["baseline", "target"]
    for g in drawings(view):
        assert g["measured"] == [] and g["measured_points"] == ""
        assert [e["kind"] for e in g["legend"]] == ["planned", "baseline", "target"], "no legend for what is not drawn"
        assert g["baseline"]["x"] < g["target"]["x"]


def test_a_measurement_after_the_target_date() -> None:
    assert standing(LATE).track is Track.MISSED
    view = indicator_view(LATE)
    assert view["track_key"] == "missed" and view["detail"] == ""
    assert view["description"].endswith("seneste måling 43 dage (31. december 2024): målet er ikke nået.")
    # the time axis runs on to the late measurement: it is the rightmost point, right of the target
    for g in drawings(view):
        late = g["measured"][-1]
        assert late["x"] > g["target"]["x"] > g["baseline"]["x"]
        assert late["x"] == max(p["x"] for p in [g["baseline"], g["target"], *g["measured"]])
        assert g["planned"]["x2"] == g["target"]["x"], "the planned course ends at the target"
    # the table keeps date order: the target's row comes before the measurement made after it
    assert [r["iso"] for r in view["rows"]] == ["2024-01-01", "2024-04-30", "2024-09-30", "2024-12-31"]
    assert [r["kind"] for r in view["rows"]] == ["baseline", "measurement", "target", "measurement"]


def test_baseline_and_target_on_the_same_day() -> None:
    assert standing(SAME_DAY).track is Track.NO_MEASUREMENT
    view = indicator_view(SAME_DAY)
    assert [r["kind"] for r in view["rows"]] == ["baseline", "target"], "on one day the baseline comes first"
    for g in drawings(view):
        # a range of no days becomes the year around the day: the day is in the middle, not at an edge
        middle = (g["plot_left"] + g["plot_right"]) / 2
        assert g["baseline"]["x"] == g["target"]["x"] == pytest.approx(middle, abs=2)
        assert "2024" in [y["label"] for y in g["year_labels"]], "30 November 2023 to 1 December 2024: December 2023 is narrow"
        assert g["baseline"]["y"] > g["target"]["y"], "12 is drawn above 10"


def test_baseline_target_and_measurement_on_the_same_day() -> None:
    indicator = ALL["same day, measured"]
    assert standing(indicator).track is Track.MISSED  # 11 on the target's day, the target was 12
    view = indicator_view(indicator)
    assert [r["kind"] for r in view["rows"]] == ["baseline", "measurement", "target"]
    assert view["description"].endswith("seneste måling 11 stk. (1. juni 2024): målet er ikke nået.")


def test_equal_values_get_an_axis_around_them() -> None:
    assert standing(EQUAL).track is Track.REACHED
    view = indicator_view(EQUAL)
    assert view["track"] == "Målet er nået"
    for g in drawings(view):
        labels = [t["label"] for t in g["value_ticks"]]
        assert 3 <= len(labels) <= 5 and len(set(labels)) == len(labels)
        ys = {g["baseline"]["y"], g["target"]["y"], g["measured"][0]["y"]}
        assert len(ys) == 1, "one value, one height"
        assert g["plot_top"] < ys.pop() < g["plot_bottom"], "and not on the plot's edge"


def test_a_single_measurement_is_a_dot_without_a_line() -> None:
    view = indicator_view(YOUTH)
    for g in drawings(view):
        assert len(g["measured"]) == 1
        assert g["measured_points"] == f"{g['measured'][0]['x']},{g['measured'][0]['y']}"
    soup = render(view)
    assert not soup.find_all("polyline")
    assert len(soup.select("svg circle[fill='#1B4F72']")) == 2 * 2, "the dot and the legend's sample, in each drawing"


def test_negative_values_and_decimals() -> None:
    view = indicator_view(NEGATIVE)
    assert view["description"] == (
        "Nettoudledning: udgangspunkt −2,5 ton CO2 (1. januar 2022), mål −1.250,75 ton CO2 (31. december 2030), "
        "seneste måling −410 ton CO2 (1. januar 2024): på rette vej."
    )
    assert [r["value"] for r in view["rows"]] == ["−2,5", "−300,25", "−410", "−1.250,75"]
    for g in drawings(view):
        labels = [t["label"] for t in g["value_ticks"]]
        assert labels[0].startswith("−") and "." in labels[0], labels  # −1.500 or so: a real minus, thousands with a point
        assert g["baseline"]["y"] < g["target"]["y"], "−2,5 is drawn above −1.250,75"


# -- the geometry -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ALL)
def test_every_point_is_inside_the_plot(name: str) -> None:
    indicator = ALL[name]
    view = indicator_view(indicator)
    json.dumps(view)  # the page's front matter is JSON
    for g in drawings(view):
        assert 0 < g["plot_left"] < g["plot_right"] <= g["width"]
        assert 0 < g["plot_top"] < g["plot_bottom"] < g["year_y"] < g["height"]
        points = [g["baseline"], g["target"], *g["measured"]]
        points += [{"x": g["planned"]["x1"], "y": g["planned"]["y1"], "label": ""}, {"x": g["planned"]["x2"], "y": g["planned"]["y2"], "label": ""}]
        for p in points:
            r = g["dot_radius"] + 1
            assert g["plot_left"] <= p["x"] - r and p["x"] + r <= g["plot_right"], (name, p)
            assert g["plot_top"] <= p["y"] <= g["plot_bottom"], (name, p)
        assert len(g["measured"]) == len(indicator.measurements)
        xs = [m["x"] for m in g["measured"]]
        assert xs == sorted(xs), "time runs left to right"
        # the value axis: 3 to 5 values, from the plot's bottom to its top, labels left of the plot
        ticks = g["value_ticks"]
        assert 3 <= len(ticks) <= 5, (name, ticks)
        assert ticks[0]["y"] == g["plot_bottom"] and ticks[-1]["y"] == g["plot_top"]
        assert [t["y"] for t in ticks] == sorted((t["y"] for t in ticks), reverse=True)
        char = 7.4 if g is view["wide"] else 8
        for t in ticks:
            assert g["value_label_x"] - len(t["label"]) * char >= 0, (name, t)
        # the years: at least one label, each inside the drawing, none overlapping
        labels = g["year_labels"]
        assert labels, name
        assert all(g["plot_left"] <= x <= g["plot_right"] for x in g["year_ticks"])
        assert all(2 * char <= y["x"] <= g["width"] - 2 * char for y in labels)
        assert all(b["x"] - a["x"] >= 4 * char for a, b in itertools.pairwise(labels)), (name, labels)
        # the legend: inside, under the years
        for entry in g["legend"]:
            assert entry["x"] >= 0 and entry["x"] + g["legend_text_x"] + len(entry["label"]) * char <= g["width"]
            assert g["year_y"] < entry["y"] < g["height"]


def test_the_wide_and_the_narrow_drawing() -> None:
    view = indicator_view(energy(*ENERGY_MEASURED))
    assert view["wide"]["width"] == 640 and view["narrow"]["width"] == 340
    assert [y["label"] for y in view["wide"]["year_labels"]] == ["2024", "2025"], "31 December 2023 alone gets no label"
    assert len({e["y"] for e in view["wide"]["legend"]}) == 1 and len({e["y"] for e in view["narrow"]["legend"]}) == 2


def test_twenty_years_label_every_few_years() -> None:
    g = indicator_view(ALL["twenty years"])["narrow"]
    years = [int(y["label"]) for y in g["year_labels"]]
    assert len(years) < 21 and len(set(b - a for a, b in itertools.pairwise(years))) == 1


@pytest.mark.parametrize(
    ("values", "ticks"),
    [
        (["24500", "22000", "23600"], ["21000", "22000", "23000", "24000", "25000"]),
        (["78.5", "82", "78.6"], ["78", "80", "82", "84"]),
        (["52", "40", "38"], ["35", "40", "45", "50", "55"]),
        (["100"], ["90", "95", "100", "105", "110"]),
        (["0"], ["0", "0.25", "0.5", "0.75", "1"]),
        (["-3", "4"], ["-5", "-2.5", "0", "2.5", "5"]),
        (["-3", "-40"], ["-60", "-40", "-20", "0"]),
    ],
)
def test_the_value_axis_has_round_steps(values: list[str], ticks: list[str]) -> None:
    low, high, step = value_axis([Decimal(v) for v in values])
    found = [low + step * n for n in range(int((high - low) / step) + 1)]
    assert found == [Decimal(t) for t in ticks]
    assert low < min(Decimal(v) for v in values) or low == 0
    assert high > max(Decimal(v) for v in values) or high == 0


def test_the_colours_stand_out_against_white() -> None:
    colours = indicator_view(YOUTH)["colours"]
    for key in ("measured", "planned", "target", "axis"):
        assert contrast_ratio(colours[key], "#FFFFFF") >= 3, key  # WCAG 1.4.11, non-text contrast
    assert len({colours["measured"], colours["planned"], colours["target"]}) == 3


# -- the macro ----------------------------------------------------------------------------------------


def render(view: IndicatorView) -> BeautifulSoup:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(REPO / "theme_overrides"), undefined=jinja2.StrictUndefined, autoescape=False)
    env.filters["url"] = lambda value: str(value)
    template = env.from_string('{% import "partials/planspor/indicator.html" as ind %}<h2>Indikatorer</h2>{{ ind.indicator(view) }}')
    return BeautifulSoup(template.render(view=view), "html.parser")


def test_the_macro_draws_the_chart_and_the_table() -> None:
    view = indicator_view(energy(*ENERGY_MEASURED))
    soup = render(view)
    assert not soup.find_all("script")
    figure = soup.find("figure", class_="ps-indicator")
    assert isinstance(figure, Tag) and figure.get("id") == "indikator-energiforbrug"
    assert figure.select_one("figcaption > h3").get_text() == "Energiforbrug i kommunens bygninger"
    track = figure.select_one("p.ps-indicator__track")
    assert track.get_text() == "På rette vej" and "ps-indicator__track--on_track" in track["class"]
    assert figure.select_one("p.ps-indicator__about").get_text().startswith("Lavere er bedre. Seneste måling er 23.600 MWh")

    # two drawings, wide and narrow; each an image named by the text alternative
    svgs = figure.find_all("svg")
    assert [s["class"][-1] for s in svgs] == ["ps-chart--wide", "ps-chart--narrow"]
    for svg in svgs:
        assert svg["role"] == "img"
        title = soup.find(id=svg["aria-labelledby"])
        assert title is not None and title.name == "title" and title.parent is svg
        assert title.get_text() == view["description"]
        assert len(svg.find_all("polyline")) == 1
        assert svg.find("line", attrs={"stroke-dasharray": True}) is not None, "the planned course is dashed"
        assert [t.get_text() for t in svg.find_all("text", class_="ps-chart__year")] == ["2024", "2025"]
        assert "MWh" in [t.get_text() for t in svg.find_all("text")]
    assert svgs[0].parent["role"] == "region" and svgs[0].parent["tabindex"] == "0"
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))

    # the table: the same numbers, in date order, with Danish numbers and the unit in the header
    table = figure.select_one("table.ps-table.ps-table--stack")
    assert table.caption.get_text() == "Energiforbrug i kommunens bygninger: tallene"
    assert [(th.get_text(), th.get("scope")) for th in table.select("thead th")] == [("Dato", "col"), ("Værdi (MWh)", "col"), ("Kilde", "col")]
    cells = [[td.get_text() for td in tr.find_all("td")] for tr in table.select("tbody tr")]
    assert cells == [
        ["31. december 2023", "24.500", "Udgangspunkt"],
        ["31. marts 2024", "24.300", "Energiregnskab 1. kvartal 2024"],
        ["30. juni 2024", "23.600", "Energiregnskab 2. kvartal 2024"],
        ["31. december 2025", "22.000", "Mål"],
    ]
    assert [time["datetime"] for time in table.find_all("time")] == ["2023-12-31", "2024-03-31", "2024-06-30", "2025-12-31"]
    assert all(td["data-label"] in ("Værdi (MWh)", "Kilde") for td in table.select("tbody td[data-label]"))
    (link,) = table.find_all("a")
    assert link["href"] == "https://eksempel.dk/energi?kvartal=2&år=2024" and link.get_text() == "Energiregnskab 2. kvartal 2024"


def test_the_macro_escapes_the_plan_text() -> None:
    indicator = Indicator("x", "Vand & <b>varme</b>", "m³", True, Reading(Decimal(1), D(2024, 1, 1)), Reading(Decimal(2), D(2025, 1, 1)))
    soup = render(indicator_view(indicator))
    assert soup.find("b") is None
    assert soup.select_one("figcaption h3").get_text() == "Vand & <b>varme</b>"
    assert soup.select_one("svg title").get_text().startswith("Vand & <b>varme</b>: udgangspunkt 1 m³")
    assert "ps-indicator__track--no_measurement" in soup.select_one("p.ps-indicator__track")["class"]
