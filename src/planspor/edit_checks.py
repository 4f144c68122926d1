"""Checking what an editor asks for, before anything is written.

An editing command names an item, a status, a committee, a date or a timing
on the command line or in a spreadsheet cell. Each is checked against the
valid plan here, and a refusal says in Danish what was wrong and what is
allowed (with a suggestion for a typo), naming the argument to fix.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from .model import Item, Plan, Status
from .periods import Period, PeriodError, parse_date_text, parse_period
from .problems import PlanInvalid, Problem, choices, suggest
from .project import PLAN_FILE
from .slugs import ID_LENGTH, id_from


def arg_problem(field_name: str, message: str, line: int | None = None) -> PlanInvalid:
    return PlanInvalid([Problem(PLAN_FILE, line, field_name, message)])


def find_item(plan: Plan, ident: str, field_name: str = "id") -> tuple[Item, str]:
    """The item with this id or previous id, and a note when it was a previous one."""
    item = plan.items_by_id.get(ident)
    if item is not None:
        return item, ""
    for candidate in plan.items:
        if ident in candidate.previous_ids:
            return candidate, f"'{ident}' er et tidligere id. Indsatsen hedder nu '{candidate.id}', og ændringen er gemt på den."
    known = [i.id for i in plan.items] + [p for i in plan.items for p in i.previous_ids]
    raise arg_problem(field_name, f"Indsatsen '{ident}' findes ikke i planen.{suggest(ident, known)} Se id'erne under 'items:' i {PLAN_FILE}.")


def find_status(plan: Plan, ident: str, field_name: str = "status") -> Status:
    for status in plan.statuses:
        if ident in (status.id, status.label) or ident.casefold() == status.label.casefold():
            return status
    ids = [s.id for s in plan.statuses]
    raise arg_problem(field_name, f"Ukendt status '{ident}'.{suggest(ident, ids)} Tilladt: {', '.join(ids)}.")


def parse_day(text: str | None, field_name: str = "--dato") -> dt.date:
    if not text:
        return dt.date.today()
    try:
        return parse_date_text(text)
    except PeriodError as error:
        raise arg_problem(field_name, f"Ugyldig dato: {error}.") from None


def parse_timing(text: str, field_name: str) -> Period:
    """--start or --slut; only --slut may be "løbende"."""
    try:
        return parse_period(text, end=field_name == "--slut")
    except PeriodError as error:
        raise arg_problem(field_name, f"Ugyldigt tidspunkt: {error}.") from None


def date_problems(plan: Plan, day: dt.date, item: Item | None, field_name: str = "--dato") -> list[str]:
    """Why a history entry on `day` would not fit the plan, in Danish (empty: it fits)."""
    found = []
    as_of = plan.info.data_as_of
    if day > as_of:
        found.append(
            f"Datoen {day.isoformat()} ligger efter planens data_as_of ({as_of.isoformat()}). "
            f"Ryk data_as_of frem i {PLAN_FILE} først, eller angiv en tidligere dato med {field_name} ÅÅÅÅ-MM-DD."
        )
    if item is not None and item.history and day < item.history[-1].date:
        last = item.history[-1].date.isoformat()
        found.append(f"Datoen {day.isoformat()} ligger før det seneste punkt i historikken for '{item.id}' ({last}). Historikken skal stå i datoorden.")
    return found


def check_ref(value: str, known: Sequence[str], field_name: str, what: str) -> str:
    if value in known:
        return value
    raise arg_problem(field_name, f"Ukendt {what} '{value}'.{suggest(value, known)} Tilladt: {choices(known)}.")


def all_ids(plan: Plan) -> set[str]:
    return {i.id for i in plan.items} | {p for i in plan.items for p in i.previous_ids}


def fresh_id(title: str, taken: set[str]) -> str:
    """The id a title makes (within ID_LENGTH), with -2, -3, ... when it is taken."""
    base = id_from(title) or "indsats"
    candidate, number = base, 2
    while candidate in taken:
        suffix = f"-{number}"
        candidate, number = id_from(base, ID_LENGTH - len(suffix)) + suffix, number + 1
    return candidate
