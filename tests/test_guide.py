"""The editors' guide (content/vejledning.md) as built at /vejledning/.

The guide is only useful while it is true: its sections exist, its command
examples name commands the tool has, its one real link leads to the item, its
field table matches the README, its status table matches data/plan.yaml, and
the error messages it quotes are the ones `planspor check` prints today.
"""

from __future__ import annotations

import re
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import Tag
from conftest import REPO, BuiltSite, mkdocs_env, run_planspor

GUIDE_URL = "/vejledning/"

# (heading id, heading text): ids are Danish slugs, æ→ae, ø→oe, å→aa.
SECTIONS = [
    ("saadan-er-planen-bygget-op", "Sådan er planen bygget op"),
    ("rediger-i-browseren", "Redigér i browseren"),
    ("tilfoej-en-indsats", "Tilføj en indsats"),
    ("skift-status", "Skift status"),
    ("flyt-et-tidspunkt", "Flyt et tidspunkt"),
    ("skriv-en-note", "Skriv en note"),
    ("tilfoej-en-strategi", "Tilføj en strategi"),
    ("importer-fra-regnearket", "Importér fra regnearket"),
    ("se-siden-paa-din-egen-computer", "Se siden på din egen computer"),
    ("aabn-en-pull-request", "Åbn en pull request"),
    ("laes-en-fejlmeddelelse", "Læs en fejlmeddelelse"),
    ("ordliste-og-feltoversigt", "Ordliste og feltoversigt"),
]

# A code example that must be on the page, in a code block, for each command.
COMMAND_EXAMPLES = [
    'planspor ny-indsats --titel "',
    "planspor status energistyring-i-kommunale-bygninger afsluttet --kommentar",
    "planspor flyt budget-i-balance --slut 2025-Q2 --kommentar",
    "planspor import plan.xlsx --tør",
    "planspor import plan.xlsx",
    "planspor check",
    "python3 dev.py serve",
]

# Link syntax shown as examples: must stay literal code, never be rewritten.
LINK_SYNTAX_EXAMPLES = [
    "[analysen af råderummet](indsats:raaderumsanalyse)",
    "[Effektiviseringer](tema:effektiviseringer)",
    "[Økonomiudvalget](udvalg:oekonomiudvalget)",
    "[strategien](strategi:plan-og-udviklingsstrategi-2023)",
    "[verdensmål 17](verdensmaal:17)",
]

PLANSPOR_COMMAND = re.compile(r"(?<![\w/.-])planspor\s+(?:--projekt\s+\S+\s+)?([a-z][a-z-]*)")


@cache
def raw_plan() -> dict[str, Any]:
    return yaml.safe_load((REPO / "data/plan.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def guide(bundled_site: BuiltSite) -> Tag:
    article = bundled_site.soup(GUIDE_URL).select_one("article")
    assert article is not None, "/vejledning/ har ingen <article>"
    return article


def code_blocks(guide: Tag) -> list[str]:
    return [pre.get_text() for pre in guide.select("pre")]


def code_texts(guide: Tag) -> list[str]:
    """Every piece of code on the page: blocks and inline code."""
    return [code.get_text() for code in guide.select("code")]


# -- structure ----------------------------------------------------------------------


def test_the_guide_has_its_title_and_one_h1(bundled_site: BuiltSite, guide: Tag) -> None:
    soup = bundled_site.soup(GUIDE_URL)
    assert soup.title is not None and "Vejledning for redaktører" in soup.title.get_text()
    headings = soup.select("h1")
    assert len(headings) == 1, [h.get_text() for h in headings]
    # The nav entry may give the page a shorter heading ("Vejledning"); the <title> keeps the full one.
    assert "Vejledning" in headings[0].get_text()
    description = soup.select_one('meta[name="description"]')
    assert description is not None and description.get("content"), "the guide's front matter description is missing"


def test_every_section_is_an_h2_with_its_danish_slug_in_order(guide: Tag) -> None:
    found = [(h2.get("id"), h2.get_text().rstrip("¶").strip()) for h2 in guide.select("h2")]
    assert found == SECTIONS


def test_every_anchor_link_in_the_guide_points_at_a_heading_on_the_page(guide: Tag) -> None:
    ids = {tag.get("id") for tag in guide.select("[id]")}
    anchors = [a["href"] for a in guide.select('a[href^="#"]')]
    assert anchors, "the guide links to none of its own sections"
    assert [href for href in anchors if href[1:] not in ids] == []


def test_the_guide_uses_admonitions_and_highlighted_code(guide: Tag) -> None:
    assert guide.select(".admonition.tip"), "no '!!! tip'"
    assert guide.select(".admonition.warning"), "no '!!! warning'"
    assert len(guide.select("div.highlight pre")) >= 10


# -- code examples ------------------------------------------------------------------


@pytest.mark.parametrize("example", COMMAND_EXAMPLES)
def test_each_command_has_a_code_example(guide: Tag, example: str) -> None:
    assert any(example in block for block in code_blocks(guide)), f"no code block contains {example!r}"


@pytest.mark.parametrize("example", LINK_SYNTAX_EXAMPLES)
def test_link_syntax_examples_stay_literal_code(guide: Tag, example: str) -> None:
    assert any(example in block for block in code_blocks(guide)), f"{example!r} is not shown literally in a code block"


def test_the_example_item_is_complete_yaml_that_names_real_ids(guide: Tag) -> None:
    """The full example item parses, has every required field and uses ids from the plan."""
    block = next(b for b in code_blocks(guide) if "- id: ladestandere-ved-raadhuset" in b)
    (item,) = yaml.safe_load(block)
    plan = raw_plan()
    for field in ("id", "title", "theme", "kind", "committees", "strategic", "history"):
        assert field in item, field
    assert item["theme"] in {t["id"] for t in plan["themes"]}
    assert item["kind"] in {k["id"] for k in plan["kinds"]}
    assert set(item["committees"]) <= {c["id"] for c in plan["committees"]}
    assert set(item["related"]) <= {i["id"] for i in plan["items"]}
    strengths = {s["id"] for strategy in plan["strategies"] for s in strategy.get("strengths", [])}
    assert set(item["strengths"]) <= strengths
    assert item["history"][0]["status"] in {s["id"] for s in plan["statuses"]}


def test_the_real_example_link_leads_to_the_item_page(bundled_site: BuiltSite, guide: Tag) -> None:
    item = next(i for i in raw_plan()["items"] if i["id"] == "budget-i-balance")
    links = [a for a in guide.select("a[href]") if a.get_text(" ", strip=True) == item["title"]]
    assert len(links) == 1, "the example link to budget-i-balance is missing"
    target = urljoin(GUIDE_URL, links[0]["href"])
    assert target == "/indsatser/budget-i-balance/"
    page = bundled_site.soup(target)
    heading = page.select_one("h1")
    assert heading is not None and item["title"] in heading.get_text()


# -- the commands exist ---------------------------------------------------------------


@cache
def planspor_help() -> str:
    result = subprocess.run(
        [sys.executable, "-m", "planspor.cli", "--help"], capture_output=True, text=True, cwd=REPO, env=mkdocs_env(), check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_every_planspor_command_in_the_guide_exists(guide: Tag) -> None:
    """ny-indsats, status, flyt and import must be real commands, not promises."""
    mentioned = {match for text in code_texts(guide) for match in PLANSPOR_COMMAND.findall(text)}
    assert {"check", "ny-indsats", "status", "flyt", "import"} <= mentioned
    help_text = planspor_help()
    missing = sorted(name for name in mentioned if not re.search(rf"^\s+{re.escape(name)}(\s|$)", help_text, re.MULTILINE))
    assert missing == [], f"the guide mentions commands that `planspor --help` does not list: {missing}\n{help_text}"


# -- tables that must agree with the plan and the README ------------------------------


def table_after(guide: Tag, heading_id: str) -> list[list[str]]:
    heading = guide.find(id=heading_id)
    assert heading is not None, heading_id
    table = heading.find_next("table")
    assert table is not None, heading_id
    return [[cell.get_text(" ", strip=True) for cell in row.select("td")] for row in table.select("tbody tr")]


def test_the_status_table_lists_every_status_of_the_plan(guide: Tag) -> None:
    rows = table_after(guide, "statusserne")
    expected = [[s["label"], s["id"], " ".join(s["meaning"].split())] for s in raw_plan()["statuses"]]
    assert rows == expected


def readme_item_fields() -> dict[str, bool]:
    """{field: required} from the README's table of item fields."""
    lines = (REPO / "README.md").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if re.match(r"\|\s*field\s*\|\s*required\s*\|", line))
    fields: dict[str, bool] = {}
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        names, required = (cell.strip() for cell in line.strip("|").split("|")[:2])
        for name in re.findall(r"`([a-z_]+)`", names):
            fields[name] = required == "yes"
    return fields


def test_the_field_table_matches_the_readme(guide: Tag) -> None:
    rows = table_after(guide, "felterne-paa-en-indsats")
    in_guide = {row[0]: row[1] == "ja" for row in rows}
    assert in_guide == readme_item_fields()


# -- the quoted error messages are the tool's real ones ---------------------------------

PROBLEM_LINE = re.compile(r"^  - (?P<file>\S+?):(?P<line>\d+)(?: \[(?P<field>.+?)\])?: (?P<message>.+)$")


def normalised(report: str) -> tuple[str, list[tuple[str, str, str]]]:
    """The report's header and its problems, without the parts that depend on the plan's data."""
    header, *problems = report.strip().splitlines()
    result = []
    for problem in problems:
        match = PROBLEM_LINE.match(problem)
        assert match, f"not 'fil:linje [felt]: besked': {problem!r}"
        field = re.sub(r"\[[^\]]*\]", "[…]", match["field"] or "")
        message = re.sub(r" Tilladt: .*$", "", re.sub(r"'[^']*'", "'…'", match["message"]))
        result.append((match["file"], field, message))
    return header, result


def break_theme(text: str) -> str:
    """An id with a typo: the first item's theme without its last letter."""
    return re.sub(r"^(    theme: \S+)\S$", r"\1", text, count=1, flags=re.MULTILINE)


def dropped_without_reason(text: str) -> str:
    dropped = next(s["id"] for s in raw_plan()["statuses"] if s.get("dropped"))
    return text.replace("\n    history:\n", f"\n    history:\n      - date: 1990-01-01\n        status: {dropped}\n", 1)


def danish_date(text: str) -> str:
    first = raw_plan()["statuses"][0]["id"]
    return text.replace("\n    history:\n", f"\n    history:\n      - date: 12-02-2024\n        status: {first}\n", 1)


def tab_indent(text: str) -> str:
    return re.sub(r"^    title: ", "\t  title: ", text, count=1, flags=re.MULTILINE)


@pytest.mark.parametrize(
    ("heading_id", "breakage"),
    [("ukendt-id", break_theme), ("status-udgaaet-uden-begrundelse", dropped_without_reason), ("forkert-datoformat", danish_date), ("tabulator", tab_indent)],
)
def test_each_quoted_error_message_is_what_planspor_check_prints(guide: Tag, project: Path, heading_id: str, breakage: Any) -> None:
    heading = guide.find(id=heading_id)
    assert heading is not None, heading_id
    quoted = heading.find_next("pre")
    assert quoted is not None
    plan_file = project / "data/plan.yaml"
    original = plan_file.read_text(encoding="utf-8")
    broken = breakage(original)
    assert broken != original, f"{heading_id}: the breakage changed nothing"
    plan_file.write_text(broken, encoding="utf-8")
    result = run_planspor(project, "check")
    assert result.returncode == 1, result.stdout + result.stderr
    assert normalised(result.stderr) == normalised(quoted.get_text())
