"""Milestones and indicators (issue 19): what was reached and what was measured, beside the status.

The bundled plan has milestones on three items and indicators on three. On the built site an item
with milestones lists them in planned order with "2 af 5 milepæle nået", the next one stands in
every table, a milestone not reached by the end of its planned period gets a notice beside the
status (never changing it) and is counted on the overview. The rules of "på rette vej" are pure
and tested here for the cases the issue names. Every new field has bad-input cases.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import BuiltSite
from test_validation import Case, assert_reported

from planspor.progress import Track, expected_on, standing
from planspor.progress_model import Indicator, Measurement, Reading

PLAN = "data/plan.yaml"
SCHOOLS = "/indsatser/renovering-af-skolebygninger/"


def text_of(element: object) -> str:
    return " ".join(element.get_text(" ", strip=True).split()) if element is not None else ""  # type: ignore[attr-defined]


# -- the built site -----------------------------------------------------------------


def test_an_item_lists_its_milestones_in_order_with_what_is_reached(bundled_site: BuiltSite) -> None:
    section = bundled_site.soup(SCHOOLS).select_one("section.ps-milestones")
    assert section is not None
    assert text_of(section.select_one(".ps-milestones__count")) == "2 af 5 milepæle nået ."
    entries = section.select("li.ps-milestone")
    assert [text_of(li.select_one(".ps-milestone__title")) for li in entries] == [
        "Tilstandsvurdering af alle skoler",
        "Prioriteringsplan godkendt i udvalget",
        "Udbud af første etape",
        "Første etape færdig",
        "Anden etape færdig",
    ]
    states = [next(c for c in li["class"] if c.startswith("ps-milestone--")) for li in entries]
    assert states == ["ps-milestone--reached", "ps-milestone--reached", "ps-milestone--late", "ps-milestone--later", "ps-milestone--later"]
    assert text_of(entries[0].select_one(".ps-milestone__when")) == "Planlagt: 1. kvartal 2024. Nået 20. marts 2024 ."
    assert entries[0].time["datetime"] == "2024-03-20"  # type: ignore[index]
    assert text_of(entries[2].select_one(".ps-milestone__state")) == "Ikke nået til tiden"


def test_the_next_milestone_is_named_when_none_is_late(bundled_site: BuiltSite) -> None:
    entries = bundled_site.soup("/indsatser/cykelstier-mellem-byerne/").select("section.ps-milestones li.ps-milestone")
    assert [text_of(li.select_one(".ps-milestone__state")) for li in entries] == ["", "Næste milepæl", ""]


def test_a_late_milestone_is_a_notice_beside_the_status_never_a_new_status(bundled_site: BuiltSite) -> None:
    page = bundled_site.soup(SCHOOLS)
    assert text_of(page.select_one(".ps-item__status .ps-badge")).startswith("Forsinket")  # the status the editor set
    notices = [text_of(li) for li in page.select("ul.ps-flags li")]
    assert 'Milepælen "Udbud af første etape" er ikke nået til den planlagte tid.' in notices


def test_tables_show_the_next_milestone_and_the_late_flag(bundled_site: BuiltSite) -> None:
    row = next(
        tr for tr in bundled_site.soup("/udvalg/boerne-og-ungdomsudvalget/").select("tbody tr") if tr.select_one("a[href$='renovering-af-skolebygninger/']")
    )
    assert text_of(row.select_one("td[data-label=Tidspunkt] .ps-muted")) == "Næste milepæl: Udbud af første etape (3. kvartal 2024)"
    assert "milepæl overskredet" in [text_of(flag) for flag in row.select(".ps-row-flag")]


def test_the_overview_counts_the_items_with_a_late_milestone(bundled_site: BuiltSite) -> None:
    flags = text_of(bundled_site.soup("/").select_one(".ps-progress__flags"))
    assert flags.endswith("1 har en milepæl, der ikke er nået til tiden.")


def test_an_item_without_milestones_has_no_section(bundled_site: BuiltSite) -> None:
    assert bundled_site.soup("/indsatser/budget-i-balance/").select_one("section.ps-milestones") is None


# -- på rette vej: the line from baseline to target --------------------------------


def indicator(
    *measured: tuple[str, str], better: str = "lavere", baseline: tuple[str, str] = ("100", "2024-01-01"), target: tuple[str, str] = ("50", "2025-01-01")
) -> Indicator:
    def reading(pair: tuple[str, str]) -> Reading:
        return Reading(Decimal(pair[0]), dt.date.fromisoformat(pair[1]))

    measurements = tuple(Measurement(dt.date.fromisoformat(day), Decimal(value), "kilde") for value, day in measured)
    return Indicator("i", "Indikator", "enheder", better == "højere", reading(baseline), reading(target), measurements)


def test_no_measurement_yet_says_nothing_of_the_track() -> None:
    result = standing(indicator())
    assert (result.track, result.latest, result.expected) == (Track.NO_MEASUREMENT, None, None)
    assert result.track.value == "Ingen målinger endnu"


def test_on_and_off_the_line_between_baseline_and_target() -> None:
    # Halfway through 2024 (182 of 366 days) the line stands at 100 - 50 * 182/366 ≈ 75.1
    assert expected_on(indicator(), dt.date(2024, 7, 1)).quantize(Decimal("0.1")) == Decimal("75.1")
    assert standing(indicator(("75", "2024-07-01"))).track is Track.ON_TRACK
    assert standing(indicator(("76", "2024-07-01"))).track is Track.OFF_TRACK
    assert standing(indicator(("76", "2024-07-01"), better="højere", baseline=("50", "2024-01-01"), target=("100", "2025-01-01"))).track is Track.ON_TRACK


def test_a_measurement_after_the_target_date_is_held_against_the_target() -> None:
    assert standing(indicator(("60", "2025-06-30"))).track is Track.MISSED
    assert standing(indicator(("50", "2025-06-30"))).track is Track.REACHED
    assert Track.MISSED.value == "Målet er ikke nået"


def test_baseline_and_target_on_the_same_date() -> None:
    same = {"baseline": ("100", "2024-01-01"), "target": ("50", "2024-01-01")}
    assert standing(indicator(("70", "2024-06-30"), **same)).track is Track.MISSED  # type: ignore[arg-type]
    assert standing(indicator(("40", "2024-06-30"), **same)).track is Track.REACHED  # type: ignore[arg-type]
    assert standing(indicator(("70", "2023-06-30"), **same)).track is Track.ON_TRACK  # type: ignore[arg-type]  # before both: held against the baseline


def test_the_target_reached_early_is_reached() -> None:
    assert standing(indicator(("95", "2024-02-01"), ("49", "2024-03-01"))).track is Track.REACHED


def test_the_latest_measurement_counts() -> None:
    assert standing(indicator(("40", "2024-02-01"), ("99", "2024-12-01"))).track is Track.OFF_TRACK


# -- bad input ----------------------------------------------------------------------


def in_block(start: str, old: str, new: str) -> Callable[[Path], int]:
    """Replace the first ``old`` after ``start``; the message names the line ``old`` was on."""

    def apply(project: Path) -> int:
        path = project / PLAN
        text = path.read_text(encoding="utf-8")
        at = text.index(old, text.index(start))
        path.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")
        return text.count("\n", 0, at) + 1

    return apply


SCHOOL_ITEM = "  - id: renovering-af-skolebygninger\n"
ENERGY = "      - id: energiforbrug\n"
MILESTONE = r"\[items\[renovering-af-skolebygninger\]\.milestones\[1\]"
INDICATOR = r"\[items\[energistyring-i-kommunale-bygninger\]\.indicators\[1\]"


def reached_after_data_as_of(project: Path) -> int:
    return in_block(SCHOOL_ITEM, "        reached: 2024-03-20\n", "        reached: 2024-12-20\n")(project)


CASES = [
    Case(
        "milestone without a planned time",
        lambda p: in_block(SCHOOL_ITEM, "        planned: 2024-Q1\n", "")(p) - 2,
        MILESTONE + r"\.planned\]: Feltet 'planned' mangler",
    ),
    Case(
        "milestone planned as words",
        in_block(SCHOOL_ITEM, "        planned: 2024-Q1\n", "        planned: Q1 2024\n"),
        MILESTONE + r"\.planned\]: Ugyldigt tidspunkt",
    ),
    Case(
        "milestone reached after data_as_of",
        reached_after_data_as_of,
        MILESTONE + r"\.reached\]: Datoen 2024-12-20 ligger efter planens 'data_as_of' \(2024-10-01\)",
    ),
    Case("milestone reached as yes", in_block(SCHOOL_ITEM, "        reached: 2024-03-20\n", "        reached: ja\n"), MILESTONE + r"\.reached\]: Ugyldig dato"),
    Case(
        "milestone id used twice",
        in_block(SCHOOL_ITEM, "      - id: prioriteringsplan\n", "      - id: tilstandsvurdering\n"),
        r"\[items\[renovering-af-skolebygninger\]\.milestones\[2\]\.id\]: Milepæl-id'et 'tilstandsvurdering' er allerede brugt i linje \d+",
    ),
    Case(
        "milestone without a title",
        lambda p: in_block(SCHOOL_ITEM, "        title: Tilstandsvurdering af alle skoler\n", "")(p) - 1,
        MILESTONE + r"\.title\]: Feltet 'title' mangler",
    ),
    Case(
        "indicator's better as a word of its own",
        in_block(ENERGY, "        better: lavere\n", "        better: ned\n"),
        INDICATOR + r"\.better\]: Skriv 'højere' eller 'lavere'.*'ned'",
    ),
    Case(
        "indicator's target before its baseline",
        in_block(ENERGY, "        target: {value: 22000, date: 2025-12-31}\n", "        target: {value: 22000, date: 2022-12-31}\n"),
        INDICATOR + r"\.target\.date\]: Målet \(2022-12-31\) ligger før udgangspunktet \(2023-12-31\)",
    ),
    Case(
        "indicator's target the wrong way",
        in_block(ENERGY, "        target: {value: 22000, date: 2025-12-31}\n", "        target: {value: 26000, date: 2025-12-31}\n"),
        INDICATOR + r"\.target\.value\]: Målet \(26000\) er ikke lavere end udgangspunktet \(24500\), men indikatoren har better: lavere",
    ),
    Case(
        "indicator without a baseline",
        lambda p: in_block(ENERGY, "        baseline: {value: 24500, date: 2023-12-31}\n", "")(p) - 4,
        INDICATOR + r"\.baseline\]: Feltet 'baseline' mangler",
    ),
    Case(
        "indicator with a long unit",
        in_block(ENERGY, "        unit: MWh\n", "        unit: megawatttimer målt på alle kommunens bygninger samlet\n"),
        INDICATOR + r"\.unit\]: Enheden er \d+ tegn; højst 40",
    ),
    Case(
        "measurement with a thousands separator",
        in_block(ENERGY, "value: 23600,", "value: 23.600,"),
        INDICATOR + r"\.measurements\[2\]\.value\]: Der står 23\.600\. Skriv tallet uden tusindtalspunktum, fx 23600",
    ),
    Case(
        "measurement with a decimal comma",  # written as a block: the value is on the line after the date
        lambda p: (
            1
            + in_block(
                ENERGY,
                "          - {date: 2024-06-30, value: 23600, source: Energiregnskab 2. kvartal 2024}\n",
                "          - date: 2024-06-30\n            value: 23600,5\n            source: Energiregnskab\n",
            )(p)
        ),
        INDICATOR + r"\.measurements\[2\]\.value\]: Her skal stå et tal, men der står '23600,5'\. Skriv 23600\.5",
    ),
    Case(
        "measurement without a source",
        in_block(ENERGY, ", source: Energiregnskab 2. kvartal 2024}", "}"),
        INDICATOR + r"\.measurements\[2\]\.source\]: Feltet 'source' mangler",
    ),
    Case(
        "two measurements on one day",
        in_block(ENERGY, "{date: 2024-06-30, value: 23600", "{date: 2024-03-31, value: 23600"),
        INDICATOR + r"\.measurements\[2\]\.date\]: Der er allerede en måling 2024-03-31 i linje \d+",
    ),
    Case(
        "measurement after data_as_of",
        in_block(ENERGY, "{date: 2024-06-30, value: 23600", "{date: 2024-12-30, value: 23600"),
        INDICATOR + r"\.measurements\[2\]\.date\]: Datoen 2024-12-30 ligger efter",
    ),
    Case(
        "measurement source link not a web address",
        in_block(ENERGY, "source: Energiregnskab 2. kvartal 2024}", "source: Energiregnskab, url: energi.xlsx}"),
        INDICATOR + r"\.measurements\[2\]\.url\]: Linket skal være en hel webadresse",
    ),
]


@pytest.mark.parametrize("bad", CASES, ids=lambda c: c.name)
def test_bad_progress_gets_a_clear_danish_message(project: Path, bad: Case) -> None:
    assert_reported(project, bad)
