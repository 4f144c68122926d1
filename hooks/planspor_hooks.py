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

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, file_sort_key
from mkdocs.structure.pages import Page

from planspor import addresses
from planspor.buildinfo import build_stamp
from planspor.pages import PageSource, problem_pages, site_sources
from planspor.problems import PlanInvalid, format_problems
from planspor.project import NOTES_DIR, collector_paused, load_project
from planspor.search_index import BackgroundSearchIndex, SearchIndexError

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


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


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
    handed = _hand_over(files, config, sources)
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


def _hand_over(files: Files, config: MkDocsConfig, sources: list[PageSource]) -> Files:
    generated = {source.src_uri for source in sources}
    _generated.clear()
    _generated.update((source.src_uri, source) for source in sources if source.meta is not None)
    kept = [file for file in files if not (file.src_uri.startswith(NOTES_DIR + "/") or file.src_uri in generated or _unused_theme_search(file, config))]
    added = [File.generated(config, source.src_uri, content=source.text) for source in sources]
    # In the order MkDocs gives a folder of files (and Pagefind's command line
    # its pages): pages render, and are indexed, in address order.
    return Files(sorted(kept + added, key=file_sort_key))


# Material ships its own search (lunr and a worker) with every site; Planspor
# searches with Pagefind, so without Material's search plugin they are never
# loaded: 1.2 MB that would only be published.
MATERIAL_SEARCH_FILES = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")


def _unused_theme_search(file: File, config: MkDocsConfig) -> bool:
    return "search" not in config.plugins and not file.is_documentation_page() and file.src_uri.startswith(MATERIAL_SEARCH_FILES)


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    """For a generated page, MkDocs reads the same meta and Markdown that its text holds."""
    source = _generated.get(page.file.src_uri)
    if source is None or source.meta is None:
        return page
    meta, markdown = source.meta, source.markdown

    def read_source(config: MkDocsConfig) -> None:
        page.markdown, page.meta = markdown, meta

    page.read_source = read_source  # type: ignore[method-assign]
    return page


def on_pre_build(config: MkDocsConfig) -> None:
    global _search_index
    _search_index = BackgroundSearchIndex()


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if _search_index is not None:
        _search_index.add(output, "/" + page.url)
    # The page is rendered and about to be written; nothing reads its HTML
    # body again. Letting it go keeps a 10,000-item build's memory down while
    # Pagefind indexes beside it.
    page.content = None
    return output


def on_post_build(config: MkDocsConfig) -> None:
    """Write the Pagefind index (Danish stemming) into site/pagefind/."""
    global _search_index
    gc.unfreeze()
    index, _search_index = _search_index, None
    if index is None:
        return
    try:
        index.write(Path(config.site_dir) / "pagefind")
    except SearchIndexError as error:
        raise PluginError(f"Søgeindekset kunne ikke bygges (pagefind): {error}") from None


def on_build_error(error: Exception) -> None:
    global _search_index
    if _search_index is not None:
        _search_index.close()
        _search_index = None
