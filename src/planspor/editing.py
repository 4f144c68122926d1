"""The editing commands' work: new item, status, move, and saving the change.

Each command starts from the valid project (data/plan.yaml read, composed and
validated once), checks what it is asked (edit_checks.py), and describes its
change as text edits that keep every other line as it was (plan_text.py).
Saving validates the new text once, in memory, before it replaces the file;
then writes it atomically, checks the notes and pages against the new plan,
and puts the original back if anything is wrong.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .buildinfo import reference_date
from .edit_checks import all_ids, arg_problem, check_ref, date_problems, find_item, find_status, fresh_id, parse_day, parse_timing
from .located import title_too_long
from .model import Plan
from .note_structure import note_template
from .plan_file import PlanFile, read_plan_file, write_atomically
from .plan_keys import ITEM_KEY_ORDER, TITLE_LENGTH
from .plan_text import PlanTextEditor
from .problems import PlanInvalid, Problem
from .project import CONTENT_DIR, NOTES_DIR, PLAN_FILE, Project, collector_paused, load_project, with_plan
from .slugs import id_problem, title_key
from .validate import build_plan
from .yaml_errors import without_invisible
from .yaml_text import period_value
from .yamlsource import ComposedYaml, SourceText, compose_yaml, parse_yaml

CREATED_COMMENT = "Indsatsen er oprettet."


# -- where a command starts: the valid project -----------------------------------------


@dataclass(frozen=True)
class ValidPlan:
    """The project an editing command starts from: data/plan.yaml read once, composed once, validated once."""

    file: PlanFile
    plan_yaml: ComposedYaml
    project: Project

    @property
    def plan(self) -> Plan:
        return self.project.plan


def load_valid(root: Path) -> ValidPlan:
    """The valid project and its plan file; an invalid project must be fixed first.

    The collector stays paused throughout: the composed nodes (half a million
    objects at 2,000 items) are kept for the text editor, and with them alive
    every collection while the notes are read would rescan them (measured: 0.3 s).
    """
    with collector_paused():
        try:
            file = read_plan_file(root)
            plan_yaml = compose_yaml(file.source)
        except PlanInvalid as error:
            raise _already_invalid(_every_problem(root, error)) from None
        try:
            project = load_project(root, plan_yaml=plan_yaml)
        except PlanInvalid as error:
            raise _already_invalid(error) from None
    return ValidPlan(file, plan_yaml, project)


def _every_problem(root: Path, error: PlanInvalid) -> PlanInvalid:
    """A plan that cannot be read or parsed is one problem among the project's: load_project lists them all, as `planspor check` does."""
    try:
        load_project(root)
    except PlanInvalid as complete:
        return complete
    return error


def _already_invalid(error: PlanInvalid) -> PlanInvalid:
    lead = Problem(PLAN_FILE, None, "", "Planen har allerede problemer, så den bliver ikke ændret. Ret dem først (se 'planspor check').")
    return PlanInvalid([lead, *error.problems])


def text_editor(valid: ValidPlan) -> PlanTextEditor:
    """An editor on the text the plan was validated from, placing missing fields in the plan's key order."""
    return PlanTextEditor(valid.plan_yaml, ITEM_KEY_ORDER)


# -- the commands' work --------------------------------------------------------------


@dataclass
class Change:
    """What a command will write: the new plan text, new notes, and what to tell."""

    plan_text: str
    messages: list[str]
    new_files: dict[str, str] = field(default_factory=dict)  # path relative to the project -> text
    original: ValidPlan | None = None  # what the change was made from; save_change loads it when missing
    changed_files: dict[str, str] = field(default_factory=dict)  # files that exist, with their new text
    removed_files: tuple[str, ...] = ()  # files that go (a renamed note: its new name is in new_files)
    notices: list[str] = field(default_factory=list)  # what the editor should know whether or not anything changes


@dataclass(frozen=True)
class NewItem:
    title: str
    theme: str
    kind: str
    committees: tuple[str, ...]
    strategic: bool = False
    ident: str | None = None
    start: str | None = None
    end: str | None = None
    day: str | None = None


def history_entry(day: dt.date, status: str | None = None, timing: Mapping[str, Any] | None = None, comment: str = "") -> dict[str, Any]:
    entry: dict[str, Any] = {"date": day}
    if status:
        entry["status"] = status
    if timing:
        entry["timing"] = dict(timing)
    if comment:
        entry["comment"] = comment
    return entry


def plan_new_item(root: Path, request: NewItem) -> Change:
    valid = load_valid(root)
    plan = valid.plan
    theme = check_ref(request.theme, [t.id for t in plan.themes], "--tema", "tema")
    kind = check_ref(request.kind, [k.id for k in plan.kinds], "--type", "type")
    committees = [check_ref(c, [c.id for c in plan.committees], "--udvalg", "udvalg") for c in request.committees]
    if not committees:
        raise arg_problem("--udvalg", "Angiv mindst ét udvalg med --udvalg.")
    if len(set(committees)) != len(committees):
        raise arg_problem("--udvalg", "Det samme udvalg er angivet to gange.")
    title = " ".join(without_invisible(request.title).split())
    if not title:
        raise arg_problem("--titel", "Titlen er tom. Skriv indsatsens titel med --titel.")
    if len(title) > TITLE_LENGTH:
        raise arg_problem("--titel", title_too_long(title))
    same = next((item for item in plan.items if title_key(item.title) == title_key(title)), None)
    if same is not None:
        raise arg_problem(
            "--titel",
            f"Titlen '{title}' er allerede titlen på indsatsen '{same.id}'. To indsatser må ikke have samme titel; gør den nye mere præcis, fx med stedet, året eller 'etape 2'.",
        )
    taken = all_ids(plan)
    ident = request.ident or fresh_id(title, taken)
    if (wrong := id_problem(ident)) is not None:
        raise arg_problem("--id", wrong)
    if ident in taken:
        raise arg_problem(
            "--id", f"Id'et '{ident}' er allerede brugt (som id eller tidligere id). Et id må aldrig genbruges; vælg et andet, fx '{fresh_id(ident, taken)}'."
        )
    note = f"{CONTENT_DIR}/{NOTES_DIR}/{ident}.md"
    if (root / note).exists():
        raise arg_problem(
            "--id",
            f"Noten {note} findes allerede, men indsatsen '{ident}' findes ikke. Hører noten til en indsats, der er omdøbt, så giv den indsatsens "
            + "nye id som navn; vælg ellers et andet id med --id.",
        )
    timing = _timing(request.start, request.end)
    day = parse_day(request.day)
    problems = date_problems(plan, day, None)
    if problems:
        raise arg_problem("--dato", " ".join(problems), _data_as_of_line(valid.file.text))
    fields: dict[str, Any] = {"id": ident, "title": title, "theme": theme, "kind": kind, "committees": committees, "strategic": request.strategic}
    if timing:
        fields["timing"] = timing
    fields["history"] = [history_entry(day, plan.statuses[0].id, comment=CREATED_COMMENT)]
    editor = text_editor(valid)
    editor.append_item(fields)
    messages = [f"Ny indsats: {ident}", f"  {PLAN_FILE}: tilføjet sidst under items:", f"  {note}: ny note"]
    return Change(editor.result(), messages, {note: note_template(title)}, original=valid)


def _timing(start: str | None, end: str | None) -> dict[str, Any]:
    timing: dict[str, Any] = {}
    first = parse_timing(start, "--start") if start else None
    last = parse_timing(end, "--slut") if end else None
    if first and last and last.last < first.first:
        raise arg_problem("--slut", f"Slut ({last.text}) ligger før start ({first.text}).")
    if first:
        timing["start"] = period_value(first)
    if last:
        timing["end"] = period_value(last)
    return timing


def _data_as_of_line(text: str) -> int | None:
    return next((n for n, line in enumerate(text.split("\n"), 1) if line.strip().startswith("data_as_of:")), None)


def plan_status(root: Path, ident: str, status_id: str, comment: str = "", day_text: str | None = None) -> Change:
    valid = load_valid(root)
    plan = valid.plan
    item, renamed = find_item(plan, ident)
    status = find_status(plan, status_id, "status")
    comment = without_invisible(comment).strip()
    if status.dropped and not comment:
        raise arg_problem("--kommentar", f"Status '{status.label}' kræver en begrundelse. Skriv den med --kommentar \"...\".", item.line)
    day = parse_day(day_text)
    problems = date_problems(plan, day, item)
    if problems:
        raise arg_problem("--dato", " ".join(problems), item.line)
    editor = text_editor(valid)
    editor.append_history(item.id, history_entry(day, status.id, comment=comment))
    messages = [renamed] if renamed else []
    if status == item.status:
        messages.append(f"{item.id}: status {status.id} bekræftet ({day.isoformat()}); status siden {item.status_since.isoformat()}")
    else:
        messages.append(f"{item.id}: status {item.status.id} → {status.id} ({day.isoformat()})")
    return Change(editor.result(), messages, original=valid)


def plan_move(root: Path, ident: str, end: str | None, start: str | None, comment: str, day_text: str | None = None) -> Change:
    valid = load_valid(root)
    plan = valid.plan
    item, renamed = find_item(plan, ident)
    if not end and not start:
        raise arg_problem("--slut", "Angiv det nye tidspunkt med --slut (og/eller --start), fx --slut 2025-Q2.", item.line)
    comment = without_invisible(comment).strip()
    if not comment:
        raise arg_problem("--kommentar", 'Skriv hvorfor tidspunktet flyttes med --kommentar "...".', item.line)
    new_start = parse_timing(start, "--start") if start else None
    new_end = parse_timing(end, "--slut") if end else None
    current = item.timing
    given = "--slut" if end else "--start"  # the argument a message is about: the one the editor wrote
    after_start, after_end = new_start or current.start, new_end or current.end
    if after_start and after_end and after_end.last < after_start.first:
        raise arg_problem(given, f"Efter flytningen ville slut ({after_end.text}) ligge før start ({after_start.text}).", item.line)
    if (new_start is None or new_start == current.start) and (new_end is None or new_end == current.end):
        raise arg_problem(given, f"Indsatsen '{item.id}' har allerede det tidspunkt ({current.label()}). Intet at flytte.", item.line)
    day = parse_day(day_text)
    problems = date_problems(plan, day, item)
    if problems:
        raise arg_problem("--dato", " ".join(problems), item.line)
    timing: dict[str, Any] = {}
    if new_start:
        timing["start"] = period_value(new_start)
    if new_end:
        timing["end"] = period_value(new_end)
    editor = text_editor(valid)
    editor.append_history(item.id, history_entry(day, timing=timing, comment=comment))
    before = current.label() or "intet tidspunkt"
    after = type(current)(after_start, after_end).label()
    messages = [renamed] if renamed else []
    messages.append(f"{item.id}: flyttet fra {before} til {after} ({day.isoformat()})")
    return Change(editor.result(), messages, original=valid)


# -- saving ---------------------------------------------------------------------------


def check_text(text: str, root: Path) -> Plan:
    """Validate a changed plan in memory before anything is written; the plan it makes."""
    try:
        with collector_paused():
            return build_plan(parse_yaml(SourceText(root / PLAN_FILE, PLAN_FILE, text)), PLAN_FILE, reference_date(root))
    except PlanInvalid as error:
        lead = Problem(PLAN_FILE, None, "", "Ændringen ville gøre planen ugyldig, så intet er gemt (linjenumrene herunder gælder den ændrede fil).")
        raise PlanInvalid([lead, *error.problems]) from None


def save_change(root: Path, change: Change) -> None:
    """Write the plan and any new notes; put everything back if the result is invalid.

    The new text is validated once, before it is written. The notes and pages,
    read when the command started, are then checked against the new plan (an
    import may leave a goal's text without items, a new note must name its item).
    """
    plan = check_text(change.plan_text, root)
    original = change.original or load_valid(root)
    source = original.file
    created: list[Path] = []
    # The files as they were, to put back: the changed ones and those that go.
    before = {root / relative: (root / relative).read_bytes() for relative in (*change.changed_files, *change.removed_files)}
    write_atomically(source.path, source.encode(change.plan_text))
    try:
        for relative, text in change.new_files.items():
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(path, text.encode("utf-8"))
            created.append(path)
        for relative, text in change.changed_files.items():
            write_atomically(root / relative, text.encode("utf-8"))
        for relative in change.removed_files:
            (root / relative).unlink()
        if before:  # files were renamed or rewritten: check the project as it now is on disk
            load_project(root)
        else:
            with_plan(original.project, plan, change.new_files)
    except PlanInvalid as error:
        _restore(source, created, before)
        lead = Problem(PLAN_FILE, None, "", "Efter ændringen var projektet ugyldigt, så de oprindelige filer er lagt tilbage. Intet er ændret.")
        raise PlanInvalid([lead, *error.problems]) from None
    except BaseException:
        _restore(source, created, before)
        raise


def _restore(source: PlanFile, created: list[Path], before: Mapping[Path, bytes]) -> None:
    write_atomically(source.path, source.raw)
    for path in created:
        path.unlink(missing_ok=True)
    for path, raw in before.items():
        write_atomically(path, raw)
