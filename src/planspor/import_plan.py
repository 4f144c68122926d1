"""What the matched rows change in the plan, written into data/plan.yaml through the plan editor.

A row for an existing item changes the fields that differ from the plan; a
different Status or Start/Slut (or a new Kommentar beside the Status) adds a
history entry instead of overwriting, so the change stays visible. A row for a
new item becomes a whole item in the plan's key order. The checks that need
the whole row (a new item's required fields, an end before its start, a
dropped status without a reason, a date after data_as_of) are made here too.
This module changes when what an import may change, or how it tells it, does.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from .edit_checks import date_problems
from .editing import CREATED_COMMENT, history_entry
from .import_match import MatchedRow
from .model import Item, Plan, Status
from .money import plan_number
from .periods import Period
from .plan_keys import ITEM_KEY_ORDER
from .plan_text import PlanTextEditor
from .yaml_text import period_value

DATE_FIELD = "kolonnen Status siden, fx"  # how date_problems names where a row's date comes from
FIELD_NAMES = {
    "title": "titel", "theme": "tema", "kind": "type", "committees": "udvalg", "strategic": "strategisk",
    "responsible": "ansvarlig", "process": "proces", "cross_cutting": "tværgående", "budget": "budget",
    "strategies": "strategier", "strengths": "styrkepositioner", "sdgs": "verdensmål", "related": "relaterede",
    "plans": "planer",
}  # fmt: skip
_REQUIRED_FOR_NEW = ("title", "theme", "kind", "committees")


# -- a new item ---------------------------------------------------------------------


def check_new(row: MatchedRow, plan: Plan, day: dt.date) -> None:
    """Reject what a new item cannot be without: its required fields, a sane timing, a reason to drop it."""
    for key in _REQUIRED_FOR_NEW:
        if key not in row.values and key not in row.cells.rejected:
            row.cells.reject(key, f"'{row.cells.header(key)}' skal udfyldes for en ny indsats ('{row.ident}').")
    start, end = row.values.get("start"), row.values.get("end")
    if start and end and end.last < start.first:
        row.cells.reject("end", f"Slut ({end.text}) ligger før start ({start.text}).")
    status = row_status(row, plan)
    if status.dropped and "comment" not in row.values:
        row.cells.reject("comment", f"Status '{status.label}' kræver en begrundelse i kolonnen Kommentar.")
    for message in date_problems(plan, row.day or day, None, DATE_FIELD if row.day else "--dato"):
        row.cells.reject("status_since" if row.day else "status", message)


def row_status(row: MatchedRow, plan: Plan) -> Status:
    """The status the row names; the plan's first status when it names none."""
    wanted = row.values.get("status")
    return next((s for s in plan.statuses if s.id == wanted), plan.statuses[0])


def new_item_fields(row: MatchedRow, plan: Plan, day: dt.date, target: str | None = None) -> dict[str, Any]:
    """The new item as the plan stores it, its keys in the plan's order. Its plans are the row's Planer,
    else ``target`` (`--plan`); written only when they are not the current plan alone, which an item
    without 'plans' belongs to."""
    values = row.values
    status = row_status(row, plan)
    fields: dict[str, Any] = {"id": row.ident}
    fields.update({key: values[key] for key in _REQUIRED_FOR_NEW})
    fields["strategic"] = values.get("strategic", False)
    timing = {key: period_value(values[key]) for key in ("start", "end") if key in values}
    if timing:
        fields["timing"] = timing
    fields.update({key: values[key] for key in ("responsible", "process", "cross_cutting") if key in values})
    if row.budget:
        fields["budget"] = dict(sorted(row.budget.items()))
    fields.update({key: values[key] for key in ("strategies", "strengths", "sdgs", "related") if key in values})
    plans = values.get("plans") or ([target] if target else [])
    current = plan.current_plan
    if plans and (current is None or plans != [current.id]):
        fields["plans"] = plans
    fields["history"] = [history_entry(row.day or day, status.id, comment=values.get("comment", CREATED_COMMENT))]
    return {key: fields[key] for key in ITEM_KEY_ORDER if key in fields}


# -- an existing item -----------------------------------------------------------------


def makes_entry(row: MatchedRow, item: Item) -> bool:
    """Whether the row adds a history entry (a new status, a move or a new comment)."""
    status, start, end = row.values.get("status"), row.values.get("start"), row.values.get("end")
    comment = row.values.get("comment")
    return bool(
        (status and status != item.status.id)
        or (start and start != item.timing.start)
        or (end and end != item.timing.end)
        or (comment and comment != item.history[-1].comment)
    )


def updates(row: MatchedRow, item: Item, current: dict[str, Any]) -> dict[str, Any]:
    """The item's fields the row changes, with their new values (``current``: current_fields(item))."""
    changed = {key: row.values[key] for key in current if key != "budget" and key in row.values and row.values[key] != current[key]}
    if row.budget:
        budget = dict(item.budget)
        budget.update(row.budget)
        if budget != dict(item.budget):
            changed["budget"] = dict(sorted(budget.items()))
    return changed


def current_fields(item: Item) -> dict[str, Any]:
    """The item's fields a row may change, as the row's values are written."""
    return {
        "title": item.title,
        "theme": item.theme.id,
        "kind": item.kind.id,
        "committees": [c.id for c in item.committees],
        "strategic": item.strategic,
        "responsible": item.responsible,
        "process": item.process,
        "cross_cutting": item.cross_cutting,
        "strategies": [s.id for s in item.strategies],
        "strengths": [s.id for s in item.strengths],
        "sdgs": [s.number for s in item.sdgs],
        "related": list(item.related_ids),
        "plans": list(item.plans),
        "budget": dict(item.budget),
    }


def history_for(row: MatchedRow, item: Item, plan: Plan, day: dt.date) -> dict[str, Any] | None:
    """The history entry the row asks for (a new status, a move, or a comment that confirms the status),
    or None; its problems are rejected cells. Nothing the row says is dropped: a new comment with
    nothing else confirms the current status with it; and what `planspor flyt` and `planspor status`
    refuse (a move without a reason, a dropped item reopened without one) is refused here too."""
    status = row.values.get("status")
    comment = row.values.get("comment", "")
    new_status = status if status and status != item.status.id else None
    timing: dict[str, Any] = {}
    current = item.timing
    start, end = row.values.get("start"), row.values.get("end")
    if start and start != current.start:
        timing["start"] = period_value(start)
    if end and end != current.end:
        timing["end"] = period_value(end)
    confirms = not new_status and not timing and bool(comment) and comment != item.history[-1].comment
    if not new_status and not timing and not confirms:
        return None
    after_start, after_end = start or current.start, end or current.end
    if timing and after_start and after_end and after_end.last < after_start.first:
        row.cells.reject("end", f"Efter flytningen ville slut ({after_end.text}) ligge før start ({after_start.text}).")
    if timing and not comment:
        moved = "start" if "start" in timing and "end" not in timing else "end"
        moved = moved if row.cells.layout.column(moved) is not None or row.cells.layout.column("schedule") is None else "schedule"
        row.cells.reject(
            moved,
            f"Tidspunktet flyttes ({current.label() or 'intet'} → {type(current)(after_start, after_end).label()}), men kolonnen Kommentar siger ikke hvorfor. "
            + "Skriv begrundelsen i kolonnen Kommentar (tilføj kolonnen, hvis den mangler), som planspor flyt kræver det.",
        )
    wanted = next((s for s in plan.statuses if s.id == status), None)
    if new_status and wanted and wanted.dropped and not comment:
        row.cells.reject("comment", f"Status '{wanted.label}' kræver en begrundelse i kolonnen Kommentar.")
    if new_status and wanted and item.status.dropped and not wanted.dropped and not comment:
        row.cells.reject(
            "status",
            f"Indsatsen er udgået ({item.status.label}), og rækken sætter den i gang igen som '{wanted.label}' uden en begrundelse. Skriv i kolonnen Kommentar, hvorfor den genoptages.",
        )
    for message in date_problems(plan, row.day or day, item, DATE_FIELD if row.day else "--dato"):
        row.cells.reject("status_since" if row.day else "status" if new_status or confirms else "end", message)
    return history_entry(row.day or day, (new_status or item.status.id) if (new_status or confirms) else None, timing, comment)


def apply_update(editor: PlanTextEditor, row: MatchedRow, item: Item, plan: Plan, day: dt.date) -> list[str]:
    """Write the row's changes to the item into the editor; the messages that tell the editor what changed,
    each field with its old and new value, so a dry run shows the change itself."""
    messages = []
    before = current_fields(item)
    changed = updates(row, item, before)
    for key, value in changed.items():
        editor.set_field(item.id, key, value)
    if changed:
        shown = "; ".join(_change_told(k, before[k], v) for k, v in changed.items())
        messages.append(f"{item.id}: {shown} ({row.cells.row.label})")
    entry = history_for(row, item, plan, day)
    if entry is None:
        return messages
    editor.append_history(item.id, entry)
    told = []
    if "status" in entry:
        same = entry["status"] == item.status.id
        told.append(f"status {item.status.id} bekræftet" if same else f"status {item.status.id} → {entry['status']}")
    if "timing" in entry:
        was = {"start": item.timing.start, "end": item.timing.end}
        moved = ", ".join(f"{'slut' if k == 'end' else 'start'}: {_text_of(was[k])} → {v}" for k, v in entry["timing"].items())
        told.append(f"flyttet: {moved}")
    if entry.get("comment"):
        told.append(f"kommentar {shown_value(entry['comment'])}")
    messages.append(f"{item.id}: {'; '.join(told)} ({entry['date'].isoformat()}, {row.cells.row.label})")
    return messages


def _text_of(period: Period | None) -> str:
    return period.text if period else "(ikke fastsat)"


def _change_told(key: str, old: Any, new: Any) -> str:
    """'ansvarlig 'A' → 'B''; a budget by the years that change: 'budget 2025: -400 → -100'."""
    if key == "budget":
        years = [year for year in new if old.get(year) != new[year]]
        return "; ".join(f"budget {year}: {shown_value(old.get(year, ''))} → {shown_value(new[year])}" for year in years)
    return f"{FIELD_NAMES.get(key, key)} {shown_value(old)} → {shown_value(new)}"


def shown_value(value: Any) -> str:
    """A value as a dry run shows it: texts quoted, lists by comma, yes/no, a budget year by year."""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{year}: {plan_number(amount) if isinstance(amount, Decimal) else amount}" for year, amount in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(str(v) for v in value) + "]"
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return plan_number(Decimal(value))
    if value == "":
        return "(tom)"
    return "'" + " ⏎ ".join(str(value).splitlines()) + "'"  # a dry run keeps one line per change; ⏎ marks a line break
