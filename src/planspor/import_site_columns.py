"""The columns Planspor fills into /data/plan.csv, checked against the plan when they come back.

An editor may download plan.csv, change it and import it again. Its extra
columns (Status siden, Senest bekræftet, Oprindelig slut, Budget i alt,
Adresse) follow from the plan, so they change nothing by themselves: a cell
that still agrees with the plan (or is empty) passes, one that contradicts it
is rejected, so no edit there is silently lost. The one exception is Status
siden beside a new status, which becomes that status's date. This module
changes when plan.csv gains or loses a column Planspor fills in.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from urllib.parse import urlsplit

from . import addresses
from .import_cells import cell_period, parse_amount
from .import_match import MatchedRow
from .import_plan import makes_entry
from .money import danish_decimal
from .periods import PeriodError


def read_site_columns(row: MatchedRow, day: dt.date) -> None:
    """Check the cells Planspor fills in against the plan; a new status may bring its date."""
    check_status_since(row)
    check_confirmed(row, day)
    check_planned_end(row)
    check_budget_total(row)
    check_address(row)


def check_status_since(row: MatchedRow) -> None:
    """Status siden: the current status's date; beside a new status, the new status's date (row.day)."""
    item = row.item
    since = _site_day(row, "status_since")
    changes_status = item is None or ("status" in row.values and row.values["status"] != item.status.id)
    current_since = item.status_since if item is not None else None
    if since is None or since == current_since:
        return
    if changes_status:
        row.day = since
        return
    assert item is not None
    row.cells.reject(
        "status_since",
        f"Der står {since.isoformat()}, men '{item.id}' har haft status '{item.status.label}' siden {current_since}. "
        "Datoen kan kun ændres sammen med status: skriv den nye status i kolonnen Status, eller skriv "
        f"{current_since} her (eller tøm cellen).",
    )


def check_confirmed(row: MatchedRow, day: dt.date) -> None:
    confirmed = _site_day(row, "confirmed")
    allowed = _confirmed_days(row, day)
    if confirmed is None or confirmed in allowed:
        return
    shown = " eller ".join(sorted(d.isoformat() for d in allowed))
    row.cells.reject(
        "confirmed",
        f"Der står {confirmed.isoformat()}, men 'Senest bekræftet' er datoen for det seneste punkt i historikken ({shown}) "
        "og udfyldes af Planspor. Tøm cellen, eller skriv en ny status med dens dato i kolonnerne Status og Status siden.",
    )


def _confirmed_days(row: MatchedRow, day: dt.date) -> set[dt.date]:
    """What 'Senest bekræftet' may say: the last history entry's date, before or after the import."""
    if row.item is None:
        return {row.day or day}
    last = {row.item.history[-1].date}
    return last | {row.day or day} if makes_entry(row, row.item) else last


def _site_day(row: MatchedRow, key: str) -> dt.date | None:
    """The single day in a date cell; None if it is empty or (rejected) not one day."""
    raw = row.cells.raw(key)
    if not row.cells.text(key):
        return None
    try:
        period = cell_period(raw)
    except PeriodError:
        period = None
    if period is None or period.first != period.last:
        row.cells.reject(key, f"Skriv en dato som ÅÅÅÅ-MM-DD (fx 2025-03-01), men der står '{row.cells.text(key)}'.")
        return None
    return period.first


def check_planned_end(row: MatchedRow) -> None:
    raw = row.cells.raw("planned_end")
    if not row.cells.text("planned_end"):
        return
    expected = row.item.planned.end if row.item is not None else row.values.get("end")
    try:
        found = cell_period(raw)
    except PeriodError as error:
        row.cells.reject("planned_end", f"Ugyldigt tidspunkt: {error}.")
        return
    if found == expected:
        return
    what = expected.text if expected else "ingen"
    row.cells.reject(
        "planned_end",
        f"Der står '{found.text}', men den oprindelige slut er {what}. Den udfyldes af Planspor og kan ikke ændres: "
        "flyt indsatsen i kolonnen Slut, og tøm cellen (eller lad den stå, som den var).",
    )


def check_budget_total(row: MatchedRow) -> None:
    """Budget i alt: the sum of the budget years as they were, or as the row makes them."""
    raw = row.cells.raw("budget_total")
    if not row.cells.text("budget_total"):
        return
    found = parse_amount(raw)
    before = dict(row.item.budget) if row.item is not None else {}
    after = {**before, **row.budget}
    totals = {sum(before.values(), Decimal(0)), sum(after.values(), Decimal(0))} if row.item else {sum(after.values(), Decimal(0))}
    if found is not None and found in totals:
        return
    shown = " eller ".join(danish_decimal(t) for t in sorted(totals))
    row.cells.reject(
        "budget_total",
        f"Der står '{row.cells.text('budget_total')}', men summen af budgetårene er {shown}. 'Budget i alt' udfyldes af Planspor: "
        "ret beløbene i kolonnerne Budget ÅÅÅÅ, og tøm cellen (eller skriv summen).",
    )


def check_address(row: MatchedRow) -> None:
    """Adresse: the item's page on the site, which follows its id; any other address is rejected."""
    text = row.cells.line("address")
    address = "/" + addresses.item(row.ident)
    if not text or urlsplit(text).path.endswith(address):
        return
    row.cells.reject("address", f"Der står '{text}', men indsatsens adresse slutter på {address}. Adressen følger id'et og udfyldes af Planspor: tøm cellen.")
