"""What changed, when: every history entry as a change, by quarter, and as Atom feeds.

A change is one history entry of one item: a new status (from the previous
one) and/or a moved timing, with its date and comment, and what it rests on
(a decision in the register, a document). Feeds and the "Ændringer" page are
both built from this one list.
"""

from __future__ import annotations

import datetime as dt
import uuid
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from . import addresses, evidence
from .model import Decision, Document, HistoryEntry, Item, Plan, Status, Theme, TimingMove
from .periods import danish_date

FEED_LIMIT = 250  # newest entries in one feed; the pages and plan.json hold all of them
ATOM = "http://www.w3.org/2005/Atom"
MINUTES = "Referat fra mødet"  # a cited decision's link, as the item's page names it


@dataclass(frozen=True)
class Change:
    item: Item
    index: int  # position in the item's history (0 = first entry)
    entry: HistoryEntry
    previous_status: Status | None
    move: TimingMove | None

    @property
    def date(self) -> dt.date:
        return self.entry.date

    @property
    def decision(self) -> Decision | None:
        """The decision in the register that the change cites, if any."""
        return self.entry.decision

    @property
    def document(self) -> Document | None:
        """The document on the web that the change cites, if any."""
        return self.entry.document

    def sources(self) -> list[str]:
        """What the change rests on, as plain text with the addresses written out (a feed reader
        links them): 'Besluttet i …: Godkendt.', 'Referat fra mødet: https://…', 'Kilde: …: https://…'."""
        said = []
        if self.decision is not None:
            said.append(f"{evidence.cited_as(self.decision)}.")
            if self.decision.example:
                said.append("Beslutningen er et eksempel.")
            if self.decision.url:
                said.append(f"{MINUTES}: {self.decision.url}")
        if self.document is not None:
            said.append(f"Kilde: {self.document.title}: {self.document.url}")
        return said

    def describe(self) -> str:
        """'Status: Ikke påbegyndt → I gang; slut flyttet fra … til …'"""
        parts = []
        if self.entry.status is not None:
            if self.previous_status is None:
                parts.append(f"Status: {self.entry.status.label} (ny i planen)")
            elif self.previous_status == self.entry.status:
                parts.append(f"Status bekræftet: {self.entry.status.label}")
            else:
                parts.append(f"Status: {self.previous_status.label} → {self.entry.status.label}")
        if self.move is not None:
            moved = self.move.describe()
            parts.append(moved[:1].lower() + moved[1:] if parts else moved)
        text = "; ".join(parts)
        return text[:1].upper() + text[1:]


def item_changes(item: Item) -> list[Change]:
    moves = iter(item.moves)
    changes = []
    status: Status | None = None
    for index, entry in enumerate(item.history):
        move = next(moves) if entry.moves_timing else None
        changes.append(Change(item, index, entry, status, move))
        status = entry.status or status
    return changes


def all_changes(plan: Plan, theme: Theme | None = None) -> list[Change]:
    """Newest first; ties in a stable order (item order, then history order)."""
    changes = [c for item in plan.items if theme is None or item.theme == theme for c in item_changes(item)]
    return sorted(changes, key=lambda c: c.date, reverse=True)


# -- quarters ---------------------------------------------------------------------


def quarter_of(day: dt.date) -> tuple[int, int]:
    return (day.year, (day.month - 1) // 3 + 1)


def quarter_end(year: int, quarter: int) -> dt.date:
    month = quarter * 3
    return dt.date(year, month, 31 if month in (3, 12) else 30)


def quarter_label(year: int, quarter: int) -> str:
    return f"{quarter}. kvartal {year}"


def status_at(item: Item, day: dt.date) -> Status | None:
    """The item's status at the end of `day`; None before it entered the plan."""
    status = None
    for entry in item.history:
        if entry.date > day:
            break
        status = entry.status or status
    return status


def spread_at(plan: Plan, day: dt.date) -> Counter[str]:
    return Counter(s.id for s in (status_at(item, day) for item in plan.items) if s is not None)


# -- Atom -------------------------------------------------------------------------


def _entry_id(plan: Plan, change: Change) -> str:
    name = f"planspor:{plan.info.municipality}:{change.item.id}:{change.index}"
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


@dataclass(frozen=True)
class OtherEntry:
    """A feed entry that is not a change (a snapshot: snapshot_feed), made by its own module and placed here by
    its day. Its day is the state at the end of that day, so it comes ahead of (after, in time) that day's changes."""

    day: dt.date
    element: ET.Element


def atom(tag: str, text: str | None = None, parent: ET.Element | None = None, **attributes: str) -> ET.Element:
    """An Atom element, under ``parent`` when given."""
    name = f"{{{ATOM}}}{tag}"
    element = ET.Element(name, attributes) if parent is None else ET.SubElement(parent, name, attributes)
    element.text = text
    return element


def within_span(changes: list[Change], others: Sequence[OtherEntry]) -> list[OtherEntry]:
    """The other entries a feed holds beside its changes. FEED_LIMIT bounds the changes alone; the other entries
    are those of the span the kept changes cover (on or after the oldest kept change's day), or all of them when
    the feed holds every change: a reader never sees a snapshot of a stretch whose changes it was not given."""
    if len(changes) <= FEED_LIMIT:
        return list(others)
    oldest = changes[FEED_LIMIT - 1].date
    return [other for other in others if other.day >= oldest]


def _change_entry(plan: Plan, site_url: str, change: Change) -> ET.Element:
    prefix = "[Eksempeldata] " if plan.info.example_data else ""
    entry = atom("entry")
    atom("id", _entry_id(plan, change), entry)
    atom("title", f"{prefix}{change.item.title} – {change.describe()}", entry)
    atom("updated", f"{change.date.isoformat()}T00:00:00Z", entry)
    atom("link", parent=entry, rel="alternate", type="text/html", href=addresses.absolute(site_url, addresses.item(change.item.id)))
    # The sources as links too, for readers that list an entry's links (most show only the summary).
    if change.decision is not None and change.decision.url:
        atom("link", parent=entry, rel="related", href=change.decision.url, title=f"{MINUTES}: {evidence.cited_as(change.decision)}")
    if change.document is not None:
        atom("link", parent=entry, rel="related", href=change.document.url, title=change.document.title)
    atom("category", parent=entry, term=change.item.theme.id, label=change.item.theme.title)
    summary = f"{danish_date(change.date)}: {change.describe()}."
    if change.entry.comment:
        summary += f" {change.entry.comment}"
    for source in change.sources():
        summary += f" {source}"
    if plan.info.example_data:
        summary += " (Eksempeldata: indsatsen er opdigtet.)"
    atom("summary", summary, entry, type="text")
    return entry


def atom_feed(plan: Plan, site_url: str, path: str, title: str, changes: list[Change], page: str | None = None, others: Sequence[OtherEntry] = ()) -> str:
    """An Atom 1.0 feed of the newest changes. Links are absolute when site_url is known; ``page``: the
    page the feed follows (a theme's feed, the theme), its `alternate` link; else the list of changes.
    ``others``: entries beside the changes (the snapshots), kept as within_span says; newest first, an
    other entry ahead of its day's changes."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "da"})
    newest = changes[:FEED_LIMIT]
    kept = within_span(changes, others)
    updated = max([c.date for c in newest] + [other.day for other in kept], default=plan.info.data_as_of)
    prefix = "[Eksempeldata] " if plan.info.example_data else ""
    atom("id", f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'planspor:{plan.info.municipality}:{path}')}", feed)
    atom("title", f"{prefix}{title}", feed)
    atom("subtitle", f"Ændringer i status og tidspunkt for {plan.info.title}, {plan.info.municipality}.", feed)
    atom("updated", f"{updated.isoformat()}T00:00:00Z", feed)
    atom("link", parent=feed, rel="self", type="application/atom+xml", href=addresses.absolute(site_url, path))
    alternate = addresses.absolute(site_url, page or addresses.url_of(addresses.CHANGE_LIST))
    atom("link", parent=feed, rel="alternate", type="text/html", href=alternate)
    author = atom("author", parent=feed)
    atom("name", plan.info.municipality, author)
    atom("generator", "Planspor", feed)
    placed = [(c.date, 0, _change_entry(plan, site_url, c)) for c in newest] + [(other.day, 1, other.element) for other in kept]
    placed.sort(key=lambda entry: (entry[0], entry[1]), reverse=True)  # stable: ties keep their order
    feed.extend(element for _, _, element in placed)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
