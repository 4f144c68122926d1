"""Open data: the whole plan as JSON (its JSON Schema in opendata_schema) and the items as CSV.

plan.json carries the model as validated: the current status and timing are
derived from the history and included for convenience, never stored twice in
the source; so are each item's overdue milestones and each indicator's standing
(progress_data). plan.csv opens correctly in Danish Excel, as do milepaele.csv and
maalinger.csv: UTF-8 with BOM, ';' as separator, decimal comma, CRLF line ends.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from . import addresses
from .freshness import freshness
from .model import AdoptedPlan, Decision, HistoryEntry, Item, Plan, Timing
from .money import danish_decimal
from .opendata_schema import SCHEMA_VERSION
from .opendata_schema import schema_json as schema_json  # plan.schema.json, beside plan.json for pages
from .plan_columns import plan_csv_header
from .progress import late_milestones
from .progress_data import danish_excel_csv, indicator_data, json_number, milestone_data
from .progress_data import measurements_csv as measurements_csv  # the open data's files, in one place for pages
from .progress_data import milestones_csv as milestones_csv


def timing_data(timing: Timing) -> dict[str, str | None]:
    return {"start": timing.start.text if timing.start else None, "end": timing.end.text if timing.end else None}


def decision_data(decision: Decision) -> dict[str, Any]:
    """A decision in the register; ``id`` is null when it has none (then no history entry can cite it)."""
    return {
        "id": decision.id or None,
        "body": decision.body,
        "body_id": decision.body_id,
        "date": decision.date.isoformat(),
        "agenda_item": decision.agenda_item or None,
        "agenda_title": decision.agenda_title or None,
        "outcome": decision.outcome,
        "comment": decision.comment or None,
        "url": decision.url or None,
        "example": decision.example,
    }


def history_entry_data(entry: HistoryEntry) -> dict[str, Any]:
    """One history entry; ``decision`` is the id of the decision it cites (plan.decisions), ``document`` its other source."""
    return {
        "date": entry.date.isoformat(),
        "status": entry.status.id if entry.status else None,
        "timing": {"start": entry.start.text if entry.start else None, "end": entry.end.text if entry.end else None} if entry.moves_timing else None,
        "comment": entry.comment or None,
        "decision": entry.decision.id if entry.decision else None,
        "document": {"title": entry.document.title, "url": entry.document.url} if entry.document else None,
    }


def _adopted_plan(adopted: AdoptedPlan, plan: Plan, site_url: str) -> dict[str, Any]:
    """One udmøntningsplan of the site; its ``url`` is its own page, or the front page while the site holds one plan (which has no plan pages)."""
    page = addresses.plan(adopted.id) if plan.several_plans else ""
    return {
        "id": adopted.id,
        "title": adopted.title,
        "url": addresses.absolute(site_url, page),
        "period": {"start": adopted.period_start, "end": adopted.period_end},
        "budget_agreement": adopted.budget_agreement or None,
        "case_number": adopted.case_number or None,
        "introduction": adopted.introduction or None,
        "closed": adopted.closed.isoformat() if adopted.closed else None,
        "adopted_by": [decision.id for decision in adopted.adopted_by],
    }


def _item(item: Item, plan: Plan, site_url: str) -> dict[str, Any]:
    fresh = freshness(item, plan.info)
    return {
        "id": item.id,
        "url": addresses.absolute(site_url, addresses.item(item.id)),
        "plans": list(item.plans),
        "title": item.title,
        "theme": item.theme.id,
        "kind": item.kind.id,
        "committees": [c.id for c in item.committees],
        "strategic": item.strategic,
        "status": item.status.id,
        "status_since": item.status_since.isoformat(),
        "last_confirmed": fresh.last_confirmed.isoformat(),
        "not_updated": fresh.stale,
        "past_planned_end": fresh.past_end,
        "milestones_late": len(late_milestones(item, plan.info.data_as_of)),
        "timing": timing_data(item.timing),
        "planned_timing": timing_data(item.planned),
        "responsible": item.responsible or None,
        "process": item.process or None,
        "cross_cutting": item.cross_cutting or None,
        "budget": [{"year": year, "amount": json_number(amount)} for year, amount in item.budget],
        "strategies": [s.id for s in item.strategies],
        "strengths": [s.id for s in item.strengths],
        "sdgs": [s.number for s in item.sdgs],
        "related": list(item.related_ids),
        "previous_ids": list(item.previous_ids),
        "history": [history_entry_data(entry) for entry in item.history],
        "milestones": [milestone_data(m) for m in item.milestones],
        "indicators": [indicator_data(i) for i in item.indicators],
    }


def plan_data(plan: Plan, site_url: str = "") -> dict[str, Any]:
    info = plan.info
    return {
        "schema_version": SCHEMA_VERSION,
        "example_data": info.example_data,
        "plan": {
            "title": info.title,
            "municipality": info.municipality,
            "period": {"start": info.period_start, "end": info.period_end},
            "data_as_of": info.data_as_of.isoformat(),
            "stale_after_months": info.stale_after_months,
            "introduction": info.introduction or None,
            "budget_agreement": info.budget_agreement or None,
            "case_number": info.case_number or None,
            "values_name": info.values_name or None,
            "values": list(info.values),
            "decisions": [decision_data(d) for d in info.decisions],
            "logo": {"file": addresses.absolute(site_url, info.logo.file), "alt": info.logo.alt} if info.logo else None,
            "contact": {"unit": info.contact.unit or None, "email": info.contact.email or None, "phone": info.contact.phone or None} if info.contact else None,
        },
        "plans": [_adopted_plan(adopted, plan, site_url) for adopted in plan.plans],
        "statuses": [
            {
                "id": s.id,
                "label": s.label,
                "colour": s.colour,
                "text_colour": s.text_colour,
                "icon": s.icon,
                "meaning": s.meaning,
                "finished": s.finished,
                "dropped": s.dropped,
            }
            for s in plan.statuses
        ],
        "themes": [{"id": t.id, "title": t.title} for t in plan.themes],
        "kinds": [{"id": k.id, "title": k.title, "description": k.description or None} for k in plan.kinds],
        "committees": [{"id": c.id, "title": c.title} for c in plan.committees],
        "strategies": [
            {
                "id": s.id,
                "title": s.title,
                "subtitle": s.subtitle or None,
                "adopted": s.adopted.text if s.adopted else None,
                "url": s.url or None,
                "description": s.description or None,
                "strengths": [{"id": x.id, "title": x.title, "description": x.description or None} for x in s.strengths],
            }
            for s in plan.strategies
        ],
        "sdgs": {
            "selected": [s.number for s in plan.selected_sdgs],
            "goals": [{"number": s.number, "title": s.title, "colour": s.colour} for s in plan.sdgs_in_use()],
        },
        "items": [_item(item, plan, site_url) for item in plan.items],
    }


def plan_json(plan: Plan, site_url: str = "") -> str:
    return json.dumps(plan_data(plan, site_url), ensure_ascii=False, indent=1) + "\n"


def plan_csv(plan: Plan, site_url: str = "") -> str:
    years = sorted({year for item in plan.items for year, _ in item.budget})
    header = plan_csv_header(years)  # plan_columns.PLAN_CSV_KEYS: the order of the values below
    rows = []
    for item in plan.items:
        amounts = dict(item.budget)
        rows.append(
            [
                item.id,
                item.title,
                item.theme.title,
                item.kind.title,
                ", ".join(c.title for c in item.committees),
                "ja" if item.strategic else "nej",
                item.status.label,
                item.status_since.isoformat(),
                item.history[-1].date.isoformat(),
                item.timing.start.text if item.timing.start else "",
                item.timing.end.text if item.timing.end else "",
                item.planned.end.text if item.planned.end else "",
                item.responsible,
                *[danish_decimal(amounts[y]) if y in amounts else "" for y in years],
                danish_decimal(sum(amounts.values(), Decimal(0))) if amounts else "",
                ", ".join(s.title for s in item.strategies),
                ", ".join(str(s.number) for s in item.sdgs),
                ", ".join(item.related_ids),
                ", ".join(item.plans),
                addresses.absolute(site_url, addresses.item(item.id)),
            ]
        )
    return danish_excel_csv(header, rows)
