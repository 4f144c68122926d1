"""The pages that list items: the overview, the section indexes, a theme, a committee, a strategy, a UN
goal, and the status table with a view per status. Every listing pages itself (PAGE_SIZE rows a page)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from . import addresses, changes, evidence
from .fragment_data import Filters, SdgSummary, StatusView, Strength, Summary
from .model import Item, Strategy
from .page_data import CommitteePage, IndexPage, ListingPage, OverviewPage, SdgPage, StatusPage, StrategyPage, ThemePage
from .page_fragments import SiteContext
from .page_source import PAGE_SIZE, PagePart, PageSource, escape, split_pages
from .sdgs import Sdg

LATEST_CHANGES = 5  # on the overview


def overview(ctx: SiteContext) -> PageSource:
    info = ctx.plan.info
    counts = ctx.counts(ctx.plan.items)
    data: OverviewPage = {
        "site": ctx.site,
        "page": "overview",
        "counts": counts,
        "themes": ctx.theme_summaries(),
        "decisions": ctx.decisions(evidence.plan_decisions(ctx.plan, ctx.citing)),
        "values_name": info.values_name,
        "plan_values": list(info.values),
        "latest_changes": [ctx.change(c) for c in changes.all_changes(ctx.plan)[:LATEST_CHANGES]],
    }
    description = f"Status for {info.title} i {info.municipality}: {counts['total']} indsatser, data pr. {ctx.site['data_as_of']}."
    return ctx.page(addresses.OVERVIEW, info.title, data, "", description)


IndexKind = Literal["themes", "committees", "strategies", "sdgs"]


def index_page(ctx: SiteContext, src_uri: str, title: str, kind: IndexKind, entries: list[Summary] | list[SdgSummary]) -> PageSource:
    data: IndexPage = {"site": ctx.site, "page": "index", "index": kind, "entries": entries}
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
    sdgs: list[SdgSummary] = [
        {**ctx.sdg(s), "url": addresses.sdg(s.number), "counts": ctx.counts([i for i in plan.items if s in i.sdgs])} for s in plan.sdgs_in_use()
    ]
    yield index_page(ctx, addresses.SDG_INDEX, "Verdensmål", "sdgs", sdgs)


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
        items = [i for i in ctx.sorted_items if i.theme == theme]
        description = f"{theme.title}: {len(items)} indsatser i {ctx.plan.info.title}."
        for common, part in listing(ctx, addresses.theme_source(theme.id), theme.title, "theme", items):
            data: ThemePage = {**common, "id": theme.id, "feed": addresses.theme_feed(theme.id)}
            yield ctx.page(part.src_uri, part.title, data, "", description)


def committees(ctx: SiteContext) -> Iterator[PageSource]:
    by_committee = committee_items(ctx)
    for committee in ctx.plan.committees:
        items = by_committee[committee.id]
        description = f"{committee.title}: {len(items)} indsatser i {ctx.plan.info.title}."
        for common, part in listing(ctx, addresses.committee_source(committee.id), committee.title, "committee", items):
            data: CommitteePage = {**common, "id": committee.id, "decisions": ctx.decisions(evidence.committee_decisions(ctx.plan, committee.id))}
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
    for sdg in ctx.plan.sdgs_in_use():
        title = f"Verdensmål {sdg.number}: {sdg.title}"
        description = f"{title} — indsatser i {ctx.plan.info.title}."
        for common, part in listing(ctx, addresses.sdg_source(sdg.number), title, "sdg", sdg_items(ctx, sdg)):
            data: SdgPage = {**common, **ctx.sdg(sdg)}
            yield ctx.page(part.src_uri, part.title, data, "", description)


def status_table(ctx: SiteContext) -> Iterator[PageSource]:
    """/status/ with every item, filterable, and /status/<status>/ for each status some item has."""
    plan = ctx.plan
    by_status = {s.id: [i for i in ctx.sorted_items if i.status == s] for s in plan.statuses}
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
    for status in plan.statuses:
        if not by_status[status.id]:
            continue
        title = f"Indsatser med status {status.label}"
        for common, part in listing(ctx, addresses.status_view_source(status.id), title, "status", by_status[status.id]):
            view: StatusPage = {**common, "filters": filters, "views": views, "view": ctx.status(status)}
            yield ctx.page(part.src_uri, part.title, view, "", f"{title} i {plan.info.title}.")
