"""Load the plan and make its pages in a forked process, so the build never holds the model.

Loading and validating the plan and making every page's data creates millions of small objects.
Freed, they leave the build's heap fragmented: at 10,000 items the build kept about 300 MB it no
longer used while Pagefind, at the very end, needed most of a gigabyte to write the index. So a
build (not the preview, which keeps its model between rebuilds) forks once, the child loads the
project and sends each page's packed text back over a pipe, and exits; the build receives only
the texts, long strings that are handed back to the system as soon as each page is written.

What the child finds wrong with the plan comes back as the same problems, so the build fails with
the same Danish message. Linux only (fork), like the workers; elsewhere the build loads itself.
"""

from __future__ import annotations

import os
import pickle
import sys
import traceback
from collections.abc import Callable, Iterable
from multiprocessing.connection import Pipe

from mkdocs.exceptions import PluginError

from planspor.problems import PlanInvalid

_PAGE, _INVALID, _FAILED, _DONE = b"P", b"I", b"F", b"D"


def load_elsewhere(make_pages: Callable[[], Iterable[str]]) -> list[str]:
    """The packed pages `make_pages` yields, made in a forked child; raises PlanInvalid as it would."""
    reader, writer = Pipe(duplex=False)
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        reader.close()
        try:
            for page in make_pages():
                writer.send_bytes(_PAGE + page.encode("utf-8", "surrogatepass"))
            writer.send_bytes(_DONE)
        except PlanInvalid as error:
            writer.send_bytes(_INVALID + pickle.dumps(error.problems))
        except BaseException:  # a bug: the build shows what the child saw
            writer.send_bytes(_FAILED + traceback.format_exc().encode("utf-8", "replace"))
        finally:
            writer.close()
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(0)
    writer.close()
    pages: list[str] = []
    try:
        while True:
            try:
                message = reader.recv_bytes()
            except EOFError:
                raise PluginError(
                    "Planen blev indlæst i en proces for sig, og den stoppede uventet; sæt PLANSPOR_WORKERS=0 for at bygge i én proces."
                ) from None
            tag, body = message[:1], message[1:]
            if tag == _PAGE:
                pages.append(body.decode("utf-8", "surrogatepass"))
            elif tag == _DONE:
                return pages
            elif tag == _INVALID:
                raise PlanInvalid(pickle.loads(body))
            else:
                raise PluginError(f"Planen kunne ikke indlæses:\n{body.decode('utf-8', 'replace')}")
    finally:
        reader.close()
        os.waitpid(pid, 0)
