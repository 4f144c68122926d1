"""Property: whatever an editor does to plan.yaml, `planspor check` answers in Danish.

Random edits of the bundled plan (delete, duplicate or swap lines, replace a
value with odd text, insert a tab, cut the file off) must end either in a valid
plan or in PlanInvalid whose problems all name a file and say what is wrong,
never in any other exception (a traceback for the editor).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from conftest import REPO, copy_project
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from planspor.danish_timings import danish_period, schedule
from planspor.model import Timing
from planspor.periods import ONGOING, parse_period
from planspor.problems import PlanInvalid
from planspor.project import PLAN_FILE, load_project

BASE = (REPO / PLAN_FILE).read_text(encoding="utf-8")
LINES = BASE.split("\n")
SPECIAL = [
    "[", "]", "{", "}", "{a: [}", "*x", "&a", "!!binary", "!!python/object:os.system", "|", ">", "'", '"', "%", "@", "`",
    "- ", "? ", ": ", "#", "\t", "2024-02-30", "2024-13", "2024-Q5", "2024-Q0", "0000-01-01", "9999-12-31", "null", "~", "yes",
    "1e999", ".nan", "-.inf", "0x1F", "0o17", "<<: *x", "[[[]]]", "{{}}", "æøå", "\u2028", "\x85", "-", "true", "[1, 2, 3]",
    "{end: 2025-Q2}", "{start: 2026, end: 2024}", "-999999999999999999999", "2024-01-01 10:00:00", "2024-1-1",
]  # fmt: skip
SETTINGS = settings(
    max_examples=40,
    deadline=None,
    derandomize=bool(os.environ.get("CI")),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("properties") / "project")


values = st.one_of(
    st.sampled_from(SPECIAL),
    st.text(max_size=24),
    st.integers().map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)


@st.composite
def mutated_plan(draw: st.DrawFn) -> str:
    lines = list(LINES)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        if not lines:
            break
        operation = draw(st.sampled_from(["delete", "duplicate", "swap", "value", "tab", "truncate"]))
        index = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        if operation == "delete":
            del lines[index]
        elif operation == "duplicate":
            lines.insert(index, lines[index])
        elif operation == "swap":
            other = draw(st.integers(min_value=0, max_value=len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif operation == "value":
            head, colon, _ = lines[index].partition(": ")
            lines[index] = f"{head}{colon or ': '}{draw(values)}"
        elif operation == "tab":
            column = draw(st.integers(min_value=0, max_value=len(lines[index])))
            lines[index] = lines[index][:column] + "\t" + lines[index][column:]
        else:
            text = "\n".join(lines)
            return text[: draw(st.integers(min_value=0, max_value=len(text)))]
    return "\n".join(lines)


def check(project: Path) -> None:
    """load_project answers with a plan or PlanInvalid; every problem names its file."""
    try:
        load_project(project)
    except PlanInvalid as error:
        assert error.problems, "PlanInvalid without problems"
        for problem in error.problems:
            assert problem.file, problem
            assert problem.message.strip(), problem
            assert problem.line is None or problem.line >= 1, problem


@SETTINGS
@given(text=mutated_plan())
def test_any_edit_of_the_plan_gives_a_plan_or_problems(sandbox: Path, text: str) -> None:
    (sandbox / PLAN_FILE).write_text(text, encoding="utf-8")
    check(sandbox)


@SETTINGS
@given(data=st.binary(max_size=64), position=st.integers(min_value=0, max_value=len(BASE.encode("utf-8"))))
def test_stray_bytes_give_problems(sandbox: Path, data: bytes, position: int) -> None:
    raw = BASE.encode("utf-8")
    (sandbox / PLAN_FILE).write_bytes(raw[:position] + data + raw[position:])
    check(sandbox)


def test_the_bundled_plan_is_valid(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    shutil.rmtree(project / "content" / "items", ignore_errors=True)
    load_project(project)


@st.composite
def timings(draw: st.DrawFn) -> Timing:
    """Any timing the plan can hold: a year, quarter, month or day as start and end (in order), either alone, or an ongoing end."""
    forms = st.one_of(
        st.integers(2000, 2099).map(str),
        st.tuples(st.integers(2000, 2099), st.integers(1, 4)).map(lambda p: f"{p[0]}-Q{p[1]}"),
        st.tuples(st.integers(2000, 2099), st.integers(1, 12)).map(lambda p: f"{p[0]}-{p[1]:02d}"),
        st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)).map(dt.date.isoformat),
    )
    start = draw(st.one_of(st.none(), forms.map(parse_period)))
    end = draw(st.one_of(st.none(), st.just(ONGOING), forms.map(parse_period)))
    assume(start is not None or end is not None)
    assume(start is None or end is None or end.last >= start.first)
    return Timing(start, end)


@given(timings())
@SETTINGS
def test_every_timing_the_site_shows_reads_back_from_a_tidsplan_cell(timing: Timing) -> None:
    """The site's own words for a timing ("1. kvartal 2024 – 2. kvartal 2025", "senest maj 2025", "Løbende fra 2024")
    are a Tidsplan cell the import reads as that same timing: a Word example or a copied table round-trips."""
    for written in (timing.label(), timing.shown()):
        both = schedule(written)
        start, end = both if both is not None else (None, danish_period(written, "end"))
        if timing.start is not None and timing.start == timing.end:
            assert (start, end) == (None, timing.end), written  # one point: the end
            continue
        assert (start, end) == (timing.start, timing.end), written
