"""The preview's side of the hooks: files it writes again only when changed, changes noticed sooner,
and the theme's folders listed once.

``planspor.preview`` decides which pages changed; this module tells MkDocs, whose `--dirty`
rebuild writes only the files whose ``is_modified`` says so.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable

import jinja2
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File
from mkdocs.theme import Theme
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


def rebuild_soon(server: LiveReloadServer) -> None:
    """Ask for one more build, as a saved file does (MkDocs' watch callback: the same condition and flag)."""
    with server._rebuild_cond:
        server._want_rebuild = True
        server._rebuild_cond.notify_all()


class ThemeListing:
    """The theme's folders listed once per preview session, the project's own overrides on every rebuild.

    Each build lists every file in the theme's folders to find its static files (MkDocs'
    ``Files.add_files_from_theme``); Material's hold some 14,000, nearly all icons under ``.icons``,
    about a fifth of a second of each rebuild. Material's own change only when it is reinstalled,
    which restarts the preview. The listing leaves out files in folders whose name begins with a
    dot: MkDocs' filter there ('.*', '*/.*') leaves them out too, so the same static files are found.
    """

    def __init__(self) -> None:
        self._listed: dict[str, list[str]] = {}

    def install(self, theme: Theme) -> None:
        """Make the theme's next environments list its own folders from memory (theme: this build's, from mkdocs.yml)."""
        make_env = theme.get_env
        fixed = [folder for folder in theme.dirs if folder != theme.custom_dir]

        def get_env() -> jinja2.Environment:
            env = make_env()
            env.loader = _RememberingLoader(theme.dirs, fixed, self._listed)
            return env

        theme.get_env = get_env  # type: ignore[method-assign]


class _RememberingLoader(jinja2.FileSystemLoader):
    def __init__(self, searchpath: list[str], fixed: Iterable[str], listed: dict[str, list[str]]) -> None:
        super().__init__(searchpath)
        self._fixed = set(fixed)
        self._listed = listed

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for folder in self.searchpath:
            if folder not in self._fixed:
                found.update(jinja2.FileSystemLoader(folder).list_templates())
                continue
            if folder not in self._listed:
                names = jinja2.FileSystemLoader(folder).list_templates()
                self._listed[folder] = [name for name in names if not _in_dot_folder(name)]
            found.update(self._listed[folder])
        return sorted(found)


def _in_dot_folder(name: str) -> bool:
    return any(part.startswith(".") for part in name.split("/")[:-1])
