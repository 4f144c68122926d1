"""What a note or an editor's page may render to: a short allowlist, checked on the HTML itself.

The site promises that no script runs but its own and nothing is fetched from other hosts. A note
is Markdown, and Markdown lets raw HTML through (``<script>``, ``<iframe>``, ``onclick=``), and
``attr_list`` (on in mkdocs.yml) turns ``{ onclick="…" }`` into an attribute. So each note and
page is rendered with the site's own Markdown (``site_markdown``) and the HTML is read with the
standard library's parser: an element or attribute outside the allowlist, a ``javascript:`` or
``data:`` address, an image from another host, an image without alt text, a link or image to a
file that is not in the project, is refused at the line it was written on, with what to write
instead. ``planspor check`` and the build both run it (``project.load_project``), so they agree.

Links to other sites stay fine; ``indsats:`` and the other plan links are checked by
``markdown_source``. The guide (content/vejledning/noter.md) lists what is allowed.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import addresses
from .markdown_source import MarkdownDoc, code_free_lines
from .problems import Problem

# Elements Markdown and the site's extensions make, and the few an editor may write as HTML.
ALLOWED_ELEMENTS = frozenset(
    [
        "p",
        "br",
        "hr",
        *(f"h{level}" for level in range(1, 7)),
        "em",
        "strong",
        "b",
        "i",
        "u",
        "s",
        "del",
        "ins",
        "mark",
        "small",
        "sub",
        "sup",
        "abbr",
        "code",
        "pre",
        "kbd",
        "blockquote",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "th",
        "td",
        "caption",
        "a",
        "img",
        "span",
        "div",
        "details",
        "summary",
        "figure",
        "figcaption",
    ]
)
# Attributes allowed on any element, and those only some take.
COMMON_ATTRIBUTES = frozenset({"id", "class", "title", "lang"})
ELEMENT_ATTRIBUTES = {
    "a": frozenset({"href"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "th": frozenset({"colspan", "rowspan", "style"}),
    "td": frozenset({"colspan", "rowspan", "style"}),
    "ol": frozenset({"start"}),
    "details": frozenset({"open"}),
    "abbr": frozenset(),
}
# Markdown's tables write the column's alignment as a style; nothing else may have one.
TABLE_ALIGNMENT = re.compile(r"text-align: (left|right|center);")
WEB_LINK_SCHEMES = ("http", "https", "mailto", "tel")
MAX_FILE_BYTES = 5 * 1024 * 1024
FILES_DIR = "filer"


@dataclass(frozen=True)
class _Found:
    what: str  # the message
    needle: str  # text to find the line by
    field: str = "html"  # what the message is about: html, link or billede


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def markup_problems(doc: MarkdownDoc, page_uri: str, content: Path, render: Callable[[str], str]) -> list[Problem]:
    """Everything in the HTML `doc` renders to that the site may not publish, at its line.

    ``page_uri``: the document's place under content/ as GitHub resolves its relative links
    (a note's is items/<id>.md)."""
    if not _may_hold_markup(doc.body):
        return []
    parser = _Collector()
    parser.feed(render(doc.body))
    parser.close()
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for found in _findings(parser.tags, page_uri, content):
        if (found.what, found.needle) in seen:
            continue
        seen.add((found.what, found.needle))
        problems.append(Problem(doc.display, line_of(doc, found.needle), found.field, found.what))
    return problems


def _may_hold_markup(body: str) -> bool:
    """Whether the text can render to anything the allowlist refuses. Only raw HTML (``<``), attr_list's
    braces, images and links to files or unknown schemes can; a note of paragraphs, lists, tables and
    links to the plan or to other sites (most notes) need not be rendered to know it."""
    if "<" in body or "{" in body or "![" in body:
        return True
    targets = _INLINE_TARGET.findall(body) + _REFERENCE_TARGET.findall(body)
    return any(target.split(":", 1)[0].lower() not in _SAFE_SCHEMES if ":" in target else True for target in targets)


_INLINE_TARGET = re.compile(r"\]\(\s*([^)\s]*)")
_REFERENCE_TARGET = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*(\S+)", re.MULTILINE)
_SAFE_SCHEMES = frozenset(addresses.LINK_SCHEMES) | frozenset(WEB_LINK_SCHEMES)


def _findings(tags: list[tuple[str, list[tuple[str, str | None]]]], page_uri: str, content: Path) -> Iterator[_Found]:
    for tag, attrs in tags:
        if tag not in ALLOWED_ELEMENTS:
            yield _Found(_element_message(tag), f"<{tag}")
            continue
        allowed = COMMON_ATTRIBUTES | ELEMENT_ATTRIBUTES.get(tag, frozenset())
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                yield _Found(f"Attributten '{name}' kører et script; det må en note ikke. Fjern '{name}=…'.", name)
            elif name == "style" and tag in ("th", "td") and TABLE_ALIGNMENT.fullmatch(value or ""):
                continue
            elif name == "style":
                yield _Found("Attributten 'style' er ikke tilladt: sidens udseende kommer fra temaet. Fjern 'style=…'.", "style")
            elif name not in allowed:
                yield _Found(f"Attributten '{name}' er ikke tilladt på <{tag}>. Tilladt: {', '.join(sorted(allowed))}.", name)
        if tag == "a" and values.get("href"):
            yield from (replace(found, field="link") for found in _link_findings(values["href"] or "", page_uri, content))
        if tag == "img":
            yield from (replace(found, field="billede") for found in _image_findings(values, page_uri, content))


def _element_message(tag: str) -> str:
    if tag in ("script", "noscript"):
        return f"<{tag}> er ikke tilladt i noter: sitet kører kun sine egne scripts. Fjern elementet."
    if tag in ("iframe", "object", "embed", "video", "audio", "source", "track", "picture"):
        return f"<{tag}> er ikke tilladt: det henter indhold fra en anden vært. Skriv et almindeligt link i stedet, fx [Se videoen](https://…)."
    if tag in ("style", "link", "meta", "base"):
        return f"<{tag}> er ikke tilladt: sidens udseende og hoved kommer fra temaet. Fjern elementet."
    if tag in ("form", "input", "button", "select", "textarea", "label"):
        return f"<{tag}> er ikke tilladt: en note kan ikke have formularer. Skriv et link til formularen i stedet."
    return f"<{tag}> er ikke tilladt i noter. Tilladte elementer står i vejledningen under 'Billeder, PDF'er og tilladt markup'."


def _link_findings(href: str, page_uri: str, content: Path) -> Iterator[_Found]:
    if _is_windows_path(href):
        yield from _local_findings(href, page_uri, content, image=False)
        return
    scheme = urlsplit(href).scheme.lower() if ":" in href.split("/", 1)[0] else ""
    if scheme in addresses.LINK_SCHEMES:
        return  # indsats: and friends: checked and rewritten by markdown_source
    if scheme in ("javascript", "vbscript", "data"):
        yield _Found(f"Et link med '{scheme}:' er ikke tilladt (det kører kode eller gemmer en fil i linket). Link til en side eller en fil.", f"{scheme}:")
        return
    if scheme or href.startswith("#"):
        return  # http(s), mailto, tel (other schemes are refused by markdown_source), or an anchor on the page
    yield from _local_findings(href, page_uri, content, image=False)


def _image_findings(values: dict[str, str | None], page_uri: str, content: Path) -> Iterator[_Found]:
    src = values.get("src") or ""
    if not (values.get("alt") or "").strip():
        yield _Found(
            "Billedet mangler en alternativ tekst (WCAG 1.1.1): skriv, hvad det viser, mellem de firkantede parenteser: ![Kort over ruten](…).",
            src or "![",
            "billede",
        )
    parts = urlsplit(src)
    if (parts.scheme and not _is_windows_path(src)) or src.startswith("//"):
        where = parts.netloc or parts.scheme
        yield _Found(
            f"Billedet hentes fra {where}; sitet henter intet fra andre værter. Læg filen i content/{FILES_DIR}/ og skriv ![…](../{FILES_DIR}/navn.png).",
            src,
        )
        return
    if src:
        yield from _local_findings(src, page_uri, content, image=True)


def _local_findings(target: str, page_uri: str, content: Path, image: bool) -> Iterator[_Found]:
    """A relative link or image: a file under content/ (or a page Planspor makes), as GitHub resolves it."""
    what = "Billedet" if image else "Linket"
    path = unquote(urlsplit(target).path)
    if _is_windows_path(target):
        yield _Found(
            f"{what} '{target}' er en sti på din egen computer, som ingen andre kan åbne. Læg filen i content/{FILES_DIR}/ og skriv ../{FILES_DIR}/navn.",
            target,
        )
        return
    if path.startswith("/"):
        yield _Found(
            f"{what} '{target}' begynder med '/', og det virker ikke, når sitet ligger under en undermappe. Skriv stien i forhold til filen, fx ../{FILES_DIR}/navn.pdf.",
            target,
        )
        return
    if not path:
        return
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page_uri), path))
    if resolved == ".." or resolved.startswith("../"):
        yield _Found(f"{what} '{target}' peger uden for content/; kun filer i content/ kommer med på sitet. Læg filen i content/{FILES_DIR}/.", target)
        return
    yield from _resolved_findings(target, resolved, content, what)


def _resolved_findings(target: str, resolved: str, content: Path, what: str) -> Iterator[_Found]:
    in_folder = addresses.id_folder_of(resolved)
    if in_folder is not None or resolved.startswith(addresses.ITEMS + "/"):
        folder, ident = in_folder or (addresses.ITEMS, resolved.split("/")[1].removesuffix(".md"))
        scheme = next((s for s, f in addresses.SCHEME_FOLDERS.items() if f == folder), "indsats")
        yield _Found(f"{what} '{target}' peger på en side, som planen laver. Skriv i stedet [tekst]({scheme}:{ident}).", target)
        return
    folder, _, name = resolved.rpartition("/")
    if folder == "items" and name.endswith(".md"):
        yield _Found(f"{what} '{target}' peger på en anden note. Link til indsatsen: [tekst](indsats:{name.removesuffix('.md')}).", target)
        return
    file = content / resolved
    if file.is_file():
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            yield _Found(
                f"Filen content/{resolved} fylder {size / 1024 / 1024:.1f} MB; højst {MAX_FILE_BYTES // 1024 // 1024} MB er tilladt. Gør den mindre (fx et billede på 1600 punkter i bredden, en PDF gemt til skærm).",
                target,
            )
        return
    if resolved.endswith(".md") and (resolved in addresses.TEXT_PAGES or addresses.generated_owner(resolved) is not None):
        return  # a page Planspor makes, such as status/index.md
    yield _Found(f"{what} '{target}' peger på content/{resolved}, som ikke findes. Tjek navnet, eller læg filen i content/{FILES_DIR}/.", target)


def _is_windows_path(target: str) -> bool:
    return "\\" in target or re.match(r"^[A-Za-z]:[\\/]", target) is not None or target.lower().startswith("file:")


def line_of(doc: MarkdownDoc, needle: str) -> int:
    """The first line outside code that holds `needle` (any case); the body's first line if none does."""
    wanted = needle.lower()
    for index, line in code_free_lines(doc.body):
        if wanted in line.lower():
            return doc.body_line + index
    return doc.body_line
