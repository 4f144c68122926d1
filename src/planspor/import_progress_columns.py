"""The sheets "Milepæle" and "Målinger": their columns, how a table is known to be one, and its Layout.

A workbook may hold, beside its sheets of items, a sheet "Milepæle" (one row per milestone) and a
sheet "Målinger" (one row per measurement of an indicator). Their names are reserved like the
template's helper sheets: such a sheet is never read as items or as a theme. The headers are the
ones the site's milepaele.csv and maalinger.csv use (progress_data), so those files can come back
through the import as they are: a CSV file (which has no sheet name) is known by its headers. The
columns Planspor fills in for the reader (Indsats, Overskredet, Enhed) are checked against the
plan, never imported. This module changes when the two sheets gain, lose or explain a column.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from .import_cells import one_line
from .import_layout import HEADING_SEARCH_ROWS, Layout, header_cells
from .import_rows import SheetRow, Table
from .problems import PlanInvalid, Problem
from .progress_data import MEASUREMENT_COLUMNS, MEASUREMENTS_SHEET, MILESTONE_COLUMNS, MILESTONES_SHEET
from .slugs import slugify


@dataclass(frozen=True)
class ProgressSheet:
    """One of the two sheets: its name, each column's header by key, and what the template explains."""

    name: str
    headers: dict[str, str]  # key -> header, in the order of the site's CSV file
    filled: tuple[str, ...]  # the keys Planspor fills in (checked against the plan, never imported)
    required: tuple[tuple[str, ...], ...]  # for each: one of these columns must be there
    distinctive: tuple[str, ...]  # a header row with one of these (and Id) is this sheet's, whatever the sheet is called
    help: dict[str, str] = field(default_factory=dict)
    example: dict[str, str] = field(default_factory=dict)

    @property
    def template_headers(self) -> list[str]:
        """The headers an editor fills in: the site's columns without those Planspor fills in."""
        return [header for key, header in self.headers.items() if key not in self.filled]

    def header(self, key: str) -> str:
        return self.headers[key]


_ITEM_HELP = "Indsatsens id fra planen (som i kolonnen Id på arket med indsatserne)."
MILESTONES = ProgressSheet(
    MILESTONES_SHEET,
    dict(zip(("item", "item_title", "milestone_id", "title", "planned", "reached", "late"), MILESTONE_COLUMNS, strict=True)),
    filled=("item_title", "late"),
    required=(("item", "item_title"), ("milestone_id", "title")),
    distinctive=("milestone_id", "title"),
    help={
        "item": _ITEM_HELP,
        "milestone_id": "Milepælens id (a-z, tal og bindestreg). Har indsatsen en milepæl med det id, opdateres den; ellers tilføjes en ny. "
        + "Tom: id'et laves af titlen, og en milepæl med samme titel opdateres.",
        "title": "Milepælens titel: hvad der skal være nået. Skal udfyldes for en ny milepæl.",
        "planned": "Hvornår milepælen er planlagt: et kvartal (2024-Q3 eller 3. kvartal 2024), en måned, et år eller en dato. "
        + "Skal udfyldes for en ny milepæl.",
        "reached": "Datoen, hvor milepælen blev nået (12-09-2024 eller 2024-09-12). Tom: ikke nået endnu, eller ingen ændring.",
        "item_title": "Indsatsens titel. Udfyldes af Planspor i hjemmesidens milepaele.csv; ret titlen på arket med indsatserne.",
        "late": "ja, hvis milepælen ikke er nået, og det planlagte tidspunkt er passeret. Udfyldes af Planspor i hjemmesidens milepaele.csv.",
    },
    example={"item": "renovering-af-skolebygninger", "milestone_id": "udbud-etape-2", "title": "Udbud af anden etape", "planned": "3. kvartal 2025"},
)
MEASUREMENTS = ProgressSheet(
    MEASUREMENTS_SHEET,
    dict(zip(("item", "item_title", "indicator_id", "indicator", "unit", "date", "value", "source", "url"), MEASUREMENT_COLUMNS, strict=True)),
    filled=("item_title", "unit"),
    required=(("item", "item_title"), ("indicator_id", "indicator"), ("date",), ("value",), ("source",)),
    distinctive=("indicator_id", "indicator"),
    help={
        "item": _ITEM_HELP,
        "indicator_id": "Indikatorens id under indsatsens indicators: i data/plan.yaml. Tom: indikatoren findes ud fra dens navn.",
        "indicator": "Indikatorens navn (name: i data/plan.yaml). Indikatoren med enhed, udgangspunkt og mål skal stå i planen i forvejen.",
        "date": "Datoen for målingen (30-09-2024 eller 2024-09-30). Én måling pr. dag.",
        "value": "Det målte tal i indikatorens enhed. Decimalkomma og tusindtalspunktum er i orden (fx 78,6 eller 23.600).",
        "source": "Hvor tallet kommer fra, fx Energiregnskab 3. kvartal 2024. Skal udfyldes.",
        "url": "Et link til kilden (https://…), hvis den findes på nettet.",
        "item_title": "Indsatsens titel. Udfyldes af Planspor i hjemmesidens maalinger.csv.",
        "unit": "Indikatorens enhed. Udfyldes af Planspor i hjemmesidens maalinger.csv; den står i data/plan.yaml.",
    },
    example={
        "item": "energistyring-i-kommunale-bygninger",
        "indicator_id": "energiforbrug",
        "date": "30-09-2024",
        "value": "23.100",
        "source": "Energiregnskab 3. kvartal 2024",
    },
)
PROGRESS_SHEETS = (MILESTONES, MEASUREMENTS)
PROGRESS_SHEET_NAMES = tuple(sheet.name for sheet in PROGRESS_SHEETS)


def _key(sheet: ProgressSheet, text: str) -> str | None:
    """The column a header means in this sheet (case, spacing, æøå and a note in brackets aside)."""
    slug = slugify(text.split("(")[0])
    return next((key for key, header in sheet.headers.items() if slugify(header) == slug), None)


def _column_keys(sheet: ProgressSheet, cells: Sequence[Any]) -> list[str | None]:
    return [_key(sheet, text) for text in (one_line(raw) for raw in cells) if text]


def progress_sheet(table: Table) -> ProgressSheet | None:
    """The progress sheet a table is: by the sheet's name ("Milepæle", "milepaele"), or for a sheet by
    another name and a CSV file, by a heading row of this sheet's columns only, with Id and Milepæl or Indikator."""
    name = table.header.sheet
    for sheet in PROGRESS_SHEETS:
        if name is not None and slugify(name) == slugify(sheet.name):
            return sheet
    for row in (table.header, *table.rows)[:HEADING_SEARCH_ROWS]:
        for sheet in PROGRESS_SHEETS:
            keys = _column_keys(sheet, row.cells)
            if keys and None not in keys and {"item", "item_title"} & set(keys) and set(sheet.distinctive) & set(keys):
                return sheet
    return None


def heading_row(table: Table, sheet: ProgressSheet) -> Table:
    """The table from its heading row down: the first of its first rows with two of the sheet's headers."""
    rows = [table.header, *table.rows]
    for index, row in enumerate(rows[:HEADING_SEARCH_ROWS]):
        if len([key for key in _column_keys(sheet, row.cells) if key]) >= 2:
            return replace(table, header=row, rows=tuple(rows[index + 1 :]))
    return table


def progress_layout(table: Table, sheet: ProgressSheet, ignored: Collection[str]) -> Layout:
    """Each column's place and header as written; PlanInvalid naming unknown, repeated and missing headers.
    ``ignored``: headings left out with --ignorer (recorded in Layout.left_out, as for the items' sheets)."""
    layout = Layout(headers=dict(sheet.headers))
    header = table.header
    problems: list[Problem] = []
    unknown: list[tuple[int, str]] = []
    for index, text in header_cells(header, ignored, layout):
        key = _key(sheet, text)
        if key is None:
            unknown.append((index, text))
        elif key in layout.columns:
            problems.append(header.problem(index, text, f"Kolonnen '{sheet.header(key)}' står to gange. Slet den ene."))
        else:
            layout.columns[key] = index
            layout.headers[key] = text
    if unknown:
        problems.append(_unknown(header, sheet, unknown))
    missing = [" eller ".join(f"'{sheet.header(key)}'" for key in keys) for keys in sheet.required if not set(keys) & layout.columns.keys()]
    if missing:
        problems.append(
            header.problem(
                None,
                "overskrifter",
                f"Arket {sheet.name} mangler kolonnen {' og kolonnen '.join(missing)} i rækken med overskrifterne. "
                + f"Overskrifterne er: {', '.join(sheet.template_headers)} (se skabeloner/).",
            )
        )
    if problems:
        raise PlanInvalid(problems)
    return layout


def _unknown(header: SheetRow, sheet: ProgressSheet, unknown: list[tuple[int, str]]) -> Problem:
    """Every heading the sheet does not have, in one message, with what it may have meant."""
    by_slug = {slugify(name): name for name in sheet.headers.values()}
    named = []
    for index, text in unknown:
        close = difflib.get_close_matches(slugify(text), list(by_slug), n=1, cutoff=0.75)
        named.append(f"'{text}' i {header.where(index, text).split(' ')[0]}" + (f" (mente du '{by_slug[close[0]]}'?)" if close else ""))
    what = f"Ukendt kolonne {named[0]}" if len(named) == 1 else f"Ukendte kolonner: {'; '.join(named)}"
    filled = ", ".join(sheet.header(key) for key in sheet.filled)
    leave_out = " ".join(f'--ignorer "{text}"' for _, text in unknown)
    return header.problem(
        unknown[0][0],
        "overskrifter",
        f"{what}. Arket {sheet.name} har kolonnerne {', '.join(sheet.template_headers)} (og {filled}, som Planspor udfylder). "
        + f"Ret overskriften, eller lad kolonnen være ude af importen med {leave_out}.",
    )
