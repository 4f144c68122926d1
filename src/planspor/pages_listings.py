"""The pages that list items: the overview, the section indexes, a theme, a committee, a strategy, a UN
goal, and the status table with a view per status. Every listing pages itself (PAGE_SIZE rows a page)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Literal

from . import addresses, changes, evidence
from .fragment_data import Filters, Link, SdgSummary, StatusView, Strength, Summary
from .model import Item, Status, Strategy
from .page_data import CommitteePage, IndexPage, ListingPage, OverviewPage, PageMeta, RedirectPage, SdgPage, StatusPage, StrategyPage, ThemePage
from .page_fragments import SiteContext
from .page_source import PAGE_SIZE, PagePart, PageSource, escape, front_matter_page, split_pages, template
from .pages_plans import newest_plan_first, plan_groups
from .sdgs import Sdg, every_sdg

LATEST_CHANGES = 5  # on the overview


def overview(ctx: SiteContext) -> PageSource:
    info = ctx.plan.info
    current = ctx.plan.current_items()  # with earlier plans, the overview is the current plan's
    counts = ctx.counts(current)
    earlier = ctx.plan.plans[:-1] if ctx.plan.several_plans else ()
    data: OverviewPage = {
        "site": ctx.site,
        "page": "overview",
        "counts": counts,
        "themes": ctx.theme_summaries(current),
        "earlier_plans": [{"title": p.title, "url": addresses.plan(p.id)} for p in reversed(earlier)],
        "decisions": ctx.decisions(evidence.plan_decisions(ctx.plan, ctx.citing)),
        "values_name": info.values_name,
        "plan_values": list(info.values),
        "latest_changes": [ctx.change(c) for c in changes.all_changes(ctx.plan)[:LATEST_CHANGES]],
    }
    description = f"Status for {info.title} i {info.municipality}: {counts['total']} indsatser, data pr. {ctx.site['data_as_of']}."
    return ctx.page(addresses.OVERVIEW, info.title, data, "", description)


IndexKind = Literal["themes", "committees", "strategies", "sdgs"]


def index_page(
    ctx: SiteContext, src_uri: str, title: str, kind: IndexKind, entries: list[Summary] | list[SdgSummary], others: list[Link] | None = None
) -> PageSource:
    data: IndexPage = {"site": ctx.site, "page": "index", "index": kind, "entries": entries, "others": others or []}
    return ctx.page(src_uri, title, data, "")


def committee_items(ctx: SiteContext) -> dict[str, list[Item]]:
    return {c.id: [i for i in ctx.sorted_items if c in i.committees] for c in ctx.plan.committees}


def strategy_items(ctx: SiteContext, strategy: Strategy) -> list[Item]:
    own = {s.id for s in strategy.strengths}
    return [i for i in ctx.sorted_items if strategy in i.strategies or any(s.id in own for s in i.strengths)]


def sdg_items(ctx: SiteContext, sdg: Sdg) -> list[Item]:
    return [i for i in ctx.sorted_items if sdg in i.sdgs]


def section_indexes(ctx: SiteContext) -> Iterator[PageSource]:
    """/temaer/, /udvalg/, /strategier/ and /verdensmaal/: each entry with its counts."""
    plan = ctx.plan
    yield index_page(ctx, addresses.THEME_INDEX, "Temaer", "themes", ctx.theme_summaries())
    by_committee = committee_items(ctx)
    committees = [ctx.summary(c.id, c.title, addresses.committee(c.id), by_committee[c.id]) for c in plan.committees]
    yield index_page(ctx, addresses.COMMITTEE_INDEX, "Udvalg", "committees", committees)
    strategies = [ctx.summary(s.id, s.title, addresses.strategy(s.id), strategy_items(ctx, s)) for s in plan.strategies]
    yield index_page(ctx, addresses.STRATEGY_INDEX, "Strategier", "strategies", strategies)
    # Cards for the goals in use; the others (every goal has a page, see sdgs) in a plain list after them.
    sdgs: list[SdgSummary] = [
        {**ctx.sdg(s), "url": addresses.sdg(s.number), "counts": ctx.counts([i for i in plan.items if s in i.sdgs])} for s in plan.sdgs_in_use()
    ]
    in_use = {s.number for s in plan.sdgs_in_use()}
    others: list[Link] = [{"title": f"{s.number}. {s.title}", "url": addresses.sdg(s.number)} for s in every_sdg() if s.number not in in_use]
    yield index_page(ctx, addresses.SDG_INDEX, "Verdensmål", "sdgs", sdgs, others)


def listing(ctx: SiteContext, base_uri: str, title: str, kind: str, items: list[Item]) -> Iterator[tuple[ListingPage, PagePart[Item]]]:
    """A listing whose table pages itself: each page's common data, and the page (source, title, rows)."""
    counts = ctx.counts(items)
    for part in split_pages(base_uri, title, items):
        data: ListingPage = {
            "site": ctx.site,
            "page": kind,
            "counts": counts,
            "table": ctx.table(part.rows),
            "pagination": part.pagination,
            "first_page": part.number == 1,
        }
        yield data, part


def themes(ctx: SiteContext) -> Iterator[PageSource]:
    for theme in ctx.plan.themes:
        items = newest_plan_first(ctx, [i for i in ctx.sorted_items if i.theme == theme])
        description = f"{theme.title}: {len(items)} indsatser i {ctx.plan.info.title}."
        for common, part in listing(ctx, addresses.theme_source(theme.id), theme.title, "theme", items):
            data: ThemePage = {**common, "id": theme.id, "feed": addresses.theme_feed(theme.id), "groups": plan_groups(ctx, part.rows)}
            yield ctx.page(part.src_uri, part.title, data, "", description)


def committees(ctx: SiteContext) -> Iterator[PageSource]:
    by_committee = committee_items(ctx)
    for committee in ctx.plan.committees:
        items = newest_plan_first(ctx, by_committee[committee.id])
        description = f"{committee.title}: {len(items)} indsatser i {ctx.plan.info.title}."
        for common, part in listing(ctx, addresses.committee_source(committee.id), committee.title, "committee", items):
            decisions = ctx.decisions(evidence.committee_decisions(ctx.plan, committee.id))
            data: CommitteePage = {**common, "id": committee.id, "decisions": decisions, "groups": plan_groups(ctx, part.rows)}
            yield ctx.page(part.src_uri, part.title, data, "", description)


def strategies(ctx: SiteContext) -> Iterator[PageSource]:
    for strategy in ctx.plan.strategies:
        items = strategy_items(ctx, strategy)
        strengths: list[Strength] = []
        for strength in strategy.strengths:
            linked = [i for i in items if strength in i.strengths]
            table = ctx.table(linked) if len(linked) <= PAGE_SIZE else None
            strengths.append({"id": strength.id, "title": strength.title, "description": strength.description, "count": len(linked), "table": table})
        body = escape(strategy.description)
        for common, part in listing(ctx, addresses.strategy_source(strategy.id), strategy.title, "strategy", items):
            data: StrategyPage = {
                **common,
                "subtitle": strategy.subtitle,
                "adopted": strategy.adopted.label if strategy.adopted else "",
                "url": strategy.url,
                "strengths": strengths,
            }
            first = common["first_page"]
            yield ctx.page(part.src_uri, part.title, data, body if first else "", strategy.subtitle or strategy.title)


def sdgs(ctx: SiteContext) -> Iterator[PageSource]:
    """A page for each of the 17 goals, named by the plan or not: /verdensmaal/<n>/ answers for good,
    and a goal no item contributes to says so (the index lists only the goals in use)."""
    for sdg in every_sdg():
        title = f"Verdensmål {sdg.number}: {sdg.title}"
        description = f"{title} — indsatser i {ctx.plan.info.title}."
        for common, part in listing(ctx, addresses.sdg_source(sdg.number), title, "sdg", sdg_items(ctx, sdg)):
            data: SdgPage = {**common, **ctx.sdg(sdg)}
            yield ctx.page(part.src_uri, part.title, data, "", description)


def status_table(ctx: SiteContext) -> Iterator[PageSource]:
    """/status/ with every item, filterable, and /status/<status>/ for every status in the plan.

    A view answers for good: a status no item has now says so, and a view keeps each later page it
    could ever have had (see :func:`former_pages`). Its link on /status/ is shown only while it has items."""
    plan = ctx.plan
    by_status: dict[str, list[Item]] = {s.id: [] for s in plan.statuses}
    for item in ctx.sorted_items:
        by_status[item.status.id].append(item)
    views: list[StatusView] = [{**ctx.status(s), "count": len(by_status[s.id]), "url": addresses.status_view(s.id)} for s in plan.statuses if by_status[s.id]]
    filters: Filters = {
        "statuses": [{"id": s.id, "label": s.label} for s in plan.statuses],
        "themes": [{"id": t.id, "label": t.title} for t in plan.themes],
        "committees": [{"id": c.id, "label": c.title} for c in plan.committees],
        "kinds": [{"id": k.id, "label": k.title} for k in plan.kinds],
    }
    title, description = "Alle indsatser", "Alle indsatser i planen med status, tema, udvalg og tidspunkt."
    for common, part in listing(ctx, addresses.STATUS_TABLE, title, "status", ctx.sorted_items):
        data: StatusPage = {**common, "filters": filters, "views": views, "view": None}
        yield ctx.page(part.src_uri, part.title, data, "", description)
    ever_held = items_ever_with_status(plan.items)
    for status in plan.statuses:
        title = f"Indsatser med status {status.label}"
        pages = 0
        for common, part in listing(ctx, addresses.status_view_source(status.id), title, "status", by_status[status.id]):
            view: StatusPage = {**common, "filters": filters, "views": views, "view": ctx.status(status)}
            pages = part.number
            yield ctx.page(part.src_uri, part.title, view, "", f"{title} i {plan.info.title}.")
        yield from former_pages(ctx, status, title, pages, ever_held[status.id])


def items_ever_with_status(items: Iterable[Item]) -> Counter[str]:
    """Status id -> how many items have had it at some point: items are never deleted and a history
    only grows, so no status view has ever been longer than this many rows. One pass over the histories."""
    held: Counter[str] = Counter()
    for item in items:
        held.update({entry.status.id for entry in item.history if entry.status is not None})
    return held


def former_pages(ctx: SiteContext, status: Status, title: str, pages: int, ever_held: int) -> Iterator[PageSource]:
    """The status view's pages after its last one today, up to the most it could ever have had: when
    items leave a status, a saved link to /status/<status>/side-3/ forwards to the view's first page."""
    last = max(1, math.ceil(ever_held / PAGE_SIZE))
    target = addresses.status_view(status.id)
    for number in range(pages + 1, last + 1):
        data: RedirectPage = {"page": "redirect", "site": ctx.site, "target": target, "id": status.id}
        meta: PageMeta = {"title": title, "template": template("redirect"), "planspor": data}
        yield front_matter_page(addresses.page_part_source(addresses.status_view_source(status.id), number), meta)
