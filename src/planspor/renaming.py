"""`planspor omdøb`: an item gets a new id, and nothing that named the old one breaks.

An id is in the item's address, its note's file name, other items' ``related:`` lists and the
``indsats:`` links editors write. Renaming by hand means changing all of them and remembering
``previous_ids``, which keeps the old address answering (a redirect); forgetting the note loses
it from the site. Here one command does all of it, as one change that is checked before anything
is written and put back if the project is not valid after (editing.save_change).
"""

from __future__ import annotations

from pathlib import Path

from .edit_checks import all_ids, arg_problem, find_item
from .editing import Change, load_valid, text_editor
from .markdown_source import renamed_links
from .project import CONTENT_DIR, NOTES_DIR
from .slugs import id_problem

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
