"""The preview's side of the hooks: files it writes again only when changed, and changes noticed sooner.

``planspor.preview`` decides which pages changed; this module tells MkDocs, whose `--dirty`
rebuild writes only the files whose ``is_modified`` says so.
"""

from __future__ import annotations

import logging
import os

from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File
from watchdog.observers.polling import PollingObserver


class PreviewFile(File):
    """A generated file that the preview writes again only when its text changed."""

    planspor_modified = True

    def is_modified(self) -> bool:
        return self.planspor_modified or not os.path.isfile(self.abs_dest_path)


def dirty_warning(record: logging.LogRecord) -> bool:
    """MkDocs warns on every `--dirty` build; strict mode would count it and abort. The preview rebuilds
    everything whenever a page could be affected by another (see planspor.preview), so the warning does not apply."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def notice_changes_sooner(server: LiveReloadServer) -> LiveReloadServer:
    """Notice a saved file within a tenth of a second, not MkDocs' half (polling: it works on every file system)."""
    watched = list(server._watched_paths)
    server.observer = PollingObserver(timeout=0.1)
    server._watched_paths.clear()
    server._watch_refs.clear()
    for path in watched:
        server.watch(path)
    return server
