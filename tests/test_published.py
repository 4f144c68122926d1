"""`planspor check --sammenlign-med <version>`: no published address may vanish.

Items, themes, committees, strategies and statuses each have pages of their own.

The project is a real git repository; the earlier plan is read from a commit,
as the pull-request check reads the base branch.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import run_planspor
from test_editing import commit, git

PLAN = "data/plan.yaml"
ITEM = "raaderumsanalyse"


@pytest.fixture()
def repo(project: Path) -> Path:
    commit(project)
    return project


def edit_plan(project: Path, old: str, new: str) -> None:
    path = project / PLAN
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def rename(project: Path, new_id: str, keep_old: bool) -> None:
    previous = f"    previous_ids: [{ITEM}]\n" if keep_old else ""
    edit_plan(project, f"  - id: {ITEM}\n", f"  - id: {new_id}\n{previous}")
    note = project / "content/items" / f"{ITEM}.md"
    if note.exists():
        note.rename(note.with_name(f"{new_id}.md"))
    for page in (project / "content").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace(f"indsats:{ITEM}", f"indsats:{new_id}"), encoding="utf-8")


def items_line(project: Path) -> int:
    return block_line(project, "items")


def block_line(project: Path, block: str) -> int:
    lines = (project / PLAN).read_text(encoding="utf-8").splitlines()
    return lines.index(f"{block}:") + 1


def published_then_removed(project: Path, block: str, entry: str) -> None:
    """The commit has one more entry in `block` than the plan now (which is the project's own, and valid)."""
    path = project / PLAN
    original = path.read_text(encoding="utf-8")
    edit_plan(project, f"\n{block}:\n", f"\n{block}:\n{entry}")
    commit(project)
    path.write_text(original, encoding="utf-8")


def test_a_renamed_item_without_its_old_id_is_refused_with_the_address_that_would_vanish(repo: Path) -> None:
    rename(repo, "analyse-af-raaderummet", keep_old=False)
    plain = run_planspor(repo, "check")
    assert plain.returncode == 0, "on its own the renamed plan is valid: only the comparison sees the lost address"
    result = run_planspor(repo, "check", "--sammenlign-med", "HEAD")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (
        f"{PLAN}:{items_line(repo)} [items]: Indsatsen '{ITEM}' (Analyse af det økonomiske råderum) er ikke i planen længere, "
        f"men var der i 'HEAD'. Dens side, /indsatser/{ITEM}/, kan være delt og linket til, og den ville forsvinde."
    ) in result.stderr
    assert f"previous_ids: [{ITEM}]" in result.stderr


def test_a_renamed_item_that_keeps_its_old_id_passes(repo: Path) -> None:
    rename(repo, "analyse-af-raaderummet", keep_old=True)
    result = run_planspor(repo, "check", "--sammenlign-med", "HEAD")
    assert result.returncode == 0, result.stderr
    assert "Intet er forsvundet siden 'HEAD': alle adresser på statusser, temaer, udvalg, strategier og indsatser, der var, findes stadig." in result.stdout


def test_a_deleted_item_is_refused_and_so_is_a_dropped_previous_id(repo: Path) -> None:
    text = (repo / PLAN).read_text(encoding="utf-8")
    start = text.index(f"  - id: {ITEM}\n")
    end = text.index("\n  - id: ", start + 1) + 1
    (repo / PLAN).write_text(text[:start] + text[end:], encoding="utf-8")
    (repo / "content/items" / f"{ITEM}.md").unlink(missing_ok=True)
    for page in (repo / "content").rglob("*.md"):
        page.write_text(re.sub(rf"\[([^\]]*)\]\(indsats:{ITEM}\)", r"\1", page.read_text(encoding="utf-8")), encoding="utf-8")
    edit_plan(repo, "    previous_ids: [lokaleoptimering]\n", "")
    result = run_planspor(repo, "check", "--sammenlign-med", "HEAD", "--format", "github")
    assert result.returncode == 1, result.stdout
    assert "Planen har 2 problemer" in result.stderr
    assert f"Indsatsen '{ITEM}'" in result.stderr and "Indsatsen 'lokaleoptimering'" in result.stderr
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert len(annotations) == 2 and all(f"file={PLAN},line={items_line(repo)}," in a for a in annotations)


def test_a_removed_theme_is_refused_with_its_address_and_title(project: Path) -> None:
    published_then_removed(project, "themes", "  - id: skoler\n    title: Skoler\n")
    plain = run_planspor(project, "check")
    assert plain.returncode == 0, "on its own the plan without the theme is valid: only the comparison sees the lost address"
    result = run_planspor(project, "check", "--sammenlign-med", "HEAD")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "Planen har 1 problem" in result.stderr
    assert (
        f"{PLAN}:{block_line(project, 'themes')} [themes]: Temaet 'skoler' (Skoler) er ikke i planen længere, men var der i 'HEAD'. "
        "Dets side, /temaer/skoler/, kan være delt og linket til, og den ville forsvinde. Behold temaet i planen."
    ) in result.stderr
    assert "skriv det gamle id under previous_ids på det tema, der tager over: previous_ids: [skoler]." in result.stderr


@pytest.mark.parametrize(
    ("block", "entry", "named"),
    [
        (
            "statuses",
            '  - id: sat-i-bero\n    label: Sat i bero\n    colour: "#6A1B9A"\n    icon: pause-circle-outline\n    meaning: Arbejdet venter.\n',
            "Statussen 'sat-i-bero' (Sat i bero) er ikke i planen længere, men var der i 'HEAD'. Dens side, /status/sat-i-bero/, "
            "kan være delt og linket til, og den ville forsvinde. Behold statussen i listen under statuses",
        ),
        (
            "strategies",
            "  - id: klimaplan-2020\n    title: Klimaplan 2020\n",
            "Strategien 'klimaplan-2020' (Klimaplan 2020) er ikke i planen længere, men var der i 'HEAD'. Dens side, /strategier/klimaplan-2020/, "
            "kan være delt og linket til, og den ville forsvinde. Behold strategien i planen.",
        ),
        (
            "committees",
            "  - id: teknikudvalget\n    title: Teknikudvalget\n",
            "Udvalget 'teknikudvalget' (Teknikudvalget) er ikke i planen længere, men var der i 'HEAD'. Dets side, /udvalg/teknikudvalget/, "
            "kan være delt og linket til, og den ville forsvinde. Behold udvalget i planen.",
        ),
    ],
    ids=["status", "strategi", "udvalg"],
)
def test_a_removed_status_strategy_or_committee_is_named(project: Path, block: str, entry: str, named: str) -> None:
    published_then_removed(project, block, entry)
    result = run_planspor(project, "check", "--sammenlign-med", "HEAD", "--format", "github")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{PLAN}:{block_line(project, block)} [{block}]: {named}" in result.stderr
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert len(annotations) == 1 and f"file={PLAN},line={block_line(project, block)},title=Planspor%3A {block}::" in annotations[0]


def test_a_plan_that_only_gained_entries_passes(repo: Path) -> None:
    edit_plan(repo, "\nthemes:\n", "\nthemes:\n  - id: skoler\n    title: Skoler\n")
    edit_plan(repo, "\ncommittees:\n", "\ncommittees:\n  - id: teknikudvalget\n    title: Teknikudvalget\n")
    result = run_planspor(repo, "check", "--sammenlign-med", "HEAD")
    assert result.returncode == 0, result.stderr
    assert "Intet er forsvundet siden 'HEAD'" in result.stdout


def test_an_unknown_version_is_named(repo: Path) -> None:
    result = run_planspor(repo, "check", "--sammenlign-med", "origin/findes-ikke")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "Versionen 'origin/findes-ikke' findes ikke i git-historikken." in result.stderr


def test_a_version_before_the_plan_existed_has_nothing_to_lose(project: Path) -> None:
    git(project, "init", "-q")
    git(project, "commit", "-q", "--allow-empty", "-m", "før planen")
    git(project, "tag", "tom")
    commit(project)
    result = run_planspor(project, "check", "--sammenlign-med", "tom")
    assert result.returncode == 0, result.stderr
    assert "Planen fandtes ikke i 'tom'" in result.stdout
