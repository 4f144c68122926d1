"""The plan's columns in a spreadsheet: one contract for the import, the template and plan.csv.

An editor meets the same Danish headers in three places: the template in
skabeloner/, the site's own /data/plan.csv, and the messages of `planspor
import`. They are spelled here once, with the field each one holds, so the
export writes what the import reads. This module changes when a column is
added, renamed or explained differently; never for how a file is read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .periods import ALLOWED_END_FORMS, ALLOWED_FORMS
from .slugs import slugify


@dataclass(frozen=True)
class Column:
    """One column: its Danish header, the field it holds, and the help the template shows."""

    header: str
    key: str
    help: str
    example: str = ""
    # Other headings municipalities give the column in their own sheets ("Emne", "Bemærkninger").
    aliases: tuple[str, ...] = ()


COLUMNS: tuple[Column, ...] = (
    Column(
        "Id",
        "id",
        "Indsatsens id: små bogstaver a-z, tal og bindestreg. Findes id'et, opdateres indsatsen; ellers oprettes en ny. Tom: id'et laves af titlen.",
        "ny-sti-til-stranden",
        ("Nr.", "Nummer", "Løbenummer"),
    ),
    Column(
        "Titel", "title", "Indsatsens titel. Skal udfyldes for nye indsatser.", "Ny sti til stranden", ("Emne", "Indsats", "Indsatsens titel", "Overskrift")
    ),
    Column(
        "Tema",
        "theme",
        "Temaet (hovedpunktet) fra listen: titel eller id. Skal udfyldes for nye indsatser.",
        "Klima, miljø og byg",
        ("Hovedpunkt", "Hovedområde", "Område"),
    ),
    Column(
        "Type",
        "kind",
        "Driftsændring, Anlægsprojekt eller Hensigtserklæring (titel eller id). Skal udfyldes for nye indsatser.",
        "Anlægsprojekt",
        ("Indsatstype",),
    ),
    Column(
        "Udvalg",
        "committees",
        "Udvalgene, der behandler indsatsen, adskilt af komma (titel eller id). Skal udfyldes for nye indsatser.",
        "Miljø- og teknikudvalget",
        ("Fagudvalg", "Politisk udvalg"),
    ),
    Column("Strategisk", "strategic", "ja, hvis indsatsen er en del af den strategiske plan; ellers nej.", "nej"),
    Column("Start", "start", f"Planlagt start: {ALLOWED_FORMS}. Ændres den, skrives det i historikken.", "2025-Q1", ("Startdato", "Forventet start")),
    Column("Slut", "end", f"Planlagt slut: {ALLOWED_END_FORMS}. Ændres den, skrives flytningen i historikken.", "2025-Q4", ("Slutdato", "Forventet slut")),
    Column("Ansvarlig", "responsible", "Den ansvarlige enhed.", "Vej og Park", ("Ansvarlig enhed", "Ansvar")),
    Column("Proces", "process", "Hvordan arbejdet er organiseret.", "", ("Procesplan",)),
    Column("Tværgående", "cross_cutting", "Tværgående aspekter.", "", ("Tværgående aspekter", "Tværgående hensyn")),
    Column("Strategier", "strategies", "Id'er eller titler på strategier, adskilt af komma.", ""),
    Column("Styrkepositioner", "strengths", "Id'er eller titler på strategiens styrkepositioner (fx Det blå), adskilt af komma.", ""),
    Column("Verdensmål", "sdgs", "Numre på FN's verdensmål (1-17), adskilt af komma.", "11, 13"),
    Column("Relaterede", "related", "Id'er på relaterede indsatser, adskilt af komma.", ""),
    Column("Status", "status", "Status fra listen (fx I gang). Er den en anden end indsatsens nuværende, tilføjes et punkt i historikken.", "Ikke påbegyndt"),
    Column(
        "Kommentar",
        "comment",
        "Kommentar til en ny status eller flytning. Skal udfyldes, når status er Udgået (begrundelsen).",
        "",
        ("Bemærkninger", "Bemærkning", "Kommentarer"),
    ),
    Column(
        "Afsluttet",
        "finished",
        "X (eller ✓ eller ja), når indsatsen er afsluttet, som den trykte plan markerer det. Tom: ingen ændring.",
        "",
        ("Færdig", "Gennemført", "X"),
    ),
    Column(
        "Tidsplan",
        "schedule",
        "Start og slut i én celle: et spænd (2024-2025, 2024/25) er start og slut, ét tidspunkt (fx 2. kvartal 2025) er slut, "
        "'fra 2024' er kun start, 'løbende' er ingen slut, og 'fra 2024 og løbende' er begge.",
        "",
        ("Tidspunkt", "Periode"),
    ),
)
# The columns the site's own /data/plan.csv adds: Planspor fills them in, so an
# editor can download the plan as it is, change it and import it again. They
# change nothing by themselves, except "Status siden" beside a new status (the
# date of the new status); a cell that contradicts the plan is rejected.
SITE_CSV_COLUMNS: tuple[Column, ...] = (
    Column("Status siden", "status_since", "Datoen for den nuværende status. Skriver du en ny status, kan du skrive dens dato her."),
    Column("Senest bekræftet", "confirmed", "Datoen for det seneste punkt i historikken. Udfyldes af Planspor."),
    Column("Oprindelig slut", "planned_end", "Den slut, planen blev vedtaget med. Udfyldes af Planspor; flyt indsatsen i kolonnen Slut."),
    Column("Budget i alt", "budget_total", "Summen af budgetårene. Udfyldes af Planspor; ret beløbene i kolonnerne Budget ÅÅÅÅ."),
    Column("Adresse", "address", "Indsatsens side på hjemmesiden. Udfyldes af Planspor."),
)
# The plans an item belongs to (its 'plans'), by their periods. In plan.csv and read by the import,
# but not in the template: a template sheet is one plan's, and `planspor import --plan` says which.
PLANS_COLUMN = Column(
    "Planer",
    "plans",
    "De udmøntningsplaner, indsatsen hører til: deres perioder (fx 2023-2026, 2024-2027), adskilt af komma. "
    "Tom: ingen ændring; en ny indsats kommer i den gældende plan (eller i planen fra --plan).",
    "2024-2027",
    ("Plan", "Udmøntningsplan", "Udmøntningsplaner"),
)
ALL_COLUMNS: tuple[Column, ...] = (*COLUMNS, PLANS_COLUMN, *SITE_CSV_COLUMNS)
BUDGET_HELP = "Beløb i 1.000 kr. for året, besparelser negative. Decimalkomma og tusindtalspunktum er i orden (fx -1.250,5)."
BUDGET_COLUMNS = "Budget ÅÅÅÅ"  # one column per year, "Budget 2025" and so on
AMOUNT_UNIT = "1.000 kr."
# Every header the import knows, in the order its "Ukendt kolonne" message lists them.
ALLOWED_HEADERS: tuple[str, ...] = (*(c.header for c in COLUMNS), BUDGET_COLUMNS, PLANS_COLUMN.header, *(c.header for c in SITE_CSV_COLUMNS))

# plan.csv's columns, in order. "budget" stands for one column per budget year;
# the amounts' headers carry their unit, which the import reads past.
PLAN_CSV_KEYS: tuple[str, ...] = (
    "id", "title", "theme", "kind", "committees", "strategic", "status", "status_since", "confirmed",
    "start", "end", "planned_end", "responsible", "budget", "budget_total", "strategies", "sdgs", "related", "plans", "address",
)  # fmt: skip
_IN_THOUSANDS = {"budget", "budget_total"}

_BY_KEY = {c.key: c for c in ALL_COLUMNS}
_BY_SLUG = {slugify(name): c for c in ALL_COLUMNS for name in (c.header, *c.aliases)}
# Every heading the import understands, for "Mente du …?": the template's and the municipalities' own.
KNOWN_HEADINGS: tuple[str, ...] = (*ALLOWED_HEADERS, *(alias for c in ALL_COLUMNS for alias in c.aliases))
_BUDGET = re.compile(r"^budget-(\d{4})$")
_UNIT = re.compile(r"\s*\(.*\)\s*$")  # "Budget 2025 (1.000 kr.)": a note in brackets after the header


def header_of(key: str) -> str:
    """The Danish header of the column that holds ``key`` (a KeyError for a key no column holds)."""
    return _BY_KEY[key].header


def budget_header(year: int) -> str:
    return f"Budget {year}"


def plan_csv_header(years: Iterable[int]) -> list[str]:
    """plan.csv's first row: the headers the import reads back, amounts with their unit."""
    header: list[str] = []
    for key in PLAN_CSV_KEYS:
        names = [budget_header(year) for year in years] if key == "budget" else [_BY_KEY[key].header]
        header += [f"{name} ({AMOUNT_UNIT})" if key in _IN_THOUSANDS else name for name in names]
    return header


def _header_slug(text: str) -> str:
    return slugify(_UNIT.sub("", text))


def column_named(text: str) -> Column | None:
    """The column a header means, however it is cased or annotated; None if it is no known column."""
    return _BY_SLUG.get(_header_slug(text))


def budget_year(text: str) -> int | None:
    """The year of a "Budget ÅÅÅÅ" header, or None for any other header."""
    match = _BUDGET.match(_header_slug(text))
    return int(match[1]) if match else None
