"""Links to an anchor (``#afsnit``) on the same page or another: the anchor must be there.

mkdocs.yml's strict build refuses a link to an anchor a page does not have; so does `planspor
check`, at the link's line, before MkDocs would warn in English. Each page's anchors are the ids
its Markdown renders to with the site's Markdown (the headings' ids above all): an item page's
Markdown is its note and the plan's process texts (``page_source.item_markdown``), an editor's
page its text, and a page Planspor makes without an editor's text has none.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import addresses, site_markdown
from .addresses import LINK_SCHEMES
from .markdown_source import MarkdownDoc
from .model import Plan
from .note_markup import line_of
from .page_source import item_markdown
from .problems import Problem

_HREF = re.compile(r"""<a\b[^>]*?\bhref=["']([^"']*#[^"']*)["']""", re.IGNORECASE)
_LINK_WITH_FRAGMENT = re.compile(r"""\]\([^)\s]*#|^\s{0,3}\[[^\]]+\]:\s*\S*#|href=["'][^"']*#""", re.MULTILINE | re.IGNORECASE)
_ID = re.compile(r"""\b(?:id|name)=["']([^"']+)["']""")

# A page's site source (indsatser/<id>.md, om.md, …) to its Markdown; None when it is not a page.
Markdown = Callable[[str], str | None]


class Anchors:
    """Every page's anchors, each page rendered once, and only when a link names one of its anchors."""

    def __init__(self, markdown_of: Markdown, render: Callable[[str], str], resolve: Callable[[str, str], str | None]) -> None:
        self._markdown_of = markdown_of
        self._render = render
        self._resolve = resolve  # a plan link's id to the id it names now (markdown_source.Resolver)
        self._ids: dict[str, set[str] | None] = {}

    def of(self, src_uri: str) -> set[str] | None:
        if src_uri not in self._ids:
            text = self._markdown_of(src_uri)
            self._ids[src_uri] = None if text is None else set(_ID.findall(self._render(text))) if text else set()
        return self._ids[src_uri]

    def problems(self, doc: MarkdownDoc, site_uri: str) -> list[Problem]:
        """The links in the document (as written: rendered once for note_markup too) to an anchor that is not there."""
        if not _LINK_WITH_FRAGMENT.search(doc.body):
            return []  # most pages: no link to an anchor, nothing to render
        problems = []
        for href in dict.fromkeys(_HREF.findall(self._render(doc.body))):
            parts = urlsplit(href)
            if parts.netloc or not parts.fragment:
                continue
            if parts.scheme in LINK_SCHEMES:
                ident = self._resolve(parts.scheme, unquote(parts.path))
                if ident is None:
                    continue  # an unknown id: markdown_source reports it
                target = LINK_SCHEMES[parts.scheme](ident)
            elif parts.scheme:
                continue
            else:
                path = unquote(parts.path)
                target = posixpath.normpath(posixpath.join(posixpath.dirname(site_uri), path)) if path else site_uri
            anchors = self.of(target)
            fragment = unquote(parts.fragment)
            if anchors is None or fragment in anchors:
                continue
            where = "på denne side" if target == site_uri else f"på siden {target}"
            problems.append(
                Problem(
                    doc.display,
                    line_of(doc, "#" + parts.fragment),
                    "link",
                    f"Linket går til afsnittet '#{fragment}' {where}, men siden har ikke et afsnit med det id. "
                    + "Et afsnits id er overskriften med små bogstaver og bindestreger, fx '## Sådan gør vi' → #saadan-goer-vi.",
                )
            )
        return problems


def site_renderer(site_config: Path) -> Callable[[str], str] | None:
    """The site's Markdown (site_markdown, which renders each text once, so note_markup and the
    anchors read the same HTML); None without a mkdocs.yml (no site to check for)."""
    if not site_config.is_file():
        return None
    return site_markdown.renderer(site_config)


def anchor_problems(
    plan: Plan,
    notes: Mapping[str, MarkdownDoc],
    pages: Mapping[str, MarkdownDoc],
    render: Callable[[str], str],
    resolve: Callable[[str, str], str | None],
    known: Mapping[str, set[str]],
) -> list[Problem]:
    """Links to an anchor that the page does not have, as MkDocs' strict build refuses them.

    ``notes``: by item id; ``pages``: the editors' pages by source; ``known``: the ids of each id folder."""
    items = {addresses.item_source(item.id): item for item in plan.items}

    def markdown_of(src_uri: str) -> str | None:
        if (item := items.get(src_uri)) is not None:
            note = notes.get(item.id)
            return item_markdown(note.body if note else None, item.process, item.cross_cutting)
        if src_uri in pages:
            return pages[src_uri].body
        in_folder = addresses.id_folder_of(src_uri)
        if in_folder is not None:
            return "" if in_folder[1] in known.get(in_folder[0], set()) else None
        return "" if src_uri in addresses.TEXT_PAGES or addresses.generated_owner(src_uri) is not None else None

    anchors = Anchors(markdown_of, render, resolve)
    problems = []
    for item_id, doc in notes.items():
        problems += anchors.problems(doc, addresses.item_source(item_id))
    for src_uri, doc in pages.items():
        problems += anchors.problems(doc, src_uri)
    return problems
