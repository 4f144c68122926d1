"""Read YAML the way an editor wrote it, keeping the line of every value.

The parser is libyaml's C composer where available (fast enough for 10,000
items); values are then built here so that every mapping and list knows the
line of each of its entries. Duplicate keys are reported, not silently merged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .problems import PlanInvalid, Problem

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader


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


def read_text(path: Path, display: str) -> SourceText:
    """Decode a file; a file that is not UTF-8 is a problem with its line."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise PlanInvalid([Problem(display, None, "", f"Filen kan ikke læses: {error.strerror}.")]) from None
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


_YAML_HINTS = (
    ("tab character", "Der står et tabulatortegn. Brug mellemrum til indrykning i YAML, aldrig tabulator."),
    ("'\\t'", "Der står et tabulatortegn. Brug mellemrum til indrykning i YAML, aldrig tabulator."),
    ("found unexpected end of stream", "Et citationstegn er ikke lukket. Afslut teksten med det samme tegn, som den begynder med."),
    ("while scanning a quoted scalar", "Et citationstegn er ikke lukket. Afslut teksten med det samme tegn, som den begynder med."),
    (
        "mapping values are not allowed",
        "Der står et kolon et sted, hvor det ikke er tilladt. Sæt teksten i anførselstegn, hvis den selv indeholder ': ', eller ret indrykningen.",
    ),
    ("did not find expected key", "Indrykningen passer ikke. Felter i samme blok skal stå præcis lige langt inde."),
    ("did not find expected '-' indicator", "Indrykningen passer ikke. Punkter i en liste skal begynde med '-' og stå lige langt inde."),
    ("could not find expected ':'", "Der mangler et kolon efter feltnavnet, eller et citationstegn er ikke lukket."),
    ("found character that cannot start any token", "Der står et tegn, som ikke må begynde en værdi. Sæt værdien i anførselstegn."),
    ("found undefined alias", "Der står en '*', som YAML læser som en henvisning. Sæt værdien i anførselstegn."),
)


def _explain_yaml_error(error: yaml.MarkedYAMLError) -> str:
    problem = f"{error.context or ''} {error.problem or ''}"
    for needle, hint in _YAML_HINTS:
        if needle in problem:
            return hint
    return f"Filen kan ikke læses som YAML ({(error.problem or 'ukendt fejl').strip()}). Tjek indrykning og anførselstegn."


def parse_yaml(source: SourceText) -> Any:
    """Parse one YAML document into located values, or raise PlanInvalid."""
    try:
        node = yaml.compose(source.text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        # An unclosed quote is noticed at the end of the file; its start is where to look.
        quoted = "quoted scalar" in (error.context or "")
        mark = (error.context_mark if quoted else None) or error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        raise PlanInvalid([Problem(source.display, line, "", _explain_yaml_error(error))]) from None
    except yaml.YAMLError as error:
        raise PlanInvalid([Problem(source.display, None, "", f"Filen kan ikke læses som YAML: {error}")]) from None
    if node is None:
        return None
    builder = _Builder(source.display, source.text)
    value = builder.build(node)
    if builder.problems:
        raise PlanInvalid(builder.problems)
    return value


class _Builder:
    """Turns composed YAML nodes into YMap/YList/scalars, collecting problems."""

    def __init__(self, display: str, text: str = "") -> None:
        self.display = display
        self.text = text
        self._lines: list[str] | None = None
        self.problems: list[Problem] = []
        self.constructor = yaml.constructor.SafeConstructor()

    def _line_text(self, index: int) -> str:
        if self._lines is None:
            self._lines = self.text.split("\n")
        return self._lines[index] if index < len(self._lines) else ""

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

    def build(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node)
        if isinstance(node, yaml.SequenceNode):
            return self._sequence(node)
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
        return result

    def _sequence(self, node: yaml.SequenceNode) -> YList:
        result = YList(self.build(child) for child in node.value)
        result.line = node.start_mark.line + 1
        result.item_lines = [child.start_mark.line + 1 for child in node.value]
        return result


_COMMENT_AFTER_KEY = re.compile(r"\s*:\s+(#.*?)\s*$")


@dataclass(frozen=True)
class _BadScalar:
    """A scalar YAML could not construct (e.g. 2024-02-30); the validator names it."""

    text: str
    line: int

    def __str__(self) -> str:
        return self.text


BadScalar = _BadScalar
