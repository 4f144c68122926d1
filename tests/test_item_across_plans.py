"""An item across plans (issue 21): what it was in an earlier plan, its entries into plans in its
history, and the items a new plan reshaped ('replaces'), both ways.

The bundled plan has an example of each: Trafiksikker skolevej went to Miljø- og teknikudvalget alone
in Udmøntningsplan 2024-2027 ({plan: 2024-2027, committees: [...]}) and to Børne- og ungdomsudvalget
too when it was carried into 2025-2028; Automatisering af sagsgange i Borgerservice, new in 2025-2028,
replaces Automatisering af rutineopgaver i administrationen, which stays in the earlier plan.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from conftest import BuiltSite, copy_project, run_mkdocs_build, run_planspor

PLAN = "data/plan.yaml"
ONE_PLAN = Path(__file__).parent / "data" / "one-plan.yaml"
CARRIED = "trafiksikker-skolevej"
RECORD = "    plans: [{plan: 2024-2027, committees: [miljoe-og-teknikudvalget]}, 2025-2028]\n"
NEW, OLD = "automatisering-i-borgerservice", "automatisering-af-rutineopgaver"


def edit(project: Path, old: str, new: str) -> int:
    """Replace ``old`` once in the plan; the line the replacement begins on."""
    path = project / PLAN
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def problems(project: Path) -> list[str]:
    """`planspor check` refuses, in Danish, without a traceback: its messages."""
    result = run_planspor(project, "check")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return [m.removeprefix("  - ") for m in result.stderr.splitlines() if m.startswith("  - ")]


def history(site: BuiltSite, url: str) -> list[str]:
    """The item's history as the reader sees it, newest first, one text per entry."""
    section = site.soup(url).select_one("section[aria-labelledby=historik]")
    assert section is not None
    return [" ".join(li.get_text(" ").split()) for li in section.select("li.ps-history__entry")]


def fact(page: BeautifulSoup, name: str) -> Tag | None:
    """The <dd> of a fact on an item's page ('Afløser'), or None."""
    term = next((dt for dt in page.select(".ps-facts__list dt") if dt.get_text(strip=True) == name), None)
    return term.find_next_sibling("dd") if term else None  # type: ignore[return-value]


# -- validation ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("new", "field", "expected"),
    [
        ("    plans: [{plan: 2023-2026, committees: [miljoe-og-teknikudvalget]}, 2025-2028]\n", "plans[1].plan", "Ukendt plan '2023-2026'"),
        ("    plans: [{plan: 2024-2027, committees: [teknikudvalget]}, 2025-2028]\n", "plans[1].committees", "Ukendt udvalg 'teknikudvalget'"),
        (
            "    plans: [{plan: 2024-2027, udvalg: [miljoe-og-teknikudvalget]}, 2025-2028]\n",
            "plans[1].udvalg",
            r"Ukendt felt 'udvalg'\. Tilladte felter her: plan, title, theme, kind, committees\.",
        ),
        ("    plans: [{plan: 2024-2027, theme: erhverv-branding-og-trafik}, 2025-2028]\n", "plans[1].theme", "Feltet 'theme' er det samme som indsatsens eget"),
        ("    plans: [{plan: 2024-2027}, 2025-2028]\n", "plans[1]", "Blokken for planen 2024-2027 siger ikke, hvad der var anderledes"),
        ('    plans: [{plan: 2024-2027, title: " "}, 2025-2028]\n', "plans[1].title", "Titlen er tom. Skriv indsatsens titel, som den var i planen 2024-2027"),
        ("    plans: [{plan: 2024-2027, committees: []}, 2025-2028]\n", "plans[1].committees", "Skriv de udvalg, der behandlede indsatsen i planen 2024-2027"),
        (
            "    plans: [{plan: 2024-2027, kind: driftsaendring}, [2025-2028]]\n",
            "plans[2]",
            "Her skal stå en plans id \\(dens periode, fx 2024-2027\\) eller en blok med plan:, men der står en liste",
        ),
        ("    plans: [{plan: 2024-2027, kind: driftsaendring}, 2024-2027, 2025-2028]\n", "plans[2]", "Planen '2024-2027' står to gange"),
        ("    plans: [2024-2027, {plan: 2025-2028, kind: driftsaendring}]\n", "plans", "Planen 2025-2028 er indsatsens sidste plan"),
    ],
    ids=[
        "unknown-plan",
        "unknown-committee",
        "unknown-field",
        "same-as-now",
        "nothing-differed",
        "blank-title",
        "no-committees",
        "a-list",
        "plan-twice",
        "record-for-last-plan",
    ],
)
def test_a_wrong_plan_record_is_named_with_its_line(tmp_path: Path, new: str, field: str, expected: str) -> None:
    project = copy_project(tmp_path / "project")
    line = edit(project, RECORD, new)
    found = [m for m in problems(project) if m.startswith(f"data/plan.yaml:{line} [items[{CARRIED}].{field}]:")]
    assert any(re.search(expected, m) for m in found), found


@pytest.mark.parametrize(
    ("new", "expected"),
    [
        (f"    replaces: [{OLD[:-3]}]\n", f"Ukendt indsats '{OLD[:-3]}'. Mente du '{OLD}'?"),
        (f"    replaces: [{NEW}]\n", "En indsats kan ikke afløse sig selv"),
    ],
    ids=["unknown-item", "itself"],
)
def test_a_wrong_replaces_is_named_with_its_line(tmp_path: Path, new: str, expected: str) -> None:
    project = copy_project(tmp_path / "project")
    line = edit(project, f"    replaces: [{OLD}]\n", new)
    assert any(m.startswith(f"data/plan.yaml:{line} [items[{NEW}].replaces]: {expected}") for m in problems(project)), problems(project)


def test_items_that_replace_each_other_in_a_ring_are_refused(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    line = edit(project, f"  - id: {OLD}\n", f"  - id: {OLD}\n    replaces: [{NEW}]\n") + 1
    found = problems(project)
    assert f"data/plan.yaml:{line} [items[{OLD}].replaces]: Indsatserne afløser hinanden i ring ({OLD} → {NEW} → {OLD})." in " ".join(found), found


def test_ny_plan_keeps_a_plan_record_and_adds_the_new_plan_once(tmp_path: Path) -> None:
    """`planspor ny-plan` writes every carried item's plans: the block already names 2024-2027."""
    project = copy_project(tmp_path / "project")
    result = run_planspor(project, "ny-plan", "2026-2029", "--lukket", "2024-10-01")
    assert result.returncode == 0, result.stdout + result.stderr
    text = (project / PLAN).read_text(encoding="utf-8")
    assert "    plans: [{plan: 2024-2027, committees: [miljoe-og-teknikudvalget]}, 2025-2028, 2026-2029]\n" in text


# -- the built pages -----------------------------------------------------------------------------


def test_a_carried_item_tells_its_plans_in_its_history(bundled_site: BuiltSite) -> None:
    entries = history(bundled_site, f"/indsatser/{CARRIED}/")
    page = bundled_site.soup(f"/indsatser/{CARRIED}/")
    kinds = ["plan" if "ps-history__entry--plan" in li["class"] else "status" for li in page.select("li.ps-history__entry")]
    assert kinds == ["plan", "status", "status", "plan"]
    assert entries == [
        "1. oktober 2024 Ført videre til Udmøntningsplan 2025-2028 "
        + "Ændret: udvalg Miljø- og teknikudvalget → Miljø- og teknikudvalget og Børne- og ungdomsudvalget.",
        "29. april 2024 Status: I gang",
        "10. januar 2024 Status: Ikke påbegyndt",
        "10. januar 2024 Udmøntningsplan 2024-2027 : udvalg Miljø- og teknikudvalget",  # the plan's title is a link
    ]
    links = {a.get_text(strip=True): str(a["href"]) for a in page.select("section[aria-labelledby=historik] a")}
    assert links["Udmøntningsplan 2025-2028"].endswith("planer/2025-2028/") and links["Udmøntningsplan 2024-2027"].endswith("planer/2024-2027/")


def test_an_item_carried_unchanged_says_only_when(bundled_site: BuiltSite) -> None:
    entries = history(bundled_site, "/indsatser/budget-i-balance/")
    carried = [e for e in entries if "Ført videre" in e]
    assert carried == ["1. oktober 2024 Ført videre til Udmøntningsplan 2025-2028"]
    assert entries.index(carried[0]) == 0  # newest: after every status the item had in 2024-2027


def test_the_earlier_plan_shows_the_item_as_it_was_then(bundled_site: BuiltSite) -> None:
    def row(url: str) -> Tag:
        found = next(r for r in bundled_site.soup(url).select("tbody tr[data-status]") if f"/{CARRIED}/" in str(r.select_one("a")["href"]))
        assert isinstance(found, Tag)
        return found

    then, now = row("/planer/2024-2027/"), row("/planer/2025-2028/")
    assert then["data-committees"] == "miljoe-og-teknikudvalget"
    assert "Børne- og ungdomsudvalget" not in then.get_text(" ") and "Miljø- og teknikudvalget" in then.get_text(" ")
    assert now["data-committees"] == "miljoe-og-teknikudvalget boerne-og-ungdomsudvalget"
    assert "Børne- og ungdomsudvalget" in now.get_text(" ")


def test_a_replacing_item_and_the_item_it_replaces_link_each_other(bundled_site: BuiltSite) -> None:
    new, old = bundled_site.soup(f"/indsatser/{NEW}/"), bundled_site.soup(f"/indsatser/{OLD}/")
    replaces, replaced_by = fact(new, "Afløser"), fact(old, "Afløst af")
    assert replaces is not None and replaced_by is not None
    assert [(a.get_text(strip=True), str(a["href"])) for a in replaces.select("a")] == [("Automatisering af rutineopgaver i administrationen", f"../{OLD}/")]
    assert [(a.get_text(strip=True), str(a["href"])) for a in replaced_by.select("a")] == [("Automatisering af sagsgange i Borgerservice", f"../{NEW}/")]
    assert fact(new, "Afløst af") is None and fact(old, "Afløser") is None


@pytest.fixture(scope="module")
def one_plan(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[BuiltSite, dict[str, int]]]:
    """The one-plan fixture built, with each item's number of history entries as written."""
    root = tmp_path_factory.mktemp("one-plan")
    project = copy_project(root / "project")
    (project / PLAN).write_text(ONE_PLAN.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_mkdocs_build(project, root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    written = {item["id"]: len(item["history"]) for item in yaml.safe_load(ONE_PLAN.read_text(encoding="utf-8"))["items"]}
    yield BuiltSite(root / "site", result.stdout + result.stderr), written


def test_a_site_with_one_plan_tells_nothing_about_plans_in_an_item(one_plan: tuple[BuiltSite, dict[str, int]]) -> None:
    site, written = one_plan
    for ident, count in written.items():
        entries = history(site, f"/indsatser/{ident}/")
        assert len(entries) == count and not [e for e in entries if "Udmøntningsplan" in e and "Status" not in e], ident
        page = site.soup(f"/indsatser/{ident}/")
        assert fact(page, "Afløser") is None and fact(page, "Afløst af") is None and fact(page, "Plan") is None, ident
