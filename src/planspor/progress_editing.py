"""`planspor milepæl` and `planspor måling`: a milestone reached, an indicator measured.

Both start from the valid plan, check what they are asked against it (the item, the milestone or
indicator, the date by the same rule as validation: not after data_as_of), and describe the change
as text edits (progress_text.py); saving checks the new text as `planspor check` would
(editing.save_change). A date once written in ``reached:`` is never changed silently: giving another
is refused unless ``--ret`` says it is a correction. A value is read as a Dane types it on the
command line (78,6 or 78.6) and written as the plan file writes numbers (money.plan_number); a
thousands separator (23.600) is refused with the words validation uses for it in the file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

from .edit_checks import arg_problem, date_problems, find_item, parse_day
from .editing import Change, ValidPlan, load_valid
from .located import WEB_LINK, not_a_web_link
from .model import Item
from .money import danish_decimal, thousands_separated
from .plan_keys import ITEM_KEY_ORDER
from .problems import choices, suggest
from .progress_model import Indicator, Milestone
from .progress_rules import thousands_message
from .progress_text import ProgressTextEditor
from .project import PLAN_FILE
from .yaml_errors import without_invisible

T = TypeVar("T", Milestone, Indicator)

# The arguments, as the messages name them.
MILESTONE = "milepæl-id"
INDICATOR = "indikator-id"
VALUE = "værdi"
_NUMBER = re.compile(r"[-+]?\d+(?:[.,]\d+)?")
_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2013": "-"})  # a minus sign or an en dash pasted from Word


def _editor(valid: ValidPlan) -> ProgressTextEditor:
    return ProgressTextEditor(valid.plan_yaml, ITEM_KEY_ORDER)


def _unchanged(valid: ValidPlan, notice: str) -> Change:
    """Nothing to write: the plan as it is, and why."""
    return Change(valid.file.text, [], original=valid, notices=[notice])


# -- milepæl ------------------------------------------------------------------------


def plan_milestone(root: Path, ident: str, milestone_id: str, day_text: str | None = None, correct: bool = False) -> Change:
    """The change that records milestone ``milestone_id`` of item ``ident`` as reached (see the module's docstring).

    The milestone already reached on that day is no change (no messages, a notice); on another day
    it is refused unless ``correct``.
    """
    valid = load_valid(root)
    plan = valid.plan
    item, renamed = find_item(plan, ident)
    milestone = _milestone(item, milestone_id)
    day = parse_day(day_text)
    reached = milestone.reached
    if reached == day:
        return _unchanged(valid, f"{item.id}: milepælen {milestone.id} er allerede nået {day.isoformat()}. Intet er ændret.")
    if reached is not None and not correct:
        told = (
            f"Milepælen '{milestone.id}' er allerede nået {reached.isoformat()}, ikke {day.isoformat()}. "
            f"En skrevet dato bliver ikke ændret uden videre: er {reached.isoformat()} forkert, så skriv --ret efter --dato {day.isoformat()}."
            if day_text
            else f"Milepælen '{milestone.id}' er allerede nået {reached.isoformat()}. "
            "En skrevet dato bliver ikke ændret uden videre: er den forkert, så angiv den rigtige med --dato ÅÅÅÅ-MM-DD --ret."
        )
        raise arg_problem("--dato", told, item.line)
    problems = date_problems(plan, day, None)
    if problems:
        raise arg_problem("--dato", " ".join(problems), item.line)
    editor = _editor(valid)
    editor.set_reached(item.id, milestone.id, day)
    messages = [renamed] if renamed else []
    if reached is None:
        messages.append(f"{item.id}: milepælen {milestone.id} er nået {day.isoformat()} ({milestone.title}, planlagt {milestone.planned.label})")
    else:
        messages.append(f"{item.id}: milepælen {milestone.id} er nået {day.isoformat()} (rettet fra {reached.isoformat()})")
    return Change(editor.result(), messages, original=valid)


def _milestone(item: Item, ident: str) -> Milestone:
    return _one_of(item, item.milestones, ident, MILESTONE, ("milepæl", "milepæle", "milestones"))


def _one_of(item: Item, things: Sequence[T], ident: str, argument: str, words: tuple[str, str, str]) -> T:
    """The item's milestone or indicator with id ``ident``; else the Danish refusal naming those it has.
    ``words``: the thing, the things, and their key in the plan file."""
    found = next((thing for thing in things if thing.id == ident), None)
    if found is not None:
        return found
    one, many, key = words
    known = [thing.id for thing in things]
    if not known:
        raise arg_problem(argument, f"Indsatsen '{item.id}' har ingen {many}. Skriv dem først under {key}: ved indsatsen i {PLAN_FILE}.", item.line)
    raise arg_problem(argument, f"Indsatsen '{item.id}' har ingen {one} '{ident}'.{suggest(ident, known)} Dens {many} er: {choices(known)}.", item.line)


# -- måling -------------------------------------------------------------------------


@dataclass(frozen=True)
class NewMeasurement:
    """`planspor måling`'s arguments, as typed."""

    item: str
    indicator: str
    value: str
    source: str
    day: str | None = None
    link: str | None = None


def plan_measurement(root: Path, request: NewMeasurement) -> Change:
    """The change that adds a measurement to an indicator, in date order (see the module's docstring)."""
    valid = load_valid(root)
    plan = valid.plan
    item, renamed = find_item(plan, request.item)
    indicator = _indicator(item, request.indicator)
    value = measured_value(request.value)
    source = " ".join(without_invisible(request.source).split())
    if not source:
        raise arg_problem("--kilde", "Kilden er tom. Skriv, hvor tallet kommer fra, fx 'Energiregnskab 2024'.", item.line)
    link = without_invisible(request.link or "").strip()
    if request.link is not None and not WEB_LINK.match(link):
        raise arg_problem("--link", not_a_web_link(link), item.line)
    day = parse_day(request.day)
    problems = date_problems(plan, day, None)
    if problems:
        raise arg_problem("--dato", " ".join(problems), item.line)
    editor = _editor(valid)
    same = next((m for m in indicator.measurements if m.date == day), None)
    if same is not None:
        raise arg_problem(
            "--dato",
            f"Indikatoren '{indicator.id}' har allerede en måling {day.isoformat()} ({danish_decimal(same.value)} {indicator.unit}, kilde: {same.source}). "
            f"Én måling pr. dag: angiv en anden dato med --dato, eller ret målingen i {PLAN_FILE}.",
            editor.measurement_line(item.id, indicator.id, day) or item.line,
        )
    entry: dict[str, object] = {"date": day, "value": value, "source": source}
    if link:
        entry["url"] = link
    editor.insert_measurement(item.id, indicator.id, entry)
    messages = [renamed] if renamed else []
    messages.append(f"{item.id}: måling af {indicator.id} {day.isoformat()}: {danish_decimal(value)} {indicator.unit} (kilde: {source})")
    return Change(editor.result(), messages, original=valid)


def _indicator(item: Item, ident: str) -> Indicator:
    return _one_of(item, item.indicators, ident, INDICATOR, ("indikator", "indikatorer", "indicators"))


def measured_value(text: str) -> Decimal:
    """A value as a Dane types it: '23600', '78,6', '78.6', '-2,5'. A thousands separator ('23.600', '1.250,5') is refused."""
    written = text.strip()
    number = written.translate(_MINUS_SIGNS)
    if thousands_separated(number) or ("." in number and "," in number):
        raise arg_problem(VALUE, thousands_message(written))  # the words validation uses for the same number in the file
    if not _NUMBER.fullmatch(number):
        raise arg_problem(
            VALUE,
            f"Der står '{written}', som ikke er et tal. Skriv tallet uden mellemrum og tusindtalspunktum, med komma som decimaltegn, fx 23600, 78,6 eller -2,5.",
        )
    return Decimal(number.replace(",", "."))
