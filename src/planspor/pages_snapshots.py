"""Snapshot pages: each plan as it stood at the end of every quarter of its period and on the days it
was decided on (snapshots), linked from /aendringer/, from the plan's page and from each other.

They are a record, not something to search: the templates give them no search body.
"""

from __future__ import annotations

from collections.abc import Iterator

from . import addresses, changes
from .citation import citation
from .fragment_data import Link, Row, SnapshotGroup, Summary, Table
from .model import AdoptedPlan
from .page_data import ChangeListPage, SnapshotPage
from .page_fragments import SiteContext
from .page_source import PAGE_SIZE, PageSource, split_pages
from .periods import danish_date
from .snapshot_data import snapshot_csv, snapshot_json
from .snapshots import Snapshot, SnapshotDay, SnapshotRow, Tally, changes_between, every_snapshot, plan_changes, rows_on, snapshot_days, tally_by_theme

# The changes since the previous snapshot that its first page lists below a page of the table; more get
# pages of their own, PAGE_SIZE a page: a first page with both a full table and a page of changes would
# be twice any other page (tests/test_scale.py's budget).
CHANGES_BESIDE_TABLE = PAGE_SIZE // 5


def snapshot_links(ctx: SiteContext, adopted: AdoptedPlan) -> list[Link]:
    """A link to each of the plan's snapshots, oldest first."""
    return [_link_to(adopted, day) for day in snapshot_days(ctx.plan, adopted)]


def snapshot_groups(ctx: SiteContext) -> list[SnapshotGroup]:
    """Each plan's snapshots for /aendringer/, the newest plan first; plans without any left out."""
    groups: list[SnapshotGroup] = []
    for adopted in reversed(ctx.plan.plans):
        links = snapshot_links(ctx, adopted)
        if links:
            url = addresses.plan(adopted.id) if ctx.plan.several_plans else ""
            groups.append({"title": adopted.title, "url": url, "snapshots": links})
    return groups


def snapshot_pages(ctx: SiteContext) -> Iterator[PageSource]:
    every: dict[str, list[changes.Change]] = {}
    for snapshot in every_snapshot(ctx.plan):
        adopted = snapshot.adopted
        if adopted.id not in every:
            every[adopted.id] = plan_changes(ctx.plan, adopted)
        yield from _snapshot(ctx, snapshot, every[adopted.id])


def _link_to(adopted: AdoptedPlan, day: SnapshotDay) -> Link:
    return {"title": day.label(), "url": addresses.snapshot(adopted.id, day.day.isoformat())}


def _link(adopted: AdoptedPlan, day: SnapshotDay | None) -> Link | None:
    return _link_to(adopted, day) if day else None


def _snapshot(ctx: SiteContext, snapshot: Snapshot, every: list[changes.Change]) -> Iterator[PageSource]:
    """The snapshot's pages, the pages of its changes when they are many, and its stand.json and stand.csv."""
    adopted, day, previous, following = snapshot.adopted, snapshot.day, snapshot.previous, snapshot.following
    iso = day.day.isoformat()
    rows = rows_on(ctx.plan, adopted, day.day)
    tally, by_theme = Tally.of(rows), tally_by_theme(rows)
    counts = ctx.spread_counts(tally.statuses, tally.stale, tally.past_end, tally.milestones_late)
    themes: list[Summary] = [
        {"id": theme.id, "title": theme.title, "url": addresses.theme(theme.id), "counts": ctx.spread_counts(by_theme[theme].statuses)}
        for theme in ctx.plan.themes
        if theme in by_theme
    ]
    listed = changes_between(every, previous.day if previous else None, day.day)
    paged = len(listed) > CHANGES_BESIDE_TABLE  # then on pages of their own
    changes_source = addresses.snapshot_changes_source(adopted.id, iso)
    title = f"{adopted.title} den {danish_date(day.day)}"
    description = f"{adopted.title} for {ctx.plan.info.municipality}, som den stod den {danish_date(day.day)}: {len(rows)} indsatser."
    for part in split_pages(addresses.snapshot_source(adopted.id, iso), title, rows):
        data: SnapshotPage = {
            "site": ctx.site,
            "page": "snapshot",
            "counts": counts,
            "table": _table(ctx, part.rows),
            "pagination": part.pagination,
            "first_page": part.number == 1,
            "plan_title": adopted.title,
            "plan_url": addresses.plan(adopted.id) if ctx.plan.several_plans else "",
            "day": danish_date(day.day),
            "day_iso": iso,
            "reasons": day.reasons(),
            "citation": citation(title, addresses.snapshot(adopted.id, iso), adopted.title, ctx.plan.info.municipality, day.day, ctx.version, ctx.site_url),
            "themes": themes if part.number == 1 else [],
            "since": danish_date(previous.day) if previous else "",
            "changes": [ctx.change(c) for c in listed] if part.number == 1 and not paged else [],
            "changes_count": len(listed),
            "changes_url": addresses.url_of(changes_source) if paged else "",
            "previous": _link(adopted, previous),
            "next": _link(adopted, following),
            "data_json": addresses.snapshot_json(adopted.id, iso),
            "data_csv": addresses.snapshot_csv(adopted.id, iso),
            "data_schema": addresses.DATA_SNAPSHOT_SCHEMA,
        }
        yield ctx.page(part.src_uri, part.title, data, "", description)
    if paged:
        since = f" efter {danish_date(previous.day)}" if previous else ""
        for listing in split_pages(changes_source, f"Ændringer i {adopted.title}{since} til {danish_date(day.day)}", listed):
            page: ChangeListPage = {"site": ctx.site, "page": "change_list", "changes": [ctx.change(c) for c in listing.rows], "pagination": listing.pagination}
            yield ctx.page(listing.src_uri, listing.title, page, "")
    yield PageSource(addresses.snapshot_json(adopted.id, iso), snapshot_json(ctx.plan, snapshot, rows, (tally, by_theme), listed, ctx.site_url))
    yield PageSource(addresses.snapshot_csv(adopted.id, iso), snapshot_csv(rows, ctx.site_url))


def _table(ctx: SiteContext, rows: list[SnapshotRow]) -> Table:
    """A page of the snapshot's items: each as it was in the plan, with the status, timing and notices of the day."""
    table = ctx.table(r.item for r in rows)
    shown: list[Row] = [
        {
            **(ctx.rows[r.item.id] if r.item is ctx.plan.items_by_id.get(r.item.id) else ctx.row(r.item)),
            "status": r.status.id,
            "timing": r.timing.shown(),
            "sort": _sort(r),
            "flags": [flag for flag, on in (("stale", r.stale), ("past_end", r.past_end), ("milestone_late", r.milestones_late > 0)) if on],
            "next_milestone": "",
        }
        for r in rows
    ]
    used = {r.status.id for r in rows}
    return {**table, "rows": shown, "statuses": {s.id: ctx.status(s) for s in ctx.plan.statuses if s.id in used}}


def _sort(row: SnapshotRow) -> str:
    timing = row.timing
    day = timing.end.last if timing.end else timing.start.last if timing.start else None
    return day.isoformat() if day else "9999-12-31"
