"""`planspor milepæl` and `planspor måling` change only the lines they must, and refuse bad input.

As in test_editing.py, each test runs the real command on a private copy of the project under git
and reads what changed: a milestone gets one ``reached:`` line (or its date corrected with --ret,
never silently), an indicator one measurement in date order and in the style of the others, and a
refusal says in Danish what is allowed and leaves every file as it was.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import run_planspor
from test_editing import AS_OF, commit, diff_lines, git, ok, refused

from planspor.project import PLAN_FILE

SCHOOLS = "renovering-af-skolebygninger"  # milestones, one key a line
ENERGY = "energistyring-i-kommunale-bygninger"  # indicator energiforbrug, measurements as - {…}
YOUTH = "flere-unge-i-uddannelse-og-job"  # indicator uddannelse-25-aar, one measurement
Q1 = "          - {date: 2024-03-31, value: 24300, source: Energiregnskab 1. kvartal 2024}"
Q2 = "          - {date: 2024-06-30, value: 23600, source: Energiregnskab 2. kvartal 2024}"
YOUTH_MEASUREMENT = "          - {date: 2024-06-30, value: 78.6, source: Ungdommens Uddannelsesvejlednings opgørelse juni 2024}"
DRY_RUN = "Prøvekørsel (--tør): intet er gemt. Disse ændringer ville blive lavet:"


@pytest.fixture()
def repo(project: Path) -> Path:
    commit(project)
    return project


def plan_text(project: Path) -> str:
    return (project / PLAN_FILE).read_text(encoding="utf-8")


def edit_plan(project: Path, old: str, new: str) -> None:
    """The bundled plan with one passage written differently, checked and committed."""
    text = plan_text(project)
    assert text.count(old) == 1, old
    (project / PLAN_FILE).write_text(text.replace(old, new), encoding="utf-8")
    ok(run_planspor(project, "check"))
    commit(project)


def lines_after(project: Path, line: str, count: int) -> list[str]:
    """The ``count`` lines that follow ``line`` (which occurs once) in the plan."""
    lines = plan_text(project).split("\n")
    assert lines.count(line) == 1, line
    start = lines.index(line) + 1
    return lines[start : start + count]


def line_of(project: Path, line: str) -> int:
    return plan_text(project).split("\n").index(line) + 1


# -- milepæl ---------------------------------------------------------------------------


def test_a_milestone_reached_gets_one_line(repo: Path) -> None:
    out = ok(run_planspor(repo, "milepæl", SCHOOLS, "udbud-etape-1", "--dato", AS_OF))
    assert out == f"{SCHOOLS}: milepælen udbud-etape-1 er nået 2024-10-01 (Udbud af første etape, planlagt 3. kvartal 2024)\n"
    assert diff_lines(repo) == (["        reached: 2024-10-01"], [])
    assert lines_after(repo, "      - id: udbud-etape-1", 4) == [
        "        title: Udbud af første etape",
        "        planned: 2024-Q3",
        "        reached: 2024-10-01",
        "      - id: etape-1",
    ]
    ok(run_planspor(repo, "check"))


def test_a_milestone_dry_run_writes_nothing(repo: Path) -> None:
    out = ok(run_planspor(repo, "milepæl", SCHOOLS, "udbud-etape-1", "--dato", AS_OF, "--tør"))
    assert out == f"{DRY_RUN}\n  {SCHOOLS}: milepælen udbud-etape-1 er nået 2024-10-01 (Udbud af første etape, planlagt 3. kvartal 2024)\n"
    assert git(repo, "status", "--porcelain") == ""


def test_a_milestone_reached_on_the_same_day_again_changes_nothing(repo: Path) -> None:
    out = ok(run_planspor(repo, "milepæl", SCHOOLS, "prioriteringsplan", "--dato", "2024-08-20"))
    assert out == f"{SCHOOLS}: milepælen prioriteringsplan er allerede nået 2024-08-20. Intet er ændret.\n"
    assert git(repo, "status", "--porcelain") == ""


def test_a_recorded_date_is_changed_only_with_ret(repo: Path) -> None:
    stderr = refused(run_planspor(repo, "milepæl", SCHOOLS, "prioriteringsplan", "--dato", "2024-08-21"), repo)
    assert (
        "[--dato]: Milepælen 'prioriteringsplan' er allerede nået 2024-08-20, ikke 2024-08-21. En skrevet dato bliver ikke ændret uden videre: "
        "er 2024-08-20 forkert, så skriv --ret efter --dato 2024-08-21." in stderr
    )
    stderr = refused(run_planspor(repo, "milepæl", SCHOOLS, "prioriteringsplan"), repo)  # today: another day, and refused for that first
    assert (
        "er allerede nået 2024-08-20. En skrevet dato bliver ikke ændret uden videre: er den forkert, så angiv den rigtige med --dato ÅÅÅÅ-MM-DD --ret."
        in stderr
    )
    out = ok(run_planspor(repo, "milepæl", SCHOOLS, "prioriteringsplan", "--dato", "2024-08-21", "--ret"))
    assert out == f"{SCHOOLS}: milepælen prioriteringsplan er nået 2024-08-21 (rettet fra 2024-08-20)\n"
    assert diff_lines(repo) == (["        reached: 2024-08-21"], ["        reached: 2024-08-20"])
    ok(run_planspor(repo, "check"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["renovering-af-skolebygning", "etape-1"],
            r"\[id\]: Indsatsen 'renovering-af-skolebygning' findes ikke i planen\. Mente du 'renovering-af-skolebygninger'\?",
        ),
        (
            [SCHOOLS, "etape1"],
            r"\[milepæl-id\]: Indsatsen 'renovering-af-skolebygninger' har ingen milepæl 'etape1'\. Mente du 'etape-1'\? "
            r"Dens milepæle er: tilstandsvurdering, prioriteringsplan, udbud-etape-1, etape-1, etape-2\.",
        ),
        (["budget-i-balance", "etape-1"], r"\[milepæl-id\]: Indsatsen 'budget-i-balance' har ingen milepæle\. Skriv dem først under milestones: ved indsatsen"),
        (
            [SCHOOLS, "etape-1", "--dato", "2024-10-02"],
            r"\[--dato\]: Datoen 2024-10-02 ligger efter planens data_as_of \(2024-10-01\)\. Ryk data_as_of frem i data/plan\.yaml først",
        ),
        ([SCHOOLS, "etape-1"], r"\[--dato\]: Datoen \d{4}-\d\d-\d\d ligger efter planens data_as_of"),  # today, after the example plan's data_as_of
        ([SCHOOLS, "etape-1", "--dato", "2024-02-30"], r"\[--dato\]: Ugyldig dato: .*2024-02-30"),
    ],
)
def test_milestone_refuses(repo: Path, args: list[str], message: str) -> None:
    result = run_planspor(repo, "milepæl", *args)
    stderr = refused(result, repo)
    assert result.returncode == 1
    assert re.search(message, stderr), stderr


def test_milestone_without_its_id_is_an_argument_error(repo: Path) -> None:
    result = run_planspor(repo, "milepæl", SCHOOLS)
    assert result.returncode == 2 and "fejl: mangler: milepæl-id." in refused(result, repo)


def test_a_milestone_on_one_line_and_an_empty_reached(repo: Path) -> None:
    edit_plan(
        repo,
        "      - id: udbud-etape-1\n        title: Udbud af første etape\n        planned: 2024-Q3\n      - id: etape-1\n        title: Første etape færdig\n        planned: 2025-Q2\n",
        "      - {id: udbud-etape-1, title: 'Udbud: første etape', planned: 2024-Q3}\n      - id: etape-1\n        title: Første etape færdig\n        planned: 2025-Q2\n        reached:\n",
    )
    ok(run_planspor(repo, "milepæl", SCHOOLS, "udbud-etape-1", "--dato", "2024-09-15"))
    ok(run_planspor(repo, "milepæl", SCHOOLS, "etape-1", "--dato", AS_OF))
    added, removed = diff_lines(repo)
    assert removed == ["      - {id: udbud-etape-1, title: 'Udbud: første etape', planned: 2024-Q3}", "        reached:"]
    assert added == ["      - {id: udbud-etape-1, title: 'Udbud: første etape', planned: 2024-Q3, reached: 2024-09-15}", "        reached: 2024-10-01"]
    ok(run_planspor(repo, "check"))


# -- måling ----------------------------------------------------------------------------


def test_a_measurement_is_added_last_in_the_style_of_the_others(repo: Path) -> None:
    out = ok(run_planspor(repo, "måling", ENERGY, "energiforbrug", "23100", "--kilde", "Energiregnskab 3. kvartal 2024", "--dato", "2024-09-30"))
    assert out == f"{ENERGY}: måling af energiforbrug 2024-09-30: 23100 MWh (kilde: Energiregnskab 3. kvartal 2024)\n"
    new = "          - {date: 2024-09-30, value: 23100, source: Energiregnskab 3. kvartal 2024}"
    assert diff_lines(repo) == ([new], [])
    assert lines_after(repo, Q1, 3) == [Q2, new, "    strategies: [plan-og-udviklingsstrategi-2023]"]
    ok(run_planspor(repo, "check"))


def test_a_measurement_dry_run_writes_nothing(repo: Path) -> None:
    out = ok(run_planspor(repo, "måling", ENERGY, "energiforbrug", "23100", "--kilde", "Energiregnskab 3. kvartal 2024", "--dato", "2024-09-30", "--tør"))
    assert out == f"{DRY_RUN}\n  {ENERGY}: måling af energiforbrug 2024-09-30: 23100 MWh (kilde: Energiregnskab 3. kvartal 2024)\n"
    assert git(repo, "status", "--porcelain") == ""


def test_a_measurement_goes_in_date_order(repo: Path) -> None:
    ok(run_planspor(repo, "måling", ENERGY, "energiforbrug", "23900", "--kilde", "Månedsopgørelse maj 2024", "--dato", "2024-05-31"))
    ok(run_planspor(repo, "måling", ENERGY, "energiforbrug", "24400", "--kilde", "Månedsopgørelse januar 2024", "--dato", "2024-01-31"))
    added, removed = diff_lines(repo)
    assert removed == []
    first = "          - {date: 2024-01-31, value: 24400, source: Månedsopgørelse januar 2024}"
    may = "          - {date: 2024-05-31, value: 23900, source: Månedsopgørelse maj 2024}"
    assert sorted(added) == sorted([first, may])
    assert lines_after(repo, "        target: {value: 22000, date: 2025-12-31}", 5) == ["        measurements:", first, Q1, may, Q2]
    ok(run_planspor(repo, "check"))


@pytest.mark.parametrize(
    ("typed", "written", "told"),
    [
        ("78,6", "78.6", "78,6"),
        ("78.6", "78.6", "78,6"),
        ("-2,5", "-2.5", "-2,5"),
        ("\u22123", "-3", "-3"),  # a minus sign pasted from Word
        ("0,50", "0.5", "0,5"),
        ("1,125", "1.1250", "1,125"),  # written so that no reader takes it for 1125 (money.plan_number)
        ("82", "82", "82"),
    ],
)
def test_a_value_is_read_as_a_dane_types_it(repo: Path, typed: str, written: str, told: str) -> None:
    out = ok(run_planspor(repo, "måling", YOUTH, "uddannelse-25-aar", typed, "--kilde", "UU", "--dato", AS_OF))
    assert f": {told} procent (kilde: UU)" in out
    assert diff_lines(repo) == ([f"          - {{date: 2024-10-01, value: {written}, source: UU}}"], [])
    ok(run_planspor(repo, "check"))


@pytest.mark.parametrize(
    ("source", "written"),
    [
        ("Energiregnskab, 3. kvartal", '"Energiregnskab, 3. kvartal"'),
        ("Notat: kvartalstal", "'Notat: kvartalstal'"),
        ("# intern opgørelse", "'# intern opgørelse'"),
        ("[udkast] opgørelse", '"[udkast] opgørelse"'),
        ("  Energiregnskab\n3. kvartal ", "Energiregnskab 3. kvartal"),  # spaces and line breaks become one space
    ],
)
def test_a_source_is_quoted_when_yaml_needs_it(repo: Path, source: str, written: str) -> None:
    ok(run_planspor(repo, "måling", ENERGY, "energiforbrug", "23100", "--kilde", source, "--dato", "2024-09-30"))
    assert diff_lines(repo) == ([f"          - {{date: 2024-09-30, value: 23100, source: {written}}}"], [])
    ok(run_planspor(repo, "check"))


def test_a_link_is_written_last(repo: Path) -> None:
    ok(
        run_planspor(
            repo,
            "måling",
            ENERGY,
            "energiforbrug",
            "23100",
            "--kilde",
            "Energiregnskab",
            "--dato",
            "2024-09-30",
            "--link",
            "https://norddjurs.dk/energi?aar=2024,q3",
        )
    )
    assert diff_lines(repo) == (['          - {date: 2024-09-30, value: 23100, source: Energiregnskab, url: "https://norddjurs.dk/energi?aar=2024,q3"}'], [])
    ok(run_planspor(repo, "check"))


def test_measurements_one_key_a_line_get_one_more_so(repo: Path) -> None:
    block = (
        "          - date: 2024-03-31\n            value: 24300\n            source: Energiregnskab 1. kvartal 2024\n"
        "          - date: 2024-06-30\n            value: 23600\n            source: Energiregnskab 2. kvartal 2024\n"
    )
    edit_plan(repo, f"{Q1}\n{Q2}\n", block)
    ok(
        run_planspor(
            repo, "måling", ENERGY, "energiforbrug", "23100", "--kilde", "Energiregnskab, 3. kvartal", "--dato", "2024-09-30", "--link", "https://x.dk/e"
        )
    )
    added = ["          - date: 2024-09-30", "            value: 23100", "            source: Energiregnskab, 3. kvartal", "            url: https://x.dk/e"]
    assert diff_lines(repo) == (added, [])
    assert lines_after(repo, "            source: Energiregnskab 2. kvartal 2024", 5) == [*added, "    strategies: [plan-og-udviklingsstrategi-2023]"]
    ok(run_planspor(repo, "check"))


def test_measurements_in_brackets_get_one_more_in_them(repo: Path) -> None:
    edit_plan(repo, f"        measurements:\n{YOUTH_MEASUREMENT}\n", "        measurements: [{date: 2024-06-30, value: 78.6, source: UU juni 2024}]\n")
    ok(run_planspor(repo, "måling", YOUTH, "uddannelse-25-aar", "78,9", "--kilde", "UU, september", "--dato", AS_OF))
    ok(run_planspor(repo, "måling", YOUTH, "uddannelse-25-aar", "78,5", "--kilde", "UU marts", "--dato", "2024-03-31"))
    assert diff_lines(repo) == (
        [
            "        measurements: [{date: 2024-03-31, value: 78.5, source: UU marts}, {date: 2024-06-30, value: 78.6, source: UU juni 2024}, "
            '{date: 2024-10-01, value: 78.9, source: "UU, september"}]'
        ],
        ["        measurements: [{date: 2024-06-30, value: 78.6, source: UU juni 2024}]"],
    )
    ok(run_planspor(repo, "check"))


def test_an_indicator_without_measurements_gets_them_as_the_plan_writes_them(repo: Path) -> None:
    edit_plan(repo, f"        measurements:\n{YOUTH_MEASUREMENT}\n", "")
    ok(run_planspor(repo, "måling", YOUTH, "uddannelse-25-aar", "78,6", "--kilde", "UU juni 2024", "--dato", "2024-06-30"))
    added = ["        measurements:", "          - {date: 2024-06-30, value: 78.6, source: UU juni 2024}"]
    assert diff_lines(repo) == (added, [])
    assert lines_after(repo, "        target: {value: 82, date: 2027-12-31}", 3) == [*added, "    strategies: [plan-og-udviklingsstrategi-2023]"]
    ok(run_planspor(repo, "check"))


def test_a_plan_without_measurements_gets_one_key_a_line(repo: Path) -> None:
    text = plan_text(repo)
    text = re.sub(r"        measurements:\n(          - \{.*\}\n)+", "", text)
    assert "measurements:" not in text
    (repo / PLAN_FILE).write_text(text, encoding="utf-8")
    ok(run_planspor(repo, "check"))
    commit(repo)
    ok(run_planspor(repo, "måling", ENERGY, "energiforbrug", "24300", "--kilde", "Energiregnskab 1. kvartal 2024", "--dato", "2024-03-31"))
    added = ["        measurements:", "          - date: 2024-03-31", "            value: 24300", "            source: Energiregnskab 1. kvartal 2024"]
    assert diff_lines(repo) == (added, [])
    ok(run_planspor(repo, "check"))


def test_an_empty_measurements_key_is_filled_in(repo: Path) -> None:
    edit_plan(repo, f"        measurements:\n{YOUTH_MEASUREMENT}\n", "        measurements:  # kommer i juni\n")
    ok(run_planspor(repo, "måling", YOUTH, "uddannelse-25-aar", "78,6", "--kilde", "UU juni 2024", "--dato", "2024-06-30"))
    assert diff_lines(repo) == (["          - {date: 2024-06-30, value: 78.6, source: UU juni 2024}"], [])
    ok(run_planspor(repo, "check"))


def test_the_thousands_separator_is_refused_in_the_words_of_the_check(repo: Path) -> None:
    stderr = refused(run_planspor(repo, "måling", ENERGY, "energiforbrug", "23.600", "--kilde", "x", "--dato", "2024-09-30"), repo)
    told = "Der står 23.600. Skriv tallet uden tusindtalspunktum, fx 23600 (punktum er decimaltegn: 12,5 skrives 12.5)."
    assert f"[værdi]: {told}" in stderr
    third = "          - {date: 2024-09-30, value: 23.600, source: Energiregnskab 3. kvartal 2024}"
    (repo / PLAN_FILE).write_text(plan_text(repo).replace(Q2, f"{Q2}\n{third}"), encoding="utf-8")
    check = run_planspor(repo, "check")
    assert check.returncode == 1 and f"measurements[3].value]: {told}" in check.stderr, check.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["energistyring", "energiforbrug", "1"], r"\[id\]: Indsatsen 'energistyring' findes ikke i planen\."),
        (
            [ENERGY, "energi-forbrug", "1"],
            r"\[indikator-id\]: Indsatsen '.*' har ingen indikator 'energi-forbrug'\. Mente du 'energiforbrug'\? Dens indikatorer er: energiforbrug\.",
        ),
        (
            ["budget-i-balance", "energiforbrug", "1"],
            r"\[indikator-id\]: Indsatsen 'budget-i-balance' har ingen indikatorer\. Skriv dem først under indicators:",
        ),
        ([ENERGY, "energiforbrug", "1.250,5"], r"\[værdi\]: Der står 1\.250,5\. Skriv tallet uden tusindtalspunktum, fx 1250,5"),
        ([ENERGY, "energiforbrug", "23 600"], r"\[værdi\]: Der står '23 600', som ikke er et tal\. Skriv tallet uden mellemrum og tusindtalspunktum"),
        ([ENERGY, "energiforbrug", "mange"], r"\[værdi\]: Der står 'mange', som ikke er et tal\..*fx 23600, 78,6 eller -2,5"),
        ([ENERGY, "energiforbrug", "1", "--kilde", " \u200b "], r"\[--kilde\]: Kilden er tom\. Skriv, hvor tallet kommer fra"),
        (
            [ENERGY, "energiforbrug", "1", "--link", "www.norddjurs.dk"],
            r"\[--link\]: Linket skal være en hel webadresse, der begynder med https://.*'www\.norddjurs\.dk'",
        ),
        ([ENERGY, "energiforbrug", "1", "--dato", "2024-10-02"], r"\[--dato\]: Datoen 2024-10-02 ligger efter planens data_as_of \(2024-10-01\)"),
        ([ENERGY, "energiforbrug", "1", "--dato", "i går"], r"\[--dato\]: Ugyldig dato"),
        ([ENERGY, "energiforbrug", "1", "--dato", ""], r"\[--dato\]: Datoen \d{4}-\d\d-\d\d ligger efter"),  # empty: today, as without --dato
        # a value no check would let stand: refused by the check of the new text, before anything is written
        ([ENERGY, "energiforbrug", "10000000000000000"], r"Ændringen ville gøre planen ugyldig, så intet er gemt.*\n.*som ikke kan være en måling"),
    ],
)
def test_measurement_refuses(repo: Path, args: list[str], message: str) -> None:
    if "--kilde" not in args:
        args = [*args, "--kilde", "Energiregnskab"]
    if "--dato" not in args:
        args = [*args, "--dato", "2024-09-30"]
    result = run_planspor(repo, "måling", *args)
    stderr = refused(result, repo)
    assert result.returncode == 1
    assert re.search(message, stderr), stderr


def test_a_second_measurement_on_the_same_day_is_refused(repo: Path) -> None:
    result = run_planspor(repo, "måling", ENERGY, "energiforbrug", "23500", "--kilde", "Rettet opgørelse", "--dato", "2024-06-30")
    stderr = refused(result, repo)
    assert result.returncode == 1
    assert (
        f"data/plan.yaml:{line_of(repo, Q2)} [--dato]: Indikatoren 'energiforbrug' har allerede en måling 2024-06-30 "
        "(23600 MWh, kilde: Energiregnskab 2. kvartal 2024). Én måling pr. dag: angiv en anden dato med --dato, eller ret målingen i data/plan.yaml."
    ) in stderr


def test_a_measurement_without_source_is_an_argument_error(repo: Path) -> None:
    result = run_planspor(repo, "måling", ENERGY, "energiforbrug", "23100", "--dato", "2024-09-30")
    assert result.returncode == 2 and "fejl: mangler: --kilde." in refused(result, repo)


# -- both ------------------------------------------------------------------------------


def test_bom_and_crlf_are_kept(repo: Path) -> None:
    path = repo / PLAN_FILE
    original = "\ufeff" + plan_text(repo).replace("\n", "\r\n")
    path.write_bytes(original.encode("utf-8"))
    commit(repo)
    ok(run_planspor(repo, "milepæl", SCHOOLS, "udbud-etape-1", "--dato", AS_OF))
    ok(run_planspor(repo, "måling", ENERGY, "energiforbrug", "23100", "--kilde", "Energiregnskab 3. kvartal 2024", "--dato", "2024-09-30"))
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode())
    text = raw.decode("utf-8")
    assert text.count("\n") == text.count("\r\n")
    reached = "        planned: 2024-Q3\r\n        reached: 2024-10-01\r\n"
    measured = f"{Q2}\r\n          - {{date: 2024-09-30, value: 23100, source: Energiregnskab 3. kvartal 2024}}\r\n"
    assert text.replace(reached, "        planned: 2024-Q3\r\n", 1).replace(measured, f"{Q2}\r\n", 1) == original
    ok(run_planspor(repo, "check"))


def test_a_previous_id_names_the_item(repo: Path) -> None:
    edit_plan(repo, f"  - id: {ENERGY}\n", f"  - id: {ENERGY}\n    previous_ids: [energistyring]\n")
    out = ok(run_planspor(repo, "måling", "energistyring", "energiforbrug", "23100", "--kilde", "Energiregnskab", "--dato", "2024-09-30"))
    assert out.startswith(f"'energistyring' er et tidligere id. Indsatsen hedder nu '{ENERGY}', og ændringen er gemt på den.\n")


def test_help_is_danish(repo: Path) -> None:
    milestone = ok(run_planspor(repo, "milepæl", "--hjælp"))
    assert milestone.startswith("brug: planspor milepæl") and "milepæl-id" in milestone and "--ret" in milestone and "standard: i" in milestone
    measurement = ok(run_planspor(repo, "måling", "--hjælp"))
    assert measurement.startswith("brug: planspor måling") and "--kilde KILDE" in measurement and "78,6 eller -2,5" in measurement
    overview = ok(run_planspor(repo, "--hjælp"))
    assert "milepæl" in overview and "måling" in overview
