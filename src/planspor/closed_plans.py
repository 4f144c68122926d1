"""Closed plans stay as they were: a change to a replaced plan's record needs a stated reason.

An earlier plan's page shows what the plan was and what its items had reached the day it was
replaced. That record is the plan's entry under earlier_plans, which items belong to it (their
``plans``), and their history entries dated on or before the day it closed. Entries dated after
that day, and an item's current fields, belong to the plan that applies now and change freely.
`planspor check --sammenlign-med <ref>` compares every plan that was already closed at the ref
with the same plan now; each change needs a new correction on that plan (corrections.py), which
the plan's page shows. A plan closed in this very change is not protected yet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .periods import danish_date
from .plan_keys import EARLIER_PLAN_OPTIONAL, EARLIER_PLAN_REQUIRED
from .problems import Problem
from .project import PLAN_FILE
from .published import ComparisonFailed, read_blocks
from .yamlsource import SourceText, YList, YMap, parse_yaml

# What the plan's page shows of its own entry; its corrections are compared on their own.
RECORD_KEYS = tuple(key for key in (*EARLIER_PLAN_REQUIRED, *EARLIER_PLAN_OPTIONAL) if key != "corrections")
Where = tuple[str | int, ...]  # a path into today's plan, whose line a message names


@dataclass(frozen=True)
class Change:
    """One change to a closed plan's record: where it is in today's plan, and what changed (Danish)."""

    plan: str
    field: str
    where: Where
    what: str


@dataclass(frozen=True)
class ClosedPlans:
    """What the comparison found: changes without a new correction, and how many each new correction covers."""

    uncovered: list[Change]
    covered: dict[str, int]
    protected: list[str]  # the plans closed at the ref, in the order written


@dataclass(frozen=True)
class _Side:
    """One version of the plan read as plain YAML: its earlier plans by id and its items by id."""

    plans: dict[str, tuple[int, dict[str, Any]]]
    items: list[dict[str, Any]]
    by_id: dict[str, int]  # an item's id and previous ids → its index in items


def check_closed_plans(plan_text: str, earlier_text: str, ref: str, today: dt.date) -> tuple[list[Problem], list[str]]:
    """A problem for each change to a closed plan that no new correction covers, and the terminal's lines when none."""
    try:
        found = compare_closed_plans(plan_text, earlier_text)
    except yaml.YAMLError:
        raise ComparisonFailed(f"Planen i '{ref}' kan ikke læses, så den kan ikke sammenlignes med.") from None
    if not found.uncovered:
        return [], summary(found, ref)
    return problems(plan_text, found.uncovered, plan_titles(earlier_text), ref, today), []


def compare_closed_plans(plan_text: str, earlier_text: str) -> ClosedPlans:
    """Every change since ``earlier_text`` to a plan that was already closed in it."""
    then, now = _side(earlier_text), _side(plan_text)
    uncovered: list[Change] = []
    covered: dict[str, int] = {}
    for ident, (_, old) in then.plans.items():
        changes = list(_changes(ident, old, then, now))
        new = now.plans.get(ident)
        if new is not None and _new_corrections(old, new[1]):
            covered[ident] = len(changes)
        else:
            uncovered += changes
    return ClosedPlans(uncovered, covered, list(then.plans))


def problems(plan_text: str, found: Sequence[Change], titles: dict[str, tuple[str, str]], ref: str, today: dt.date) -> list[Problem]:
    """A problem for each uncovered change, on its line in today's file; ``titles``: each plan's title and closing day."""
    root = parse_yaml(SourceText(Path(PLAN_FILE), PLAN_FILE, plan_text))  # only when something is named: a large plan takes seconds
    remedy = (
        "Var planen forkert, så ret den og skriv hvorfor under corrections på planen under earlier_plans, "
        f'fx corrections: [{{date: {today.isoformat()}, reason: "Hvad der var forkert, og hvad der er rettet."}}]. '
        f"Rettelsen vises på planens side. Ellers lad planen stå, som den var i '{ref}'."
    )
    named: list[Problem] = []
    for change in found:
        title, closed = titles[change.plan]
        named.append(
            Problem(
                PLAN_FILE,
                _line(root, change.where),
                change.field,
                f"Planen {change.plan} ({title}) blev afløst {closed} og står, som den var: {change.what}. {remedy}",
            )
        )
    return named


def plan_titles(earlier_text: str) -> dict[str, tuple[str, str]]:
    """Each closed plan's title and closing day as written at the ref, for the messages."""
    found: dict[str, tuple[str, str]] = {}
    for ident, (_, entry) in _side(earlier_text).plans.items():
        closed = entry.get("closed")
        found[ident] = (str(entry.get("title") or ident), danish_date(closed) if isinstance(closed, dt.date) else str(closed))
    return found


def summary(found: ClosedPlans, ref: str) -> list[str]:
    """The terminal's lines when nothing is refused: the corrections and what they cover, or that the closed plans stand."""
    lines = [
        f"Planen {ident} er rettet med en ny rettelse under corrections, som dækker {count} {'ændring' if count == 1 else 'ændringer'} siden '{ref}'."
        for ident, count in found.covered.items()
    ]
    untouched = [ident for ident in found.protected if ident not in found.covered]
    if untouched:
        lines.append(f"De afløste planer står, som de var i '{ref}': {', '.join(untouched)}.")
    return lines


def _side(text: str) -> _Side:
    blocks = read_blocks(text, ["earlier_plans", "items"])
    plans: dict[str, tuple[int, dict[str, Any]]] = {}
    for index, entry in enumerate(_dicts(blocks.get("earlier_plans"))):
        period = entry.get("period")
        if isinstance(period, dict) and isinstance(period.get("start"), int) and isinstance(period.get("end"), int):
            plans.setdefault(f"{period['start']}-{period['end']}", (index, entry))
    items = _dicts(blocks.get("items"))
    by_id: dict[str, int] = {}
    for index, item in enumerate(items):
        previous = item.get("previous_ids")
        for ident in [item.get("id"), *(previous if isinstance(previous, list) else [])]:
            if isinstance(ident, str):
                by_id.setdefault(ident, index)
    return _Side(plans, items, by_id)


def _dicts(entries: Any) -> list[dict[str, Any]]:
    """The entries of a list that are blocks; anything else stands in as an empty block, keeping the indices."""
    return [entry if isinstance(entry, dict) else {} for entry in entries] if isinstance(entries, list) else []


def _changes(ident: str, old: dict[str, Any], then: _Side, now: _Side) -> Iterator[Change]:
    new = now.plans.get(ident)
    if new is None:
        yield Change(ident, "earlier_plans", ("earlier_plans",), "den står ikke længere under earlier_plans. Skriv den tilbage, som den var")
        return
    index, entry = new
    path = f"earlier_plans[{index + 1}]"
    for key in RECORD_KEYS:
        if old.get(key) != entry.get(key):
            yield Change(ident, f"{path}.{key}", ("earlier_plans", index, key), f"{key} er ændret fra {_shown(old.get(key))} til {_shown(entry.get(key))}")
    kept = _list(entry.get("corrections"))
    for correction in _list(old.get("corrections")):
        if correction not in kept:
            day = correction.get("date") if isinstance(correction, dict) else correction
            yield Change(ident, f"{path}.corrections", ("earlier_plans", index, "corrections"), f"rettelsen fra {_shown(day)} er ændret eller slettet")
    closing = [day for day in (old.get("closed"), entry.get("closed")) if isinstance(day, dt.date)]
    yield from _item_changes(ident, max(closing) if closing else dt.date.max, then, now)


def _item_changes(ident: str, closed: dt.date, then: _Side, now: _Side) -> Iterator[Change]:
    """Items taken out of or put into the plan, and their history up to ``closed`` changed."""
    for index, item in enumerate(now.items):
        name = item.get("id")
        before = _earlier_item(item, then)
        was_in, is_in = before is not None and _member(before, ident), _member(item, ident)
        where: Where = ("items", index, "plans")
        if was_in and not is_in:
            yield Change(ident, f"items[{name}].plans", where, f"indsatsen '{name}' ({item.get('title')}) er taget ud af planen (plans)")
        elif is_in and not was_in:
            yield Change(ident, f"items[{name}].plans", where, f"indsatsen '{name}' ({item.get('title')}) er sat ind i planen (plans), men var ikke med i den")
        elif is_in and before is not None:
            for where, what in _history_changes(before, item, closed):
                yield Change(ident, f"items[{name}].history", ("items", index, *where), f"indsatsen '{name}' ({item.get('title')}): {what}")
    # An item deleted altogether is named by the published addresses' check (published.vanished).


def _earlier_item(item: dict[str, Any], then: _Side) -> dict[str, Any] | None:
    """The item as it was at the ref, found by its id or one of its previous ids."""
    previous = item.get("previous_ids")
    for name in [item.get("id"), *(previous if isinstance(previous, list) else [])]:
        if isinstance(name, str) and name in then.by_id:
            return then.items[then.by_id[name]]
    return None


def _member(item: dict[str, Any], ident: str) -> bool:
    return ident in [str(plan) for plan in _list(item.get("plans"))]


def _history_changes(before: dict[str, Any], after: dict[str, Any], closed: dt.date) -> Iterator[tuple[Where, str]]:
    """The history entries dated on or before ``closed`` that were added, edited or removed; an edit is one change."""
    removed = [entry for entry in _list(before.get("history")) if _dated_by(entry, closed)]
    added: list[tuple[int, dict[str, Any]]] = []
    for index, entry in enumerate(_list(after.get("history"))):
        if not _dated_by(entry, closed):
            continue
        if entry in removed:
            removed.remove(entry)
        else:
            added.append((index, entry))
    for index, entry in added:
        same_day = next((old for old in removed if old.get("date") == entry.get("date")), None)
        if same_day is not None:
            removed.remove(same_day)
            fields = sorted({*entry, *same_day} - {key for key in {*entry, *same_day} if entry.get(key) == same_day.get(key)})
            yield ("history", index), f"punktet i historikken fra {entry['date'].isoformat()} er ændret ({', '.join(fields)})"
        else:
            yield ("history", index), f"punktet i historikken fra {entry['date'].isoformat()} er nyt, men dateret, mens planen gjaldt"
    for entry in removed:
        yield ("history",), f"punktet i historikken fra {entry['date'].isoformat()} er slettet"


def _dated_by(entry: Any, closed: dt.date) -> bool:
    return isinstance(entry, dict) and isinstance(entry.get("date"), dt.date) and entry["date"] <= closed


def _new_corrections(old: dict[str, Any], new: dict[str, Any]) -> bool:
    """Whether this change writes a correction the plan did not have."""
    earlier = _list(old.get("corrections"))
    return any(correction not in earlier for correction in _list(new.get("corrections")))


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _shown(value: Any) -> str:
    """A value for a message: short, on one line; '(intet)' for a field not written."""
    if value is None:
        return "(intet)"
    if isinstance(value, list):
        return "[" + ", ".join(str(entry) for entry in value) + "]"
    text = " ".join(str(value.isoformat() if isinstance(value, dt.date) else value).split())
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"


def _line(root: Any, where: Where) -> int | None:
    """The line of the deepest step of ``where`` that today's plan has."""
    line: int | None = None
    node = root
    for step in where:
        found = (isinstance(node, YMap) and step in node) or (isinstance(node, YList) and isinstance(step, int) and step < len(node))
        if not found:
            break
        line, node = node.line_of(step), node[step]
    return line
