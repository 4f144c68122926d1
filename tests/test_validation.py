"""Every class of bad input ends in a Danish message naming file, line and field.

Each case breaks a private copy of the bundled project the way an editor
might, runs `planspor check` as an editor would, and asserts the message, the
line it points at and the exit code. A few cases also run `mkdocs build` to
show the build fails with the same clean message and no traceback.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import REPO, mkdocs_env, run_mkdocs_build, run_planspor

PLAN = "data/plan.yaml"


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    return text.count("\n", 0, index) + 1


@dataclass(frozen=True)
class Case:
    name: str
    break_it: Callable[[Path], int | None]  # returns the line the message must name
    message: str  # a regular expression the message must match
    file: str = PLAN


def replace_in_plan(old: str, new: str, occurrence: int = 1) -> Callable[[Path], int]:
    def apply(project: Path) -> int:
        path = project / PLAN
        text = path.read_text(encoding="utf-8")
        line = line_of(text, old, occurrence)
        index = -1
        for _ in range(occurrence):
            index = text.index(old, index + 1)
        path.write_text(text[:index] + new + text[index + len(old) :], encoding="utf-8")
        return line

    return apply


# Where the bundled plan's first item has its title: messages about a title used twice name it.
BUDGET_TITLE_LINE = line_of((REPO / PLAN).read_text(encoding="utf-8"), "    title: Budget i balance på velfærdsområderne\n")
LOGO_LINE = "    file: filer/logo-pladsholder.svg\n"
SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">'


def logo_file(content: str | bytes, name: str = "filer/logo-pladsholder.svg") -> Callable[[Path], int]:
    """The logo named in plan.yaml replaced by `content` (at `name`); the message names plan.logo.file's line."""

    def apply(project: Path) -> int:
        line = line_of((project / PLAN).read_text(encoding="utf-8"), LOGO_LINE)
        if name != "filer/logo-pladsholder.svg":
            replace_in_plan(LOGO_LINE, f"    file: {name}\n")(project)
        path = project / "content" / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        return line

    return apply


def with_contact(contact: str) -> Callable[[Path], int]:
    """plan.contact written as `contact` (YAML flow style) after the logo; the message names its line."""

    def apply(project: Path) -> int:
        return replace_in_plan("  values_name: Vores Norddjurs\n", f"  contact: {contact}\n  values_name: Vores Norddjurs\n")(project)

    return apply


def write_file(relative: str, content: str | bytes, line: int | None) -> Callable[[Path], int | None]:
    def apply(project: Path) -> int | None:
        path = project / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return line

    return apply


FIRST_ITEM = "  - id: budget-i-balance\n"
CASES = [
    Case("tab", replace_in_plan("    title: Budget i balance", "\ttitle: Budget i balance"), r"tabulator"),
    Case("bad indentation", replace_in_plan("    theme: oekonomisk-politik\n", "      theme: oekonomisk-politik\n"), r"[Ii]ndrykning|kolon"),
    Case("unclosed quote", replace_in_plan('    colour: "#E0E0E0"', '    colour: "#E0E0E0'), r"citationstegn|anførselstegn"),
    Case(
        "colon inside a text",
        replace_in_plan("    title: Budget i balance på velfærdsområderne", "    title: Budget: balance på velfærdsområderne"),
        r"kolon.*anførselstegn",
    ),
    Case("wrong type", replace_in_plan("    strategic: true\n", "    strategic: måske\n"), r"strategic.*true eller false.*'måske'"),
    Case(
        "missing required field",
        lambda p: (
            replace_in_plan("    kind: driftsaendring\n    committees: [oekonomiudvalget, social", "    committees: [oekonomiudvalget, social")(p)
            and line_of((p / PLAN).read_text(), FIRST_ITEM)
        ),
        r"items\[budget-i-balance\]\.kind\]: Feltet 'kind' mangler",
    ),
    Case(
        "unknown field with suggestion",
        replace_in_plan("    responsible: Økonomi og Personale", "    responsable: Økonomi og Personale"),
        r"Ukendt felt 'responsable'.*Mente du 'responsible'",
    ),
    Case("duplicate id", replace_in_plan("  - id: raaderumsanalyse", "  - id: budget-i-balance"), r"'budget-i-balance'.*allerede brugt"),
    Case(
        "id reused from previous ids",
        lambda p: (
            replace_in_plan("  - id: raaderumsanalyse", "  - id: lokaleoptimering")(p) and line_of((p / PLAN).read_text(), "previous_ids: [lokaleoptimering]")
        ),
        r"'lokaleoptimering' \(tidligere id\) er allerede brugt som id i linje \d+",
    ),
    Case("invalid id", replace_in_plan("  - id: budget-i-balance", "  - id: Budget i balance"), r"Id'et 'Budget i balance' er ikke tilladt"),
    Case("unknown theme", replace_in_plan("    theme: oekonomisk-politik", "    theme: oekonomi"), r"Ukendt tema 'oekonomi'.*Tilladt: oekonomisk-politik"),
    Case("unknown kind", replace_in_plan("    kind: driftsaendring", "    kind: drift"), r"Ukendt type 'drift'"),
    Case("unknown status", replace_in_plan("        status: i-gang", "        status: igang"), r"Ukendt status 'igang'.*Mente du 'i-gang'"),
    Case(
        "unknown committee",
        replace_in_plan("[oekonomiudvalget, social-og-sundhedsudvalget]", "[oekonomiudvalg, social-og-sundhedsudvalget]"),
        r"Ukendt udvalg 'oekonomiudvalg'",
    ),
    Case(
        "unknown strategy",
        replace_in_plan("    strategies: [plan-og-udviklingsstrategi-2023]", "    strategies: [planstrategi]"),
        r"Ukendt strategi 'planstrategi'",
    ),
    Case(
        "SDG out of range",
        replace_in_plan("    sdgs: [17]\n    related", "    sdgs: [18]\n    related"),
        r"Ukendt verdensmål 18\. Tilladt: et tal fra 1 til 17\.",
    ),
    Case("unknown related item", replace_in_plan("    related: []", "    related: [findes-ikke]"), r"Ukendt indsats 'findes-ikke'"),
    Case("impossible date", replace_in_plan("      - date: 2024-03-01", "      - date: 2024-02-30"), r"2024-02-30.*findes ikke"),
    Case(
        "impossible quarter",
        replace_in_plan("    timing: {start: 2024-Q1, end: 2024-Q4}", "    timing: {start: 2024-Q1, end: 2024-Q5}"),
        r"Ugyldigt tidspunkt.*2024-Q5",
    ),
    Case("history out of order", replace_in_plan("      - date: 2024-03-01", "      - date: 2024-01-01"), r"datoorden.*2024-01-01"),
    Case("history after data_as_of", replace_in_plan("      - date: 2024-03-01", "      - date: 2025-03-01"), r"efter planens 'data_as_of'"),
    Case(
        "dropped without reason",
        replace_in_plan("        status: i-gang\n        comment: Analysen af udgiftspresset er sat i gang.", "        status: udgaaet"),
        r"begrundelse",
    ),
    Case(
        "colour contrast below AA",
        lambda p: replace_in_plan('    colour: "#1565C0"', '    colour: "#1565C0"\n    text_colour: "#444444"')(p) + 1,
        r"kontrasten 1,\d+:1.*4,5:1",
    ),
    Case("colour not hex", replace_in_plan('    colour: "#2E7D32"', "    colour: green"), r"#RRGGBB"),
    Case("empty plan", write_file(PLAN, "# tom\n", 1), r"Planen er tom"),
    Case("no items", replace_in_plan("items:\n", "items: []\nold_items:\n"), r"Ukendt felt 'old_items'|ingen indsatser"),
    Case(
        "not UTF-8",
        lambda p: (
            (p / PLAN).write_bytes((p / PLAN).read_bytes().replace("Økonomi og Personale".encode(), "Økonomi og Personale".encode("latin-1")))
            and line_of((p / PLAN).read_bytes().decode("latin-1"), "konomi og Personale")
        ),
        r"UTF-8",
    ),
    Case(
        "note for unknown item",
        write_file("content/items/findes-ikke.md", "En note.\n", None),
        r"'findes-ikke', som ikke findes",
        "content/items/findes-ikke.md",
    ),
    Case(
        "note links unknown item",
        write_file("content/items/raaderumsanalyse.md", "Første linje.\n\nSe [den anden](indsats:findes-ikke).\n", 3),
        r"'indsats:findes-ikke'",
        "content/items/raaderumsanalyse.md",
    ),
    Case(
        "note with broken front matter",
        write_file("content/items/raaderumsanalyse.md", "---\ndescription: [ikke lukket\n---\nTekst\n", 2),  # where the [ opened
        r"Front matter",
        "content/items/raaderumsanalyse.md",
    ),
    Case(
        "note front matter never closed",
        write_file("content/items/raaderumsanalyse.md", "---\ndescription: x\nTekst\n", 1),
        r"afsluttes aldrig",
        "content/items/raaderumsanalyse.md",
    ),
    Case(
        "note with unknown front matter field",
        write_file("content/items/raaderumsanalyse.md", "---\ntitel: x\n---\nTekst\n", 2),
        r"Ukendt felt 'titel'",
        "content/items/raaderumsanalyse.md",
    ),
    Case(
        "note with level-one heading",
        write_file("content/items/raaderumsanalyse.md", "Tekst\n\n# Overskrift\n", 3),
        r"'##'",
        "content/items/raaderumsanalyse.md",
    ),
    Case("theme text for unknown theme", write_file("content/temaer/findes-ikke.md", "Tekst\n", None), r"tema 'findes-ikke'", "content/temaer/findes-ikke.md"),
    # Limits: an id is part of an address and a file name, a title is a heading (slugs.ID_LENGTH, plan_keys.TITLE_LENGTH).
    Case(
        "item id over 60 characters",
        replace_in_plan("  - id: budget-i-balance\n", "  - id: budget-i-balance-paa-velfaerdsomraaderne-og-i-alle-kommunens-egne-institutioner\n"),
        r"\[items\[1\]\.id\]: Id'et er 79 tegn langt; højst 60 er tilladt.*Forkort det, fx 'budget-i-balance-paa-velfaerdsomraaderne-og-i-alle-kommunens'",
    ),
    Case(
        "theme id over 60 characters",
        replace_in_plan("  - id: effektiviseringer\n", "  - id: effektiviseringer-" + "og-besparelser-" * 4 + "i-hele-kommunen\n"),
        r"\[themes\[2\]\.id\]: Id'et er 93 tegn langt; højst 60 er tilladt",
    ),
    Case(
        "previous id over 200 characters",
        replace_in_plan("    related: []\n", "    previous_ids: [" + "gammel-" * 29 + "id]\n    related: []\n"),
        r"\[items\[budget-i-balance\]\.previous_ids\[1\]\]: Det tidligere id er 205 tegn langt; højst 200 kan bruges.*slet det tidligere id",
    ),
    Case(
        "item title over 200 characters",
        replace_in_plan("    title: Budget i balance på velfærdsområderne\n", "    title: Budget i balance" + " på velfærdsområderne" * 10 + "\n"),
        r"\[items\[budget-i-balance\]\.title\]: Titlen er 226 tegn lang; højst 200 er tilladt.*i dens note",
    ),
    Case(
        "plan title over 200 characters",
        replace_in_plan("  title: Udmøntningsplan 2025-2028\n", "  title: Udmøntningsplan 2025-2028" + " for Norddjurs Kommune" * 9 + "\n"),
        r"\[plan\.title\]: Titlen er 223 tegn lang; højst 200 er tilladt",
    ),
    Case(
        "theme title over 200 characters",
        replace_in_plan("    title: Økonomisk Politik\n", "    title: Økonomisk Politik" + " og styring" * 20 + "\n"),
        r"\[themes\[1\]\.title\]: Titlen er 237 tegn lang; højst 200 er tilladt",
    ),
    # A key written with nothing after it, where the plan needs a value.
    Case(
        "history status left empty",
        replace_in_plan("        status: i-gang\n        comment: Analysen", "        status:\n        comment: Analysen"),
        r"\[items\[budget-i-balance\]\.history\[2\]\.status\]: Feltet 'status' står tomt.*Skriv statussens id \(ikke-vurderet, ikke-paabegyndt, i-gang",
    ),
    Case(
        "item theme left empty",
        replace_in_plan("    theme: oekonomisk-politik\n", "    theme:\n"),
        r"\[items\[budget-i-balance\]\.theme\]: Feltet 'theme' står tomt: der står ikke noget efter 'theme:'\. Skriv temaets id \(oekonomisk-politik, effektiviseringer",
    ),
    Case(
        "status flag left empty",
        replace_in_plan("    finished: true\n", "    finished:\n"),
        r"\[statuses\[5\]\.finished\]: Feltet 'finished' står tomt.*eller slet linjen",
    ),
    Case(
        "history timing left empty",
        replace_in_plan("        status: i-gang\n        comment: Analysen", "        timing:\n        comment: Analysen"),
        r"\[items\[budget-i-balance\]\.history\[2\]\.timing\]: Feltet 'timing' står tomt",
    ),
    # Two items with one title: case, spacing, dashes and quotes aside (slugs.title_key).
    Case(
        "two items with one title",
        replace_in_plan("    title: Analyse af det økonomiske råderum\n", "    title: Budget i balance på velfærdsområderne\n"),
        rf"\[items\[raaderumsanalyse\]\.title\]: Titlen 'Budget i balance på velfærdsområderne' er også titlen på indsatsen 'budget-i-balance' i linje {BUDGET_TITLE_LINE}",
    ),
    Case(
        "one title in another case and spacing",
        replace_in_plan("    title: Analyse af det økonomiske råderum\n", "    title: budget i  Balance på velfærdsområderne\n"),
        rf"er også titlen på indsatsen 'budget-i-balance' i linje {BUDGET_TITLE_LINE}.*Gør titlen mere præcis",
    ),
    Case(
        "one title with other dashes and quotes",
        replace_in_plan("    title: Analyse af det økonomiske råderum\n", '    title: "Budget i balance på \\"velfærdsområderne\\""\n'),
        r"er også titlen på indsatsen 'budget-i-balance'",
    ),
    # The data's date cannot be after today (buildinfo.reference_date).
    Case(
        "data_as_of years ahead",
        replace_in_plan("  data_as_of: 2024-10-01\n", "  data_as_of: 2030-01-01\n"),
        r"\[plan\.data_as_of\]: Datoen for data \(2030-01-01\) ligger efter i dag \(\d{4}-\d\d-\d\d\)",
    ),
    Case(
        "data_as_of tomorrow",
        replace_in_plan("  data_as_of: 2024-10-01\n", f"  data_as_of: {dt.date.today() + dt.timedelta(days=2)}\n"),
        rf"\[plan\.data_as_of\]: Datoen for data \({dt.date.today() + dt.timedelta(days=2)}\) ligger efter i dag",
    ),
    # Who sends the site: plan.logo and plan.contact (issue 18)
    Case(
        "logo file missing",
        replace_in_plan(LOGO_LINE, "    file: filer/kommunelogo.svg\n"),
        r"\[plan\.logo\.file\]: Logoets fil content/filer/kommunelogo\.svg findes ikke",
    ),
    Case(
        "logo not a picture the site takes",
        replace_in_plan(LOGO_LINE, "    file: filer/logo.gif\n"),
        r"\[plan\.logo\.file\]: Logoet skal være en SVG- eller PNG-fil",
    ),
    Case("logo outside content", replace_in_plan(LOGO_LINE, "    file: ../data/logo.svg\n"), r"\[plan\.logo\.file\]: Skriv logoets sti inde i content/"),
    Case(
        "logo without alt text",  # named at the logo block's first line
        lambda p: replace_in_plan("    alt: Pladsholder for kommunens logo\n", "")(p) - 1,
        r"\[plan\.logo\.alt\]: Feltet 'alt' mangler",
    ),
    Case(
        "logo with an empty alt text",
        replace_in_plan("    alt: Pladsholder for kommunens logo\n", '    alt: ""\n'),
        r"\[plan\.logo\.alt\]: Skriv logoets alternative tekst",
    ),
    Case("logo svg with a script", logo_file(f"{SVG_OPEN}<script>alert(1)</script></svg>"), r"\[plan\.logo\.file\]: .*<script>, som kan køre kode"),
    Case("logo svg with an event handler", logo_file(f'{SVG_OPEN}<rect width="10" height="10" onload="x()"/></svg>'), r"<rect> har onload=.*kører et script"),
    Case(
        "logo svg fetching a picture",
        logo_file(f'{SVG_OPEN}<image xlink:href="https://cdn.example.com/vaaben.png"/></svg>'),
        r"<image> henter 'https://cdn\.example\.com/vaaben\.png' udefra",
    ),
    Case(
        "logo svg with a font from elsewhere",
        logo_file(f"{SVG_OPEN}<style>@import url(https://fonts.example.com/a.css);</style></svg>"),
        r"<style> henter noget udefra",
    ),
    Case(
        "logo svg with an entity",
        logo_file('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>'),
        r"DOCTYPE eller ENTITY",
    ),
    Case("logo svg that is not svg", logo_file("<html><body>logo</body></html>"), r"ikke en SVG \(den begynder med <html>"),
    Case("logo png that is not png", logo_file("GIF89a not a png", "filer/logo.png"), r"hedder \.png, men er ikke et PNG-billede"),
    Case("logo too large", logo_file(f"{SVG_OPEN}<!--{'x' * 600_000}--></svg>"), r"fylder 58\d kB; et logo må højst fylde 500 kB"),
    Case(
        "contact e-mail without a domain", with_contact("{email: planen@norddjurs}"), r"\[plan\.contact\.email\]: 'planen@norddjurs' er ikke en e-mailadresse"
    ),
    Case("contact phone too short", with_contact("{phone: 8959 100}"), r"\[plan\.contact\.phone\]: '8959 100' er ikke et dansk telefonnummer"),
    Case("contact with nothing in it", with_contact("{}"), r"\[plan\.contact\]: Skriv mindst én af unit"),
    Case("contact with a misspelt field", with_contact("{mail: planen@norddjurs.dk}"), r"\[plan\.contact\.mail\]: Ukendt felt 'mail'\. Mente du 'email'\?"),
    Case(
        "data_as_of far ahead, quoted",
        replace_in_plan("  data_as_of: 2024-10-01\n", '  data_as_of: "2099-12-31"\n'),
        r"\[plan\.data_as_of\]: Datoen for data \(2099-12-31\) ligger efter i dag",
    ),
]


def assert_reported(project: Path, case: Case) -> None:
    """Break the project as the case does: `planspor check` fails, without a traceback, with the case's
    message at the file and line it names (the corpus of every kind of bad input uses this)."""
    line = case.break_it(project)
    result = run_planspor(project, "check")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    messages = [m for m in result.stderr.splitlines() if m.startswith("  - ")]
    location = f"{case.file}:{line}" if line else case.file
    at = re.compile(rf"  - {re.escape(location)}[ :]")  # line 37 is not line 370
    matching = [m for m in messages if at.match(m) and re.search(case.message, m)]
    assert matching, f"expected {location} and /{case.message}/ in:\n{result.stderr}"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_bad_input_gets_a_clear_danish_message(project: Path, case: Case) -> None:
    assert_reported(project, case)


def test_every_problem_is_reported_at_once(project: Path) -> None:
    replace_in_plan("    theme: oekonomisk-politik", "    theme: oekonomi")(project)
    replace_in_plan("    kind: driftsaendring", "    kind: drift")(project)
    write_file("content/items/findes-ikke.md", "En note.\n", None)(project)
    result = run_planspor(project, "check")
    assert result.returncode == 1
    assert "Planen har 3 problemer" in result.stderr


@pytest.mark.parametrize("variant", ["bom", "crlf"])
def test_bom_and_windows_line_endings_are_valid(project: Path, variant: str) -> None:
    path = project / PLAN
    text = path.read_text(encoding="utf-8")
    data = ("\ufeff" + text).encode() if variant == "bom" else text.replace("\n", "\r\n").encode()
    path.write_bytes(data)
    result = run_planspor(project, "check")
    assert result.returncode == 0, result.stderr
    assert "Planen er i orden" in result.stdout


def test_github_format_annotates_the_edited_line(project: Path) -> None:
    line = replace_in_plan("    theme: oekonomisk-politik", "    theme: oekonomi")(project)
    result = run_planspor(project, "check", "--format", "github")
    assert result.returncode == 1
    assert f"::error file=data/plan.yaml,line={line},title=Planspor%3A items[budget-i-balance].theme::Ukendt tema 'oekonomi'" in result.stdout


def test_build_fails_cleanly_on_a_broken_plan(project: Path, tmp_path: Path) -> None:
    line = replace_in_plan("    theme: oekonomisk-politik", "    theme: oekonomi")(project)
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert f"data/plan.yaml:{line}" in output and "Ukendt tema 'oekonomi'" in output
    assert not (tmp_path / "site" / "index.html").exists()


def test_check_and_build_hold_data_as_of_to_the_same_reference_date(project: Path, tmp_path: Path) -> None:
    """The later of today and the build's date (SOURCE_DATE_EPOCH): a date after both is refused by
    both alike; a build dated after it (and `planspor check` given the same date) accepts it."""
    line = replace_in_plan("  data_as_of: 2024-10-01\n", "  data_as_of: 2030-01-01\n")(project)
    message = f"data/plan.yaml:{line} [plan.data_as_of]: Datoen for data (2030-01-01) ligger efter i dag ({dt.date.today().isoformat()})."
    assert any(problem.startswith(message) for problem in check_problems(project))
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0 and message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()
    later = {"SOURCE_DATE_EPOCH": "1900000000"}  # 2030-03-17
    assert run_mkdocs_build(project, tmp_path / "site", **later).returncode == 0
    command = [sys.executable, "-m", "planspor.cli", "--projekt", str(project), "check"]
    assert subprocess.run(command, capture_output=True, text=True, cwd=project, env=mkdocs_env(**later), check=False).returncode == 0


def test_plan_text_is_escaped_in_the_html(project: Path, tmp_path: Path) -> None:
    replace_in_plan("    title: Budget i balance på velfærdsområderne", '    title: "Budget <script>alert(1)</script> & balance"')(project)
    replace_in_plan("    responsible: Økonomi og Personale", "    responsible: <b>Økonomi</b>")(project)
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    for page in ("indsatser/budget-i-balance/index.html", "status/index.html", "temaer/oekonomisk-politik/index.html"):
        html = (tmp_path / "site" / page).read_text(encoding="utf-8")
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    html = (tmp_path / "site/indsatser/budget-i-balance/index.html").read_text(encoding="utf-8")
    assert "<b>Økonomi</b>" not in html and "&lt;b&gt;Økonomi&lt;/b&gt;" in html


def test_the_bundled_plan_is_valid() -> None:
    result = run_planspor(REPO, "check")
    assert result.returncode == 0, result.stderr
    assert re.search(r"Planen er i orden: \d+ indsatser, \d+ noter", result.stdout)


# -- silent failures and misleading cascades (editor-experience review) ------------


def check_problems(project: Path) -> list[str]:
    """Run `planspor check` on a broken copy: it must refuse, in Danish, without a traceback."""
    result = run_planspor(project, "check")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return [m.removeprefix("  - ") for m in result.stderr.splitlines() if m.startswith("  - ")]


@pytest.mark.parametrize("title", ['""', '" "'])
def test_an_empty_title_is_reported_and_the_item_stays_known(project: Path, title: str) -> None:
    line = replace_in_plan("    title: Analyse af det økonomiske råderum\n", f"    title: {title}\n")(project)
    # The item's note and the links to it from other pages are not reported as well.
    assert check_problems(project) == [f"{PLAN}:{line} [items[raaderumsanalyse].title]: Titlen er tom. Skriv indsatsens titel."]


def test_a_thousands_separator_in_a_budget_amount_is_refused(project: Path) -> None:
    line = replace_in_plan("2025: -2500,", "2025: -2.500,")(project)  # YAML reads -2.5
    assert check_problems(project) == [
        f"{PLAN}:{line} [items[budget-i-balance].budget.2025]: Der står -2.500. Skriv beløb i 1.000 kr. uden tusindtalspunktum, fx -2500 "
        + "(punktum er decimaltegn: -2,5 skrives -2.5)."
    ]


def test_a_decimal_comma_in_a_budget_is_explained(project: Path) -> None:
    line = replace_in_plan("2025: -2500,", "2025: -2,5,")(project)  # {2025: -2, 5: nothing}
    assert check_problems(project) == [
        f"{PLAN}:{line} [items[budget-i-balance].budget]: Beløbet for 2025 indeholder et komma, men komma adskiller felterne i {{ }}. "
        + "Brug punktum som decimaltegn (-2,5 skrives -2.5), og skriv ingen tusindtalsseparator (-2.500 skrives -2500)."
    ]


@pytest.mark.parametrize(
    ("written", "shown"),
    [(".nan", ".nan"), ("NaN", "'NaN'"), (".inf", ".inf"), ("-.inf", "-.inf"), ("Infinity", "'Infinity'"), ("sNaN", "'sNaN'")],
)
def test_a_budget_amount_must_be_a_finite_number(project: Path, written: str, shown: str) -> None:
    line = replace_in_plan("2025: -2500,", f"2025: {written},")(project)
    assert check_problems(project) == [
        f"{PLAN}:{line} [items[budget-i-balance].budget.2025]: "
        + f"Beløbet skal være et tal i 1.000 kr. med punktum som decimaltegn (fx -1250.5), men der står {shown}."
    ]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("2025: -2500,", "2025: 1e999999999,", "[items[budget-i-balance].budget.2025]: Der står 1e999999999, som ikke kan være et beløb i 1.000 kr."),
        ("2025: -2500,", "2025: -0500,", "[items[budget-i-balance].budget.2025]: Der står -0500. Skriv beløbet som et almindeligt tal"),
        ("  stale_after_months: 6\n", "  stale_after_months: .nan\n", "[plan.stale_after_months]: Her skal stå et helt tal, men der står nan."),
        ("end: 2028}", "end: .inf}", "[plan.period.end]: Her skal stå et helt tal, men der står inf."),
        ("end: 2028}", "end: 20288}", "[plan.period.end]: Året 20288 er ikke et årstal."),
        ("    sdgs: [17]\n    related", "    sdgs: [.nan]\n    related", "[items[budget-i-balance].sdgs]: Ukendt verdensmål nan."),
    ],
    ids=["huge amount", "octal amount", "months not a number", "period infinite", "period year", "SDG not a number"],
)
def test_no_number_field_accepts_odd_numbers(project: Path, old: str, new: str, message: str) -> None:
    line = replace_in_plan(old, new)(project)
    problems = check_problems(project)
    assert len(problems) == 1 and problems[0].startswith(f"{PLAN}:{line} {message}"), problems


def test_the_build_refuses_a_budget_amount_that_is_not_a_number(project: Path, tmp_path: Path) -> None:
    line = replace_in_plan("2025: -2500,", "2025: .nan,")(project)
    result = run_mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert f"{PLAN}:{line} [items[budget-i-balance].budget.2025]: Beløbet skal være et tal" in output
    assert not (tmp_path / "site" / "index.html").exists()


NOTE = "content/items/raaderumsanalyse.md"
UNKNOWN_PREFIX = (
    " som Planspor ikke kender, så linket ville ikke virke på siden. Mente du 'indsats:'? Links til planen begynder med "
    + "indsats:, tema:, udvalg:, strategi: eller verdensmaal:; links ud af siden med mailto:, tel: eller https://."
)


def test_a_link_with_an_unknown_prefix_is_refused(project: Path) -> None:
    write_file(NOTE, "Tekst.\n\nSe [analysen](Indsats:raaderumsanalyse).\n\n[mere]: indsatser:budget-i-balance\n", None)(project)
    write_file("content/om.md", "# Om\n\nSe [planen](Indsats:budget-i-balance).\n", None)(project)
    assert check_problems(project) == [
        f"{NOTE}:3 [link]: Linket 'Indsats:raaderumsanalyse' begynder med 'Indsats:',{UNKNOWN_PREFIX}",
        f"{NOTE}:5 [link]: Linket 'indsatser:budget-i-balance' begynder med 'indsatser:',{UNKNOWN_PREFIX}",
        f"content/om.md:3 [link]: Linket 'Indsats:budget-i-balance' begynder med 'Indsats:',{UNKNOWN_PREFIX}",
    ]


def test_a_space_after_a_link_prefix_is_named(project: Path) -> None:
    write_file(NOTE, "Tekst.\n\nSe [analysen](indsats: budget-i-balance).\n", None)(project)
    assert check_problems(project) == [
        f"{NOTE}:3 [link]: Der står et mellemrum efter 'indsats:' i linket 'indsats: budget-i-balance'. Fjern mellemrummet: 'indsats:budget-i-balance'."
    ]


def test_links_that_work_are_not_taken_for_unknown_prefixes(project: Path) -> None:
    body = (
        "Skriv til [os](Mailto:post@norddjurs.dk), ring [her](tel:+4589593000), læs [mere](HTTPS://norddjurs.dk) "
        + "eller [om planen](../om.md) eller se [afsnittet](#tekst).\n\n"
        + "Syntaksen er `[tekst](Indsats:id)`.\n\n```\n[tekst](Indsats:id)\n```\n\n[^1]: Kilde: Danmarks Statistik.\n"
    )
    write_file(NOTE, "## Tekst\n\nTekst.\n\n" + body, None)(project)
    result = run_planspor(project, "check")
    assert result.returncode == 0, result.stderr


def test_an_unquoted_colour_is_explained_without_a_cascade(project: Path) -> None:
    line = replace_in_plan('    colour: "#1565C0"', "    colour: #1565C0")(project)
    assert check_problems(project) == [
        f"{PLAN}:{line} [statuses[3].colour]: Der står colour: #1565C0, men # starter en kommentar i YAML, så feltet er tomt. "
        + 'Skriv farven i anførselstegn: colour: "#1565C0".'
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "Planen er tom. Den skal mindst have blokkene: plan, statuses, themes, kinds, committees, strategies, sdgs, items."),
        (
            "- plan\n- items\n",
            "Planen skal bestå af blokkene plan:, statuses:, themes:, kinds:, committees:, strategies:, sdgs:, items:, men filen indeholder en liste.",
        ),
        (
            "Udmøntningsplan\n",
            "Planen skal bestå af blokkene plan:, statuses:, themes:, kinds:, committees:, strategies:, sdgs:, items:, men filen indeholder 'Udmøntningsplan'.",
        ),
    ],
    ids=["empty", "a list", "a text"],
)
def test_a_plan_without_items_is_not_drowned_by_its_notes(project: Path, content: str, message: str) -> None:
    write_file(PLAN, content, None)(project)
    assert check_problems(project) == [f"{PLAN}:1: {message}"]  # not also 'Noten hører til indsatsen …' for every note


# -- YAML the editor cannot see the problem in: tabs, quotes, characters YAML reads as syntax ------------

TAB = "Der står et tabulatortegn. Brug mellemrum til indrykning i YAML, aldrig tabulator."  # as quoted in content/vejledning/udgiv.md


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("    strategic: true\n", "\tstrategic: true\n"),  # after committees: […]
        ("    responsible: Økonomi og Personale\n", "\tresponsible: Økonomi og Personale\n"),  # after timing: {…}
        ("      Fagområderne udarbejder", "\tFagområderne udarbejder"),  # under process: >-
        ("      - date: 2024-01-10\n", "\t- date: 2024-01-10\n"),  # before - date
        ("      - date: 2024-01-10\n", "      -\tdate: 2024-01-10\n"),  # after the dash
    ],
    ids=["after a list", "after a block", "in a folded text", "before a dash", "after a dash"],
)
def test_a_tab_is_named_wherever_it_is(project: Path, old: str, new: str) -> None:
    line = replace_in_plan(old, new)(project)
    assert check_problems(project) == [f"{PLAN}:{line}: {TAB}"]


TITLE = "    title: Budget i balance på velfærdsområderne\n"


@pytest.mark.parametrize(
    ("title", "message"),
    [
        (
            '"Budget" i balance',
            'Anførselstegnene om "Budget" afgrænser hele teksten, så det, der står efter dem (i balance), kan ikke læses. '
            + "Sæt hele teksten i anførselstegn, og skriv anførselstegn inde i teksten som ' (enkelt): title: \"'Budget' i balance\"",
        ),
        (
            "'Kommunens budget's balance'",
            "Anførselstegnene om 'Kommunens budget' afgrænser hele teksten, så det, der står efter dem (s balance'), kan ikke læses. "
            + 'Skriv teksten i dobbelte anførselstegn ("), så kan den indeholde apostroffer: title: "Kommunens budget\'s balance"',
        ),
        (
            "[Udkast] Budget",
            'En værdi, der begynder med [, læses som en liste, så teksten efter ] (Budget) kan ikke læses. Sæt hele teksten i anførselstegn: title: "[Udkast] Budget"',
        ),
        (
            "“Cykelstier: anden etape”",
            "Teksten står i typografiske anførselstegn (“ ”) fra Word, men dem regner YAML ikke som anførselstegn, så de beskytter ikke teksten. "
            + 'Brug almindelige anførselstegn ("): title: "Cykelstier: anden etape"',
        ),
        (
            "Projekt „Cykelstier: anden etape“",
            "Teksten indeholder typografiske anførselstegn (“ „) fra Word, men dem regner YAML ikke som anførselstegn. "
            + 'Sæt hele teksten i almindelige anførselstegn ("): title: "Projekt „Cykelstier: anden etape“"',
        ),
        (
            '"Budget i balance',
            'Teksten begynder med et anførselstegn ("), som aldrig bliver lukket. Sæt " i slutningen af teksten: title: "Budget i balance"',
        ),
        (
            '"C:\\Budget\\udkast"',
            "I en tekst i dobbelte anførselstegn (\") betyder \\ et særligt tegn. Brug enkelte anførselstegn i stedet: title: 'C:\\Budget\\udkast'",
        ),
    ],
    ids=["text after the quotes", "apostrophe", "brackets", "curly quotes", "curly quotes inside", "quote never closed", "backslash"],
)
def test_a_quoting_mistake_is_named_on_its_line(project: Path, title: str, message: str) -> None:
    line = replace_in_plan(TITLE, f"    title: {title}\n")(project)
    assert check_problems(project) == [f"{PLAN}:{line}: {message}"]


def test_an_unclosed_quote_is_reported_where_it_opened(project: Path) -> None:
    # The open quote runs on to the next quote, 24 lines further down; the error YAML notices is there.
    replace_in_plan("    title: Analyse af det økonomiske råderum\n", '    title: "Analyse af det økonomiske råderum"\n')(project)
    line = replace_in_plan(TITLE, '    title: "Budget i balance\n')(project)
    closing = line_of((project / PLAN).read_text(encoding="utf-8"), '    title: "Analyse')
    assert check_problems(project) == [
        f'{PLAN}:{line}: Teksten begynder med et anførselstegn ("), som ikke bliver lukket i samme linje, så YAML læser videre til næste " i linje {closing}. '
        + 'Sæt " i slutningen af teksten: title: "Budget i balance"'
    ]


def test_an_unclosed_quote_that_swallows_fields_is_one_problem(project: Path) -> None:
    # Here the runaway text is valid YAML: it ends at the next colour's opening quote.
    line = replace_in_plan('    colour: "#E0E0E0"', '    colour: "#E0E0E0')(project)
    closing = line_of((project / PLAN).read_text(encoding="utf-8"), '    colour: "#FFFFFF"')
    assert check_problems(project) == [
        f'{PLAN}:{line}: Teksten begynder med et anførselstegn ("), som ikke bliver lukket i samme linje, så YAML læser videre til næste " i linje {closing}. '
        + 'Sæt " i slutningen af teksten: colour: "#E0E0E0"'
    ]


SAY_QUOTE = "Sæt hele teksten i anførselstegn:"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            TITLE,
            "    title: *Vigtig* budget\n",
            f'Teksten begynder med en stjerne (*), som YAML læser som en henvisning til en anden værdi i filen. {SAY_QUOTE} title: "*Vigtig* budget"',
        ),
        (
            TITLE,
            "    title: *Vigtig budget\n",
            f'Teksten begynder med en stjerne (*), som YAML læser som en henvisning til en anden værdi i filen. {SAY_QUOTE} title: "*Vigtig budget"',
        ),
        (
            "        comment: Analysen af udgiftspresset er sat i gang.\n",
            "        comment: - Analysen af udgiftspresset er sat i gang.\n",
            f'Teksten begynder med en bindestreg og et mellemrum (- ), som YAML læser som et punkt i en liste. {SAY_QUOTE} comment: "- Analysen af udgiftspresset er sat i gang."',
        ),
        (
            TITLE,
            "    title: > 50 mio.\n",
            f'Teksten begynder med tegnet >, som i YAML betyder, at teksten står på linjerne nedenunder. {SAY_QUOTE} title: "> 50 mio."',
        ),
        (
            TITLE,
            "    title: | Budget\n",
            f'Teksten begynder med en lodret streg (|), som i YAML betyder, at teksten står på linjerne nedenunder. {SAY_QUOTE} title: "| Budget"',
        ),
        (TITLE, "    title: @Norddjurs\n", f'Teksten begynder med et snabel-a (@), som ikke må stå først i en tekst i YAML. {SAY_QUOTE} title: "@Norddjurs"'),
        (
            TITLE,
            "    title: `Budget` i balance\n",
            f'Teksten begynder med en accent grave (`), som ikke må stå først i en tekst i YAML. {SAY_QUOTE} title: "`Budget` i balance"',
        ),
        (
            TITLE,
            "    title: %-vis besparelse\n",
            f'Teksten begynder med et procenttegn (%), som ikke må stå først i en tekst i YAML. {SAY_QUOTE} title: "%-vis besparelse"',
        ),
        (
            TITLE,
            "    title: , og mere\n",
            f'Teksten begynder med et komma, som YAML bruger til at adskille punkterne i en liste. {SAY_QUOTE} title: ", og mere"',
        ),
        (
            TITLE,
            "    title: Budget: balance\n",
            f'Der står et kolon i teksten, og kolon efterfulgt af mellemrum betyder "her kommer værdien" i YAML. {SAY_QUOTE} title: "Budget: balance"',
        ),
    ],
    ids=["alias", "undefined alias", "dash", "folded text sign", "literal text sign", "at", "backtick", "percent", "comma", "colon"],
)
def test_a_character_yaml_reads_as_syntax_is_named(project: Path, old: str, new: str, message: str) -> None:
    line = replace_in_plan(old, new)(project)
    assert check_problems(project) == [f"{PLAN}:{line}: {message}"]


def test_text_under_a_block_sign_must_be_indented(project: Path) -> None:
    line = replace_in_plan(TITLE, "    title: |\n    Budget i balance\n")(project) + 1
    assert check_problems(project) == [
        f"{PLAN}:{line}: Teksten under title: | skal rykkes længere ind end title, fx 6 mellemrum i stedet for 4. "
        + 'Du kan også skrive den på samme linje: title: "Budget i balance"'
    ]


@pytest.mark.parametrize(
    ("old", "new", "where", "message"),
    [
        (
            "    committees: [oekonomiudvalget, social-og-sundhedsudvalget]\n",
            "    committees: [oekonomiudvalget, social-og-sundhedsudvalget\n",
            0,
            "Listen, der begynder med [, bliver ikke lukket med ] i samme linje. "
            + "Afslut den med ]: committees: [oekonomiudvalget, social-og-sundhedsudvalget]",
        ),
        (
            "    theme: oekonomisk-politik\n",
            "    theme oekonomisk-politik\n",
            0,
            "Linjen har intet kolon, så YAML kan ikke se, hvilket felt den hører til. Er det et felt, så skriv kolon og mellemrum efter feltnavnet. "
            + "Er det fortsættelsen af teksten i linjen over, så skriv teksten på én linje.",
        ),
        (
            "    theme: oekonomisk-politik\n",
            "      theme: oekonomisk-politik\n",
            0,
            "Indrykningen passer ikke. Linjen står længere inde end feltet over, så YAML læser den som en fortsættelse af det. "
            + "Felter i samme blok skal stå præcis lige langt inde.",
        ),
        (TITLE, TITLE + "---\n", 1, "Linjen --- deler filen i flere dele, men den skal være ét hele. Slet linjen."),
    ],
    ids=["list never closed", "colon missing", "indented too far", "document separator"],
)
def test_layout_mistakes_point_at_the_line_to_fix(project: Path, old: str, new: str, where: int, message: str) -> None:
    line = replace_in_plan(old, new)(project) + where
    assert check_problems(project) == [f"{PLAN}:{line}: {message}"]


@pytest.mark.parametrize(
    ("character", "name"),
    [
        ("\x0b", "et usynligt linjeskift fra Word (Skift+Enter), som ikke må stå i filen (tegnet U+000B)"),
        ("\x07", "et usynligt tegn fra Word (slut på en tabelcelle), som ikke må stå i filen (tegnet U+0007)"),
        ("\u2028", "et usynligt linjeskift, som ikke må stå i filen (tegnet U+2028)"),
        ("\u00ad", "en blød bindestreg, som ikke må stå i filen (tegnet U+00AD)"),
        ("\u200b", "et usynligt mellemrum (nulbredde), som ikke må stå i filen (tegnet U+200B)"),
        ("\ufeff", "et byte-order-mærke (BOM), som ikke må stå i filen (tegnet U+FEFF)"),
    ],
    ids=["soft line break", "table cell end", "line separator", "soft hyphen", "zero-width space", "byte-order mark"],
)
def test_an_invisible_character_is_named_with_its_line_and_column(project: Path, character: str, name: str) -> None:
    line = replace_in_plan(TITLE, f"    title: Budget i balance{character} på velfærdsområderne\n")(project)
    assert check_problems(project) == [
        f"{PLAN}:{line}: I kolonne 28 står {name}. Den slags tegn kommer ofte med, når tekst kopieres fra Word eller en e-mail. "
        + "Slet tegnet lige efter 'title: Budget i balance', eller slet linjen og skriv den igen."
    ]


@pytest.mark.parametrize(
    ("old", "new", "column", "after"),
    [
        ("    theme: oekonomisk-politik\n", "  \u00a0 theme: oekonomisk-politik\n", 3, "i begyndelsen af linjen"),  # indentation pasted from Word
        ("    theme: oekonomisk-politik\n", "    theme:\u00a0oekonomisk-politik\n", 11, "lige efter 'theme:'"),  # YAML would see no colon
        ("    title: Budget i balance på", "    title: Budget i\u00a0balance på", 20, "lige efter 'title: Budget i'"),
        ("    title: Budget i balance på", "    title: Budget i\u202fbalance på", 20, "lige efter 'title: Budget i'"),
    ],
    ids=["in the indentation", "after the colon", "in a title", "narrow, in a title"],
)
def test_a_hard_space_is_named_at_its_column_before_any_yaml_message(project: Path, old: str, new: str, column: int, after: str) -> None:
    line = replace_in_plan(old, new)(project)
    [problem] = check_problems(project)
    assert problem.startswith(f"{PLAN}:{line}: I kolonne {column} står et ")
    assert "hårdt mellemrum, som ikke må stå i filen (tegnet U+" in problem
    assert f"Skriv et almindeligt mellemrum i stedet for tegnet {after}, eller slet linjen og skriv den igen." in problem


def test_no_yaml_error_is_passed_on_in_english(project: Path) -> None:
    """Whatever is typed at the start of a title, the message is Danish and names the line."""
    path = project / PLAN
    original = path.read_text(encoding="utf-8")
    english = re.compile(r"\b(found|expected|while|scanning|parsing|character|allowed|context|token|stream|not)\b")
    for start in ["*", "&", "!", ">", "|", "- ", "? ", ",", "]", "}", "@", "`", "%", "{", "[", '"', "'", "“", "\t", "\x0c", ": ", "\\"]:
        path.write_text(original.replace(TITLE, f"    title: {start}Budget: i balance\n", 1), encoding="utf-8")
        for problem in check_problems(project):
            assert problem.startswith(f"{PLAN}:{line_of(original, TITLE)}"), (start, problem)
            assert not english.search(problem), (start, problem)


# -- a text that YAML reads shorter than written -----------------------------------------------------


@pytest.mark.parametrize(
    ("title", "message"),
    [
        (
            "Budget #2 i balance",
            "Teksten efter # blev læst som en kommentar, så titlen blev kun 'Budget'. Er det ment som en kommentar, så skriv den på en linje for sig selv; "
            + 'ellers sæt hele teksten i anførselstegn: title: "Budget #2 i balance"',
        ),
        (
            "&Co budget",
            "Teksten begynder med et &-tegn, som YAML læser som et navn på værdien (et anker), så titlen blev kun 'budget'. "
            + 'Sæt hele teksten i anførselstegn: title: "&Co budget"',
        ),
        (
            "!Vigtigt budget",
            "Teksten begynder med et udråbstegn (!), som YAML læser som en typeangivelse, så titlen blev kun 'budget'. "
            + 'Sæt hele teksten i anførselstegn: title: "!Vigtigt budget"',
        ),
    ],
    ids=["comment", "anchor", "tag"],
)
def test_a_text_cut_short_by_yaml_is_reported(project: Path, title: str, message: str) -> None:
    line = replace_in_plan(TITLE, f"    title: {title}\n")(project)
    assert check_problems(project) == [f"{PLAN}:{line} [items[budget-i-balance].title]: {message}"]


def test_deliberate_comments_after_values_are_left_alone(project: Path) -> None:
    # Two spaces and '# ' mark a comment after a text; after an id or a status any comment is fine.
    replace_in_plan(TITLE, "    title: Budget i balance på velfærdsområderne  # ændret af ØK\n")(project)
    replace_in_plan("        status: i-gang\n", "        status: i-gang # opdateret\n")(project)
    replace_in_plan("    theme: oekonomisk-politik\n", "    theme: oekonomisk-politik #se temaer\n")(project)
    result = run_planspor(project, "check")
    assert result.returncode == 0, result.stderr


# -- files that are not there, or not read ----------------------------------------------------------


def test_a_missing_plan_is_explained_in_danish(project: Path) -> None:
    (project / PLAN).unlink()
    assert check_problems(project) == [
        f"{PLAN}: Filen findes ikke (Planspor ledte efter {project / PLAN}). Er du i projektets mappe? "
        + "Planen skal ligge i data/plan.yaml i den mappe, hvor også mkdocs.yml og content/ ligger. Kør planspor i den mappe, eller angiv den med --projekt."
    ]


def test_a_plan_that_is_a_folder_is_explained(project: Path) -> None:
    (project / PLAN).unlink()
    (project / PLAN).mkdir()
    assert check_problems(project) == [f"{PLAN}: {project / PLAN} er en mappe, ikke en fil."]


def test_notes_and_texts_with_the_wrong_ending_are_reported(project: Path) -> None:
    items = project / "content/items"
    (items / "budget-i-balance.md").rename(items / "budget-i-balance.MD")
    write_file("content/items/digital-selvbetjening.txt", "En note.\n", None)(project)
    write_file("content/items/Cykelstier-mellem-byerne.markdown", "En note.\n", None)(project)
    write_file("content/items/raaderumsanalyse.docx", b"PK", None)(project)
    write_file("content/temaer/klima-miljoe-og-byg.md.txt", "Tekst.\n", None)(project)
    assert check_problems(project) == [
        "content/items/Cykelstier-mellem-byerne.markdown: Noter skal hedde <id>.md (små bogstaver, endelsen .md), ellers bliver de ikke læst. "
        + "Der findes allerede cykelstier-mellem-byerne.md: flyt teksten derover, og slet denne fil.",
        "content/items/budget-i-balance.MD: Noter skal hedde <id>.md (små bogstaver, endelsen .md), ellers bliver de ikke læst. "
        + "Omdøb filen til budget-i-balance.md.",
        "content/items/digital-selvbetjening.txt: Noter skal hedde <id>.md (små bogstaver, endelsen .md), ellers bliver de ikke læst. "
        + "Der findes allerede digital-selvbetjening.md: flyt teksten derover, og slet denne fil.",
        "content/items/raaderumsanalyse.docx: Noter skal hedde <id>.md (små bogstaver, endelsen .md), ellers bliver de ikke læst. "
        + "Der findes allerede raaderumsanalyse.md: flyt teksten derover, og slet denne fil.",
        "content/temaer/klima-miljoe-og-byg.md.txt: Tekster til temaer skal hedde <tema-id>.md (små bogstaver, endelsen .md), ellers bliver de ikke læst. "
        + "Der findes allerede klima-miljoe-og-byg.md: flyt teksten derover, og slet denne fil.",
    ]
