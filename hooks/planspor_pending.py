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
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planspor.pages import PageSource

# A page's text above this many characters is kept compressed until its turn: the long tables (a
# snapshot's pages, the status pages) hold 200 rows of data each, and a lived plan of 10,000 items has
# over a thousand such pages. JSON compresses about tenfold at zlib's fastest level.
COMPRESS_ABOVE = 32_000


@dataclass(frozen=True)
class PendingPage:
    """A generated page until its turn to be written: its text (the front matter as JSON, then
    the Markdown; a long one compressed, see COMPRESS_ABOVE) and what MkDocs reads of it before
    then, the template and the title."""

    kept: str | bytes
    head: dict[str, Any]

    @classmethod
    def of(cls, source: PageSource) -> PendingPage:
        text = source.text
        return cls(zlib.compress(text.encode("utf-8", "surrogatepass"), 1) if len(text) > COMPRESS_ABOVE else text, head_of(source.meta))

    @property
    def text(self) -> str:
        return self.kept if isinstance(self.kept, str) else zlib.decompress(self.kept).decode("utf-8", "surrogatepass")

    def read(self) -> tuple[dict[str, Any], str]:
        """The front matter and Markdown MkDocs would read from the text (JSON is YAML; json reads it far quicker)."""
        text = self.text
        end = text.index("\n---\n", 4)
        meta: dict[str, Any] = json.loads(text[4:end])
        return meta, text[end + 5 :]


@dataclass(frozen=True)
class Received:
    """A generated source as the build holds it: a page until its turn (``page``), or a file that is no
    page, its text (``text``), or, when ``written``, already written into the site folder by its maker."""

    src_uri: str
    page: PendingPage | None
    text: str = ""
    written: bool = False

    @classmethod
    def of(cls, source: PageSource) -> Received:
        return cls(source.src_uri, PendingPage.of(source)) if source.meta is not None else cls(source.src_uri, None, source.text)


# How a packed source's body is kept: a page's text, compressed or not, or nothing (a file written already).
_PLAIN, _ZIPPED, _WRITTEN = b"t", b"z", b"w"


def packing(sources: Iterable[PageSource], site_dir: Path | None = None) -> Iterator[bytes]:
    """Each source as one block of bytes (see `packed`), as it is made. With ``site_dir``, a file that is no
    page is written there now (it is the build's and the folder was emptied before on_files): the build
    never holds the open data's texts, hundreds of megabytes with a lived plan's snapshots at 10,000 items."""
    for source in sources:
        name = source.src_uri.encode("utf-8")
        if source.meta is None and site_dir is not None:
            write_into(site_dir, source)
            yield name + b"\0\0" + _WRITTEN
            continue
        head = json.dumps(head_of(source.meta)).encode("utf-8") if source.meta is not None else b""
        body = source.text.encode("utf-8", "surrogatepass")
        zipped = source.meta is not None and len(body) > COMPRESS_ABOVE
        yield name + b"\0" + head + b"\0" + (_ZIPPED + zlib.compress(body, 1) if zipped else _PLAIN + body)


def write_into(site_dir: Path, source: PageSource) -> None:
    """A file that is no page, written where MkDocs would write it (its address is its path)."""
    path = site_dir / source.src_uri
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source.text, encoding="utf-8")


def packed(sources: Iterable[PageSource], site_dir: Path | None = None) -> list[bytes]:
    """Every source as one block while the plan's pages are made, unpacked once they all are.

    Making a page's data creates and drops many small objects; a small object kept meanwhile
    (a file, a title) pins the memory block it landed in, and at 10,000 items those pins kept
    hundreds of megabytes that Pagefind needs at the end. A long block lives elsewhere.
    """
    return list(packing(sources, site_dir))


def unpacked(packed: list[bytes]) -> Iterator[Received]:
    """The sources again, in order, each packed block let go as soon as it is read; a long page stays compressed."""
    packed.reverse()
    while packed:
        name, head, body = packed.pop().split(b"\0", 2)
        src_uri = name.decode("utf-8")
        kind, data = body[:1], body[1:]
        if kind == _WRITTEN:
            yield Received(src_uri, None, written=True)
        elif not head:
            yield Received(src_uri, None, data.decode("utf-8", "surrogatepass"))
        else:
            kept = data if kind == _ZIPPED else data.decode("utf-8", "surrogatepass")
            yield Received(src_uri, PendingPage(kept, json.loads(head)))


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
