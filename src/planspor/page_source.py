"""A page source: Markdown with its front matter, the unit of the export contract.

A page is fully determined by its text: templates read ``page.meta`` (the front matter) and
``page.content`` (the body), nothing else. The hooks hand these to MkDocs; ``planspor eksport`` writes
them to a folder that plain MkDocs (or Zensical) builds without hooks. Long listings are split into
pages of PAGE_SIZE rows here, so no page grows with the plan.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from . import addresses
from .page_data import PageMeta, Pagination

TEMPLATE_DIR = "planspor"
PAGE_SIZE = 200  # rows in one page of an item table: a page's size never grows with the plan


@dataclass(frozen=True)
class PageSource:
    """A file of the site: its text, and for a page also the front matter as data.

    ``meta`` and ``markdown`` are exactly what MkDocs would read back from
    ``text``; the hooks hand them over directly instead of re-parsing YAML.
    ``meta`` is the front matter as MkDocs sees it (an editor's page may carry its own keys).
    """

    src_uri: str
    text: str
    meta: dict[str, Any] | None = None
    markdown: str = ""


def template(kind: str) -> str:
    return f"{TEMPLATE_DIR}/{kind}.html"


def escape(text: str) -> str:
    """Plan text placed in Markdown is text, never HTML or Markdown markup."""
    escaped = html.escape(text, quote=False)
    return escaped.replace("*", r"\*").replace("_", r"\_").replace("[", r"\[").replace("`", r"\`")


def front_matter_page(src_uri: str, meta: PageMeta, body: str = "") -> PageSource:
    """Markdown with its front matter written as JSON, which is valid YAML and far quicker to write."""
    markdown = f"\n{body.strip()}\n"
    if not has_heading(markdown):
        # No heading, no table of contents: Material gives its column to the content.
        meta = {**meta, "hide": [*meta.get("hide", []), "toc"]}
    return PageSource(src_uri, f"---\n{json.dumps(meta, ensure_ascii=False)}\n---\n{markdown}", dict(meta), markdown)


_FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
_HEADING = re.compile(r"^#{1,6}\s+\S", re.MULTILINE)


def has_heading(markdown: str) -> bool:
    """Whether the Markdown has a heading of its own (outside code blocks), which makes a table of contents."""
    return bool(_HEADING.search(_FENCE.sub("", markdown)))


Row = TypeVar("Row")


@dataclass(frozen=True)
class PagePart(Generic[Row]):
    """One page of a long listing: its source path, title, rows and page links."""

    number: int
    src_uri: str
    title: str
    rows: list[Row]
    pagination: Pagination | None


def split_pages(base_uri: str, title: str, rows: list[Row]) -> list[PagePart[Row]]:
    """PAGE_SIZE rows a page: the first at base_uri, then <address>side-2.md and on."""
    chunks = [rows[i : i + PAGE_SIZE] for i in range(0, len(rows), PAGE_SIZE)] or [[]]
    sources = [addresses.page_part_source(base_uri, number) for number in range(1, len(chunks) + 1)]
    urls = [addresses.url_of(source) for source in sources]
    parts = []
    for number, (source, chunk) in enumerate(zip(sources, chunks, strict=True), 1):
        first = (number - 1) * PAGE_SIZE + 1
        pagination: Pagination | None = None
        if len(chunks) > 1:
            pagination = {"page": number, "pages": len(chunks), "first_row": first, "last_row": first + len(chunk) - 1, "total": len(rows), "urls": urls}
        shown = title if number == 1 else f"{title} (side {number} af {len(chunks)})"
        parts.append(PagePart(number, source, shown, chunk, pagination))
    return parts


def item_markdown(note_body: str | None, process: str, cross_cutting: str) -> str:
    """An item page's Markdown: the editor's note, then the plan's process and cross-cutting texts.
    Also what links to the page's anchors are checked against (note_anchors)."""
    parts = []
    if note_body is not None:
        parts.append(note_body.strip())
    if process:
        parts.append('## Proces { data-pagefind-ignore="" }\n\n' + escape(process))
    if cross_cutting:
        parts.append('## Tværgående aspekter { data-pagefind-ignore="" }\n\n' + escape(cross_cutting))
    return "\n\n".join(parts)
