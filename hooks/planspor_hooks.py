"""MkDocs hooks: hand Planspor's generated pages to MkDocs, then index the site.

Thin by design. Loading, validating and shaping the plan into page sources
happens in the ``planspor`` package, which knows nothing about MkDocs; this
module only adapts it (``File.generated`` in ``on_files``) and runs Pagefind
after the build.
"""

from __future__ import annotations

import gc
import logging
import sys
from pathlib import Path
from typing import Any

import jinja2
import planspor_markdown  # hooks/planspor_*.py: MkDocs puts this folder on sys.path while it imports the hooks
import planspor_partials
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files, file_sort_key
from mkdocs.structure.pages import Page
from mkdocs.utils import clean_directory
from watchdog.observers.polling import PollingObserver

from planspor import addresses
from planspor.buildinfo import build_stamp
from planspor.pages import PageSource, problem_pages, site_sources
from planspor.preview import PreviewMemory, dest_exists, site_fingerprint
from planspor.problems import PlanInvalid, format_problems
from planspor.project import NOTES_DIR, collector_paused, load_project
from planspor.search_index import BackgroundSearchIndex, IndexAfterBuild, SearchIndexError, searchable_part

log = logging.getLogger("mkdocs.hooks.planspor")

# `mkdocs serve` keeps running while an editor works: a broken plan must show
# its problems in the browser and recover by itself once fixed. These hold
# the serve session's state; a plain build never uses them.
_serving = False
_last_good_uris: set[str] = set()
# The pages handed over in on_files, by source path: their front matter is
# already data, so MkDocs need not parse it again (pure-Python YAML, the
# largest single cost of a 10,000-item build).
_generated: dict[str, PageSource] = {}
_search_index: BackgroundSearchIndex | None = None
# The preview (`mkdocs serve --dirty`, what `python3 dev.py serve` runs)
# renders only the pages whose source changed, and makes the search index on
# a thread after the reload: see planspor.preview.
_dirty = False
_preview = PreviewMemory()
_preview_search: IndexAfterBuild | None = None


class _BytecodeInMemory(jinja2.BytecodeCache):
    """The compiled templates, kept between the preview's rebuilds (MkDocs makes a new Jinja environment each time).

    Jinja checks each template's source against its checksum, so an edited template is compiled again.
    """

    def __init__(self) -> None:
        self._codes: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if (code := self._codes.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._codes[bucket.key] = bucket.bytecode_to_string()


_templates = _BytecodeInMemory()


class _PreviewFile(File):
    """A generated file that the preview writes again only when its text changed."""

    planspor_modified = True

    def is_modified(self) -> bool:
        return self.planspor_modified or not dest_exists(self.abs_dest_path)


def _dirty_warning(record: logging.LogRecord) -> bool:
    """MkDocs warns on every `--dirty` build; strict mode would count it and abort. The preview rebuilds
    everything whenever a page could be affected by another (see planspor.preview), so the warning does not apply."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def on_startup(command: str, dirty: bool) -> None:
    global _serving, _dirty
    _serving = command == "serve"
    _dirty = _serving and dirty
    if _dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(_dirty_warning)


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    """Notice a saved file within a tenth of a second, not MkDocs' half (polling: it works on every file system)."""
    watched = list(server._watched_paths)
    server.observer = PollingObserver(timeout=0.1)
    server._watched_paths.clear()
    server._watch_refs.clear()
    for path in watched:
        server.watch(path)
    return server


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not config.use_directory_urls:
        raise PluginError("Planspor kræver use_directory_urls: true i mkdocs.yml (sidernes adresser er en del af kontrakten).")
    if config.repo_url:
        raise PluginError("Fjern repo_url fra mkdocs.yml: Material ville så kalde værtens API fra hver besøgendes browser. Brug extra.edit_base_url.")
    config.extra["planspor_links"] = addresses.site_links()  # what the templates' chrome links to
    config.extra["planspor_build"] = build_stamp(Path(config.config_file_path).parent, str(config.extra.get("repository_url") or ""))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    project_root = Path(config.config_file_path).parent
    try:
        with collector_paused():
            sources = site_sources(load_project(project_root, Path(config.docs_dir)), config.site_url or "")
    except PlanInvalid as error:
        if not _serving:
            raise PluginError(str(error)) from None
        # Printed, not logged: MkDocs' strict mode would turn a logged error
        # into an aborted rebuild, and the browser would keep the old page.
        print(f"\n{format_problems(error.problems)}\n", file=sys.stderr, flush=True)
        pages = {f.src_uri for f in files.documentation_pages() if not f.src_uri.startswith(NOTES_DIR + "/")}
        sources = problem_pages(error.problems, _last_good_uris | _nav_uris(config.nav) | pages)
    else:
        _last_good_uris.clear()
        _last_good_uris.update(source.src_uri for source in sources)
    handed = _hand_over(files, config, sources, _changed_since_last_preview(files, config, sources) if _dirty else None)
    # The model and the page sources live until the build ends: keep the
    # collector from rescanning them while MkDocs renders every page.
    gc.collect()
    gc.freeze()
    return handed


def _nav_uris(nav: object) -> set[str]:
    """Every page the navigation names, so the first preview has them all."""
    if isinstance(nav, str):
        return {nav} if nav.endswith(".md") else set()
    if isinstance(nav, dict):
        return set().union(*(_nav_uris(value) for value in nav.values()))
    if isinstance(nav, list):
        return set().union(*(_nav_uris(entry) for entry in nav))
    return set()


def _changed_since_last_preview(files: Files, config: MkDocsConfig, sources: list[PageSource]) -> set[str]:
    """The generated files whose text changed since the preview's last build; all of them (from an
    emptied site folder) when anything every page is made from changed."""
    generated = {source.src_uri for source in sources}
    pages = generated | {file.src_uri for file in files.documentation_pages() if not file.src_uri.startswith(NOTES_DIR + "/")}
    config_file = Path(config.config_file_path) if config.config_file_path else None
    # The project's own templates; Material's change only when it is reinstalled, which restarts the preview.
    overrides = [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
    fingerprint = site_fingerprint(config_file, overrides, dict(config.extra), pages)
    changed = {source.src_uri for source in sources if _preview.changed(source.src_uri, source.text)}
    if _preview.begin(fingerprint):
        clean_directory(config.site_dir)
        for source in sources:
            _preview.changed(source.src_uri, source.text)
        return generated
    return changed


def _hand_over(files: Files, config: MkDocsConfig, sources: list[PageSource], changed: set[str] | None) -> Files:
    generated = {source.src_uri for source in sources}
    _generated.clear()
    _generated.update((source.src_uri, source) for source in sources if source.meta is not None)
    kept = [file for file in files if not (file.src_uri.startswith(NOTES_DIR + "/") or file.src_uri in generated or _unused_theme_search(file, config))]
    added = [_generated_file(config, source, changed) for source in sources]
    # In the order MkDocs gives a folder of files (and Pagefind's command line
    # its pages): pages render, and are indexed, in address order.
    return Files(sorted(kept + added, key=file_sort_key))


def _generated_file(config: MkDocsConfig, source: PageSource, changed: set[str] | None) -> File:
    if changed is None:
        return File.generated(config, source.src_uri, content=source.text)
    file = _PreviewFile.generated(config, source.src_uri, content=source.text)
    assert isinstance(file, _PreviewFile)
    file.planspor_modified = source.src_uri in changed
    return file


# Material ships its own search (lunr and a worker) with every site; Planspor
# searches with Pagefind, so without Material's search plugin they are never
# loaded: 1.2 MB that would only be published.
MATERIAL_SEARCH_FILES = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")


def _unused_theme_search(file: File, config: MkDocsConfig) -> bool:
    return "search" not in config.plugins and not file.is_documentation_page() and file.src_uri.startswith(MATERIAL_SEARCH_FILES)


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    """Every page renders with one shared Markdown instance; a generated page's meta and Markdown are the ones its text holds."""
    planspor_markdown.use_shared_markdown(page)
    source = _generated.get(page.file.src_uri)
    if source is None or source.meta is None:
        return page
    meta, markdown = source.meta, source.markdown

    def read_source(config: MkDocsConfig) -> None:
        page.markdown, page.meta = markdown, meta

    page.read_source = read_source  # type: ignore[method-assign]
    return page


def on_pre_build(config: MkDocsConfig) -> None:
    global _search_index, _preview_search
    if _preview_search is not None:
        _preview_search.cancel()
        _preview_search = None
    if not _serving:
        _search_index = BackgroundSearchIndex()


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    if _serving:
        env.bytecode_cache = _templates
    planspor_partials.cache_navigation(env)
    return env


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if _search_index is not None:
        _search_index.add(output, "/" + page.url)
    elif _serving and (searchable := searchable_part(output)) is not None:
        _preview.searchable["/" + page.url] = searchable
    # The page is rendered and about to be written; nothing reads its HTML
    # body again. Letting it go keeps a 10,000-item build's memory down while
    # Pagefind indexes beside it.
    page.content = None
    return output


def on_post_build(config: MkDocsConfig) -> None:
    """Write the Pagefind index (Danish stemming) into site/pagefind/; the preview's a moment later."""
    global _search_index, _preview_search
    gc.unfreeze()
    if _serving:
        _preview_search = IndexAfterBuild(_preview.searchable, Path(config.site_dir) / "pagefind")
        return
    index, _search_index = _search_index, None
    if index is None:
        return
    try:
        index.write(Path(config.site_dir) / "pagefind")
    except SearchIndexError as error:
        raise PluginError(f"Søgeindekset kunne ikke bygges (pagefind): {error}") from None


def on_build_error(error: Exception) -> None:
    global _search_index
    _preview.forget()
    if _search_index is not None:
        _search_index.close()
        _search_index = None
