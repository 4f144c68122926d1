"""A matched row's cells as plan values: names resolved to ids, periods, amounts, ja/nej, verdensmål.

Editors write a theme, type, committee or status by its title or its id, in
any case; the plan stores ids. Every cell that cannot be read is rejected with
what is allowed. An empty cell says nothing and changes nothing. This module
changes when a field is read differently or a new field is imported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .danish_timings import schedule
from .import_cells import cell_period, parse_amount, split_list, yes_or_no
from .import_layout import BUDGET_KEY
from .import_match import MatchedRow
from .located import title_too_long
from .model import Plan
from .periods import PeriodError
from .plan_keys import TITLE_LENGTH
from .problems import suggest
from .sdgs import all_sdgs
from .slugs import slugify

Options = list[tuple[str, str]]  # (id, title) of each thing a cell may name
_TEXTS = ("title", "responsible", "process", "cross_cutting", "comment")


def read_values(row: MatchedRow, plan: Plan, sheet_ids: Iterable[str]) -> None:
    """Fill row.values and row.budget from the cells; `sheet_ids` are the ids the sheet itself adds or names."""
    _read_references(row, plan)
    _read_finished(row, plan)
    _read_lists(row, plan, sheet_ids)
    _read_plans(row, plan)
    _read_sdgs(row)
    _read_texts(row)
    _read_strategic(row)
    _read_periods(row)
    _read_budget(row)


def _read_references(row: MatchedRow, plan: Plan) -> None:
    references: dict[str, tuple[Options, str]] = {
        "theme": ([(t.id, t.title) for t in plan.themes], "tema"),
        "kind": ([(k.id, k.title) for k in plan.kinds], "type"),
        "status": ([(s.id, s.label) for s in plan.statuses], "status"),
    }
    for key, (options, what) in references.items():
        text = row.cells.line(key)
        if text:
            row.values[key] = _resolve(row, key, text, options, what)
    _read_given(row, plan)


def _read_given(row: MatchedRow, plan: Plan) -> None:
    """The theme or type the row's sheet or heading gives it (import_headings); a cell that says otherwise is named."""
    names = {"theme": ("temaet", {t.id: t.title for t in plan.themes}), "kind": ("typen", {k.id: k.title for k in plan.kinds})}
    for given in row.cells.row.given:
        written = row.values.setdefault(given.key, given.ident)
        if written == given.ident or given.key in row.cells.rejected:
            continue
        what, titles = names[given.key]
        row.cells.reject(
            given.key,
            f"Rækken står {given.place}, som giver {what} '{titles[given.ident]}', men kolonnen {row.cells.header(given.key)} siger '{written}'. "
            + "Flyt rækken, eller ret cellen.",
        )


# The paper plan's mark for a finished item ("markeret med X for afsluttet"), and a plain yes.
FINISHED_MARKS = ("x", "✓", "✔", "ja")


def _read_finished(row: MatchedRow, plan: Plan) -> None:
    """An X in the Afsluttet column: the plan's finished status, unless the item has it already."""
    text = row.cells.line("finished")
    if not text:
        return
    if text.casefold() not in FINISHED_MARKS:
        row.cells.reject("finished", f"Skriv X (eller ✓ eller ja), når indsatsen er afsluttet, og lad ellers cellen være tom; der står '{text}'.")
        return
    finished = next((s for s in plan.statuses if s.finished), None)
    if finished is None:
        row.cells.reject("finished", "Planen har ingen status, der betyder afsluttet (finished: true under statuses:), så et X kan ikke bruges.")
        return
    written = row.values.get("status")
    if written is not None and written != finished.id:
        row.cells.reject("finished", f"Indsatsen er markeret som afsluttet, men kolonnen Status siger '{written}'. Ret den ene af dem.")
        return
    if row.item is not None and row.item.status.finished:
        return  # finished already: the X changes nothing
    row.values["status"] = finished.id


def _read_lists(row: MatchedRow, plan: Plan, sheet_ids: Iterable[str]) -> None:
    lists: dict[str, tuple[Options, str]] = {
        "committees": ([(c.id, c.title) for c in plan.committees], "udvalg"),
        "strategies": ([(s.id, s.title) for s in plan.strategies], "strategi"),
        "strengths": ([(s.id, s.title) for st in plan.strategies for s in st.strengths], "styrkeposition"),
        "related": ([(i, i) for i in [*plan.items_by_id, *sheet_ids]], "indsats"),
    }
    for key, (options, what) in lists.items():
        parts = split_list(row.cells.raw(key))
        if parts:
            row.values[key] = [ident for part in parts for ident in _joined(part, options) or [_resolve(row, key, part, options, what)]]


def _read_plans(row: MatchedRow, plan: Plan) -> None:
    """Planer: the plans the item belongs to, by period or title, kept in the plans' order (oldest first) as the plan writes them."""
    parts = split_list(row.cells.raw("plans"))
    if not parts:
        return
    order = [adopted.id for adopted in plan.plans]
    named = {_resolve(row, "plans", part, [(p.id, p.title) for p in plan.plans], "plan") for part in parts}
    row.values["plans"] = sorted(named, key=lambda ident: order.index(ident) if ident in order else len(order))


# Between two names in one list cell, as Word documents write it: "Økonomiudvalget og Børne- og ungdomsudvalget".
_AND = re.compile(r"(\s+og\s+|\s*&\s*|\s*/\s*)")


def _joined(text: str, options: Options) -> list[str] | None:
    """The ids of names joined by "og", "&" or "/" in one part, where a name may hold "og" itself
    ("Børne- og ungdomsudvalget"); None if no way of cutting it names only known things."""
    tokens = _AND.split(text)  # name, separator, name, ...
    names, glues = tokens[::2], tokens[1::2]
    if len(names) > 8:
        return None  # 2^7 ways to cut is enough for any real cell
    for cuts in range(1 << (len(names) - 1)):
        pieces, current = [], names[0]
        for index, glue in enumerate(glues):
            if cuts >> index & 1:
                pieces.append(current)
                current = names[index + 1]
            else:
                current += glue + names[index + 1]
        found = [_lookup(piece, options) for piece in [*pieces, current]]
        if all(found):
            return [ident for ident in found if ident]
    return None


def _lookup(text: str, options: Options) -> str | None:
    for ident, title in options:
        if text in (ident, title) or text.casefold() == title.casefold() or slugify(text) == ident:
            return ident
    return None


def _resolve(row: MatchedRow, key: str, text: str, options: Options, what: str) -> str:
    """The id a cell names by id or title; rejected (and kept as written) when it names nothing known."""
    if (ident := _lookup(text, options)) is not None:
        return ident
    ids = [ident for ident, _ in options]
    shown = ", ".join(ids[:20]) + (f" (og {len(ids) - 20} flere)" if len(ids) > 20 else "")
    row.cells.reject(key, f"Ukendt {what} '{text}'.{suggest(text, ids + [t for _, t in options])} Tilladt (id eller titel): {shown}.")
    return text


def _read_sdgs(row: MatchedRow) -> None:
    numbers = []
    for part in split_list(row.cells.raw("sdgs")):
        number = int(part) if part.isdigit() else None
        if number not in all_sdgs():
            row.cells.reject("sdgs", f"Verdensmål skal være numre fra 1 til 17 adskilt af komma, men der står '{part}'.")
            continue
        numbers.append(number)
    if numbers:
        row.values["sdgs"] = numbers


def _read_texts(row: MatchedRow) -> None:
    """Free text as written; the title on one line, the others keep their line breaks."""
    for key in _TEXTS:
        text = row.cells.line(key) if key == "title" else row.cells.text(key)
        if key == "title" and len(text) > TITLE_LENGTH:
            row.cells.reject(key, title_too_long(text))
            continue
        if key == "title" and row.by_title:
            continue  # as the sheet spells the item's title: it named the item, it is not a new title
        if text:
            row.values[key] = text


def _read_strategic(row: MatchedRow) -> None:
    text = row.cells.line("strategic").casefold()
    if not text:
        return
    answer = yes_or_no(text)
    if answer is None:
        row.cells.reject("strategic", f"Skriv 'ja' eller 'nej', men der står '{text}'.")
        return
    row.values["strategic"] = answer


def _read_periods(row: MatchedRow) -> None:
    for key in ("start", "end"):
        raw = row.cells.raw(key)
        if not row.cells.text(key):
            continue
        try:
            row.values[key] = cell_period(raw, "start" if key == "start" else "end")
        except PeriodError as error:
            row.cells.reject(key, f"Ugyldigt tidspunkt: {error}.")
    _read_schedule(row)


def _read_schedule(row: MatchedRow) -> None:
    """One "Tidsplan" cell: a span ("2024-2025", "2024/25") is the start and the end, "fra 2024" the start,
    "løbende" an end that never comes, "fra 2024 og løbende" both; one point is the end."""
    text = row.cells.line("schedule")
    if not text:
        return
    try:
        both = schedule(text)
        start, end = both if both is not None else (None, cell_period(row.cells.raw("schedule"), "end"))
    except PeriodError as error:
        row.cells.reject(
            "schedule",
            f"Ugyldigt tidspunkt: {error}. Et spænd som 2024-2025 er start og slut, 'fra 2024 og løbende' er start og ingen slut; ét tidspunkt er slut.",
        )
        return
    for key, period in (("start", start), ("end", end)):
        if period is None:
            continue
        if key in row.values and row.values[key] != period:
            row.cells.reject(
                "schedule",
                f"Tidsplanen siger {(key == 'start' and 'start') or 'slut'} {period.text}, men kolonnen {row.cells.header(key)} siger {row.values[key].text}. Ret den ene af dem.",
            )
            continue
        row.values[key] = period


def _read_budget(row: MatchedRow) -> None:
    for year in sorted(row.cells.layout.budget_columns):
        key = f"{BUDGET_KEY}{year}"
        raw = row.cells.raw(key)
        if not row.cells.text(key):
            continue
        amount = parse_amount(raw)
        if amount is None:
            row.cells.reject(key, f"Beløbet skal være et tal i 1.000 kr. (besparelser negative, fx -1.250,5), men der står '{row.cells.text(key)}'.")
            continue
        row.budget[year] = amount
