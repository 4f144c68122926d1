"""An item across plans, read and checked: the plans it belongs to, what it was in an earlier one, and
the items it replaces.

An item carried into the next plan stays one item (one address, one history). Its own fields are what
it is now; an entry of 'plans' written as a block, {plan: 2024-2027, committees: [...]}, says what was
different in that plan, so the earlier plan's page shows the item as it was adopted there. When a new
plan reshapes an item instead, the new item names the old in 'replaces', and both pages link the other.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .located import PlanReader, describe
from .model import Committee, Item, Kind, PlanRecord, Theme
from .plan_keys import PLAN_RECORD_OPTIONAL, PLAN_RECORD_REQUIRED
from .yamlsource import YList, YMap


@dataclass(frozen=True)
class PlanChoices:
    """What an entry of 'plans' may name: the plans (oldest first, the current one last) and the
    themes, kinds and committees an item could have had in one of them."""

    plans: Mapping[str, str]
    themes: Mapping[str, Theme]
    kinds: Mapping[str, Kind]
    committees: Mapping[str, Committee]


@dataclass(frozen=True)
class Now:
    """The item's own fields, what it is now: a record repeating one of them says nothing."""

    title: str
    theme: Theme | None
    kind: Kind | None
    committees: tuple[Committee, ...]


def read_item_plans(r: PlanReader, block: YMap, path: str, known: PlanChoices, now: Now) -> tuple[tuple[str, ...], tuple[PlanRecord, ...]]:
    """The plans the item belongs to, oldest first (without 'plans': the current one), and what it was
    in those of them where something differed, oldest first."""
    order = list(known.plans)
    if "plans" not in block or not order:
        return tuple(order[-1:]), ()
    value = block.get("plans")
    if not isinstance(value, YList) or not any(isinstance(entry, YMap) for entry in value):
        named = r.refs(block, "plans", path, known.plans, "plan")
        if not named and value is not None and not r.id_list(block, "plans", path):
            r.problem(block.line_of("plans"), f"{path}.plans", f"Skriv mindst én plan, indsatsen hører til, fx plans: [{order[-1]}].")
        return tuple(sorted(named, key=order.index)), ()
    named_at: dict[str, int] = {}
    records: list[tuple[PlanRecord, int]] = []
    for index, entry in enumerate(value):
        line, epath = value.line_of(index), f"{path}.plans[{index + 1}]"
        ident = _plan_of(r, entry, line, epath, known)
        if ident is None:
            continue
        if ident in named_at:
            r.problem(line, epath, f"Planen '{ident}' står to gange (også i linje {named_at[ident]}). Nævn hver plan én gang.")
            continue
        named_at[ident] = line
        if isinstance(entry, YMap):
            record = _record(r, entry, epath, ident, known, now)
            if record is not None:
                records.append((record, line))
    plans = tuple(sorted(named_at, key=order.index))
    for record, line in records:
        if plans and record.plan == plans[-1]:
            r.problem(
                line,
                f"{path}.plans",
                f"Planen {record.plan} er indsatsens sidste plan, og dér er indsatsen, hvad dens egne felter siger. "
                + f"Skriv titel, tema, type eller udvalg som blok kun for en tidligere plan, hvor de var anderledes; her blot {record.plan}.",
            )
    return plans, tuple(record for record, _ in sorted(records, key=lambda pair: order.index(pair[0].plan)))


def _plan_of(r: PlanReader, entry: Any, line: int, epath: str, known: PlanChoices) -> str | None:
    """The plan an entry names: the entry itself (an id) or its 'plan'; None (reported) if unknown."""
    if isinstance(entry, YMap):
        if "plan" not in entry or entry["plan"] is None:
            r.problem(line, f"{epath}.plan", f"Skriv hvilken plan blokken gælder, fx {{plan: {next(iter(known.plans))}, committees: [...]}}.")
            return None
        return r.ref(entry, "plan", epath, known.plans, "plan")
    if isinstance(entry, YList) or entry is None:
        r.problem(
            line, epath, f"Her skal stå en plans id (dens periode, fx {next(iter(known.plans))}) eller en blok med plan:, men der står {describe(entry)}."
        )
        return None
    ident = known.plans.get(str(entry))
    if ident is None:
        r.unknown(line, epath, entry, known.plans, "plan")
    return ident


def _record(r: PlanReader, entry: YMap, epath: str, ident: str, known: PlanChoices, now: Now) -> PlanRecord | None:
    """What the item was in plan ``ident``; None when the block says nothing that differed."""
    r.fields(entry, epath, PLAN_RECORD_REQUIRED, PLAN_RECORD_OPTIONAL)
    title = None
    if entry.get("title") is not None:
        blank = f"Titlen er tom. Skriv indsatsens titel, som den var i planen {ident}, eller slet 'title'."
        title = r.limited(entry, "title", epath, r.required_text(entry, "title", epath, blank)) or None
    theme = r.ref(entry, "theme", epath, known.themes, "tema")
    kind = r.ref(entry, "kind", epath, known.kinds, "type")
    committees = r.refs(entry, "committees", epath, known.committees, "udvalg") if entry.get("committees") is not None else None
    same = [
        key
        for key, then, current in (
            ("title", title, now.title),
            ("theme", theme, now.theme),
            ("kind", kind, now.kind),
            ("committees", committees, now.committees),
        )
        if then is not None and then == current
    ]
    for key in same:
        r.problem(
            entry.line_of(key),
            f"{epath}.{key}",
            f"Feltet '{key}' er det samme som indsatsens eget (det, indsatsen er nu). Skriv kun det, der var anderledes i planen {ident}, og slet '{key}' her.",
        )
    if not any(entry.get(key) is not None for key in PLAN_RECORD_OPTIONAL):
        r.problem(
            entry.line,
            epath,
            f"Blokken for planen {ident} siger ikke, hvad der var anderledes. Skriv title, theme, kind eller committees, som de var i planen, eller blot {ident}.",
        )
        return None
    if isinstance(entry.get("committees"), YList) and not entry["committees"]:
        r.problem(
            entry.line_of("committees"),
            f"{epath}.committees",
            f"Skriv de udvalg, der behandlede indsatsen i planen {ident}, fx committees: [oekonomiudvalget].",
        )
    if same or committees == ():
        return None
    return PlanRecord(ident, title, theme, kind, committees)


def read_replaces(r: PlanReader, block: YMap, path: str, current: Mapping[str, str], ident: str) -> tuple[str, ...]:
    """The items this one replaces (a new plan reshaped them), by their current ids; never itself."""
    replaced = r.refs(block, "replaces", path, current, "indsats")
    if ident in replaced:
        r.problem(block.line_of("replaces"), f"{path}.replaces", "En indsats kan ikke afløse sig selv. Skriv id'et på den indsats, den afløser.")
    return tuple(old for old in replaced if old != ident)


def check_replace_cycles(r: PlanReader, items: list[tuple[Item, YMap, str]]) -> None:
    """An item cannot, through the items it replaces, end up replacing itself: a → b → a has no first."""
    replaces = {item.id: item.replaces for item, _, _ in items}
    reported: set[str] = set()
    for item, block, path in items:
        trail = _cycle_from(item.id, replaces)
        if trail and not reported & set(trail):
            reported.update(trail)
            r.problem(
                block.line_of("replaces"),
                f"{path}.replaces",
                f"Indsatserne afløser hinanden i ring ({' → '.join(trail)}). En indsats afløser en ældre; slet 'replaces' hos den ældste.",
            )


def _cycle_from(start: str, replaces: Mapping[str, tuple[str, ...]]) -> list[str]:
    """The ids of a ring of replacements back to ``start`` ([] when there is none)."""
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    seen: set[str] = set()
    while stack:
        ident, trail = stack.pop()
        for old in replaces.get(ident, ()):
            if old == start:
                return [*trail, start]
            if old not in seen:
                seen.add(old)
                stack.append((old, [*trail, old]))
    return []
