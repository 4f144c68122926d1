"""Closed plans stay as they were: `planspor check --sammenlign-med <version>` refuses a change to a
replaced plan's record unless a new correction under its `corrections` says why, and the plan's page
shows the correction.

The bundled plan has Udmøntningsplan 2025-2028 current and 2024-2027 under earlier_plans, closed
2024-09-30. The project is a real git repository; the earlier plan is read from a commit.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import run_mkdocs_build, run_planspor
from test_editing import commit

PLAN = "data/plan.yaml"
CLOSED = "Planen 2024-2027 (Udmøntningsplan 2024-2027) blev afløst 30. september 2024 og står, som den var"
# In 2024-2027 only; its entry of 2024-02-05 is in the closed plan's time.
ONLY_CLOSED = "raaderumsanalyse"
# In both plans: its history goes on in the current plan.
CARRIED = "styrket-oekonomiopfoelgning"
CORRECTION = '    corrections:\n      - {date: 2025-02-03, reason: "Datoen for overgangen til i gang var skrevet forkert."}\n'
EARLIER_PLAN_END = "      justeret.\n"  # the last line of the 2024-2027 entry


@pytest.fixture()
def repo(project: Path) -> Path:
    commit(project)
    return project


def edit_plan(project: Path, old: str, new: str, after: str = "") -> None:
    """Replace the first ``old`` that comes after ``after`` (an item's first line, say)."""
    path = project / PLAN
    text = path.read_text(encoding="utf-8")
    start = text.index(after) if after else 0
    at = text.index(old, start)
    path.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")


def line_of(project: Path, text: str, after: str = "") -> int:
    lines = (project / PLAN).read_text(encoding="utf-8").splitlines()
    start = lines.index(after) if after else 0
    return lines.index(text, start) + 1


def compare(project: Path) -> tuple[int, str, str]:
    result = run_planspor(project, "check", "--sammenlign-med", "HEAD")
    assert "Traceback" not in result.stderr
    return result.returncode, result.stdout, result.stderr


def change_an_old_entry(project: Path) -> None:
    edit_plan(project, "      - date: 2024-02-05\n", "      - date: 2024-02-06\n", after=f"  - id: {ONLY_CLOSED}\n")


def test_an_old_history_entry_changed_without_a_correction_is_named_with_what_to_write(repo: Path) -> None:
    change_an_old_entry(repo)
    assert run_planspor(repo, "check").returncode == 0, "on its own the plan is valid: only the comparison sees the closed plan change"
    code, _, stderr = compare(repo)
    assert code == 1
    assert "Planen har 2 problemer" in stderr, "an entry moved to another day is a new entry and a removed one"
    line = line_of(repo, "      - date: 2024-02-06", after=f"  - id: {ONLY_CLOSED}")
    assert (
        f"{PLAN}:{line} [items[{ONLY_CLOSED}].history]: {CLOSED}: indsatsen '{ONLY_CLOSED}' (Analyse af det økonomiske råderum): "
        "punktet i historikken fra 2024-02-06 er nyt, men dateret, mens planen gjaldt."
    ) in stderr
    history = line_of(repo, "    history:", after=f"  - id: {ONLY_CLOSED}")
    assert (
        f"{PLAN}:{history} [items[{ONLY_CLOSED}].history]: {CLOSED}: indsatsen '{ONLY_CLOSED}' (Analyse af det økonomiske råderum): punktet i historikken fra 2024-02-05 er slettet."
        in stderr
    )
    today = dt.date.today().isoformat()
    assert f'fx corrections: [{{date: {today}, reason: "Hvad der var forkert, og hvad der er rettet."}}]' in stderr


def test_an_old_entry_edited_on_its_own_day_is_one_change_naming_the_fields(repo: Path) -> None:
    edit_plan(repo, "        status: i-gang\n", "        status: afsluttet\n", after=f"  - id: {ONLY_CLOSED}\n")
    code, _, stderr = compare(repo)
    assert code == 1 and "Planen har 1 problem" in stderr
    line = line_of(repo, "      - date: 2024-02-05", after=f"  - id: {ONLY_CLOSED}")
    assert f"{PLAN}:{line} [items[{ONLY_CLOSED}].history]: {CLOSED}: indsatsen '{ONLY_CLOSED}' (Analyse af det økonomiske råderum): " in stderr
    assert "punktet i historikken fra 2024-02-05 er ændret (status)." in stderr


def test_the_same_change_with_a_new_correction_passes_and_says_what_it_covers(repo: Path) -> None:
    change_an_old_entry(repo)
    edit_plan(repo, EARLIER_PLAN_END, EARLIER_PLAN_END + CORRECTION)
    code, stdout, stderr = compare(repo)
    assert code == 0, stderr
    assert "Planen 2024-2027 er rettet med en ny rettelse under corrections, som dækker 2 ændringer siden 'HEAD'." in stdout


def test_a_correction_already_there_covers_nothing_new(repo: Path) -> None:
    edit_plan(repo, EARLIER_PLAN_END, EARLIER_PLAN_END + CORRECTION)
    commit(repo)
    change_an_old_entry(repo)
    code, _, stderr = compare(repo)
    assert code == 1 and "Planen har 2 problemer" in stderr


def test_an_entry_dated_after_the_plan_closed_passes(repo: Path) -> None:
    edit_plan(
        repo,
        "\n\n  - id: gennemgang-af-takster-og-gebyrer\n",
        "\n      - date: 2024-10-01\n        status: afsluttet\n\n  - id: gennemgang-af-takster-og-gebyrer\n",
        after=f"  - id: {CARRIED}\n",
    )
    code, stdout, stderr = compare(repo)
    assert code == 0, stderr
    assert "De afløste planer står, som de var i 'HEAD': 2024-2027." in stdout


def test_an_item_taken_out_of_a_closed_plan_is_named(repo: Path) -> None:
    edit_plan(repo, "    plans: [2024-2027, 2025-2028]\n", "    plans: [2025-2028]\n", after=f"  - id: {CARRIED}\n")
    code, _, stderr = compare(repo)
    assert code == 1 and "Planen har 1 problem" in stderr
    line = line_of(repo, "    plans: [2025-2028]", after=f"  - id: {CARRIED}")
    assert (
        f"{PLAN}:{line} [items[{CARRIED}].plans]: {CLOSED}: indsatsen '{CARRIED}' (Styrket økonomiopfølgning i fagudvalgene) er taget ud af planen (plans)."
    ) in stderr


def test_the_closed_plans_title_changed_is_named(repo: Path) -> None:
    edit_plan(repo, "  - title: Udmøntningsplan 2024-2027\n", "  - title: Udmøntningsplanen 2024-2027\n")
    code, _, stderr = compare(repo)
    assert code == 1 and "Planen har 1 problem" in stderr
    line = line_of(repo, "  - title: Udmøntningsplanen 2024-2027")
    assert (f"{PLAN}:{line} [earlier_plans[1].title]: {CLOSED}: title er ændret fra 'Udmøntningsplan 2024-2027' til 'Udmøntningsplanen 2024-2027'.") in stderr


def test_a_plan_closed_in_this_change_is_not_protected_until_it_is_committed(repo: Path) -> None:
    started = run_planspor(repo, "ny-plan", "2026-2029")
    assert started.returncode == 0, started.stderr
    new_entry = "      - date: 2024-10-01\n        status: afsluttet\n"
    edit_plan(
        repo, "\n\n  - id: gennemgang-af-takster-og-gebyrer\n", "\n" + new_entry + "\n  - id: gennemgang-af-takster-og-gebyrer\n", after=f"  - id: {CARRIED}\n"
    )
    code, stdout, stderr = compare(repo)
    assert code == 0, stderr
    assert "De afløste planer står, som de var i 'HEAD': 2024-2027." in stdout
    commit(repo)
    edit_plan(repo, new_entry, "      - date: 2024-10-01\n        status: i-gang\n", after=f"  - id: {CARRIED}\n")
    code, _, stderr = compare(repo)
    assert code == 1, "once committed, 2025-2028 is a closed plan too"
    assert "Planen 2025-2028 (Udmøntningsplan 2025-2028) blev afløst 1. oktober 2024 og står, som den var:" in stderr
    assert "punktet i historikken fra 2024-10-01 er ændret (status)" in stderr


def test_a_correction_without_a_reason_is_refused_with_its_line(project: Path) -> None:
    edit_plan(project, EARLIER_PLAN_END, EARLIER_PLAN_END + '    corrections:\n      - {date: 2025-02-03, reason: ""}\n')
    result = run_planspor(project, "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    line = line_of(project, '      - {date: 2025-02-03, reason: ""}')
    assert f"{PLAN}:{line} [earlier_plans[1].corrections[1].reason]: Begrundelsen er tom." in result.stderr


def test_the_correction_shows_on_the_plans_page(project: Path, tmp_path: Path) -> None:
    edit_plan(project, EARLIER_PLAN_END, EARLIER_PLAN_END + CORRECTION)
    site = tmp_path / "site"
    result = run_mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    page = BeautifulSoup((site / "planer/2024-2027/index.html").read_text(encoding="utf-8"), "html.parser")
    texts = [" ".join(li.get_text().split()) for li in page.select("main li")]
    assert "Rettet 3. februar 2025: Datoen for overgangen til i gang var skrevet forkert." in texts
    current = BeautifulSoup((site / "planer/2025-2028/index.html").read_text(encoding="utf-8"), "html.parser")
    assert "Rettet" not in current.get_text()
