"""Read YAML the way an editor wrote it, keeping the line of every value.

The parser is libyaml's C composer where available (fast enough for 10,000
items); values are then built here so that every mapping and list knows the
line of each of its entries. Duplicate keys are reported, not silently merged.
What libyaml refuses is explained to the editor in yaml_errors.
"""

from __future__ import annotations

import errno
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .problems import PlanInvalid, Problem
from .yaml_errors import QUOTE_STYLES, explain_syntax_error, invisible_character, runaway_quote

# libyaml's loader: the plan is composed and values are read with it, never with PyYAML's pure-Python one.
try:
    LOADER: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    LOADER = yaml.SafeLoader


class YMap(dict[Any, Any]):
    """A YAML mapping with the line of the mapping and of each key (1-based)."""

    line: int
    key_lines: dict[Any, int]
    # What the editor wrote where the value hides it: the text of a number
    # (-2.500 is read as -2.5) or the comment that took the place of a value
    # (colour: #1565C0 is read as nothing). Set only for the few keys concerned.
    written_texts: dict[Any, str] | None = None

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)

    def written(self, key: Any) -> str | None:
        """The source text of a number, or the '# comment' standing where a value was expected."""
        return self.written_texts.get(key) if self.written_texts else None

    # The rest of the line, from the start of an unquoted text that YAML read shorter
    # than it was written: 'Budget #2 i balance' (read as 'Budget', the rest a comment),
    # '&Co budget' (an anchor: 'budget'), '!Vigtigt budget' (a tag). Set only for those keys.
    cut_texts: dict[Any, str] | None = None

    def cut(self, key: Any) -> str | None:
        """The source of a text that a '#', '&' or '!' cut short (see cut_texts), else None."""
        return self.cut_texts.get(key) if self.cut_texts else None


class YList(list[Any]):
    """A YAML sequence with the line of the sequence and of each entry (1-based)."""

    line: int
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


@dataclass(frozen=True)
class SourceText:
    """A text file decoded as an editor means it: UTF-8, BOM and CRLF tolerated."""

    path: Path
    display: str
    text: str


def read_text(path: Path, display: str, missing: str = "") -> SourceText:
    """Decode a file; a file that is not UTF-8 is a problem with its line. ``missing`` is added when there is no file."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise PlanInvalid([Problem(display, None, "", unreadable(path, error, missing))]) from None
    return decode_text(raw, path, display)


def decode_text(raw: bytes, path: Path, display: str) -> SourceText:
    """The text of a file's bytes (see read_text), for a caller that keeps the bytes too."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        found = raw[error.start : error.start + 1].hex().upper()
        raise PlanInvalid(
            [
                Problem(
                    display,
                    line,
                    "",
                    f"Filen er ikke gemt som UTF-8 (fandt byten 0x{found}). Gem den med tegnsættet UTF-8, så æ, ø og å bliver rigtige.",
                )
            ]
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return SourceText(path, display, text)


def unreadable(path: Path, error: OSError, missing: str = "") -> str:
    """Why a file cannot be read, in Danish (error.strerror is in the system's language, often English)."""
    if isinstance(error, FileNotFoundError):
        return f"Filen findes ikke (Planspor ledte efter {path.absolute()}).{' ' + missing if missing else ''}"
    if isinstance(error, IsADirectoryError):
        return f"{path} er en mappe, ikke en fil."
    if isinstance(error, PermissionError):
        return "Du har ikke lov til at læse filen. Tjek filens rettigheder, eller bed den, der har lagt den der, om adgang."
    name = errno.errorcode.get(error.errno or 0, "ukendt")
    return f"Filen kan ikke læses (systemfejl {name}). Prøv igen, eller kopiér projektet til en anden mappe."


@dataclass(frozen=True)
class ComposedYaml:
    """A YAML text and libyaml's node tree of it, before any value is built.

    The validator builds values from the nodes; the plan's text editor needs the
    nodes themselves (the exact position of every value). Composing once serves both.
    """

    source: SourceText
    root: yaml.Node | None  # None: the document is empty


def parse_yaml(source: SourceText) -> Any:
    """Parse one YAML document into located values, or raise PlanInvalid."""
    return build_yaml(compose_yaml(source))


def compose_yaml(source: SourceText) -> ComposedYaml:
    """libyaml's nodes of one YAML document, or PlanInvalid saying in Danish what is wrong where."""
    invisible = invisible_character(source.display, source.text)
    if invisible is not None:  # before libyaml, which would say less and miscount the lines after it
        raise PlanInvalid([invisible])
    try:
        node = yaml.compose(source.text, Loader=LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        if mark is None:  # pragma: no cover - libyaml always says where
            raise PlanInvalid([Problem(source.display, None, "", "Filen kan ikke læses som YAML. Tjek indrykningen og anførselstegnene.")]) from None
        line, message = explain_syntax_error(source.text, error, mark, LOADER)
        raise PlanInvalid([Problem(source.display, line + 1, "", message)]) from None
    except yaml.YAMLError:
        raise PlanInvalid([Problem(source.display, None, "", "Filen kan ikke læses som YAML. Tjek indrykningen og anførselstegnene.")]) from None
    return ComposedYaml(source, node)


def build_yaml(composed: ComposedYaml) -> Any:
    """The located values (YMap, YList, scalars) of composed YAML, or PlanInvalid listing every problem."""
    if composed.root is None:
        return None
    builder = _LocatedValueBuilder(composed.source.display, composed.source.text)
    value = builder.build(composed.root)
    if builder.problems:
        raise PlanInvalid(builder.problems)
    return value


class _LocatedValueBuilder:
    """Builds located values (YMap, YList, scalars) from composed YAML nodes, collecting problems."""

    def __init__(self, display: str, text: str = "") -> None:
        self.display = display
        self.text = text
        self._lines: list[str] | None = None
        self.problems: list[Problem] = []
        self.constructor = yaml.constructor.SafeConstructor()

    def _all_lines(self) -> list[str]:
        if self._lines is None:  # split only when a value needs its line
            self._lines = self.text.split("\n")
        return self._lines

    def _line_text(self, index: int) -> str:
        lines = self._all_lines()
        return lines[index] if index < len(lines) else ""

    def _written(self, key_node: yaml.Node, value_node: yaml.Node, value: Any) -> str | None:
        """The text behind a value the editor may not have meant (see YMap.written)."""
        if not isinstance(value_node, yaml.ScalarNode) or value_node.style:
            return None
        if isinstance(value, float) or (isinstance(value, int) and not isinstance(value, bool) and value_node.value != str(value)):
            return str(value_node.value)
        if value is None and value_node.value == "" and key_node.end_mark.line == value_node.start_mark.line:
            rest = self._line_text(key_node.end_mark.line)[key_node.end_mark.column :]
            comment = _COMMENT_AFTER_KEY.match(rest)
            return comment[1] if comment else None
        return None

    def _cut(self, node: yaml.Node) -> str | None:
        """The source of a plain text that YAML read shorter than written (see YMap.cut_texts)."""
        if not isinstance(node, yaml.ScalarNode) or node.style:
            return None  # quoted and block texts keep their '#'
        text = self.text
        start, end = node.start_mark.index, node.end_mark.index
        if text[start] not in "&!" and (
            text[end : end + 1] not in (" ", "\t") or node.end_mark.line != node.start_mark.line or not _COMMENT_AFTER_VALUE.match(text, end)
        ):
            return None  # not '&…' or '!…', and no comment right after a one-line text
        line_end = text.find("\n", start)
        return text[start : line_end if line_end >= 0 else len(text)].rstrip()

    def _runaway_quote(self, node: yaml.Node) -> None:
        """A quote left open runs on to the next quote; if fields were swallowed, say so (not what follows)."""
        problem = runaway_quote(self.display, self._all_lines(), node.start_mark, node.end_mark)
        if problem is not None:
            self.problems.append(problem)

    def build(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node)
        if isinstance(node, yaml.SequenceNode):
            return self._sequence(node)
        if isinstance(node, yaml.ScalarNode) and node.style in QUOTE_STYLES and node.end_mark.line != node.start_mark.line:
            self._runaway_quote(node)
        return self._scalar(node)

    def _scalar(self, node: yaml.Node) -> Any:
        try:
            return self.constructor.construct_object(node, deep=True)
        except (ValueError, yaml.constructor.ConstructorError):
            # An impossible date such as 2024-02-30 is resolved as a timestamp
            # and fails here; keep the text so the validator can name it.
            return _BadScalar(str(node.value), node.start_mark.line + 1)

    def _mapping(self, node: yaml.MappingNode) -> YMap:
        result = YMap()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problems.append(Problem(self.display, line, "", "'<<' (sammenfletning) bruges ikke i planen. Skriv felterne ud."))
                continue
            key = self._scalar(key_node)
            key = str(key) if not isinstance(key, str | int) else key
            if key in result:
                first = result.key_lines[key]
                self.problems.append(
                    Problem(self.display, line, str(key), f"Feltet '{key}' står to gange i samme blok (første gang i linje {first}). Slet det ene.")
                )
                continue
            value = result[key] = self.build(value_node)
            result.key_lines[key] = line
            written = self._written(key_node, value_node, value)
            if written is not None:
                if result.written_texts is None:
                    result.written_texts = {}
                result.written_texts[key] = written
            if type(value) is str or type(value) is _BadScalar:
                cut = self._cut(value_node)
                if cut is not None:
                    if result.cut_texts is None:
                        result.cut_texts = {}
                    result.cut_texts[key] = cut
        return result

    def _sequence(self, node: yaml.SequenceNode) -> YList:
        result = YList(self.build(child) for child in node.value)
        result.line = node.start_mark.line + 1
        result.item_lines = [child.start_mark.line + 1 for child in node.value]
        return result


_COMMENT_AFTER_KEY = re.compile(r"\s*:\s+(#.*?)\s*$")
_COMMENT_AFTER_VALUE = re.compile(r"[ \t]+#")


@dataclass(frozen=True)
class _BadScalar:
    """A scalar YAML could not construct (e.g. 2024-02-30); the validator names it."""

    text: str
    line: int

    def __str__(self) -> str:
        return self.text


BadScalar = _BadScalar
