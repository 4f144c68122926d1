"""A snapshot's open data, beside its page: stand.json (its schema in snapshot_schema) and stand.csv.

The files hold what the page shows, for a reader who wants to count rather than read: every item as
it stood at the end of the day (status, status since, timing as moved by then, the notices of then),
the spread overall and per theme, and the changes since the previous snapshot. They are made from
the same rows as the page (snapshots.rows_on), so page and file never disagree. stand.csv opens in
Danish Excel as plan.csv does: UTF-8 with BOM, ';', CRLF; its shared columns carry plan.csv's headers.
"""

from __future__ import annotations

import json
from typing import Any

from . import addresses, changes
from .model import AdoptedPlan, Plan, Theme
from .opendata import decision_data, history_entry_data, timing_data
from .plan_columns import header_of
from .progress_data import danish_excel_csv
from .snapshot_schema import SNAPSHOT_SCHEMA_VERSION
from .snapshots import Snapshot, SnapshotDay, SnapshotRow, Tally

Tallies = tuple[Tally, dict[Theme, Tally]]  # a snapshot's, overall and per theme (snapshots.tally_by_theme)

# stand.csv's columns: plan.csv's headers where the column means the same, then the day's notices.
SNAPSHOT_CSV_HEADER: tuple[str, ...] = (
    *(header_of(key) for key in ("id", "title", "theme", "kind", "committees", "status", "status_since", "confirmed", "start", "end", "planned_end")),
    "Ikke opdateret",
    "Slut passeret",
    "Milepæle forsinket",
    header_of("address"),
)


def _yes(flag: bool) -> str:
    return "ja" if flag else "nej"


def snapshot_csv(rows: list[SnapshotRow], site_url: str) -> str:
    """One row per item of the snapshot, in the page's order."""
    lines = [
        [
            row.item.id,
            row.item.title,
            row.item.theme.title,
            row.item.kind.title,
            ", ".join(c.title for c in row.item.committees),
            row.status.label,
            row.status_since.isoformat(),
            row.last_confirmed.isoformat(),
            row.timing.start.text if row.timing.start else "",
            row.timing.end.text if row.timing.end else "",
            row.item.planned.end.text if row.item.planned.end else "",
            _yes(row.stale),
            _yes(row.past_end),
            str(row.milestones_late),
            addresses.absolute(site_url, addresses.item(row.item.id)),
        ]
        for row in rows
    ]
    return danish_excel_csv(SNAPSHOT_CSV_HEADER, lines)


def _counts(plan: Plan, tally: Tally) -> dict[str, Any]:
    """How many items, and how many had each status, in the plan's order of statuses."""
    return {"items": tally.total, "statuses": {s.id: tally.statuses[s.id] for s in plan.statuses if tally.statuses[s.id]}}


def _neighbour(adopted: AdoptedPlan, day: SnapshotDay | None, site_url: str) -> dict[str, str] | None:
    if day is None:
        return None
    iso = day.day.isoformat()
    return {
        "day": iso,
        "url": addresses.absolute(site_url, addresses.snapshot(adopted.id, iso)),
        "json": addresses.absolute(site_url, addresses.snapshot_json(adopted.id, iso)),
    }


def _row(row: SnapshotRow, site_url: str) -> dict[str, Any]:
    item = row.item
    return {
        "id": item.id,
        "url": addresses.absolute(site_url, addresses.item(item.id)),
        "title": item.title,
        "theme": item.theme.id,
        "kind": item.kind.id,
        "committees": [c.id for c in item.committees],
        "status": row.status.id,
        "status_since": row.status_since.isoformat(),
        "last_confirmed": row.last_confirmed.isoformat(),
        "timing": timing_data(row.timing),
        "planned_timing": timing_data(item.planned),
        "not_updated": row.stale,
        "past_planned_end": row.past_end,
        "milestones_late": row.milestones_late,
    }


def _change(change: changes.Change) -> dict[str, Any]:
    return {"item": change.item.id, "text": change.describe(), **history_entry_data(change.entry)}


def snapshot_data(plan: Plan, snapshot: Snapshot, rows: list[SnapshotRow], tallies: Tallies, listed: list[changes.Change], site_url: str) -> dict[str, Any]:
    """stand.json's data: ``rows`` as snapshots.rows_on gives them, ``tallies`` theirs overall and per theme (as the
    page counts them), ``listed`` the changes since the previous snapshot, newest first."""
    adopted, day = snapshot.adopted, snapshot.day
    iso = day.day.isoformat()
    tally, by_theme = tallies
    return {
        "schema_version": SNAPSHOT_SCHEMA_VERSION,
        "example_data": plan.info.example_data,
        "municipality": plan.info.municipality,
        "plan": {
            "id": adopted.id,
            "title": adopted.title,
            "url": addresses.absolute(site_url, addresses.plan(adopted.id) if plan.several_plans else ""),
        },
        "day": iso,
        "url": addresses.absolute(site_url, addresses.snapshot(adopted.id, iso)),
        "quarter": {"year": day.quarter[0], "quarter": day.quarter[1]} if day.quarter else None,
        "decisions": [decision_data(decision) for decision in day.decisions],
        "data_as_of": plan.info.data_as_of.isoformat(),
        "previous": _neighbour(adopted, snapshot.previous, site_url),
        "next": _neighbour(adopted, snapshot.following, site_url),
        "statuses": [{"id": s.id, "label": s.label, "finished": s.finished, "dropped": s.dropped} for s in plan.statuses],
        "counts": {**_counts(plan, tally), "not_updated": tally.stale, "past_planned_end": tally.past_end, "milestones_late": tally.milestones_late},
        "themes": [{"id": theme.id, "title": theme.title, "counts": _counts(plan, by_theme[theme])} for theme in plan.themes if theme in by_theme],
        "items": [_row(row, site_url) for row in rows],
        "changes": [_change(change) for change in listed],
    }


def snapshot_json(plan: Plan, snapshot: Snapshot, rows: list[SnapshotRow], tallies: Tallies, listed: list[changes.Change], site_url: str) -> str:
    return _a_line_each(snapshot_data(plan, snapshot, rows, tallies, listed, site_url))


def _a_line_each(data: dict[str, Any]) -> str:
    """The JSON with a line for each key and for each entry of a list: readable in an editor and a diff,
    and written by json's C encoder (indent= makes json use its Python one, ten times slower; a
    snapshot of 10,000 items is a file of megabytes, and a site has a few dozen snapshots)."""
    fields = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            entries = ",\n  ".join(json.dumps(entry, ensure_ascii=False) for entry in value)
            fields.append(f" {json.dumps(key)}: [\n  {entries}\n ]")
        else:
            fields.append(f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n" + ",\n".join(fields) + "\n}\n"
