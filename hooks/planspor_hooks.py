"""MkDocs hooks: hand Planspor's generated pages to MkDocs, then index the site.

Thin by design. Loading, validating and shaping the plan into page sources
happens in the ``planspor`` package, which knows nothing about MkDocs; this
module only adapts it (``File.generated`` in ``on_files``) and runs Pagefind
after the build.
"""

from __future__ import annotations

import functools
import gc
import itertools
import logging
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import jinja2
import planspor_markdown  # hooks/planspor_*.py: MkDocs puts this folder on sys.path while it imports the hooks
import planspor_serve
import planspor_templates
import planspor_workers
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files, file_sort_key
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import clean_directory
from planspor_loading import load_elsewhere, made_elsewhere
from planspor_pending import PendingPage, Received, packed, packing, return_free_memory, unpacked
from planspor_serve import PreviewFile, ThemeListing, dirty_warning
from planspor_workers import Channel, PageWorkers

from planspor import addresses
from planspor.buildinfo import build_stamp
from planspor.document_checks import CheckedDocuments
from planspor.pages import SOURCE_PARTS, PageSource, SourcePart, iter_site_sources, plan_files, problem_pages
from planspor.pages_snapshots import snapshot_pages
from planspor.preview import LaterSnapshots, PlanFilesMemo, PlanMemo, PreviewMemory, site_fingerprint
from planspor.problems import PlanInvalid, format_problems
from planspor.project import NOTES_DIR, PLAN_FILE, Project, collector_paused, load_plan, load_project
from planspor.search_index import BackgroundSearchIndex, InAddressOrder, IndexAfterBuild, SearchIndexError, searchable_part

log = logging.getLogger("mkdocs.hooks.planspor")

# `mkdocs serve` keeps running while an editor works: a broken plan must show
# its problems in the browser and recover by itself once fixed. These hold
# the serve session's state; a plain build never uses them.
_serving = False
_config_file: Path | None = None  # the mkdocs.yml being built: its Markdown renders the notes when they are checked
_last_good_uris: set[str] = set()


# The pages handed over in on_files, by source path, and the files MkDocs
# renders them among. The front matter is read with json, not MkDocs'
# pure-Python YAML (the largest single cost of a 10,000-item build).
_generated: dict[str, PendingPage] = {}
_files: Files | None = None
_nav: Navigation | None = None
# Pagefind, fed each page as it is written; in a worker, the pipe to the build that feeds it.
_search_index: BackgroundSearchIndex | InAddressOrder | Channel | None = None
# A build of many pages renders a share of the item pages in forked workers (planspor_workers);
# the build waits for them once it has written its own last page.
_workers: PageWorkers | None = None
_next_page: dict[str, Page] = {}
_last_page = ""
# The preview (`mkdocs serve --dirty`, what `python3 dev.py serve` runs)
# renders only the pages whose source changed, and makes the search index on
# a thread after the reload: see planspor.preview.
_dirty = False
_preview = PreviewMemory()
_plans = PlanMemo()
_checked_documents = CheckedDocuments()
_plan_files = PlanFilesMemo(plan_files)
_snapshots = LaterSnapshots(snapshot_pages)
_server: LiveReloadServer | None = None  # to ask for the build that makes the snapshots after an edit's
_theme_listing = ThemeListing()
_preview_search: IndexAfterBuild | None = None


def on_startup(command: str, dirty: bool) -> None:
    global _serving, _dirty
    _serving = command == "serve"
    _dirty = _serving and dirty
    if _dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(dirty_warning)


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
    global _server
    _server = planspor_serve.notice_changes_sooner(server)
    return _server


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not config.use_directory_urls:
        raise PluginError("Planspor kræver use_directory_urls: true i mkdocs.yml (sidernes adresser er en del af kontrakten).")
    if config.repo_url:
        raise PluginError("Fjern repo_url fra mkdocs.yml: Material ville så kalde værtens API fra hver besøgendes browser. Brug extra.edit_base_url.")
    global _config_file
    _config_file = Path(config.config_file_path) if config.config_file_path else None
    config.extra["planspor_links"] = addresses.site_links()  # what the templates' chrome links to
    config.extra["planspor_guide_anchors"] = addresses.GUIDE_MOVED_ANCHORS  # the one-page guide's anchors, on its pages now
    config.extra["planspor_build"] = build_stamp(Path(config.config_file_path).parent, str(config.extra.get("repository_url") or ""))
    if _dirty:
        _theme_listing.install(config.theme)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    project_root = Path(config.config_file_path).parent
    try:
        sources = _site_sources(project_root, Path(config.docs_dir), config.site_url or "", Path(config.site_dir))
    except PlanInvalid as error:
        if not _serving:
            raise PluginError(str(error)) from None
        # Printed, not logged: MkDocs' strict mode would turn a logged error
        # into an aborted rebuild, and the browser would keep the old page.
        print(f"\n{format_problems(error.problems)}\n", file=sys.stderr, flush=True)
        pages = {f.src_uri for f in files.documentation_pages() if not f.src_uri.startswith(NOTES_DIR + "/")}
        handed, _ = _hand_over(files, config, problem_pages(error.problems, _last_good_uris | _nav_uris(config.nav) | pages))
    else:
        with collector_paused():
            handed, uris = _hand_over(files, config, sources)
        _last_good_uris.clear()
        _last_good_uris.update(uris)
    # The page sources live until the build ends: keep the collector from
    # rescanning them while MkDocs renders every page.
    if not _dirty:
        gc.collect()
        gc.freeze()
    return handed


def _site_sources(root: Path, docs_dir: Path, site_url: str, site_dir: Path) -> Iterable[PageSource] | Iterable[Received]:
    """Every page's source. A build makes them in a forked child where it can (planspor_loading),
    else one page's data at a time here (see `packed`), its files written into ``site_dir`` as they
    are made; the preview with the plan it remembers."""
    if not _serving and planspor_workers.may_fork():
        parts = [functools.partial(_packed_part, site_url=site_url, part=part, site_dir=site_dir) for part in SOURCE_PARTS]
        return unpacked(load_elsewhere(lambda: _load_with_plan_made_elsewhere(root, docs_dir), parts))
    with collector_paused():
        project = _load(root, docs_dir)
        if _dirty:
            return list(iter_site_sources(project, site_url, files_of=_plan_files, snapshots_of=_snapshots))
        return unpacked(packed(iter_site_sources(project, site_url), None if _serving else site_dir))


def _load_with_plan_made_elsewhere(root: Path, docs_dir: Path) -> Project:
    """The project, its plan made in a child of its own (see planspor_loading.made_elsewhere). An
    invalid plan is loaded again here, so its problems come with those of the notes, as in check."""
    try:
        plan = made_elsewhere(lambda: load_plan(root))
    except PlanInvalid:
        return load_project(root, docs_dir, site_config=_config_file)
    return load_project(root, docs_dir, plan=plan, site_config=_config_file)


def _packed_part(project: Project, site_url: str, part: SourcePart, site_dir: Path) -> Iterator[bytes]:
    return packing(iter_site_sources(project, site_url, part), site_dir)


def _load(root: Path, docs_dir: Path) -> Project:
    """The project; in the preview, with the plan of the last build when data/plan.yaml is unchanged,
    and the last check of the notes and pages when nothing they are checked against changed."""
    if not _dirty:
        return load_project(root, docs_dir, site_config=_config_file)
    try:
        text = (root / PLAN_FILE).read_bytes()
    except OSError:
        return load_project(root, docs_dir, site_config=_config_file)
    project = load_project(root, docs_dir, plan=_plans.recall(text), site_config=_config_file, checked=_checked_documents)
    _plans.remember(text, project.plan)
    return project


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
    pages = {source.src_uri for source in sources} | {file.src_uri for file in files.documentation_pages() if not file.src_uri.startswith(NOTES_DIR + "/")}
    config_file = Path(config.config_file_path) if config.config_file_path else None
    # The project's own templates; Material's change only when it is reinstalled, which restarts the preview.
    overrides = [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
    fingerprint = site_fingerprint(config_file, overrides, dict(config.extra), pages)
    if _preview.begin(fingerprint):  # forgets every page's text: each one counts as changed below
        clean_directory(config.site_dir)
    return {source.src_uri for source in sources if _preview.changed(source.src_uri, source.text)}


def _hand_over(files: Files, config: MkDocsConfig, sources: Iterable[PageSource] | Iterable[Received]) -> tuple[Files, set[str]]:
    """The files MkDocs builds: the generated ones (each page kept as its text only, see
    PendingPage) and the project's own that are not folded into them."""
    global _files
    changed: set[str] | None = None
    if _dirty:
        listed = [source for source in sources if isinstance(source, PageSource)]
        changed = _changed_since_last_preview(files, config, listed)
        sources = listed
    _generated.clear()
    added = []
    for source in sources:
        received = source if isinstance(source, Received) else Received.of(source)
        if received.page is not None:
            _generated[received.src_uri] = received.page
        added.append(_generated_file(config, received, changed))
    generated = {file.src_uri for file in added}
    kept = [file for file in files if not (file.src_uri.startswith(NOTES_DIR + "/") or file.src_uri in generated or _unused_theme_search(file, config))]
    # In the order MkDocs gives a folder of files (and Pagefind's command line
    # its pages): pages render, and are indexed, in address order.
    _files = Files(sorted(kept + added, key=file_sort_key))
    return _files, generated


def _generated_file(config: MkDocsConfig, received: Received, changed: set[str] | None) -> File:
    """A generated file for MkDocs. A page's text stays with its PendingPage (on_pre_page reads it from
    there), so the file holds none; a file written by its maker is copied onto itself, which MkDocs
    leaves be ("Let plugins write directly into site_dir")."""
    if received.written:
        return File.generated(config, received.src_uri, abs_src_path=str(Path(config.site_dir) / received.src_uri))
    text = received.text if received.page is None else ""
    if changed is None:
        return File.generated(config, received.src_uri, content=text)
    file = PreviewFile.generated(config, received.src_uri, content=text)
    assert isinstance(file, PreviewFile)
    file.planspor_modified = received.src_uri in changed
    return file


# Material ships its own search (lunr and a worker) with every site; Planspor
# searches with Pagefind, so without Material's search plugin they are never
# loaded: 1.2 MB that would only be published.
MATERIAL_SEARCH_FILES = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")


def _unused_theme_search(file: File, config: MkDocsConfig) -> bool:
    return "search" not in config.plugins and not file.is_documentation_page() and file.src_uri.startswith(MATERIAL_SEARCH_FILES)


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    global _nav
    _nav = nav
    return nav


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    """A generated page is read and rendered only when its turn to be written comes (on_page_context).

    MkDocs renders every page's Markdown before it writes the first; a generated page holds
    all its data in its front matter, so at 10,000 items that would hold every page's data and
    HTML at once. Until its turn, MkDocs sees the template and the title, all it reads before.
    """
    pending = _generated.get(page.file.src_uri)
    if pending is None:
        planspor_markdown.use_shared_markdown(page)  # an editor's page, rendered now as MkDocs does
        return page

    head = pending.head  # not the page's text: these stay with the page until the build ends

    def read_source(config: MkDocsConfig) -> None:
        page.markdown, page.meta = "", dict(head)

    def render_later(config: MkDocsConfig, files: Files) -> None:
        page.content = ""

    page.read_source = read_source  # type: ignore[method-assign]
    page.render = render_later  # type: ignore[method-assign]
    return page


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    """Now the page is written: read its front matter and render its Markdown, as MkDocs would have."""
    pending = _generated.get(page.file.src_uri)
    if pending is None or _files is None or (_workers is not None and _workers.elsewhere(page.file.src_uri)):
        return context
    page.meta, page.markdown = pending.read()
    planspor_markdown.render(page, config, _files)
    page.content = config.plugins.on_page_content(page.content or "", page=page, config=config, files=_files)
    return context


def on_pre_build(config: MkDocsConfig) -> None:
    global _search_index, _preview_search, _workers
    if _preview_search is not None:
        _preview_search.cancel()
        _preview_search = None
    _search_index, _workers = None, None


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """Every page is read: fork the workers (a build of many pages), then start Pagefind."""
    global _search_index, _workers, _last_page
    planspor_templates.prepare(env, _serving)
    if _serving:
        return env
    pages = [file.page for file in files.documentation_pages() if file.page is not None]
    count = planspor_workers.worker_count(len(_generated))
    run = planspor_workers.longest_run(pages, set(_generated)) if count else []
    if run and _nav is not None:
        return_free_memory()  # what making the sources left free, before the workers would share it
        _workers = PageWorkers.fork(run, count, config, files, _nav, env, _in_worker)
    # After the forks: Pagefind's reader is a thread, and a fork copies only the thread that calls it.
    index = BackgroundSearchIndex()
    if _workers is None:
        _search_index = index
        return env
    ordered = InAddressOrder(index, ["/" + page.url for page in pages])
    _search_index = ordered
    _workers.listen(ordered)
    _next_page.clear()
    _next_page.update((page.file.src_uri, following) for page, following in itertools.pairwise(pages))
    _last_page = pages[-1].file.src_uri
    _workers.coming(pages[0])
    return env


def _in_worker(channel: Channel) -> None:
    global _search_index, _workers
    _search_index, _workers = channel, None


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    elsewhere = _workers is not None and _workers.elsewhere(page.file.src_uri)
    if _search_index is not None and not elsewhere:
        _search_index.add(output, "/" + page.url)
    elif _serving and (searchable := searchable_part(output)) is not None:
        _preview.searchable["/" + page.url] = searchable
    # The page is rendered and about to be written; nothing reads its body,
    # Markdown or front matter again (only the title, for the navigation).
    # Letting them go is what leaves room for Pagefind's index at the end.
    page.content = None
    if not _serving and _generated.pop(page.file.src_uri, None) is not None:
        page.markdown = ""
        page.meta = {"title": page.meta["title"]} if "title" in page.meta else {}
        page.file.content_string = ""  # the page's text: the same front matter and Markdown once more
    if _workers is not None:
        if (following := _next_page.get(page.file.src_uri)) is not None:
            _workers.coming(following)
        elif page.file.src_uri == _last_page:
            _workers.join()  # before MkDocs checks the links to anchors, some of them on the workers' pages
    return output


def on_post_build(config: MkDocsConfig) -> None:
    """Write the Pagefind index (Danish stemming) into site/pagefind/; the preview's a moment later."""
    global _search_index, _preview_search
    gc.unfreeze()
    if _serving:
        _preview_search = IndexAfterBuild(_preview.searchable, Path(config.site_dir) / "pagefind")
        if _dirty and _server is not None and _snapshots.ask_once():
            planspor_serve.rebuild_soon(_server)  # the snapshots, made anew (LaterSnapshots)
        return
    index, _search_index = _search_index, None
    if _workers is not None:
        _workers.forget()
    if index is None or isinstance(index, Channel):
        return
    # Pagefind needs most of its memory at the very end, to write the index: the build's own should be gone by then.
    global _files
    _generated.clear()
    _files = None
    gc.collect()
    return_free_memory()
    try:
        index.write(Path(config.site_dir) / "pagefind")
    except SearchIndexError as error:
        raise PluginError(f"Søgeindekset kunne ikke bygges (pagefind): {error}") from None


def on_build_error(error: Exception) -> None:
    global _search_index, _workers
    _preview.forget()
    if _workers is not None:
        _workers.stop()
        _workers = None
    if _search_index is not None:
        _search_index.close()
        _search_index = None
