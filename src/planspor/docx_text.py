"""The text of a Word paragraph or table cell as the editor sees it, and whether a paragraph is a heading.

python-docx's ``paragraph.text`` reads only the runs directly in a paragraph
or a hyperlink: the text of a content control (w:sdt), of a field (w:fldSimple)
or of a tracked insertion (w:ins) is left out without a word. So the text is
read here from the XML: every w:t outside deleted text, a tab as a space, a
line break as a new line. A tracked change (w:ins, w:del, w:move…) that is not
accepted is found and named by the reader: the import refuses it rather than
guessing which version the editor meant. This module changes when Word stores
text in a way it does not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TRACKED = tuple(f"{{{W}}}{tag}" for tag in ("ins", "del", "moveFrom", "moveTo"))
_DELETED = tuple(f"{{{W}}}{tag}" for tag in ("del", "moveFrom"))
_HEADING_NAME = re.compile(r"^(?:heading|overskrift)\s*([1-9])$", re.IGNORECASE)
BOLD_HEADING_LENGTH = 150  # a bold paragraph longer than this is emphasis in the text, not a heading


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def paragraph_text(p: Any) -> str:
    """The paragraph's text: w:t in runs anywhere below it (content controls, fields, hyperlinks,
    insertions), not deleted text; w:tab is a space, w:br and w:cr a new line."""
    parts: list[str] = []
    for node in p.iter(w("t"), w("tab"), w("br"), w("cr")):
        if _inside(node, p, _DELETED):
            continue
        if node.tag == w("t"):
            parts.append(node.text or "")
        elif node.tag == w("tab"):
            parts.append(" ")
        else:
            parts.append("\n")
    return "".join(parts)


def cell_text(tc: Any) -> str:
    """A table cell's text: its paragraphs (a nested table's too), one line each."""
    return "\n".join(paragraph_text(p) for p in tc.iter(w("p")))


def tracked_changes(element: Any) -> list[str]:
    """The text of each tracked insertion or deletion below the element ('+ny tekst', '-gammel tekst')."""
    found = []
    for node in element.iter(*_TRACKED):
        text = "".join(t.text or "" for t in node.iter(w("t"), w("delText"))).strip()
        if text:
            found.append(("-" if node.tag in _DELETED else "+") + text)
    return found


def _inside(node: Any, top: Any, tags: tuple[str, ...]) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not top:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False


@dataclass(frozen=True)
class Styles:
    """Each paragraph style's heading level (None: not a heading) and whether it is bold, following basedOn."""

    levels: dict[str, int | None]
    bold: dict[str, bool]

    @classmethod
    def of(cls, styles_element: Any) -> Styles:
        raw: dict[str, tuple[str, str | None, int | None, bool | None]] = {}
        for style in styles_element.iter(w("style")):
            ident = style.get(w("styleId")) or ""
            name = style.find(w("name"))
            based = style.find(w("basedOn"))
            outline = style.find(f"{w('pPr')}/{w('outlineLvl')}")
            bold = style.find(f"{w('rPr')}/{w('b')}")
            raw[ident] = (
                name.get(w("val"), "") if name is not None else "",
                based.get(w("val")) if based is not None else None,
                int(outline.get(w("val"), "9")) + 1 if outline is not None else None,
                _on(bold) if bold is not None else None,
            )
        levels = {ident: _resolve(raw, ident, lambda entry: _name_level(entry[0]) or entry[2]) for ident in raw}
        bold_of = {ident: bool(_resolve(raw, ident, lambda entry: entry[3])) for ident in raw}
        return cls({k: v if isinstance(v, int) and v <= 9 else None for k, v in levels.items()}, bold_of)


def _name_level(name: str) -> int | None:
    match = _HEADING_NAME.match(name.strip())
    return int(match[1]) if match else None


def _resolve(raw: dict[str, tuple[str, str | None, int | None, bool | None]], ident: str, pick: Any) -> Any:
    """The first value `pick` finds in the style or the styles it is based on (at most 10 deep)."""
    for _ in range(10):
        entry = raw.get(ident)
        if entry is None:
            return None
        value = pick(entry)
        if value is not None:
            return value
        if entry[1] is None:
            return None
        ident = entry[1]
    return None


def _on(element: Any) -> bool:
    return element.get(w("val"), "true") not in ("0", "false", "off")


def heading_level(p: Any, styles: Styles, bold_level: int) -> int | None:
    """The paragraph's heading level: its style's (Heading 1-9, Overskrift 1-9, or an outline level),
    `bold_level` for a short paragraph whose text is all bold, or None: body text."""
    style = p.find(f"{w('pPr')}/{w('pStyle')}")
    ident = style.get(w("val")) if style is not None else None
    own = p.find(f"{w('pPr')}/{w('outlineLvl')}")
    if own is not None and int(own.get(w("val"), "9")) < 9:
        return int(own.get(w("val"))) + 1
    if ident is not None and styles.levels.get(ident):
        return styles.levels[ident]
    text = paragraph_text(p).strip()
    if not text or len(text) > BOLD_HEADING_LENGTH or "\n" in text:
        return None
    style_bold = styles.bold.get(ident or "Normal", False)
    runs = list(_text_runs(p))
    return bold_level if runs and all(_run_bold(r, style_bold, styles) for r in runs) else None


def _text_runs(p: Any) -> Iterator[Any]:
    for run in p.iter(w("r")):
        if not _inside(run, p, _DELETED) and "".join(t.text or "" for t in run.iter(w("t"))).strip():
            yield run


def _run_bold(run: Any, style_bold: bool, styles: Styles) -> bool:
    """Bold set on the run, else by its character style (Strong, Fremhævet), else by the paragraph's style."""
    bold = run.find(f"{w('rPr')}/{w('b')}")
    if bold is not None:
        return _on(bold)
    character = run.find(f"{w('rPr')}/{w('rStyle')}")
    if character is not None and styles.bold.get(character.get(w("val"), "")):
        return True
    return style_bold
