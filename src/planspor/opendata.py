"""Open data: the whole plan as JSON (with a JSON Schema) and the items as CSV.

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
from .model import Decision, HistoryEntry, Item, Plan, Timing, freshness
from .money import danish_decimal
from .plan_columns import plan_csv_header
from .plan_keys import BETTER
from .progress import late_milestones
from .progress_data import STANDING, danish_excel_csv, indicator_data, json_number, milestone_data
from .progress_data import measurements_csv as measurements_csv  # the open data's files, in one place for pages
from .progress_data import milestones_csv as milestones_csv

# 2: plan.logo and plan.contact (a v1 reader's schema refuses the new keys)
# 3: the register of decisions and the history's sources (issue 19)
SCHEMA_VERSION = 3


def _timing(timing: Timing) -> dict[str, str | None]:
    return {"start": timing.start.text if timing.start else None, "end": timing.end.text if timing.end else None}


def _decision(decision: Decision) -> dict[str, Any]:
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


def _history_entry(entry: HistoryEntry) -> dict[str, Any]:
    """One history entry; ``decision`` is the id of the decision it cites (plan.decisions), ``document`` its other source."""
    return {
        "date": entry.date.isoformat(),
        "status": entry.status.id if entry.status else None,
        "timing": {"start": entry.start.text if entry.start else None, "end": entry.end.text if entry.end else None} if entry.moves_timing else None,
        "comment": entry.comment or None,
        "decision": entry.decision.id if entry.decision else None,
        "document": {"title": entry.document.title, "url": entry.document.url} if entry.document else None,
    }


def _item(item: Item, plan: Plan, site_url: str) -> dict[str, Any]:
    fresh = freshness(item, plan.info)
    return {
        "id": item.id,
        "url": addresses.absolute(site_url, addresses.item(item.id)),
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
        "timing": _timing(item.timing),
        "planned_timing": _timing(item.planned),
        "responsible": item.responsible or None,
        "process": item.process or None,
        "cross_cutting": item.cross_cutting or None,
        "budget": [{"year": year, "amount": json_number(amount)} for year, amount in item.budget],
        "strategies": [s.id for s in item.strategies],
        "strengths": [s.id for s in item.strengths],
        "sdgs": [s.number for s in item.sdgs],
        "related": list(item.related_ids),
        "previous_ids": list(item.previous_ids),
        "history": [_history_entry(entry) for entry in item.history],
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
            "decisions": [_decision(d) for d in info.decisions],
            "logo": {"file": addresses.absolute(site_url, info.logo.file), "alt": info.logo.alt} if info.logo else None,
            "contact": {"unit": info.contact.unit or None, "email": info.contact.email or None, "phone": info.contact.phone or None} if info.contact else None,
        },
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
                addresses.absolute(site_url, addresses.item(item.id)),
            ]
        )
    return danish_excel_csv(header, rows)


def _nullable(kind: str) -> dict[str, Any]:
    return {"type": [kind, "null"]}


_ID = {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}
_DATE = {"type": "string", "format": "date"}
_PERIOD = {"type": ["string", "null"], "pattern": r"^\d{4}(-Q[1-4]|-\d{2}(-\d{2})?)?$"}
_END = {**_PERIOD, "pattern": r"^(\d{4}(-Q[1-4]|-\d{2}(-\d{2})?)?|løbende)$", "description": "løbende: ingen planlagt slut"}
_TIMING = {"type": "object", "required": ["start", "end"], "additionalProperties": False, "properties": {"start": _PERIOD, "end": _END}}
# A link to the web (minutes, a document): http(s)://…, checked when the plan is read; "iri", not "uri",
# because the plan accepts an address as it is written, Danish letters and all.
_WEB_LINK = {"type": "string", "format": "iri", "pattern": "^https?://"}


def _object(properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "required": list(properties), "additionalProperties": False, "properties": properties}


_READING = _object({"value": {"type": "number"}, "date": _DATE})
_MILESTONE = _object({"id": _ID, "title": {"type": "string"}, "planned": {**_PERIOD, "type": "string"}, "reached": {**_DATE, "type": ["string", "null"]}})
_MEASUREMENT = _object(
    {"date": _DATE, "value": {"type": "number"}, "source": {"type": "string", "minLength": 1}, "url": {"oneOf": [{"type": "null"}, _WEB_LINK]}}
)
_INDICATOR = _object(
    {
        "id": _ID,
        "name": {"type": "string"},
        "unit": {"type": "string"},
        "better": {"enum": list(BETTER), "description": "hvilken vej er bedre for indikatoren"},
        "baseline": {**_READING, "description": "udgangspunktet"},
        "target": {**_READING, "description": "målet"},
        "measurements": {"type": "array", "items": _MEASUREMENT, "description": "målingerne, ældste først"},
        "standing": {
            "enum": list(STANDING.values()),
            "description": "den seneste måling holdt op mod målet og linjen fra udgangspunktet til målet: "
            + "; ".join(f"{value}: {track.value}" for track, value in STANDING.items()),
        },
    }
)


SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "plan.schema.json",
    "title": "Planspor: en kommunes udmøntningsplan",
    "description": "Hele planen som åbne data. Aktuel status og tidspunkt er udledt af historikken.",
    **_object(
        {
            "schema_version": {"const": SCHEMA_VERSION},
            "example_data": {"type": "boolean", "description": "true: indsatserne er opdigtede eksempler"},
            "plan": _object(
                {
                    "title": {"type": "string"},
                    "municipality": {"type": "string"},
                    "period": _object({"start": {"type": "integer"}, "end": {"type": "integer"}}),
                    "data_as_of": _DATE,
                    "stale_after_months": {"type": "integer", "minimum": 1},
                    "introduction": _nullable("string"),
                    "budget_agreement": _nullable("string"),
                    "case_number": _nullable("string"),
                    "values_name": _nullable("string"),
                    "values": {"type": "array", "items": {"type": "string"}},
                    "decisions": {
                        "type": "array",
                        "description": "registret over beslutninger (plan.decisions), ældste først",
                        "items": _object(
                            {
                                "id": {**_ID, "type": ["string", "null"], "description": "null: beslutningen kan ikke citeres fra en historik"},
                                "body": {"type": "string", "description": "organets navn"},
                                "body_id": {**_ID, "description": "et af planens udvalg (committees) eller et andet organ"},
                                "date": _DATE,
                                "agenda_item": {**_nullable("string"), "description": "punktets nummer på dagsordenen"},
                                "agenda_title": {**_nullable("string"), "description": "punktets titel på dagsordenen"},
                                "outcome": {"type": "string"},
                                "comment": _nullable("string"),
                                "url": {"oneOf": [{"type": "null"}, _WEB_LINK], "description": "referatet fra mødet"},
                                "example": {"type": "boolean", "description": "true: beslutningen er et opdigtet eksempel"},
                            }
                        ),
                    },
                    "logo": {
                        "oneOf": [{"type": "null"}, _object({"file": {"type": "string", "description": "logoets adresse"}, "alt": {"type": "string"}})],
                        "description": "kommunens logo (plan.logo)",
                    },
                    "contact": {
                        "oneOf": [{"type": "null"}, _object({"unit": _nullable("string"), "email": _nullable("string"), "phone": _nullable("string")})],
                        "description": "hvem man kan spørge om planen (plan.contact)",
                    },
                }
            ),
            "statuses": {
                "type": "array",
                "items": _object(
                    {
                        "id": _ID,
                        "label": {"type": "string"},
                        "colour": {"type": "string", "pattern": "^#[0-9A-F]{6}$"},
                        "text_colour": {"type": "string", "pattern": "^#[0-9A-F]{6}$"},
                        "icon": {"type": "string"},
                        "meaning": {"type": "string"},
                        "finished": {"type": "boolean"},
                        "dropped": {"type": "boolean"},
                    }
                ),
            },
            "themes": {"type": "array", "items": _object({"id": _ID, "title": {"type": "string"}})},
            "kinds": {"type": "array", "items": _object({"id": _ID, "title": {"type": "string"}, "description": _nullable("string")})},
            "committees": {"type": "array", "items": _object({"id": _ID, "title": {"type": "string"}})},
            "strategies": {
                "type": "array",
                "items": _object(
                    {
                        "id": _ID,
                        "title": {"type": "string"},
                        "subtitle": _nullable("string"),
                        "adopted": _PERIOD,
                        "url": _nullable("string"),
                        "description": _nullable("string"),
                        "strengths": {"type": "array", "items": _object({"id": _ID, "title": {"type": "string"}, "description": _nullable("string")})},
                    }
                ),
            },
            "sdgs": _object(
                {
                    "selected": {"type": "array", "items": {"type": "integer", "minimum": 1, "maximum": 17}},
                    "goals": {
                        "type": "array",
                        "items": _object(
                            {"number": {"type": "integer", "minimum": 1, "maximum": 17}, "title": {"type": "string"}, "colour": {"type": "string"}}
                        ),
                    },
                }
            ),
            "items": {
                "type": "array",
                "items": _object(
                    {
                        "id": _ID,
                        "url": {"type": "string"},
                        "title": {"type": "string"},
                        "theme": _ID,
                        "kind": _ID,
                        "committees": {"type": "array", "items": _ID, "minItems": 1},
                        "strategic": {"type": "boolean"},
                        "status": _ID,
                        "status_since": _DATE,
                        "last_confirmed": _DATE,
                        "not_updated": {"type": "boolean"},
                        "past_planned_end": {"type": "boolean"},
                        "milestones_late": {"type": "integer", "minimum": 0, "description": "milepæle, hvis planlagte periode er slut, uden at de er nået"},
                        "timing": _TIMING,
                        "planned_timing": _TIMING,
                        "responsible": _nullable("string"),
                        "process": _nullable("string"),
                        "cross_cutting": _nullable("string"),
                        "budget": {
                            "type": "array",
                            "items": _object({"year": {"type": "integer"}, "amount": {"type": "number", "description": "1.000 kr.; besparelser er negative"}}),
                        },
                        "strategies": {"type": "array", "items": _ID},
                        "strengths": {"type": "array", "items": _ID},
                        "sdgs": {"type": "array", "items": {"type": "integer", "minimum": 1, "maximum": 17}},
                        "related": {"type": "array", "items": _ID},
                        "previous_ids": {"type": "array", "items": _ID},
                        "history": {
                            "type": "array",
                            "minItems": 1,
                            "items": _object(
                                {
                                    "date": _DATE,
                                    "status": {"type": ["string", "null"]},
                                    "timing": {"oneOf": [{"type": "null"}, _TIMING]},
                                    "comment": _nullable("string"),
                                    "decision": {
                                        **_ID,
                                        "type": ["string", "null"],
                                        "description": "id på den beslutning i plan.decisions, som punktet henviser til",
                                    },
                                    "document": {
                                        "oneOf": [{"type": "null"}, _object({"title": {"type": "string"}, "url": _WEB_LINK})],
                                        "description": "et dokument, som punktet henviser til",
                                    },
                                }
                            ),
                        },
                        "milestones": {"type": "array", "items": _MILESTONE, "description": "milepælene i planlagt rækkefølge"},
                        "indicators": {"type": "array", "items": _INDICATOR},
                    }
                ),
            },
        }
    ),
}


def schema_json() -> str:
    return json.dumps(SCHEMA, ensure_ascii=False, indent=1) + "\n"
