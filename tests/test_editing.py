"""The editing commands change only the lines they must, and refuse bad input.

Each test runs the real `planspor` command on a private copy of the project
under real git, and reads `git diff -U0`: an edit must add exactly the
intended lines and leave every other line (comments, quotes, flow mappings,
long lines, BOM, CRLF) as it was.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from conftest import run_planspor

from planspor.editing import Change, save_change
from planspor.project import PLAN_FILE
from planspor.yaml_text import render_flow, render_scalar

AS_OF = "2024-10-01"  # the bundled plan's data_as_of


def git(project: Path, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="Test", GIT_COMMITTER_EMAIL="t@example.org")
    result = subprocess.run(["git", "-c", "core.autocrlf=false", *args], cwd=project, env=env, capture_output=True, text=True, check=True)
    return result.stdout


def commit(project: Path) -> None:
    if not (project / ".git").exists():
        git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "--allow-empty", "-m", "base")


def diff_lines(project: Path) -> tuple[list[str], list[str]]:
    """(added, removed) lines of data/plan.yaml since the last commit."""
    diff = git(project, "diff", "-U0", "--no-color", "--", PLAN_FILE)
    added = [line[1:] for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]
    removed = [line[1:] for line in diff.splitlines() if line.startswith("-") and not line.startswith("---")]
    return added, removed


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def refused(result: subprocess.CompletedProcess[str], project: Path) -> str:
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr
    assert git(project, "status", "--porcelain") == "", "a refused command must not change any file"
    return result.stderr


@pytest.fixture()
def repo(project: Path) -> Path:
    commit(project)
    return project


# -- a hand-formatted plan ---------------------------------------------------------------

LONG = "Inddrager " + ", ".join(f"område {n} med sine egne hensyn og ønsker" for n in range(12)) + "."
HAND_FORMATTED = [
    # quoted strings and trailing comments
    ("    title: Budget i balance på velfærdsområderne\n", '    title: "Budget i balance på velfærdsområderne"  # fra budgetaftalen\n'),
    (
        "    strategic: true\n    timing: {start: 2024-Q1, end: 2024-Q4}\n    responsible: Økonomi",
        "    strategic: True   # skrevet med stort\n    timing: {start: 2024-Q1, end: 2024-Q4}\n    responsible: Økonomi",
    ),
    (
        "    responsible: Økonomi og Personale\n    process: >-\n      Fagområderne",
        "    responsible: 'Økonomi og Personale'\n    process: >-\n      Fagområderne",
    ),
    # a long line and a plain scalar continued on the next line
    ("    cross_cutting: Inddrager alle velfærdsområder og hovedudvalget.\n", f"    cross_cutting: {LONG}\n"),
    (
        "    process: Taksterne gennemgås område for område og sammenlignes med de faktiske omkostninger.\n",
        "    process: Taksterne gennemgås område for område\n      og sammenlignes med de faktiske omkostninger.\n",
    ),
    # a comment inside a history, and a history written as a flow sequence
    (
        "    history:\n      - date: 2024-01-10\n        status: ikke-vurderet\n\n  - id: digital-selvbetjening",
        "    history: [{date: 2024-01-10, status: ikke-vurderet}]\n\n  - id: digital-selvbetjening",
    ),
    (
        "      - date: 2024-03-01\n        status: i-gang\n        comment: Analysen",
        "      # Analysen blev sat i gang efter budgetseminaret.\n      - date: 2024-03-01\n        status: i-gang\n        comment: Analysen",
    ),
]
FLOW_ITEM = (
    "\n  # En indsats skrevet på én linje.\n"
    "  - {id: flow-indsats, title: 'Flow: på én linje', theme: effektiviseringer, kind: driftsaendring, committees: [oekonomiudvalget], strategic: false, history: [{date: 2024-01-10, status: i-gang}]}\n"
    "# Slut på planen.\n"
)


@pytest.fixture()
def hand(project: Path) -> Path:
    """The bundled plan, hand-formatted the way editors write YAML, committed."""
    path = project / PLAN_FILE
    text = path.read_text(encoding="utf-8")
    for old, new in HAND_FORMATTED:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text + FLOW_ITEM, encoding="utf-8")
    ok(run_planspor(project, "check"))
    commit(project)
    return project


# -- status -----------------------------------------------------------------------------


def test_status_adds_one_history_entry(repo: Path) -> None:
    out = ok(run_planspor(repo, "status", "langsigtet-anlaegsplan", "i-gang", "--kommentar", "Arbejdet er gået i gang: første møde holdt.", "--dato", AS_OF))
    assert "langsigtet-anlaegsplan: status ikke-vurderet → i-gang" in out
    added, removed = diff_lines(repo)
    assert removed == []
    assert added == ["      - date: 2024-10-01", "        status: i-gang", "        comment: 'Arbejdet er gået i gang: første møde holdt.'"]
    ok(run_planspor(repo, "check"))


def test_status_without_comment_and_previous_id(repo: Path) -> None:
    out = ok(run_planspor(repo, "status", "lokaleoptimering", "afsluttet", "--dato", AS_OF))
    assert "tidligere id" in out and "bedre-udnyttelse-af-lokaler" in out
    added, removed = diff_lines(repo)
    assert (removed, added) == ([], ["      - date: 2024-10-01", "        status: afsluttet"])
    text = (repo / PLAN_FILE).read_text(encoding="utf-8")
    item = text[text.index("  - id: bedre-udnyttelse-af-lokaler") :]
    assert item.index("status: afsluttet") < item.index("  - id: ", 10)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["budget-i-balanse", "i-gang"], r"'budget-i-balanse' findes ikke.*Mente du 'budget-i-balance'"),
        (["budget-i-balance", "igang"], r"Ukendt status 'igang'.*Mente du 'i-gang'.*Tilladt: ikke-vurderet"),
        (["budget-i-balance", "udgaaet"], r"--kommentar.*kræver en begrundelse"),
        (["budget-i-balance", "i-gang", "--dato", "2024-02-30"], r"--dato.*2024-02-30.*findes ikke"),
        (["budget-i-balance", "i-gang", "--dato", "1. marts"], r"--dato.*ÅÅÅÅ|--dato.*2024-05-15"),
        (["budget-i-balance", "i-gang", "--dato", "2025-01-01"], r"efter planens data_as_of \(2024-10-01\)"),
        (["budget-i-balance", "i-gang", "--dato", "2024-02-01"], r"før det seneste punkt.*2024-03-01"),
        (["budget-i-balance", "i-gang"], r"data_as_of"),  # today is after the example plan's data_as_of
    ],
)
def test_status_refuses(repo: Path, args: list[str], message: str) -> None:
    import re

    stderr = refused(run_planspor(repo, "status", *args), repo)
    assert re.search(message, stderr), stderr
    assert "data/plan.yaml" in stderr


# -- flyt -------------------------------------------------------------------------------


def test_move_adds_a_timing_entry(repo: Path) -> None:
    out = ok(run_planspor(repo, "flyt", "langsigtet-anlaegsplan", "--slut", "2025-q3", "--kommentar", "Afventer anlægsoversigten.", "--dato", AS_OF))
    assert "flyttet fra 3. kvartal 2024 – 1. kvartal 2025 til 3. kvartal 2024 – 3. kvartal 2025" in out
    added, removed = diff_lines(repo)
    assert removed == []
    assert added == ["      - date: 2024-10-01", "        timing: {end: 2025-Q3}", "        comment: Afventer anlægsoversigten."]
    ok(run_planspor(repo, "check"))


def test_move_start_and_end_to_a_date(repo: Path) -> None:
    ok(run_planspor(repo, "flyt", "langsigtet-anlaegsplan", "--start", "2024-09-15", "--slut", "2026", "--kommentar", "Ny plan.", "--dato", AS_OF))
    added, _ = diff_lines(repo)
    assert "        timing: {start: 2024-09-15, end: 2026}" in added


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--slut", "2025-Q5", "--kommentar", "x"], r"--slut.*Ugyldigt tidspunkt.*2025-Q5"),
        (["--slut", "2023", "--kommentar", "x"], r"slut \(2023\) ligge før start \(2024-Q3\)"),
        (["--slut", "2025-Q1", "--kommentar", "x"], r"har allerede det tidspunkt"),
        (["--kommentar", "x"], r"--slut"),
        (["--slut", "2025-Q2", "--kommentar", " "], r"--kommentar"),
        (["--slut", "2025-Q2"], r"mangler: --kommentar|kommentar"),
        # The argument named is the one written: only --start here.
        (["--start", "2026", "--kommentar", "x"], r"\[--start\]: Efter flytningen ville slut \(2025-Q1\) ligge før start \(2026\)"),
        (["--start", "2024-Q3", "--kommentar", "x"], r"\[--start\]: .*har allerede det tidspunkt"),
        (["--start", "senere", "--kommentar", "x"], r"\[--start\]: Ugyldigt tidspunkt"),
    ],
)
def test_move_refuses(repo: Path, args: list[str], message: str) -> None:
    import re

    stderr = refused(run_planspor(repo, "flyt", "langsigtet-anlaegsplan", *args, "--dato", AS_OF), repo)
    assert re.search(message, stderr), stderr


# -- ny-indsats -----------------------------------------------------------------------------


def test_new_item_appends_an_item_and_a_note(repo: Path) -> None:
    args = ["--titel", "Ny sti til stranden: etape 1", "--tema", "klima-miljoe-og-byg", "--type", "anlaegsprojekt"]
    out = ok(
        run_planspor(
            repo,
            "ny-indsats",
            *args,
            "--udvalg",
            "miljoe-og-teknikudvalget",
            "--udvalg",
            "oekonomiudvalget",
            "--strategisk",
            "--start",
            "2025-Q1",
            "--slut",
            "2025-Q4",
            "--dato",
            AS_OF,
        )
    )
    assert "ny-sti-til-stranden-etape-1" in out and "content/items/ny-sti-til-stranden-etape-1.md" in out
    added, removed = diff_lines(repo)
    assert removed == []
    assert added == [
        "",
        "  - id: ny-sti-til-stranden-etape-1",
        "    title: 'Ny sti til stranden: etape 1'",
        "    theme: klima-miljoe-og-byg",
        "    kind: anlaegsprojekt",
        "    committees: [miljoe-og-teknikudvalget, oekonomiudvalget]",
        "    strategic: true",
        "    timing: {start: 2025-Q1, end: 2025-Q4}",
        "    history:",
        "      - date: 2024-10-01",
        "        status: ikke-vurderet",
        "        comment: Indsatsen er oprettet.",
    ]
    note = (repo / "content/items/ny-sti-til-stranden-etape-1.md").read_text(encoding="utf-8")
    assert "\n# " not in note and not note.startswith("# ")
    ok(run_planspor(repo, "check"))
    commit(repo)
    # the same title again (case and dashes aside) is refused, naming the item that has it
    again = ["--titel", "ny sti  til Stranden: etape 1", *args[2:]]
    stderr = refused(run_planspor(repo, "ny-indsats", *again, "--udvalg", "miljoe-og-teknikudvalget", "--dato", AS_OF), repo)
    assert "[--titel]: Titlen 'ny sti til Stranden: etape 1' er allerede titlen på indsatsen 'ny-sti-til-stranden-etape-1'" in stderr
    # a title that makes the same id gets a fresh one
    out = ok(run_planspor(repo, "ny-indsats", "--titel", "Ny sti til stranden, etape 1", *args[2:], "--udvalg", "miljoe-og-teknikudvalget", "--dato", AS_OF))
    assert "ny-sti-til-stranden-etape-1-2" in out


def test_new_item_avoids_previous_ids(repo: Path) -> None:
    out = ok(
        run_planspor(
            repo,
            "ny-indsats",
            "--titel",
            "Lokaleoptimering",
            "--tema",
            "effektiviseringer",
            "--type",
            "driftsaendring",
            "--udvalg",
            "oekonomiudvalget",
            "--dato",
            AS_OF,
        )
    )
    assert "lokaleoptimering-2" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--tema", "klima"], r"Ukendt tema 'klima'.*Tilladt: oekonomisk-politik, effektiviseringer"),
        (["--type", "drift"], r"Ukendt type 'drift'"),
        (["--udvalg", "teknik"], r"Ukendt udvalg 'teknik'"),
        (["--id", "Ny Sti"], r"Id'et 'Ny Sti' er ikke tilladt"),
        (["--id", "budget-i-balance"], r"allerede brugt"),
        (["--id", "lokaleoptimering"], r"allerede brugt"),
        (["--start", "2025-Q4", "--slut", "2025-Q1"], r"Slut \(2025-Q1\) ligger før start \(2025-Q4\)"),
        (["--slut", "senere"], r"--slut.*Ugyldigt tidspunkt"),
        (["--titel", "  "], r"Titlen er tom"),
        (["--titel", "Ny sti " * 30], r"\[--titel\]: Titlen er 209 tegn lang; højst 200 er tilladt"),
        (
            ["--id", "-".join(["ny-sti"] * 9)],
            r"\[--id\]: Id'et er 62 tegn langt; højst 60 er tilladt.*fx 'ny-sti-ny-sti-ny-sti-ny-sti-ny-sti-ny-sti-ny-sti-ny-sti-ny'",
        ),
        (["--start", "senere"], r"\[--start\]: Ugyldigt tidspunkt"),
    ],
)
def test_new_item_refuses(repo: Path, args: list[str], message: str) -> None:
    import re

    base = {"--titel": "Ny sti", "--tema": "klima-miljoe-og-byg", "--type": "anlaegsprojekt", "--udvalg": "miljoe-og-teknikudvalget", "--dato": AS_OF}
    for flag, value in zip(args[::2], args[1::2], strict=True):
        base[flag] = value
    stderr = refused(run_planspor(repo, "ny-indsats", *[part for pair in base.items() for part in pair]), repo)
    assert re.search(message, stderr), stderr


def test_a_long_title_makes_an_id_within_the_limit(repo: Path) -> None:
    """A title of 155 characters (as long as a real plan's longest) is fine; its id is cut after a whole word."""
    title = "Analyse af mulighederne for at samle de kommunale værksteder og materielgårde på én adresse med fælles ledelse, fælles booking og fælles indkøb af materiel"
    assert len(title) == 155
    args = ["--titel", title, "--tema", "klima-miljoe-og-byg", "--type", "anlaegsprojekt", "--udvalg", "miljoe-og-teknikudvalget", "--dato", AS_OF]
    out = ok(run_planspor(repo, "ny-indsats", *args))
    ident = "analyse-af-mulighederne-for-at-samle-de-kommunale"
    assert len(ident) <= 60 and f"Ny indsats: {ident}\n" in out
    assert (repo / f"content/items/{ident}.md").is_file()
    ok(run_planspor(repo, "check"))
    args[1] += " (anden etape)"  # a title of its own that begins the same: a number after the id, still within the limit
    out = ok(run_planspor(repo, "ny-indsats", *args))
    assert "Ny indsats: analyse-af-mulighederne-for-at-samle-de-kommunale-2\n" in out


def test_invisible_characters_pasted_into_arguments_are_not_written(repo: Path) -> None:
    """A title or comment pasted from Word: hard spaces become spaces, zero-width spaces and soft hyphens go
    (data/plan.yaml may not hold them, see yaml_errors.invisible_character)."""
    args = ["--tema", "klima-miljoe-og-byg", "--type", "anlaegsprojekt", "--udvalg", "miljoe-og-teknikudvalget", "--dato", AS_OF]
    ok(run_planspor(repo, "ny-indsats", "--titel", "Ny\u00a0sti\u200b til\u202fstranden", *args))
    ok(run_planspor(repo, "status", "budget-i-balance", "afsluttet", "--kommentar", "Fær\u00addig\ufeff.", "--dato", AS_OF))
    added, _ = diff_lines(repo)
    assert "    title: Ny sti til stranden" in added and "        comment: Færdig." in added
    ok(run_planspor(repo, "check"))


def test_help_is_danish(repo: Path) -> None:
    for name in ("ny-indsats", "status", "flyt", "import"):
        out = ok(run_planspor(repo, name, "--help"))
        assert "tilvalg" in out and "brug:" in out
    assert "indsatsens titel" in ok(run_planspor(repo, "ny-indsats", "--help"))


# -- a hand-formatted plan keeps its layout ---------------------------------------------------


def test_hand_formatted_plan_keeps_every_other_line(hand: Path) -> None:
    ok(run_planspor(hand, "status", "budget-i-balance", "afsluttet", "--kommentar", "Færdig.", "--dato", AS_OF))
    ok(run_planspor(hand, "status", "langsigtet-anlaegsplan", "i-gang", "--dato", AS_OF))
    ok(run_planspor(hand, "status", "flow-indsats", "afsluttet", "--kommentar", 'Med "citat", komma og [klammer].', "--dato", AS_OF))
    ok(run_planspor(hand, "flyt", "gennemgang-af-takster-og-gebyrer", "--slut", "2024-09", "--kommentar", "Senere.", "--dato", AS_OF))
    ok(
        run_planspor(
            hand,
            "ny-indsats",
            "--titel",
            "Sidste nye",
            "--tema",
            "effektiviseringer",
            "--type",
            "driftsaendring",
            "--udvalg",
            "oekonomiudvalget",
            "--dato",
            AS_OF,
        )
    )
    added, removed = diff_lines(hand)
    flow_before = next(line for line in FLOW_ITEM.splitlines() if "flow-indsats" in line)
    assert removed == [
        "    history: [{date: 2024-01-10, status: ikke-vurderet}]",
        flow_before,
    ]
    assert "    history: [{date: 2024-01-10, status: ikke-vurderet}, {date: 2024-10-01, status: i-gang}]" in added
    assert flow_before.replace("}]}", '}, {date: 2024-10-01, status: afsluttet, comment: "Med \\"citat\\", komma og [klammer]."}]}') in added
    for line in ["      - date: 2024-10-01", "        status: afsluttet", "        comment: Færdig.", "        timing: {end: 2024-09}", "  - id: sidste-nye"]:
        assert line in added
    text = (hand / PLAN_FILE).read_text(encoding="utf-8")
    assert text.endswith("        comment: Indsatsen er oprettet.\n# Slut på planen.\n")  # after the last item, before the closing comment
    ok(run_planspor(hand, "check"))


def test_bom_and_crlf_are_kept(repo: Path) -> None:
    path = repo / PLAN_FILE
    original = "\ufeff" + path.read_text(encoding="utf-8").replace("\n", "\r\n")
    path.write_bytes(original.encode("utf-8"))
    commit(repo)
    ok(run_planspor(repo, "status", "langsigtet-anlaegsplan", "i-gang", "--dato", AS_OF))
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode())
    text = raw.decode("utf-8")
    assert text.count("\n") == text.count("\r\n")
    entry = "      - date: 2024-10-01\r\n        status: i-gang\r\n"
    assert text.replace(entry, "", 1) == original


def test_an_invalid_result_puts_the_original_back(repo: Path) -> None:
    before = (repo / PLAN_FILE).read_bytes()
    text = before.decode("utf-8").replace("sdgs: [17]\n\nitems:", "sdgs: [17]\n\nitems:", 1)
    change = Change(text + "\n", ["x"], {"content/items/budget-i-balance-2.md": "Noten til en indsats, der ikke findes.\n"})
    from planspor.problems import PlanInvalid

    with pytest.raises(PlanInvalid) as raised:
        save_change(repo, change)
    assert any("lagt tilbage" in p.message for p in raised.value.problems)
    assert any(p.file == "content/items/budget-i-balance-2.md" for p in raised.value.problems)
    assert (repo / PLAN_FILE).read_bytes() == before
    assert not (repo / "content/items/budget-i-balance-2.md").exists()


@pytest.mark.parametrize(
    "value", ["ja", "yes", "a: b", "# ikke en kommentar", "2025", "2024-05-15", "'citat'", "- punkt", "null", "x" * 300, "to\nlinjer", "æøå, [] {}"]
)
def test_rendered_scalars_read_back_as_text(value: str) -> None:
    import yaml

    assert yaml.safe_load(f"k: {render_scalar(value)}") == {"k": value}
    assert yaml.safe_load(f"k: {render_flow([value])}") == {"k": [value]}
