"""Render the pages on every core: forked workers and the build take them in turn, in address order.

MkDocs writes one page after another on one core. Planspor's item pages carry all their data in
their text and depend on nothing another page's rendering leaves behind, so once every page is
read (on_env), the build forks. The generated pages are one run in address order; each worker
claims the next page nobody has claimed, renders it with MkDocs' own page builder (the same
templates, the same Markdown) and writes it; the build, as MkDocs comes to each page, renders it
if no worker has claimed it yet, and nothing otherwise. Claiming a page at a time balances the
work whatever a page costs, and the pages are done about in address order, the order Pagefind
must be given them. What MkDocs would otherwise have learnt while rendering a worker's page
comes back to the build over a pipe: its log records (so strict mode counts them and they are
printed once), its searchable part (fed to Pagefind in address order, so the index is the one a
single process makes) and its anchors and links to anchors (so MkDocs checks them as it always
does). A worker that fails fails the build, naming the page.

For a page a worker writes, the build's MkDocs still runs its page events (with an empty template,
so on_post_page sees empty output and nothing is written); a hook that acts on a page's output must
skip empty output, as planspor_hooks does.

Linux only (fork); elsewhere, for small sites, or with PLANSPOR_WORKERS=0 the build renders every
page itself. ``tests/test_workers.py`` builds a site both ways and compares them byte for byte.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, Pipe
from typing import Any, Protocol

import jinja2
from mkdocs.commands.build import _build_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from planspor.search_index import searchable_part

log = logging.getLogger("mkdocs.hooks.planspor")

WORKERS_VARIABLE = "PLANSPOR_WORKERS"
# Below this many generated pages a fork, a pipe and a second Jinja warm-up cost more than they save.
MIN_PAGES_FOR_WORKERS = 300
MAX_WORKERS = 3
# What the build renders for a page a worker writes: nothing, so MkDocs writes nothing.
ELSEWHERE_TEMPLATE = "planspor-rendered-by-a-worker.html"

Anchors = tuple[set[str] | None, dict[str, dict[str, str]] | None]


class SearchFeed(Protocol):
    def put(self, url: str, searchable: str | None) -> None: ...


def worker_count(generated_pages: int) -> int:
    """How many processes to fork: PLANSPOR_WORKERS if set, else one per spare core (at most three)."""
    value = os.environ.get(WORKERS_VARIABLE, "").strip()
    if value:
        if not value.isdigit():
            raise PluginError(f"{WORKERS_VARIABLE} skal være et helt tal (0: ingen ekstra processer), ikke {value!r}.")
        return int(value) if _can_fork() else 0
    if not _can_fork() or generated_pages < MIN_PAGES_FOR_WORKERS:
        return 0
    return max(0, min(len(os.sched_getaffinity(0)) - 1, MAX_WORKERS))


def may_fork() -> bool:
    """Whether the build may fork at all (planspor_loading, the workers): Linux, unless PLANSPOR_WORKERS=0."""
    return _can_fork() and os.environ.get(WORKERS_VARIABLE, "").strip() != "0"


def _can_fork() -> bool:
    """Linux, and only this thread running: a fork copies only the thread that calls it, and a lock
    another thread held (a program that runs MkDocs on a thread of its own) would stay held."""
    return sys.platform.startswith("linux") and hasattr(os, "fork") and threading.active_count() == 1


def longest_run(pages: Sequence[Page], generated: set[str]) -> list[Page]:
    """The longest run of generated pages in address order: the item pages."""
    best: list[Page] = []
    current: list[Page] = []
    for page in pages:
        if page.file.src_uri not in generated:
            current = []
            continue
        current.append(page)
        if len(current) > len(best):
            best = current
    return best


class _Claims:
    """Which pages of the run are taken: one number in memory the forked processes share, behind
    a lock, the position of the first page nobody has taken."""

    def __init__(self, length: int) -> None:
        context = multiprocessing.get_context("fork")
        self._lock = context.Lock()
        self._next = context.RawValue("q", 0)
        self._length = length

    def take(self, position: int) -> bool:
        """The build takes the page at `position`, the one MkDocs comes to, unless a worker has."""
        with self._lock:
            if position < self._next.value:
                return False
            self._next.value = position + 1
            return True

    def take_next(self) -> int | None:
        """A worker takes the next page nobody has; None when there is none."""
        with self._lock:
            position = int(self._next.value)
            if position >= self._length:
                return None
            self._next.value = position + 1
            return position


@dataclass
class _Worker:
    pid: int
    reader: Connection
    thread: threading.Thread | None = None
    done: bool = False
    failure: str | None = None
    anchors: dict[str, Anchors] = field(default_factory=dict)


class PageWorkers:
    """The forked workers of one build, from on_env until the build's last page is written."""

    def __init__(self, run: list[Page], claims: _Claims, workers: list[_Worker], files: Files) -> None:
        self._run = run
        self._position = {page.file.src_uri: position for position, page in enumerate(run)}
        self._templates = {page.file.src_uri: page.meta.get("template") for page in run}
        self._claims = claims
        self._workers = workers
        self._files = files
        self._own: set[str] = set()
        self.failed = False
        self._quiet = _QuietAboutWorkers(self)
        logging.getLogger("mkdocs.commands.build").addFilter(self._quiet)
        for page in run:  # until the build takes it, a page is a worker's: the build renders nothing for it
            page.meta = {**page.meta, "template": ELSEWHERE_TEMPLATE}

    @classmethod
    def fork(
        cls,
        run: list[Page],
        count: int,
        config: MkDocsConfig,
        files: Files,
        nav: Navigation,
        env: jinja2.Environment,
        in_worker: Callable[[Channel], None],
    ) -> PageWorkers:
        """Fork `count` workers for `run`; the build's environment learns the empty template."""
        claims = _Claims(len(run))
        doc_files = files.documentation_pages()
        workers: list[_Worker] = []
        for _ in range(count):
            reader, writer = Pipe(duplex=False)
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:  # the worker: render, report, and leave without running the build's exit code
                reader.close()
                for earlier in workers:
                    earlier.reader.close()
                _work(Channel(writer), run, claims, config, doc_files, nav, env, in_worker)
                os._exit(0)
            writer.close()
            workers.append(_Worker(pid, reader))
        env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({ELSEWHERE_TEMPLATE: ""}), env.loader or jinja2.DictLoader({})])
        return cls(run, claims, workers, files)

    def listen(self, feed: SearchFeed) -> None:
        """Start reading what the workers report (after every fork: a fork copies only the thread that calls it)."""
        for worker in self._workers:
            worker.thread = threading.Thread(target=_listen, args=(worker, feed), name=f"planspor-worker-{worker.pid}", daemon=True)
            worker.thread.start()

    def coming(self, page: Page) -> None:
        """MkDocs renders `page` next: the build takes it, unless a worker has (then it renders nothing)."""
        position = self._position.get(page.file.src_uri)
        if position is None or not self._claims.take(position):
            return
        self._own.add(page.file.src_uri)
        template = self._templates[page.file.src_uri]
        page.meta = {key: value for key, value in page.meta.items() if key != "template"}
        if template is not None:
            page.meta["template"] = template

    def elsewhere(self, src_uri: str) -> bool:
        """Whether a worker renders this page (asked only once MkDocs has come to it)."""
        return src_uri in self._position and src_uri not in self._own

    def join(self) -> None:
        """Wait for every worker; give MkDocs their pages' anchors; raise if one failed."""
        for worker in self._workers:
            if worker.thread is not None:
                worker.thread.join()
            os.waitpid(worker.pid, 0)
        for worker in self._workers:
            if worker.failure is not None or not worker.done:
                self.failed = True
                raise PluginError(worker.failure or "En af byggeriets ekstra processer stoppede uventet; sæt PLANSPOR_WORKERS=0 for at bygge i én proces.")
        others = sum(len(worker.anchors) for worker in self._workers)
        extra = "den ekstra" if len(self._workers) == 1 else f"de {len(self._workers)} ekstra"
        log.info(f"Siderne blev bygget i {len(self._workers) + 1} processer: {len(self._own)} i byggeriets egen, {others} i {extra}.")
        for worker in self._workers:
            for src_uri, (present, links) in worker.anchors.items():
                page = self._run[self._position[src_uri]]
                page.present_anchor_ids = present
                page.links_to_anchors = None if links is None else {self._file(uri): found for uri, found in links.items()}

    def forget(self) -> None:
        """The build is over: stop filtering MkDocs' log for it."""
        logging.getLogger("mkdocs.commands.build").removeFilter(self._quiet)

    def stop(self) -> None:
        """The build failed: stop the workers."""
        self.forget()
        for worker in self._workers:
            try:
                os.kill(worker.pid, 15)
                os.waitpid(worker.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass

    def _file(self, src_uri: str) -> File:
        found = self._files.get_file_from_path(src_uri)
        if found is None:
            raise PluginError(f"En side linker til {src_uri}, som ikke findes i byggeriet.")
        return found


class Channel:
    """The worker's end of the pipe to the build."""

    def __init__(self, writer: Connection) -> None:
        self._writer = writer

    def send(self, *message: Any) -> None:
        self._writer.send(message)

    def add(self, html: str, url: str) -> None:
        """What the hooks' on_post_page calls in a worker: the page's searchable part, to the build."""
        self.send("search", url, searchable_part(html))

    def close(self) -> None:
        self._writer.close()


class _LogToBuild(logging.Handler):
    def __init__(self, channel: Channel) -> None:
        super().__init__(logging.DEBUG)
        self._channel = channel

    def emit(self, record: logging.LogRecord) -> None:
        self._channel.send("log", record.name, record.levelno, record.getMessage())


def _work(
    channel: Channel,
    run: list[Page],
    claims: _Claims,
    config: MkDocsConfig,
    doc_files: Sequence[File],
    nav: Navigation,
    env: jinja2.Environment,
    in_worker: Callable[[Channel], None],
) -> None:
    handler = _LogToBuild(channel)
    logging.getLogger().handlers = [handler]
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.handlers, mkdocs_log.propagate = [handler], False
    current = ""
    try:
        in_worker(channel)
        while (position := claims.take_next()) is not None:
            page = run[position]
            current = page.file.src_uri
            _build_page(page, config, doc_files, nav, env)
            links = None if page.links_to_anchors is None else {file.src_uri: found for file, found in page.links_to_anchors.items()}
            channel.send("page", current, page.present_anchor_ids, links)
        channel.send("done")
    except BaseException as error:  # reported to the build, which fails with it
        detail = str(error) or "".join(traceback.format_exception_only(error)).strip()
        channel.send("failed", f"Siden '{current}' kunne ikke bygges: {detail}")
    finally:
        channel.close()
        sys.stdout.flush()
        sys.stderr.flush()


def _listen(worker: _Worker, feed: SearchFeed) -> None:
    while True:
        try:
            message = worker.reader.recv()
        except (EOFError, OSError):
            return
        kind = message[0]
        if kind == "log":
            _, name, level, text = message
            logging.getLogger(name).log(level, "%s", text)
        elif kind == "search":
            feed.put(message[1], message[2])
        elif kind == "page":
            worker.anchors[message[1]] = (message[2], message[3])
        elif kind == "failed":
            worker.failure = message[1]
        elif kind == "done":
            worker.done = True


class _QuietAboutWorkers(logging.Filter):
    """Two lines of MkDocs' log that would mislead: "Page skipped … Generated empty output" for each
    page a worker writes (it was not skipped), and, when a worker failed, "Error building page" naming
    the build's last page (the worker's own line names the page, and the build's error says it again)."""

    def __init__(self, workers: PageWorkers) -> None:
        super().__init__()
        self._workers = workers

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if message.startswith("Page skipped: '"):
            return not self._workers.elsewhere(message[len("Page skipped: '") :].split("'", 1)[0])
        return not (self._workers.failed and message.startswith("Error building page"))
