"""Edit data/plan.yaml the way a careful editor would: by inserting lines.

The editing commands never re-serialise the plan. A round-trip through a YAML
library rewrites lines nobody touched (it joins continued plain scalars,
normalises indentation and booleans, moves comments), and every such line
shows up in the pull request. Instead the file is composed once with PyYAML,
whose nodes know the exact position of every value, and each change becomes a
text edit at that position: a new history entry is inserted after the last
line of the item's history, a new item after the last line of `items:`, a
changed field replaces just its value. Everything else stays byte for byte as
it was, including comments, quoting, flow mappings, long lines, a BOM and CRLF.

After writing, the whole project is validated again; if it is not valid, the
original file is put back and the problems are reported.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from .model import Item, Plan, Status
from .money import plan_number
from .periods import Period, PeriodError, parse_date_text, parse_period
from .plan_keys import ITEM_KEY_ORDER
from .problems import PlanInvalid, Problem, choices, suggest
from .project import CONTENT_DIR, NOTES_DIR, PLAN_FILE, load_project
from .slugs import is_slug, slugify
from .validate import build_plan
from .yamlsource import SourceText, parse_yaml, unreadable

CREATED_COMMENT = "Indsatsen er oprettet."
_WIDE = 1_000_000


# -- the file as bytes ----------------------------------------------------------------


@dataclass(frozen=True)
class PlanFile:
    """data/plan.yaml as read: the text with LF line ends, and how to write it back."""

    path: Path
    raw: bytes
    text: str
    bom: bool
    crlf: bool

    def encode(self, text: str) -> bytes:
        if self.crlf:
            text = text.replace("\n", "\r\n")
        return ("\ufeff" if self.bom else "").encode("utf-8") + text.encode("utf-8")


def read_plan_file(root: Path) -> PlanFile:
    path = root / PLAN_FILE
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise PlanInvalid([Problem(PLAN_FILE, None, "", unreadable(path, error))]) from None
    text = raw.decode("utf-8")
    bom = text.startswith("\ufeff")
    text = text.removeprefix("\ufeff")
    crlf = text.count("\r\n") > text.count("\n") / 2 if "\n" in text else False
    return PlanFile(path, raw, text.replace("\r\n", "\n").replace("\r", "\n"), bom, crlf)


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file next to `path`, then rename it into place."""
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# -- rendering values as YAML text -------------------------------------------------


def _dump(value: Any) -> str:
    text = yaml.safe_dump(value, allow_unicode=True, width=_WIDE, default_flow_style=True)
    return text.removesuffix("\n...\n").removesuffix("\n")


def _loads_back(text: str, value: Any) -> bool:
    try:
        return bool(yaml.safe_load(text) == value)
    except yaml.YAMLError:
        return False


def render_scalar(value: Any, flow: bool = False) -> str:
    """One value on one line; `flow` when it stands inside [...] or {...}."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return plan_number(value)
    if isinstance(value, int | dt.date):
        return _dump(value)
    text = str(value)
    if "\n" not in text:
        plain = _dump(text)
        unsafe_in_flow = flow and any(ch in text for ch in ",[]{}")
        if not unsafe_in_flow and _loads_back(plain, text):
            return plain
    return json.dumps(text, ensure_ascii=False)


def render_flow(value: Any) -> str:
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{render_scalar(k, True)}: {render_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(render_flow(v) for v in value) + "]"
    return render_scalar(value, flow=True)


def render_value(value: Any) -> str:
    """A field's value after 'key: ' in a block mapping."""
    if isinstance(value, Mapping | list | tuple):
        return render_flow(value)
    return render_scalar(value)


def period_value(period: Period) -> Any:
    """How a period is written in plan.yaml: 2025, 2025-Q1, 2025-05 or a date."""
    if period.first == period.last:
        return period.first
    if period.text.isdigit():
        return int(period.text)
    return period.text


# -- locating nodes and editing the text -------------------------------------------


@dataclass(order=True)
class _Edit:
    start: int
    sequence: int
    end: int = field(compare=False)
    text: str = field(compare=False)


class PlanTextEditor:
    """Collects text edits against one version of plan.yaml, then applies them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = text.split("\n")
        self.starts = [0]
        for line in self.lines[:-1]:
            self.starts.append(self.starts[-1] + len(line) + 1)
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        if not isinstance(root, yaml.MappingNode):
            raise PlanInvalid([Problem(PLAN_FILE, 1, "", "Planen skal være en blok med felter (plan:, statuses:, ... items:).")])
        self.root = root
        self.edits: list[_Edit] = []

    # -- positions ------------------------------------------------------------

    def _last_line(self, node: yaml.Node) -> int:
        """The 0-based line holding the node's last character."""
        if isinstance(node, yaml.ScalarNode):
            end = node.end_mark
            if node.style in ("|", ">"):
                line = end.line - 1 if end.column == 0 else end.line
                while line > node.start_mark.line and not self.lines[line].strip():
                    line -= 1
                return line
            return end.line - 1 if end.column == 0 and end.line > node.start_mark.line else end.line
        if _is_flow(node) or not node.value:
            return node.end_mark.line
        if isinstance(node, yaml.MappingNode):
            key, value = node.value[-1]
            return max(self._last_line(key), self._last_line(value))
        return self._last_line(node.value[-1])

    def _end_offset(self, node: yaml.Node) -> int:
        """The offset just after the node's last character."""
        if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
            line = self._last_line(node)
            return self.starts[line] + len(self.lines[line].rstrip())
        if isinstance(node, yaml.ScalarNode) or _is_flow(node) or not node.value:
            return int(node.end_mark.index)
        last = node.value[-1]
        if isinstance(node, yaml.MappingNode):
            return max(self._end_offset(last[0]), self._end_offset(last[1]))
        return self._end_offset(last)

    def _after_line(self, line: int) -> tuple[int, str]:
        """The offset where text after `line` goes, and a newline it needs first."""
        if line + 1 < len(self.starts):
            return self.starts[line + 1], ""
        return len(self.text), "" if self.text.endswith("\n") else "\n"

    def _add(self, start: int, end: int, text: str) -> None:
        self.edits.append(_Edit(start, len(self.edits), end, text))

    # -- finding things -------------------------------------------------------

    def _top(self, key: str) -> yaml.Node | None:
        return next((v for k, v in self.root.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)

    def _items(self) -> yaml.SequenceNode:
        items = self._top("items")
        if not isinstance(items, yaml.SequenceNode):
            raise PlanInvalid([Problem(PLAN_FILE, None, "items", "Listen 'items:' mangler eller er ikke en liste.")])
        return items

    def _item(self, item_id: str) -> yaml.MappingNode:
        for node in self._items().value:
            if isinstance(node, yaml.MappingNode) and _get(node, "id") is not None and _scalar(_get(node, "id")) == item_id:
                return node
        raise PlanInvalid([Problem(PLAN_FILE, None, "items", f"Indsatsen '{item_id}' findes ikke i filen.")])

    # -- edits ------------------------------------------------------------------

    def append_history(self, item_id: str, entry: Mapping[str, Any]) -> None:
        item = self._item(item_id)
        history = _get(item, "history")
        if not isinstance(history, yaml.SequenceNode):
            raise PlanInvalid([Problem(PLAN_FILE, item.start_mark.line + 1, f"items[{item_id}].history", "Historikken er ikke en liste.")])
        if history.flow_style:
            self._append_to_flow(history, render_flow(entry))
            return
        dash = history.start_mark.column
        first = history.value[0] if history.value else None
        keys = first.start_mark.column if isinstance(first, yaml.MappingNode) and not first.flow_style else dash + 2
        offset, prefix = self._after_line(self._last_line(history))
        self._add(offset, offset, prefix + _block_entry(entry, dash, keys))

    def set_field(self, item_id: str, key: str, value: Any) -> None:
        item = self._item(item_id)
        pair = next(((k, v) for k, v in item.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)
        if pair is None:
            self._insert_field(item, key, value)
            return
        key_node, value_node = pair
        if item.flow_style:
            self._add(value_node.start_mark.index, value_node.end_mark.index, render_flow(value))
            return
        block_value = isinstance(value_node, yaml.CollectionNode) and not value_node.flow_style
        if block_value or (isinstance(value_node, yaml.ScalarNode) and value_node.style in ("|", ">")):
            self._add(key_node.end_mark.index, self._end_offset(value_node), ": " + render_value(value))
            return
        empty = isinstance(value_node, yaml.ScalarNode) and value_node.value == "" and not value_node.style
        self._add(value_node.start_mark.index, value_node.end_mark.index, (" " if empty else "") + render_value(value))

    def _insert_field(self, item: yaml.MappingNode, key: str, value: Any) -> None:
        if item.flow_style:
            self._append_to_flow(item, f"{key}: {render_flow(value)}")
            return
        position = ITEM_KEY_ORDER.index(key) if key in ITEM_KEY_ORDER else len(ITEM_KEY_ORDER)
        before = [(k, v) for k, v in item.value if k.value in ITEM_KEY_ORDER[:position]] or item.value[:1]
        last = max(max(self._last_line(k), self._last_line(v)) for k, v in before)
        offset, prefix = self._after_line(last)
        indent = " " * item.start_mark.column
        self._add(offset, offset, f"{prefix}{indent}{key}: {render_value(value)}\n")

    def _append_to_flow(self, node: yaml.CollectionNode, text: str) -> None:
        closing = node.end_mark.index - 1
        self._add(closing, closing, (", " if node.value else "") + text)

    def append_item(self, fields: Mapping[str, Any]) -> None:
        items = self._items()
        if items.flow_style:
            raise PlanInvalid(
                [
                    Problem(
                        PLAN_FILE, items.start_mark.line + 1, "items", "'items:' er skrevet som [...]. Skriv hver indsats som et punkt, der begynder med '- '."
                    )
                ]
            )
        dash = items.start_mark.column
        blocks = [n for n in items.value if isinstance(n, yaml.MappingNode) and not n.flow_style]
        keys = blocks[0].start_mark.column if blocks else dash + 2
        history_dash, history_keys = keys + 2, keys + 4
        for block in reversed(blocks):
            history = _get(block, "history")
            if isinstance(history, yaml.SequenceNode) and not history.flow_style:
                history_dash = keys + (history.start_mark.column - block.start_mark.column)
                first = history.value[0] if history.value else None
                if isinstance(first, yaml.MappingNode) and not first.flow_style:
                    history_keys = history_dash + (first.start_mark.column - history.start_mark.column)
                break
        last_item = items.value[-1] if items.value else None
        separated = last_item is not None and last_item.start_mark.line > 0 and not self.lines[last_item.start_mark.line - 1].strip()
        lines: list[str] = []
        for index, (key, value) in enumerate(fields.items()):
            lead = " " * dash + "- " + " " * (keys - dash - 2) if index == 0 else " " * keys
            if key == "history":
                lines.append(f"{lead}history:\n" + "".join(_block_entry(e, history_dash, history_keys) for e in value))
            else:
                lines.append(f"{lead}{key}: {render_value(value)}\n")
        offset, prefix = self._after_line(self._last_line(items)) if items.value else self._after_line(items.start_mark.line)
        self._add(offset, offset, prefix + ("\n" if separated else "") + "".join(lines))

    def result(self) -> str:
        text = self.text
        for edit in sorted(self.edits, reverse=True):
            text = text[: edit.start] + edit.text + text[edit.end :]
        return text


def _is_flow(node: yaml.Node) -> bool:
    return isinstance(node, yaml.CollectionNode) and bool(node.flow_style)


def _get(node: yaml.MappingNode, key: str) -> yaml.Node | None:
    return next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)


def _scalar(node: yaml.Node | None) -> str | None:
    return node.value if isinstance(node, yaml.ScalarNode) else None


def _block_entry(entry: Mapping[str, Any], dash: int, keys: int) -> str:
    lines = []
    for index, (key, value) in enumerate(entry.items()):
        lead = " " * dash + "- " + " " * (keys - dash - 2) if index == 0 else " " * keys
        lines.append(f"{lead}{key}: {render_value(value)}\n")
    return "".join(lines)


# -- checking what an editor asks for ----------------------------------------------


def arg_problem(field_name: str, message: str, line: int | None = None) -> PlanInvalid:
    return PlanInvalid([Problem(PLAN_FILE, line, field_name, message)])


def find_item(plan: Plan, ident: str, field_name: str = "id") -> tuple[Item, str]:
    """The item with this id or previous id, and a note when it was a previous one."""
    item = plan.items_by_id.get(ident)
    if item is not None:
        return item, ""
    for candidate in plan.items:
        if ident in candidate.previous_ids:
            return candidate, f"'{ident}' er et tidligere id. Indsatsen hedder nu '{candidate.id}', og ændringen er gemt på den."
    known = [i.id for i in plan.items] + [p for i in plan.items for p in i.previous_ids]
    raise arg_problem(field_name, f"Indsatsen '{ident}' findes ikke i planen.{suggest(ident, known)} Se id'erne under 'items:' i {PLAN_FILE}.")


def find_status(plan: Plan, ident: str, field_name: str = "status") -> Status:
    for status in plan.statuses:
        if ident in (status.id, status.label) or ident.casefold() == status.label.casefold():
            return status
    ids = [s.id for s in plan.statuses]
    raise arg_problem(field_name, f"Ukendt status '{ident}'.{suggest(ident, ids)} Tilladt: {', '.join(ids)}.")


def parse_day(text: str | None, field_name: str = "--dato") -> dt.date:
    if not text:
        return dt.date.today()
    try:
        return parse_date_text(text)
    except PeriodError as error:
        raise arg_problem(field_name, f"Ugyldig dato: {error}.") from None


def parse_timing(text: str, field_name: str) -> Period:
    try:
        return parse_period(text)
    except PeriodError as error:
        raise arg_problem(field_name, f"Ugyldigt tidspunkt: {error}.") from None


def date_problems(plan: Plan, day: dt.date, item: Item | None, field_name: str = "--dato") -> list[str]:
    """Why a history entry on `day` would not fit the plan, in Danish (empty: it fits)."""
    found = []
    as_of = plan.info.data_as_of
    if day > as_of:
        found.append(
            f"Datoen {day.isoformat()} ligger efter planens data_as_of ({as_of.isoformat()}). "
            f"Ryk data_as_of frem i {PLAN_FILE} først, eller angiv en tidligere dato med {field_name} ÅÅÅÅ-MM-DD."
        )
    if item is not None and item.history and day < item.history[-1].date:
        last = item.history[-1].date.isoformat()
        found.append(f"Datoen {day.isoformat()} ligger før det seneste punkt i historikken for '{item.id}' ({last}). Historikken skal stå i datoorden.")
    return found


def check_ref(value: str, known: Sequence[str], field_name: str, what: str) -> str:
    if value in known:
        return value
    raise arg_problem(field_name, f"Ukendt {what} '{value}'.{suggest(value, known)} Tilladt: {choices(known)}.")


def all_ids(plan: Plan) -> set[str]:
    return {i.id for i in plan.items} | {p for i in plan.items for p in i.previous_ids}


def fresh_id(title: str, taken: set[str]) -> str:
    base = slugify(title) or "indsats"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def history_entry(day: dt.date, status: str | None = None, timing: Mapping[str, Any] | None = None, comment: str = "") -> dict[str, Any]:
    entry: dict[str, Any] = {"date": day}
    if status:
        entry["status"] = status
    if timing:
        entry["timing"] = dict(timing)
    if comment:
        entry["comment"] = comment
    return entry


# -- the commands' work --------------------------------------------------------------


@dataclass
class Change:
    """What a command will write: the new plan text, new notes, and what to tell."""

    plan_text: str
    messages: list[str]
    new_files: dict[str, str] = field(default_factory=dict)  # path relative to the project -> text


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


def note_template(title: str) -> str:
    return (
        "<!--\n"
        f"Noten til indsatsen '{title}'. Skriv almindelig Markdown under denne kommentar;\n"
        "teksten vises på indsatsens side. Brug overskrifter med ## (aldrig #: indsatsens\n"
        "titel er sidens overskrift). Link til andre dele af planen med fx\n"
        "`[teksten](indsats:et-andet-id)` eller `[temaet](tema:et-tema-id)`.\n"
        "Kommentaren her vises ikke på siden.\n"
        "-->\n"
    )


def load_valid(root: Path) -> tuple[Plan, PlanFile]:
    """The validated plan and its file; an invalid project must be fixed first."""
    try:
        project = load_project(root)
    except PlanInvalid as error:
        lead = Problem(PLAN_FILE, None, "", "Planen har allerede problemer, så den bliver ikke ændret. Ret dem først (se 'planspor check').")
        raise PlanInvalid([lead, *error.problems]) from None
    return project.plan, read_plan_file(root)


def plan_new_item(root: Path, request: NewItem) -> Change:
    plan, source = load_valid(root)
    theme = check_ref(request.theme, [t.id for t in plan.themes], "--tema", "tema")
    kind = check_ref(request.kind, [k.id for k in plan.kinds], "--type", "type")
    committees = [check_ref(c, [c.id for c in plan.committees], "--udvalg", "udvalg") for c in request.committees]
    if not committees:
        raise arg_problem("--udvalg", "Angiv mindst ét udvalg med --udvalg.")
    if len(set(committees)) != len(committees):
        raise arg_problem("--udvalg", "Det samme udvalg er angivet to gange.")
    title = " ".join(request.title.split())
    if not title:
        raise arg_problem("--titel", "Titlen er tom. Skriv indsatsens titel med --titel.")
    taken = all_ids(plan)
    ident = request.ident or fresh_id(title, taken)
    if not is_slug(ident):
        raise arg_problem("--id", f"Id'et '{ident}' er ikke tilladt. Brug kun små bogstaver a-z, tal og bindestreg (æ→ae, ø→oe, å→aa), fx '{slugify(ident)}'.")
    if ident in taken:
        raise arg_problem(
            "--id", f"Id'et '{ident}' er allerede brugt (som id eller tidligere id). Et id må aldrig genbruges; vælg et andet, fx '{fresh_id(ident, taken)}'."
        )
    note = f"{CONTENT_DIR}/{NOTES_DIR}/{ident}.md"
    if (root / note).exists():
        raise arg_problem("--id", f"Noten {note} findes allerede, men indsatsen '{ident}' findes ikke. Flyt eller slet noten, eller vælg et andet id.")
    timing = _timing(request.start, request.end)
    day = parse_day(request.day)
    problems = date_problems(plan, day, None)
    if problems:
        raise arg_problem("--dato", " ".join(problems), _data_as_of_line(source.text))
    fields: dict[str, Any] = {"id": ident, "title": title, "theme": theme, "kind": kind, "committees": committees, "strategic": request.strategic}
    if timing:
        fields["timing"] = timing
    fields["history"] = [history_entry(day, plan.statuses[0].id, comment=CREATED_COMMENT)]
    editor = PlanTextEditor(source.text)
    editor.append_item(fields)
    messages = [f"Ny indsats: {ident}", f"  {PLAN_FILE}: tilføjet sidst under items:", f"  {note}: ny note"]
    return Change(editor.result(), messages, {note: note_template(title)})


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
    plan, source = load_valid(root)
    item, renamed = find_item(plan, ident)
    status = find_status(plan, status_id, "status")
    comment = comment.strip()
    if status.dropped and not comment:
        raise arg_problem("--kommentar", f"Status '{status.label}' kræver en begrundelse. Skriv den med --kommentar \"...\".", item.line)
    day = parse_day(day_text)
    problems = date_problems(plan, day, item)
    if problems:
        raise arg_problem("--dato", " ".join(problems), item.line)
    editor = PlanTextEditor(source.text)
    editor.append_history(item.id, history_entry(day, status.id, comment=comment))
    messages = [renamed] if renamed else []
    messages.append(f"{item.id}: status {item.status.id} → {status.id} ({day.isoformat()})")
    return Change(editor.result(), messages)


def plan_move(root: Path, ident: str, end: str | None, start: str | None, comment: str, day_text: str | None = None) -> Change:
    plan, source = load_valid(root)
    item, renamed = find_item(plan, ident)
    if not end and not start:
        raise arg_problem("--slut", "Angiv det nye tidspunkt med --slut (og/eller --start), fx --slut 2025-Q2.", item.line)
    comment = comment.strip()
    if not comment:
        raise arg_problem("--kommentar", 'Skriv hvorfor tidspunktet flyttes med --kommentar "...".', item.line)
    new_start = parse_timing(start, "--start") if start else None
    new_end = parse_timing(end, "--slut") if end else None
    current = item.timing
    after_start, after_end = new_start or current.start, new_end or current.end
    if after_start and after_end and after_end.last < after_start.first:
        raise arg_problem("--slut", f"Efter flytningen ville slut ({after_end.text}) ligge før start ({after_start.text}).", item.line)
    if (new_start is None or new_start == current.start) and (new_end is None or new_end == current.end):
        raise arg_problem("--slut", f"Indsatsen '{item.id}' har allerede det tidspunkt ({current.label()}). Intet at flytte.", item.line)
    day = parse_day(day_text)
    problems = date_problems(plan, day, item)
    if problems:
        raise arg_problem("--dato", " ".join(problems), item.line)
    timing: dict[str, Any] = {}
    if new_start:
        timing["start"] = period_value(new_start)
    if new_end:
        timing["end"] = period_value(new_end)
    editor = PlanTextEditor(source.text)
    editor.append_history(item.id, history_entry(day, timing=timing, comment=comment))
    before = current.label() or "intet tidspunkt"
    after = type(current)(after_start, after_end).label()
    messages = [renamed] if renamed else []
    messages.append(f"{item.id}: flyttet fra {before} til {after} ({day.isoformat()})")
    return Change(editor.result(), messages)


# -- saving ---------------------------------------------------------------------------


def check_text(text: str, root: Path) -> None:
    """Validate a changed plan in memory before anything is written."""
    try:
        build_plan(parse_yaml(SourceText(root / PLAN_FILE, PLAN_FILE, text)), PLAN_FILE)
    except PlanInvalid as error:
        lead = Problem(PLAN_FILE, None, "", "Ændringen ville gøre planen ugyldig, så intet er gemt (linjenumrene herunder gælder den ændrede fil).")
        raise PlanInvalid([lead, *error.problems]) from None


def save_change(root: Path, change: Change) -> None:
    """Write the plan and any new notes; put everything back if the result is invalid."""
    check_text(change.plan_text, root)
    source = read_plan_file(root)
    created: list[Path] = []
    write_atomically(source.path, source.encode(change.plan_text))
    try:
        for relative, text in change.new_files.items():
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(path, text.encode("utf-8"))
            created.append(path)
        load_project(root)
    except PlanInvalid as error:
        _restore(source, created)
        lead = Problem(PLAN_FILE, None, "", "Efter ændringen var projektet ugyldigt, så den oprindelige fil er lagt tilbage. Intet er ændret.")
        raise PlanInvalid([lead, *error.problems]) from None
    except BaseException:
        _restore(source, created)
        raise


def _restore(source: PlanFile, created: list[Path]) -> None:
    write_atomically(source.path, source.raw)
    for path in created:
        path.unlink(missing_ok=True)
