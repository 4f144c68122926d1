"""The plans of the site, read and checked: the current one (the plan block) and earlier_plans.

A municipality adopts a new udmøntningsplan every year. The plan block describes the current one;
earlier_plans keeps each one before it as it was, with the day it was replaced (``closed``). An
item names the plans it belongs to by their ids, their periods (``plans: [2024-2027, 2025-2028]``);
an item that names none belongs to the current plan, so a file with one plan needs no 'plans' at all.
"""

from __future__ import annotations

import datetime as dt

from .corrections import Correction
from .located import PlanReader
from .model import AdoptedPlan, Decision, PlanInfo, plan_id
from .plan_keys import CORRECTION_REQUIRED, EARLIER_PLAN_OPTIONAL, EARLIER_PLAN_REQUIRED, PERIOD_REQUIRED, YEARS
from .yamlsource import YMap

ONE_DAY = dt.timedelta(days=1)


def read_period(r: PlanReader, block: YMap, path: str) -> tuple[int, int]:
    """``period``'s first and last year (0 where missing or wrong); the end may not come first."""
    period = r.mapping(block.get("period"), block.line_of("period"), f"{path}.period") if "period" in block else None
    if period is None:
        return 0, 0
    r.fields(period, f"{path}.period", PERIOD_REQUIRED, [])
    start = _year(r, period, "start", f"{path}.period")
    end = _year(r, period, "end", f"{path}.period")
    if start and end and end < start:
        r.problem(period.line_of("end"), f"{path}.period.end", f"Perioden slutter ({end}) før den begynder ({start}).")
    return start, end


def _year(r: PlanReader, period: YMap, key: str, path: str) -> int:
    year = r.typed(period, key, path, int, 0)
    if type(period.get(key)) is int and year not in YEARS:
        r.problem(period.line_of(key), f"{path}.{key}", f"Året {year} er ikke et årstal. Skriv et årstal mellem {YEARS.start} og {YEARS.stop - 1}, fx 2027.")
        return 0
    return year


def adopted_by(r: PlanReader, block: YMap, path: str, register: dict[str, Decision]) -> tuple[Decision, ...]:
    """The decisions that adopted a plan: ids of decisions in the register (plan.decisions)."""
    return r.refs(block, "adopted_by", path, register, "beslutning")


def read_plans(r: PlanReader, root: YMap, info: PlanInfo | None, register: dict[str, Decision]) -> tuple[AdoptedPlan, ...]:
    """Every plan, oldest first, the current one last; () when the plan block could not be read."""
    earlier = _earlier_plans(r, root, register, info.data_as_of if info else None)
    if info is None or not (info.period_start and info.period_end):
        return ()  # the period is reported where it is written; items' plans are not checked against a plan with no id
    current = AdoptedPlan(
        id=plan_id(info.period_start, info.period_end),
        title=info.title,
        period_start=info.period_start,
        period_end=info.period_end,
        budget_agreement=info.budget_agreement,
        case_number=info.case_number,
        introduction=info.introduction,
        adopted_by=info.adopted_by,
        opened=earlier[-1].closed + ONE_DAY if earlier and earlier[-1].closed else None,
    )
    for line in [line for ident, line in _lines(root) if ident == current.id]:
        r.problem(
            line,
            "earlier_plans.period",
            f"Planen {current.id} er den nuværende plan (plan.period), så den kan ikke også stå under earlier_plans. "
            + "Et id for en plan er dens periode, og hver periode kan kun have én plan.",
        )
    return (*earlier, current)


def _earlier_plans(r: PlanReader, root: YMap, register: dict[str, Decision], as_of: dt.date | None) -> list[AdoptedPlan]:
    plans: list[AdoptedPlan] = []
    seen: dict[str, int] = {}
    for block, path, line in r.entries(root, "earlier_plans", required=False):
        r.fields(block, path, EARLIER_PLAN_REQUIRED, EARLIER_PLAN_OPTIONAL)
        start, end = read_period(r, block, path)
        closed = r.date(block, "closed", path)
        title = r.limited(block, "title", path, r.required_text(block, "title", path, "Titlen er tom. Skriv planens titel, fx Udmøntningsplan 2024-2027."))
        decisions = adopted_by(r, block, path, register)
        corrections = read_corrections(r, block, path)
        if not (start and end and closed):
            continue
        ident = plan_id(start, end)
        if ident in seen:
            r.problem(line, f"{path}.period", f"Planen {ident} står allerede i linje {seen[ident]}. Hver periode kan kun have én plan.")
            continue
        seen[ident] = line
        if plans and plans[-1].closed and closed <= plans[-1].closed:
            r.problem(
                block.line_of("closed"),
                f"{path}.closed",
                f"Planen {ident} er lukket {closed.isoformat()}, men planen før den i listen ({plans[-1].id}) først {plans[-1].closed.isoformat()}. "
                + "Skriv de tidligere planer i den rækkefølge, de gjaldt, den ældste først.",
            )
            continue
        if as_of is not None and closed > as_of:  # the same day is allowed: `planspor ny-plan` closes the old plan on data_as_of
            r.problem(
                block.line_of("closed"),
                f"{path}.closed",
                f"Planen {ident} er lukket {closed.isoformat()}, men datoen for data (plan.data_as_of) er {as_of.isoformat()}. "
                + "Skriv den sidste dag, planen var den gældende; den ligger senest på datoen for data, for den nuværende plan gælder nu.",
            )
        opened = plans[-1].closed + ONE_DAY if plans and plans[-1].closed else None
        plans.append(
            AdoptedPlan(
                ident,
                title,
                start,
                end,
                r.text(block, "budget_agreement", path),
                r.text(block, "case_number", path),
                r.text(block, "introduction", path),
                decisions,
                closed,
                opened,
                corrections,
            )
        )
    return plans


def read_corrections(r: PlanReader, block: YMap, path: str) -> tuple[Correction, ...]:
    """An earlier plan's corrections: each with the day and a reason, since the plan's page shows both
    to say why the record of a closed plan was changed (see corrections.py)."""
    found: list[Correction] = []
    for entry, epath, _line in r.entries(block, "corrections", required=False):
        epath = f"{path}.{epath}"
        r.fields(entry, epath, CORRECTION_REQUIRED, [])
        day = r.date(entry, "date", epath)
        reason = r.required_text(
            entry,
            "reason",
            epath,
            "Begrundelsen er tom. Skriv, hvad der var forkert i planen, og hvad der er rettet, fx Afslutningsdatoen var skrevet forkert.",
        )
        if day is not None and reason:
            found.append(Correction(day, reason))
    return tuple(found)


def _lines(root: YMap) -> list[tuple[str, int]]:
    """Each earlier plan's id as written (its period) with its line, for the checks across plans."""
    found: list[tuple[str, int]] = []
    entries = root.get("earlier_plans")
    if not isinstance(entries, list):
        return found
    for index, block in enumerate(entries):
        period = block.get("period") if isinstance(block, YMap) else None
        if isinstance(period, YMap) and isinstance(period.get("start"), int) and isinstance(period.get("end"), int):
            found.append((plan_id(period["start"], period["end"]), entries.line_of(index)))  # type: ignore[attr-defined]
    return found
