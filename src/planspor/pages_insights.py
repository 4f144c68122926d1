"""The pages that sum the plan up: what changed quarter by quarter, the charts, the budget, and the
printable council reports (the whole plan, and one per committee)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from . import addresses, changes, charts, evidence, pages_snapshots
from .fragment_data import BudgetRow, Link, Money, Period, ReportGroup, ReportPart
from .model import Item
from .money import danish_number
from .page_data import BudgetPage, ChangeListPage, ChangesPage, FiguresPage, ReportPage
from .page_fragments import SiteContext
from .page_source import PAGE_SIZE, PageSource, split_pages
from .periods import danish_date

# Changes the list at /aendringer/ shows itself, the newest quarters' first: a quarter whose changes would
# take it past this is a link to the quarter's own pages, so the list never grows with the plan's years.
CHANGES_ON_LIST = PAGE_SIZE


def changes_pages(ctx: SiteContext) -> Iterator[PageSource]:
    """/aendringer/: the changes per quarter, newest first, and the status spread at each quarter's end.

    Every quarter with changes has pages of its own (/aendringer/2024-k1/, citable and stable whatever the
    list shows); the list itself shows the newest quarters' changes up to CHANGES_ON_LIST, the older ones
    as a link to their pages."""
    plan = ctx.plan
    quarters: dict[tuple[int, int], list[changes.Change]] = {}
    for change in changes.all_changes(plan):
        quarters.setdefault(changes.quarter_of(change.date), []).append(change)
    periods: list[Period] = []
    on_list = 0
    for (year, quarter), listed in quarters.items():
        end = min(changes.quarter_end(year, quarter), plan.info.data_as_of)
        on_list += len(listed)
        shown = listed if on_list <= CHANGES_ON_LIST else []
        source = addresses.changes_quarter_source(year, quarter)
        periods.append(
            {
                "id": f"{year}-k{quarter}",
                "label": changes.quarter_label(year, quarter),
                "end": danish_date(end),
                "count": len(listed),
                "counts": ctx.spread_counts(changes.spread_at(plan, end)),
                "changes": [ctx.change(c) for c in shown],
                "url": addresses.url_of(source),
            }
        )
        yield from change_list_pages(ctx, source, f"Ændringer i {changes.quarter_label(year, quarter)}", listed)
    snapshots = pages_snapshots.snapshot_groups(ctx)
    data: ChangesPage = {"site": ctx.site, "page": "changes", "periods": periods, "feed": addresses.CHANGES_FEED, "snapshots": snapshots}
    yield ctx.page(addresses.CHANGE_LIST, "Ændringer", data, "", f"Hvad er ændret i {plan.info.title}, kvartal for kvartal.")


def change_list_pages(ctx: SiteContext, base_uri: str, title: str, listed: list[changes.Change]) -> Iterator[PageSource]:
    for part in split_pages(base_uri, title, listed):
        data: ChangeListPage = {"site": ctx.site, "page": "change_list", "changes": [ctx.change(c) for c in part.rows], "pagination": part.pagination}
        yield ctx.page(part.src_uri, part.title, data, "")


def figures(ctx: SiteContext) -> PageSource:
    data: FiguresPage = {"site": ctx.site, "page": "figures", "charts": [charts.status_by_theme(ctx.plan), charts.timeline(ctx.plan)]}
    return ctx.page(addresses.FIGURES, "Tal og grafer", data, "", f"Status pr. tema og tidslinje for {ctx.plan.info.title}.")


def _money(value: Decimal) -> Money:
    return {"amount": danish_number(value), "saving": value < 0}


def budget(ctx: SiteContext) -> PageSource:
    plan = ctx.plan
    totals = charts.budget_totals(plan)
    rows: list[BudgetRow] = [
        {
            "title": t.title,
            "url": addresses.theme(t.id),
            "cells": [_money(totals["sums"][t.id][y]) for y in totals["years"]],
            "total": _money(sum(totals["sums"][t.id].values(), Decimal(0))),
        }
        for t in plan.themes
    ]
    data: BudgetPage = {
        "site": ctx.site,
        "page": "budget",
        "years": totals["years"],
        "rows": rows,
        "totals": [_money(totals["column_totals"][y]) for y in totals["years"]],
        "total": _money(totals["total"]),
        "items_with_budget": sum(1 for i in plan.items if i.budget),
        "chart": charts.budget_chart(plan) if totals["years"] else None,
    }
    return ctx.page(addresses.BUDGET, "Økonomi", data, "", f"Budget pr. tema og år i {plan.info.title}, i 1.000 kr.")


def reports(ctx: SiteContext) -> Iterator[PageSource]:
    """Printable council reports: the whole plan by theme, and one per committee."""
    committees: list[Link] = [{"title": c.title, "url": addresses.committee_report(c.id)} for c in ctx.plan.committees]
    yield from report(ctx, addresses.REPORT, "Statusrapport", ctx.sorted_items, committees, "")
    for committee in ctx.plan.committees:
        items = [i for i in ctx.sorted_items if committee in i.committees]
        yield from report(ctx, addresses.committee_report_source(committee.id), f"Statusrapport for {committee.title}", items, [], committee.title)


def report(ctx: SiteContext, base_uri: str, title: str, items: list[Item], committees: list[Link], committee: str) -> Iterator[PageSource]:
    """One page grouped by theme; for a plan larger than a page, one part per theme, each paged."""
    description = f"Status for {ctx.plan.info.title} samlet til udskrift (A4)."
    groups = [(t, [i for i in items if i.theme == t]) for t in ctx.plan.themes]
    groups = [(t, listed) for t, listed in groups if listed]
    if len(items) <= PAGE_SIZE:
        data = report_data(ctx, [(t.title, addresses.theme(t.id), listed) for t, listed in groups], committees, committee)
        yield ctx.page(base_uri, title, data, "", description)
        return
    parts: list[ReportPart] = [
        {"title": t.title, "url": addresses.url_of(addresses.report_part_source(base_uri, t.id)), "count": len(listed)} for t, listed in groups
    ]
    data = {**report_data(ctx, [], committees, committee), "parts": parts, "counts": ctx.counts(items)}
    yield ctx.page(base_uri, title, data, "", description)
    for theme, listed in groups:
        for part in split_pages(addresses.report_part_source(base_uri, theme.id), f"{title}: {theme.title}", listed):
            data = {**report_data(ctx, [(theme.title, addresses.theme(theme.id), part.rows)], [], committee), "pagination": part.pagination}
            yield ctx.page(part.src_uri, part.title, data, "", description)


def report_data(ctx: SiteContext, groups: list[tuple[str, str, list[Item]]], committees: list[Link], committee: str) -> ReportPage:
    every = [i for _, _, items in groups for i in items]
    shown: list[ReportGroup] = [
        {
            "title": title,
            "url": url,
            "counts": ctx.counts(items),
            "rows": [
                {
                    **ctx.rows[i.id],
                    "last_confirmed": danish_date(i.history[-1].date),
                    "comment": i.status_entry.comment if i.status.dropped else "",
                    "source": evidence.latest_source(i),
                }
                for i in items
            ],
        }
        for title, url, items in groups
    ]
    return {
        "site": ctx.site,
        "page": "report",
        "counts": ctx.counts(every) if every else None,
        "groups": shown,
        "statuses": {s.id: ctx.status(s) for s in ctx.plan.statuses},
        "committee_reports": committees,
        "parts": [],
        "committee": committee,
        "pagination": None,
    }
