"""Several sheets, one per theme: the theme each sheet's name names.

Administrations often keep their plan as one sheet per theme ("Økonomisk
politik", "Skoler og dagtilbud"), with no Tema column: the sheet is the theme.
A sheet's name names a theme by its title or id (case, spacing, dashes and
quotes aside), or by the first 31 characters of its title, which is as long
as Excel lets a sheet's name be. With one sheet, a name that names no theme is
only a name ("Ark1"); with several, every sheet must name one, so no sheet is
read as some other theme's rows. This module changes when sheets are to be
read as something else than themes.
"""

from __future__ import annotations

from collections.abc import Sequence

from .import_rows import Table
from .model import Plan, Theme
from .problems import PlanInvalid, Problem, suggest
from .slugs import slugify, title_key

EXCEL_SHEET_NAME_LENGTH = 31


def sheet_themes(tables: Sequence[Table], plan: Plan) -> dict[str, str]:
    """Each sheet's theme id by the sheet's name; PlanInvalid naming every sheet of several that names no theme."""
    found: dict[str, str] = {}
    problems: list[Problem] = []
    for table in tables:
        name = table.header.sheet
        if name is None:
            continue  # a CSV file: no sheet
        theme = _theme_named(name, plan.themes)
        if theme is not None:
            found[name] = theme.id
        elif len(tables) > 1:
            problems.append(_not_a_theme(table, name, plan.themes, [t.header.sheet or "" for t in tables]))
    if problems:
        raise PlanInvalid(problems)
    return found


def _theme_named(name: str, themes: Sequence[Theme]) -> Theme | None:
    key = title_key(name)
    for theme in themes:
        title = title_key(theme.title)
        if key in (title, theme.id) or slugify(name) == theme.id:
            return theme
        if len(name) >= EXCEL_SHEET_NAME_LENGTH and title.startswith(key):
            return theme  # the title, cut where Excel cuts a sheet's name
    return None


def _not_a_theme(table: Table, name: str, themes: Sequence[Theme], sheets: list[str]) -> Problem:
    titles = [theme.title for theme in themes]
    return Problem(
        table.header.file,
        None,
        f"ark '{name}'",
        f"Regnearket har {len(sheets)} ark ({', '.join(sheets)}), og så læses hvert ark som ét tema, men arket '{name}' hedder ikke som et tema."
        + f"{suggest(name, titles)} Temaerne hedder: {', '.join(titles)}. "
        + f'Omdøb arket til temaets navn, eller importer ét ark ad gangen med --ark "{name}".',
    )
