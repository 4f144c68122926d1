"""`planspor ny-plan`: next year's plan starts from the current one (issue 21, second part).

Run on a copy of the bundled project with its one-plan plan (tests/data/one-plan.yaml: Udmøntningsplan 2024-2027, data as of 1 October 2024): the old
plan moves to earlier_plans, the open items are carried into 2025-2028, the finished and dropped stay.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from conftest import BuiltSite, run_mkdocs_build, run_planspor
from test_plans import one_plan_project

PLAN = "data/plan.yaml"
CARRIED = "budget-i-balance"  # i gang
ALSO_OPEN = "styrket-oekonomiopfoelgning"  # i gang
FINISHED = "raaderumsanalyse"  # afsluttet
DROPPED = "automatisering-af-rutineopgaver"  # udgået


def item_block(text: str, ident: str) -> str:
    """The lines of one item in the plan file, from its '- id:' to the next item."""
    start = text.index(f"  - id: {ident}\n")
    following = text.find("\n  - id: ", start + 1)
    return text[start : following if following != -1 else len(text)]


def listed(output: str, heading: str) -> list[str]:
    """The ids the dry run lists under the line that starts with ``heading`` (indented lines after it)."""
    lines = output.splitlines()
    start = next(index for index, line in enumerate(lines) if line.strip().startswith(heading))
    found = []
    for line in lines[start + 1 :]:
        if not line.startswith("      "):
            break
        found.append(line.split()[0])
    return found


@pytest.fixture(scope="module")
def new_plan(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str, str]]:
    """A copy of the project after `planspor ny-plan 2025-2028`, with the file before and the command's output."""
    project = one_plan_project(tmp_path_factory.mktemp("new-plan") / "project")
    before = (project / PLAN).read_text(encoding="utf-8")
    result = run_planspor(project, "ny-plan", "2025-2028")
    assert result.returncode == 0, result.stdout + result.stderr
    yield project, before, result.stdout


def test_the_dry_run_shows_the_change_and_writes_nothing(tmp_path: Path) -> None:
    project = one_plan_project(tmp_path / "project")
    before = (project / PLAN).read_bytes()
    result = run_planspor(project, "ny-plan", "2025-2028", "--tør")
    assert result.returncode == 0, result.stdout + result.stderr
    output = result.stdout
    assert output.startswith("Prøvekørsel (--tør): intet er gemt.")
    assert "data/plan.yaml: ny sidste plan under earlier_plans:\n      title: Udmøntningsplan 2024-2027\n" in output
    assert "      period: {start: 2024, end: 2027}\n      closed: 2024-10-01\n      budget_agreement: Budgetaftale 2024-2027\n" in output
    assert "      title: Udmøntningsplan 2025-2028\n      period: 2025-2028\n      budget_agreement: Budgetaftale 2025-2028\n" in output
    carried = listed(output, "26 indsatser føres videre til 2025-2028")
    left = listed(output, "10 indsatser bliver i 2024-2027")
    assert CARRIED in carried and ALSO_OPEN in carried and FINISHED not in carried and DROPPED not in carried
    assert FINISHED in left and DROPPED in left and CARRIED not in left
    assert f"      {FINISHED} (Afsluttet)" in output and f"      {DROPPED} (Udgået)" in output
    assert (project / PLAN).read_bytes() == before


def test_the_new_plan_is_written_and_the_project_is_valid(new_plan: tuple[Path, str, str]) -> None:
    project, before, output = new_plan
    assert output.splitlines()[:3] == [
        "Ny plan: Udmøntningsplan 2025-2028 (2025-2028) er nu den gældende plan.",
        "  data/plan.yaml: Udmøntningsplan 2024-2027 (2024-2027) står nu sidst under earlier_plans, lukket 2024-10-01",
        "  data/plan.yaml: 26 indsatser ført videre til 2025-2028, 10 indsatser blevet i 2024-2027 (hver nævner nu sine planer under plans:)",
    ]
    assert "Skriv den nye plans sagsnummer (case_number) og indledning (introduction) under plan:" in output
    check = run_planspor(project, "check")
    assert check.returncode == 0, check.stdout + check.stderr
    after = (project / PLAN).read_text(encoding="utf-8")
    data = yaml.safe_load(after)
    assert data["plan"]["title"] == "Udmøntningsplan 2025-2028"
    assert data["plan"]["period"] == {"start": 2025, "end": 2028}
    assert data["plan"]["budget_agreement"] == "Budgetaftale 2025-2028"
    assert "case_number" not in data["plan"] and "introduction" not in data["plan"]
    earlier = yaml.safe_load(before)["plan"]
    assert data["earlier_plans"] == [
        {
            "title": "Udmøntningsplan 2024-2027",
            "period": {"start": 2024, "end": 2027},
            "closed": dt.date(2024, 10, 1),
            "budget_agreement": "Budgetaftale 2024-2027",
            "case_number": "23/9260",
            "introduction": earlier["introduction"],
        }
    ]
    assert "\n    plans: [2024-2027, 2025-2028]\n    history:\n" in item_block(after, CARRIED)
    assert "\n    plans: [2024-2027]\n    history:\n" in item_block(after, FINISHED)
    assert "\n    plans: [2024-2027]\n" in item_block(after, DROPPED)
    # Nothing else changed: the only lines gone are the plan's own facts that were replaced or moved.
    introduction = before.split("\n  introduction: |\n")[1].splitlines()[: len(earlier["introduction"].splitlines())]
    gone = [line[2:] for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line.startswith("- ")]
    assert gone == [
        "  title: Udmøntningsplan 2024-2027",
        "  period: {start: 2024, end: 2027}",
        "  budget_agreement: Budgetaftale 2024-2027",
        "  case_number: 23/9260",
        "  introduction: |",
        *introduction,
    ]


def test_only_the_items_named_are_carried(tmp_path: Path) -> None:
    project = one_plan_project(tmp_path / "project")
    result = run_planspor(project, "ny-plan", "2025-2028", "--kun", CARRIED)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 indsats ført videre til 2025-2028, 35 indsatser blevet i 2024-2027" in result.stdout
    after = (project / PLAN).read_text(encoding="utf-8")
    assert "\n    plans: [2024-2027, 2025-2028]\n" in item_block(after, CARRIED)
    assert "\n    plans: [2024-2027]\n" in item_block(after, ALSO_OPEN)
    assert after.count("2025-2028]") == 1


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["2025"], "[periode]: Perioden '2025' er ikke to årstal med en bindestreg imellem. Skriv den nye plans første og sidste år, fx 2025-2028."),
        (["2028-2025"], "[periode]: Perioden slutter (2025) før den begynder (2028). Skriv det første år først, fx 2025-2028."),
        (["2024-2027"], "[periode]: 2024-2027 er den nuværende plans periode. Skriv den nye plans periode, fx 2025-2028."),
        (
            ["2025-2028", "--kun", "budget-i-balanse"],
            "[--kun]: Indsatsen 'budget-i-balanse' findes ikke i planen. Mente du 'budget-i-balance'? Tilladt: de åbne indsatser",
        ),
        (["2025-2028", "--kun", f"{CARRIED},{FINISHED}"], f"[--kun]: Indsatsen '{FINISHED}' er afsluttet (status 'Afsluttet'), så den føres ikke videre"),
        (["2025-2028", "--kun", DROPPED], f"[--kun]: Indsatsen '{DROPPED}' er udgået (status 'Udgået'), så den føres ikke videre"),
        (["2025-2028", "--lukket", "2024-10-02"], "[--lukket]: Datoen 2024-10-02 ligger efter planens data_as_of (2024-10-01)."),
    ],
    ids=["one-year", "backwards", "current-period", "unknown-id", "finished-id", "dropped-id", "closed-after-data"],
)
def test_a_wrong_request_is_refused_in_danish_and_changes_nothing(tmp_path: Path, args: list[str], expected: str) -> None:
    project = one_plan_project(tmp_path / "project")
    before = (project / PLAN).read_bytes()
    result = run_planspor(project, "ny-plan", *args)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and expected in result.stderr, result.stderr
    assert (project / PLAN).read_bytes() == before


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["2024-2027"], "[periode]: Planen 2024-2027 står allerede under earlier_plans. Hver periode kan kun have én plan"),
        (["2026-2029", "--kun", FINISHED], f"[--kun]: Indsatsen '{FINISHED}' hører ikke til den nuværende plan (2025-2028), kun til 2024-2027"),
        (["2026-2029"], "[--lukket]: Den nuværende plan blev gældende 2024-10-02, dagen efter at planen før den (2024-2027) blev lukket"),
    ],
    ids=["earlier-period", "item-of-an-earlier-plan", "no-day-to-close-on"],
)
def test_after_a_new_plan_the_earlier_one_is_not_started_again(new_plan: tuple[Path, str, str], args: list[str], expected: str) -> None:
    project = new_plan[0]
    before = (project / PLAN).read_bytes()
    result = run_planspor(project, "ny-plan", *args)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and expected in result.stderr, result.stderr
    assert (project / PLAN).read_bytes() == before


def test_a_second_new_plan_extends_the_lists(tmp_path: Path) -> None:
    project = one_plan_project(tmp_path / "project")
    assert run_planspor(project, "ny-plan", "2025-2028").returncode == 0
    path = project / PLAN
    path.write_text(path.read_text(encoding="utf-8").replace("data_as_of: 2024-10-01", "data_as_of: 2025-10-01", 1), encoding="utf-8")
    result = run_planspor(project, "ny-plan", "2026-2029", "--kun", ALSO_OPEN, "--titel", "Udmøntningsplan 2026")
    assert result.returncode == 0, result.stdout + result.stderr
    after = path.read_text(encoding="utf-8")
    assert "\n    plans: [2024-2027, 2025-2028, 2026-2029]\n" in item_block(after, ALSO_OPEN)
    assert "\n    plans: [2024-2027, 2025-2028]\n" in item_block(after, CARRIED)
    assert "\n    plans: [2024-2027]\n" in item_block(after, FINISHED)
    earlier = yaml.safe_load(after)["earlier_plans"]
    assert [(plan["title"], plan["closed"]) for plan in earlier] == [
        ("Udmøntningsplan 2024-2027", dt.date(2024, 10, 1)),
        ("Udmøntningsplan 2025-2028", dt.date(2025, 10, 1)),
    ]
    assert yaml.safe_load(after)["plan"]["title"] == "Udmøntningsplan 2026"
    assert run_planspor(project, "check").returncode == 0


@pytest.fixture(scope="module")
def built(new_plan: tuple[Path, str, str], tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    site = tmp_path_factory.mktemp("new-plan-site") / "site"
    result = run_mkdocs_build(new_plan[0], site)
    assert result.returncode == 0, result.stdout + result.stderr
    return BuiltSite(site, result.stdout + result.stderr)


def test_the_built_site_shows_the_new_plan_as_current_and_the_old_with_its_items(built: BuiltSite) -> None:
    current = built.soup("/planer/2025-2028/")
    text = " ".join(current.get_text(" ").split())
    assert "Den gældende plan, siden 2. oktober 2024" in text
    rows = {str(row.select_one("a")["href"]).split("/")[-2] for row in current.select("tbody tr[data-status]")}
    assert CARRIED in rows and FINISHED not in rows and DROPPED not in rows
    earlier = built.soup("/planer/2024-2027/")
    text = " ".join(earlier.get_text(" ").split())
    assert "Udmøntningsplan 2024-2027" in text and "Sagsnr. 23/9260" in text
    assert re.search(r"til 1\. oktober 2024 ?, da den blev afløst", text), text
    statuses = {str(row.select_one("a")["href"]).split("/")[-2]: row["data-status"] for row in earlier.select("tbody tr[data-status]")}
    assert statuses[FINISHED] == "afsluttet" and statuses[DROPPED] == "udgaaet" and statuses[CARRIED] == "i-gang"
