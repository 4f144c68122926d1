"""The pages of a site that holds several udmøntningsplaner: /planer/ and one page per plan.

A site with one plan has none of them (its addresses stay as they were). With earlier plans, each
plan's page shows its facts, the decisions about it, and its items with the status each had the day
the plan was replaced (the current plan: today's status), so what a plan promised and reached stays
on record after the next plan takes over. The items keep one address each, whatever plans they are in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from itertools import groupby

from . import addresses, evidence, pages_snapshots
from .fragment_data import Link, PlanGroup, Summary, Table
from .item_plans import as_in_plan
from .model import AdoptedPlan, Item
from .page_data import IndexPage, PlanPage
from .page_fragments import SiteContext
from .page_source import PageSource, escape, split_pages
from .periods import danish_date


def plan_pages(ctx: SiteContext) -> Iterator[PageSource]:
    """/planer/ and /planer/<periode>/ for every plan, newest first; nothing when the site holds one plan."""
    plan = ctx.plan
    if not plan.several_plans:
        return
    newest_first = list(reversed(plan.plans))
    summaries: list[Summary] = [ctx.summary(p.id, p.title, addresses.plan(p.id), plan.items_of(p)) for p in newest_first]
    data: IndexPage = {"site": ctx.site, "page": "index", "index": "plans", "entries": summaries, "others": []}
    yield ctx.page(addresses.PLAN_INDEX, "Planer", data, "", f"{plan.info.municipality}s udmøntningsplaner, den gældende og de tidligere.")
    for adopted in newest_first:
        yield from _plan_page(ctx, adopted, [{"title": p.title, "url": addresses.plan(p.id)} for p in newest_first if p is not adopted])


def _plan_page(ctx: SiteContext, adopted: AdoptedPlan, others: list[Link]) -> Iterator[PageSource]:
    items = sorted(ctx.plan.items_of(adopted), key=lambda item: item.sort_key)
    counts = ctx.counts(items) if adopted.current else ctx.spread_counts(Counter(_final_status(item, adopted) for item in items))
    decisions = ctx.decisions(evidence.adopted_plan_decisions(ctx.plan, adopted))
    body = escape(adopted.introduction)
    state = "gældende" if adopted.current else f"afløst {danish_date(adopted.closed)}" if adopted.closed else ""
    description = f"{adopted.title} for {ctx.plan.info.municipality} ({state}): {len(items)} indsatser."
    snapshots = pages_snapshots.snapshot_links(ctx, adopted)
    for part in split_pages(addresses.plan_source(adopted.id), adopted.title, items):
        data: PlanPage = {
            "site": ctx.site,
            "page": "plan",
            "counts": counts,
            "table": _table(ctx, part.rows, adopted),
            "pagination": part.pagination,
            "first_page": part.number == 1,
            "period": adopted.id,
            "budget_agreement": adopted.budget_agreement,
            "case_number": adopted.case_number,
            "current": adopted.current,
            "opened": danish_date(adopted.opened) if adopted.opened else "",
            "closed": danish_date(adopted.closed) if adopted.closed else "",
            "closed_iso": adopted.closed.isoformat() if adopted.closed else "",
            "corrections": [correction.describe() for correction in adopted.corrections],
            "decisions": decisions,
            "other_plans": others,
            "snapshots": snapshots if part.number == 1 else [],
        }
        yield ctx.page(part.src_uri, part.title, data, body if part.number == 1 else "", description)


def _final_status(item: Item, adopted: AdoptedPlan) -> str:
    return item.status_on(adopted.closed).id if adopted.closed else item.status.id


def _table(ctx: SiteContext, items: list[Item], adopted: AdoptedPlan) -> Table:
    """The items' table; for a plan that was replaced, each item as it was in that plan (its title,
    theme, kind and committees of then) with the status it had that day, and without today's notices
    (not updated, end passed), which are not about the plan that ended."""
    if adopted.current:
        return ctx.table(items)
    then = [as_in_plan(item, adopted.id) for item in items]
    table = ctx.table(then)
    rows = [{**ctx.row(item), "status": _final_status(item, adopted), "flags": [], "next_milestone": ""} for item in then]
    used = {row["status"] for row in rows}
    statuses = {s.id: ctx.status(s) for s in ctx.plan.statuses if s.id in used}
    return {**table, "rows": rows, "statuses": statuses}  # type: ignore[typeddict-item]


def newest_plan_first(ctx: SiteContext, items: list[Item]) -> list[Item]:
    """The items of the current plan first, then those that ended with each earlier plan, newest first;
    in their own order within each (stable). Unchanged on a site with one plan."""
    if not ctx.plan.several_plans:
        return items
    order = {plan.id: index for index, plan in enumerate(ctx.plan.plans)}
    return sorted(items, key=lambda item: -order[item.plans[-1]])


def plan_groups(ctx: SiteContext, items: list[Item]) -> list[PlanGroup]:
    """A listing page's items (in newest_plan_first order) grouped by their latest plan; [] with one plan."""
    if not ctx.plan.several_plans:
        return []
    by_id = {plan.id: plan for plan in ctx.plan.plans}
    groups: list[PlanGroup] = []
    for plan_id, members in groupby(items, key=lambda item: item.plans[-1]):
        adopted = by_id[plan_id]
        title = f"{adopted.title} (den gældende plan)" if adopted.current else f"Sluttede med {adopted.title}"
        groups.append({"id": adopted.id, "title": title, "plan": adopted.title, "url": addresses.plan(adopted.id), "table": ctx.table(members)})
    return groups
