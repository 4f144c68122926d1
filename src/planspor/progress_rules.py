"""An item's milestones and indicators in data/plan.yaml, read and checked.

A milestone is a step with a planned period and, once reached, the day it was; an indicator is
a measure with a baseline, a target and dated measurements with their source. Neither changes the
item's status: the site computes notices from them (``progress``). Dates may not lie after the
plan's data_as_of; a target must lie after its baseline and point the way the indicator improves.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from .located import PlanReader, describe
from .money import thousands_separated
from .plan_keys import (
    BETTER,
    INDICATOR_OPTIONAL,
    INDICATOR_REQUIRED,
    MEASUREMENT_OPTIONAL,
    MEASUREMENT_REQUIRED,
    MILESTONE_OPTIONAL,
    MILESTONE_REQUIRED,
    READING_REQUIRED,
)
from .progress_model import Indicator, Measurement, Milestone, Reading
from .yamlsource import YList, YMap

UNIT_LENGTH = 40
# What a measured value may be: a number of a size one could mean (no 1e400, no .nan).
_LARGEST = Decimal("1e15")


def read_milestones(r: PlanReader, block: YMap, path: str, as_of: dt.date | None) -> tuple[Milestone, ...]:
    """items[].milestones in the order of their planned periods (as written where two share one)."""
    milestones = r.identified(
        block, "milestones", MILESTONE_REQUIRED, MILESTONE_OPTIONAL, lambda b, p, i: _milestone(r, b, p, i, as_of), "milepæl", prefix=path
    )
    return tuple(sorted(milestones.values(), key=lambda m: m.planned.sort_key))


def _milestone(r: PlanReader, block: YMap, path: str, ident: str, as_of: dt.date | None) -> Milestone | None:
    title = r.title(block, path, "milepælens titel")
    planned = r.period(block, "planned", path)
    reached = r.date(block, "reached", path)
    if reached is not None:
        _not_after(r, block, "reached", path, reached, as_of)
    if planned is None and "planned" in block and block["planned"] is None:
        r.problem(block.line_of("planned"), f"{path}.planned", "Skriv, hvornår milepælen er planlagt, fx planned: 2024-Q3.")
    if not title or planned is None:
        return None
    return Milestone(ident, title, planned, reached)


def read_indicators(r: PlanReader, block: YMap, path: str, as_of: dt.date | None) -> tuple[Indicator, ...]:
    """items[].indicators in file order."""
    indicators = r.identified(
        block, "indicators", INDICATOR_REQUIRED, INDICATOR_OPTIONAL, lambda b, p, i: _indicator(r, b, p, i, as_of), "indikator", prefix=path
    )
    return tuple(indicators.values())


def _indicator(r: PlanReader, block: YMap, path: str, ident: str, as_of: dt.date | None) -> Indicator | None:
    name = r.limited(
        block, "name", path, r.required_text(block, "name", path, "Navnet er tomt. Skriv, hvad der måles, fx 'CO2-udledning fra kommunens bygninger'.")
    )
    unit = r.required_text(block, "unit", path, "Enheden er tom. Skriv, hvad tallene tæller, fx 'ton', 'procent' eller 'elever'.")
    if len(unit) > UNIT_LENGTH:
        r.problem(
            block.line_of("unit"),
            f"{path}.unit",
            f"Enheden er {len(unit)} tegn; højst {UNIT_LENGTH}. Skriv kun enheden, fx 'ton CO2'; forklaringen hører til i navnet.",
        )
    higher = _better(r, block, path)
    baseline = _reading(r, block, "baseline", path, as_of=None)
    target = _reading(r, block, "target", path, as_of=None)
    measurements = _measurements(r, block, path, as_of)
    if baseline and target:
        _target_after_baseline(r, block, path, baseline, target, higher)
    if not (name and unit and higher is not None and baseline and target):
        return None
    return Indicator(ident, name, unit, higher, baseline, target, measurements)


def _better(r: PlanReader, block: YMap, path: str) -> bool | None:
    value = block.get("better")
    if value is None:
        return None
    if isinstance(value, str) and value.strip().lower() in BETTER:
        return BETTER[value.strip().lower()]
    r.problem(block.line_of("better"), f"{path}.better", f"Skriv 'højere' eller 'lavere': hvilken vej er bedre for indikatoren? Der står {describe(value)}.")
    return None


def _reading(r: PlanReader, block: YMap, key: str, path: str, as_of: dt.date | None) -> Reading | None:
    """indicators[].baseline or .target: {value, date}."""
    if block.get(key) is None:
        return None
    reading = r.mapping(block[key], block.line_of(key), f"{path}.{key}")
    if reading is None:
        return None
    r.fields(reading, f"{path}.{key}", READING_REQUIRED, [])
    value = read_value(r, reading, "value", f"{path}.{key}")
    day = r.date(reading, "date", f"{path}.{key}")
    if value is None or day is None:
        return None
    return Reading(value, day)


def _target_after_baseline(r: PlanReader, block: YMap, path: str, baseline: Reading, target: Reading, higher: bool | None) -> None:
    if target.date < baseline.date:
        r.problem(
            block.line_of("target"),
            f"{path}.target.date",
            f"Målet ({target.date.isoformat()}) ligger før udgangspunktet ({baseline.date.isoformat()}). Skriv målets dato på eller efter udgangspunktets.",
        )
    if higher is None or target.value == baseline.value or (target.value > baseline.value) == higher:
        return
    way = "højere" if higher else "lavere"
    r.problem(
        block.line_of("target"),
        f"{path}.target.value",
        f"Målet ({target.value}) er ikke {way} end udgangspunktet ({baseline.value}), men indikatoren har better: {way}. Ret målet, eller ret better.",
    )


def _measurements(r: PlanReader, block: YMap, path: str, as_of: dt.date | None) -> tuple[Measurement, ...]:
    value = block.get("measurements")
    if value is None:
        return ()
    if not isinstance(value, YList):
        r.problem(
            block.line_of("measurements"),
            f"{path}.measurements",
            f"'measurements' skal være en liste, hvor hver måling begynder med '- ', men der står {describe(value)}.",
        )
        return ()
    found: list[Measurement] = []
    seen: dict[dt.date, int] = {}
    for index, raw in enumerate(value):
        mpath = f"{path}.measurements[{index + 1}]"
        entry = r.mapping(raw, value.line_of(index), mpath)
        if entry is None:
            continue
        r.fields(entry, mpath, MEASUREMENT_REQUIRED, MEASUREMENT_OPTIONAL)
        day = r.date(entry, "date", mpath)
        number = read_value(r, entry, "value", mpath)
        source = r.required_text(entry, "source", mpath, "Kilden er tom. Skriv, hvor tallet kommer fra, fx 'Energiregnskab 2024'.")
        url = r.link(entry, "url", mpath)
        if day is None or number is None or not source:
            continue
        _not_after(r, entry, "date", mpath, day, as_of)
        if day in seen:
            r.problem(
                entry.line_of("date"),
                f"{mpath}.date",
                f"Der er allerede en måling {day.isoformat()} i linje {seen[day]}. Én måling pr. dag: ret datoen, eller slet den ene.",
            )
            continue
        seen[day] = entry.line_of("date")
        found.append(Measurement(day, number, source, url))
    return tuple(sorted(found, key=lambda m: m.date))


def read_value(r: PlanReader, block: YMap, key: str, path: str) -> Decimal | None:
    """A measured number: point as the decimal sign (as in the budget), no thousands separator."""
    value: Any = block.get(key)
    if value is None:
        return None
    line, written = block.line_of(key), (block.written(key) or str(value)).strip()
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        r.problem(line, f"{path}.{key}", f"Her skal stå et tal, fx 3900 eller 12.5, men der står {describe(value)}.")
        return None
    if thousands_separated(written):
        r.problem(line, f"{path}.{key}", thousands_message(written))
        return None
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        hint = f" Skriv {written.replace(',', '.')}: punktum er decimaltegn i planfilen." if "," in written else ""
        r.problem(line, f"{path}.{key}", f"Her skal stå et tal, men der står {describe(value)}.{hint}")
        return None
    if not number.is_finite() or abs(number) >= _LARGEST:
        r.problem(line, f"{path}.{key}", f"Der står {written}, som ikke kan være en måling. Skriv et almindeligt tal, fx 3900 eller 12.5.")
        return None
    return number


def thousands_message(written: str) -> str:
    """What validation and `planspor måling` say of a number written with a thousands separator."""
    return f"Der står {written}. Skriv tallet uden tusindtalspunktum, fx {written.replace('.', '')} (punktum er decimaltegn: 12,5 skrives 12.5)."


def _not_after(r: PlanReader, block: YMap, key: str, path: str, day: dt.date, as_of: dt.date | None) -> None:
    if as_of is not None and day > as_of:
        r.problem(
            block.line_of(key),
            f"{path}.{key}",
            f"Datoen {day.isoformat()} ligger efter planens 'data_as_of' ({as_of.isoformat()}). Ret datoen, eller ryk data_as_of frem.",
        )
