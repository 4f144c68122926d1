"""Markdown files editors write: front matter, and links to plan objects by id.

A link such as ``[læs mere](indsats:budget-i-balance)`` points at an item by
its id; ``tema:``, ``udvalg:``, ``strategi:`` and ``verdensmaal:`` work the
same way. They are checked and rewritten into ordinary relative links to the
generated page, so MkDocs validates them and they work under any sub-path.
Code spans and fenced code blocks are left alone (the guide shows the syntax).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .problems import PlanInvalid, Problem
from .yamlsource import SourceText, YMap, parse_yaml

LINK_SCHEMES = {
    "indsats": "indsatser/{}.md",
    "tema": "temaer/{}.md",
    "udvalg": "udvalg/{}.md",
    "strategi": "strategier/{}.md",
    "verdensmaal": "verdensmaal/{}.md",
}
_SCHEME = "|".join(LINK_SCHEMES)
_INLINE_LINK = re.compile(rf"(\]\(\s*<?)({_SCHEME}):([^)\s#>]*)(#[^)\s>]*)?")
_REFERENCE_LINK = re.compile(rf"^(\s{{0,3}}\[[^\]]+\]:\s*<?)({_SCHEME}):([^\s#>]*)(#\S*?)?(?=>?(\s|$))")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")  # any indent: fences inside admonitions and lists too
_CODE_SPAN = re.compile(r"(`+)(?:.+?)\1")


@dataclass(frozen=True)
class MarkdownDoc:
    """A Markdown file split into its front matter and body, with line offsets."""

    display: str
    meta: YMap
    body: str
    body_line: int  # file line of the body's first line


def split_front_matter(source: SourceText) -> MarkdownDoc:
    text = source.text
    empty = YMap()
    empty.line, empty.key_lines = 1, {}
    if not text.startswith("---\n"):
        return MarkdownDoc(source.display, empty, text, 1)
    end = re.search(r"^(---|\.\.\.)[ \t]*$", text[4:], re.MULTILINE)
    if end is None:
        raise PlanInvalid(
            [
                Problem(
                    source.display,
                    1,
                    "front matter",
                    "Front matter begynder med '---' i linje 1, men afsluttes aldrig. Tilføj en linje med '---' efter felterne.",
                )
            ]
        )
    yaml_text = text[4 : 4 + end.start()]
    body = text[4 + end.end() :].removeprefix("\n")
    fm_lines = yaml_text.count("\n")
    padded = SourceText(source.path, source.display, "\n" + yaml_text)  # keep file line numbers
    try:
        meta = parse_yaml(padded)
    except PlanInvalid as error:
        raise PlanInvalid(
            [Problem(p.file, p.line, "front matter", f"Front matter (mellem linjerne '---') kan ikke læses: {p.message}") for p in error.problems]
        ) from None
    if meta is None:
        meta = empty
    if not isinstance(meta, YMap):
        raise PlanInvalid([Problem(source.display, 2, "front matter", "Front matter skal være felter som 'title: Min titel'.")])
    return MarkdownDoc(source.display, meta, body, fm_lines + 3)


Resolver = Callable[[str, str], bool]


def rewrite_links(doc: MarkdownDoc, page_uri: str, exists: Resolver) -> tuple[str, list[Problem]]:
    """Rewrite scheme links relative to page_uri; report unknown targets by line."""
    problems: list[Problem] = []
    page_dir = posixpath.dirname(page_uri)

    def target(scheme: str, ident: str, anchor: str | None, line: int) -> str | None:
        if not exists(scheme, ident):
            what = {"indsats": "en indsats", "tema": "et tema", "udvalg": "et udvalg", "strategi": "en strategi", "verdensmaal": "et verdensmål"}[scheme]
            problems.append(
                Problem(doc.display, line, "link", f"Linket '{scheme}:{ident}' peger på {what}, som ikke findes i planen. Tjek id'et i data/plan.yaml.")
            )
            return None
        path = posixpath.relpath(LINK_SCHEMES[scheme].format(ident), page_dir or ".")
        return path + (anchor or "")

    lines = doc.body.split("\n")
    for index, (line_text, in_code) in enumerate(_lines_with_code_state(lines)):
        if in_code:
            continue
        line_no = doc.body_line + index

        def inline(match: re.Match[str], line_no: int = line_no) -> str:
            new = target(match[2], match[3], match[4], line_no)
            return match[0] if new is None else match[1] + new

        parts = _outside_code_spans(line_text)
        rebuilt = "".join(_INLINE_LINK.sub(inline, part) if not code else part for part, code in parts)
        ref = _REFERENCE_LINK.match(rebuilt)
        if ref:
            new = target(ref[2], ref[3], ref[4], line_no)
            if new is not None:
                rebuilt = ref[1] + new + rebuilt[ref.end() :]
        lines[index] = rebuilt
    return "\n".join(lines), problems


def _lines_with_code_state(lines: list[str]) -> Iterator[tuple[str, bool]]:
    fence: str | None = None
    for line in lines:
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match[1][0] * len(match[1])
            yield line, True
        elif fence is not None:
            if line.strip().startswith(fence) and set(line.strip()) == {fence[0]}:
                fence = None
            yield line, True
        else:
            yield line, False


def _outside_code_spans(line: str) -> list[tuple[str, bool]]:
    parts: list[tuple[str, bool]] = []
    position = 0
    for match in _CODE_SPAN.finditer(line):
        parts.append((line[position : match.start()], False))
        parts.append((match[0], True))
        position = match.end()
    parts.append((line[position:], False))
    return parts


def level_one_headings(doc: MarkdownDoc) -> list[int]:
    """File lines of '# ' headings outside code (a note's title is the item's)."""
    return [
        doc.body_line + index
        for index, (line, in_code) in enumerate(_lines_with_code_state(doc.body.split("\n")))
        if not in_code and re.match(r"^\s{0,3}#\s", line)
    ]
