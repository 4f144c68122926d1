"""`planspor omdøb`: an item, a theme or a committee gets a new id, and nothing that named the old one breaks.

An id is in the item's address, its note's file name, other items' ``related:`` lists and the
``indsats:`` links editors write. Renaming by hand means changing all of them and remembering
``previous_ids``, which keeps the old address answering (a redirect); forgetting the note loses
it from the site. Here one command does all of it, as one change that is checked before anything
is written and put back if the project is not valid after (editing.save_change).

A theme or a committee is renamed the same way (``planspor omdøb tema|udvalg <id> <nyt-id>``, often
when a new plan renames it): its id, the items' ``theme:`` or ``committees:`` (and a decision's
``body:`` written as the committee's id), its text content/temaer|udvalg/<id>.md and the ``tema:`` or
``udvalg:`` links; the old id goes into its ``previous_ids``, which keeps its pages' addresses answering.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from . import addresses
from .edit_checks import all_ids, arg_problem, find_item
from .editing import Change, ValidPlan, load_valid, text_editor
from .markdown_source import renamed_links
from .model import Committee, Theme
from .problems import suggest
from .project import CONTENT_DIR, NOTES_DIR
from .slugs import id_problem
from .yaml_text import mapping_value, scalar_text

NEW_ID = "nyt-id"  # the argument, as its errors name it


def plan_rename(root: Path, old: str, new: str) -> Change:
    """The change that renames item ``old`` to ``new`` (see the module's docstring)."""
    valid = load_valid(root)
    plan = valid.plan
    item, renamed = find_item(plan, old, "id")
    if renamed:
        raise arg_problem("id", f"'{old}' er et tidligere id for '{item.id}'. Skriv det id, indsatsen har nu: planspor omdøb {item.id} {new}.", item.line)
    wrong = id_problem(new)
    if wrong is not None:
        raise arg_problem(NEW_ID, wrong, item.line)
    if new == item.id:
        raise arg_problem(NEW_ID, f"Indsatsen hedder allerede '{new}'. Intet at omdøbe.", item.line)
    if new in item.previous_ids:
        raise arg_problem(
            NEW_ID,
            f"'{new}' er et tidligere id for '{item.id}': adressen sender allerede videre til indsatsen, og et id må aldrig genbruges. Vælg et nyt id.",
            item.line,
        )
    if new in all_ids(plan):
        owner = next(other for other in plan.items if new == other.id or new in other.previous_ids)
        what = "id" if new == owner.id else "tidligere id"
        raise arg_problem(NEW_ID, f"Id'et '{new}' er allerede brugt (som {what} for '{owner.id}'). Et id må aldrig genbruges; vælg et andet.", item.line)
    # No note can be at the new name: the project is valid, so every note names an item's current id.
    old_note, new_note = _note(item.id), _note(new)

    editor = text_editor(valid)
    related = editor.rename_item(item.id, new)
    messages = [f"{item.id} hedder nu {new}", f"  data/plan.yaml: nyt id; '{item.id}' tilføjet under previous_ids, så den gamle adresse sender videre"]
    if related:
        messages.append(f"  data/plan.yaml: rettet i related: hos {related} {'indsats' if related == 1 else 'indsatser'}")
    new_files: dict[str, str] = {}
    changed: dict[str, str] = {}
    removed: tuple[str, ...] = ()
    links = 0
    for path in sorted((root / CONTENT_DIR).rglob("*.md")):
        relative = path.relative_to(root).as_posix()
        text = path.read_bytes().decode("utf-8")  # as written: a BOM and CRLF line ends stay (the project is valid, so UTF-8)
        rewritten, count = renamed_links(text, "indsats", item.id, new)
        links += count
        if relative == old_note:
            new_files[new_note], removed = rewritten, (old_note,)
            messages.append(f"  {old_note} → {new_note}")
        elif count:
            changed[relative] = rewritten
            messages.append(f"  {relative}: {count} {'link' if count == 1 else 'links'} til indsats:{item.id} rettet")
    if not links and not removed:
        messages.append("  ingen note og ingen links at rette")
    return Change(editor.result(), messages, new_files, original=valid, changed_files=changed, removed_files=removed)


def _note(ident: str) -> str:
    return f"{CONTENT_DIR}/{NOTES_DIR}/{ident}.md"


@dataclass(frozen=True)
class Renamable:
    """A reference block whose entries have pages, and how the command and its messages name them."""

    word: str  # on the command line and in links: 'tema' (planspor omdøb tema …, tema:<id>)
    block: str  # in data/plan.yaml: 'themes'
    item_key: str  # what an item names it by: 'theme'
    folder: str  # its pages' folder, and its texts' under content/: 'temaer'
    the: str  # 'Temaet'
    plural: str  # 'temaer'


RENAMABLE = {
    "tema": Renamable("tema", "themes", "theme", addresses.THEMES, "Temaet", "temaer"),
    "udvalg": Renamable("udvalg", "committees", "committees", addresses.COMMITTEES, "Udvalget", "udvalg"),
}


def plan_rename_entry(root: Path, word: str, old: str, new: str) -> Change:
    """The change that renames theme or committee ``old`` to ``new`` (``word``: 'tema' or 'udvalg')."""
    kind = RENAMABLE[word]
    valid = load_valid(root)
    plan = valid.plan
    entries: tuple[Theme | Committee, ...] = plan.themes if word == "tema" else plan.committees
    entry = _find_entry(kind, entries, old, new)
    line = _line_of_id(valid, kind.block, entry.id)
    wrong = id_problem(new)
    if wrong is not None:
        raise arg_problem(NEW_ID, wrong, line)
    if new == entry.id:
        raise arg_problem(NEW_ID, f"{kind.the} hedder allerede '{new}'. Intet at omdøbe.", line)
    owner = next((other for other in entries if new == other.id or new in other.previous_ids), None)
    if owner is not None:
        what = "id" if new == owner.id else "tidligere id"
        raise arg_problem(
            NEW_ID,
            f"Id'et '{new}' er allerede brugt under {kind.block}: (som {what} for '{owner.id}'). Et id må aldrig genbruges, for den gamle adresse "
            + "sender videre; vælg et andet.",
            line,
        )

    editor = text_editor(valid)
    items, decisions = editor.rename_entry(kind.block, entry.id, new, kind.item_key, decision_bodies=word == "udvalg")
    messages = [
        f"{kind.the} {entry.id} hedder nu {new}",
        f"  data/plan.yaml: nyt id; '{entry.id}' tilføjet under previous_ids, så de gamle adresser sender videre",
    ]
    if items:
        messages.append(f"  data/plan.yaml: rettet i {kind.item_key}: hos {items} {'indsats' if items == 1 else 'indsatser'}")
    if decisions:
        messages.append(f"  data/plan.yaml: rettet i body: hos {decisions} {'beslutning' if decisions == 1 else 'beslutninger'}")
    old_text, new_text = f"{CONTENT_DIR}/{kind.folder}/{entry.id}.md", f"{CONTENT_DIR}/{kind.folder}/{new}.md"
    new_files: dict[str, str] = {}
    changed: dict[str, str] = {}
    removed: tuple[str, ...] = ()
    for path in sorted((root / CONTENT_DIR).rglob("*.md")):
        relative = path.relative_to(root).as_posix()
        rewritten, count = renamed_links(path.read_bytes().decode("utf-8"), kind.word, entry.id, new)  # as written: BOM and CRLF stay
        if relative == old_text:
            new_files[new_text], removed = rewritten, (old_text,)
            messages.append(f"  {old_text} → {new_text}")
        elif count:
            changed[relative] = rewritten
        if count:
            messages.append(f"  {relative}: {count} {'link' if count == 1 else 'links'} til {kind.word}:{entry.id} rettet")
    return Change(editor.result(), messages, new_files, original=valid, changed_files=changed, removed_files=removed)


def _find_entry(kind: Renamable, entries: tuple[Theme | Committee, ...], ident: str, new: str) -> Theme | Committee:
    """The theme or committee with id ``ident``; a previous id or an unknown id is refused, saying what to write."""
    for entry in entries:
        if entry.id == ident:
            return entry
        if ident in entry.previous_ids:
            raise arg_problem(
                "id",
                f"'{ident}' er et tidligere id for '{entry.id}'. Skriv det id, {kind.the.lower()} har nu: planspor omdøb {kind.word} {entry.id} {new}.",
            )
    known = [entry.id for entry in entries]
    raise arg_problem("id", f"Der er intet {kind.word} med id'et '{ident}' under {kind.block}: i planen.{suggest(ident, known)} Tilladt: {', '.join(known)}.")


def _line_of_id(valid: ValidPlan, block: str, ident: str) -> int | None:
    """The line of the entry with this id under the block, for the messages (the model keeps none for them)."""
    entries = mapping_value(valid.plan_yaml.root, block) if isinstance(valid.plan_yaml.root, yaml.MappingNode) else None
    for node in entries.value if isinstance(entries, yaml.SequenceNode) else []:
        if isinstance(node, yaml.MappingNode) and scalar_text(mapping_value(node, "id")) == ident:
            return int(node.start_mark.line) + 1
    return None
