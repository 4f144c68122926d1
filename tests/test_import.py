"""`planspor import` brings a spreadsheet into data/plan.yaml, or names every bad cell.

The spreadsheets are real files: .xlsx written with openpyxl, and CSV as Danish
Excel writes it (semicolons, decimal comma, Windows code page). Every run is
checked against real git: only the intended lines change, and a rejected
spreadsheet changes nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, BuiltSite, run_mkdocs_build, run_planspor
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from test_editing import commit, diff_lines, ok, refused

from planspor.plan_columns import COLUMNS

AS_OF = "2024-10-01"
TEMPLATE = REPO / "skabeloner" / "udmoentningsplan-skabelon.xlsx"
HEADERS = [c.header for c in COLUMNS] + ["Budget 2024", "Budget 2025", "Budget 2026", "Budget 2027"]


@pytest.fixture()
def repo(project: Path) -> Path:
    commit(project)
    return project


def write_xlsx(path: Path, rows: list[Mapping[str, Any]], headers: list[str] = HEADERS, sheet: str = "Ark1") -> Path:
    workbook = Workbook()
    data = workbook.active
    data.title = sheet
    data.append(headers)
    for row in rows:
        data.append([row.get(h) for h in headers])
    workbook.create_sheet("Vejledning").append(["Kolonne", "Hvad"])
    workbook.save(path)
    return path


def run_import(project: Path, spreadsheet: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_planspor(project, "import", str(spreadsheet), "--dato", AS_OF, *args)


NEW = {"Titel": "Ny sti til stranden", "Tema": "Klima, miljø og byg", "Type": "anlaegsprojekt", "Udvalg": "Miljø- og teknikudvalget, oekonomiudvalget"}


def test_xlsx_adds_updates_and_records_history(repo: Path, tmp_path: Path) -> None:
    rows = [
        {**NEW, "Strategisk": "ja", "Start": "2025-Q1", "Slut": 2025, "Budget 2025": -1250.5, "Verdensmål": "11, 13", "Status": "Ikke påbegyndt"},
        {"Id": "budget-i-balance", "Status": "Afsluttet", "Kommentar": "Budgettet er i balance.", "Ansvarlig": "Økonomi: Personale", "Proces": "Kort proces."},
        {
            "Id": "langsigtet-anlaegsplan",
            "Slut": "2025-Q3",
            "Kommentar": "Afventer oversigten.",
            "Budget 2026": "100",
            "Udvalg": "oekonomiudvalget, Miljø- og teknikudvalget",
        },
        {"Id": "lokaleoptimering", "Titel": "Bedre udnyttelse af kommunens lokaler"},  # a previous id, nothing changed
    ]
    out = ok(run_import(repo, write_xlsx(tmp_path / "plan.xlsx", rows)))
    assert "Ny indsats: ny-sti-til-stranden (række 2)" in out
    assert "budget-i-balance: status i-gang → afsluttet; kommentar 'Budgettet er i balance.' (2024-10-01, række 3)" in out
    added, removed = diff_lines(repo)
    assert removed == [
        "    responsible: Økonomi og Personale",
        "    process: >-",
        "      Fagområderne udarbejder i foråret en analyse af udgiftspresset, som",
        "      drøftes i fagudvalgene inden budgetseminaret.",
        "    committees: [oekonomiudvalget]",
    ]
    expected = [
        "    responsible: 'Økonomi: Personale'",
        "    process: Kort proces.",
        "      - date: 2024-10-01",
        "        status: afsluttet",
        "        comment: Budgettet er i balance.",
        "    committees: [oekonomiudvalget, miljoe-og-teknikudvalget]",
        "    budget: {2026: 100}",
        "        timing: {end: 2025-Q3}",
        "        comment: Afventer oversigten.",
        "  - id: ny-sti-til-stranden",
        "    title: Ny sti til stranden",
        "    theme: klima-miljoe-og-byg",
        "    kind: anlaegsprojekt",
        "    committees: [miljoe-og-teknikudvalget, oekonomiudvalget]",
        "    strategic: true",
        "    timing: {start: 2025-Q1, end: 2025}",
        "    budget: {2025: -1250.5}",
        "    sdgs: [11, 13]",
        "        status: ikke-paabegyndt",
        "        comment: Indsatsen er oprettet.",
    ]
    for line in expected:
        assert line in added, line
    assert len(added) == len(expected) + 4  # two more date lines, "    history:" and the blank line before the new item
    ok(run_planspor(repo, "check"))
    # importing the same sheet again changes nothing
    assert "Ingen ændringer" in ok(run_import(repo, tmp_path / "plan.xlsx"))


def test_every_bad_cell_is_named_and_nothing_is_written(repo: Path, tmp_path: Path) -> None:
    rows = [
        {**NEW, "Tema": "Klima"},  # row 2: unknown theme
        {"Id": "budget-i-balance", "Slut": "2025-02-30"},  # row 3: impossible date
        {"Id": "raaderumsanalyse", "Budget 2025": "mange penge"},  # row 4: not a number
        {"Tema": "effektiviseringer", "Type": "driftsaendring", "Udvalg": "oekonomiudvalget"},  # row 5: no title
        {**NEW, "Id": "Ny Sti", "Strategisk": "måske"},  # row 6: bad id
        {"Id": "digital-selvbetjening", "Status": "udgaaet", "Verdensmål": "18"},  # row 7: dropped without reason, SDG 18
        {**NEW, "Id": "sti-2", "Titel": "Ny sti til havnen", "Udvalg": None},  # row 8: new item without committee
    ]
    stderr = refused(run_import(repo, write_xlsx(tmp_path / "plan.xlsx", rows)), repo)
    expected = [
        r"plan\.xlsx:2 \[Ark1!C2 \(Tema\)\]: Ukendt tema 'Klima'.*Tilladt \(id eller titel\): oekonomisk-politik",
        r"plan\.xlsx:3 \[Ark1!H3 \(Slut\)\]: Ugyldigt tidspunkt: datoen '2025-02-30' findes ikke",
        r"plan\.xlsx:4 \[Ark1!U4 \(Budget 2025\)\]: Beløbet skal være et tal.*'mange penge'",
        r"plan\.xlsx:5 \[Ark1!B5 \(Titel\)\]: Titlen mangler",
        r"plan\.xlsx:6 \[Ark1!A6 \(Id\)\]: Id'et 'Ny Sti' er ikke tilladt",
        r"plan\.xlsx:7 \[Ark1!Q7 \(Kommentar\)\]: Status 'Udgået' kræver en begrundelse",
        r"plan\.xlsx:7 \[Ark1!N7 \(Verdensmål\)\]: .*'18'",
        r"plan\.xlsx:8 \[Ark1!E8 \(Udvalg\)\]: 'Udvalg' skal udfyldes for en ny indsats",
    ]
    for pattern in expected:
        assert re.search(pattern, stderr), f"{pattern}\n{stderr}"
    assert "Traceback" not in stderr


def test_titles_and_ids_over_the_limits_are_named_at_their_cell(repo: Path, tmp_path: Path) -> None:
    long_title = "Ny sti til stranden" + " og havnen" * 20  # 219 characters
    rows = [
        {**NEW, "Titel": long_title},  # row 2
        {**NEW, "Id": "-".join(["ny-sti-til-stranden"] * 4)},  # row 3: 79 characters
        {"Id": "budget-i-balance", "Titel": long_title.replace("stranden", "skolen")},  # row 4: an existing item's new title
    ]
    stderr = refused(run_import(repo, write_xlsx(tmp_path / "plan.xlsx", rows)), repo)
    for pattern in (
        r"plan\.xlsx:2 \[Ark1!B2 \(Titel\)\]: Titlen er 219 tegn lang; højst 200 er tilladt",
        r"plan\.xlsx:3 \[Ark1!A3 \(Id\)\]: Id'et er 79 tegn langt; højst 60 er tilladt",
        r"plan\.xlsx:4 \[Ark1!B4 \(Titel\)\]: Titlen er 217 tegn lang",
    ):
        assert re.search(pattern, stderr), f"{pattern}\n{stderr}"
    assert "Traceback" not in stderr
    assert "skal udfyldes" not in stderr  # a refused title is not reported again as missing


def test_a_new_item_from_a_long_title_gets_an_id_within_the_limit(repo: Path, tmp_path: Path) -> None:
    title = "Ny sti til stranden med\u00a0bænke, belysning og cykelparkering langs hele kysten fra\u00ad havnen til campingpladsen"
    ok(run_import(repo, write_xlsx(tmp_path / "plan.xlsx", [{**NEW, "Titel": title}])))
    added, _ = diff_lines(repo)
    assert "  - id: ny-sti-til-stranden-med-baenke-belysning-og-cykelparkering" in added
    # Word's hard space became a space, its soft hyphen is gone: data/plan.yaml holds neither.
    assert "    title: Ny sti til stranden med bænke, belysning og cykelparkering langs hele kysten fra havnen til campingpladsen" in added
    ok(run_planspor(repo, "check"))


def test_rows_naming_items_by_title_only_update_them_and_never_duplicate(repo: Path, tmp_path: Path) -> None:
    """A sheet without ids, the titles as people type them (case, spacing, dashes, quotes): each row is
    the item with that title; importing it again changes nothing."""
    rows = [
        {"Titel": "analyse af det  økonomiske RÅDERUM", "Status": "Afsluttet", "Kommentar": "Forelagt udvalget."},  # slug differs from its id
        {"Titel": "Budget i balance på ”velfærdsområderne”", "Slut": "2025-Q2", "Kommentar": "Afventer budgetseminaret."},
        {"Titel": "Bedre udnyttelse af kommunens lokaler", "Ansvarlig": "Ejendomme"},  # id bedre-udnyttelse-af-lokaler
    ]
    sheet = write_xlsx(tmp_path / "plan.xlsx", rows)
    out = ok(run_import(repo, sheet))
    text = (repo / "data/plan.yaml").read_text(encoding="utf-8")
    for title in ("Analyse af det økonomiske råderum", "Budget i balance på velfærdsområderne", "Bedre udnyttelse af kommunens lokaler"):
        assert text.count(f"    title: {title}\n") == 1, title
    assert "ny indsats" not in out.casefold() and "raaderumsanalyse" in out
    added, _ = diff_lines(repo)
    assert "    responsible: Ejendomme" in added and not any(line.startswith("  - id:") for line in added)
    ok(run_planspor(repo, "check"))
    commit(repo)
    assert "Ingen ændringer" in ok(run_import(repo, sheet))
    assert diff_lines(repo) == ([], [])


def test_a_title_that_is_already_an_items_is_refused_naming_both(repo: Path, tmp_path: Path) -> None:
    rows = [
        {**NEW, "Id": "ny-analyse", "Titel": "Analyse af det økonomiske råderum"},  # row 2: a new id, an existing title
        {**NEW, "Titel": "Ny sti til havnen"},  # row 3
        {**NEW, "Id": "anden-sti", "Titel": "Ny sti til  havnen"},  # row 4: the same title as row 3
        {"Id": "budget-i-balance", "Titel": "Analyse af det økonomiske råderum"},  # row 5: another item's title
    ]
    stderr = refused(run_import(repo, write_xlsx(tmp_path / "plan.xlsx", rows)), repo)
    for pattern in (
        r"plan\.xlsx:2 \[Ark1!B2 \(Titel\)\]: Rækken har det nye id 'ny-analyse', men titlen 'Analyse af det økonomiske råderum' er titlen på indsatsen 'raaderumsanalyse'",
        r"plan\.xlsx:4 \[Ark1!B4 \(Titel\)\]: Titlen 'Ny sti til havnen' står også i række 3",
        r"plan\.xlsx:5 \[Ark1!B5 \(Titel\)\]: Titlen 'Analyse af det økonomiske råderum' er titlen på indsatsen 'raaderumsanalyse'",
    ):
        assert re.search(pattern, stderr), f"{pattern}\n{stderr}"


def test_unknown_and_duplicate_headers(repo: Path, tmp_path: Path) -> None:
    sheet = write_xlsx(tmp_path / "plan.xlsx", [{"Id": "budget-i-balance"}], headers=["Id", "Titl", "Status", "Status", "Budget 2025 (1.000 kr.)"])
    stderr = refused(run_import(repo, sheet), repo)
    assert re.search(r"plan\.xlsx:1 \[Ark1!B1 \(overskrifter\)\]: Ukendt kolonne 'Titl' i Ark1!B1 \(mente du 'Titel'\?\)\..*--ignorer \"Titl\"\.", stderr), (
        stderr
    )
    assert re.search(r"Ark1!D1 \(Status\)\]: Kolonnen 'Status' står to gange", stderr), stderr


def test_sheet_must_exist(repo: Path, tmp_path: Path) -> None:
    sheet = write_xlsx(tmp_path / "plan.xlsx", [])
    stderr = refused(run_import(repo, sheet, "--ark", "Ark2"), repo)
    assert "Arket 'Ark2' findes ikke" in stderr and "Ark1" in stderr


def test_unreadable_files(repo: Path, tmp_path: Path) -> None:
    (tmp_path / "plan.xlsx").write_text("ikke et regneark", encoding="utf-8")
    assert "kan ikke læses som et Excel-regneark" in refused(run_import(repo, tmp_path / "plan.xlsx"), repo)
    (tmp_path / "plan.ods").write_text("x", encoding="utf-8")
    assert ".xlsx" in refused(run_import(repo, tmp_path / "plan.ods"), repo)
    assert "findes ikke" in refused(run_import(repo, tmp_path / "mangler.csv"), repo)


def test_danish_csv_with_semicolons_and_decimal_comma(repo: Path, tmp_path: Path) -> None:
    text = (
        "Id;Titel;Tema;Type;Udvalg;Strategisk;Start;Slut;Status;Kommentar;Budget 2025;Budget 2026\r\n"
        'ny-cykelbro;"Cykelbro; over åen";Klima, miljø og byg;Anlægsprojekt;Miljø- og teknikudvalget;nej;01-03-2025;2025-Q4;I gang;Så går det løs.;-1.250,5;2.000\r\n'
        "budget-i-balance;;;;;;;;;;1,5;\r\n"
    )
    sheet = tmp_path / "plan.csv"
    sheet.write_bytes(text.encode("cp1252"))
    out = ok(run_import(repo, sheet))
    assert "Ny indsats: ny-cykelbro" in out
    added, removed = diff_lines(repo)
    assert removed == ["    budget: {2024: 0, 2025: -2500, 2026: -5000, 2027: -5000}"]
    assert "    budget: {2024: 0, 2025: 1.5, 2026: -5000, 2027: -5000}" in added
    assert "    title: Cykelbro; over åen" in added
    assert "    timing: {start: 2025-03-01, end: 2025-Q4}" in added
    assert "    budget: {2025: -1250.5, 2026: 2000}" in added
    assert "        comment: Så går det løs." in added
    ok(run_planspor(repo, "check"))


def test_utf8_csv_with_bom_and_commas(repo: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "plan.csv"
    sheet.write_text('\ufeffId,Status,Kommentar,Verdensmål\nlangsigtet-anlaegsplan,i-gang,"Godt i gang, og på plan.","11, 17"\n', encoding="utf-8")
    out = ok(run_import(repo, sheet))
    assert "langsigtet-anlaegsplan: status ikke-vurderet → i-gang" in out
    added, removed = diff_lines(repo)
    assert removed == ["    sdgs: [11, 17]"] or removed == []
    assert "        comment: Godt i gang, og på plan." in added


def test_csv_bad_cells_name_column_and_row(repo: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "plan.csv"
    sheet.write_text("Id;Status;Budget 2025\nbudget-i-balance;færdig;12x\n", encoding="utf-8")
    stderr = refused(run_import(repo, sheet), repo)
    assert re.search(r"plan\.csv:2 \[B2 \(Status\)\]: Ukendt status 'færdig'", stderr), stderr
    assert re.search(r"plan\.csv:2 \[C2 \(Budget 2025\)\]", stderr), stderr


def test_dry_run_writes_nothing(repo: Path, tmp_path: Path) -> None:
    sheet = write_xlsx(tmp_path / "plan.xlsx", [{"Id": "budget-i-balance", "Status": "afsluttet"}])
    out = ok(run_import(repo, sheet, "--tør"))
    assert "intet er gemt" in out and "budget-i-balance: status i-gang → afsluttet" in out
    assert diff_lines(repo) == ([], [])


def test_the_template_imports_cleanly(repo: Path) -> None:
    workbook = load_workbook(TEMPLATE)
    assert workbook.sheetnames[0] == "Indsatser" and "Vejledning" in workbook.sheetnames
    headers = [cell.value for cell in workbook["Indsatser"][1]]
    assert headers == HEADERS
    guide = [row[0] for row in workbook["Vejledning"].iter_rows(min_row=2, values_only=True) if row[0]]
    assert set(c.header for c in COLUMNS) <= set(guide)
    validated = {str(rng) for v in workbook["Indsatser"].data_validations.dataValidation for rng in v.sqref.ranges}
    for column in ("C", "D", "P"):  # Tema, Type, Status
        assert any(rng.startswith(f"{column}2:") for rng in validated), validated
    assert "Ingen ændringer" in ok(run_import(repo, TEMPLATE))
    assert diff_lines(repo) == ([], [])


def test_template_dropdown_values_import(repo: Path, tmp_path: Path) -> None:
    workbook = load_workbook(TEMPLATE)
    lists = workbook["Lister"]
    themes = [row[0] for row in lists.iter_rows(min_row=2, values_only=True) if row[0]]
    statuses = [row[3] for row in lists.iter_rows(min_row=2, values_only=True) if row[3]]
    data = workbook["Indsatser"]
    for number, theme in enumerate(themes):
        data.append(
            [
                f"ny-{number}",
                f"Ny {number}",
                theme,
                "Driftsændring",
                "Økonomiudvalget",
                "nej",
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                None,
                statuses[number % 5],
            ]
        )
    workbook.save(tmp_path / "udfyldt.xlsx")
    out = ok(run_import(repo, tmp_path / "udfyldt.xlsx"))
    assert out.count("Ny indsats") == len(themes)
    ok(run_planspor(repo, "check"))


# -- the site's own /data/plan.csv: download, change, import again ----------------------------


def site_rows(site: BuiltSite) -> list[list[str]]:
    text = (site.root / "data" / "plan.csv").read_text(encoding="utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    """As Danish Excel saves a CSV (UTF-8 with BOM, semicolons)."""
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        csv.writer(file, delimiter=";", lineterminator="\r\n").writerows(rows)
    return path


def edit(rows: list[list[str]], item: str, **cells: str) -> None:
    header = rows[0]
    row = next(r for r in rows if r[0] == item)
    for name, value in cells.items():
        row[header.index(name.replace("_", " "))] = value


def test_the_sites_own_csv_imports_as_no_change(repo: Path, bundled_site: BuiltSite, tmp_path: Path) -> None:
    rows = site_rows(bundled_site)
    assert {"Status siden", "Senest bekræftet", "Oprindelig slut", "Budget i alt (1.000 kr.)", "Adresse"} <= set(rows[0])
    out = ok(run_import(repo, write_csv(tmp_path / "plan.csv", rows)))
    assert "Ingen ændringer" in out
    assert diff_lines(repo) == ([], [])


def test_confirming_the_same_status_keeps_status_since_everywhere(repo: Path, tmp_path: Path) -> None:
    """budget-i-balance has been 'i-gang' since 2024-03-01; confirming it on 2024-10-01 adds a
    confirmation, and the site, the open data and the import's round trip still say since March."""
    out = ok(run_planspor(repo, "status", "budget-i-balance", "i-gang", "--kommentar", "Stadig i gang.", "--dato", AS_OF))
    assert "budget-i-balance: status i-gang bekræftet (2024-10-01); status siden 2024-03-01" in out
    added, removed = diff_lines(repo)
    assert removed == [] and added == ["      - date: 2024-10-01", "        status: i-gang", "        comment: Stadig i gang."]
    built = run_mkdocs_build(repo, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    site = BuiltSite(tmp_path / "site", built.stdout + built.stderr)
    page = site.path("/indsatser/budget-i-balance/").read_text(encoding="utf-8")
    assert "siden 1. marts 2024</span>" in page
    assert 'Status senest bekræftet <time datetime="2024-10-01">1. oktober 2024</time>.' in page
    [item] = [i for i in json.loads((site.root / "data/plan.json").read_text(encoding="utf-8"))["items"] if i["id"] == "budget-i-balance"]
    assert item["status_since"] == "2024-03-01"
    rows = site_rows(site)
    [row] = [dict(zip(rows[0], r, strict=True)) for r in rows[1:] if r[0] == "budget-i-balance"]
    assert (row["Status siden"], row["Senest bekræftet"]) == ("2024-03-01", "2024-10-01")
    assert "Status bekræftet: I gang" in (site.root / "feeds/aendringer.xml").read_text(encoding="utf-8")
    commit(repo)
    assert "Ingen ændringer" in ok(run_import(repo, write_csv(tmp_path / "plan.csv", rows)))
    assert diff_lines(repo) == ([], [])


def test_the_sites_csv_opened_in_excel_imports_as_no_change(repo: Path, bundled_site: BuiltSite, tmp_path: Path) -> None:
    """Excel turns the dates into date cells and the amounts into numbers; nothing changes either."""
    rows = site_rows(bundled_site)
    header, body = rows[0], rows[1:]
    dates = {header.index("Status siden"), header.index("Senest bekræftet")}
    amounts = {i for i, name in enumerate(header) if name.startswith("Budget")}

    def excel(index: int, text: str) -> Any:
        if index in dates:
            return dt.date.fromisoformat(text)
        if index in amounts and text:
            return float(text.replace(",", "."))
        return text or None

    workbook = Workbook()
    workbook.active.append(header)
    for row in body:
        workbook.active.append([excel(i, text) for i, text in enumerate(row)])
    workbook.save(tmp_path / "plan.xlsx")
    assert "Ingen ændringer" in ok(run_import(repo, tmp_path / "plan.xlsx"))


def test_a_new_status_in_the_sites_csv_takes_the_date_in_status_siden(repo: Path, bundled_site: BuiltSite, tmp_path: Path) -> None:
    rows = site_rows(bundled_site)
    edit(rows, "budget-i-balance", Status="Afsluttet", Status_siden="15-09-2024")
    # A changed year with the old total beside it: the total is Planspor's to fill in, so the stale one is fine.
    edit(rows, "digital-selvbetjening", **{"Budget 2025 (1.000 kr.)": "-100"})
    out = ok(run_import(repo, write_csv(tmp_path / "plan.csv", rows)))
    assert "budget-i-balance: status i-gang → afsluttet (2024-09-15, række 2)" in out
    added, removed = diff_lines(repo)
    assert added[:2] == ["      - date: 2024-09-15", "        status: afsluttet"]
    assert "    budget: {2024: 200, 2025: -100, 2026: -800, 2027: -800}" in added
    assert removed == ["    budget: {2024: 200, 2025: -400, 2026: -800, 2027: -800}"]
    ok(run_planspor(repo, "check"))


def test_cells_planspor_fills_in_are_checked_not_dropped(repo: Path, bundled_site: BuiltSite, tmp_path: Path) -> None:
    rows = site_rows(bundled_site)
    edit(rows, "budget-i-balance", Status_siden="2024-05-01")  # a new date, but the same status
    edit(rows, "raaderumsanalyse", Oprindelig_slut="2025-Q1", Senest_bekræftet="2024-07-01")
    edit(rows, "digital-selvbetjening", **{"Budget i alt (1.000 kr.)": "999"})
    edit(rows, "langsigtet-anlaegsplan", Adresse="https://example.org/indsatser/noget-andet/")
    edit(rows, "styrket-oekonomiopfoelgning", Status_siden="i går")
    stderr = refused(run_import(repo, write_csv(tmp_path / "plan.csv", rows)), repo)
    number = {row[0]: index for index, row in enumerate(rows, 1)}
    header = rows[0]

    def cell(item: str, column: str) -> str:
        return f"plan.csv:{number[item]} [{get_column_letter(header.index(column) + 1)}{number[item]} ({column})]: "

    expected = [
        cell("budget-i-balance", "Status siden") + "Der står 2024-05-01, men 'budget-i-balance' har haft status 'I gang' siden 2024-03-01.",
        cell("raaderumsanalyse", "Oprindelig slut") + "Der står '2025-Q1', men den oprindelige slut er 2024-Q2.",
        cell("raaderumsanalyse", "Senest bekræftet") + "Der står 2024-07-01, men 'Senest bekræftet' er datoen for det seneste punkt i historikken (2024-06-18)",
        cell("digital-selvbetjening", "Budget i alt (1.000 kr.)") + "Der står '999', men summen af budgetårene er -1800.",
        cell("langsigtet-anlaegsplan", "Adresse")
        + "Der står 'https://example.org/indsatser/noget-andet/', men indsatsens adresse slutter på /indsatser/langsigtet-anlaegsplan/.",
        cell("styrket-oekonomiopfoelgning", "Status siden") + "Skriv en dato som ÅÅÅÅ-MM-DD (fx 2025-03-01), men der står 'i går'.",
    ]
    for message in expected:
        assert message in stderr, f"{message}\n--- not in ---\n{stderr}"
    assert "Planen har 6 problemer" in stderr


def test_an_amount_with_three_decimals_is_written_so_the_check_reads_it_back(repo: Path, tmp_path: Path) -> None:
    """1,125 (1.125 thousand kr.) must not land in the plan as '1.125', which reads as a thousands separator."""
    sheet = tmp_path / "plan.csv"
    sheet.write_text("Id;Budget 2025\nbudget-i-balance;1,125\n", encoding="utf-8")
    ok(run_import(repo, sheet))
    added, _ = diff_lines(repo)
    assert "    budget: {2024: 0, 2025: 1.1250, 2026: -5000, 2027: -5000}" in added
    ok(run_planspor(repo, "check"))
    budget = run_mkdocs_build(repo, tmp_path / "site")
    assert budget.returncode == 0, budget.stderr
    assert "1,125" in (tmp_path / "site" / "indsatser" / "budget-i-balance" / "index.html").read_text(encoding="utf-8")
