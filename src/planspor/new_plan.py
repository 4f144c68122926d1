"""`planspor ny-plan`: next year's udmøntningsplan starts from the current one.

A municipality adopts a new plan every year, and most of its items are the old plan's open ones.
By hand that means moving the plan's own facts into earlier_plans with the day it closed, writing
the new plan's, and giving every item of the old plan an explicit ``plans`` (an item without it
belongs to the current plan, so once the plan changes the old items would silently move along).
Forgetting one item moves it into the wrong plan without any error. Here it is one change, made as
text edits that keep every other line (plan_text.py), checked before anything is written and put
back if the project is not valid after (editing.save_change).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from .edit_checks import arg_problem, parse_day
from .editing import Change, load_valid, text_editor
from .located import title_too_long
from .model import AdoptedPlan, Item, Plan, plan_id
from .plan_keys import EARLIER_PLAN_OPTIONAL, TITLE_LENGTH, YEARS
from .problems import choices, suggest
from .project import PLAN_FILE
from .yaml_errors import without_invisible

PERIOD = "periode"  # the argument, as its errors name it
# The current plan's own facts: they move to its entry under earlier_plans. The rest of the plan
# block (municipality, data_as_of, decisions, ...) is the site's and stays.
MOVED = EARLIER_PLAN_OPTIONAL
# What the editor writes for the new plan; the command removes the old plan's from the plan block.
LEFT_FOR_THE_EDITOR = {"case_number": "sagsnummer", "introduction": "indledning", "adopted_by": "vedtagelse"}
_PERIOD_TEXT = re.compile(r"^\s*(\d{4})\s*-\s*(\d{4})\s*$")


@dataclass(frozen=True)
class NewPlanRequest:
    """What the editor asked for: the new period, and optionally a title, the closing day and the items."""

    period: str
    title: str | None = None
    closed: str | None = None  # --lukket; default plan.data_as_of
    only: str | None = None  # --kun: comma-separated ids; default every open item


@dataclass(frozen=True)
class NewPlan:
    """The change, with its short summary as messages, and the full account the dry run prints."""

    change: Change
    details: list[str]


def plan_new_plan(root: Path, request: NewPlanRequest) -> NewPlan:
    """The change that starts the plan ``request.period`` from the current one (see the module's docstring)."""
    valid = load_valid(root)
    plan = valid.plan
    old = plan.current_plan
    assert old is not None  # a valid plan has a current plan
    start, end = _period(request.period, plan)
    new = plan_id(start, end)
    title = _title(request.title, new)
    items = plan.items_of(old)
    carried = _carried(request.only, plan, old, items)
    closed = _closed(request.closed, plan)
    left = [item for item in items if item not in carried]

    editor = text_editor(valid)
    block = editor.plan_block()
    written = {key: editor.pair_text(block, key) for key in ("title", "period", *MOVED)}
    pairs = [written["title"], written["period"], f"closed: {closed.isoformat()}", *(written[key] for key in MOVED if _has(old, key))]
    entry = [pair for pair in pairs if pair is not None]
    editor.append_earlier_plan(entry)
    editor.set_plan_field("title", title, after="title")
    editor.set_plan_field("period", {"start": start, "end": end}, after="period")
    editor.set_plan_field("budget_agreement", f"Budgetaftale {new}", after="period")
    for key in LEFT_FOR_THE_EDITOR:
        editor.remove_plan_field(key)
    editor.add_plans({item.id: (*item.plans, new) for item in carried} | {item.id: item.plans for item in left})

    removed = [f"{name} ({key})" for key, name in LEFT_FOR_THE_EDITOR.items() if written[key] is not None]
    messages = [
        f"Ny plan: {title} ({new}) er nu den gældende plan.",
        f"  {PLAN_FILE}: {old.title} ({old.id}) står nu sidst under earlier_plans, lukket {closed.isoformat()}",
        f"  {PLAN_FILE}: {_count(len(carried))} ført videre til {new}, {_count(len(left))} blevet i {old.id} (hver nævner nu sine planer under plans:)",
    ]
    if removed:
        messages.append(f"  Skriv den nye plans {_and(removed)} under plan: i {PLAN_FILE}; den gamle plans står nu under earlier_plans.")
    details = [
        f"{PLAN_FILE}: ny sidste plan under earlier_plans:",
        *(f"    {line}" for line in "\n".join(entry).split("\n")),
        f"{PLAN_FILE}: plan: bliver den nye plan:",
        f"    title: {title}",
        f"    period: {new}",
        f"    budget_agreement: Budgetaftale {new}",
    ]
    if removed:
        details.append(f"    fjernet: {_and(removed)} (står nu ved {old.id}; skriv den nye plans egne)")
    details.append(f"{_count(len(carried))} føres videre til {new} (får {new} sidst i plans:):")
    details += [f"    {item.id} ({item.status.label})" for item in carried]
    details.append(f"{_count(len(left))} bliver i {old.id} (plans: slutter med {old.id}):")
    details += [f"    {item.id} ({item.status.label})" for item in left]
    return NewPlan(Change(editor.result(), messages, original=valid), details)


def _has(plan: AdoptedPlan, key: str) -> bool:
    """Whether the current plan says something under ``key``: an empty one is not carried along."""
    return bool(getattr(plan, key))


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} og {parts[-1]}"


def _count(count: int) -> str:
    return f"{count} indsats" if count == 1 else f"{count} indsatser"


def _period(text: str, plan: Plan) -> tuple[int, int]:
    """The new plan's first and last year, from '2025-2028'; a period the site already has is refused."""
    current = plan.current_plan
    assert current is not None
    example = plan_id(current.period_start + 1, current.period_end + 1)
    match = _PERIOD_TEXT.match(text)
    if match is None:
        raise arg_problem(PERIOD, f"Perioden '{text}' er ikke to årstal med en bindestreg imellem. Skriv den nye plans første og sidste år, fx {example}.")
    start, end = int(match[1]), int(match[2])
    for year in (start, end):
        if year not in YEARS:
            raise arg_problem(PERIOD, f"Året {year} er ikke et årstal. Skriv årstal mellem {YEARS.start} og {YEARS.stop - 1}, fx {example}.")
    if end < start:
        raise arg_problem(PERIOD, f"Perioden slutter ({end}) før den begynder ({start}). Skriv det første år først, fx {example}.")
    ident = plan_id(start, end)
    if ident == current.id:
        raise arg_problem(PERIOD, f"{ident} er den nuværende plans periode. Skriv den nye plans periode, fx {example}.")
    if ident in {earlier.id for earlier in plan.plans}:
        raise arg_problem(
            PERIOD, f"Planen {ident} står allerede under earlier_plans. Hver periode kan kun have én plan; skriv den nye plans periode, fx {example}."
        )
    return start, end


def _title(text: str | None, ident: str) -> str:
    if text is None:
        return f"Udmøntningsplan {ident}"
    title = " ".join(without_invisible(text).split())
    if not title:
        raise arg_problem("--titel", f"Titlen er tom. Skriv den nye plans titel med --titel, eller udelad --titel for 'Udmøntningsplan {ident}'.")
    if len(title) > TITLE_LENGTH:
        raise arg_problem("--titel", title_too_long(title))
    return title


def _closed(text: str | None, plan: Plan) -> dt.date:
    """The old plan's last day: --lukket, or the day of the data; never after it, and after the plan before it closed."""
    as_of = plan.info.data_as_of
    if text is None:
        day = as_of
    else:
        day = parse_day(text, "--lukket")
        if day > as_of:
            raise arg_problem(
                "--lukket",
                f"Datoen {day.isoformat()} ligger efter planens data_as_of ({as_of.isoformat()}). Den gamle plan kan højst være lukket på datoen for data; "
                + f"ryk data_as_of frem i {PLAN_FILE} først, eller skriv en tidligere dato med --lukket ÅÅÅÅ-MM-DD.",
            )
    before = plan.plans[-2] if len(plan.plans) > 1 else None
    if before is not None and before.closed is not None and day <= before.closed:
        first = before.closed + dt.timedelta(days=1)
        if first > as_of:  # no day is left to close it on: the data must move on first
            raise arg_problem(
                "--lukket",
                f"Den nuværende plan blev gældende {first.isoformat()}, dagen efter at planen før den ({before.id}) blev lukket, men datoen for data "
                + f"(data_as_of) er {as_of.isoformat()}. Ryk data_as_of i {PLAN_FILE} frem til den sidste dag, den nuværende plan gælder, og prøv igen.",
            )
        raise arg_problem(
            "--lukket",
            f"Den nuværende plan kan ikke lukkes {day.isoformat()}: planen før den ({before.id}) var gældende til og med {before.closed.isoformat()}. "
            + f"Skriv en dato fra {first.isoformat()} med --lukket ÅÅÅÅ-MM-DD.",
        )
    return day


def _open(item: Item) -> bool:
    return not (item.status.finished or item.status.dropped)


def _carried(only: str | None, plan: Plan, old: AdoptedPlan, items: list[Item]) -> list[Item]:
    """The items the new plan takes over, in the file's order: the open ones, or those --kun names."""
    open_items = [item for item in items if _open(item)]
    if only is None:
        return open_items
    allowed = [item.id for item in open_items]
    what = f"Tilladt: de åbne indsatser i den nuværende plan ({old.id}): {choices(allowed)}." if allowed else "Den nuværende plan har ingen åbne indsatser."
    named = [part.strip() for part in only.split(",") if part.strip()]
    if not named:
        raise arg_problem("--kun", f"Skriv id'erne på de indsatser, der føres videre, adskilt af komma efter --kun, fx --kun {','.join(allowed[:2]) or 'id'}.")
    chosen: set[str] = set()
    for ident in named:
        item = plan.items_by_id.get(ident) or next((i for i in plan.items if ident in i.previous_ids), None)
        if item is None:
            raise arg_problem("--kun", f"Indsatsen '{ident}' findes ikke i planen.{suggest(ident, allowed)} {what}")
        if item not in items:
            raise arg_problem(
                "--kun",
                f"Indsatsen '{ident}' hører ikke til den nuværende plan ({old.id}), kun til {', '.join(item.plans)}, så den kan ikke føres videre. {what}",
                item.line,
            )
        if not _open(item):
            ended = "afsluttet" if item.status.finished else "udgået"
            raise arg_problem(
                "--kun",
                f"Indsatsen '{ident}' er {ended} (status '{item.status.label}'), så den føres ikke videre: kun åbne indsatser, hverken afsluttede eller udgåede, kan. {what}",
                item.line,
            )
        chosen.add(item.id)
    return [item for item in open_items if item.id in chosen]
