"""The data each page kind hands its template (``page.meta.planspor``), as types.

This is the page → template contract: what a template may read is exactly what is declared here, mypy
checks that the Python side fills it, and a test renders every page kind with Jinja's StrictUndefined so
a template that asks for a field its page does not carry fails. The values are plain JSON (the export
writes them as front matter): strings, numbers, booleans, lists and these dictionaries.
"""

from __future__ import annotations

from typing import Literal, TypedDict

from .chart_data import Chart
from .fragment_data import (
    BudgetRow,
    ChangeData,
    Citation,
    Counts,
    Decision,
    Filters,
    ItemData,
    KindData,
    Link,
    Money,
    Pagination,
    Period,
    PlanGroup,
    Problem,
    ReportGroup,
    ReportPart,
    SdgData,
    SdgSummary,
    SiteData,
    SnapshotGroup,
    StatusData,
    StatusDescription,
    StatusView,
    Strength,
    Summary,
    Table,
)

# -- one per page kind: the whole of page.meta.planspor ----------------------------------------------


class Page(TypedDict):
    site: SiteData
    page: str


class OverviewPage(Page):
    counts: Counts
    themes: list[Summary]
    decisions: list[Decision]
    values_name: str
    plan_values: list[str]
    latest_changes: list[ChangeData]
    earlier_plans: list[Link]  # newest first; [] on a site with one plan


class IndexPage(Page):
    index: Literal["themes", "committees", "strategies", "sdgs", "plans"]
    entries: list[Summary] | list[SdgSummary]
    others: list[Link]  # the goals no item contributes to: each has a page, listed after the cards


class ListingPage(Page):
    """What every paged listing of items has: the counts of all its items and this page's table."""

    counts: Counts
    table: Table
    pagination: Pagination | None
    first_page: bool


class PlanPage(ListingPage):
    """One udmøntningsplan of several: its facts, its decisions, and its items as they stood when it
    was replaced (the current plan: as they stand now)."""

    period: str  # '2024-2027'
    budget_agreement: str
    case_number: str
    current: bool
    opened: str  # 'den 1. januar 2025', or '' for the first plan
    closed: str  # 'den 31. december 2024', or '' for the current plan
    closed_iso: str
    corrections: list[str]  # 'Rettet 3. februar 2025: <begrundelse>', for a closed plan whose record was corrected
    decisions: list[Decision]
    other_plans: list[Link]  # the site's other plans, newest first
    snapshots: list[Link]  # the plan as it stood at each quarter's end and on its decisions' days, oldest first


class SnapshotPage(ListingPage):
    """A plan as it stood on a day: its items' status, timing and notices of then, the spread per theme,
    and what changed since the snapshot before."""

    plan_title: str
    plan_url: str  # the plan's page, or '' on a site with one plan
    day: str  # '31. marts 2024'
    day_iso: str
    reasons: list[str]  # 'udgangen af 1. kvartal 2024', 'Kommunalbestyrelsen: Godkendt'
    themes: list[Summary]  # the spread per theme that day (first page only)
    since: str  # the previous snapshot's day, or '' for the first
    changes: list[ChangeData]  # since the previous snapshot, newest first; [] when they have pages of their own
    changes_count: int
    changes_url: str  # their own pages when there are more than a page holds, else ''
    previous: Link | None
    next: Link | None
    citation: Citation  # the snapshot cited: its address, the plan and its day
    data_json: str  # the snapshot's stand.json, beside the page
    data_csv: str  # its stand.csv
    data_schema: str  # stand.json's schema


class ThemePage(ListingPage):
    id: str
    feed: str
    groups: list[PlanGroup]  # this page's rows by their latest plan; [] on a site with one plan


class CommitteePage(ListingPage):
    id: str
    decisions: list[Decision]  # the committee's decisions in the register, newest first
    groups: list[PlanGroup]  # this page's rows by their latest plan; [] on a site with one plan


class StrategyPage(ListingPage):
    subtitle: str
    adopted: str
    url: str
    strengths: list[Strength]


class SdgPage(ListingPage, SdgData):
    pass


class StatusPage(ListingPage):
    filters: Filters
    views: list[StatusView]
    view: StatusData | None


class ItemPage(Page):
    item: ItemData


class ChangesPage(Page):
    periods: list[Period]
    feed: str
    snapshots: list[SnapshotGroup]  # each plan's snapshots, newest plan first


class ChangeListPage(Page):
    changes: list[ChangeData]
    pagination: Pagination | None


class FiguresPage(Page):
    charts: list[Chart]


class BudgetPage(Page):
    years: list[int]
    rows: list[BudgetRow]
    totals: list[Money]
    total: Money
    items_with_budget: int
    chart: Chart | None


class ReportPage(Page):
    counts: Counts | None
    groups: list[ReportGroup]
    statuses: dict[str, StatusData]
    committee_reports: list[Link]
    parts: list[ReportPart]
    committee: str
    pagination: Pagination | None


class AboutPage(Page):
    introduction: str
    municipality: str
    period: str
    budget_agreement: str
    case_number: str
    decisions: list[Decision]
    values_name: str
    plan_values: list[str]
    statuses: list[StatusDescription]
    kinds: list[KindData]
    licence: Link  # the open data's licence: its title and its text


class RedirectPage(Page):
    target: str
    id: str


class ProblemsPage(TypedDict):
    page: str
    problems: list[Problem]


PageData = (
    Page
    | OverviewPage
    | IndexPage
    | PlanPage
    | SnapshotPage
    | ThemePage
    | CommitteePage
    | StrategyPage
    | SdgPage
    | StatusPage
    | ItemPage
    | ChangesPage
    | ChangeListPage
    | FiguresPage
    | BudgetPage
    | ReportPage
    | AboutPage
    | RedirectPage
    | ProblemsPage
)


class PageMeta(TypedDict, total=False):
    """A generated page's front matter: what MkDocs and the templates read."""

    title: str
    template: str
    description: str
    hide: list[str]
    planspor: PageData
