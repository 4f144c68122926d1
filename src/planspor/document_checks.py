"""What the notes and the editors' pages must agree with: the plan they link to and the files they show.

Each note belongs to an item, each link by id names something in the plan, each page keeps to an
address of its own, each image and PDF is a file under content/. ``project`` reads the files and
calls ``check_documents``; the editor's preview keeps the last result (``CheckedDocuments``) and
checks again only when a text, the plan's names or the files under content/ change.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from pathlib import Path

from . import addresses
from .former_ids import renamed
from .markdown_source import MarkdownDoc, level_one_headings, rewrite_links
from .model import Plan
from .note_anchors import anchor_problems
from .note_markup import markup_problems
from .note_structure import structure_problems
from .problems import Problem

NOTES_DIR = "items"
CONTENT_DIR = "content"
NOTE_FIELDS = ("description",)
PAGE_FIELDS = ("title", "description")


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


def collision(display: str, owner: addresses.Owner) -> Problem:
    return Problem(
        display,
        None,
        "",
        f"Filen har adressen /{owner.address}, som Planspor bruger til {owner.what}; den ville ikke blive vist, eller den ville erstatte planens side. "
        + "Giv filen et andet navn eller en anden mappe.",
    )


def orphan_problem(doc: MarkdownDoc, item_id: str, example: str, renamed_to: str | None = None) -> Problem:
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


def check_documents(
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
                problems.append(orphan_problem(doc, item_id, _example_id(plan), renamed_to))
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
        return collision(doc.display, owner)
    in_folder = addresses.id_folder_of(src_uri)
    if in_folder is None:
        return None
    folder, ident = in_folder
    known = _known_ids(plan)[folder]
    if ident in known:
        return None
    what = addresses.ID_FOLDERS[folder][0]
    now = renamed(plan).get(folder, {}).get(ident)
    if now is not None:  # the theme or committee was renamed, and its text was not
        return Problem(
            doc.display,
            None,
            "",
            f"Teksten hører til {what} '{ident}', som nu hedder '{now}'. Giv filen det nye id som navn: {CONTENT_DIR}/{folder}/{now}.md, så følger den med.",
        )
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
    """The id a link by id ('tema:skoler') names in the plan now, or None. A previous id of an item,
    a theme or a committee (previous_ids) names it: the link goes to its current page, as its old address does."""
    known, moved = nameable(plan), renamed(plan)

    def resolve(scheme: str, ident: str) -> str | None:
        folder = addresses.SCHEME_FOLDERS[scheme]
        if ident in known[folder]:
            return ident
        return moved.get(folder, {}).get(ident)

    return resolve


def _known_by_scheme(plan: Plan) -> Callable[[str], set[str]]:
    known = nameable(plan)
    return lambda scheme: known[addresses.SCHEME_FOLDERS[scheme]]


def nameable(plan: Plan) -> dict[str, set[str]]:
    """What a note or page can name, by folder: the items and the ids of the id folders.

    This is all of the plan that _check_documents looks at (a note's item, a
    link's target, the theme, committee, strategy or goal a text belongs to),
    so project.with_plan may skip the check when it is the same.
    """
    return {addresses.ITEMS: set(plan.items_by_id), **_known_ids(plan)}


def _example_id(plan: Plan) -> str:
    return plan.items[0].id if plan.items else "min-indsats"


Checked = tuple[dict[str, Note], dict[str, EditorPage], list[Problem]]


class CheckedDocuments:
    """The last check of the notes and pages, kept by the editor's preview between its rebuilds.

    An editor who changes an item's title changes nothing a note is checked against, yet checking
    every note again is a tenth of the preview's rebuild at 300 items. The result is reused while
    all of it is the same: every text (by its place and file), what the plan lets a text name and
    what an item page adds to its note (``_plan_facts``), the files under content/ (a link's or an
    image's target, by name and size) and the Markdown that renders them."""

    def __init__(self) -> None:
        self._key: Hashable | None = None
        self._result: Checked | None = None

    def check(self, plan: Plan, docs: dict[str, MarkdownDoc], texts: Mapping[str, str], render: Callable[[str], str] | None, content: Path) -> Checked:
        key = (_plan_facts(plan), tuple((src, docs[src].display, text) for src, text in texts.items()), _files_under(content), render, content)
        if self._result is not None and key == self._key:
            return self._result
        problems: list[Problem] = []
        notes, pages = check_documents(plan, docs, problems, render, content)
        self._key, self._result = key, (notes, pages, problems)
        return self._result


def _plan_facts(plan: Plan) -> Hashable:
    """All of the plan that check_documents reads: the names a text may use, the previous ids a link
    may still use, and each item's id, process and cross-cutting text (its page's Markdown besides the note)."""
    names = tuple(sorted((folder, frozenset(ids)) for folder, ids in nameable(plan).items()))
    moved = tuple(sorted((folder, old, new) for folder, olds in renamed(plan).items() for old, new in olds.items()))
    return names, moved, tuple((item.id, item.process, item.cross_cutting) for item in plan.items)


def _files_under(content: Path) -> Hashable:
    """Every file under content/ by name and size: what a link or an image is checked against."""
    if not content.is_dir():
        return ()
    return tuple(sorted((path.relative_to(content).as_posix(), path.stat().st_size) for path in content.rglob("*") if path.is_file()))
