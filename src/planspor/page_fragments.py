"""The pieces many pages share, built once: a status badge, an item's table row, counts, a history.

:class:`SiteContext` holds the project and what every page kind needs from it (the site's facts, each
item's row, the items in order) and makes a page: a generated page's data, with the editor's text for
its address added above its own content where the address takes one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from decimal import Decimal

from . import addresses, changes, evidence, model, progress
from .buildinfo import build_commit, short_commit
from .fragment_data import (
    ChangeData,
    ContactData,
    Counts,
    Decision,
    HistoryEntry,
    ItemBudget,
    Link,
    MilestoneEntry,
    Milestones,
    Row,
    SdgData,
    SiteData,
    StatusData,
    Summary,
    Table,
)
from .freshness import freshness
from .model import Contact, Item, Plan, Status
from .money import danish_number
from .page_data import PageData, PageMeta
from .page_source import PageSource, front_matter_page, template
from .periods import danish_date
from .project import Project
from .sdgs import Sdg

# The items a decision's row names; the rest are counted (each item's page names the decision, plan.json has them all).
CITED_SHOWN = 10


class SiteContext:
    """One build's shared state for the page kinds; every fragment from the validated plan."""

    def __init__(self, project: Project, site_url: str = "") -> None:
        self.project = project
        self.plan: Plan = project.plan
        self.site = site_data(self.plan)
        self.site_url = site_url  # the public address ('https://…/'), or '': the citations' addresses are absolute from it
        self.version = short_commit(build_commit(project.root))  # the build's commit, as the footer names it
        self.rows = {item.id: self.row(item) for item in self.plan.items}
        self.sorted_items = sorted(self.plan.items, key=lambda i: i.sort_key)
        self.citing = evidence.citing_items(self.plan)  # each cited decision's id → the items that cite it

    def page(self, src_uri: str, title: str, data: PageData, body: str, description: str = "") -> PageSource:
        """A generated page; an editor's text for the same address goes above the page's own body."""
        editor = self.project.pages.get(src_uri)
        if editor is not None:
            body = editor.body + ("\n\n" + body if body else "")
            description = str(editor.doc.meta.get("description") or description)
        meta: PageMeta = {"title": title, "template": template(data["page"])}
        if description:
            meta["description"] = description
        meta["planspor"] = data
        return front_matter_page(src_uri, meta, body)

    # -- fragments

    def status(self, status: Status) -> StatusData:
        return {
            "id": status.id,
            "label": status.label,
            "icon": status.icon,
            "colour": status.colour,
            "text_colour": status.text_colour,
            "order": self.plan.statuses.index(status),
        }

    def row(self, item: Item) -> Row:
        timing = item.timing
        return {
            "id": item.id,
            "title": item.title,
            "url": addresses.item(item.id),
            "status": item.status.id,
            "theme": item.theme.id,
            "kind": item.kind.title,
            "kind_id": item.kind.id,
            "committees": [c.id for c in item.committees],
            "timing": timing.shown(),
            "sort": item.sort_key[0].isoformat() if timing.end or timing.start else "9999-12-31",
            "flags": self.flags(item),
            "next_milestone": self.next_milestone(item),
        }

    def next_milestone(self, item: Item) -> str:
        milestone = progress.next_milestone(item)
        return f"{milestone.title} ({milestone.planned.label})" if milestone else ""

    def milestones(self, item: Item) -> Milestones:
        """The item's milestones in planned order, each reached, next, late or later."""
        late = {m.id for m in progress.late_milestones(item, self.plan.info.data_as_of)}
        upcoming = progress.next_milestone(item)
        entries: list[MilestoneEntry] = []
        for m in item.milestones:
            state = "reached" if m.reached else "late" if m.id in late else "next" if m is upcoming else "later"
            reached = danish_date(m.reached) if m.reached else ""
            entries.append(
                {"title": m.title, "planned": m.planned.label, "reached": reached, "reached_iso": m.reached.isoformat() if m.reached else "", "state": state}
            )
        return {"count": progress.milestone_count(item), "entries": entries}

    def flags(self, item: Item) -> list[str]:
        fresh = freshness(item, self.plan.info)
        late = bool(progress.late_milestones(item, self.plan.info.data_as_of))
        return [flag for flag, on in (("stale", fresh.stale), ("past_end", fresh.past_end), ("milestone_late", late)) if on]

    def table(self, items: Iterable[Item]) -> Table:
        """A table of items with the labels its rows refer to, and only those."""
        items = list(items)
        statuses = {i.status.id for i in items}
        themes = {i.theme.id for i in items}
        committees = {c.id for i in items for c in i.committees}
        return {
            "rows": [self.rows[i.id] for i in items],
            "statuses": {s.id: self.status(s) for s in self.plan.statuses if s.id in statuses},
            "themes": {t.id: {"title": t.title, "url": addresses.theme(t.id)} for t in self.plan.themes if t.id in themes},
            "committees": {c.id: {"title": c.title, "url": addresses.committee(c.id)} for c in self.plan.committees if c.id in committees},
        }

    def counts(self, items: Iterable[Item]) -> Counts:
        """How the items spread over the statuses, with how many are finished, stale or past their end."""
        items = list(items)
        flags = [self.rows[i.id]["flags"] for i in items]
        stale, past_end, late = (sum(flag in f for f in flags) for flag in ("stale", "past_end", "milestone_late"))
        return self.spread_counts(Counter(item.status.id for item in items), stale, past_end, late)

    def spread_counts(self, spread: Counter[str], stale: int = 0, past_end: int = 0, milestone_late: int = 0) -> Counts:
        """The same counts from a spread of statuses (at a quarter's end on /aendringer/)."""
        total = sum(spread.values())
        dropped = sum(spread[s.id] for s in self.plan.statuses if s.dropped)
        finished = sum(spread[s.id] for s in self.plan.statuses if s.finished)
        active = total - dropped
        return {
            "total": total,
            "stale": stale,
            "past_end": past_end,
            "milestone_late": milestone_late,
            "finished": finished,
            "active": active,
            "percent": round(100 * finished / active) if active else 0,
            "by_status": [
                {**self.status(s), "count": spread[s.id], "percent": round(100 * spread[s.id] / total, 1) if total else 0} for s in self.plan.statuses
            ],
        }

    def summary(self, ident: str, title: str, url: str, items: list[Item]) -> Summary:
        return {"id": ident, "title": title, "url": url, "counts": self.counts(items)}

    def theme_summaries(self, items: list[Item] | None = None) -> list[Summary]:
        """Each theme with the counts of its items (of ``items`` when given: the current plan's on the overview)."""
        if items is None:
            return [self.summary(t.id, t.title, addresses.theme(t.id), self.plan.items_in_theme(t)) for t in self.plan.themes]
        return [self.summary(t.id, t.title, addresses.theme(t.id), [i for i in items if i.theme == t]) for t in self.plan.themes]

    def sdg(self, sdg: Sdg) -> SdgData:
        return {
            "number": sdg.number,
            "title": sdg.title,
            "colour": sdg.colour,
            "text_colour": sdg.text_colour,
            "selected": sdg in self.plan.selected_sdgs,
        }

    def decisions(self, decisions: Iterable[model.Decision] | None = None) -> list[Decision]:
        """The register's decisions (all of them unless ``decisions`` says which), each with the items that cite it."""
        return [self.decision(d) for d in (self.plan.info.decisions if decisions is None else decisions)]

    def decision(self, decision: model.Decision) -> Decision:
        cited = self.citing.get(decision.id, []) if decision.id else []
        return {
            "id": decision.id,
            "body": decision.body,
            "body_url": addresses.committee(decision.body_id) if decision.committee else "",
            "date": danish_date(decision.date),
            "iso": decision.date.isoformat(),
            "agenda": evidence.agenda(decision),
            "outcome": decision.outcome,
            "comment": decision.comment,
            "url": decision.url,
            "example": decision.example,
            "cited_as": evidence.cited_as(decision),
            "cited_by": [{"title": item.title, "url": addresses.item(item.id)} for item in cited[:CITED_SHOWN]],
            "cited_more": max(0, len(cited) - CITED_SHOWN),
        }

    def change(self, change: changes.Change) -> ChangeData:
        item: Link = {"title": change.item.title, "url": addresses.item(change.item.id)}
        return {
            "date": danish_date(change.date),
            "iso": change.date.isoformat(),
            "item": item,
            "status": self.status(change.entry.status) if change.entry.status else None,
            "what": change.describe(),
            "comment": change.entry.comment,
        }

    def history(self, item: Item) -> list[HistoryEntry]:
        moves = {move.date: move for move in item.moves}
        entries: list[HistoryEntry] = []
        for entry in reversed(item.history):
            move = moves.get(entry.date) if entry.moves_timing else None
            entries.append(
                {
                    "date": danish_date(entry.date),
                    "iso": entry.date.isoformat(),
                    "status": self.status(entry.status) if entry.status else None,
                    "moved": move.describe() if move else "",
                    "comment": entry.comment,
                    "decision": self.decision(entry.decision) if entry.decision else None,
                    "document": {"title": entry.document.title, "url": entry.document.url} if entry.document else None,
                    "plan": None,
                }
            )
        return entries

    def budget(self, item: Item) -> ItemBudget:
        if not item.budget:
            return {}
        total = sum((amount for _, amount in item.budget), Decimal(0))
        return {
            "rows": [{"year": year, "amount": danish_number(amount), "saving": amount < 0} for year, amount in item.budget],
            "total": danish_number(total),
        }


def site_data(plan: Plan) -> SiteData:
    info = plan.info
    return {
        "plan_title": info.title,
        "municipality": info.municipality,
        "example_data": info.example_data,
        "data_as_of": danish_date(info.data_as_of),
        "data_as_of_iso": info.data_as_of.isoformat(),
        "stale_after_months": info.stale_after_months,
        "data": {
            "json": addresses.DATA_JSON,
            "csv": addresses.DATA_CSV,
            "milestones": addresses.DATA_MILESTONES_CSV,
            "measurements": addresses.DATA_MEASUREMENTS_CSV,
            "schema": addresses.DATA_SCHEMA,
            "snapshot_schema": addresses.DATA_SNAPSHOT_SCHEMA,
            "catalogue": addresses.DATA_CATALOGUE,
        },
        "feed": addresses.CHANGES_FEED,
        "status_css": addresses.STATUS_CSS,
        "icons": addresses.ICON_SPRITE,
        "logo": {"src": info.logo.file, "alt": info.logo.alt} if info.logo else None,
        "contact": contact_data(info.contact) if info.contact else None,
    }


def contact_data(contact: Contact) -> ContactData:
    return {"unit": contact.unit, "email": contact.email, "phone": contact.phone, "phone_href": contact.phone_uri}
