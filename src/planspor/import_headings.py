"""The theme and type a row's place gives it: the sheet it is on, the Word headings it stands under.

Administrations keep one sheet per theme ("Økonomisk politik", no Tema
column), or write the plan in Word under headings that name the kinds
("Driftsændringer") and the themes (the budget agreement's main points). A
heading names a theme or a kind by its title or id (case, spacing, dashes and
quotes aside), or by the first 31 characters of its title, which is as long as
Excel lets a sheet's name be.

Not every heading is one: "Indledning" or a document's title is just text. A
heading is refused only where a theme or kind heading was to be: on a level
(Heading 2, a bold paragraph, a sheet) where the document has such headings
elsewhere, above an item, with no heading of its level that names one after it. With one sheet, its name is only a name ("Ark1");
with several, every sheet must name a theme or kind. This module changes when
headings are to be read as something else.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from .import_rows import SHEET_LEVEL, Given, Heading, SheetRow, Table
from .model import Plan
from .problems import PlanInvalid, Problem, suggest
from .slugs import slugify, title_key

EXCEL_SHEET_NAME_LENGTH = 31
_PLURAL_ENDINGS = ("er", "r", "e")


@dataclass(frozen=True)
class _Named:
    key: str  # "theme" or "kind"
    ident: str
    title: str


def with_places(tables: Sequence[Table], plan: Plan) -> list[Table]:
    """The tables with each row's Given theme and kind; PlanInvalid naming every heading that should name one and does not."""
    options = [_Named("theme", t.id, t.title) for t in plan.themes] + [_Named("kind", k.id, k.title) for k in plan.kinds]
    headings = {heading for table in tables for row in (table.header, *table.rows) for heading in row.headings}
    sheets = list(dict.fromkeys(row.headings[0].text for table in tables for row in (table.header,) if row.headings and row.headings[0].level == SHEET_LEVEL))
    # One sheet's name is only a name: a sheet called "Effektiviseringer" that holds every theme's rows must not move them.
    named = {heading: None if heading.level == SHEET_LEVEL and len(sheets) < 2 else _named(heading, options) for heading in headings}
    roles = {heading.level for heading, found in named.items() if found is not None} | ({SHEET_LEVEL} if len(sheets) > 1 else set())
    problems: dict[Heading, Problem] = {}
    result = []
    for table in tables:
        rows = []
        for row in table.rows:
            for index, heading in enumerate(row.headings):
                if named[heading] is None and heading.level in roles and heading not in problems and not _followed(row.headings[index + 1 :], heading, named):
                    problems[heading] = _not_named(row, heading, plan, sheets)
            rows.append(replace(row, given=_given(row, named)))
        result.append(replace(table, rows=tuple(rows)))
    if problems:
        raise PlanInvalid(problems.values())
    return result


def _followed(later: Sequence[Heading], heading: Heading, named: dict[Heading, _Named | None]) -> bool:
    """Whether a heading on the same level that names a theme or kind comes after it ("Indledning", then "Driftsændringer")."""
    return any(named[other] is not None and other.level == heading.level for other in later)


def _given(row: SheetRow, named: dict[Heading, _Named | None]) -> tuple[Given, ...]:
    """The innermost heading's theme and kind win over an outer one's."""
    given: dict[str, Given] = {}
    for heading in row.headings:
        found = named[heading]
        if found is not None:
            given[found.key] = Given(found.key, found.ident, heading.place)
    return tuple(given.values())


def _named(heading: Heading, options: Sequence[_Named]) -> _Named | None:
    """The theme or kind the heading names: by its title first, then a kind by its plural
    ("Driftsændringer"), then by an id, then a title cut where Excel cuts a sheet's name.
    So "Hensigtserklæringer" is the kind, though it is also the id of a theme."""
    text = heading.text
    key = title_key(text)
    ways = (
        lambda o: key == title_key(o.title),
        lambda o: o.key == "kind" and any(key == title_key(o.title) + end for end in _PLURAL_ENDINGS),
        lambda o: key == o.ident or slugify(text) == o.ident,
        lambda o: len(text) >= EXCEL_SHEET_NAME_LENGTH and title_key(o.title).startswith(key),
    )
    for way in ways:
        if found := next((option for option in options if way(option)), None):
            return found
    return None


def _not_named(row: SheetRow, heading: Heading, plan: Plan, sheets: list[str]) -> Problem:
    themes = [t.title for t in plan.themes]
    kinds = [k.title for k in plan.kinds]
    if heading.level == SHEET_LEVEL:
        return Problem(
            row.file,
            None,
            f"ark '{heading.text}'",
            f"Regnearket har {len(sheets)} ark ({', '.join(sheets)}), og så læses hvert ark som ét tema, men arket '{heading.text}' hedder ikke som et tema."
            + f"{suggest(heading.text, themes + kinds)} Temaerne hedder: {', '.join(themes)}. "
            + f'Omdøb arket til temaets navn, eller importer ét ark ad gangen med --ark "{heading.text}".',
        )
    return Problem(
        row.file,
        None,
        heading.place.removeprefix("under "),
        f"Overskriften '{heading.text}' står, hvor dokumentet ellers har en type eller et tema over indsatserne, men den hedder hverken som en type eller et tema."
        + f"{suggest(heading.text, themes + kinds)} Typerne hedder: {', '.join(kinds)}. Temaerne hedder: {', '.join(themes)}. "
        + "Ret overskriften, så den hedder som typen eller temaet.",
    )
