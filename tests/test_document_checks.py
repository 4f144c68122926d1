"""The preview's memory of the notes' checks says exactly what a fresh check says, after every kind of edit.

`mkdocs serve` keeps its last check of the notes and pages (document_checks.CheckedDocuments) and
reuses it while nothing it was checked against changed. Each case here edits a copy of the bundled
project the way an editor does between two saves, then loads it twice: once with the preview's
memory (which saw the project before the edit) and once afresh, as `planspor check` and the build
do. The two must report the same problems, in Danish at the same lines, and the same notes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from planspor.document_checks import CheckedDocuments
from planspor.problems import PlanInvalid, Problem
from planspor.project import Project, load_project

PLAN = "data/plan.yaml"
NOTE = "content/items/digital-selvbetjening.md"
ANCHOR_LINK = "\n\nSe [processen for budgettet](indsats:budget-i-balance#proces).\n"
IMAGE = "\n\n![Kort over skolerne](../filer/skolekort.png)\n"


def append(relative: str, text: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        path = root / relative
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")

    return edit


def replace_in(relative: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        path = root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{relative} has no {old!r} to change"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


def write_file(relative: str, size: int) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * (size - 8))

    return edit


@dataclass(frozen=True)
class Case:
    name: str
    before: tuple[Callable[[Path], None], ...]  # the project as the preview last checked it
    edit: Callable[[Path], None]  # what the editor saves next
    expected: str | None  # part of a problem the edited project has; None: it has none


MB = 1024 * 1024
CASES = [
    Case("a title changed: nothing to check again", (), replace_in(PLAN, "title: Budget i balance på velfærdsområderne", "title: Budget i balance"), None),
    Case(
        "an item a note links to is given a new id",
        (append(NOTE, "\n\nSe også [analysen](indsats:raaderumsanalyse).\n"),),
        replace_in(PLAN, "id: raaderumsanalyse\n", "id: raaderumsanalysen\n"),
        "raaderumsanalyse",
    ),
    Case(
        "the process text whose heading a note links to is removed",
        (append(NOTE, ANCHOR_LINK),),
        replace_in(
            PLAN,
            "    process: >-\n      Fagområderne udarbejder i foråret en analyse af udgiftspresset, som\n      drøftes i fagudvalgene inden budgetseminaret.\n",
            "",
        ),
        "proces",
    ),
    Case("the picture a note shows is added", (append(NOTE, IMAGE),), write_file("content/filer/skolekort.png", 2048), None),
    Case(
        "the picture a note shows is deleted",
        (append(NOTE, IMAGE), write_file("content/filer/skolekort.png", 2048)),
        lambda root: (root / "content/filer/skolekort.png").unlink(),
        "skolekort.png",
    ),
    Case(
        "the picture a note shows grows past 5 MB",
        (append(NOTE, IMAGE), write_file("content/filer/skolekort.png", 2048)),
        write_file("content/filer/skolekort.png", 6 * MB),
        "MB",
    ),
    Case("a note is edited", (), append(NOTE, "\n\n# En overskrift med ét havelåge\n"), "overskrift"),
]


def loaded(root: Path, checked: CheckedDocuments | None = None) -> tuple[Project | None, list[Problem]]:
    try:
        return load_project(root, checked=checked), []
    except PlanInvalid as error:
        return None, error.problems


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_the_preview_reports_what_a_fresh_check_reports(project: Path, case: Case) -> None:
    for edit in case.before:
        edit(project)
    checked = CheckedDocuments()
    loaded(project, checked)  # the preview's last build, with or without problems
    case.edit(project)
    remembered, remembered_problems = loaded(project, checked)
    fresh, fresh_problems = loaded(project)
    assert remembered_problems == fresh_problems
    if case.expected is None:
        assert fresh_problems == [] and remembered is not None and fresh is not None
        assert remembered.notes == fresh.notes and remembered.pages == fresh.pages
    else:
        assert any(case.expected in problem.message for problem in fresh_problems), fresh_problems


def test_an_unchanged_project_is_not_checked_again(project: Path) -> None:
    """What makes the preview faster: the second load hands back the notes the first one checked."""
    checked = CheckedDocuments()
    first, _ = loaded(project, checked)
    replace_in(PLAN, "title: Budget i balance på velfærdsområderne", "title: Budget i balance")(project)
    second, _ = loaded(project, checked)
    assert first is not None and second is not None
    assert second.notes is first.notes and second.plan is not first.plan
