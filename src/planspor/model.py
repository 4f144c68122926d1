"""The validated plan: immutable, fully resolved, one source of truth per fact."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from .corrections import Correction
from .periods import Period
from .progress_model import Indicator, Milestone
from .sdgs import Sdg


@dataclass(frozen=True)
class Status:
    id: str
    label: str
    colour: str
    text_colour: str
    icon: str
    meaning: str
    finished: bool = False
    dropped: bool = False


@dataclass(frozen=True)
class Theme:
    id: str
    title: str
    previous_ids: tuple[str, ...] = ()  # its old addresses, each a page that forwards to the new one


@dataclass(frozen=True)
class Kind:
    id: str
    title: str
    description: str = ""


@dataclass(frozen=True)
class Committee:
    id: str
    title: str
    previous_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Strength:
    id: str
    title: str
    description: str = ""


@dataclass(frozen=True)
class Strategy:
    id: str
    title: str
    subtitle: str = ""
    adopted: Period | None = None
    url: str = ""
    description: str = ""
    strengths: tuple[Strength, ...] = ()


@dataclass(frozen=True)
class Body:
    """Who decides: one of the plan's committees (which has a page) or another body (plan_keys.OTHER_BODIES)."""

    id: str
    title: str
    committee: bool


@dataclass(frozen=True)
class Decision:
    """A decision in the register (plan.decisions): ``body`` is the body's name, ``body_id`` its id.

    Only a decision with an ``id`` can be cited from an item's history; ``example`` marks one that
    was invented for the bundled example plan.
    """

    body: str
    date: dt.date
    outcome: str
    comment: str = ""
    id: str = ""
    body_id: str = ""
    agenda_item: str = ""
    agenda_title: str = ""
    url: str = ""
    example: bool = False
    committee: bool = False  # the body is one of the plan's committees


@dataclass(frozen=True)
class Document:
    """A history entry's source on the web that is not a decision in the register."""

    title: str
    url: str


@dataclass(frozen=True)
class Logo:
    """The municipality's logo: a file under content/ (``file``, as written), its alt text, and the line that names it."""

    file: str
    alt: str
    line: int


@dataclass(frozen=True)
class Contact:
    """Whom citizens ask about the plan; each part may be empty, not all of them."""

    unit: str = ""
    email: str = ""
    phone: str = ""

    @property
    def phone_uri(self) -> str:
        """'tel:+4589591000' (the eight digits of a Danish number after +45), or ''."""
        national = "".join(c for c in self.phone if c.isdigit())[-8:]  # without +45 or 0045
        return f"tel:+45{national}" if national else ""


@dataclass(frozen=True)
class Timing:
    start: Period | None = None
    end: Period | None = None

    def label(self) -> str:
        """As it reads in a sentence: "senest 2. kvartal 2025", "løbende fra 2024"."""
        if self.end and self.end.ongoing:
            return f"løbende fra {self.start.label}" if self.start else "løbende"
        if self.start and self.end:
            return self.start.label if self.start == self.end else f"{self.start.label} – {self.end.label}"
        if self.end:
            return f"senest {self.end.label}"
        if self.start:
            return f"fra {self.start.label}"
        return ""

    def shown(self) -> str:
        """As it stands alone, in a table cell or after a heading: "Senest 2. kvartal 2025", "Løbende"."""
        label = self.label()
        return label[:1].upper() + label[1:]


@dataclass(frozen=True)
class HistoryEntry:
    date: dt.date
    status: Status | None = None
    start: Period | None = None
    end: Period | None = None
    comment: str = ""
    decision: Decision | None = None
    document: Document | None = None

    @property
    def moves_timing(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(frozen=True)
class TimingMove:
    """A change of timing recorded in the history: moving never erases the record."""

    date: dt.date
    before: Timing
    after: Timing
    comment: str

    def describe(self) -> str:
        """'Slut flyttet fra 3. kvartal 2025 til 1. kvartal 2026': only the end that moved, when only one did."""
        before, after = self.before, self.after
        if before.start == after.start and before.end and after.end:
            return f"Slut flyttet fra {before.end.label} til {after.end.label}"
        if before.end == after.end and before.start and after.start:
            return f"Start flyttet fra {before.start.label} til {after.start.label}"
        return f"Tidspunkt flyttet fra {before.label() or 'ikke fastsat'} til {after.label()}"


@dataclass(frozen=True)
class PlanRecord:
    """What an item was in an earlier plan, where it differed from what it is now (an entry of its
    'plans' written as {plan: 2024-2027, committees: [...]}): None where it was as it is."""

    plan: str  # the plan's id (plan_id)
    title: str | None = None
    theme: Theme | None = None
    kind: Kind | None = None
    committees: tuple[Committee, ...] | None = None


@dataclass(frozen=True)
class Item:
    id: str
    title: str
    theme: Theme
    kind: Kind
    committees: tuple[Committee, ...]
    strategic: bool
    history: tuple[HistoryEntry, ...]
    planned: Timing = Timing()
    responsible: str = ""
    process: str = ""
    cross_cutting: str = ""
    budget: tuple[tuple[int, Decimal], ...] = ()
    milestones: tuple[Milestone, ...] = ()  # in the order of their planned periods
    indicators: tuple[Indicator, ...] = ()
    strategies: tuple[Strategy, ...] = ()
    strengths: tuple[Strength, ...] = ()
    sdgs: tuple[Sdg, ...] = ()
    related_ids: tuple[str, ...] = ()
    previous_ids: tuple[str, ...] = ()
    plans: tuple[str, ...] = ()  # the ids of the plans it belongs to, oldest first (plan_id); () before validation
    plan_records: tuple[PlanRecord, ...] = ()  # what it was in an earlier plan where it differed, oldest first
    replaces: tuple[str, ...] = ()  # the ids of the items it took over from when a new plan reshaped them
    line: int = 0

    @cached_property
    def status_entry(self) -> HistoryEntry:
        """The last history entry that sets a status (validation guarantees one)."""
        return next(entry for entry in reversed(self.history) if entry.status is not None)

    @property
    def status_since(self) -> dt.date:
        """The day the current status was set: confirming the same status again later ("still on
        track") adds an entry to the history, but the item has had the status since the first."""
        since = self.status_entry.date
        for entry in reversed(self.history):
            if entry.status is None:
                continue
            if entry.status != self.status:
                break
            since = entry.date
        return since

    @property
    def status(self) -> Status:
        status = self.status_entry.status
        assert status is not None
        return status

    def status_on(self, day: dt.date) -> Status:
        """The status the item had at the end of ``day`` (a closed plan's final state); before its first
        entry, its first status."""
        found = next(entry.status for entry in self.history if entry.status is not None)
        for entry in self.history:
            if entry.date > day:
                break
            if entry.status is not None:
                found = entry.status
        return found

    @cached_property
    def moves(self) -> tuple[TimingMove, ...]:
        moves: list[TimingMove] = []
        timing = self.planned
        for entry in self.history:
            if not entry.moves_timing:
                continue
            after = Timing(entry.start or timing.start, entry.end or timing.end)
            moves.append(TimingMove(entry.date, timing, after, entry.comment))
            timing = after
        return tuple(moves)

    @property
    def timing(self) -> Timing:
        """The current timing: the planned one, as moved by the history."""
        return self.moves[-1].after if self.moves else self.planned

    @property
    def sort_key(self) -> tuple[dt.date, dt.date, str]:
        """Work-plan order: by planned end, then start; ongoing items (no end) after every dated one, then items without timing."""
        timing = self.timing
        far = dt.date.max
        end = timing.end.last if timing.end else (timing.start.last if timing.start else far)
        start = timing.start.first if timing.start else (timing.end.first if timing.end and timing.end.ongoing else end)
        return (end, start, self.title.casefold())


@dataclass(frozen=True)
class AdoptedPlan:
    """One udmøntningsplan of the site: the current one (plan block) or an earlier one (earlier_plans).

    ``closed`` is the last day an earlier plan was the current one: its items' final state is their
    status on that day. The current plan has none. ``id`` is the period, as items name it in 'plans'.
    """

    id: str
    title: str
    period_start: int
    period_end: int
    budget_agreement: str = ""
    case_number: str = ""
    introduction: str = ""
    adopted_by: tuple[Decision, ...] = ()
    closed: dt.date | None = None
    opened: dt.date | None = None  # the day after the plan before it closed (None: the first plan)
    corrections: tuple[Correction, ...] = ()  # an earlier plan's corrections since it closed, in the order written

    @property
    def current(self) -> bool:
        return self.closed is None


def plan_id(start: int, end: int) -> str:
    """A plan's id: its period, '2024-2027'."""
    return f"{start}-{end}"


@dataclass(frozen=True)
class PlanInfo:
    title: str
    municipality: str
    period_start: int
    period_end: int
    data_as_of: dt.date
    example_data: bool
    introduction: str = ""
    budget_agreement: str = ""
    case_number: str = ""
    values_name: str = ""
    values: tuple[str, ...] = ()
    decisions: tuple[Decision, ...] = ()
    stale_after_months: int = 6
    logo: Logo | None = None
    contact: Contact | None = None
    license: str = "CC-BY-4.0"  # licences.KNOWN's name, or another licence's address
    municipality_code: str = ""  # the municipality's four-digit code ('0707'), for the catalogue's spatial coverage
    adopted_by: tuple[Decision, ...] = ()  # the decisions that adopted the current plan (plan.adopted_by)


@dataclass(frozen=True)
class Plan:
    info: PlanInfo
    statuses: tuple[Status, ...]
    themes: tuple[Theme, ...]
    kinds: tuple[Kind, ...]
    committees: tuple[Committee, ...]
    strategies: tuple[Strategy, ...]
    selected_sdgs: tuple[Sdg, ...]
    items: tuple[Item, ...]
    items_by_id: dict[str, Item] = field(default_factory=dict, compare=False)
    # Every udmøntningsplan of the site, oldest first, the current one last; () only in a Plan made by hand.
    plans: tuple[AdoptedPlan, ...] = ()

    @property
    def several_plans(self) -> bool:
        """Whether the site holds earlier plans too: only then has each plan a page of its own."""
        return len(self.plans) > 1

    @property
    def current_plan(self) -> AdoptedPlan | None:
        return self.plans[-1] if self.plans else None

    def items_of(self, plan: AdoptedPlan) -> list[Item]:
        return [item for item in self.items if plan.id in item.plans]

    def current_items(self) -> list[Item]:
        """The items of the current plan (every item when the site holds one plan)."""
        current = self.current_plan
        if current is None or not self.several_plans:
            return list(self.items)
        return self.items_of(current)

    def items_in_theme(self, theme: Theme) -> list[Item]:
        return [item for item in self.items if item.theme == theme]

    def sdgs_in_use(self) -> list[Sdg]:
        """Selected goals plus any goal an item names, in number order."""
        numbers = {sdg.number: sdg for sdg in self.selected_sdgs}
        for item in self.items:
            numbers.update({sdg.number: sdg for sdg in item.sdgs})
        return [numbers[n] for n in sorted(numbers)]
