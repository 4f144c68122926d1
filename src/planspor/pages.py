"""The site map: every page and file of the site, in order, from the project.

This is the export contract's whole: :func:`site_sources` is what the hooks hand MkDocs and what
``planspor eksport`` writes. The page kinds live in ``pages_listings``, ``pages_item`` and
``pages_insights``; addresses come from ``addresses``; what each page hands its template is typed in
``page_data``. Editors' pages at addresses that take text are merged into the generated page there;
every other editor page is published as it is (the checks in ``project`` refuse collisions).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Literal

from . import addresses, changes, opendata, pages_insights, pages_item, pages_listings, pages_plans, pages_snapshots, snapshot_feed
from .catalogue import catalogue_turtle
from .former_ids import former_names
from .fragment_data import KindData, StatusDescription
from .licences import licence_of
from .model import Plan
from .page_data import AboutPage, Page, PageMeta, ProblemsPage, RedirectPage
from .page_fragments import SiteContext
from .page_source import PAGE_SIZE, PageSource, front_matter_page, split_pages, template
from .problems import Problem
from .project import Project
from .sdgs import status_icons
from .snapshot_schema import snapshot_schema_json

__all__ = ["PAGE_SIZE", "SOURCE_PARTS", "PageSource", "SourcePart", "iter_site_sources", "problem_pages", "site_sources", "split_pages"]

# The two parts of a site's sources, each about half the work of making them at any size: the
# pages, one or a few per item, theme, committee and so on; and what is computed over the whole
# plan at once (the open data files, the feeds, the figures page's charts, and the snapshots: a
# table of the whole plan a quarter, a third of the work at 10,000 items of a lived plan). Together
# they are every source exactly once (tests/test_page_data.py), so two processes can make a site side by side.
SourcePart = Literal["pages", "whole-plan"]
SOURCE_PARTS: tuple[SourcePart, ...] = ("pages", "whole-plan")


def site_sources(project: Project, site_url: str = "") -> list[PageSource]:
    """All generated pages and data files, editors' free pages included (with site meta added).

    site_url (the public address, ending in '/') makes the links in data files
    absolute; without it they are relative to the site's root.
    """
    return list(iter_site_sources(project, site_url))


# The files made from the plan alone: (plan, site_url) -> its files.
PlanFiles = Callable[[Plan, str], list[PageSource]]
# The snapshots' pages and files (pages_snapshots.snapshot_pages).
Snapshots = Callable[[SiteContext], Iterable[PageSource]]


def iter_site_sources(
    project: Project,
    site_url: str = "",
    part: SourcePart | None = None,
    files_of: PlanFiles | None = None,
    snapshots_of: Snapshots | None = None,
) -> Iterator[PageSource]:
    """The same as site_sources, one at a time: a caller that keeps only each page's text
    never holds every page's data at once (at 10,000 items, hundreds of megabytes).
    ``part``: only that part of them (see SOURCE_PARTS), in the same order; ``files_of``: makes
    plan_files' files (the preview's remembers them while the plan is the same); ``snapshots_of``:
    makes the snapshots' pages and files (the preview's, preview.LaterSnapshots, makes them in a build after an edit's)."""
    site_url = site_url.rstrip("/") + "/" if site_url else ""
    ctx = SiteContext(project, site_url)
    snapshots = snapshots_of or pages_snapshots.snapshot_pages
    if part != "whole-plan":
        yield from generated_pages(ctx, figures=part is None, snapshots_of=snapshots if part is None else None)
    if part == "pages":
        return
    if part == "whole-plan":
        yield pages_insights.figures(ctx)
        yield from snapshots(ctx)
    yield from (files_of or plan_files)(project.plan, site_url)


def plan_files(plan: Plan, site_url: str) -> list[PageSource]:
    """The files made from the plan alone, nothing an editor writes under content/: the badges'
    stylesheet, the icons, the open data and the feeds."""
    return [status_stylesheet(plan), icon_sprite(plan), *data_files(plan, site_url), *feed_files(plan, site_url)]


def generated_pages(ctx: SiteContext, figures: bool = True, snapshots_of: Snapshots | None = pages_snapshots.snapshot_pages) -> Iterator[PageSource]:
    """The pages made from the plan and the editors' pages; ``snapshots_of``: None leaves the snapshots out (they are the whole-plan part's)."""
    yield pages_listings.overview(ctx)
    sections = pages_listings.section_indexes(ctx)
    yield next(sections)  # /temaer/ before the themes, as the site has always listed them
    former = former_names(ctx.plan)
    yield from with_former_addresses(ctx, pages_listings.themes(ctx), former)
    for item in ctx.plan.items:
        yield pages_item.item_page(ctx, item)
        yield from pages_item.redirects(ctx, item)
    yield from pages_listings.status_table(ctx)
    yield next(sections)
    yield from with_former_addresses(ctx, pages_listings.committees(ctx), former)
    yield next(sections)
    yield from pages_listings.strategies(ctx)
    yield next(sections)
    yield from pages_listings.sdgs(ctx)
    yield from pages_plans.plan_pages(ctx)
    yield from pages_insights.changes_pages(ctx)
    if snapshots_of is not None:
        yield from snapshots_of(ctx)
    if figures:
        yield pages_insights.figures(ctx)
    yield pages_insights.budget(ctx)
    yield from with_former_addresses(ctx, pages_insights.reports(ctx), former)
    yield about(ctx)
    search: Page = {"site": ctx.site, "page": "search"}
    yield ctx.page(addresses.SEARCH, "Søg", search, "")
    accessibility: Page = {"site": ctx.site, "page": "accessibility"}
    yield ctx.page(addresses.ACCESSIBILITY, "Tilgængelighedserklæring", accessibility, "")
    yield from free_pages(ctx)


def with_former_addresses(ctx: SiteContext, pages: Iterable[PageSource], former: Mapping[str, Mapping[str, Sequence[str]]]) -> Iterator[PageSource]:
    """Each page, followed by a forwarding page at every address it had under its theme's or committee's
    previous ids (addresses.former_sources): a renamed theme's or committee's old links keep answering."""
    for page in pages:
        yield page
        for old in addresses.former_sources(page.src_uri, former) if former else ():
            ident = next(now for now, was in zip(page.src_uri.split("/"), old.split("/"), strict=True) if now != was)
            data: RedirectPage = {"page": "redirect", "site": ctx.site, "target": addresses.url_of(page.src_uri), "id": ident.removesuffix(".md")}
            meta: PageMeta = {"title": str((page.meta or {}).get("title", "")), "template": template("redirect"), "planspor": data}
            yield front_matter_page(old, meta)


def free_pages(ctx: SiteContext) -> Iterator[PageSource]:
    """Editors' own pages (the guide, the privacy statement, …): published as written, with the site's facts."""
    for src_uri, editor in ctx.project.pages.items():
        if addresses.takes_text(src_uri) or addresses.id_folder_of(src_uri):
            continue  # merged into the generated page at that address
        meta: PageMeta = {}
        if "title" in editor.doc.meta:
            meta["title"] = str(editor.doc.meta["title"])
        if "description" in editor.doc.meta:
            meta["description"] = str(editor.doc.meta["description"])
        meta["planspor"] = {"site": ctx.site, "page": "free"}
        yield front_matter_page(src_uri, meta, editor.body)


def about(ctx: SiteContext) -> PageSource:
    info = ctx.plan.info
    statuses: list[StatusDescription] = [{**ctx.status(s), "meaning": s.meaning, "finished": s.finished, "dropped": s.dropped} for s in ctx.plan.statuses]
    kinds: list[KindData] = [{"title": k.title, "description": k.description} for k in ctx.plan.kinds]
    licence = licence_of(info.license)
    data: AboutPage = {
        "site": ctx.site,
        "page": "about",
        "introduction": info.introduction,
        "municipality": info.municipality,
        "period": f"{info.period_start}-{info.period_end}",
        "budget_agreement": info.budget_agreement,
        "case_number": info.case_number,
        "decisions": ctx.decisions(),
        "values_name": info.values_name,
        "plan_values": list(info.values),
        "statuses": statuses,
        "kinds": kinds,
        "licence": {"title": licence.title, "url": licence.page},
    }
    editor = ctx.project.pages.get(addresses.ABOUT)
    title = str(editor.doc.meta.get("title")) if editor and editor.doc.meta.get("title") else "Om planen"
    return ctx.page(addresses.ABOUT, title, data, "", f"Om {info.title}: beslutninger, værdier og sådan læses status.")


# -- files ----------------------------------------------------------------------------------------


def icon_sprite(plan: Plan) -> PageSource:
    """The plan's status icons in one SVG file; badges refer to them with <use>."""
    paths = status_icons()
    symbols = [f'<symbol id="ps-icon-{icon}" viewBox="0 0 24 24"><path d="{paths[icon]}"/></symbol>' for icon in sorted({s.icon for s in plan.statuses})]
    return PageSource(addresses.ICON_SPRITE, '<svg xmlns="http://www.w3.org/2000/svg">' + "".join(symbols) + "</svg>\n")


def status_stylesheet(plan: Plan) -> PageSource:
    """Each status's badge colours as a class, so a table row carries no style."""
    rules = [f".ps-s-{s.id}{{--ps-bg:{s.colour};--ps-fg:{s.text_colour}}}" for s in plan.statuses]
    return PageSource(addresses.STATUS_CSS, "/* Generated by Planspor from data/plan.yaml's statuses. */\n" + "\n".join(rules) + "\n")


def feed_files(plan: Plan, site_url: str) -> list[PageSource]:
    """The feed of all changes and one per theme, each with the snapshots beside its changes (snapshot_feed)."""
    tallied = snapshot_feed.tally_snapshots(plan)
    path = addresses.CHANGES_FEED
    stands = snapshot_feed.snapshot_entries(plan, site_url, path, tallied)
    feeds = [PageSource(path, changes.atom_feed(plan, site_url, path, f"Ændringer i {plan.info.title}", changes.all_changes(plan), others=stands))]
    for theme in plan.themes:
        path = addresses.theme_feed(theme.id)
        theme_changes = changes.all_changes(plan, theme)
        stands = snapshot_feed.snapshot_entries(plan, site_url, path, tallied, theme)
        feed = changes.atom_feed(plan, site_url, path, f"Ændringer i temaet {theme.title}", theme_changes, addresses.theme(theme.id), stands)
        feeds.append(PageSource(path, feed))
        # A feed reader cannot follow a page that forwards, and a static host cannot answer with a 301 (the
        # nginx recipe does): the old address serves the same feed, whose self link names the new address.
        feeds.extend(PageSource(addresses.theme_feed(old), feed) for old in theme.previous_ids)
    return feeds


def data_files(plan: Plan, site_url: str) -> list[PageSource]:
    return [
        PageSource(addresses.DATA_JSON, opendata.plan_json(plan, site_url)),
        PageSource(addresses.DATA_CSV, opendata.plan_csv(plan, site_url)),
        PageSource(addresses.DATA_MILESTONES_CSV, opendata.milestones_csv(plan)),
        PageSource(addresses.DATA_MEASUREMENTS_CSV, opendata.measurements_csv(plan)),
        PageSource(addresses.DATA_SCHEMA, opendata.schema_json()),
        PageSource(addresses.DATA_SNAPSHOT_SCHEMA, snapshot_schema_json()),
        PageSource(addresses.DATA_CATALOGUE, catalogue_turtle(plan, site_url)),
    ]


def problem_pages(problems: Iterable[Problem], src_uris: Iterable[str]) -> list[PageSource]:
    """For the preview: the same URLs, each showing the plan's problems.

    The editor's browser stays on the page it shows and live-reloads into the
    list of problems; once the plan is fixed it reloads into the real page.
    """
    data: ProblemsPage = {"page": "problems", "problems": [{"location": p.location(), "field": p.field, "message": p.message} for p in problems]}
    meta: PageMeta = {"title": "Planen har fejl", "template": template("problems"), "planspor": data}
    return [front_matter_page(src_uri, meta) for src_uri in sorted(set(src_uris))]
