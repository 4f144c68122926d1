"""Build the plan's items from the located 'items:' list, checking what each refers to.

An item is where the editors work every week, so most rules live here: an id is
never used twice, not even as a previous id; theme, kind, committees, strategies,
strengths, SDGs and related items must exist; the history is in date order, not
after data_as_of, begins with a status, explains a dropped status, and never moves
the end before the start. The reference lists themselves are read in plan_rules.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from .budget_rules import read_budget
from .decision_rules import cited_too_early
from .item_plan_rules import Now, PlanChoices, check_replace_cycles, read_item_plans, read_replaces
from .located import PlanReader, describe
from .model import Committee, Decision, Document, HistoryEntry, Item, Kind, Status, Strategy, Strength, Theme, Timing
from .plan_keys import DOCUMENT_REQUIRED, HISTORY_OPTIONAL, HISTORY_REQUIRED, ITEM_OPTIONAL, ITEM_REQUIRED, TIMING_OPTIONAL
from .previous_id_rules import invalid_previous_id, reused
from .problems import choices
from .progress_rules import read_indicators, read_milestones
from .sdgs import Sdg
from .slugs import is_slug, title_key
from .yamlsource import YList, YMap


@dataclass(frozen=True)
class KnownBlocks:
    """The blocks an item may refer to, by id (SDGs by number)."""

    statuses: dict[str, Status]
    themes: dict[str, Theme]
    kinds: dict[str, Kind]
    committees: dict[str, Committee]
    strategies: dict[str, Strategy]
    strengths: dict[str, Strength]
    sdgs: dict[int, Sdg]
    decisions: dict[str, Decision]  # the register's decisions that have an id: what a history entry may cite
    plans: dict[str, str]  # the plans' ids (their periods), oldest first, the current one last


def build_items(r: PlanReader, root: YMap, known: KnownBlocks, as_of: dt.date | None) -> list[Item]:
    """The valid items in file order; every problem found on the way is in ``r``."""
    return ItemBuilder(r, known, as_of).items(root)


def read_timing(r: PlanReader, block: YMap, key: str, path: str) -> Timing:
    """A timing block {start, end}; the end may not lie before the start."""
    if key not in block or block[key] is None:
        return Timing()
    timing = r.mapping(block[key], block.line_of(key), f"{path}.{key}")
    if timing is None:
        return Timing()
    r.fields(timing, f"{path}.{key}", [], TIMING_OPTIONAL)
    start = r.period(timing, "start", f"{path}.{key}")
    end = r.period(timing, "end", f"{path}.{key}", end=True)
    if start and end and end.last < start.first:
        r.problem(timing.line_of("end"), f"{path}.{key}.end", f"Slut ({end.text}) ligger før start ({start.text}).")
    return Timing(start, end)


class ItemBuilder:
    """Builds the Items of one plan: ids are claimed across all items, so it reads them all."""

    def __init__(self, reader: PlanReader, known: KnownBlocks, as_of: dt.date | None) -> None:
        self.r = reader
        self.known = known
        self.as_of = as_of
        self.ids: dict[str, tuple[int, str]] = {}  # every id and previous id: (line, what it is)
        # What to write in a key left empty: the ids it may name.
        self.hints = {
            "theme": f"temaets id ({choices(known.themes)})",
            "kind": f"typens id ({choices(known.kinds)})",
            "committees": f"udvalgenes id'er i en liste som [{next(iter(known.committees), 'oekonomiudvalget')}] ({choices(known.committees)})",
            "strategic": "ja (true) eller nej (false)",
            "status": f"statussens id ({choices(known.statuses)})",
        }

    def items(self, root: YMap) -> list[Item]:
        r = self.r
        entries = r.entries(root, "items")
        if "items" in root and isinstance(root["items"], YList) and not root["items"]:
            r.problem(root.line_of("items"), "items", "Planen har ingen indsatser. Tilføj mindst én under 'items:'.")
        related: list[tuple[Item, YMap, str]] = []
        for block, path, _line in entries:
            ident = r.slug(block, "id", path)
            r.fields(block, path if ident is None else f"items[{ident}]", ["id", *ITEM_REQUIRED], ITEM_OPTIONAL, self.hints)
            if ident is None:
                continue
            path = f"items[{ident}]"
            item = self.item(block, path, ident, self.previous_ids(block, path, ident))
            if item is not None:
                related.append((item, block, path))
        current = {ident: ident for ident, (_, what) in self.ids.items() if what == "id"}
        self.unique_titles(related)
        linked = [(self.with_related(item, block, path, current), block, path) for item, block, path in related]
        check_replace_cycles(r, linked)
        return [item for item, _, _ in linked]

    def unique_titles(self, items: list[tuple[Item, YMap, str]]) -> None:
        """Two items with one title (slugs.title_key: case, spacing, dashes and quotes aside) cannot be
        told apart in a list, a search or the report, and the import finds an item by its title."""
        first: dict[str, tuple[Item, int]] = {}
        for item, block, path in items:
            other, line = first.setdefault(title_key(item.title), (item, block.line_of("title")))
            if other is not item:
                self.r.problem(
                    block.line_of("title"),
                    f"{path}.title",
                    f"Titlen '{item.title}' er også titlen på indsatsen '{other.id}' i linje {line}. To indsatser må ikke have samme titel: "
                    + "på siden, i søgningen og i rapporten kan de ikke skelnes. Gør titlen mere præcis, fx med stedet, året eller 'etape 2'.",
                )

    def previous_ids(self, block: YMap, path: str, ident: str) -> tuple[str, ...]:
        """Claim the item's id and its previous ids, so that none is used again."""
        r = self.r
        self.claim_id(ident, block.line_of("id"), f"{path}.id", "id")
        previous = [p for p, _ in r.id_list(block, "previous_ids", path)]
        for index, (old, line) in enumerate(r.id_list(block, "previous_ids", path)):
            problem = invalid_previous_id(old)
            if problem is not None:
                r.problem(line, f"{path}.previous_ids" if not isinstance(old, str) or not is_slug(old) else f"{path}.previous_ids[{index + 1}]", problem)
                continue
            self.claim_id(old, line, f"{path}.previous_ids[{index + 1}]", "tidligere id")
        return tuple(str(p) for p in previous)

    def claim_id(self, ident: str, line: int, field: str, what: str) -> None:
        if ident not in self.ids:
            self.ids[ident] = (line, what)
            return
        first_line, first_what = self.ids[ident]
        self.r.problem(line, field, reused(ident, what, first_what, first_line))

    def with_related(self, item: Item, block: YMap, path: str, current: dict[str, str]) -> Item:
        """related and replaces: refer to other items by their current id, so they are read once all ids are known."""
        related_ids = self.r.refs(block, "related", path, current, "indsats")
        if item.id in related_ids:
            self.r.problem(block.line_of("related"), f"{path}.related", "En indsats kan ikke være relateret til sig selv.")
        return replace(item, related_ids=related_ids, replaces=read_replaces(self.r, block, path, current, item.id))

    def item(self, block: YMap, path: str, ident: str, previous: tuple[str, ...]) -> Item | None:
        r, known = self.r, self.known
        theme = r.ref(block, "theme", path, known.themes, "tema")
        kind = r.ref(block, "kind", path, known.kinds, "type")
        committees = r.refs(block, "committees", path, known.committees, "udvalg")
        if "committees" in block and block["committees"] is not None and not committees and not r.id_list(block, "committees", path):
            r.problem(block.line_of("committees"), f"{path}.committees", "Mindst ét udvalg skal behandle indsatsen.")
        strategic = r.typed(block, "strategic", path, bool, False)
        planned = read_timing(r, block, "timing", path)
        history = self.history(block, path, planned)
        budget = read_budget(r, block, path)
        milestones = read_milestones(r, block, path, self.as_of)
        indicators = read_indicators(r, block, path, self.as_of)
        title = r.title(block, path, "indsatsens titel")
        choices = PlanChoices(known.plans, known.themes, known.kinds, known.committees)
        plans, records = read_item_plans(r, block, path, choices, Now(title, theme, kind, committees))
        if not (theme and kind and history and title):
            return None
        return Item(
            id=ident,
            title=title,
            theme=theme,
            kind=kind,
            committees=committees,
            strategic=strategic,
            history=history,
            planned=planned,
            responsible=r.text(block, "responsible", path),
            process=r.text(block, "process", path),
            cross_cutting=r.text(block, "cross_cutting", path),
            budget=budget,
            milestones=milestones,
            indicators=indicators,
            strategies=r.refs(block, "strategies", path, known.strategies, "strategi"),
            strengths=r.refs(block, "strengths", path, known.strengths, "styrkeposition"),
            sdgs=r.refs(block, "sdgs", path, known.sdgs, "verdensmål"),
            previous_ids=previous,
            plans=plans,
            plan_records=records,
            line=block.line,
        )

    # -- history ---------------------------------------------------------------

    def history(self, block: YMap, path: str, planned: Timing) -> tuple[HistoryEntry, ...]:
        """The history in file order; () unless it is a list in which some entry sets a status."""
        r = self.r
        value = block.get("history")
        if value is None:
            return ()
        if not isinstance(value, YList) or not value:
            r.problem(block.line_of("history"), f"{path}.history", "Historikken skal være en liste med mindst ét punkt med dato og status.")
            return ()
        entries: list[HistoryEntry] = []
        timing = planned  # as moved by the entries so far
        for index, raw in enumerate(value):
            epath = f"{path}.history[{index + 1}]"
            entry = r.mapping(raw, value.line_of(index), epath)
            if entry is None:
                continue
            day, status, moved, comment = self.history_entry(entry, epath)
            self.check_date(entry, epath, day, entries)
            decision, document = self.sources(entry, epath, day)
            if moved.start or moved.end:
                timing = self.moved(entry, epath, timing, moved)
            if day is not None:
                entries.append(HistoryEntry(day, status, moved.start, moved.end, comment, decision, document))
        if entries and entries[0].status is None and value and isinstance(value[0], YMap):
            r.problem(value.line_of(0), f"{path}.history[1].status", "Det første punkt i historikken skal have en status.")
        if not any(e.status for e in entries):
            return ()
        return tuple(entries)

    def history_entry(self, entry: YMap, epath: str) -> tuple[dt.date | None, Status | None, Timing, str]:
        """One entry's date, status, move and comment, with the rules that need only the entry."""
        r = self.r
        r.fields(entry, epath, HISTORY_REQUIRED, HISTORY_OPTIONAL, self.hints)
        if r.empty(entry, "timing"):
            r.problem(
                entry.line_of("timing"),
                f"{epath}.timing",
                "Feltet 'timing' står tomt. Angiv den nye start og/eller slut, fx timing: {end: 2025-Q2}, eller slet linjen.",
            )
        day = r.date(entry, "date", epath)
        status = r.ref(entry, "status", epath, self.known.statuses, "status")
        moved = read_timing(r, entry, "timing", epath) if "timing" in entry else Timing()
        comment = r.text(entry, "comment", epath)
        if "status" not in entry and "timing" not in entry:
            r.problem(entry.line, epath, "Et punkt i historikken skal ændre status eller tidspunkt (status: eller timing:).")
        if isinstance(entry.get("timing"), YMap) and not ({"start", "end"} & set(entry["timing"])):
            r.problem(entry.line_of("timing"), f"{epath}.timing", "Angiv den nye start og/eller slut, fx timing: {end: 2025-Q2}.")
        if status is not None and status.dropped and not comment:
            r.problem(
                entry.line_of("status"),
                f"{epath}.comment",
                f"En indsats med status '{status.label}' skal have en begrundelse. Skriv begrundelsen i feltet comment.",
            )
        return day, status, moved, comment

    def sources(self, entry: YMap, epath: str, day: dt.date | None) -> tuple[Decision | None, Document | None]:
        """What the entry cites: a decision in the register (by id), and a document on the web."""
        r = self.r
        decision = None
        if "decision" in entry and entry["decision"] is not None:
            decision = r.ref(entry, "decision", epath, self.known.decisions, "beslutning") if self.known.decisions else None
            if not self.known.decisions:
                r.problem(
                    entry.line_of("decision"),
                    f"{epath}.decision",
                    f"Ukendt beslutning {describe(entry['decision'])}: ingen beslutning under plan.decisions har et id. "
                    + "Giv beslutningen et id (fx id: oeu-2024-03-12) og henvis til det her.",
                )
        if decision is not None and day is not None and (early := cited_too_early(decision, day)) is not None:
            r.problem(entry.line_of("date"), f"{epath}.date", early)
        return decision, self.document(entry, epath)

    def document(self, entry: YMap, epath: str) -> Document | None:
        r = self.r
        if "document" not in entry or entry["document"] is None:
            return None
        block = r.mapping(entry["document"], entry.line_of("document"), f"{epath}.document")
        if block is None:
            return None
        path = f"{epath}.document"
        r.fields(block, path, DOCUMENT_REQUIRED, [])
        title = r.limited(block, "title", path, r.required_text(block, "title", path, "Titlen er tom. Skriv dokumentets titel."))
        url = r.link(block, "url", path)
        if "url" in block and block["url"] is not None and not r.text(block, "url", path):
            r.problem(block.line_of("url"), f"{path}.url", "Skriv dokumentets webadresse, fx https://norddjurs.dk/media/rapport.pdf.")
        return Document(title, url) if title and url else None

    def check_date(self, entry: YMap, epath: str, day: dt.date | None, entries: list[HistoryEntry]) -> None:
        """Not after the plan's data_as_of, and not before the entry above it."""
        if day is None:
            return
        if self.as_of is not None and day > self.as_of:
            self.r.problem(
                entry.line_of("date"),
                f"{epath}.date",
                f"Datoen {day.isoformat()} ligger efter planens 'data_as_of' ({self.as_of.isoformat()}). Ret datoen, eller ryk data_as_of frem.",
            )
        if entries and day < entries[-1].date:
            self.r.problem(
                entry.line_of("date"),
                f"{epath}.date",
                f"Historikken skal stå i datoorden, ældste først: {day.isoformat()} kommer efter {entries[-1].date.isoformat()}.",
            )

    def moved(self, entry: YMap, epath: str, timing: Timing, moved: Timing) -> Timing:
        """The timing after this entry's move; the move may not put the end before the start."""
        after = Timing(moved.start or timing.start, moved.end or timing.end)
        if after.start and after.end and after.end.last < after.start.first:
            self.r.problem(entry.line_of("timing"), f"{epath}.timing", f"Efter flytningen ligger slut ({after.end.text}) før start ({after.start.text}).")
        return after
