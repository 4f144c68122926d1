"""plan.json's JSON Schema, published beside it as plan.schema.json.

Every object is closed (additionalProperties: false), so a reader that validates against the schema
of its version notices a key it does not know: a new key means a new schema_version. This module
changes when plan.json gains, loses or changes a field; opendata writes the data it describes.
"""

from __future__ import annotations

import json
from typing import Any

from .plan_keys import BETTER
from .progress_data import STANDING

# 2: plan.logo and plan.contact (a v1 reader's schema refuses the new keys)
# 3: the register of decisions and the history's sources (issue 19)
# 4: the site's udmøntningsplaner (plans) and the plans each item belongs to (issue 21)
SCHEMA_VERSION = 4


def nullable(kind: str) -> dict[str, Any]:
    return {"type": [kind, "null"]}


ID = {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}
DATE = {"type": "string", "format": "date"}
PLAN_ID = {"type": "string", "pattern": r"^\d{4}-\d{4}$", "description": "en plans id: dens periode, fx 2024-2027"}
_PERIOD = {"type": ["string", "null"], "pattern": r"^\d{4}(-Q[1-4]|-\d{2}(-\d{2})?)?$"}
_END = {**_PERIOD, "pattern": r"^(\d{4}(-Q[1-4]|-\d{2}(-\d{2})?)?|løbende)$", "description": "løbende: ingen planlagt slut"}
TIMING = {"type": "object", "required": ["start", "end"], "additionalProperties": False, "properties": {"start": _PERIOD, "end": _END}}
# A link to the web (minutes, a document): http(s)://…, checked when the plan is read; "iri", not "uri",
# because the plan accepts an address as it is written, Danish letters and all.
WEB_LINK = {"type": "string", "format": "iri", "pattern": "^https?://"}


def closed_object(properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "required": list(properties), "additionalProperties": False, "properties": properties}


_READING = closed_object({"value": {"type": "number"}, "date": DATE})
_MILESTONE = closed_object({"id": ID, "title": {"type": "string"}, "planned": {**_PERIOD, "type": "string"}, "reached": {**DATE, "type": ["string", "null"]}})
_MEASUREMENT = closed_object(
    {"date": DATE, "value": {"type": "number"}, "source": {"type": "string", "minLength": 1}, "url": {"oneOf": [{"type": "null"}, WEB_LINK]}}
)
_INDICATOR = closed_object(
    {
        "id": ID,
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


# A decision in the register (plan.decisions); a snapshot's stand.json names its day's decisions the same way.
DECISION = closed_object(
    {
        "id": {**ID, "type": ["string", "null"], "description": "null: beslutningen kan ikke citeres fra en historik"},
        "body": {"type": "string", "description": "organets navn"},
        "body_id": {**ID, "description": "et af planens udvalg (committees) eller et andet organ"},
        "date": DATE,
        "agenda_item": {**nullable("string"), "description": "punktets nummer på dagsordenen"},
        "agenda_title": {**nullable("string"), "description": "punktets titel på dagsordenen"},
        "outcome": {"type": "string"},
        "comment": nullable("string"),
        "url": {"oneOf": [{"type": "null"}, WEB_LINK], "description": "referatet fra mødet"},
        "example": {"type": "boolean", "description": "true: beslutningen er et opdigtet eksempel"},
    }
)

# One entry of an item's history; a snapshot's stand.json gives its changes the same way.
HISTORY_ENTRY = closed_object(
    {
        "date": DATE,
        "status": {"type": ["string", "null"]},
        "timing": {"oneOf": [{"type": "null"}, TIMING]},
        "comment": nullable("string"),
        "decision": {
            **ID,
            "type": ["string", "null"],
            "description": "id på den beslutning i plan.decisions, som punktet henviser til",
        },
        "document": {
            "oneOf": [{"type": "null"}, closed_object({"title": {"type": "string"}, "url": WEB_LINK})],
            "description": "et dokument, som punktet henviser til",
        },
    }
)


def schema_document(file: str, title: str, description: str, version: int, properties: dict[str, Any]) -> dict[str, Any]:
    """A published schema: the document's frame, its version and the example-data flag, then ``properties``; every object closed."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": file,
        "title": title,
        "description": description,
        **closed_object(
            {
                "schema_version": {"const": version},
                "example_data": {"type": "boolean", "description": "true: indsatserne er opdigtede eksempler"},
                **properties,
            }
        ),
    }


SCHEMA = schema_document(
    "plan.schema.json",
    "Planspor: en kommunes udmøntningsplan",
    "Hele planen som åbne data. Aktuel status og tidspunkt er udledt af historikken.",
    SCHEMA_VERSION,
    {
        "plan": closed_object(
            {
                "title": {"type": "string"},
                "municipality": {"type": "string"},
                "period": closed_object({"start": {"type": "integer"}, "end": {"type": "integer"}}),
                "data_as_of": DATE,
                "stale_after_months": {"type": "integer", "minimum": 1},
                "introduction": nullable("string"),
                "budget_agreement": nullable("string"),
                "case_number": nullable("string"),
                "values_name": nullable("string"),
                "values": {"type": "array", "items": {"type": "string"}},
                "decisions": {
                    "type": "array",
                    "description": "registret over beslutninger (plan.decisions), ældste først",
                    "items": DECISION,
                },
                "logo": {
                    "oneOf": [{"type": "null"}, closed_object({"file": {"type": "string", "description": "logoets adresse"}, "alt": {"type": "string"}})],
                    "description": "kommunens logo (plan.logo)",
                },
                "contact": {
                    "oneOf": [{"type": "null"}, closed_object({"unit": nullable("string"), "email": nullable("string"), "phone": nullable("string")})],
                    "description": "hvem man kan spørge om planen (plan.contact)",
                },
            }
        ),
        "plans": {
            "type": "array",
            "minItems": 1,
            "description": "hjemmesidens udmøntningsplaner, den ældste først og den gældende sidst (med kun én plan: den ene)",
            "items": closed_object(
                {
                    "id": PLAN_ID,
                    "title": {"type": "string"},
                    "url": {"type": "string", "description": "planens side (/planer/<periode>/), eller forsiden, når hjemmesiden kun har én plan"},
                    "period": closed_object({"start": {"type": "integer"}, "end": {"type": "integer"}}),
                    "budget_agreement": nullable("string"),
                    "case_number": nullable("string"),
                    "introduction": nullable("string"),
                    "closed": {
                        **DATE,
                        "type": ["string", "null"],
                        "description": "den sidste dag, planen var den gældende; null for den gældende plan",
                    },
                    "adopted_by": {"type": "array", "items": ID, "description": "id'er på de beslutninger i plan.decisions, der vedtog planen"},
                }
            ),
        },
        "statuses": {
            "type": "array",
            "items": closed_object(
                {
                    "id": ID,
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
        "themes": {"type": "array", "items": closed_object({"id": ID, "title": {"type": "string"}})},
        "kinds": {"type": "array", "items": closed_object({"id": ID, "title": {"type": "string"}, "description": nullable("string")})},
        "committees": {"type": "array", "items": closed_object({"id": ID, "title": {"type": "string"}})},
        "strategies": {
            "type": "array",
            "items": closed_object(
                {
                    "id": ID,
                    "title": {"type": "string"},
                    "subtitle": nullable("string"),
                    "adopted": _PERIOD,
                    "url": nullable("string"),
                    "description": nullable("string"),
                    "strengths": {"type": "array", "items": closed_object({"id": ID, "title": {"type": "string"}, "description": nullable("string")})},
                }
            ),
        },
        "sdgs": closed_object(
            {
                "selected": {"type": "array", "items": {"type": "integer", "minimum": 1, "maximum": 17}},
                "goals": {
                    "type": "array",
                    "items": closed_object(
                        {"number": {"type": "integer", "minimum": 1, "maximum": 17}, "title": {"type": "string"}, "colour": {"type": "string"}}
                    ),
                },
            }
        ),
        "items": {
            "type": "array",
            "items": closed_object(
                {
                    "id": ID,
                    "url": {"type": "string"},
                    "plans": {
                        "type": "array",
                        "items": PLAN_ID,
                        "minItems": 1,
                        "description": "id'erne på de planer (plans), indsatsen hører til, den ældste først",
                    },
                    "title": {"type": "string"},
                    "theme": ID,
                    "kind": ID,
                    "committees": {"type": "array", "items": ID, "minItems": 1},
                    "strategic": {"type": "boolean"},
                    "status": ID,
                    "status_since": DATE,
                    "last_confirmed": DATE,
                    "not_updated": {"type": "boolean"},
                    "past_planned_end": {"type": "boolean"},
                    "milestones_late": {"type": "integer", "minimum": 0, "description": "milepæle, hvis planlagte periode er slut, uden at de er nået"},
                    "timing": TIMING,
                    "planned_timing": TIMING,
                    "responsible": nullable("string"),
                    "process": nullable("string"),
                    "cross_cutting": nullable("string"),
                    "budget": {
                        "type": "array",
                        "items": closed_object(
                            {"year": {"type": "integer"}, "amount": {"type": "number", "description": "1.000 kr.; besparelser er negative"}}
                        ),
                    },
                    "strategies": {"type": "array", "items": ID},
                    "strengths": {"type": "array", "items": ID},
                    "sdgs": {"type": "array", "items": {"type": "integer", "minimum": 1, "maximum": 17}},
                    "related": {"type": "array", "items": ID},
                    "previous_ids": {"type": "array", "items": ID},
                    "history": {
                        "type": "array",
                        "minItems": 1,
                        "items": HISTORY_ENTRY,
                    },
                    "milestones": {"type": "array", "items": _MILESTONE, "description": "milepælene i planlagt rækkefølge"},
                    "indicators": {"type": "array", "items": _INDICATOR},
                }
            ),
        },
    },
)


def schema_json() -> str:
    return json.dumps(SCHEMA, ensure_ascii=False, indent=1) + "\n"
