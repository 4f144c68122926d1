"""Import a plan kept in a spreadsheet (.xlsx or .csv) into data/plan.yaml.

One row per item, Danish column headers (COLUMNS; plus "Budget 2025" and so
on). A row whose Id is new becomes a new item; a row whose Id exists updates
the fields that differ; a different Status or Start/Slut becomes a new
history entry, so the change stays visible. An empty cell changes nothing.

Every rejected cell is reported with its sheet, row and column, all at once,
and nothing is written while any cell is rejected.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .edit_checks import all_ids, date_problems, parse_day
from .editing import CREATED_COMMENT, ITEM_KEY_ORDER, Change, history_entry, load_valid, text_editor
from .model import Item, Plan
from .money import danish_decimal, parse_danish_amount
from .periods import ALLOWED_FORMS, Period, PeriodError, parse_period
from .plan_text import PlanTextEditor, period_value
from .problems import PlanInvalid, Problem, suggest
from .sdgs import all_sdgs
from .slugs import is_slug, slugify


@dataclass(frozen=True)
class Column:
    header: str
    key: str
    help: str
    example: str = ""


COLUMNS: tuple[Column, ...] = (
    Column(
        "Id",
        "id",
        "Indsatsens id: små bogstaver a-z, tal og bindestreg. Findes id'et, opdateres indsatsen; ellers oprettes en ny. Tom: id'et laves af titlen.",
        "ny-sti-til-stranden",
    ),
    Column("Titel", "title", "Indsatsens titel. Skal udfyldes for nye indsatser.", "Ny sti til stranden"),
    Column("Tema", "theme", "Temaet (hovedpunktet) fra listen: titel eller id. Skal udfyldes for nye indsatser.", "Klima, miljø og byg"),
    Column("Type", "kind", "Driftsændring, Anlægsprojekt eller Hensigtserklæring (titel eller id). Skal udfyldes for nye indsatser.", "Anlægsprojekt"),
    Column(
        "Udvalg",
        "committees",
        "Udvalgene, der behandler indsatsen, adskilt af komma (titel eller id). Skal udfyldes for nye indsatser.",
        "Miljø- og teknikudvalget",
    ),
    Column("Strategisk", "strategic", "ja, hvis indsatsen er en del af den strategiske plan; ellers nej.", "nej"),
    Column("Start", "start", f"Planlagt start: {ALLOWED_FORMS}. Ændres den, skrives det i historikken.", "2025-Q1"),
    Column("Slut", "end", f"Planlagt slut: {ALLOWED_FORMS}. Ændres den, skrives flytningen i historikken.", "2025-Q4"),
    Column("Ansvarlig", "responsible", "Den ansvarlige enhed.", "Vej og Park"),
    Column("Proces", "process", "Hvordan arbejdet er organiseret.", ""),
    Column("Tværgående", "cross_cutting", "Tværgående aspekter.", ""),
    Column("Strategier", "strategies", "Id'er eller titler på strategier, adskilt af komma.", ""),
    Column("Styrkepositioner", "strengths", "Id'er eller titler på strategiens styrkepositioner (fx Det blå), adskilt af komma.", ""),
    Column("Verdensmål", "sdgs", "Numre på FN's verdensmål (1-17), adskilt af komma.", "11, 13"),
    Column("Relaterede", "related", "Id'er på relaterede indsatser, adskilt af komma.", ""),
    Column("Status", "status", "Status fra listen (fx I gang). Er den en anden end indsatsens nuværende, tilføjes et punkt i historikken.", "Ikke påbegyndt"),
    Column("Kommentar", "comment", "Kommentar til en ny status eller flytning. Skal udfyldes, når status er Udgået (begrundelsen).", ""),
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
BUDGET_HELP = "Beløb i 1.000 kr. for året, besparelser negative. Decimalkomma og tusindtalspunktum er i orden (fx -1.250,5)."
_BY_SLUG = {slugify(c.header): c for c in (*COLUMNS, *SITE_CSV_COLUMNS)}
_BUDGET = re.compile(r"^budget-(\d{4})$")
_YES = {"ja", "j", "x", "sand", "true", "1", "yes"}
_NO = {"nej", "n", "falsk", "false", "0", "no"}
_DANISH_DAY = re.compile(r"^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$")
HELPER_SHEETS = ("Vejledning", "Lister")
DATE_FIELD = "kolonnen Status siden, fx"
FIELD_NAMES = {
    "title": "titel", "theme": "tema", "kind": "type", "committees": "udvalg", "strategic": "strategisk",
    "responsible": "ansvarlig", "process": "proces", "cross_cutting": "tværgående", "budget": "budget",
    "strategies": "strategier", "strengths": "styrkepositioner", "sdgs": "verdensmål", "related": "relaterede",
}  # fmt: skip


# -- reading the table ----------------------------------------------------------


@dataclass
class Table:
    file: str  # the spreadsheet's name, as in the messages
    sheet: str | None  # None for CSV
    header_row: int
    header: list[Any]
    rows: list[tuple[int, list[Any]]]

    def cell_name(self, row: int, column: int | None, header: str) -> str:
        if column is None:
            where = f"række {row}"
        else:
            from openpyxl.utils import get_column_letter

            where = f"{get_column_letter(column + 1)}{row}"
        return f"{self.sheet}!{where} ({header})" if self.sheet else f"{where} ({header})"


def read_table(path: Path, sheet: str | None = None) -> Table:
    display = path.name
    if not path.is_file():
        raise PlanInvalid([Problem(display, None, "", f"Regnearket {path} findes ikke.")])
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _table(display, None, _read_csv(path, display))
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, display, sheet)
    raise PlanInvalid([Problem(display, None, "", f"Filtypen '{path.suffix}' kan ikke læses. Gem regnearket som .xlsx (Excel-projektmappe) eller .csv.")])


def _table(display: str, sheet: str | None, rows: Iterable[Sequence[Any]]) -> Table:
    numbered = [(number, list(values)) for number, values in enumerate(rows, 1)]
    filled = [(number, values) for number, values in numbered if any(cell_text(v) for v in values)]
    if not filled:
        raise PlanInvalid([Problem(display, None, "", "Regnearket er tomt. Første række skal have kolonneoverskrifterne (se skabeloner/).")])
    (header_row, header), *rows = filled
    return Table(display, sheet, header_row, header, rows)


def _read_xlsx(path: Path, display: str, sheet: str | None) -> Table:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        raise PlanInvalid(
            [Problem(display, None, "", "Filen kan ikke læses som et Excel-regneark (.xlsx). Åbn den i Excel, og gem den igen som .xlsx.")]
        ) from None
    names = workbook.sheetnames
    if sheet is not None and sheet not in names:
        raise PlanInvalid([Problem(display, None, "--ark", f"Arket '{sheet}' findes ikke.{suggest(sheet, names)} Arkene hedder: {', '.join(names)}.")])
    name = sheet or next((n for n in names if n not in HELPER_SHEETS), names[0])
    return _table(display, name, workbook[name].iter_rows(values_only=True))


def _read_csv(path: Path, display: str) -> list[list[str]]:
    raw = path.read_bytes()
    text = _decode(raw)
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max((";", ",", "\t"), key=first.count)
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise PlanInvalid([Problem(display, None, "", f"Filen kan ikke læses som CSV ({error}). Gem den igen fra regnearket som CSV.")]) from None


def _decode(raw: bytes) -> str:
    """UTF-8 with or without BOM; otherwise Windows' Western European code page."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


# -- reading cells ------------------------------------------------------------------


def cell_text(value: Any) -> str:
    """The cell as text: numbers without '.0', dates as ÅÅÅÅ-MM-DD, trimmed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    lines = str(value).replace("\xa0", " ").replace("\r\n", "\n").split("\n")
    return "\n".join(" ".join(line.split()) for line in lines).strip()


def one_line(value: Any) -> str:
    return " ".join(cell_text(value).split())


def cell_period(value: Any) -> Period:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return parse_period(value)
    text = one_line(value)
    if match := _DANISH_DAY.match(text):
        day, month, year = match.groups()
        text = f"{year}-{int(month):02d}-{int(day):02d}"
    return parse_period(text)


def parse_amount(value: Any) -> Decimal | None:
    """A budget cell: a number, or text with decimal comma (-1.250,5). None: not a number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        amount = Decimal(str(value))
        return amount if amount.is_finite() else None
    return parse_danish_amount(one_line(value))


def split_list(value: Any) -> list[str]:
    return [part.strip() for part in re.split(r"[,;\n]", cell_text(value)) if part.strip()]


# -- the rows -------------------------------------------------------------------------


@dataclass
class Row:
    number: int
    item: Item | None
    ident: str
    values: dict[str, Any] = field(default_factory=dict)
    budget: dict[int, Decimal] = field(default_factory=dict)
    day: dt.date | None = None  # from "Status siden" beside a new status; else the import's date


class _Reader:
    """Reads every row against the plan, collecting a problem for each bad cell."""

    def __init__(self, table: Table, plan: Plan, day: dt.date) -> None:
        self.table = table
        self.plan = plan
        self.day = day
        self.problems: list[Problem] = []
        self.columns: dict[str, int] = {}
        self.budget_columns: dict[int, int] = {}
        self.headers: dict[str, str] = {c.key: c.header for c in (*COLUMNS, *SITE_CSV_COLUMNS)}
        self.taken = all_ids(plan)
        self.sheet_ids: dict[str, int] = {}
        self.previous = {old: item for item in plan.items for old in item.previous_ids}

    def problem(self, row: int, key: str, message: str) -> None:
        column = self.columns.get(key)
        if key.startswith("budget-"):
            column = self.budget_columns.get(int(key.removeprefix("budget-")))
        header = self.headers.get(key, key)
        self.problems.append(Problem(self.table.file, row, self.table.cell_name(row, column, header), message))

    # -- the header ---------------------------------------------------------------

    def read_header(self) -> None:
        row = self.table.header_row
        allowed = [c.header for c in COLUMNS] + ["Budget ÅÅÅÅ"] + [c.header for c in SITE_CSV_COLUMNS]
        for index, raw in enumerate(self.table.header):
            text = one_line(raw)
            if not text:
                continue
            slug = slugify(re.sub(r"\s*\(.*\)\s*$", "", text))
            where = self.table.cell_name(row, index, text)
            if match := _BUDGET.match(slug):
                year = int(match[1])
                if year in self.budget_columns:
                    self.problems.append(Problem(self.table.file, row, where, f"Kolonnen 'Budget {year}' står to gange. Slet den ene."))
                self.budget_columns[year] = index
                self.headers[f"budget-{year}"] = text
                continue
            column = _BY_SLUG.get(slug)
            if column is None:
                hint = suggest(text, allowed)
                self.problems.append(Problem(self.table.file, row, where, f"Ukendt kolonne '{text}'.{hint} Tilladte kolonner: {', '.join(allowed)}."))
                continue
            if column.key in self.columns:
                self.problems.append(Problem(self.table.file, row, where, f"Kolonnen '{column.header}' står to gange. Slet den ene."))
                continue
            self.columns[column.key] = index
            self.headers[column.key] = text
        if "id" not in self.columns and "title" not in self.columns:
            first = self.table.cell_name(row, 0, "overskrifter")
            self.problems.append(
                Problem(self.table.file, row, first, "Første række skal have kolonneoverskrifterne, mindst 'Id' eller 'Titel' (se skabeloner/).")
            )

    # -- one row -------------------------------------------------------------------------

    def cell(self, values: list[Any], key: str) -> Any:
        index = self.columns.get(key)
        return values[index] if index is not None and index < len(values) else None

    def read_row(self, number: int, values: list[Any]) -> Row | None:
        ident = one_line(self.cell(values, "id"))
        title = one_line(self.cell(values, "title"))
        item = self.plan.items_by_id.get(ident) or self.previous.get(ident) if ident else None
        if item is None and not ident:
            ident = slugify(title)
            same = self.plan.items_by_id.get(ident)
            if same is not None and same.title.casefold() == title.casefold():
                return self.claim(Row(number, same, same.id))
            if not title:
                self.problem(number, "title", "Titlen mangler. En ny indsats skal have en titel (eller skriv id'et på en eksisterende indsats i kolonnen Id).")
                return None
            if not ident:
                self.problem(number, "id", f"Titlen '{title}' giver ikke noget id. Skriv et id i kolonnen Id (små bogstaver a-z, tal og bindestreg).")
                return None
            if ident in self.taken:
                self.problem(
                    number,
                    "id",
                    f"Id'et er tomt, og id'et lavet af titlen, '{ident}', er allerede brugt. Skriv '{ident}' i kolonnen Id for at opdatere den indsats, eller et nyt id.",
                )
                return None
        elif item is None and not is_slug(ident):
            self.problem(
                number, "id", f"Id'et '{ident}' er ikke tilladt. Brug kun små bogstaver a-z, tal og bindestreg (æ→ae, ø→oe, å→aa), fx '{slugify(ident)}'."
            )
            return None
        return self.claim(Row(number, item, item.id if item else ident))

    def claim(self, row: Row) -> Row | None:
        if row.ident in self.sheet_ids:
            self.problem(row.number, "id", f"Indsatsen '{row.ident}' står også i række {self.sheet_ids[row.ident]}. Hver indsats må kun stå i én række.")
            return None
        self.sheet_ids[row.ident] = row.number
        return row

    def read_values(self, row: Row, values: list[Any]) -> None:
        plan, number = self.plan, row.number
        references = {
            "theme": ([(t.id, t.title) for t in plan.themes], "tema"),
            "kind": ([(k.id, k.title) for k in plan.kinds], "type"),
            "status": ([(s.id, s.label) for s in plan.statuses], "status"),
        }
        for key, (options, what) in references.items():
            text = one_line(self.cell(values, key))
            if text:
                row.values[key] = self.resolve(number, key, text, options, what)
        lists = {
            "committees": ([(c.id, c.title) for c in plan.committees], "udvalg"),
            "strategies": ([(s.id, s.title) for s in plan.strategies], "strategi"),
            "strengths": ([(s.id, s.title) for st in plan.strategies for s in st.strengths], "styrkeposition"),
            "related": ([(i, i) for i in [*plan.items_by_id, *self.sheet_ids]], "indsats"),
        }
        for key, (options, what) in lists.items():
            parts = split_list(self.cell(values, key))
            if parts:
                row.values[key] = [self.resolve(number, key, part, options, what) for part in parts]
        self.read_sdgs(row, values)
        for key in ("title", "responsible", "process", "cross_cutting", "comment"):
            text = one_line(self.cell(values, key)) if key == "title" else cell_text(self.cell(values, key))
            if text:
                row.values[key] = text
        self.read_strategic(row, values)
        for key in ("start", "end"):
            raw = self.cell(values, key)
            if cell_text(raw):
                try:
                    row.values[key] = cell_period(raw)
                except PeriodError as error:
                    self.problem(number, key, f"Ugyldigt tidspunkt: {error}.")
        for year, index in sorted(self.budget_columns.items()):
            raw = values[index] if index < len(values) else None
            if not cell_text(raw):
                continue
            amount = parse_amount(raw)
            if amount is None:
                self.problem(
                    number, f"budget-{year}", f"Beløbet skal være et tal i 1.000 kr. (besparelser negative, fx -1.250,5), men der står '{cell_text(raw)}'."
                )
            else:
                row.budget[year] = amount

    def resolve(self, number: int, key: str, text: str, options: list[tuple[str, str]], what: str) -> str:
        for ident, title in options:
            if text in (ident, title) or text.casefold() == title.casefold() or slugify(text) == ident:
                return ident
        ids = [ident for ident, _ in options]
        shown = ", ".join(ids[:20]) + (f" (og {len(ids) - 20} flere)" if len(ids) > 20 else "")
        self.problem(number, key, f"Ukendt {what} '{text}'.{suggest(text, ids + [t for _, t in options])} Tilladt (id eller titel): {shown}.")
        return text

    def read_sdgs(self, row: Row, values: list[Any]) -> None:
        numbers = []
        for part in split_list(self.cell(values, "sdgs")):
            number = int(part) if part.isdigit() else None
            if number not in all_sdgs():
                self.problem(row.number, "sdgs", f"Verdensmål skal være numre fra 1 til 17 adskilt af komma, men der står '{part}'.")
                continue
            numbers.append(number)
        if numbers:
            row.values["sdgs"] = numbers

    def read_strategic(self, row: Row, values: list[Any]) -> None:
        text = one_line(self.cell(values, "strategic")).casefold()
        if not text:
            return
        if text in _YES | _NO:
            row.values["strategic"] = text in _YES
            return
        self.problem(row.number, "strategic", f"Skriv 'ja' eller 'nej', men der står '{text}'.")

    # -- the columns the site's plan.csv adds -----------------------------------------------

    def read_site_columns(self, row: Row, values: list[Any]) -> None:
        """Check the cells Planspor fills in against the plan; a new status may bring its date."""
        item = row.item
        since = self.site_day(row, values, "status_since")
        changes_status = item is None or ("status" in row.values and row.values["status"] != item.status.id)
        current_since = item.status_entry.date if item is not None else None
        if since is not None and since != current_since:
            if changes_status:
                row.day = since
            else:
                assert item is not None
                self.problem(
                    row.number,
                    "status_since",
                    f"Der står {since.isoformat()}, men '{item.id}' har haft status '{item.status.label}' siden {current_since}. "
                    "Datoen kan kun ændres sammen med status: skriv den nye status i kolonnen Status, eller skriv "
                    f"{current_since} her (eller tøm cellen).",
                )
        confirmed = self.site_day(row, values, "confirmed")
        allowed = self.confirmed_days(row)
        if confirmed is not None and confirmed not in allowed:
            shown = " eller ".join(sorted(d.isoformat() for d in allowed))
            self.problem(
                row.number,
                "confirmed",
                f"Der står {confirmed.isoformat()}, men 'Senest bekræftet' er datoen for det seneste punkt i historikken ({shown}) "
                "og udfyldes af Planspor. Tøm cellen, eller skriv en ny status med dens dato i kolonnerne Status og Status siden.",
            )
        self.check_planned_end(row, values)
        self.check_budget_total(row, values)
        self.check_address(row, values)

    def confirmed_days(self, row: Row) -> set[dt.date]:
        """What 'Senest bekræftet' may say: the last history entry's date, before or after the import."""
        if row.item is None:
            return {row.day or self.day}
        last = {row.item.history[-1].date}
        return last | {row.day or self.day} if self.makes_entry(row, row.item) else last

    def site_day(self, row: Row, values: list[Any], key: str) -> dt.date | None:
        raw = self.cell(values, key)
        if not cell_text(raw):
            return None
        try:
            period = cell_period(raw)
        except PeriodError:
            period = None
        if period is None or period.first != period.last:
            self.problem(row.number, key, f"Skriv en dato som ÅÅÅÅ-MM-DD (fx 2025-03-01), men der står '{cell_text(raw)}'.")
            return None
        return period.first

    def makes_entry(self, row: Row, item: Item) -> bool:
        """Whether the row adds a history entry (a new status, a move or a new comment)."""
        status, start, end = row.values.get("status"), row.values.get("start"), row.values.get("end")
        comment = row.values.get("comment")
        return bool(
            (status and status != item.status.id)
            or (start and start != item.timing.start)
            or (end and end != item.timing.end)
            or (status and comment and comment != item.history[-1].comment)
        )

    def check_planned_end(self, row: Row, values: list[Any]) -> None:
        raw = self.cell(values, "planned_end")
        if not cell_text(raw):
            return
        expected = row.item.planned.end if row.item is not None else row.values.get("end")
        try:
            found = cell_period(raw)
        except PeriodError as error:
            self.problem(row.number, "planned_end", f"Ugyldigt tidspunkt: {error}.")
            return
        if found != expected:
            what = expected.text if expected else "ingen"
            self.problem(
                row.number,
                "planned_end",
                f"Der står '{found.text}', men den oprindelige slut er {what}. Den udfyldes af Planspor og kan ikke ændres: "
                "flyt indsatsen i kolonnen Slut, og tøm cellen (eller lad den stå, som den var).",
            )

    def check_budget_total(self, row: Row, values: list[Any]) -> None:
        raw = self.cell(values, "budget_total")
        if not cell_text(raw):
            return
        found = parse_amount(raw)
        before = dict(row.item.budget) if row.item is not None else {}
        after = {**before, **row.budget}
        totals = {sum(before.values(), Decimal(0)), sum(after.values(), Decimal(0))} if row.item else {sum(after.values(), Decimal(0))}
        if found is not None and found in totals:
            return
        shown = " eller ".join(danish_decimal(t) for t in sorted(totals))
        self.problem(
            row.number,
            "budget_total",
            f"Der står '{cell_text(raw)}', men summen af budgetårene er {shown}. 'Budget i alt' udfyldes af Planspor: "
            "ret beløbene i kolonnerne Budget ÅÅÅÅ, og tøm cellen (eller skriv summen).",
        )

    def check_address(self, row: Row, values: list[Any]) -> None:
        text = one_line(self.cell(values, "address"))
        if not text or urlsplit(text).path.endswith(f"/indsatser/{row.ident}/"):
            return
        self.problem(
            row.number,
            "address",
            f"Der står '{text}', men indsatsens adresse slutter på /indsatser/{row.ident}/. Adressen følger id'et og udfyldes af Planspor: tøm cellen.",
        )

    # -- checks that need the whole row ----------------------------------------------------

    def check_new(self, row: Row) -> None:
        for key in ("title", "theme", "kind", "committees"):
            if key not in row.values:
                self.problem(row.number, key, f"'{self.headers[key]}' skal udfyldes for en ny indsats ('{row.ident}').")
        start, end = row.values.get("start"), row.values.get("end")
        if start and end and end.last < start.first:
            self.problem(row.number, "end", f"Slut ({end.text}) ligger før start ({start.text}).")
        status = self.status(row)
        if status.dropped and "comment" not in row.values:
            self.problem(row.number, "comment", f"Status '{status.label}' kræver en begrundelse i kolonnen Kommentar.")
        for message in date_problems(self.plan, row.day or self.day, None, DATE_FIELD if row.day else "--dato"):
            self.problem(row.number, "status_since" if row.day else "status", message)

    def status(self, row: Row) -> Any:
        wanted = row.values.get("status")
        return next((s for s in self.plan.statuses if s.id == wanted), self.plan.statuses[0])

    def check_history(self, row: Row, item: Item) -> dict[str, Any] | None:
        """The history entry the row asks for (a new status or timing), or None."""
        status = row.values.get("status")
        comment = row.values.get("comment", "")
        new_status = status if status and status != item.status.id else None
        timing: dict[str, Any] = {}
        current = item.timing
        start, end = row.values.get("start"), row.values.get("end")
        if start and start != current.start:
            timing["start"] = period_value(start)
        if end and end != current.end:
            timing["end"] = period_value(end)
        note_only = status and not new_status and not timing and comment and comment != item.history[-1].comment
        if not new_status and not timing and not note_only:
            return None
        after_start, after_end = start or current.start, end or current.end
        if timing and after_start and after_end and after_end.last < after_start.first:
            self.problem(row.number, "end", f"Efter flytningen ville slut ({after_end.text}) ligge før start ({after_start.text}).")
        dropped = next((s for s in self.plan.statuses if s.id == status), None)
        if new_status and dropped and dropped.dropped and not comment:
            self.problem(row.number, "comment", f"Status '{dropped.label}' kræver en begrundelse i kolonnen Kommentar.")
        for message in date_problems(self.plan, row.day or self.day, item, DATE_FIELD if row.day else "--dato"):
            self.problem(row.number, "status_since" if row.day else "status" if new_status or note_only else "end", message)
        return history_entry(row.day or self.day, status if (new_status or note_only) else None, timing, comment)


def _updates(row: Row, item: Item) -> dict[str, Any]:
    """The item's fields the row changes, with their new values."""
    current: dict[str, Any] = {
        "title": item.title,
        "theme": item.theme.id,
        "kind": item.kind.id,
        "committees": [c.id for c in item.committees],
        "strategic": item.strategic,
        "responsible": item.responsible,
        "process": item.process,
        "cross_cutting": item.cross_cutting,
        "strategies": [s.id for s in item.strategies],
        "strengths": [s.id for s in item.strengths],
        "sdgs": [s.number for s in item.sdgs],
        "related": list(item.related_ids),
    }
    updates = {key: row.values[key] for key in current if key in row.values and row.values[key] != current[key]}
    if row.budget:
        budget = dict(item.budget)
        budget.update(row.budget)
        if budget != dict(item.budget):
            updates["budget"] = dict(sorted(budget.items()))
    return updates


def _new_item_fields(row: Row, reader: _Reader) -> dict[str, Any]:
    values = row.values
    status = reader.status(row)
    fields: dict[str, Any] = {"id": row.ident}
    fields.update({key: values[key] for key in ("title", "theme", "kind", "committees")})
    fields["strategic"] = values.get("strategic", False)
    timing = {key: period_value(values[name]) for key, name in (("start", "start"), ("end", "end")) if name in values}
    if timing:
        fields["timing"] = timing
    fields.update({key: values[key] for key in ("responsible", "process", "cross_cutting") if key in values})
    if row.budget:
        fields["budget"] = dict(sorted(row.budget.items()))
    fields.update({key: values[key] for key in ("strategies", "strengths", "sdgs", "related") if key in values})
    fields["history"] = [history_entry(row.day or reader.day, status.id, comment=values.get("comment", CREATED_COMMENT))]
    return {key: fields[key] for key in ITEM_KEY_ORDER if key in fields}


def import_spreadsheet(root: Path, path: Path, sheet: str | None = None, day_text: str | None = None) -> Change:
    """Read the spreadsheet against the plan; the Change holds the new plan text and what changes (validated when saved)."""
    valid = load_valid(root)
    plan = valid.plan
    day = parse_day(day_text)
    table = read_table(path, sheet)
    reader = _Reader(table, plan, day)
    reader.read_header()
    if reader.problems:
        raise PlanInvalid(reader.problems)
    rows: list[tuple[Row, list[Any]]] = []
    for number, values in table.rows:
        row = reader.read_row(number, values)
        if row is not None:
            rows.append((row, values))
    editor = text_editor(valid)
    messages: list[str] = []
    new_rows: list[Row] = []
    for row, values in rows:
        reader.read_values(row, values)
        reader.read_site_columns(row, values)
        if row.item is None:
            reader.check_new(row)
            new_rows.append(row)
            messages.append(f"Ny indsats: {row.ident} (række {row.number})")
            continue
        messages += _apply_update(editor, reader, row, row.item)
    if reader.problems:
        raise PlanInvalid(reader.problems)
    for row in new_rows:
        editor.append_item(_new_item_fields(row, reader))
    return Change(editor.result(), messages, original=valid)


def _apply_update(editor: PlanTextEditor, reader: _Reader, row: Row, item: Item) -> list[str]:
    messages = []
    updates = _updates(row, item)
    for key, value in updates.items():
        editor.set_field(item.id, key, value)
    if updates:
        messages.append(f"{item.id}: ændret {', '.join(FIELD_NAMES.get(k, k) for k in updates)} (række {row.number})")
    entry = reader.check_history(row, item)
    if entry is not None:
        editor.append_history(item.id, entry)
        told = []
        if "status" in entry:
            told.append(f"status {item.status.id} → {entry['status']}")
        if "timing" in entry:
            moved = ", ".join(f"{'slut' if k == 'end' else 'start'} {v}" for k, v in entry["timing"].items())
            told.append(f"flyttet: {moved}")
        messages.append(f"{item.id}: {'; '.join(told)} (række {row.number})")
    return messages
