"""Several udmøntningsplaner in one site (issue 21): the current plan in the plan block, the earlier
ones under earlier_plans, and each item naming the plans it belongs to.

Three projects: the bundled one (Udmøntningsplan 2025-2028, and 2024-2027 before it, made with
`planspor ny-plan`); the one-plan fixture (tests/data/one-plan.yaml: the bundled plan as it was
before it had a second plan), which must build the site it always did; and that one-plan plan with
an earlier plan (2023-2026, replaced on 9 January 2024) written in front of it: one item carried
over into the current plan, one left in the earlier plan.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import BuiltSite, copy_project, run_mkdocs_build, run_planspor
from test_addresses import PUBLISHED_WITH_ONE_PLAN, published_addresses, unanswered

PLAN = "data/plan.yaml"
ONE_PLAN = Path(__file__).parent / "data" / "one-plan.yaml"
CARRIED = "raaderumsanalyse"  # in both plans; 'afsluttet' now, 'i gang' on 9 January 2024
LEFT_BEHIND = "styrket-inklusion-i-almenundervisningen"  # only in the earlier plan
EARLIER_PLANS = """earlier_plans:
  - title: Udmøntningsplan 2023-2026
    period: {start: 2023, end: 2026}
    budget_agreement: Budgetaftale 2023-2026
    case_number: 22/8800
    closed: 2024-01-09
    adopted_by: [oeu-2023-12-05]
    introduction: Den første plan, som den gjaldt, indtil den nye blev vedtaget.

"""


def edit(project: Path, old: str, new: str) -> None:
    path = project / PLAN
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def with_one_plan(project: Path) -> Path:
    (project / PLAN).write_text(ONE_PLAN.read_text(encoding="utf-8"), encoding="utf-8")
    return project


def one_plan_project(target: Path) -> Path:
    """A copy of the bundled project with the one-plan fixture as its plan."""
    return with_one_plan(copy_project(target))


def with_two_plans(project: Path) -> Path:
    with_one_plan(project)
    edit(project, "# Statusværdier.", EARLIER_PLANS + "# Statusværdier.")
    edit(project, f"  - id: {CARRIED}\n", f"  - id: {CARRIED}\n    plans: [2023-2026, 2024-2027]\n")
    edit(project, f"  - id: {LEFT_BEHIND}\n", f"  - id: {LEFT_BEHIND}\n    plans: [2023-2026]\n")
    return project


def built(root: Path, make: Callable[[Path], Path]) -> BuiltSite:
    """A copy of the project, changed by ``make``, built with `mkdocs build --strict`."""
    project = make(copy_project(root / "project"))
    result = run_mkdocs_build(project, root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return BuiltSite(root / "site", result.stdout + result.stderr)


@pytest.fixture(scope="module")
def two_plans(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built(tmp_path_factory.mktemp("two-plans"), with_two_plans)


@pytest.fixture(scope="module")
def one_plan(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    return built(tmp_path_factory.mktemp("one-plan"), with_one_plan)


def text_of(site: BuiltSite, url: str) -> str:
    return " ".join(site.soup(url).get_text(" ").split())


def test_a_site_with_one_plan_has_no_plan_pages_and_every_address_it_had(one_plan: BuiltSite) -> None:
    assert not (one_plan.root / "planer").exists()
    assert "Tidligere planer" not in text_of(one_plan, "/")
    facts = text_of(one_plan, f"/indsatser/{CARRIED}/")
    assert "Planer " not in facts and "Plan Udmøntningsplan" not in facts
    assert unanswered(one_plan.root, published_addresses(PUBLISHED_WITH_ONE_PLAN)) == []


def test_the_bundled_site_holds_two_plans(bundled_site: BuiltSite) -> None:
    titles = [a.get_text(strip=True) for a in bundled_site.soup("/planer/").select(".ps-card__title a")]
    assert titles == ["Udmøntningsplan 2025-2028", "Udmøntningsplan 2024-2027"]
    current = bundled_site.soup("/planer/2025-2028/")
    rows = {str(row.select_one("a")["href"]).split("/")[-2]: row["data-status"] for row in current.select("tbody tr[data-status]")}
    assert "klimatilpasning-i-kystbyerne" in rows and "budget-i-balance" in rows  # new, and carried over
    assert "afsluttet" not in rows.values() and "udgaaet" not in rows.values()  # finished and dropped stayed behind
    earlier = bundled_site.soup("/planer/2024-2027/")
    text = " ".join(earlier.get_text(" ").split())
    assert "til 30. september 2024 , da den blev afløst" in text
    statuses = {row["data-status"] for row in earlier.select("tbody tr[data-status]")}
    assert {"afsluttet", "udgaaet", "i-gang"} <= statuses
    assert "Udmøntningsplan 2024-2027 Godkendt" in " ".join(earlier.select_one("section[aria-labelledby=beslutninger]").get_text(" ").split())


def test_the_plans_page_lists_every_plan_newest_first(two_plans: BuiltSite) -> None:
    titles = [a.get_text(strip=True) for a in two_plans.soup("/planer/").select(".ps-card__title a")]
    assert titles == ["Udmøntningsplan 2024-2027", "Udmøntningsplan 2023-2026"]


def test_an_earlier_plan_shows_its_items_as_they_stood_when_it_was_replaced(two_plans: BuiltSite) -> None:
    page = two_plans.soup("/planer/2023-2026/")
    text = " ".join(page.get_text(" ").split())
    assert "Perioden 2023-2026 · Budgetaftale 2023-2026 · Sagsnr. 22/8800" in text
    assert "til 9. januar 2024 , da den blev afløst" in text  # the date is a <time>
    assert "Status, da planen blev afløst" in text
    rows = {str(row.select_one("a")["href"]).split("/")[-2]: row["data-status"] for row in page.select("tbody tr[data-status]")}
    # Råderumsanalysen was finished in June 2024, after the plan was replaced: here it is as it stood.
    assert rows == {CARRIED: "ikke-paabegyndt", LEFT_BEHIND: "i-gang"}
    assert "Den første plan, som den gjaldt" in text
    decisions = " ".join(page.select_one("section[aria-labelledby=beslutninger]").get_text(" ").split())
    assert "5. december 2023 Økonomiudvalget" in decisions


def test_the_current_plan_shows_its_own_items_with_their_status_now(two_plans: BuiltSite) -> None:
    page = two_plans.soup("/planer/2024-2027/")
    text = " ".join(page.get_text(" ").split())
    assert "Den gældende plan, siden 10. januar 2024" in text
    hrefs = [str(a["href"]) for a in page.select("tbody tr td:first-child a")]
    assert any(CARRIED in href for href in hrefs)
    assert not any(LEFT_BEHIND in href for href in hrefs)
    carried = next(row for row in page.select("tbody tr[data-status]") if CARRIED in str(row.select_one("a")["href"]))
    assert carried["data-status"] == "afsluttet"


def test_the_overview_counts_the_current_plan_and_links_the_earlier_ones(two_plans: BuiltSite, one_plan: BuiltSite) -> None:
    before = re.search(r"Planen har (\d+) indsatser", text_of(one_plan, "/"))
    after = re.search(r"Planen har (\d+) indsatser", text_of(two_plans, "/"))
    assert before and after and int(after[1]) == int(before[1]) - 1
    links = {a.get_text(strip=True): a["href"] for a in two_plans.soup("/").select("a") if a.get_text(strip=True) == "Udmøntningsplan 2023-2026"}
    assert links and str(links["Udmøntningsplan 2023-2026"]).endswith("planer/2023-2026/")


def test_a_carried_item_keeps_one_address_and_names_both_plans(two_plans: BuiltSite) -> None:
    facts = two_plans.soup(f"/indsatser/{CARRIED}/").select_one("dl")
    assert facts is not None
    names = [dt.get_text(strip=True) for dt in facts.select("dt")]
    assert "Planer" in names
    plans = facts.select("dt")[names.index("Planer")].find_next_sibling("dd")
    assert [a.get_text(strip=True) for a in plans.select("a")] == ["Udmøntningsplan 2023-2026", "Udmøntningsplan 2024-2027"]
    left = two_plans.soup(f"/indsatser/{LEFT_BEHIND}/").select_one("dl")
    assert left is not None and "Plan" in [dt.get_text(strip=True) for dt in left.select("dt")]


def test_check_passes_on_the_two_plan_project(tmp_path: Path) -> None:
    project = with_two_plans(copy_project(tmp_path / "project"))
    result = run_planspor(project, "check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_earlier_plan_may_close_on_the_day_of_the_data(tmp_path: Path) -> None:
    """`planspor ny-plan` closes the old plan on data_as_of by default: that day is allowed, the next is not."""
    project = with_two_plans(copy_project(tmp_path / "project"))
    edit(project, "    closed: 2024-01-09\n", "    closed: 2024-10-01\n")
    result = run_planspor(project, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    edit(project, "    closed: 2024-10-01\n", "    closed: 2024-10-02\n")
    result = run_planspor(project, "check")
    assert result.returncode == 1 and "er lukket 2024-10-02, men datoen for data (plan.data_as_of) er 2024-10-01" in result.stderr, result.stderr


@pytest.mark.parametrize(
    ("old", "new", "line_text", "expected"),
    [
        (
            "    plans: [2023-2026, 2024-2027]\n",
            "    plans: [2023-2026, 2025-2028]\n",
            "    plans: [2023-2026, 2025-2028]",
            "Ukendt plan '2025-2028'",
        ),
        (
            "    closed: 2024-01-09\n",
            "    closed: 2024-12-01\n",
            "    closed: 2024-12-01",
            "er lukket 2024-12-01, men datoen for data (plan.data_as_of) er 2024-10-01. Skriv den sidste dag, planen var den gældende; den ligger senest på datoen for data",
        ),
        ("    period: {start: 2023, end: 2026}\n", "    period: {start: 2024, end: 2027}\n", "  - title: Udmøntningsplan 2023-2026", "er den nuværende plan"),
        ("    closed: 2024-01-09\n", "", "  - title: Udmøntningsplan 2023-2026", "'closed'"),
    ],
    ids=["unknown-plan", "closed-after-data", "period-of-current-plan", "closed-missing"],
)
def test_a_wrong_plan_is_named_with_its_line(tmp_path: Path, old: str, new: str, line_text: str, expected: str) -> None:
    project = with_two_plans(copy_project(tmp_path / "project"))
    edit(project, old, new)
    lines = (project / PLAN).read_text(encoding="utf-8").splitlines()
    line = lines.index(line_text) + 1
    result = run_planspor(project, "check")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert f"data/plan.yaml:{line}" in output and expected in output, output
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode != 0 and expected in build.stdout + build.stderr


def test_a_theme_and_a_committee_group_their_items_by_plan(bundled_site: BuiltSite, one_plan: BuiltSite) -> None:
    for url in ("/temaer/oekonomisk-politik/", "/udvalg/oekonomiudvalget/"):
        page = bundled_site.soup(url)
        headings = [h.get_text(strip=True) for h in page.select("h2[id^=plan-]")]
        assert headings == ["Udmøntningsplan 2025-2028 (den gældende plan)", "Sluttede med Udmøntningsplan 2024-2027"], url
        current, ended = (h.find_next("table") for h in page.select("h2[id^=plan-]"))
        assert "budget-i-balance" in str(current) and "budget-i-balance" not in str(ended)  # carried over: in the current plan
        assert CARRIED in str(ended) and CARRIED not in str(current)  # finished in 2024: ended with the earlier plan
        assert one_plan.soup(url).select("h2[id^=plan-]") == [], "one plan: one table, as before"
