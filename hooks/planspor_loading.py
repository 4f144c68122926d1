"""Load the plan and make its pages in a forked process, so the build never holds the model.

Loading and validating the plan and making every page's data creates millions of small objects.
Freed, they leave the build's heap fragmented: at 10,000 items the build kept about 300 MB it no
longer used while Pagefind, at the very end, needed most of a gigabyte to write the index. So a
build (not the preview, which keeps its model between rebuilds) forks once, the child loads the
project, forks a helper that makes the part of the pages computed over the whole plan (the open
data, the feeds, the charts: planspor.pages.SOURCE_PARTS) while it makes the rest, and both send
each page's packed text back over a pipe of their own, and exit; the build receives only the
texts, long strings that are handed back to the system as soon as each page is written.

What the child finds wrong with the plan comes back as the same problems, so the build fails with
the same Danish message. Linux only (fork), like the workers; elsewhere the build loads itself.

The loading child reads the plan in a child of its own (`made_elsewhere`) and receives the plan
pickled. Composing 10,000 items' YAML makes about 400 MB of nodes and located values that die
once the 50 MB model exists, but they leave every arena of Python's allocator partly used, so
the memory is never handed back; and the loading child's helper, forked after it, shares and
copies that heap. A plan made elsewhere arrives as one compact heap: at 10,000 items the loading
child then holds about 120 MB instead of 460 MB.
"""

from __future__ import annotations

import gc
import os
import pickle
import sys
import traceback
from collections.abc import Callable, Iterable, Sequence
from multiprocessing.connection import Connection, Pipe, wait
from typing import NoReturn, TypeVar

from mkdocs.exceptions import PluginError

from planspor.problems import PlanInvalid, Problem

_PAGE, _INVALID, _FAILED, _DONE = b"P", b"I", b"F", b"D"
STOPPED = "Planen blev indlæst i en proces for sig, og den stoppede uventet; sæt PLANSPOR_WORKERS=0 for at bygge i én proces."

T = TypeVar("T")


def load_elsewhere(load: Callable[[], T], parts: Sequence[Callable[[T], Iterable[bytes]]]) -> list[bytes]:
    """The packed pages of every part, made in forked processes: the first runs `load`, then forks
    one more for each further part, so the parts are made side by side. Raises PlanInvalid as
    `load` or a part would; the pages come in no particular order."""
    pipes = [Pipe(duplex=False) for _ in parts]
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        for reader, _ in pipes:
            reader.close()
        _load_and_make(load, parts, [writer for _, writer in pipes])
    for _, writer in pipes:
        writer.close()
    readers = [reader for reader, _ in pipes]
    try:
        return _receive(readers)
    finally:
        for reader in readers:
            reader.close()
        os.waitpid(pid, 0)


def made_elsewhere(make: Callable[[], T]) -> T:
    """What `make` returns, made in a forked child and received pickled (see the module's docstring).
    Raises PlanInvalid as `make` would; a failure of the child fails the build with what it saw."""
    reader, writer = Pipe(duplex=False)
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        reader.close()
        gc.disable()
        try:
            try:
                message = _PAGE + pickle.dumps(make(), protocol=pickle.HIGHEST_PROTOCOL)
            except PlanInvalid as error:
                message = _INVALID + pickle.dumps(error.problems)
            except BaseException:
                message = _FAILED + traceback.format_exc().encode("utf-8", "replace")
            writer.send_bytes(message)
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(0)
    writer.close()
    try:
        message = reader.recv_bytes()
    except EOFError:
        raise PluginError(STOPPED) from None
    finally:
        reader.close()
        os.waitpid(pid, 0)
    tag, body = message[:1], message[1:]
    if tag == _PAGE:
        return pickle.loads(body)  # type: ignore[no-any-return]
    if tag == _INVALID:
        raise PlanInvalid(pickle.loads(body))
    raise PluginError(f"Planen kunne ikke indlæses:\n{body.decode('utf-8', 'replace')}")


def _load_and_make(load: Callable[[], T], parts: Sequence[Callable[[T], Iterable[bytes]]], writers: list[Connection]) -> NoReturn:
    """The loading child: never returns. It makes millions of objects and exits: no collecting."""
    gc.disable()
    try:
        try:
            loaded = load()
        except PlanInvalid as error:
            writers[0].send_bytes(_INVALID + pickle.dumps(error.problems))
            raise SystemExit from None
        except BaseException:
            writers[0].send_bytes(_FAILED + traceback.format_exc().encode("utf-8", "replace"))
            raise SystemExit from None
        helpers = []
        for index in range(1, len(parts)):
            sys.stdout.flush()
            sys.stderr.flush()
            helper = os.fork()
            if helper == 0:
                for other, writer in enumerate(writers):
                    if other != index:
                        writer.close()
                _send(parts[index](loaded), writers[index])
                os._exit(0)
            helpers.append(helper)
        for writer in writers[1:]:
            writer.close()
        _send(parts[0](loaded), writers[0])
        for helper in helpers:  # waited for, so the build's memory is counted with its helpers'
            os.waitpid(helper, 0)
    except BaseException:
        pass
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)


def _send(pages: Iterable[bytes], writer: Connection) -> None:
    try:
        for page in pages:
            writer.send_bytes(_PAGE + page)
        writer.send_bytes(_DONE)
    except PlanInvalid as error:
        writer.send_bytes(_INVALID + pickle.dumps(error.problems))
    except BaseException:  # a bug: the build shows what the child saw
        writer.send_bytes(_FAILED + traceback.format_exc().encode("utf-8", "replace"))
    finally:
        writer.close()


def _receive(readers: list[Connection]) -> list[bytes]:
    pages: list[bytes] = []
    pending, finished = list(readers), 0
    problems: list[Problem] | None = None
    failure: str | None = None
    while pending:
        for ready in wait(pending):
            assert isinstance(ready, Connection)
            try:
                message = ready.recv_bytes()
            except EOFError:
                pending.remove(ready)
                continue
            tag, body = message[:1], message[1:]
            if tag == _PAGE:
                pages.append(body)
                continue
            pending.remove(ready)
            if tag == _DONE:
                finished += 1
            elif tag == _INVALID:
                problems = pickle.loads(body)
            else:
                failure = body.decode("utf-8", "replace")
    if problems is not None:
        raise PlanInvalid(problems)
    if failure is not None:
        raise PluginError(f"Planen kunne ikke indlæses:\n{failure}")
    if finished < len(readers):
        raise PluginError(STOPPED)
    return pages
