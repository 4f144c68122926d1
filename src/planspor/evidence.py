"""What the register of decisions says about the items: who cites what, and how a decision reads.

A history entry may cite a decision (plan.decisions, by id) or a document; the item's page shows
the citation, the deciding committee's page lists its decisions, the overview keeps to the
decisions about the plan as a whole (those no item cites). Pure: the model in, text and lists out.
"""

from __future__ import annotations

from .model import AdoptedPlan, Decision, Item, Plan
from .periods import danish_date

# Bodies that are a person or an office decide "af", the others "i" (a meeting).
DECIDED_BY = frozenset({"borgmesteren", "direktionen"})


def agenda(decision: Decision) -> str:
    """'pkt. 5: Normering i dagtilbud', 'pkt. 5', 'Normering i dagtilbud' or ''."""
    number = f"pkt. {decision.agenda_item}" if decision.agenda_item else ""
    if number and decision.agenda_title:
        return f"{number}: {decision.agenda_title}"
    return number or decision.agenda_title


def decided_at(decision: Decision) -> str:
    """'i Børne- og ungdomsudvalget 12. marts 2024, pkt. 5': where and when, as a sentence goes on."""
    preposition = "af" if decision.body_id in DECIDED_BY else "i"
    where = f"{preposition} {decision.body} {danish_date(decision.date)}"
    return f"{where}, pkt. {decision.agenda_item}" if decision.agenda_item else where


def cited_as(decision: Decision) -> str:
    """'Besluttet i Børne- og ungdomsudvalget 12. marts 2024, pkt. 5: Godkendt'."""
    return f"Besluttet {decided_at(decision)}: {decision.outcome}"


def citing_items(plan: Plan) -> dict[str, list[Item]]:
    """Each cited decision's id → the items whose history cites it, in the plan's order."""
    cited: dict[str, list[Item]] = {}
    for item in plan.items:
        for entry in item.history:
            if entry.decision is not None and item not in cited.setdefault(entry.decision.id, []):
                cited[entry.decision.id].append(item)
    return cited


def plan_decisions(plan: Plan, cited: dict[str, list[Item]]) -> list[Decision]:
    """The decisions about the plan as a whole: those no item's history cites (``cited``: citing_items)."""
    return [decision for decision in plan.info.decisions if decision.id not in cited]


def adopted_plan_decisions(plan: Plan, adopted: AdoptedPlan) -> list[Decision]:
    """The decisions about one of the site's plans, oldest first: those that adopted it, and those its
    items' histories cite from the day it took over (``opened``) to the day it was replaced (``closed``)."""
    own = {item.id for item in plan.items_of(adopted)}
    cited = {
        entry.decision.id
        for item in plan.items
        if item.id in own
        for entry in item.history
        if entry.decision is not None and (adopted.opened is None or entry.date >= adopted.opened) and (adopted.closed is None or entry.date <= adopted.closed)
    }
    chosen = {d.id for d in adopted.adopted_by} | cited
    return [decision for decision in plan.info.decisions if decision.id and decision.id in chosen]


def committee_decisions(plan: Plan, committee_id: str) -> list[Decision]:
    """The committee's decisions in the register, newest first (as a committee page lists its news)."""
    return [decision for decision in reversed(plan.info.decisions) if decision.body_id == committee_id]


def latest_source(item: Item) -> str:
    """What the item's latest cited change rests on, for paper (no links): the decision's sentence,
    'Kilde: <document>' (with its address), or '' when no entry cites anything."""
    for entry in reversed(item.history):
        if entry.decision is not None:
            return cited_as(entry.decision)
        if entry.document is not None:
            return f"Kilde: {entry.document.title} ({entry.document.url})"
    return ""
