"""Load a Planspor project: the plan file, the item notes and the editors' pages.

Every problem in every file is collected before anything is reported, so an
editor fixes them all in one go.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from . import addresses, site_settings
from .buildinfo import reference_date
from .document_checks import (
    CONTENT_DIR,
    NOTES_DIR,
    CheckedDocuments,
    EditorPage,
    Note,
    check_documents,
    collision,
    nameable,
    orphan_problem,
)
from .former_ids import renamed
from .logo_file import logo_problems
from .markdown_source import MarkdownDoc, split_front_matter
from .model import Plan
from .note_anchors import site_renderer
from .note_markup import FILES_DIR
from .problems import PlanInvalid, Problem
from .validate import build_plan
from .yamlsource import ComposedYaml, SourceText, build_yaml, compose_yaml, parse_yaml, read_text

SITE_CONFIG = "mkdocs.yml"
PLAN_FILE = "data/plan.yaml"
MISSING_PLAN = (
    "Er du i projektets mappe? Planen skal ligge i data/plan.yaml i den mappe, hvor også mkdocs.yml og content/ ligger. "
    + "Kør planspor i den mappe, eller angiv den med --projekt."
)
# The folders whose files are named by an id in the plan: what a file there is, and what names its id.
ID_FOLDERS = {NOTES_DIR: ("Noter", "id"), **{folder: (files, ident) for folder, (_, files, ident) in addresses.ID_FOLDERS.items()}}
# Endings of files that are meant as text but are not read: only '<id>.md' is (.MD, .markdown and .txt are not).
TEXT_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".txt", ".text", ".docx", ".doc", ".rtf", ".odt")


@dataclass(frozen=True)
class Project:
    root: Path
    plan: Plan
    notes: dict[str, Note]
    pages: dict[str, EditorPage]


def load_plan(root: Path, plan_yaml: ComposedYaml | None = None) -> Plan:
    """The validated plan; from ``plan_yaml`` when the caller has read and composed data/plan.yaml already."""
    with collector_paused():
        composed = plan_yaml or compose_yaml(read_text(root / PLAN_FILE, PLAN_FILE, MISSING_PLAN))
        return build_plan(build_yaml(composed), PLAN_FILE, reference_date(root))


@contextmanager
def collector_paused() -> Iterator[None]:
    """Building the model creates millions of objects and no cycles worth collecting;
    Python's collector would rescan them again and again (measured: 7.3 s -> 2.6 s at 10,000 items)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_project(
    root: Path,
    content_dir: Path | None = None,
    plan_yaml: ComposedYaml | None = None,
    plan: Plan | None = None,
    site_config: Path | None = None,
    checked: CheckedDocuments | None = None,
) -> Project:
    """Load and validate everything, or raise PlanInvalid listing every problem (``plan_yaml``: see load_plan;
    ``plan``: the plan, validated already from the data/plan.yaml that is there now; ``site_config``: the
    mkdocs.yml whose Markdown renders the notes, root/mkdocs.yml unless given; ``checked``: the preview's
    memory of its last check of the notes and pages, reused when nothing it read has changed)."""
    content = content_dir or root / CONTENT_DIR
    problems: list[Problem] = []
    try:
        plan = plan or load_plan(root, plan_yaml)
    except PlanInvalid as error:
        problems += error.problems
    docs: dict[str, MarkdownDoc] = {}
    texts: dict[str, str] = {}
    for path in sorted(content.rglob("*.md")) if content.is_dir() else []:
        src_uri = path.relative_to(content).as_posix()
        display = f"{_display_dir(root, content)}{src_uri}"
        try:
            source = read_text(path, display)
            docs[src_uri], texts[src_uri] = split_front_matter(source), source.text
        except PlanInvalid as error:
            problems += error.problems
    problems += misnamed_files(content, _display_dir(root, content))
    problems += files_on_generated_addresses(content, _display_dir(root, content))
    if plan is None:
        problems += _orphan_notes(root, docs)
        raise PlanInvalid(problems)
    render = site_renderer(site_config or root / SITE_CONFIG)
    if checked is None:
        notes, pages = check_documents(plan, docs, problems, render, content)
    else:
        notes, pages, document_problems = checked.check(plan, docs, texts, render, content)
        problems += document_problems
    problems += logo_problems(plan.info.logo, content, PLAN_FILE)
    problems += _site_setting_problems(site_config or root / SITE_CONFIG)
    if problems:
        raise PlanInvalid(problems)
    return Project(root, plan, notes, pages)


def _site_setting_problems(site_config: Path) -> list[Problem]:
    """What mkdocs.yml publishes besides Markdown (site_settings): checked here, so check and build agree."""
    try:
        site_settings.accessibility_statement(site_config, site_config.name)
    except PlanInvalid as error:
        return error.problems
    return []


def with_plan(project: Project, plan: Plan, new_files: Mapping[str, str]) -> Project:
    """The project once ``plan`` replaces its plan and ``new_files`` (paths under content/, relative to the project) are added.

    The notes and pages were read and parsed when the project was loaded; only
    what depends on the plan is checked again (a note's item, a link's target,
    a goal's text), so an edit need not read every note a second time; and
    when the plan names the same things as before, nothing needs checking.
    """
    if not new_files and nameable(plan) == nameable(project.plan) and renamed(plan) == renamed(project.plan):  # a link may use an old id
        return replace(project, plan=plan)
    content = project.root / CONTENT_DIR
    docs = {f"{NOTES_DIR}/{item_id}.md": note.doc for item_id, note in project.notes.items()}
    docs.update((src_uri, page.doc) for src_uri, page in project.pages.items())
    problems: list[Problem] = []
    for relative, text in new_files.items():
        path = project.root / relative
        try:
            docs[path.relative_to(content).as_posix()] = split_front_matter(SourceText(path, relative, text))
        except PlanInvalid as error:
            problems += error.problems
    ordered = dict(sorted(docs.items(), key=lambda entry: entry[0].split("/")))  # as load_project reads them
    notes, pages = check_documents(plan, ordered, problems)
    if problems:
        raise PlanInvalid(problems)
    return Project(project.root, plan, notes, pages)


def misnamed_files(content: Path, display_dir: str) -> list[Problem]:
    """content/items/x.txt, x.MD or x.markdown would be ignored without a word: only '<id>.md' is read."""
    problems = []
    for folder, (what, ident) in ID_FOLDERS.items():
        directory = content / folder
        files = sorted(p for p in directory.iterdir() if p.is_file()) if directory.is_dir() else []
        names = {path.name for path in files}  # exact names: on macOS x.MD "exists" as x.md too
        for path in files:
            name = path.name
            if name.startswith((".", "~")) or name.endswith(".md"):
                continue  # hidden and temporary files, and notes
            if not name.lower().endswith(TEXT_SUFFIXES):
                if folder == NOTES_DIR:  # the build reads only notes here: a picture would be lost
                    problems.append(
                        Problem(
                            f"{display_dir}{folder}/{name}",
                            None,
                            "",
                            f"Billeder og PDF'er til noterne skal ligge i content/{FILES_DIR}/; her kommer de ikke med på sitet. "
                            + f"Flyt filen til content/{FILES_DIR}/{name}, og skriv i noten ../{FILES_DIR}/{name}.",
                        )
                    )
                continue  # pictures or other files that belong there
            stem = name
            while stem.lower().endswith(TEXT_SUFFIXES):
                stem = stem[: stem.rindex(".")]
            wanted = f"{stem.lower()}.md"
            message = f"{what} skal hedde <{ident}>.md (små bogstaver, endelsen .md), ellers bliver de ikke læst. "
            if wanted in names:
                message += f"Der findes allerede {wanted}: flyt teksten derover, og slet denne fil."
            elif name.lower().endswith((".docx", ".doc", ".rtf", ".odt")):
                message += f"Kopiér teksten over i en tekstfil, der hedder {wanted}, og slet denne fil."
            else:
                message += f"Omdøb filen til {wanted}."
            problems.append(Problem(f"{display_dir}{folder}/{name}", None, "", message))
    return problems


def files_on_generated_addresses(content: Path, display_dir: str) -> list[Problem]:
    """A picture or PDF at content/data/plan.csv, content/feeds/… or content/tal/… would be overwritten by
    (or overwrite) a file Planspor makes: refuse it, naming both. Markdown files are checked with the pages."""
    problems = []
    for path in sorted(p for p in content.rglob("*") if p.is_file() and p.suffix != ".md") if content.is_dir() else []:
        src_uri = path.relative_to(content).as_posix()
        owner = addresses.generated_owner(src_uri)
        if owner is not None and not src_uri.startswith(NOTES_DIR + "/"):
            problems.append(collision(f"{display_dir}{src_uri}", owner))
    return problems


def _orphan_notes(root: Path, docs: dict[str, MarkdownDoc]) -> list[Problem]:
    """With a broken plan, still name the notes whose item id is not in it."""
    try:
        raw = parse_yaml(read_text(root / PLAN_FILE, PLAN_FILE))
    except PlanInvalid:
        return []
    entries = raw.get("items") if isinstance(raw, dict) else None
    ids = {e.get("id") for e in entries if isinstance(e, dict)} if isinstance(entries, list) else set()
    if not ids:
        return []  # no readable item (an empty plan, a list, a text): every note would be named, before the real problem
    problems = []
    for src_uri, doc in docs.items():
        folder, _, name = src_uri.rpartition("/")
        if folder == NOTES_DIR and name.removesuffix(".md") not in ids:
            problems.append(orphan_problem(doc, name.removesuffix(".md"), next(iter(sorted(i for i in ids if isinstance(i, str))), "min-indsats")))
    return problems


def _display_dir(root: Path, content: Path) -> str:
    try:
        return content.relative_to(root).as_posix() + "/"
    except ValueError:
        return content.as_posix() + "/"
