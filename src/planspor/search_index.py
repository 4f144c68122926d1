"""Pagefind, fed page by page while MkDocs renders, on the machine's other core.

Pagefind runs as a service (``pagefind --service``): messages are base64 JSON
separated by commas on its stdin and stdout. Each rendered page is sent as
soon as it exists, so the index is mostly built by the time MkDocs writes its
last page. The fragments, scripts and styles are those the Pagefind command
line writes for the finished site; the index chunks differ only in that they
hold just the searchable part. (Pagefind's own asyncio client waits 0.1 s per
reply, which would take 17 minutes for 10,000 pages; this one streams.)
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path, PurePosixPath
from typing import IO, Any

from pagefind.service import get_executable

# Pagefind's allocator (jemalloc) keeps freed pages for 10 s before it returns them. At 10,000 pages
# that is a tenth of its peak: returned after 1 s, its peak in the build fell from 873 to 789 MiB (the
# build's processes together stay under 1 GiB) for about 2 s more of the build's 40 s. One arena
# instead (narenas:1) saved as much memory but cost 4 s: its threads then wait for each other.
ALLOCATOR_VARIABLE, ALLOCATOR_SETTINGS = "_RJEM_MALLOC_CONF", "dirty_decay_ms:1000,muzzy_decay_ms:0"

# Not part of what a result shows: the ¶ after every heading (Markdown's permalink).
EXCLUDE_SELECTORS = (".headerlink",)


class SearchIndexError(Exception):
    """Pagefind failed; the message says what it reported."""


class BackgroundSearchIndex:
    def __init__(self) -> None:
        executable = get_executable()
        if executable is None:
            raise SearchIndexError("Pagefind-programmet blev ikke fundet (pakken pagefind[bin] mangler).")
        environment = {ALLOCATOR_VARIABLE: ALLOCATOR_SETTINGS, **os.environ}  # the caller's own settings win
        self._process = subprocess.Popen(
            [str(executable), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=environment
        )
        self._lock = threading.Condition()
        self._replies: dict[int, dict[str, Any]] = {}
        self._errors: list[str] = []
        self._sent = 0
        self._files_sent = 0
        self._files_done = 0
        self._reader = threading.Thread(target=self._read, args=(self._process.stdout,), name="pagefind", daemon=True)
        self._reader.start()
        reply = self._request({"type": "NewIndex", "config": {"exclude_selectors": list(EXCLUDE_SELECTORS)}})
        self._index_id = int(reply["index_id"])

    # -- the wire -----------------------------------------------------------------------

    def _send(self, payload: dict[str, Any]) -> int:
        assert self._process.stdin is not None
        with self._lock:
            self._sent += 1
            message_id = self._sent
        message = base64.b64encode(json.dumps({"message_id": message_id, "payload": payload}).encode()) + b","
        try:
            self._process.stdin.write(message)
            self._process.stdin.flush()
        except (BrokenPipeError, OSError) as error:
            raise SearchIndexError(f"Pagefind stoppede uventet ({error}).") from None
        return message_id

    def _read(self, stream: IO[bytes] | None) -> None:
        assert stream is not None
        # One reply (GetFiles: the whole index) may be tens of megabytes: keep
        # its pieces in a list and join them once, at the comma that ends it.
        pending: list[bytes] = []
        while chunk := stream.read1(1 << 16):  # type: ignore[attr-defined]
            *ended, rest = chunk.split(b",")
            for index, piece in enumerate(ended):
                message = b"".join([*pending, piece]) if index == 0 and pending else piece
                self._receive(json.loads(base64.b64decode(message)))
            if ended:
                pending.clear()
            if rest:
                pending.append(rest)
        with self._lock:
            self._errors.append("Pagefind lukkede forbindelsen.")
            self._lock.notify_all()

    def _receive(self, response: dict[str, Any]) -> None:
        payload = response.get("payload") or {}
        with self._lock:
            if payload.get("type") == "Error":
                self._errors.append(str(payload.get("message")))
            if payload.get("type") == "IndexedFile" or payload.get("type") == "Error":
                self._files_done += 1
            if response.get("message_id") is not None:
                self._replies[int(response["message_id"])] = payload
            self._lock.notify_all()

    def _request(self, payload: dict[str, Any]) -> dict[str, Any]:
        message_id = self._send(payload)
        with self._lock:
            self._lock.wait_for(lambda: message_id in self._replies or bool(self._errors), timeout=600)
            if self._errors:
                raise SearchIndexError("; ".join(self._errors))
            return self._replies.pop(message_id)

    # -- the index ----------------------------------------------------------------------

    def add(self, html: str, url: str) -> None:
        """Send the searchable part of a rendered page; returns at once."""
        searchable = searchable_part(html)
        if searchable is not None:
            self.add_searchable(searchable, url)

    def add_searchable(self, searchable: str, url: str) -> None:
        """Send a page's searchable part, as `searchable_part` gives it; returns at once."""
        self._files_sent += 1
        self._send({"type": "AddFile", "index_id": self._index_id, "url": url, "file_path": None, "file_contents": searchable})

    def write(self, output: Path, cancelled: threading.Event | None = None) -> None:
        """Wait until every page is indexed, then write the index to `output` (unless cancelled meanwhile)."""
        try:
            with self._lock:
                self._lock.wait_for(lambda: self._files_done >= self._files_sent or bool(self._errors), timeout=600)
                if self._errors:
                    raise SearchIndexError("; ".join(self._errors))
                self._replies.clear()
            reply = self._request({"type": "GetFiles", "index_id": self._index_id})
        finally:
            self.close()
        # Pagefind's own WriteFiles answers before every file is on disk (its
        # last writes finish in the background), and the service is stopped
        # right after: files came out empty. Here every byte is written and
        # closed before the build goes on.
        writer = _IndexWriter(output)
        for file in reply.get("files", []):
            if cancelled is not None and cancelled.is_set():
                return
            writer.write(str(file["path"]), base64.b64decode(file["content"]))

    def close(self) -> None:
        if self._process.poll() is None:
            self._process.terminate()
            self._process.wait(timeout=30)


class InAddressOrder:
    """Pages' searchable parts handed to the index in the site's address order, whatever order
    they arrive in (the build's pages and its workers', see hooks/planspor_workers.py): Pagefind's
    index depends on the order it is given the pages, and the build's is the same every time."""

    def __init__(self, index: BackgroundSearchIndex, urls: list[str]) -> None:
        self._index = index
        self._urls = urls
        self._position = {url: position for position, url in enumerate(urls)}
        self._arrived: dict[int, str | None] = {}
        self._next = 0
        self._lock = threading.Lock()

    def add(self, html: str, url: str) -> None:
        self.put(url, searchable_part(html))

    def put(self, url: str, searchable: str | None) -> None:
        """A page's searchable part (None: nothing to index), sent once every page before it has been."""
        with self._lock:
            self._arrived[self._position[url]] = searchable
            while self._next in self._arrived:
                part = self._arrived.pop(self._next)
                if part is not None:
                    self._index.add_searchable(part, self._urls[self._next])
                self._next += 1

    def write(self, output: Path) -> None:
        with self._lock:
            waiting_for = self._urls[self._next] if self._next < len(self._urls) else None
        if waiting_for is not None:
            self._index.close()
            raise SearchIndexError(f"Siden {waiting_for} nåede ikke frem til søgeindekset.")
        self._index.write(output)

    def close(self) -> None:
        self._index.close()


class IndexAfterBuild:
    """The preview's search index, made on a thread after each build so the browser reloads at once.

    It indexes every page's searchable part (rendered this time or kept from
    an earlier build) and replaces the index a moment after the pages. The
    next build cancels a run still going: its pages would be out of date.
    """

    def __init__(self, searchable: dict[str, str], output: Path) -> None:
        self._cancelled = threading.Event()
        self._index: BackgroundSearchIndex | None = None
        self._thread = threading.Thread(target=self._run, args=(dict(searchable), output), name="pagefind-preview", daemon=True)
        self._thread.start()

    def _run(self, searchable: dict[str, str], output: Path) -> None:
        try:
            self._index = BackgroundSearchIndex()
            for url, part in searchable.items():
                if self._cancelled.is_set():
                    return
                self._index.add_searchable(part, url)
            # Written beside the served index and swapped in whole: a search meanwhile
            # uses the old index, never a half-written or missing one.
            fresh, old = output.with_name(output.name + ".neu"), output.with_name(output.name + ".gammel")
            for folder in (fresh, old):
                shutil.rmtree(folder, ignore_errors=True)
            self._index.write(fresh, self._cancelled)
            if self._cancelled.is_set():
                return
            if output.exists():
                output.rename(old)
            fresh.rename(output)
            shutil.rmtree(old, ignore_errors=True)
        except (SearchIndexError, OSError) as error:
            if not self._cancelled.is_set():
                print(f"Søgeindekset kunne ikke bygges (pagefind): {error}", file=sys.stderr, flush=True)
        finally:
            if self._index is not None:
                self._index.close()

    def cancel(self) -> None:
        self._cancelled.set()
        if self._index is not None:
            self._index.close()
        self._thread.join(timeout=30)

    def wait(self, timeout: float = 120) -> None:
        self._thread.join(timeout=timeout)


class _IndexWriter:
    """Writes the index's files under one folder: one file a page at 10,000 items, so each
    folder is made once and a path is checked by its parts, not resolved on disk."""

    def __init__(self, output: Path) -> None:
        self._output = output
        self._folders: set[Path] = set()

    def write(self, relative: str, content: bytes) -> None:
        parts = PurePosixPath(relative).parts
        if not parts or PurePosixPath(relative).is_absolute() or any(part in ("", ".", "..") for part in parts) or "\\" in relative:
            raise SearchIndexError(f"Pagefind ville skrive uden for søgeindeksets mappe: {relative}")
        target = self._output.joinpath(*parts)
        if target.parent not in self._folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._folders.add(target.parent)
        with open(target, "wb") as stream:
            stream.write(content)


_BODY = re.compile(r"<([a-z][a-z0-9]*)\b[^>]*\bdata-pagefind-body\b[^>]*>")
_LANG = re.compile(r"<html[^>]*\blang=\"([^\"]+)\"")


def _body_start(html: str) -> re.Match[str] | None:
    """The opening tag that carries data-pagefind-body: found by its attribute's text first
    (one scan of a 20 kB page instead of a regular expression tried at every tag)."""
    found = html.find("data-pagefind-body")
    if found >= 0:
        tag = _BODY.match(html, html.rfind("<", 0, found))
        if tag is not None and tag.end() > found:
            return tag
    return _BODY.search(html)


_IGNORED_SECTION = re.compile(r"<(section|aside)\b[^>]*\bdata-pagefind-ignore\b[^>]*>")
_PAGEFIND_DATA = ("data-pagefind-meta", "data-pagefind-filter", "data-pagefind-sort")


def _without_ignored_sections(part: str) -> str:
    """The part without the sections Pagefind is told to ignore (an item's facts, history, milestones,
    indicators …): it would parse them only to drop them. A section that holds metadata or filters
    for the result, or a section of its own, is left for Pagefind to read."""
    kept: list[str] = []
    position = 0
    while (found := _IGNORED_SECTION.search(part, position)) is not None:
        tag = found[1]
        end = part.find(f"</{tag}>", found.end())
        if end < 0:
            break
        inner = part[found.end() : end]
        if f"<{tag}" in inner or any(attribute in inner for attribute in _PAGEFIND_DATA):
            kept.append(part[position:end])
            position = end
            continue
        kept.append(part[position : found.start()])
        position = end + len(tag) + 3
    kept.append(part[position:])
    return "".join(kept)


def searchable_part(html: str) -> str | None:
    """Only the element Pagefind indexes (data-pagefind-body), in a document with the page's language.

    Pagefind ignores everything else on a site that marks its bodies, and a page
    without one entirely; sending less keeps its memory to what it indexes.
    """
    start = _body_start(html)
    if start is None:
        return None
    tag = start[1]
    opening, closing = re.compile(rf"<{tag}\b"), f"</{tag}>"
    depth, position = 1, start.end()
    while depth:
        end = html.find(closing, position)
        if end < 0:
            return html  # unbalanced: let Pagefind read the whole page
        depth += len(opening.findall(html, position, end)) - 1
        position = end + len(closing)
    lang = _LANG.search(html)
    body = _without_ignored_sections(html[start.start() : position])
    return f'<!DOCTYPE html><html lang="{lang[1] if lang else "da"}"><head></head><body>{body}</body></html>'
