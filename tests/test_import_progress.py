"""`planspor import` of the sheets "Milepæle" and "Målinger": milestones added and updated, measurements
added to the indicators the plan has, and every bad cell named with its sheet, row and column.

Each test builds the workbook with openpyxl, imports it into a copy of the bundled project and reads
what changed in data/plan.yaml with git, as an editor's pull request would show it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, BuiltSite, run_planspor
from openpyxl import Workbook, load_workbook
from test_editing import commit, diff_lines, ok, refused

from planspor.progress_data import MEASUREMENT_COLUMNS, MEASUREMENTS_SHEET, MILESTONE_COLUMNS, MILESTONES_SHEET

TEMPLATE = REPO / "skabeloner" / "udmoentningsplan-skabelon.xlsx"
MILESTONE_HEADINGS = ["Id", "Milepæl-id", "Milepæl", "Planlagt", "Nået"]
MEASUREMENT_HEADINGS = ["Id", "Indikator-id", "Indikator", "Dato", "Værdi", "Kilde", "Link"]
SCHOOLS, ENERGY, PERMITS = "renovering-af-skolebygninger", "energistyring-i-kommunale-bygninger", "hurtigere-byggesagsbehandling"


@pytest.fixture()
def repo(project: Path) -> Path:
    commit(project)
    return project


def write_workbook(path: Path, sheets: dict[str, tuple[list[str], list[list[Any]]]]) -> Path:
    """One sheet per name, its headings in the first row."""
    book = Workbook()
    book.remove(book.active)
    for name, (headings, rows) in sheets.items():
        sheet = book.create_sheet(name)
        sheet.append(headings)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


ITEMS = (["Id", "Titel", "Tema", "Type", "Udvalg"], [["", "Ny sti langs åen", "Klima, miljø og byg", "Anlægsprojekt", "Miljø- og teknikudvalget"]])
MILESTONES = (
    MILESTONE_HEADINGS,
    [
        [SCHOOLS, "udbud-etape-1", "", "", "12-09-2024"],  # reached
        [SCHOOLS, "", "første etape FÆRDIG", "4. kvartal 2025", ""],  # found by its title: moved, not duplicated
        [SCHOOLS, "", "Udbud af anden etape", "3. kvartal 2025", ""],  # new, between two others
        [ENERGY, "", "Målere installeret", "1. halvår 2024", dt.datetime(2024, 6, 20)],  # the item's first milestones
        [ENERGY, "", "Første energirapport", "2024-Q4", None],
        ["ny-sti-langs-aaen", "linjefoering", "Linjeføring vedtaget", "2025-Q2", None],  # an item the same workbook adds
        ["ny-sti-langs-aaen", "", "Stien anlagt", "2026", None],
    ],
)
MEASUREMENTS = (
    MEASUREMENT_HEADINGS,
    [
        [ENERGY, "energiforbrug", "", "30.09.2024", 23100.0, "Energiregnskab 3. kvartal 2024", "https://example.dk/energi"],
        [ENERGY, "", "Energiforbrug i kommunens bygninger", "30-06-2024", "23.600", "Energiregnskab 2. kvartal 2024", None],  # in the plan already
        [PERMITS, "", "gennemsnitlig sagsbehandlingstid for enkle byggesager", "31-08-2024", "41,5", "Byggesagssystemets månedsopgørelse august 2024", None],
    ],
)


def test_a_workbook_with_milestones_and_measurements_writes_them_and_a_second_import_changes_nothing(repo: Path, tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "plan.xlsx", {"Indsatser": ITEMS, MILESTONES_SHEET: MILESTONES, MEASUREMENTS_SHEET: MEASUREMENTS})
    out = ok(run_planspor(repo, "import", str(path)))
    for told in (
        f"{SCHOOLS}: milepæl 'udbud-etape-1': nået (ikke nået) → 2024-09-12 (række 2 på arket 'Milepæle')",
        f"{SCHOOLS}: milepæl 'etape-1': planlagt 2025-Q2 → 2025-Q4 (række 3 på arket 'Milepæle')",
        f"{SCHOOLS}: ny milepæl 'udbud-af-anden-etape' 'Udbud af anden etape', planlagt 2025-Q3 (række 4 på arket 'Milepæle')",
        f"{ENERGY}: ny milepæl 'maalere-installeret' 'Målere installeret', planlagt 2024-Q2, nået 2024-06-20 (række 5 på arket 'Milepæle')",
        f"{ENERGY}: ny måling af 'energiforbrug' 2024-09-30: 23100 MWh, kilde 'Energiregnskab 3. kvartal 2024', link https://example.dk/energi (række 2 på arket 'Målinger')",
        f"{PERMITS}: ny måling af 'sagsbehandlingstid' 2024-08-31: 41,5 dage, kilde 'Byggesagssystemets månedsopgørelse august 2024' (række 4 på arket 'Målinger')",
    ):
        assert told in out, out
    assert "2024-06-30" not in out  # the measurement the plan has is no change
    added, removed = diff_lines(repo)
    assert removed == ["        planned: 2025-Q2"]
    assert added == [
        # energistyring: milestones where the key order puts them, and a measurement after the others
        "    milestones:",
        "      - id: maalere-installeret",
        "        title: Målere installeret",
        "        planned: 2024-Q2",
        "        reached: 2024-06-20",
        "      - id: foerste-energirapport",
        "        title: Første energirapport",
        "        planned: 2024-Q4",
        "          - {date: 2024-09-30, value: 23100, source: Energiregnskab 3. kvartal 2024, url: https://example.dk/energi}",
        # renovering: reached, moved, and a new milestone in planned order
        "        reached: 2024-09-12",
        "        planned: 2025-Q4",
        "      - id: udbud-af-anden-etape",
        "        title: Udbud af anden etape",
        "        planned: 2025-Q3",
        # byggesager: a measurement in date order, in its neighbours' style
        "          - {date: 2024-08-31, value: 41.5, source: Byggesagssystemets månedsopgørelse august 2024}",
        # the new item, and its milestones in the plan's style
        "",
        "  - id: ny-sti-langs-aaen",
        "    title: Ny sti langs åen",
        "    theme: klima-miljoe-og-byg",
        "    kind: anlaegsprojekt",
        "    committees: [miljoe-og-teknikudvalget]",
        "    strategic: false",
        "    milestones:",
        "      - id: linjefoering",
        "        title: Linjeføring vedtaget",
        "        planned: 2025-Q2",
        "      - id: stien-anlagt",
        "        title: Stien anlagt",
        "        planned: 2026",
        "    history:",
        "      - date: 2024-10-01",
        "        status: ikke-vurderet",
        "        comment: Indsatsen er oprettet.",
    ], added
    text = (repo / "data" / "plan.yaml").read_text(encoding="utf-8")
    assert text.index("id: etape-1") < text.index("id: udbud-af-anden-etape") < text.index("id: etape-2")
    assert text.index("date: 2024-04-30, value: 47") < text.index("date: 2024-08-31") < text.index("date: 2024-09-30, value: 38")
    ok(run_planspor(repo, "check"))

    commit(repo)
    assert "Ingen ændringer: regnearket svarer til planen." in ok(run_planspor(repo, "import", str(path)))
    assert diff_lines(repo) == ([], [])


def test_an_indicator_without_measurements_and_an_item_without_milestones_take_several_at_once(repo: Path, tmp_path: Path) -> None:
    plan = repo / "data" / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    measured = "        measurements:\n          - {date: 2024-04-30, value: 47, source: Byggesagssystemets månedsopgørelse april 2024}\n"
    measured += "          - {date: 2024-09-30, value: 38, source: Byggesagssystemets månedsopgørelse september 2024}\n"
    assert measured in text
    plan.write_text(text.replace(measured, ""), encoding="utf-8")
    commit(repo)
    rows = [
        [PERMITS, "sagsbehandlingstid", "", day, value, f"Opgørelse {day}", None]
        for day, value in (("30-09-2024", 38), ("30-04-2024", "47"), ("31-05-2024", "45,5"))
    ]
    path = write_workbook(tmp_path / "maalinger.xlsx", {MEASUREMENTS_SHEET: (MEASUREMENT_HEADINGS, rows)})
    ok(run_planspor(repo, "import", str(path)))
    added, removed = diff_lines(repo)
    assert removed == [] and added == [
        "        measurements:",
        "          - {date: 2024-04-30, value: 47, source: Opgørelse 30-04-2024}",
        "          - {date: 2024-05-31, value: 45.5, source: Opgørelse 31-05-2024}",
        "          - {date: 2024-09-30, value: 38, source: Opgørelse 30-09-2024}",
    ], added
    ok(run_planspor(repo, "check"))


def test_a_sheet_named_milepaele_is_never_a_theme(repo: Path, tmp_path: Path) -> None:
    """One sheet per theme, and "Milepæle" beside them: the two theme sheets give their rows a theme,
    "Milepæle" is read as milestones and never asked to be a theme."""
    headings = ["Nr.", "Emne", "Bemærkninger"]
    sheets = {
        "Økonomisk Politik": (headings, [["budget-i-balance", "", "Budgettet følges tæt."]]),
        "Skoler og dagtilbud": (headings, [[SCHOOLS, "", "Udbuddet er afsluttet."]]),
        "milepæle": (MILESTONE_HEADINGS, [[SCHOOLS, "udbud-etape-1", "", "", "2024-09-12"]]),  # any case: still the milestones
    }
    out = ok(run_planspor(repo, "import", str(write_workbook(tmp_path / "plan.xlsx", sheets))))
    assert "ark 'milepæle'" not in out and "hedder ikke som et tema" not in out
    assert f"{SCHOOLS}: milepæl 'udbud-etape-1': nået (ikke nået) → 2024-09-12 (række 2 på arket 'milepæle')" in out
    assert f"{SCHOOLS}: status forsinket bekræftet; kommentar 'Udbuddet er afsluttet.' (2024-10-01, række 2 på arket 'Skoler og dagtilbud')" in out
    added, _ = diff_lines(repo)
    assert "        reached: 2024-09-12" in added and not any("theme:" in line for line in added)
    ok(run_planspor(repo, "check"))

    # Only "Milepæle" with --ark: the milestones alone.
    commit(repo)
    sheets["milepæle"] = (MILESTONE_HEADINGS, [[SCHOOLS, "etape-1", "", "2025-Q3", ""]])
    out = ok(run_planspor(repo, "import", str(write_workbook(tmp_path / "plan.xlsx", sheets)), "--ark", "milepæle", "--tør"))
    assert f"{SCHOOLS}: milepæl 'etape-1': planlagt 2025-Q2 → 2025-Q3 (række 2)" in out and "budget-i-balance" not in out


BAD = {
    MILESTONES_SHEET: (
        MILESTONE_HEADINGS,
        [
            ["ukendt-indsats", "", "Noget", "2025-Q1", ""],  # 2
            [SCHOOLS, "", "Noget nyt", "13. kvartal 2025", "2024-02-30"],  # 3
            [SCHOOLS, "Ny Milepæl", "", "løbende", "31-12-2024"],  # 4
            [SCHOOLS, "", "", "", "ja"],  # 5
            [SCHOOLS, "etape-1", "", "2025-Q3", ""],  # 6
            [SCHOOLS, "etape-1", "", "2025-Q4", ""],  # 7
            ["", "", "Noget", "2025", ""],  # 8
            [SCHOOLS, "nyt-id", "", "", ""],  # 9
            [SCHOOLS, "tilstandsvurdering", "", "", "25-03-2024"],  # 10: reached 2024-03-20 in the plan
        ],
    ),
    MEASUREMENTS_SHEET: (
        [*MEASUREMENT_HEADINGS, "Enhed"],
        [
            ["budget-i-balance", "", "Udgiftspres", "30-09-2024", "1", "Regnskab", None, None],  # 2
            [ENERGY, "energi", "", "30-09-2024", "1", "Regnskab", None, None],  # 3
            [ENERGY, "energiforbrug", "", "2024-Q3", "mange", "", None, None],  # 4
            [ENERGY, "energiforbrug", "", "30-06-2024", "23.500", "Energiregnskab 2. kvartal 2024", None, None],  # 5
            [ENERGY, "energiforbrug", "", "31-03-2024", "24300", "Energiregnskab 1. kvartal 2024", "www.example.dk", "kWh"],  # 6
            [ENERGY, "energiforbrug", "", "30.11.2024", "24300", "Regnskab", None, None],  # 7
            [ENERGY, "energiforbrug", "Vandforbrug", "", "", "", None, None],  # 8
        ],
    ),
}


def test_every_bad_cell_is_named_with_what_was_found_and_what_is_allowed(repo: Path, tmp_path: Path) -> None:
    stderr = refused(run_planspor(repo, "import", str(write_workbook(tmp_path / "plan.xlsx", BAD))), repo)
    for message in (
        "plan.xlsx:2 [Milepæle!A2 (Id)]: Ukendt indsats 'ukendt-indsats'. Skriv id'et på en indsats i planen, som det står i kolonnen Id på arket med indsatserne eller i data/plan.yaml.",
        "plan.xlsx:3 [Milepæle!D3 (Planlagt)]: Ugyldigt tidspunkt: fandt '13. kvartal 2025'; skriv et år (2025), et kvartal (2025-Q1, 1. kvartal 2025, 1. kvt. 2025, Q1 2025), et halvår (1. halvår 2025), primo, medio eller ultimo 2025, en måned (2025-05, maj 2025, maj. 2025) eller en dato (2025-05-15).",
        "plan.xlsx:3 [Milepæle!E3 (Nået)]: Skriv datoen, hvor milepælen blev nået, som DD-MM-ÅÅÅÅ eller ÅÅÅÅ-MM-DD (fx 12-09-2024), men der står '2024-02-30' (datoen '2024-02-30' findes ikke i kalenderen).",
        "plan.xlsx:4 [Milepæle!B4 (Milepæl-id)]: Id'et 'Ny Milepæl' er ikke tilladt. Brug kun små bogstaver a-z, tal og bindestreg (æ→ae, ø→oe, å→aa), fx 'ny-milepael'.",
        "plan.xlsx:4 [Milepæle!D4 (Planlagt)]: En milepæl er planlagt til et bestemt tidspunkt, så der kan ikke stå 'løbende'. Skriv et år (2025),",
        "plan.xlsx:4 [Milepæle!E4 (Nået)]: Datoen 2024-12-31 ligger efter planens data_as_of (2024-10-01). Ret datoen, eller ryk data_as_of frem i data/plan.yaml først.",
        "plan.xlsx:5 [Milepæle!C5 (Milepæl)]: Milepælens titel mangler. Skriv titlen i kolonnen Milepæl (eller id'et på en af indsatsens milepæle i kolonnen Milepæl-id).",
        "plan.xlsx:5 [Milepæle!E5 (Nået)]: Skriv datoen, hvor milepælen blev nået, som DD-MM-ÅÅÅÅ eller ÅÅÅÅ-MM-DD (fx 12-09-2024), men der står 'ja'.",
        f"plan.xlsx:7 [Milepæle!B7 (Milepæl-id)]: Milepælen 'etape-1' for '{SCHOOLS}' står også i række 6 på arket 'Milepæle'. Skriv den i én række.",
        "plan.xlsx:8 [Milepæle!A8 (Id)]: Id'et mangler. Skriv id'et på den indsats, milepælen hører til.",
        "plan.xlsx:9 [Milepæle!C9 (Milepæl)]: 'Milepæl' skal udfyldes for en ny milepæl ('nyt-id').",
        "plan.xlsx:9 [Milepæle!D9 (Planlagt)]: 'Planlagt' skal udfyldes for en ny milepæl ('nyt-id').",
        "plan.xlsx:10 [Milepæle!E10 (Nået)]: Milepælen 'tilstandsvurdering' er allerede nået 2024-03-20, ikke 2024-03-25. En skrevet dato bliver ikke ændret "
        f"uden videre: er 2024-03-20 forkert, så ret den med planspor milepæl {SCHOOLS} tilstandsvurdering --dato 2024-03-25 --ret; ellers skriv 2024-03-20 her, eller tøm cellen.",
        "plan.xlsx:2 [Målinger!C2 (Indikator)]: Indsatsen 'budget-i-balance' har ingen indikatorer i data/plan.yaml. En måling hører til en indikator, "
        "som skal stå i data/plan.yaml i forvejen: tilføj den under indsatsens indicators: med id, name, unit, better (højere eller lavere), baseline og target",
        f"plan.xlsx:3 [Målinger!B3 (Indikator-id)]: Indsatsen '{ENERGY}' har ingen indikator med id'et 'energi'. Mente du 'energiforbrug'? "
        "Dens indikatorer: energiforbrug (Energiforbrug i kommunens bygninger). Er det en ny indikator, så tilføj den først i data/plan.yaml",
        "plan.xlsx:4 [Målinger!D4 (Dato)]: Skriv målingens dato som DD-MM-ÅÅÅÅ eller ÅÅÅÅ-MM-DD (fx 30-09-2024), men der står '2024-Q3' (2024-Q3 er ikke én dag).",
        "plan.xlsx:4 [Målinger!E4 (Værdi)]: Værdien skal være et tal (decimalkomma og tusindtalspunktum er i orden, fx 78,6 eller 23.600), men der står 'mange'.",
        "plan.xlsx:4 [Målinger!F4 (Kilde)]: Kilden mangler. Skriv, hvor tallet kommer fra, fx 'Energiregnskab 3. kvartal 2024'.",
        "plan.xlsx:5 [Målinger!E5 (Værdi)]: Indikatoren 'energiforbrug' har allerede en måling 2024-06-30: 23600 MWh (kilde: 'Energiregnskab 2. kvartal 2024'), "
        "men rækken siger 23500. Importen overskriver ikke en måling: er tallet rettet, så ret det i data/plan.yaml sammen med kilden; er det en ny måling, så ret datoen.",
        "plan.xlsx:6 [Målinger!G6 (Link)]: Linket skal være en hel webadresse, der begynder med https:// (eller http://), men der står 'www.example.dk'.",
        "plan.xlsx:6 [Målinger!H6 (Enhed)]: Der står 'kWh', men indikatoren 'energiforbrug' måles i 'MWh'.",
        "plan.xlsx:7 [Målinger!D7 (Dato)]: Datoen 2024-11-30 ligger efter planens data_as_of (2024-10-01).",
        "plan.xlsx:8 [Målinger!C8 (Indikator)]: Der står 'Vandforbrug', men indikatoren 'energiforbrug' hedder 'Energiforbrug i kommunens bygninger'.",
        "plan.xlsx:8 [Målinger!D8 (Dato)]: Datoen for målingen mangler. Skriv den som DD-MM-ÅÅÅÅ eller ÅÅÅÅ-MM-DD, fx 30-09-2024.",
        "plan.xlsx:8 [Målinger!E8 (Værdi)]: Værdien mangler. Skriv det målte tal, fx 78,6 eller 23.600.",
    ):
        assert message in stderr, f"{message}\n\n{stderr}"
    assert "Planen har 26 problemer" in stderr, stderr  # those above, and Kilde in row 8


def test_headings_that_are_unknown_or_missing_are_named(repo: Path, tmp_path: Path) -> None:
    sheets = {
        MILESTONES_SHEET: (["Id", "Milepæl", "Planlagt til", "naaet", "Ansvarlig"], [[SCHOOLS, "Noget", "2025", "", ""]]),  # "naaet" is Nået
        MEASUREMENTS_SHEET: (["Id", "Indikator", "Værdi"], [[ENERGY, "energiforbrug", "1"]]),
    }
    stderr = refused(run_planspor(repo, "import", str(write_workbook(tmp_path / "plan.xlsx", sheets))), repo)
    assert (
        "plan.xlsx:1 [Milepæle!C1 (overskrifter)]: Ukendte kolonner: 'Planlagt til' i Milepæle!C1 (mente du 'Planlagt'?); 'Ansvarlig' i Milepæle!E1. "
        "Arket Milepæle har kolonnerne Id, Milepæl-id, Milepæl, Planlagt, Nået (og Indsats, Overskredet, som Planspor udfylder). "
        'Ret overskriften, eller lad kolonnen være ude af importen med --ignorer "Planlagt til" --ignorer "Ansvarlig".'
    ) in stderr, stderr
    assert (
        "plan.xlsx:1 [Målinger!række 1 (overskrifter)]: Arket Målinger mangler kolonnen 'Dato' og kolonnen 'Kilde' i rækken med overskrifterne. "
        "Overskrifterne er: Id, Indikator-id, Indikator, Dato, Værdi, Kilde, Link (se skabeloner/)."
    ) in stderr, stderr
    # Left out with --ignorer, the milestones' sheet reads; the measurements' still lacks its columns.
    out = refused(run_planspor(repo, "import", str(tmp_path / "plan.xlsx"), "--ignorer", "Planlagt til", "--ignorer", "ansvarlig"), repo)
    assert "Milepæle!C1" not in out and "Arket Målinger mangler" in out


def test_the_sites_own_csv_files_import_as_no_change(repo: Path, bundled_site: BuiltSite, tmp_path: Path) -> None:
    """data/milepaele.csv and data/maalinger.csv, downloaded from the site, go back through the import as they are:
    known by their headings, Planspor's own columns (Indsats, Overskredet, Enhed) checked and agreeing."""
    for name in ("milepaele.csv", "maalinger.csv"):
        downloaded = tmp_path / name
        downloaded.write_bytes((bundled_site.root / "data" / name).read_bytes())
        assert "Ingen ændringer: regnearket svarer til planen." in ok(run_planspor(repo, "import", str(downloaded))), name
    text = (tmp_path / "milepaele.csv").read_text(encoding="utf-8-sig")
    header, first, second, *_ = text.splitlines()
    assert header.split(";") == list(MILESTONE_COLUMNS)
    first_cells, second_cells = first.split(";"), second.split(";")
    first_cells[1], second_cells[6] = "En anden titel", "måske"  # Indsats and Overskredet are Planspor's: what contradicts them is named
    rows = [header, ";".join(first_cells), ";".join(second_cells)]
    (tmp_path / "milepaele.csv").write_text("\ufeff" + "\r\n".join(rows) + "\r\n", encoding="utf-8")
    stderr = refused(run_planspor(repo, "import", str(tmp_path / "milepaele.csv")), repo)
    assert f"milepaele.csv:2 [B2 (Indsats)]: Der står 'En anden titel', men indsatsen '{first_cells[0]}' hedder" in stderr, stderr
    assert "milepaele.csv:3 [G3 (Overskredet)]: Skriv ja eller nej, men der står 'måske'." in stderr, stderr


def test_the_template_has_both_sheets_with_their_headings_and_their_guide(repo: Path) -> None:
    workbook = load_workbook(TEMPLATE)
    assert workbook.sheetnames[:3] == ["Indsatser", MILESTONES_SHEET, MEASUREMENTS_SHEET]
    assert [cell.value for cell in workbook[MILESTONES_SHEET][1]] == MILESTONE_HEADINGS
    assert [cell.value for cell in workbook[MEASUREMENTS_SHEET][1]] == MEASUREMENT_HEADINGS
    assert set(MILESTONE_HEADINGS) <= set(MILESTONE_COLUMNS) and set(MEASUREMENT_HEADINGS) <= set(MEASUREMENT_COLUMNS)
    guide = [row[0] for row in workbook["Vejledning"].iter_rows(min_row=2, values_only=True)]
    assert "Arket Milepæle" in guide and "Arket Målinger" in guide
    assert {"Milepæl-id", "Planlagt", "Nået", "Indikator-id", "Værdi", "Kilde", "Link"} <= set(guide)
    assert "Ingen ændringer" in ok(run_planspor(repo, "import", str(TEMPLATE)))


def test_the_template_filled_in_imports(repo: Path, tmp_path: Path) -> None:
    workbook = load_workbook(TEMPLATE)
    workbook[MILESTONES_SHEET].append([SCHOOLS, "", "Udbud af anden etape", "3. kvartal 2025", None])
    workbook[MEASUREMENTS_SHEET].append([ENERGY, "energiforbrug", None, "30-09-2024", "23.100", "Energiregnskab 3. kvartal 2024", None])
    workbook.save(tmp_path / "udfyldt.xlsx")
    out = ok(run_planspor(repo, "import", str(tmp_path / "udfyldt.xlsx"), "--tør"))
    assert "ny milepæl 'udbud-af-anden-etape'" in out and "ny måling af 'energiforbrug' 2024-09-30: 23100 MWh" in out
    assert diff_lines(repo) == ([], [])


def test_overskredet_may_say_what_the_plan_says_before_or_after_the_row(repo: Path, tmp_path: Path) -> None:
    """On the plan's data_as_of (2024-10-01) 'udbud-etape-1' (planned 2024-Q3) is overdue: "ja" passes, and so does
    "ja" beside the day it was reached (as the sheet stood before); "nej" alone contradicts the plan and is named."""
    headings = [*MILESTONE_HEADINGS, "Overskredet"]
    rows = [[SCHOOLS, "udbud-etape-1", "", "", "12-09-2024", "ja"], [SCHOOLS, "etape-1", "", "", "", "nej"]]
    path = write_workbook(tmp_path / "plan.xlsx", {MILESTONES_SHEET: (headings, rows)})
    assert f"{SCHOOLS}: milepæl 'udbud-etape-1': nået (ikke nået) → 2024-09-12" in ok(run_planspor(repo, "import", str(path), "--tør"))
    rows = [[SCHOOLS, "udbud-etape-1", "", "", "", "nej"]]
    stderr = refused(run_planspor(repo, "import", str(write_workbook(tmp_path / "plan.xlsx", {MILESTONES_SHEET: (headings, rows)}))), repo)
    assert (
        "plan.xlsx:2 [Milepæle!F2 (Overskredet)]: Der står 'nej', men milepælen er overskredet på planens dato (2024-10-01). "
        "Kolonnen Overskredet udfyldes af Planspor ud fra Planlagt og Nået: ret dem, og tøm cellen her."
    ) in stderr, stderr
