"""The sheet "Målinger": each row a measurement of an indicator the plan already has.

The indicator (its unit, baseline and target) is the plan's: a row names it by Indikator-id or by
its name, and a row for an indicator the plan does not have says what to add to data/plan.yaml.
The value is read as the budget's amounts are (78,6 and 23.600 as a Dane writes them; a number
cell as it is). A measurement the plan has on the same day is that measurement: with the same
value and source it changes nothing, with another it is named, never overwritten (a published
number is corrected in the plan, with its source). Enhed is Planspor's column, checked against
the indicator's unit. This module changes when what a measurement row may add does.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from .import_cells import parse_amount
from .import_layout import Layout, RowCells
from .import_plan import shown_value
from .import_progress_rows import Entry, ItemFinder, OneRowEach, ProgressEdits, ProgressRow, day_cell
from .import_rows import Table
from .located import WEB_LINK
from .money import danish_decimal
from .problems import Problem, suggest
from .progress_model import Indicator, Measurement
from .project import PLAN_FILE
from .slugs import slugify, title_key

ADD_INDICATOR = (
    f"En måling hører til en indikator, som skal stå i {PLAN_FILE} i forvejen: tilføj den under indsatsens indicators: "
    + "med id, name, unit, better (højere eller lavere), baseline og target (hver med value og date), som vejledningen viser, og importér så igen."
)


def read_measurements(table: Table, layout: Layout, finder: ItemFinder, as_of: dt.date, problems: list[Problem], edits: ProgressEdits) -> None:
    """Each row's measurement into ``edits``; every cell that cannot be used into ``problems``."""
    seen = OneRowEach()
    for sheet_row in table.rows:
        cells = RowCells(sheet_row, layout, problems)
        row = finder.find(cells, "målingen")
        measured = _measured(cells, as_of)  # every cell is read (and named if wrong) even when the row's item is not found
        if row is not None:
            _read_row(row, measured, seen, edits)


def _measured(cells: RowCells, as_of: dt.date) -> tuple[dt.date | None, Decimal | None, str, str]:
    """The row's day, value, source and link, each rejected when wrong or, if it must be there, missing."""
    day = day_cell(cells, "date", as_of, "målingens dato", "30-09-2024")
    value = _value(cells)
    source = cells.line("source")
    url = cells.line("url")
    if url and not WEB_LINK.match(url):
        cells.reject("url", f"Linket skal være en hel webadresse, der begynder med https:// (eller http://), men der står '{url}'.")
    for key, found, what in (
        ("date", day, "Datoen for målingen mangler. Skriv den som DD-MM-ÅÅÅÅ eller ÅÅÅÅ-MM-DD, fx 30-09-2024."),
        ("value", value, "Værdien mangler. Skriv det målte tal, fx 78,6 eller 23.600."),
        ("source", source, "Kilden mangler. Skriv, hvor tallet kommer fra, fx 'Energiregnskab 3. kvartal 2024'."),
    ):
        if (found is None or found == "") and key not in cells.rejected:
            cells.reject(key, what)
    return day, value, source, url


def _read_row(row: ProgressRow, measured: tuple[dt.date | None, Decimal | None, str, str], seen: OneRowEach, edits: ProgressEdits) -> None:
    cells = row.cells
    day, value, source, url = measured
    indicator = _indicator(row)
    if indicator is not None:
        _check_unit(row, indicator)
    if indicator is None or day is None or value is None:
        return
    same = next((m for m in indicator.measurements if m.date == day), None)
    if same is not None:
        _same_day(row, indicator, same, value, source, url)
    if same is not None or cells.rejected:
        return
    if not seen.claim(row, "date", (row.ident, indicator.id, day.isoformat()), f"Målingen af '{indicator.id}' {day.isoformat()}"):
        return
    fields: dict[str, Any] = {"date": day, "value": value, "source": source}
    fields.update({"url": url} if url else {})
    edits.entries.append(Entry(row.ident, indicator.id, fields, (day, day)))
    link = f", link {url}" if url else ""
    edits.messages.append(
        f"{row.ident}: ny måling af '{indicator.id}' {day.isoformat()}: {danish_decimal(value)} {indicator.unit}, kilde {shown_value(source)}{link} ({row.label})"
    )


def _indicator(row: ProgressRow) -> Indicator | None:
    """The item's indicator the row names by id or by name; rejected (with what to add) when it has none such."""
    cells = row.cells
    ident, name = cells.line("indicator_id"), cells.line("indicator")
    key = "indicator_id" if ident else "indicator"
    if not ident and not name:
        cells.reject(key, f"Skriv indikatorens id i kolonnen {cells.header('indicator_id')} eller dens navn i kolonnen {cells.header('indicator')}.")
        return None
    if row.item is None:
        cells.reject(key, f"Indsatsen '{row.ident}' er ny i denne import og har ingen indikatorer. {ADD_INDICATOR}")
        return None
    indicators = row.item.indicators
    if not indicators:
        cells.reject(key, f"Indsatsen '{row.ident}' har ingen indikatorer i {PLAN_FILE}. {ADD_INDICATOR}")
        return None
    written = ident or name
    found = next((i for i in indicators if i.id == ident), None) if ident else next((i for i in indicators if _names(i, name)), None)
    if found is None:
        listed = ", ".join(f"{i.id} ({i.name})" for i in indicators)
        what = f"har ingen indikator med id'et '{written}'" if ident else f"har ingen indikator, der hedder '{written}'"
        options = [i.id for i in indicators] if ident else [i.name for i in indicators]
        cells.reject(
            key,
            f"Indsatsen '{row.ident}' {what}.{suggest(written, options)} Dens indikatorer: {listed}. "
            + f"Er det en ny indikator, så tilføj den først i {PLAN_FILE} under indicators: med id, name, unit, better, baseline og target.",
        )
        return None
    if ident and name and not _names(found, name):
        cells.reject(
            "indicator",
            f"Der står '{name}', men indikatoren '{found.id}' hedder '{found.name}'. Ret navnet, eller tøm cellen (navnet ændres i {PLAN_FILE}).",
        )
        return None
    return found


def _names(indicator: Indicator, name: str) -> bool:
    """Whether a name is the indicator's: its name (case, spacing, dashes and quotes aside) or its id."""
    return title_key(name) == title_key(indicator.name) or slugify(name) == indicator.id


def _value(cells: RowCells) -> Decimal | None:
    text = cells.line("value")
    if not text:
        return None
    value = parse_amount(cells.raw("value"))
    if value is None:
        cells.reject("value", f"Værdien skal være et tal (decimalkomma og tusindtalspunktum er i orden, fx 78,6 eller 23.600), men der står '{text}'.")
    return value


def _check_unit(row: ProgressRow, indicator: Indicator) -> None:
    """Enhed, when filled in, is the indicator's unit: a number in another unit would be read wrong."""
    text = row.cells.line("unit")
    if text and text.casefold() != " ".join(indicator.unit.split()).casefold():
        row.cells.reject(
            "unit",
            f"Der står '{text}', men indikatoren '{indicator.id}' måles i '{indicator.unit}'. Enheden står i {PLAN_FILE} (unit:) og udfyldes af Planspor her: "
            + f"skriv tallet i {indicator.unit}, og tøm cellen eller skriv '{indicator.unit}'.",
        )


def _same_day(row: ProgressRow, indicator: Indicator, same: Measurement, value: Decimal, source: str, url: str) -> None:
    """A measurement the plan has on the row's day: the same one changes nothing, another is named, never overwritten."""
    day = same.date.isoformat()
    was = f"Indikatoren '{indicator.id}' har allerede en måling {day}: {danish_decimal(same.value)} {indicator.unit} (kilde: '{same.source}')"
    if value != same.value:
        row.cells.reject(
            "value",
            f"{was}, men rækken siger {danish_decimal(value)}. Importen overskriver ikke en måling: er tallet rettet, så ret det i {PLAN_FILE} "
            + "sammen med kilden; er det en ny måling, så ret datoen.",
        )
    elif source and source != same.source:
        row.cells.reject("source", f"{was}, men rækken siger kilden '{source}'. Ret kilden i {PLAN_FILE}, eller skriv '{same.source}' her.")
    elif url and url != same.url and "url" not in row.cells.rejected:
        row.cells.reject("url", f"{was} og linket '{same.url or '(intet)'}', men rækken siger '{url}'. Ret linket i {PLAN_FILE}, eller tøm cellen.")
