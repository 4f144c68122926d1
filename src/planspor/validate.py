"""Turn the located YAML of plan.yaml into a Plan, reporting every problem at once.

Each check names the file, the line, the field, what was found and what is
allowed. Nothing is guessed: an unknown field is an error (with a suggestion),
never ignored.
"""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from .contrast import AA_NORMAL_TEXT, HEX_COLOUR, best_text_colour, contrast_ratio
from .model import (
    Committee,
    Decision,
    HistoryEntry,
    Item,
    Kind,
    Plan,
    PlanInfo,
    Status,
    Strategy,
    Strength,
    Theme,
    Timing,
)
from .money import thousands_separated
from .periods import Period, PeriodError, parse_date_text, parse_period
from .plan_keys import ITEM_OPTIONAL, ITEM_REQUIRED, PLAN_OPTIONAL, PLAN_REQUIRED, STATUS_ICONS, TOP_LEVEL, YEARS
from .problems import PlanInvalid, Problem, choices
from .sdgs import Sdg, all_sdgs
from .slugs import is_slug
from .yaml_errors import INDICATORS, quoted
from .yamlsource import BadScalar, YList, YMap

T = TypeVar("T")

_VALUE_LIKE_COMMENT = re.compile(r"#\S")  # '#1565C0', not '# a comment'
_COMMENT_AFTER_TEXT = re.compile(r"([ \t]+)#(.?)")
# How a message names a text field: "så titlen blev kun 'Budget'".
_TEXT_NOUNS = {"title": "titlen", "comment": "kommentaren", "description": "beskrivelsen", "subtitle": "undertitlen", "meaning": "betydningen"}
# The power of ten of an amount's first digit, in 1.000 kr.: from a thousandth of a krone
# to under a trillion kroner. Beyond that it is a typing error (and 1e-999999 would print a million zeros).
_AMOUNT_DIGITS = (-6, 8)

_TYPE_NAMES = {
    str: "en tekst",
    bool: "true eller false",
    int: "et helt tal",
    YMap: "en blok med felter",
    YList: "en liste",
}


def _describe(value: Any) -> str:
    if value is None:
        return "ingenting"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, YMap):
        return "en blok med felter"
    if isinstance(value, YList):
        return "en liste"
    if isinstance(value, dt.date):
        return value.isoformat()
    return repr(str(value)) if isinstance(value, str) else str(value)


class PlanReader:
    """Reads one plan file; collects problems instead of stopping at the first."""

    def __init__(self, display: str) -> None:
        self.file = display
        self.problems: list[Problem] = []

    # -- reporting ---------------------------------------------------------

    def problem(self, line: int | None, field: str, message: str) -> None:
        self.problems.append(Problem(self.file, line, field, message))

    # -- shape checks ------------------------------------------------------

    def mapping(self, value: Any, line: int, field: str) -> YMap | None:
        if isinstance(value, YMap):
            return value
        self.problem(line, field, f"Her skal stå en blok med felter, men der står {_describe(value)}.")
        return None

    def fields(self, block: YMap, path: str, required: Iterable[str], optional: Iterable[str]) -> None:
        required = list(required)
        allowed = required + list(optional)
        for key in block:
            if key in allowed:
                continue
            close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
            hint = f" Mente du '{close[0]}'?" if close else ""
            self.problem(
                block.line_of(key),
                f"{path}.{key}",
                f"Ukendt felt '{key}'.{hint} Tilladte felter her: {', '.join(allowed)}.",
            )
        for key in allowed:
            if block.get(key) is None and self.hidden_by_comment(block, key, path):
                continue
            if key in required and block.get(key) is None:
                self.problem(block.line_of(key), f"{path}.{key}", f"Feltet '{key}' mangler. Det skal udfyldes.")

    def hidden_by_comment(self, block: YMap, key: str, path: str) -> bool:
        """colour: #1565C0 is read as nothing: YAML takes '#' after a space as the start of a comment."""
        comment = block.written(key)
        if comment is None or not _VALUE_LIKE_COMMENT.match(comment):
            return False  # '# udfyldes senere' is an ordinary comment after an empty field
        what = "farven" if HEX_COLOUR.match(comment) else "værdien"
        self.problem(
            block.line_of(key),
            f"{path}.{key}",
            f'Der står {key}: {comment}, men # starter en kommentar i YAML, så feltet er tomt. Skriv {what} i anførselstegn: {key}: "{comment}".',
        )
        return True

    def typed(self, block: YMap, key: str, path: str, kind: type[T], default: T) -> T:
        value = block.get(key)
        if value is None:
            return default
        ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
        if kind is str and isinstance(value, int | float) and not isinstance(value, bool):
            ok, value = True, str(value)
        if not ok:
            expected = _TYPE_NAMES.get(kind, kind.__name__)
            self.problem(block.line_of(key), f"{path}.{key}", f"Her skal stå {expected}, men der står {_describe(value)}.")
            return default
        if kind is str:
            value = value.strip()
        return value  # type: ignore[no-any-return,return-value]

    def text(self, block: YMap, key: str, path: str) -> str:
        """A free text (a title, a comment): also checks that YAML read all of what was written."""
        written = block.cut(key)
        if written is not None and self.cut_short(block, key, path, written):
            return str(block[key]).strip()
        return self.typed(block, key, path, str, "")

    def cut_short(self, block: YMap, key: str, path: str, written: str) -> bool:
        """title: Budget #2 i balance is read as 'Budget'; title: &Co budget as 'budget'. Say so.

        A '#' after a space starts a comment in YAML. After a text it is reported unless it
        looks like a deliberate comment: at least two spaces (or a tab) before the '#' and a
        space after it ('title: Budget  # ændret 2024'), the style the plan's own comments use.
        """
        value = str(block[key]).strip()
        noun = _TEXT_NOUNS.get(key, f"feltet {key}")
        became = f"{noun} blev kun '{value}'" if value else f"{noun} blev tom"
        example = f"{key}: {quoted(written)}"
        if written[0] in "&!":
            name, meaning = INDICATORS[written[0]]
            message = f"Teksten begynder med {name}, {meaning}, så {became}. Sæt hele teksten i anførselstegn: {example}"
        else:
            comment = _COMMENT_AFTER_TEXT.match(written, len(value))
            if comment is None or (("\t" in comment[1] or len(comment[1]) >= 2) and comment[2] in ("", " ")):
                return False
            message = (
                f"Teksten efter # blev læst som en kommentar, så {became}. "
                + f"Er det ment som en kommentar, så skriv den på en linje for sig selv; ellers sæt hele teksten i anførselstegn: {example}"
            )
        self.problem(block.line_of(key), f"{path}.{key}", message)
        return True

    def required_text(self, block: YMap, key: str, path: str, if_blank: str) -> str:
        """A text that must say something: title: "" is reported, not published as an empty heading."""
        value = self.text(block, key, path)
        if not value and isinstance(block.get(key), str):
            self.problem(block.line_of(key), f"{path}.{key}", if_blank)
        return value

    def flag(self, block: YMap, key: str, path: str) -> bool:
        return self.typed(block, key, path, bool, False)

    def date(self, block: YMap, key: str, path: str) -> dt.date | None:
        value = block.get(key)
        line = block.line_of(key)
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return parse_date_text(str(value))
        except PeriodError as error:
            self.problem(line, f"{path}.{key}", f"Ugyldig dato: {error}.")
            return None

    def period(self, block: YMap, key: str, path: str) -> Period | None:
        value = block.get(key)
        if value is None:
            return None
        try:
            return parse_period(str(value) if isinstance(value, BadScalar) else value)
        except PeriodError as error:
            self.problem(block.line_of(key), f"{path}.{key}", f"Ugyldigt tidspunkt: {error}.")
            return None

    def id_list(self, block: YMap, key: str, path: str) -> list[tuple[Any, int]]:
        value = block.get(key)
        if value is None:
            return []
        if not isinstance(value, YList):
            if isinstance(value, str | int) and not isinstance(value, bool):
                return [(value, block.line_of(key))]  # one value without brackets is fine
            self.problem(block.line_of(key), f"{path}.{key}", f"Her skal stå en liste som [a, b], men der står {_describe(value)}.")
            return []
        return [(entry, value.line_of(i)) for i, entry in enumerate(value)]

    def refs(self, block: YMap, key: str, path: str, known: Mapping[Any, T], what: str) -> tuple[T, ...]:
        found: list[T] = []
        for entry, line in self.id_list(block, key, path):
            if isinstance(entry, YMap | YList):  # [1: 7] or [a, [b]]: nothing to look up
                self.problem(
                    line,
                    f"{path}.{key}",
                    f"Her skal hvert punkt i listen være et id, men der står {_describe(entry)}. Skriv punkterne adskilt af komma, fx [a, b].",
                )
                continue
            target = known.get(entry)
            if target is None:
                self.unknown(line, f"{path}.{key}", entry, known, what)
            elif target in found:
                self.problem(line, f"{path}.{key}", f"{what.capitalize()} '{entry}' står to gange.")
            else:
                found.append(target)
        return tuple(found)

    def ref(self, block: YMap, key: str, path: str, known: Mapping[str, T], what: str) -> T | None:
        value = block.get(key)
        if value is None:
            return None
        target = known.get(value) if isinstance(value, str) else None
        if target is None:
            self.unknown(block.line_of(key), f"{path}.{key}", value, known, what)
        return target

    def unknown(self, line: int, field: str, value: Any, known: Mapping[Any, Any], what: str) -> None:
        if known and all(isinstance(k, int) for k in known):  # numbers: a range, no guessing
            self.problem(line, field, f"Ukendt {what} {_describe(value)}. Tilladt: et tal fra {min(known)} til {max(known)}.")
            return
        close = difflib.get_close_matches(str(value), [str(k) for k in known], n=1, cutoff=0.6)
        hint = f" Mente du '{close[0]}'?" if close else ""
        self.problem(line, field, f"Ukendt {what} {_describe(value)}.{hint} Tilladt: {choices((str(k) for k in known), limit=12)}.")

    def entries(self, root: YMap, key: str, required: bool = True) -> list[tuple[YMap, str, int]]:
        """The blocks of a top-level list such as themes:, with their paths."""
        value = root.get(key)
        if value is None:
            if required:
                self.problem(root.line_of(key), key, f"Listen '{key}' mangler eller er tom.")
            return []
        if not isinstance(value, YList):
            self.problem(root.line_of(key), key, f"'{key}' skal være en liste, hvor hvert punkt begynder med '- ', men der står {_describe(value)}.")
            return []
        blocks: list[tuple[YMap, str, int]] = []
        for index, entry in enumerate(value):
            path = f"{key}[{index + 1}]"
            block = self.mapping(entry, value.line_of(index), path)
            if block is not None:
                blocks.append((block, path, value.line_of(index)))
        return blocks

    def identified(
        self,
        root: YMap,
        key: str,
        required: Iterable[str],
        optional: Iterable[str],
        make: Callable[[YMap, str, str], T | None],
        what: str,
    ) -> dict[str, T]:
        """Read a list of blocks with unique slug ids into {id: object}."""
        result: dict[str, T] = {}
        seen: dict[str, int] = {}
        for block, path, _line in self.entries(root, key):
            self.fields(block, path, ["id", *required], optional)
            ident = self.slug(block, "id", path)
            if ident is None:
                continue
            if ident in seen:
                self.problem(
                    block.line_of("id"), f"{path}.id", f"{what.capitalize()}-id'et '{ident}' er allerede brugt i linje {seen[ident]}. Et id skal være entydigt."
                )
                continue
            seen[ident] = block.line_of("id")
            made = make(block, path, ident)
            if made is not None:
                result[ident] = made
        return result

    def slug(self, block: YMap, key: str, path: str) -> str | None:
        value = block.get(key)
        if value is None:
            return None
        written = block.cut(key)
        if written is not None and written[0] in "&!" and self.cut_short(block, key, path, written):
            return None  # id: !budget is a tag and no id; a comment after an id is just a comment
        if not isinstance(value, str) or not is_slug(value):
            self.problem(
                block.line_of(key),
                f"{path}.{key}",
                f"Id'et {_describe(value)} er ikke tilladt. Brug kun små bogstaver a-z, tal og bindestreg (æ→ae, ø→oe, å→aa), fx 'klima-og-miljoe'.",
            )
            return None
        return value


def build_plan(root: Any, display: str) -> Plan:
    """Validate located YAML into a Plan, or raise PlanInvalid with every problem."""
    reader = PlanReader(display)
    if root is None or (isinstance(root, YMap) and not root):
        raise PlanInvalid([Problem(display, 1, "", "Planen er tom. Den skal mindst have blokkene: " + ", ".join(TOP_LEVEL) + ".")])
    if not isinstance(root, YMap):
        message = f"Planen skal bestå af blokkene {', '.join(f'{key}:' for key in TOP_LEVEL)}, men filen indeholder {_describe(root)}."
        raise PlanInvalid([Problem(display, 1, "", message)])
    block = root
    reader.fields(block, "", TOP_LEVEL, [])
    plan = _Builder(reader, block).build()
    if reader.problems:
        raise PlanInvalid(reader.problems)
    assert plan is not None
    return plan


class _Builder:
    def __init__(self, reader: PlanReader, root: YMap) -> None:
        self.r = reader
        self.root = root

    def build(self) -> Plan | None:
        info = self.plan_info()
        statuses = self.r.identified(
            self.root, "statuses", ["label", "colour", "icon", "meaning"], ["text_colour", "finished", "dropped"], self.status, "status"
        )
        themes = self.r.identified(self.root, "themes", ["title"], [], lambda b, p, i: Theme(i, self.title(b, p, "temaets titel")), "tema")
        kinds = self.r.identified(
            self.root, "kinds", ["title"], ["description"], lambda b, p, i: Kind(i, self.title(b, p, "typens titel"), self.r.text(b, "description", p)), "type"
        )
        committees = self.r.identified(self.root, "committees", ["title"], [], lambda b, p, i: Committee(i, self.title(b, p, "udvalgets navn")), "udvalg")
        strategies = self.r.identified(
            self.root, "strategies", ["title"], ["subtitle", "adopted", "url", "description", "strengths"], self.strategy, "strategi"
        )
        sdgs = {sdg.number: sdg for sdg in all_sdgs().values()}
        selected = self.r.refs(self.root, "sdgs", "sdgs", sdgs, "verdensmål")
        strengths: dict[str, Strength] = {}
        for strategy in strategies.values():
            strengths.update({s.id: s for s in strategy.strengths})
        refs = _Refs(statuses, themes, kinds, committees, strategies, strengths, sdgs)
        items = self.items(refs, info.data_as_of if info else None)
        if info is None:
            return None
        return Plan(
            info,
            tuple(statuses.values()),
            tuple(themes.values()),
            tuple(kinds.values()),
            tuple(committees.values()),
            tuple(strategies.values()),
            selected,
            tuple(items),
            {item.id: item for item in items},
        )

    def title(self, block: YMap, path: str, what: str) -> str:
        return self.r.required_text(block, "title", path, f"Titlen er tom. Skriv {what}.")

    # -- plan ----------------------------------------------------------------

    def plan_info(self) -> PlanInfo | None:
        block = self.r.mapping(self.root.get("plan"), self.root.line_of("plan"), "plan")
        if block is None:
            return None
        r = self.r
        r.fields(block, "plan", PLAN_REQUIRED, PLAN_OPTIONAL)
        period = r.mapping(block.get("period"), block.line_of("period"), "plan.period") if "period" in block else None
        start = end = 0
        if period is not None:
            r.fields(period, "plan.period", ["start", "end"], [])
            start = self.year(period, "start")
            end = self.year(period, "end")
            if start and end and end < start:
                r.problem(period.line_of("end"), "plan.period.end", f"Perioden slutter ({end}) før den begynder ({start}).")
        values = [(v, line) for v, line in r.id_list(block, "values", "plan")]
        decisions = []
        for entry, path, _ in self.r.entries(block, "decisions", required=False):
            r.fields(entry, f"plan.{path}", ["body", "date", "outcome"], ["comment"])
            day = r.date(entry, "date", f"plan.{path}")
            if day is not None:
                decisions.append(
                    Decision(
                        r.required_text(entry, "body", f"plan.{path}", "Feltet 'body' er tomt. Skriv, hvem der traf beslutningen."),
                        day,
                        r.required_text(entry, "outcome", f"plan.{path}", "Feltet 'outcome' er tomt. Skriv, hvad der blev besluttet."),
                        r.text(entry, "comment", path),
                    )
                )
        for earlier, later in itertools.pairwise(decisions):
            if later.date < earlier.date:
                r.problem(block.line_of("decisions"), "plan.decisions", "Beslutningerne skal stå i datoorden, ældste først.")
                break
        as_of = r.date(block, "data_as_of", "plan")
        if as_of is None:
            return None
        return PlanInfo(
            title=r.required_text(block, "title", "plan", "Titlen er tom. Skriv planens titel."),
            municipality=r.required_text(block, "municipality", "plan", "Feltet 'municipality' er tomt. Skriv kommunens navn."),
            period_start=start,
            period_end=end,
            data_as_of=as_of,
            example_data=r.flag(block, "example_data", "plan"),
            introduction=r.text(block, "introduction", "plan"),
            budget_agreement=r.text(block, "budget_agreement", "plan"),
            case_number=r.text(block, "case_number", "plan"),
            values_name=r.text(block, "values_name", "plan"),
            stale_after_months=self.months(block),
            values=tuple(str(v) for v, _ in values),
            decisions=tuple(decisions),
        )

    def year(self, period: YMap, key: str) -> int:
        year = self.r.typed(period, key, "plan.period", int, 0)
        if type(period.get(key)) is int and year not in YEARS:
            self.r.problem(
                period.line_of(key),
                f"plan.period.{key}",
                f"Året {year} er ikke et årstal. Skriv et årstal mellem {YEARS.start} og {YEARS.stop - 1}, fx 2027.",
            )
            return 0
        return year

    def months(self, block: YMap) -> int:
        months = self.r.typed(block, "stale_after_months", "plan", int, 6)
        if not 1 <= months <= 60:
            self.r.problem(block.line_of("stale_after_months"), "plan.stale_after_months", f"Antal måneder skal være mellem 1 og 60, men der står {months}.")
            return 6
        return months

    # -- reference lists ----------------------------------------------------

    def status(self, block: YMap, path: str, ident: str) -> Status:
        r = self.r
        colour = self.colour(block, "colour", path)
        text_colour = self.colour(block, "text_colour", path) if "text_colour" in block else None
        label = r.required_text(block, "label", path, "Feltet 'label' er tomt. Skriv statussens navn, som det skal stå på mærket.")
        icon = r.typed(block, "icon", path, str, "")  # an id from a list: a comment after it is a comment
        if (icon or isinstance(block.get("icon"), str)) and icon not in STATUS_ICONS:
            r.unknown(block.line_of("icon"), f"{path}.icon", icon, dict.fromkeys(STATUS_ICONS), "ikon")
        meaning = r.required_text(block, "meaning", path, "Feltet 'meaning' er tomt. Skriv, hvad statussen betyder.")
        finished = r.flag(block, "finished", path)
        dropped = r.flag(block, "dropped", path)
        if finished and dropped:
            r.problem(block.line_of("dropped"), f"{path}.dropped", "En status kan ikke både være afsluttet (finished) og udgået (dropped).")
        if colour is None:
            # The colour is already reported; the status stays known, so the
            # items using it are not reported as having an unknown status too.
            return Status(ident, label, "#000000", "#FFFFFF", icon, meaning, finished, dropped)
        if text_colour is None:
            text_colour = best_text_colour(colour)
        ratio = contrast_ratio(colour, text_colour)
        if ratio < AA_NORMAL_TEXT:
            r.problem(
                block.line_of("text_colour" if "text_colour" in block else "colour"),
                f"{path}.colour",
                f"Teksten på mærket '{label}' ({text_colour} på {colour}) har kontrasten {f'{ratio:.2f}'.replace('.', ',')}:1. "
                + "WCAG AA kræver mindst 4,5:1. "
                + "Vælg en mørkere eller lysere farve, eller fjern text_colour.",
            )
        return Status(ident, label, colour.upper(), text_colour.upper(), icon, meaning, finished, dropped)

    def colour(self, block: YMap, key: str, path: str) -> str | None:
        value = block.get(key)
        if isinstance(value, str) and HEX_COLOUR.match(value.strip()):
            return value.strip()
        if value is not None:
            self.r.problem(
                block.line_of(key), f"{path}.{key}", f'Farven skal skrives som "#RRGGBB" i anførselstegn, fx "#2E7D32", men der står {_describe(value)}.'
            )
        return None

    def strategy(self, block: YMap, path: str, ident: str) -> Strategy:
        r = self.r
        strengths = (
            r.identified(
                block,
                "strengths",
                ["title"],
                ["description"],
                lambda b, p, i: Strength(i, self.title(b, p, "styrkepositionens titel"), r.text(b, "description", p)),
                "styrkeposition",
            )
            if "strengths" in block
            else {}
        )
        url = r.text(block, "url", path)
        if url and not url.startswith(("https://", "http://")):
            r.problem(block.line_of("url"), f"{path}.url", f"Linket skal begynde med https://, men der står '{url}'.")
        return Strategy(
            ident,
            self.title(block, path, "strategiens titel"),
            r.text(block, "subtitle", path),
            r.period(block, "adopted", path),
            url,
            r.text(block, "description", path),
            tuple(strengths.values()),
        )

    # -- items -----------------------------------------------------------------

    def items(self, refs: _Refs, as_of: dt.date | None) -> list[Item]:
        r = self.r
        entries = r.entries(self.root, "items")
        if "items" in self.root and isinstance(self.root["items"], YList) and not self.root["items"]:
            r.problem(self.root.line_of("items"), "items", "Planen har ingen indsatser. Tilføj mindst én under 'items:'.")
        ids: dict[str, tuple[int, str]] = {}
        items: list[Item] = []
        related: list[tuple[Item, YMap, str]] = []
        for block, path, _line in entries:
            ident = r.slug(block, "id", path)
            r.fields(block, path if ident is None else f"items[{ident}]", ["id", *ITEM_REQUIRED], ITEM_OPTIONAL)
            if ident is None:
                continue
            path = f"items[{ident}]"
            self.claim_id(ids, ident, block.line_of("id"), f"{path}.id", "id")
            previous = [p for p, _ in r.id_list(block, "previous_ids", path)]
            for index, (old, line) in enumerate(r.id_list(block, "previous_ids", path)):
                if not isinstance(old, str) or not is_slug(old):
                    r.problem(line, f"{path}.previous_ids", f"Det tidligere id {_describe(old)} er ikke et gyldigt id.")
                    continue
                self.claim_id(ids, old, line, f"{path}.previous_ids[{index + 1}]", "tidligere id")
            item = self.item(block, path, ident, refs, as_of, tuple(str(p) for p in previous))
            if item is not None:
                items.append(item)
                related.append((item, block, path))
        known = {ident: ident for ident, (_, what) in ids.items() if what == "id"}
        final: list[Item] = []
        for item, block, path in related:
            related_ids = r.refs(block, "related", path, known, "indsats")
            if item.id in related_ids:
                r.problem(block.line_of("related"), f"{path}.related", "En indsats kan ikke være relateret til sig selv.")
            final.append(_replace_related(item, related_ids))
        return final

    def claim_id(self, ids: dict[str, tuple[int, str]], ident: str, line: int, field: str, what: str) -> None:
        if ident in ids:
            first_line, first_what = ids[ident]
            self.r.problem(
                line, field, f"Id'et '{ident}' ({what}) er allerede brugt som {first_what} i linje {first_line}. Et id må aldrig genbruges; vælg et nyt."
            )
        else:
            ids[ident] = (line, what)

    def item(self, block: YMap, path: str, ident: str, refs: _Refs, as_of: dt.date | None, previous: tuple[str, ...]) -> Item | None:
        r = self.r
        theme = r.ref(block, "theme", path, refs.themes, "tema")
        kind = r.ref(block, "kind", path, refs.kinds, "type")
        committees = r.refs(block, "committees", path, refs.committees, "udvalg")
        if "committees" in block and block["committees"] is not None and not committees and not r.id_list(block, "committees", path):
            r.problem(block.line_of("committees"), f"{path}.committees", "Mindst ét udvalg skal behandle indsatsen.")
        strategic = r.typed(block, "strategic", path, bool, False)
        planned = self.timing(block, "timing", path)
        history = self.history(block, path, refs, as_of, planned)
        budget = self.budget(block, path)
        title = self.title(block, path, "indsatsens titel")
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
            strategies=r.refs(block, "strategies", path, refs.strategies, "strategi"),
            strengths=r.refs(block, "strengths", path, refs.strengths, "styrkeposition"),
            sdgs=r.refs(block, "sdgs", path, refs.sdgs, "verdensmål"),
            previous_ids=previous,
            line=block.line,
        )

    def timing(self, block: YMap, key: str, path: str) -> Timing:
        if key not in block or block[key] is None:
            return Timing()
        timing = self.r.mapping(block[key], block.line_of(key), f"{path}.{key}")
        if timing is None:
            return Timing()
        self.r.fields(timing, f"{path}.{key}", [], ["start", "end"])
        start = self.r.period(timing, "start", f"{path}.{key}")
        end = self.r.period(timing, "end", f"{path}.{key}")
        if start and end and end.last < start.first:
            self.r.problem(timing.line_of("end"), f"{path}.{key}.end", f"Slut ({end.text}) ligger før start ({start.text}).")
        return Timing(start, end)

    def history(self, block: YMap, path: str, refs: _Refs, as_of: dt.date | None, planned: Timing) -> tuple[HistoryEntry, ...]:
        r = self.r
        value = block.get("history")
        if value is None:
            return ()
        if not isinstance(value, YList) or not value:
            r.problem(block.line_of("history"), f"{path}.history", "Historikken skal være en liste med mindst ét punkt med dato og status.")
            return ()
        entries: list[HistoryEntry] = []
        timing = planned
        for index, raw in enumerate(value):
            epath = f"{path}.history[{index + 1}]"
            entry = r.mapping(raw, value.line_of(index), epath)
            if entry is None:
                continue
            r.fields(entry, epath, ["date"], ["status", "timing", "comment"])
            day = r.date(entry, "date", epath)
            status = r.ref(entry, "status", epath, refs.statuses, "status")
            moved = self.timing(entry, "timing", epath) if "timing" in entry else Timing()
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
            if day is not None and as_of is not None and day > as_of:
                r.problem(
                    entry.line_of("date"),
                    f"{epath}.date",
                    f"Datoen {day.isoformat()} ligger efter planens 'data_as_of' ({as_of.isoformat()}). Ret datoen, eller ryk data_as_of frem.",
                )
            if day is not None and entries and day < entries[-1].date:
                r.problem(
                    entry.line_of("date"),
                    f"{epath}.date",
                    f"Historikken skal stå i datoorden, ældste først: {day.isoformat()} kommer efter {entries[-1].date.isoformat()}.",
                )
            if moved.start or moved.end:
                after = Timing(moved.start or timing.start, moved.end or timing.end)
                if after.start and after.end and after.end.last < after.start.first:
                    r.problem(entry.line_of("timing"), f"{epath}.timing", f"Efter flytningen ligger slut ({after.end.text}) før start ({after.start.text}).")
                timing = after
            if day is not None:
                entries.append(HistoryEntry(day, status, moved.start, moved.end, comment))
        if entries and entries[0].status is None and value and isinstance(value[0], YMap):
            r.problem(value.line_of(0), f"{path}.history[1].status", "Det første punkt i historikken skal have en status.")
        if not any(e.status for e in entries):
            return ()
        return tuple(entries)

    def budget(self, block: YMap, path: str) -> tuple[tuple[int, Decimal], ...]:
        r = self.r
        if block.get("budget") is None:
            return ()
        budget = r.mapping(block["budget"], block.line_of("budget"), f"{path}.budget")
        if budget is None:
            return ()
        amounts: list[tuple[int, Decimal]] = []
        previous: tuple[Any, Any] | None = None
        for year, amount in budget.items():
            line = budget.line_of(year)
            after, previous = previous, (year, amount)
            if not isinstance(year, int) or isinstance(year, bool) or year not in YEARS:
                if after is not None and self.comma_in_amount(budget, year, amount, after[0], f"{path}.budget"):
                    continue
                r.problem(line, f"{path}.budget", f"Året {_describe(year)} er ikke et årstal. Skriv fx 2025: -500.")
                continue
            value = self.amount(amount, budget.written(year), line, f"{path}.budget.{year}")
            if value is not None:
                amounts.append((year, value))
        return tuple(sorted(amounts))

    def comma_in_amount(self, budget: YMap, key: Any, value: Any, year: Any, field: str) -> bool:
        """{2025: -2,5} is read as {2025: -2, 5: nothing}: say so instead of "5 is not a year"."""
        if not (isinstance(key, int) and not isinstance(key, bool) and value is None and isinstance(year, int)):
            return False
        if budget.line_of(key) != budget.line_of(year):
            return False
        self.r.problem(
            budget.line_of(key),
            field,
            f"Beløbet for {year} indeholder et komma, men komma adskiller felterne i {{ }}. "
            + "Brug punktum som decimaltegn (-2,5 skrives -2.5), og skriv ingen tusindtalsseparator (-2.500 skrives -2500).",
        )
        return True

    def amount(self, amount: Any, written: str | None, line: int, field: str) -> Decimal | None:
        """A budget amount in 1.000 kr.: a finite number, written without a thousands separator."""
        r = self.r
        if isinstance(amount, bool) or not isinstance(amount, int | float | str):
            r.problem(line, field, f"Beløbet skal være et tal i 1.000 kr. (besparelser negative), men der står {_describe(amount)}.")
            return None
        text = (written or str(amount)).strip()
        if thousands_separated(text):  # -2.500 is -2.5 to YAML; a Dane means -2500
            r.problem(
                line,
                field,
                f"Der står {text}. Skriv beløb i 1.000 kr. uden tusindtalspunktum, fx {text.replace('.', '')} "
                + "(punktum er decimaltegn: -2,5 skrives -2.5).",
            )
            return None
        if isinstance(amount, int) and written is not None and not re.fullmatch(r"[-+]?(0|[1-9][0-9_]*)", written):
            # 0500 is octal to YAML (320), 0x1F hexadecimal, 1:30 sexagesimal.
            r.problem(line, field, f"Der står {written}. Skriv beløbet som et almindeligt tal uden foranstillede nuller, fx -2500.")
            return None
        try:
            value = Decimal(str(amount).replace(" ", ""))
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite():
            # .nan, .inf and 'Infinity' are numbers to YAML and Python, but no amount of money.
            shown = text if isinstance(amount, float) else _describe(amount)
            r.problem(line, field, f"Beløbet skal være et tal i 1.000 kr. med punktum som decimaltegn (fx -1250.5), men der står {shown}.")
            return None
        if value and not _AMOUNT_DIGITS[0] <= value.adjusted() <= _AMOUNT_DIGITS[1]:  # adjusted(): no arithmetic, no overflow
            r.problem(line, field, f"Der står {text}, som ikke kan være et beløb i 1.000 kr. Skriv beløbet som et almindeligt tal, fx -2500 eller -2.5.")
            return None
        return value


class _Refs:
    def __init__(
        self,
        statuses: dict[str, Status],
        themes: dict[str, Theme],
        kinds: dict[str, Kind],
        committees: dict[str, Committee],
        strategies: dict[str, Strategy],
        strengths: dict[str, Strength],
        sdgs: dict[int, Sdg],
    ) -> None:
        self.statuses = statuses
        self.themes = themes
        self.kinds = kinds
        self.committees = committees
        self.strategies = strategies
        self.strengths = strengths
        self.sdgs = sdgs


def _replace_related(item: Item, related: tuple[str, ...]) -> Item:
    from dataclasses import replace

    return replace(item, related_ids=related)
