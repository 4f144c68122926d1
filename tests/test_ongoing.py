""" "Løbende": an item with no planned end, from the administration's sheet to every page and file.

The sheet says "fra 1. kvartal 2024 og løbende" or "Løbende"; data/plan.yaml then holds
`end: løbende`, and the pages, plan.json, plan.csv (and its re-import), the timeline, the
work-plan order and the freshness notices all read it as an end that never comes.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
from bs4 import BeautifulSoup
from conftest import run_mkdocs_build, run_planspor
from test_editing import commit, diff_lines, ok, refused
from test_import_sheets import AS_OF, municipal_sheet

from planspor.plan_file import PLAN_FILE


def page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_an_ongoing_item_from_a_sheet_reaches_every_page_and_file(project: Path, tmp_path: Path) -> None:
    commit(project)
    rows = [
        ["budget-i-balance", "", "fra 1. kvartal 2024 og løbende", "Indsatsen fortsætter i hele perioden."],
        ["", "Styrket økonomiopfølgning i fagudvalgene", "Løbende", "Opfølgningen er blevet en fast del af arbejdet."],
    ]
    sheet = municipal_sheet(tmp_path / "ark.xlsx", ["Nr.", "Emne", "Tidsplan", "Bemærkninger"], rows)
    dry = ok(run_planspor(project, "import", str(sheet), "--dato", AS_OF, "--tør"))
    assert "slut: 2024-Q4 → løbende" in dry, dry
    ok(run_planspor(project, "import", str(sheet), "--dato", AS_OF))
    added, removed = diff_lines(project)
    assert removed == [] and added.count("        timing: {end: løbende}") == 2, added
    commit(project)
    assert "Ingen ændringer" in ok(run_planspor(project, "import", str(sheet), "--dato", AS_OF))

    # Two years on, every dated end in the theme has passed; the ongoing ones never do.
    plan = project / PLAN_FILE
    plan.write_text(re.sub(r"data_as_of: \S+", "data_as_of: 2026-06-30", plan.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    ok(run_planspor(project, "check"))
    site = tmp_path / "site"
    result = run_mkdocs_build(project, site, SOURCE_DATE_EPOCH="1900000000")
    assert result.returncode == 0, result.stderr

    item = page(site, "indsatser/budget-i-balance")
    facts = item.select_one(".ps-facts__list").get_text(" ", strip=True)
    assert "Løbende fra 1. kvartal 2024 (flyttet; oprindeligt 1. kvartal 2024 – 4. kvartal 2024)" in facts
    assert "Slut flyttet fra 4. kvartal 2024 til løbende" in item.select_one(".ps-history").get_text(" ", strip=True)
    assert not any("passeret" in li.get_text() for li in item.select(".ps-flags li"))

    # The theme's current plan's table (its items that ended with the earlier plan follow in one of their own).
    rows_html = page(site, "temaer/oekonomisk-politik").select_one("table.ps-table").select("tbody tr")
    order = [tr.a["href"].rstrip("/").rsplit("/", 1)[-1] for tr in rows_html]
    assert order[-2:] == ["budget-i-balance", "styrket-oekonomiopfoelgning"], "ongoing items come after every dated end"
    timings = {tr.a["href"].rstrip("/").rsplit("/", 1)[-1]: tr.select_one('td[data-label="Tidspunkt"]').get_text(strip=True) for tr in rows_html}
    assert timings["styrket-oekonomiopfoelgning"] == timings["budget-i-balance"] == "Løbende fra 1. kvartal 2024"
    flags = {tr.a["href"].rstrip("/").rsplit("/", 1)[-1]: [f.get_text() for f in tr.select(".ps-row-flag")] for tr in rows_html}
    assert "slut passeret" in flags["langsigtet-anlaegsplan"], "a dated end in the past is flagged: the check can fail"
    assert "slut passeret" not in flags["budget-i-balance"] + flags["styrket-oekonomiopfoelgning"]

    data = json.loads((site / "data/plan.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "data/plan.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)
    by_id = {entry["id"]: entry for entry in data["items"]}
    assert by_id["budget-i-balance"]["timing"] == {"start": "2024-Q1", "end": "løbende"}
    assert by_id["styrket-oekonomiopfoelgning"]["planned_timing"]["end"] == "2024-Q2"
    by_id["budget-i-balance"]["timing"]["start"] = "løbende"
    assert not jsonschema.Draft202012Validator(schema).is_valid(data), "a start cannot be ongoing"

    timeline = next(t for t in page(site, "tal").select("table") if t.caption and t.caption.get_text().startswith("Tidslinje"))
    row = next(tr for tr in timeline.select("tbody tr") if tr.th and tr.th.get_text(strip=True) == "Økonomisk Politik")
    assert row.select("td")[-1].get_text(strip=True) == "2", "both ongoing items run in the plan's last quarter"

    shutil.copy(site / "data/plan.csv", tmp_path / "plan.csv")
    assert "Ingen ændringer" in ok(run_planspor(project, "import", str(tmp_path / "plan.csv"), "--dato", "2026-06-30"))


def test_only_an_end_can_be_ongoing(project: Path, tmp_path: Path) -> None:
    commit(project)
    plan = project / PLAN_FILE
    text = plan.read_text(encoding="utf-8")
    plan.write_text(text.replace("timing: {start: 2024-Q1, end: 2024-Q4}", "timing: {start: løbende, end: 2024-Q4}", 1), encoding="utf-8")
    stderr = run_planspor(project, "check").stderr
    line = text[: text.index("timing: {start: 2024-Q1, end: 2024-Q4}")].count("\n") + 1
    assert f"data/plan.yaml:{line}" in stderr and "[items[budget-i-balance].timing.start]" in stderr, stderr
    assert "kun en slut kan være løbende" in stderr
    plan.write_text(text, encoding="utf-8")

    refusal = refused(run_planspor(project, "flyt", "budget-i-balance", "--start", "løbende", "--kommentar", "x"), project)
    assert "--start" in refusal and "kun en slut kan være løbende" in refusal
    out = ok(run_planspor(project, "flyt", "budget-i-balance", "--slut", "Løbende", "--kommentar", "Fortsætter.", "--dato", AS_OF))
    assert "løbende" in out
    added, _ = diff_lines(project)
    assert "        timing: {end: løbende}" in added
    ok(run_planspor(project, "check"))

    sheet = municipal_sheet(tmp_path / "ark.xlsx", ["Nr.", "Start", "Bemærkninger"], [["raaderumsanalyse", "løbende", "Fortsætter"]])
    commit(project)
    stderr = refused(run_planspor(project, "import", str(sheet), "--dato", AS_OF), project)
    assert "ark.xlsx:5 [Udmøntning!B5 (Start)]" in stderr and "kun en slut kan være løbende" in stderr
