"""The snapshots as entries of the Atom feeds (issue 22): a reader who follows the changes also learns
where the plan stood at the end of each quarter and on the days it was decided on.

Each snapshot is one entry, linking its page and its open data (stand.json, stand.csv) and summing up the
spread that day. The feed of all changes has every plan's snapshots; a theme's feed those in which the
theme had items that day, with the theme's own spread. changes.atom_feed places them among the changes.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from . import addresses, changes
from .model import Plan, Theme
from .periods import danish_date
from .snapshots import Snapshot, Tally, every_snapshot, rows_on, tally_by_theme

CATEGORY = "stand"
CATEGORY_LABEL = "Planen, som den stod"
NOTICES = ("Ikke opdateret", "Slut passeret", "Milepæl overskredet")  # Tally's stale, past_end, milestones_late, as the rows flag them


@dataclass(frozen=True)
class TalliedSnapshot:
    snapshot: Snapshot
    whole: Tally
    themes: Mapping[Theme, Tally]  # the themes the items had in the plan then, those with items that day


def tally_snapshots(plan: Plan) -> list[TalliedSnapshot]:
    """Every snapshot with its counts, worked out once for all the feeds: the rows of a day are the costly part."""
    tallied = []
    for snapshot in every_snapshot(plan):
        rows = rows_on(plan, snapshot.adopted, snapshot.day.day)
        tallied.append(TalliedSnapshot(snapshot, Tally.of(rows), tally_by_theme(rows)))
    return tallied


def snapshot_entries(plan: Plan, site_url: str, path: str, tallied: Sequence[TalliedSnapshot], theme: Theme | None = None) -> list[changes.OtherEntry]:
    """The entries of the feed at ``path``: every snapshot, or with ``theme`` those in which the theme had items."""
    entries = []
    for each in tallied:
        tally = each.whole if theme is None else each.themes.get(theme)
        if tally is None:
            continue
        entries.append(changes.OtherEntry(each.snapshot.day.day, _entry(plan, site_url, path, each.snapshot, tally, theme)))
    return entries


def _entry(plan: Plan, site_url: str, path: str, snapshot: Snapshot, tally: Tally, theme: Theme | None) -> ET.Element:
    adopted, iso = snapshot.adopted, snapshot.day.day.isoformat()
    page = addresses.snapshot(adopted.id, iso)
    # Named by the feed as well as the snapshot: a theme's entry says something else than the whole plan's.
    # No change entry's name ('planspor:<kommune>:<indsats>:<n>') has a feed path in it.
    name = f"planspor:{plan.info.municipality}:{path}:{CATEGORY}:{page}"
    prefix = "[Eksempeldata] " if plan.info.example_data else ""
    entry = changes.atom("entry")
    changes.atom("id", f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}", entry)
    changes.atom("title", f"{prefix}{adopted.title}, som den stod den {danish_date(snapshot.day.day)}", entry)
    changes.atom("updated", f"{iso}T00:00:00Z", entry)
    # Atom 1.0 (RFC 4287, 4.1.1) allows several alternate links when their types differ: the page and its data.
    changes.atom("link", parent=entry, rel="alternate", type="text/html", href=addresses.absolute(site_url, page))
    changes.atom("link", parent=entry, rel="alternate", type="application/json", href=addresses.absolute(site_url, addresses.snapshot_json(adopted.id, iso)))
    changes.atom("link", parent=entry, rel="alternate", type="text/csv", href=addresses.absolute(site_url, addresses.snapshot_csv(adopted.id, iso)))
    changes.atom("category", parent=entry, term=CATEGORY, label=CATEGORY_LABEL)
    changes.atom("summary", summary(plan, snapshot, tally, theme), entry, type="text")
    return entry


def summary(plan: Plan, snapshot: Snapshot, tally: Tally, theme: Theme | None = None) -> str:
    """'31. marts 2024 (udgangen af 1. kvartal 2024): 40 indsatser. I gang: 12, Forsinket: 5. Ikke opdateret: 3.'
    The statuses in the plan's order and the notices, each only when some item had it."""
    said = f"{snapshot.day.label()}: "
    where = f" i temaet {theme.title}" if theme else ""
    if not tally.total:
        said += "Ingen af planens indsatser var registreret endnu."
    else:
        said += f"{tally.total} {'indsats' if tally.total == 1 else 'indsatser'}{where}."
        said += " " + ", ".join(f"{s.label}: {tally.statuses[s.id]}" for s in plan.statuses if tally.statuses[s.id]) + "."
    counts = (tally.stale, tally.past_end, tally.milestones_late)
    notices = [f"{label}: {count}" for label, count in zip(NOTICES, counts, strict=True) if count]
    if notices:
        said += " " + ", ".join(notices) + "."
    if plan.info.example_data:
        said += " (Eksempeldata: indsatserne er opdigtede.)"
    return said
