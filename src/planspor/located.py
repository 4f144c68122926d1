"""Read located YAML values as typed values, or report why not, at the value's line.

A value of plan.yaml comes as a YMap or YList that knows the line of every entry.
PlanReader turns one into what the model needs (a text, a date, a period, a list
of ids, a reference to a known block) and, when it cannot, records a Problem that
names the line, the field, what was found and what is allowed. It collects instead
of raising, so an editor sees every problem at once. What the plan means (which
keys, which references) is not known here; plan_rules says that.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from .contrast import HEX_COLOUR
from .periods import Period, PeriodError, parse_date_text, parse_period
from .plan_keys import NEEDS_A_VALUE, TITLE_LENGTH
from .problems import Problem, choices
from .slugs import id_problem, is_slug
from .yaml_errors import INDICATORS, quoted
from .yamlsource import BadScalar, YList, YMap

T = TypeVar("T")

_VALUE_LIKE_COMMENT = re.compile(r"#\S")  # '#1565C0', not '# a comment'
_COMMENT_AFTER_TEXT = re.compile(r"([ \t]+)#(.?)")
# How a message names a text field: "så titlen blev kun 'Budget'".
_TEXT_NOUNS = {"title": "titlen", "comment": "kommentaren", "description": "beskrivelsen", "subtitle": "undertitlen", "meaning": "betydningen"}

_TYPE_NAMES = {
    str: "en tekst",
    bool: "true eller false",
    int: "et helt tal",
    YMap: "en blok med felter",
    YList: "en liste",
}


def empty_message(key: str, hint: str | None, required: bool) -> str:
    """A key written with no value: 'status:' and nothing after it."""
    what = hint or "en værdi"
    rest = "" if required else ", eller slet linjen"
    return f"Feltet '{key}' står tomt: der står ikke noget efter '{key}:'. Skriv {what}{rest}."


def title_too_long(title: str) -> str:
    """The message for a title over TITLE_LENGTH, wherever it was written (the plan, a command, a sheet)."""
    return (
        f"Titlen er {len(title)} tegn lang; højst {TITLE_LENGTH} er tilladt, fordi den er sidens overskrift og står i tabeller og rapporten. "
        + "Forkort titlen; det, der ikke kan stå i en overskrift, kan stå i teksten (for en indsats: i dens note)."
    )


def describe(value: Any) -> str:
    """What a message says was found: 'ingenting', 'en liste', 'true', '2025-03-01', "'Budget'"."""
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


# A whole address on the web: a scheme people's browsers open, a host, no spaces.
WEB_LINK = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$")


def not_a_web_link(url: str) -> str:
    """What the plan's checks and the editing commands say of a link that is no whole web address."""
    return f"Linket skal være en hel webadresse, der begynder med https:// (eller http://), fx https://norddjurs.dk/politik/dagsordener, men der står '{url}'."


class PlanReader:
    """Reads the located values of one file; collects problems instead of stopping at the first."""

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
        self.problem(line, field, f"Her skal stå en blok med felter, men der står {describe(value)}.")
        return None

    def fields(self, block: YMap, path: str, required: Iterable[str], optional: Iterable[str], hints: Mapping[str, str] | None = None) -> None:
        """Unknown keys, missing ones, and keys written with no value where one is needed (``hints``:
        what to write in such a key, e.g. the allowed ids)."""
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
            if block.get(key) is not None or self.hidden_by_comment(block, key, path):
                continue
            if key not in block:
                if key in required:
                    self.problem(block.line_of(key), f"{path}.{key}", f"Feltet '{key}' mangler. Det skal udfyldes.")
            elif key in required or key in NEEDS_A_VALUE:
                self.problem(block.line_of(key), f"{path}.{key}", empty_message(key, hints.get(key) if hints else None, key in required))

    def empty(self, block: YMap, key: str) -> bool:
        """Whether the key is written with nothing after it (fields has then reported it, if it needs a value)."""
        return key in block and block[key] is None

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
            self.problem(block.line_of(key), f"{path}.{key}", f"Her skal stå {expected}, men der står {describe(value)}.")
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

    def title(self, block: YMap, path: str, what: str) -> str:
        """The title of a block, which every block with a heading on the site must have: 'Skriv {what}'."""
        return self.limited(block, "title", path, self.required_text(block, "title", path, f"Titlen er tom. Skriv {what}."))

    def limited(self, block: YMap, key: str, path: str, title: str) -> str:
        """A title no longer than TITLE_LENGTH (a heading, a table cell, a line in the report)."""
        if len(title) > TITLE_LENGTH:
            self.problem(block.line_of(key), f"{path}.{key}", title_too_long(title))
        return title

    def flag(self, block: YMap, key: str, path: str) -> bool:
        return self.typed(block, key, path, bool, False)

    def link(self, block: YMap, key: str, path: str) -> str:
        """An address on the web (a strategy, the minutes of a meeting, a document): http(s)://host/…, or ''."""
        url = self.text(block, key, path)
        if url and not WEB_LINK.match(url):
            self.problem(block.line_of(key), f"{path}.{key}", not_a_web_link(url))
            return ""
        return url

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

    def period(self, block: YMap, key: str, path: str, *, end: bool = False) -> Period | None:
        """The period at ``key``; ``end``: it may be "løbende"."""
        value = block.get(key)
        if value is None:
            return None
        try:
            return parse_period(str(value) if isinstance(value, BadScalar) else value, end=end)
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
            self.problem(block.line_of(key), f"{path}.{key}", f"Her skal stå en liste som [a, b], men der står {describe(value)}.")
            return []
        return [(entry, value.line_of(i)) for i, entry in enumerate(value)]

    def refs(self, block: YMap, key: str, path: str, known: Mapping[Any, T], what: str) -> tuple[T, ...]:
        found: list[T] = []
        for entry, line in self.id_list(block, key, path):
            if isinstance(entry, YMap | YList):  # [1: 7] or [a, [b]]: nothing to look up
                self.problem(
                    line,
                    f"{path}.{key}",
                    f"Her skal hvert punkt i listen være et id, men der står {describe(entry)}. Skriv punkterne adskilt af komma, fx [a, b].",
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
            self.problem(line, field, f"Ukendt {what} {describe(value)}. Tilladt: et tal fra {min(known)} til {max(known)}.")
            return
        close = difflib.get_close_matches(str(value), [str(k) for k in known], n=1, cutoff=0.6)
        hint = f" Mente du '{close[0]}'?" if close else ""
        self.problem(line, field, f"Ukendt {what} {describe(value)}.{hint} Tilladt: {choices((str(k) for k in known), limit=12)}.")

    def entries(self, root: YMap, key: str, required: bool = True) -> list[tuple[YMap, str, int]]:
        """The blocks of a top-level list such as themes:, with their paths."""
        value = root.get(key)
        if value is None:
            if required:
                self.problem(root.line_of(key), key, f"Listen '{key}' mangler eller er tom.")
            return []
        if not isinstance(value, YList):
            self.problem(root.line_of(key), key, f"'{key}' skal være en liste, hvor hvert punkt begynder med '- ', men der står {describe(value)}.")
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
        prefix: str = "",
    ) -> dict[str, T]:
        """Read a list of blocks with unique slug ids into {id: object}. With a ``prefix`` (the path of
        the block that holds it, such as an item's) the list is optional and its paths begin with it."""
        result: dict[str, T] = {}
        seen: dict[str, int] = {}
        for block, path, _line in self.entries(root, key, required=not prefix):
            path = f"{prefix}.{path}" if prefix else path
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
                f"Id'et {describe(value)} er ikke tilladt. Brug kun små bogstaver a-z, tal og bindestreg (æ→ae, ø→oe, å→aa), fx 'klima-og-miljoe'.",
            )
            return None
        too_long = id_problem(value)
        if too_long is not None:  # reported, and the block still read: what refers to it is not reported too
            self.problem(block.line_of(key), f"{path}.{key}", too_long)
        return value
