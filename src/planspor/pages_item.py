"""An item's page: its status and how fresh it is, its facts, the editor's note, its history; and the
forwarding pages at its previous addresses."""

from __future__ import annotations

from . import addresses
from .citation import citation
from .fragment_data import HistoryEntry, ItemData, Link
from .freshness import freshness
from .indicator_chart import indicator_view
from .item_plans import plan_steps, replaced_by
from .model import Item, Plan
from .page_data import ItemPage, PageMeta, RedirectPage
from .page_fragments import SiteContext
from .page_source import PageSource, front_matter_page, item_markdown, template
from .periods import danish_date
from .project import NOTES_DIR, PLAN_FILE


def item_page(ctx: SiteContext, item: Item) -> PageSource:
    plan = ctx.plan
    note = ctx.project.notes.get(item.id)
    entry = item.status_entry
    fresh = freshness(item, plan.info)
    milestones = ctx.milestones(item)
    data: ItemData = {
        "id": item.id,
        "status": {**ctx.status(item.status), "meaning": item.status.meaning},
        "last_confirmed": danish_date(fresh.last_confirmed),
        "last_confirmed_iso": fresh.last_confirmed.isoformat(),
        "stale": fresh.stale,
        "stale_after_months": plan.info.stale_after_months,
        "past_end": fresh.past_end,
        "end": item.timing.end.label if item.timing.end else "",
        "status_since": danish_date(item.status_since),
        "reason": entry.comment if item.status.dropped else "",
        "theme": {"title": item.theme.title, "url": addresses.theme(item.theme.id), "feed": addresses.theme_feed(item.theme.id)},
        "kind": item.kind.title,
        "committees": [{"title": c.title, "url": addresses.committee(c.id)} for c in item.committees],
        "strategic": item.strategic,
        "timing": item.timing.shown(),
        "planned": item.planned.label() if item.moves else "",
        "responsible": item.responsible,
        "budget": ctx.budget(item),
        "milestones": milestones,
        "late_milestones": [m["title"] for m in milestones["entries"] if m["state"] == "late"],
        "indicators": [indicator_view(i) for i in item.indicators],
        "strategies": [{"title": s.title, "url": addresses.strategy(s.id)} for s in item.strategies],
        "strengths": [{"title": s.title, "url": addresses.strength(_strength_owner(ctx, s.id), s.id)} for s in item.strengths],
        "sdgs": [{**ctx.sdg(s), "url": addresses.sdg(s.number)} for s in item.sdgs],
        "history": _history(ctx, item),
        "replaces": [_item_link(plan.items_by_id[old]) for old in item.replaces],
        "replaced_by": [_item_link(new) for new in replaced_by(plan, item)],
        "related": [ctx.rows[r] for r in item.related_ids],
        "related_statuses": {s.id: ctx.status(s) for s in plan.statuses if any(ctx.rows[r]["status"] == s.id for r in item.related_ids)},
        "previous_ids": list(item.previous_ids),
        "plans": _plans(ctx, item),
        "has_note": note is not None,
        "edit": {"note": f"content/{NOTES_DIR}/{item.id}.md", "note_exists": note is not None, "plan": PLAN_FILE, "plan_line": item.line},
        "citation": citation(
            item.title, addresses.item(item.id), _latest_plan_title(plan, item), plan.info.municipality, plan.info.data_as_of, ctx.version, ctx.site_url
        ),
    }
    description = f"{item.title}. Status: {item.status.label} (pr. {danish_date(entry.date)})."
    if note is not None and note.doc.meta.get("description"):
        description = str(note.doc.meta["description"])
    page: ItemPage = {"site": ctx.site, "page": "item", "item": data}
    body = item_markdown(note.body if note is not None else None, item.process, item.cross_cutting)
    return ctx.page(addresses.item_source(item.id), item.title, page, body, description)


def redirects(ctx: SiteContext, item: Item) -> list[PageSource]:
    """The item's old addresses: static pages that forward to the new one."""
    return [redirect(ctx, addresses.item_source(old_id), item) for old_id in item.previous_ids]


def redirect(ctx: SiteContext, src_uri: str, item: Item) -> PageSource:
    data: RedirectPage = {"page": "redirect", "site": ctx.site, "target": addresses.item(item.id), "id": item.id}
    meta: PageMeta = {"title": item.title, "template": template("redirect"), "planspor": data}
    return front_matter_page(src_uri, meta)


def _strength_owner(ctx: SiteContext, strength_id: str) -> str:
    return next(s.id for s in ctx.plan.strategies if any(x.id == strength_id for x in s.strengths))


def _plans(ctx: SiteContext, item: Item) -> list[Link]:
    """The plans the item belongs to, with their pages; none on a site with one plan (it has no plan pages)."""
    if not ctx.plan.several_plans:
        return []
    return [{"title": p.title, "url": addresses.plan(p.id)} for p in ctx.plan.plans if p.id in item.plans]


def _item_link(item: Item) -> Link:
    return {"title": item.title, "url": addresses.item(item.id)}


def _history(ctx: SiteContext, item: Item) -> list[HistoryEntry]:
    """The history newest first, with the item's entries into its plans among the statuses (with
    several plans): on a day with both, the plan entry is the older, the day's work came after it."""
    entries = ctx.history(item)
    for step in plan_steps(ctx.plan, item):
        entries.append(
            {
                "date": danish_date(step.date),
                "iso": step.date.isoformat(),
                "status": None,
                "moved": "",
                "comment": "",
                "decision": None,
                "document": None,
                "plan": {
                    "plan": {"title": step.plan.title, "url": addresses.plan(step.plan.id)},
                    "carried": step.carried,
                    "account": step.account,
                    "changes": list(step.changes),
                },
            }
        )
    return sorted(entries, key=lambda entry: (entry["iso"], entry["plan"] is None), reverse=True)  # stable: a day's statuses keep their order


def _latest_plan_title(plan: Plan, item: Item) -> str:
    """The plan an item's citation names: the latest it belongs to (an earlier plan's, for an item not carried into the current one)."""
    latest = item.plans[-1] if item.plans else ""
    return next((adopted.title for adopted in plan.plans if adopted.id == latest), plan.info.title)
