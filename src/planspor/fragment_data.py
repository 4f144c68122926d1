"""The pieces of page data many page kinds share: a status, counts, a table row, a history entry.

Part of the page → template contract (``page_data`` has the whole of each page kind's data).
"""

from __future__ import annotations

from typing import TypedDict

from .indicator_chart import IndicatorView


class DataLinks(TypedDict):
    json: str
    csv: str
    milestones: str  # milepaele.csv
    measurements: str  # maalinger.csv
    schema: str
    snapshot_schema: str  # stand.schema.json: the schema of every snapshot's stand.json
    catalogue: str  # katalog.ttl: DCAT-AP-DK


class LogoData(TypedDict):
    src: str  # the file's address from the site's root
    alt: str


class ContactData(TypedDict):
    unit: str
    email: str
    phone: str
    phone_href: str  # tel:+4589591000


class SiteData(TypedDict):
    """What every page knows of the plan and the site: the chrome's facts and addresses."""

    plan_title: str
    municipality: str
    example_data: bool
    data_as_of: str
    data_as_of_iso: str
    stale_after_months: int
    data: DataLinks
    feed: str
    status_css: str
    icons: str
    logo: LogoData | None  # the municipality's mark in the header (plan.logo)
    contact: ContactData | None  # whom to ask about the plan (plan.contact): the footer and /om/


class StatusData(TypedDict):
    id: str
    label: str
    icon: str
    colour: str
    text_colour: str
    order: int


class StatusCount(StatusData):
    count: int
    percent: float


class StatusView(StatusData):
    count: int
    url: str  # the quarter's own pages (every quarter with changes has them)


class StatusMeaning(StatusData):
    meaning: str


class StatusDescription(StatusMeaning):
    finished: bool
    dropped: bool


class Counts(TypedDict):
    total: int
    stale: int
    past_end: int
    milestone_late: int  # items with a milestone not reached by the end of its planned period
    finished: int
    active: int
    percent: int
    by_status: list[StatusCount]


class Link(TypedDict):
    title: str
    url: str  # the quarter's own pages (every quarter with changes has them)


class FeedLink(Link):
    feed: str


class Row(TypedDict):
    """One item in a table of items."""

    id: str
    title: str
    url: str  # the quarter's own pages (every quarter with changes has them)
    status: str
    theme: str
    kind: str
    kind_id: str
    committees: list[str]
    timing: str
    sort: str
    flags: list[str]  # "stale", "past_end", "milestone_late"
    next_milestone: str  # 'Udbud af første etape (3. kvartal 2024)', or ''


class ReportRow(Row):
    last_confirmed: str
    comment: str
    source: str  # what the latest change rests on, as it reads on paper: 'Besluttet i … : Godkendt', 'Kilde: …'


class Table(TypedDict):
    """A table of items, with the labels its rows refer to (only those)."""

    rows: list[Row]
    statuses: dict[str, StatusData]
    themes: dict[str, Link]
    committees: dict[str, Link]


class Pagination(TypedDict):
    page: int
    pages: int
    first_row: int
    last_row: int
    total: int
    urls: list[str]


class Summary(TypedDict):
    id: str
    title: str
    url: str  # the quarter's own pages (every quarter with changes has them)
    counts: Counts


class SdgData(TypedDict):
    number: int
    title: str
    colour: str
    text_colour: str
    selected: bool


class SdgLink(SdgData):
    url: str  # the quarter's own pages (every quarter with changes has them)


class SdgSummary(SdgLink):
    counts: Counts


class Decision(TypedDict):
    id: str
    body: str
    body_url: str  # the committee's page, or '' for a body without one
    date: str
    iso: str
    agenda: str  # 'pkt. 5: Normering i dagtilbud', or ''
    outcome: str
    comment: str
    url: str  # the minutes
    example: bool
    cited_as: str  # 'Besluttet i Børne- og ungdomsudvalget 12. marts 2024, pkt. 5: Godkendt'
    cited_by: list[Link]  # the first items whose history cites it (page_fragments.CITED_SHOWN)
    cited_more: int  # how many more cite it: a page's size never grows with the plan


class ChangeData(TypedDict):
    date: str
    iso: str
    item: Link
    status: StatusData | None
    what: str
    comment: str


class PlanStep(TypedDict):
    """The item entering a plan (item_plans.PlanStep): carried from the plan before, or its first one."""

    plan: Link
    carried: bool
    account: str  # what it was in this plan where that differed from now: 'tema …, udvalg …'
    changes: list[str]  # what changed from the plan it came from: 'udvalg A → B'


class HistoryEntry(TypedDict):
    date: str
    iso: str
    status: StatusData | None
    moved: str
    comment: str
    decision: Decision | None
    document: Link | None
    plan: PlanStep | None  # an entry about the item's plans, not its status (only with several plans)


class BudgetLine(TypedDict):
    year: int
    amount: str
    saving: bool


class ItemBudget(TypedDict, total=False):
    rows: list[BudgetLine]
    total: str


class EditLinks(TypedDict):
    note: str
    note_exists: bool
    plan: str
    plan_line: int


class MilestoneEntry(TypedDict):
    title: str
    planned: str  # '3. kvartal 2024'
    reached: str  # '20. marts 2024', or ''
    reached_iso: str
    state: str  # "reached", "next", "late" (not reached by the end of its planned period), "later"


class Milestones(TypedDict):
    count: str  # '2 af 5 milepæle nået'
    entries: list[MilestoneEntry]


class Citation(TypedDict):
    """How to cite a page (citation.citation): the facts, a plain-text citation and CSL-JSON."""

    title: str
    url: str  # absolute when the build knows its site_url
    plan: str
    municipality: str
    data_as_of: str
    data_as_of_iso: str
    version: str  # the build's short commit, or ''
    text: str  # 'Norddjurs Kommune: "…". Udmøntningsplan 2025-2028, data pr. 1. oktober 2024. https://… (version afab2bb).'
    csl_json: str  # a CSL-JSON array of one entry, for reference managers


class ItemData(TypedDict):
    id: str
    status: StatusMeaning
    last_confirmed: str
    last_confirmed_iso: str
    stale: bool
    stale_after_months: int
    past_end: bool
    late_milestones: list[str]  # the titles of milestones not reached by the end of their planned period
    end: str
    status_since: str
    reason: str
    theme: FeedLink
    kind: str
    committees: list[Link]
    strategic: bool
    timing: str
    planned: str
    responsible: str
    budget: ItemBudget
    milestones: Milestones
    indicators: list[IndicatorView]
    strategies: list[Link]
    strengths: list[Link]
    sdgs: list[SdgLink]
    history: list[HistoryEntry]
    replaces: list[Link]  # the items this one replaced when a new plan reshaped them ('replaces')
    replaced_by: list[Link]  # the items that replaced this one
    related: list[Row]
    related_statuses: dict[str, StatusData]
    previous_ids: list[str]
    plans: list[Link]  # the plans it belongs to, oldest first; [] on a site with one plan
    has_note: bool
    edit: EditLinks
    citation: Citation


class Strength(TypedDict):
    id: str
    title: str
    description: str
    count: int
    table: Table | None


class Filter(TypedDict):
    id: str
    label: str


class Filters(TypedDict):
    statuses: list[Filter]
    themes: list[Filter]
    committees: list[Filter]
    kinds: list[Filter]


class Period(TypedDict):
    """A quarter on /aendringer/: its changes (or only the link to their own pages) and the spread at its end."""

    id: str
    label: str
    end: str
    count: int
    counts: Counts
    changes: list[ChangeData]
    url: str  # the quarter's own pages (every quarter with changes has them)


class SnapshotGroup(TypedDict):
    """One plan's snapshots on /aendringer/: the plan, and a link to each of its days, oldest first."""

    title: str
    url: str  # the plan's page, or '' on a site with one plan
    snapshots: list[Link]


class Money(TypedDict):
    amount: str
    saving: bool


class BudgetRow(TypedDict):
    title: str
    url: str  # the quarter's own pages (every quarter with changes has them)
    cells: list[Money]
    total: Money


class ReportGroup(TypedDict):
    title: str
    url: str  # the quarter's own pages (every quarter with changes has them)
    counts: Counts
    rows: list[ReportRow]


class ReportPart(TypedDict):
    title: str
    url: str  # the quarter's own pages (every quarter with changes has them)
    count: int


class KindData(TypedDict):
    title: str
    description: str


class Problem(TypedDict):
    location: str
    field: str
    message: str


class PlanGroup(TypedDict):
    """The items of a listing whose latest plan is one plan: on a site with several plans, a theme's and a
    committee's page group their items so, the current plan first."""

    id: str  # the plan's id, its period
    title: str  # the group's heading: 'Udmøntningsplan 2025-2028 (den gældende plan)', 'Sluttede med Udmøntningsplan 2024-2027'
    plan: str  # the plan's title, for the table's caption
    url: str  # the plan's page
    table: Table
