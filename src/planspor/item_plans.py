"""An item across the site's plans, as the pages tell it: what it was in each plan, when it was carried
into the next, what changed on the way, and the items it replaces or was replaced by.

The item's own fields are what it is now; a PlanRecord says what differed in an earlier plan. Nothing
here is shown on a site with one plan: an item there has one plan and no record (item_plan_rules
refuses a record for an item's last plan).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from .model import AdoptedPlan, Committee, Item, Plan, PlanRecord


@dataclass(frozen=True)
class PlanStep:
    """An entry of the item's history that is about its plans, not its status: the item entering a plan.

    ``carried``: it came from the plan before (on the day after that one closed); otherwise this is its
    first plan. ``account``: what it was in this plan where that differed from now ('tema …, udvalg …').
    ``changes``: what changed from the plan it came from ('udvalg A → B')."""

    date: dt.date
    plan: AdoptedPlan
    carried: bool
    account: str
    changes: tuple[str, ...]


def record_for(item: Item, plan_id: str) -> PlanRecord | None:
    return next((record for record in item.plan_records if record.plan == plan_id), None)


def as_in_plan(item: Item, plan_id: str) -> Item:
    """The item as it was in the plan: its title, theme, kind and committees of then."""
    record = record_for(item, plan_id)
    if record is None:
        return item
    return replace(
        item,
        title=record.title or item.title,
        theme=record.theme or item.theme,
        kind=record.kind or item.kind,
        committees=record.committees if record.committees is not None else item.committees,
    )


def plan_steps(plan: Plan, item: Item) -> list[PlanStep]:
    """The item's plan entries in date order: its first plan where something differed then, and
    each plan it was carried into. None on a site with one plan."""
    if not plan.several_plans:
        return []
    by_id = {adopted.id: adopted for adopted in plan.plans}
    steps: list[PlanStep] = []
    before: Item | None = None
    for ident in item.plans:
        adopted = by_id[ident]
        then = as_in_plan(item, ident)
        record = record_for(item, ident)
        account = _account(record) if record else ""
        if before is not None and adopted.opened is not None:
            steps.append(PlanStep(adopted.opened, adopted, True, account, _changes(before, then)))
        elif before is None and account:
            steps.append(PlanStep(item.history[0].date, adopted, False, account, ()))
        before = then
    return sorted(steps, key=lambda step: step.date)


def replaced_by(plan: Plan, item: Item) -> list[Item]:
    """The items that name this one in 'replaces', in the plan's order."""
    return [other for other in plan.items if item.id in other.replaces]


def _account(record: PlanRecord) -> str:
    """'tema Skoler og dagtilbud, udvalg Børne- og ungdomsudvalget': only what the record names."""
    parts = [
        f"titel »{record.title}«" if record.title else "",
        f"tema {record.theme.title}" if record.theme else "",
        f"type {record.kind.title}" if record.kind else "",
        f"udvalg {_names(record.committees)}" if record.committees else "",
    ]
    return ", ".join(part for part in parts if part)


def _changes(before: Item, after: Item) -> tuple[str, ...]:
    """What differs between the item in one plan and in the next: 'udvalg A → B'."""
    pairs = [
        ("titel", f"»{before.title}«", f"»{after.title}«"),
        ("tema", before.theme.title, after.theme.title),
        ("type", before.kind.title, after.kind.title),
        ("udvalg", _names(before.committees), _names(after.committees)),
    ]
    return tuple(f"{what} {old} → {new}" for what, old, new in pairs if old != new)


def _names(committees: tuple[Committee, ...]) -> str:
    """'A', 'A og B', 'A, B og C'."""
    titles = [c.title for c in committees]
    if len(titles) < 2:
        return "".join(titles)
    return f"{', '.join(titles[:-1])} og {titles[-1]}"
