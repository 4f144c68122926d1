"""The JSON Schema of every snapshot's stand.json, published once as data/stand.schema.json.

Closed objects, as plan.schema.json's: a new key means a new schema_version. The decisions and the
history entries have plan.json's shapes (opendata_schema), so a reader parses both files alike.
"""

from __future__ import annotations

import json

from .opendata_schema import DATE, DECISION, HISTORY_ENTRY, ID, PLAN_ID, TIMING, closed_object, schema_document

SNAPSHOT_SCHEMA_VERSION = 1

_NEIGHBOUR = {
    "oneOf": [
        {"type": "null"},
        closed_object({"day": DATE, "url": {"type": "string"}, "json": {"type": "string", "description": "dens stand.json"}}),
    ]
}
_SPREAD = {
    "items": {"type": "integer", "minimum": 0, "description": "indsatser i planen den dag"},
    "statuses": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 1}, "description": "status-id -> antal indsatser"},
}
_ITEM = closed_object(
    {
        "id": ID,
        "url": {"type": "string", "description": "indsatsens side nu"},
        "title": {"type": "string", "description": "titlen, som den var i planen"},
        "theme": ID,
        "kind": ID,
        "committees": {"type": "array", "items": ID},
        "status": ID,
        "status_since": {**DATE, "description": "datoen for det seneste punkt i historikken til og med dagen, der satte en status"},
        "last_confirmed": {**DATE, "description": "datoen for det seneste punkt i historikken til og med dagen"},
        "timing": {**TIMING, "description": "tidspunktet, som det var flyttet til og med dagen"},
        "planned_timing": {**TIMING, "description": "tidspunktet, planen blev vedtaget med"},
        "not_updated": {"type": "boolean", "description": "ikke opdateret inden for stale_after_months før dagen"},
        "past_planned_end": {"type": "boolean", "description": "slut var passeret den dag, uden at indsatsen var afsluttet"},
        "milestones_late": {"type": "integer", "minimum": 0, "description": "milepæle, hvis planlagte periode var slut den dag, uden at de var nået"},
    }
)

SNAPSHOT_SCHEMA = schema_document(
    "stand.schema.json",
    "Planspor: en udmøntningsplan, som den stod på en dag",
    "Planens indsatser ved dagens slutning: status, tidspunkt og bemærkninger, som de var den dag, og ændringerne siden forrige øjebliksbillede.",
    SNAPSHOT_SCHEMA_VERSION,
    {
        "municipality": {"type": "string"},
        "plan": closed_object({"id": PLAN_ID, "title": {"type": "string"}, "url": {"type": "string"}}),
        "day": DATE,
        "url": {"type": "string", "description": "øjebliksbilledets side"},
        "quarter": {
            "oneOf": [{"type": "null"}, closed_object({"year": {"type": "integer"}, "quarter": {"type": "integer", "minimum": 1, "maximum": 4}})],
            "description": "det kvartal, dagen slutter; null for en beslutnings dag midt i et kvartal",
        },
        "decisions": {"type": "array", "items": DECISION, "description": "de beslutninger om planen (adopted_by), der blev truffet den dag"},
        "data_as_of": {**DATE, "description": "datoen for de data, øjebliksbilledet er regnet ud fra"},
        "previous": {**_NEIGHBOUR, "description": "det forrige øjebliksbillede af planen"},
        "next": {**_NEIGHBOUR, "description": "det næste øjebliksbillede af planen"},
        "statuses": {
            "type": "array",
            "items": closed_object({"id": ID, "label": {"type": "string"}, "finished": {"type": "boolean"}, "dropped": {"type": "boolean"}}),
        },
        "counts": closed_object(
            {
                **_SPREAD,
                "not_updated": {"type": "integer", "minimum": 0},
                "past_planned_end": {"type": "integer", "minimum": 0},
                "milestones_late": {"type": "integer", "minimum": 0, "description": "indsatser med en forsinket milepæl"},
            }
        ),
        "themes": {"type": "array", "items": closed_object({"id": ID, "title": {"type": "string"}, "counts": closed_object(_SPREAD)})},
        "items": {"type": "array", "items": _ITEM, "description": "planens indsatser den dag, i arbejdsplanens rækkefølge"},
        "changes": {
            "type": "array",
            "items": closed_object(
                {
                    "item": {**ID, "description": "indsatsens id"},
                    "text": {"type": "string", "description": "ændringen i ord, som siden skriver den"},
                    **HISTORY_ENTRY["properties"],
                }
            ),
            "description": "ændringerne siden forrige øjebliksbillede, nyeste først",
        },
    },
)


def snapshot_schema_json() -> str:
    return json.dumps(SNAPSHOT_SCHEMA, ensure_ascii=False, indent=1) + "\n"
