"""Markdown files editors write: front matter, and links to plan objects by id.

A link such as ``[læs mere](indsats:budget-i-balance)`` points at an item by
its id; ``tema:``, ``udvalg:``, ``strategi:`` and ``verdensmaal:`` work the
same way. They are checked and rewritten into ordinary relative links to the
generated page, so MkDocs validates them and they work under any sub-path.
Any other ``word:`` at the start of a link target (``Indsats:``, ``indsatser:``)
is an error with a suggestion: it would be published as a dead link. Only
http(s), mailto and tel are allowed besides. Code spans and fenced code
blocks are left alone (the guide shows the syntax).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .addresses import LINK_SCHEMES
from .problems import PlanInvalid, Problem, suggest
from .yamlsource import SourceText, YMap, parse_yaml

_SCHEME = "|".join(LINK_SCHEMES)
_INLINE_LINK = re.compile(rf"(\]\(\s*<?)({_SCHEME}):([^)\s#>]*)(#[^)\s>]*)?")
_REFERENCE_LINK = re.compile(rf"^(\s{{0,3}}\[[^\]]+\]:\s*<?)({_SCHEME}):([^\s#>]*)(#\S*?)?(?=>?(\s|$))")
# Any "word:" at the start of a link target; two letters at least, as C: in C:\Users is a drive.
_ANY_SCHEME = r"([A-Za-z][A-Za-z0-9+-]+):([^)\s>]*)"
_SCHEMED_INLINE = re.compile(rf"\]\(\s*<?{_ANY_SCHEME}")
_SCHEMED_REFERENCE = re.compile(rf"^\s{{0,3}}\[(?!\^)[^\]]+\]:\s*<?{_ANY_SCHEME}")  # not a footnote '[^1]: Kilde: …'
WEB_SCHEMES = ("https", "http", "mailto", "tel")  # any case, as browsers take them
# An HTML link to a plan object: Markdown leaves raw HTML as written, so it would be published as a dead link.
_HTML_SCHEME_LINK = re.compile(rf"""\bhref\s*=\s*["']?\s*({_SCHEME}):([^"'\s>]*)""", re.IGNORECASE)
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


# A link's id to the id it names now (an item's previous id names the item), or None; and every id a scheme can name.
Resolver = Callable[[str, str], str | None]
Known = Callable[[str], set[str]]


def rewrite_links(doc: MarkdownDoc, page_uri: str, exists: Resolver, known: Known | None = None) -> tuple[str, list[Problem]]:
    """Rewrite scheme links relative to page_uri; report unknown targets by line."""
    problems: list[Problem] = []
    page_dir = posixpath.dirname(page_uri)

    def target(scheme: str, ident: str, anchor: str | None, line: int, after: str) -> str | None:
        if not ident:
            problems.append(Problem(doc.display, line, "link", _missing_id(scheme, after)))
            return None
        current = exists(scheme, ident)
        if current is None:
            what = {"indsats": "en indsats", "tema": "et tema", "udvalg": "et udvalg", "strategi": "en strategi", "verdensmaal": "et verdensmål"}[scheme]
            hint = suggest(ident, known(scheme)) if known else ""
            problems.append(
                Problem(doc.display, line, "link", f"Linket '{scheme}:{ident}' peger på {what}, som ikke findes i planen.{hint} Tjek id'et i data/plan.yaml.")
            )
            return None
        path = posixpath.relpath(LINK_SCHEMES[scheme](current), page_dir or ".")
        return path + (anchor or "")

    lines = doc.body.split("\n")
    for index, (line_text, in_code) in enumerate(_lines_with_code_state(lines)):
        if in_code:
            continue
        line_no = doc.body_line + index

        def inline(match: re.Match[str], line_no: int = line_no) -> str:
            new = target(match[2], match[3], match[4], line_no, match.string[match.end() :])
            return match[0] if new is None else match[1] + new

        parts = _outside_code_spans(line_text)
        for part, code in parts:
            if not code:
                problems.extend(Problem(doc.display, line_no, "link", m) for m in map(_unknown_scheme, _SCHEMED_INLINE.finditer(part)) if m)
                problems.extend(Problem(doc.display, line_no, "link", _html_scheme_link(m)) for m in _HTML_SCHEME_LINK.finditer(part))
        rebuilt = "".join(_INLINE_LINK.sub(inline, part) if not code else part for part, code in parts)
        if not parts[0][1] and (unknown := _SCHEMED_REFERENCE.match(parts[0][0])) and (message := _unknown_scheme(unknown)):
            problems.append(Problem(doc.display, line_no, "link", message))
        ref = _REFERENCE_LINK.match(rebuilt)
        if ref:
            new = target(ref[2], ref[3], ref[4], line_no, rebuilt[ref.end() :])
            if new is not None:
                rebuilt = ref[1] + new + rebuilt[ref.end() :]
        lines[index] = rebuilt
    return "\n".join(lines), problems


def _missing_id(scheme: str, after: str) -> str:
    """(indsats: budget-i-balance) and (indsats:) point nowhere: say what to write instead."""
    following = re.match(r"[ \t]+([^)\s>]+)", after)
    if following:
        return f"Der står et mellemrum efter '{scheme}:' i linket '{scheme}: {following[1]}'. Fjern mellemrummet: '{scheme}:{following[1]}'."
    return f"Linket '{scheme}:' mangler et id efter kolonet. Skriv id'et fra data/plan.yaml lige efter kolonet, fx '{scheme}:{_EXAMPLE[scheme]}'."


_EXAMPLE = {"indsats": "min-indsats", "tema": "mit-tema", "udvalg": "mit-udvalg", "strategi": "min-strategi", "verdensmaal": "13"}


def _html_scheme_link(match: re.Match[str]) -> str:
    scheme, ident = match[1].lower(), match[2]
    return (
        f'Linket <a href="{scheme}:{ident}"> er skrevet i HTML, og sådan et link bliver ikke lavet om til sidens adresse: '
        + f"på siden ville det ikke virke. Skriv det som Markdown: [tekst]({scheme}:{ident})."
    )


def _unknown_scheme(match: re.Match[str]) -> str | None:
    """'Indsats:x' or 'indsatser:x' would be published as a dead link; None for the prefixes that work."""
    scheme, rest = match[1], match[2]
    if scheme in LINK_SCHEMES or scheme.lower() in WEB_SCHEMES:
        return None
    known = [f"{s}:" for s in (*LINK_SCHEMES, *WEB_SCHEMES)]
    ours = ", ".join(f"{s}:" for s in list(LINK_SCHEMES)[:-1]) + f" eller {list(LINK_SCHEMES)[-1]}:"
    return (
        f"Linket '{scheme}:{rest}' begynder med '{scheme}:', som Planspor ikke kender, så linket ville ikke virke på siden."
        + suggest(scheme.lower() + ":", known)
        + f" Links til planen begynder med {ours}; links ud af siden med mailto:, tel: eller https://."
    )


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


def code_free_lines(body: str) -> Iterator[tuple[int, str]]:
    """Each line's index and its text with code spans blanked; lines in fenced code are left out."""
    for index, (line, in_code) in enumerate(_lines_with_code_state(body.split("\n"))):
        if not in_code:
            yield index, "".join(" " * len(part) if code else part for part, code in _outside_code_spans(line))


def level_one_headings(doc: MarkdownDoc) -> list[int]:
    """File lines of '# ' headings outside code (a note's title is the item's)."""
    return [
        doc.body_line + index
        for index, (line, in_code) in enumerate(_lines_with_code_state(doc.body.split("\n")))
        if not in_code and re.match(r"^\s{0,3}#\s", line)
    ]


def renamed_links(text: str, scheme: str, old: str, new: str) -> tuple[str, int]:
    """The text with every ``scheme:old`` link (inline or reference, with or without an anchor) now
    ``scheme:new``, and how many there were; code is left alone, as rewrite_links leaves it."""
    count = 0

    def renamed(match: re.Match[str]) -> str:
        nonlocal count
        if match[2] != scheme or match[3] != old:
            return match[0]
        count += 1
        return f"{match[1]}{scheme}:{new}{match[4] or ''}"

    lines = text.split("\n")
    for index, (line_text, in_code) in enumerate(_lines_with_code_state(lines)):
        if in_code:
            continue
        parts = _outside_code_spans(line_text)
        rebuilt = "".join(_INLINE_LINK.sub(renamed, part) if not code else part for part, code in parts)
        if not parts[0][1] and (ref := _REFERENCE_LINK.match(rebuilt)) is not None:
            rebuilt = renamed(ref) + rebuilt[ref.end() :]
        lines[index] = rebuilt
    return "\n".join(lines), count
