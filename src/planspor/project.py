"""Load a Planspor project: the plan file, the item notes and the editors' pages.

Every problem in every file is collected before anything is reported, so an
editor fixes them all in one go.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from . import addresses, site_settings
from .buildinfo import reference_date
from .markdown_source import MarkdownDoc, level_one_headings, rewrite_links, split_front_matter
from .model import Plan
from .note_anchors import anchor_problems, site_renderer
from .note_markup import FILES_DIR, markup_problems
from .note_structure import structure_problems
from .problems import PlanInvalid, Problem
from .validate import build_plan
from .yamlsource import ComposedYaml, SourceText, build_yaml, compose_yaml, parse_yaml, read_text

NOTES_DIR = "items"
SITE_CONFIG = "mkdocs.yml"
PLAN_FILE = "data/plan.yaml"
CONTENT_DIR = "content"
NOTE_FIELDS = ("description",)
PAGE_FIELDS = ("title", "description")
MISSING_PLAN = (
    "Er du i projektets mappe? Planen skal ligge i data/plan.yaml i den mappe, hvor også mkdocs.yml og content/ ligger. "
    + "Kør planspor i den mappe, eller angiv den med --projekt."
)
# The folders whose files are named by an id in the plan: what a file there is, and what names its id.
ID_FOLDERS = {NOTES_DIR: ("Noter", "id"), **{folder: (files, ident) for folder, (_, files, ident) in addresses.ID_FOLDERS.items()}}
# Endings of files that are meant as text but are not read: only '<id>.md' is (.MD, .markdown and .txt are not).
TEXT_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".txt", ".text", ".docx", ".doc", ".rtf", ".odt")


@dataclass(frozen=True)
class Note:
    item_id: str
    doc: MarkdownDoc
    body: str  # links rewritten for the item's page


@dataclass(frozen=True)
class EditorPage:
    src_uri: str
    doc: MarkdownDoc
    body: str  # links rewritten


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
    root: Path, content_dir: Path | None = None, plan_yaml: ComposedYaml | None = None, plan: Plan | None = None, site_config: Path | None = None
) -> Project:
    """Load and validate everything, or raise PlanInvalid listing every problem (``plan_yaml``: see load_plan;
    ``plan``: the plan, validated already from the data/plan.yaml that is there now; ``site_config``: the
    mkdocs.yml whose Markdown renders the notes, root/mkdocs.yml unless given)."""
    content = content_dir or root / CONTENT_DIR
    problems: list[Problem] = []
    try:
        plan = plan or load_plan(root, plan_yaml)
    except PlanInvalid as error:
        problems += error.problems
    docs: dict[str, MarkdownDoc] = {}
    for path in sorted(content.rglob("*.md")) if content.is_dir() else []:
        src_uri = path.relative_to(content).as_posix()
        display = f"{_display_dir(root, content)}{src_uri}"
        try:
            docs[src_uri] = split_front_matter(read_text(path, display))
        except PlanInvalid as error:
            problems += error.problems
    problems += misnamed_files(content, _display_dir(root, content))
    problems += files_on_generated_addresses(content, _display_dir(root, content))
    if plan is None:
        problems += _orphan_notes(root, docs)
        raise PlanInvalid(problems)
    notes, pages = _check_documents(plan, docs, problems, site_renderer(site_config or root / SITE_CONFIG), content)
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
    if not new_files and _nameable(plan) == _nameable(project.plan):
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
    notes, pages = _check_documents(plan, ordered, problems)
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
            problems.append(_collision(f"{display_dir}{src_uri}", owner))
    return problems


def _collision(display: str, owner: addresses.Owner) -> Problem:
    return Problem(
        display,
        None,
        "",
        f"Filen har adressen /{owner.address}, som Planspor bruger til {owner.what}; den ville ikke blive vist, eller den ville erstatte planens side. "
        + "Giv filen et andet navn eller en anden mappe.",
    )


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
            problems.append(_orphan_problem(doc, name.removesuffix(".md"), next(iter(sorted(i for i in ids if isinstance(i, str))), "min-indsats")))
    return problems


def _orphan_problem(doc: MarkdownDoc, item_id: str, example: str, renamed_to: str | None = None) -> Problem:
    """A note whose item is not in the plan: never advice to delete it (it is the item's record)."""
    if renamed_to is not None:
        message = (
            f"Noten hører til indsatsen '{item_id}', som nu hedder '{renamed_to}'. "
            + f"Giv noten indsatsens nye id som navn: {CONTENT_DIR}/{NOTES_DIR}/{renamed_to}.md, så følger den med."
        )
    else:
        message = (
            f"Noten hører til indsatsen '{item_id}', som ikke findes i planen. Filnavnet skal være en indsats' id fra data/plan.yaml (fx {example}.md). "
            + "Er indsatsen omdøbt, så giv noten det nye id som navn ('planspor omdøb <gammelt-id> <nyt-id>' omdøber indsatsen og noten på én gang). "
            + "Er den taget ud af planen, så sæt den ind igen med status udgaaet og en begrundelse: så bliver siden og noten stående som indsatsens historik."
        )
    return Problem(doc.display, None, "", message)


def _display_dir(root: Path, content: Path) -> str:
    try:
        return content.relative_to(root).as_posix() + "/"
    except ValueError:
        return content.as_posix() + "/"


def _check_documents(
    plan: Plan, docs: dict[str, MarkdownDoc], problems: list[Problem], render: Callable[[str], str] | None = None, content: Path | None = None
) -> tuple[dict[str, Note], dict[str, EditorPage]]:
    exists, known = _resolver(plan), _known_by_scheme(plan)
    notes: dict[str, Note] = {}
    pages: dict[str, EditorPage] = {}
    problems += _duplicate_pages(docs)
    for src_uri, doc in docs.items():
        folder, _, name = src_uri.rpartition("/")
        if folder == NOTES_DIR:
            item_id = name.removesuffix(".md")
            if item_id not in plan.items_by_id:
                renamed_to = next((item.id for item in plan.items if item_id in item.previous_ids), None)
                problems.append(_orphan_problem(doc, item_id, _example_id(plan), renamed_to))
                continue
            _check_fields(doc, NOTE_FIELDS, problems)
            for line in level_one_headings(doc):
                problems.append(
                    Problem(doc.display, line, "overskrift", "En note må ikke have en overskrift med ét '#': indsatsens titel er sidens overskrift. Brug '##'.")
                )
            body, link_problems = rewrite_links(doc, addresses.item_source(item_id), exists, known)
            problems += link_problems
            problems += structure_problems(doc)
            if render is not None and content is not None:
                problems += markup_problems(doc, src_uri, content, render)
            notes[item_id] = Note(item_id, doc, body)
            continue
        if folder.startswith(NOTES_DIR + "/") or src_uri.startswith(addresses.ITEMS + "/"):
            problems.append(
                Problem(
                    doc.display,
                    None,
                    "",
                    f"Filen ligger et sted, hvor siderne laves af planen. Noter til indsatser skal ligge direkte i content/{NOTES_DIR}/<id>.md.",
                )
            )
            continue
        problem = _reserved_problem(plan, src_uri, doc)
        if problem:
            problems.append(problem)
            continue
        _check_fields(doc, PAGE_FIELDS, problems)
        body, link_problems = rewrite_links(doc, src_uri, exists, known)
        problems += link_problems
        problems += structure_problems(doc)
        if render is not None and content is not None:
            problems += markup_problems(doc, src_uri, content, render)
        pages[src_uri] = EditorPage(src_uri, doc, body)
    if render is not None:
        notes_docs, pages_docs = {i: n.doc for i, n in notes.items()}, {u: page.doc for u, page in pages.items()}
        problems += anchor_problems(plan, notes_docs, pages_docs, render, exists, _known_ids(plan))
    return notes, pages


def _check_fields(doc: MarkdownDoc, allowed: tuple[str, ...], problems: list[Problem]) -> None:
    for key in doc.meta:
        if key not in allowed:
            problems.append(
                Problem(doc.display, doc.meta.line_of(key), f"front matter.{key}", f"Ukendt felt '{key}' i front matter. Tilladt her: {', '.join(allowed)}.")
            )
        elif not isinstance(doc.meta[key], str):
            problems.append(Problem(doc.display, doc.meta.line_of(key), f"front matter.{key}", f"Feltet '{key}' skal være en tekst."))


def _reserved_problem(plan: Plan, src_uri: str, doc: MarkdownDoc) -> Problem | None:
    """An editor's page may not take a generated address; texts for id pages must name an existing theme, committee, ..."""
    owner = addresses.generated_owner(src_uri)
    if owner is not None:
        return _collision(doc.display, owner)
    in_folder = addresses.id_folder_of(src_uri)
    if in_folder is None:
        return None
    folder, ident = in_folder
    known = _known_ids(plan)[folder]
    if ident in known:
        return None
    what = addresses.ID_FOLDERS[folder][0]
    return Problem(doc.display, None, "", f"Teksten hører til {what} '{ident}', som ikke findes i planen. Tilladt: {', '.join(sorted(known))}.")


def _duplicate_pages(docs: dict[str, MarkdownDoc]) -> list[Problem]:
    """content/status.md and content/status/index.md would both be /status/: one would silently win."""
    pages = [src for src in docs if not src.startswith(NOTES_DIR + "/")]
    return [
        Problem(
            docs[first].display, None, "", f"Filerne {' og '.join(docs[f].display for f in files)} får begge adressen /{address}. Slet eller omdøb den ene."
        )
        for address, files in addresses.duplicate_addresses(pages).items()
        for first in files[:1]
    ]


def _known_ids(plan: Plan) -> dict[str, set[str]]:
    """The ids each id folder's pages are named by."""
    return {
        addresses.THEMES: {t.id for t in plan.themes},
        addresses.COMMITTEES: {c.id for c in plan.committees},
        addresses.STRATEGIES: {s.id for s in plan.strategies},
        addresses.SDGS: {str(s.number) for s in plan.sdgs_in_use()},
    }


def _resolver(plan: Plan) -> Callable[[str, str], str | None]:
    """The id a link by id ('tema:skoler') names in the plan now, or None. An item's previous id
    (previous_ids) names the item: the link goes to its current page, as its old address does."""
    known = _nameable(plan)
    renamed = {old: item.id for item in plan.items for old in item.previous_ids}

    def resolve(scheme: str, ident: str) -> str | None:
        folder = addresses.SCHEME_FOLDERS[scheme]
        if ident in known[folder]:
            return ident
        return renamed.get(ident) if folder == addresses.ITEMS else None

    return resolve


def _known_by_scheme(plan: Plan) -> Callable[[str], set[str]]:
    known = _nameable(plan)
    return lambda scheme: known[addresses.SCHEME_FOLDERS[scheme]]


def _nameable(plan: Plan) -> dict[str, set[str]]:
    """What a note or page can name, by folder: the items and the ids of the id folders.

    This is all of the plan that _check_documents looks at (a note's item, a
    link's target, the theme, committee, strategy or goal a text belongs to),
    so with_plan may skip the check when it is the same.
    """
    return {addresses.ITEMS: set(plan.items_by_id), **_known_ids(plan)}


def _example_id(plan: Plan) -> str:
    return plan.items[0].id if plan.items else "min-indsats"
