"""A generated page between MkDocs reading the file list and writing the page: kept as its text only.

MkDocs renders every page's Markdown before it writes the first. Planspor's pages carry all their
data in their front matter, so at 10,000 items that would hold every page's data and HTML at once,
and Pagefind needs most of its memory at the very end, to write the index. So the hooks keep each
generated page as its text until its turn (``PendingPage``), make the pages' data one page at a
time (``packed``), and hand freed memory back to the system before Pagefind writes
(``return_free_memory``). The text is the export contract's page: front matter as JSON, then Markdown.
"""

from __future__ import annotations

import ctypes
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from planspor.pages import PageSource


@dataclass(frozen=True)
class PendingPage:
    """A generated page until its turn to be written: its text (the front matter as JSON, then
    the Markdown) and what MkDocs reads of it before then, the template and the title."""

    text: str
    head: dict[str, Any]

    @classmethod
    def of(cls, source: PageSource) -> PendingPage:
        return cls(source.text, head_of(source.meta))

    def read(self) -> tuple[dict[str, Any], str]:
        """The front matter and Markdown MkDocs would read from the text (JSON is YAML; json reads it far quicker)."""
        end = self.text.index("\n---\n", 4)
        meta: dict[str, Any] = json.loads(self.text[4:end])
        return meta, self.text[end + 5 :]


def packing(sources: Iterable[PageSource]) -> Iterator[str]:
    """Each source as one string (see `packed`), as it is made."""
    for source in sources:
        yield PACK_SEPARATOR.join((source.src_uri, json.dumps(head_of(source.meta)) if source.meta is not None else "", source.text))


def packed(sources: Iterable[PageSource]) -> list[str]:
    """Every source as one string while the plan's pages are made, unpacked once they all are.

    Making a page's data creates and drops many small objects; a small object kept meanwhile
    (a file, a title) pins the memory block it landed in, and at 10,000 items those pins kept
    hundreds of megabytes that Pagefind needs at the end. A long string lives elsewhere.
    """
    return list(packing(sources))


def unpacked(packed: list[str]) -> Iterator[PageSource]:
    """The sources again, in order, each packed string let go as soon as it is read."""
    packed.reverse()
    while packed:
        src_uri, head, text = packed.pop().split(PACK_SEPARATOR, 2)
        yield PageSource(src_uri, text, json.loads(head) if head else None)


PACK_SEPARATOR = "\0"


def head_of(meta: dict[str, Any] | None) -> dict[str, Any]:
    return {key: meta[key] for key in ("template", "title") if key in meta} if meta else {}


def return_free_memory() -> None:
    """Hand memory Python has freed back to the system (glibc keeps it otherwise), so
    Pagefind's index and the finished build's leftovers do not add up. Elsewhere a no-op."""
    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        return
