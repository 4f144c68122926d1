"""The editors' guide (content/vejledning/*.md) as built at /vejledning/ and the pages under it.

The guide is only useful while it is true: its sections exist, its command
examples name commands the tool has, its one real link leads to the item, its
field list matches the README and the plan's history keys, its status table matches data/plan.yaml, and
the error messages it quotes are the ones `planspor check` prints today. It was
one page until it was split by task; every link into that page still arrives.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from conftest import REPO, BuiltSite, mkdocs_env, run_planspor
from test_editing import commit, git

from planspor import addresses, plan_keys

GUIDE_URL = "/vejledning/"

# The guide's pages in the order of the navigation, their titles, and their sections:
# (heading id, heading text), ids in Danish slugs, æ→ae, ø→oe, å→aa.
PAGES: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "/vejledning/": (
        "Vejledning for redaktører",
        [
            ("vejledningens-dele", "Vejledningens dele"),
            ("saadan-er-planen-bygget-op", "Sådan er planen bygget op"),
            ("rediger-i-browseren", "Redigér i browseren"),
        ],
    ),
    "/vejledning/indsatser/": ("Tilføj indsatser og strategier", [("tilfoej-en-indsats", "Tilføj en indsats"), ("tilfoej-en-strategi", "Tilføj en strategi")]),
    "/vejledning/status/": (
        "Skift status, tidspunkt og id",
        [
            ("skift-status", "Skift status"),
            ("flyt-et-tidspunkt", "Flyt et tidspunkt"),
            ("henvis-til-en-beslutning-eller-et-dokument", "Henvis til en beslutning eller et dokument"),
            ("milepaele-og-indikatorer", "Milepæle og indikatorer"),
            ("giv-en-indsats-et-nyt-id", "Giv en indsats et nyt id"),
            ("giv-et-tema-eller-et-udvalg-et-nyt-id", "Giv et tema eller et udvalg et nyt id"),
            ("start-naeste-aars-plan", "Start næste års plan"),
            ("ret-i-en-tidligere-plan", "Ret i en tidligere plan"),
            ("planen-som-den-stod", "Planen, som den stod"),
        ],
    ),
    "/vejledning/noter/": ("Skriv noter og sider", [("skriv-en-note", "Skriv en note")]),
    "/vejledning/import/": ("Importér en plan", [("importer-fra-regnearket", "Importér fra regnearket"), ("importer-fra-word", "Importér fra Word")]),
    "/vejledning/udgiv/": (
        "Se, tjek og udgiv",
        [
            ("se-siden-paa-din-egen-computer", "Se siden på din egen computer"),
            ("aabn-en-pull-request", "Åbn en pull request"),
            ("laes-en-fejlmeddelelse", "Læs en fejlmeddelelse"),
        ],
    ),
    "/vejledning/ordliste/": (
        "Ordliste og feltoversigt",
        [
            ("felterne-paa-en-indsats", "Felterne på en indsats"),
            ("felterne-i-et-punkt-i-historikken", "Felterne i et punkt i historikken"),
            ("ord-du-moeder", "Ord, du møder"),
        ],
    ),
}

# Every heading id of the one-page guide (until December 2026): links to them must keep arriving.
ONE_PAGE_ANCHORS = [
    "saadan-er-planen-bygget-op",
    "id-er-aendres-aldrig",
    "rediger-i-browseren",
    "tilfoej-en-indsats",
    "i-haanden",
    "med-kommandoen",
    "skift-status",
    "statusserne",
    "med-kommandoen_1",
    "i-haanden_1",
    "naar-en-indsats-udgaar",
    "flyt-et-tidspunkt",
    "med-kommandoen_2",
    "i-haanden_2",
    "saadan-skriver-du-et-tidspunkt",
    "giv-en-indsats-et-nyt-id",
    "skriv-en-note",
    "markdown-paa-fem-minutter",
    "link-til-en-anden-del-af-planen",
    "billeder-pdf-er-og-tilladt-markup",
    "en-beskrivelse-til-soegemaskiner-valgfri",
    "tekst-paa-planens-egne-sider",
    "tilfoej-en-strategi",
    "importer-fra-regnearket",
    "start-fra-planen-som-den-er",
    "importer-fra-word",
    "se-siden-paa-din-egen-computer",
    "aabn-en-pull-request",
    "laes-en-fejlmeddelelse",
    "ukendt-id",
    "status-udgaaet-uden-begrundelse",
    "forkert-datoformat",
    "tabulator",
    "saadan-ser-det-ud-i-en-pull-request",
    "almindelige-fejl",
    "ordliste-og-feltoversigt",
    "felterne-paa-en-indsats",
    "felterne-i-et-punkt-i-historikken",
    "ord-du-moeder",
]

# A code example that must be on the page, in a code block, for each command.
COMMAND_EXAMPLES = [
    'planspor ny-indsats --titel "',
    "planspor status energistyring-i-kommunale-bygninger afsluttet --kommentar",
    "planspor flyt budget-i-balance --slut 2025-Q2 --kommentar",
    "planspor import plan.xlsx --tør",
    "planspor import plan.xlsx",
    "planspor import skabeloner/udmoentningsplan-eksempel.docx --tør",
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

PLANSPOR_COMMAND = re.compile(r"(?<![\w/.-])planspor\s+(?:--projekt\s+\S+\s+)?([a-zæøå][a-zæøå-]*)")


@cache
def raw_plan() -> dict[str, Any]:
    return yaml.safe_load((REPO / "data/plan.yaml").read_text(encoding="utf-8"))


def article_of(site: BuiltSite, url: str) -> Tag:
    article = site.soup(url).select_one("article")
    assert article is not None, f"{url} har ingen <article>"
    return article


@pytest.fixture(scope="module")
def guide(bundled_site: BuiltSite) -> Tag:
    """Every page of the guide, in order, as one article: what the guide says, wherever it says it."""
    whole = BeautifulSoup("<article></article>", "html.parser")
    assert whole.article is not None
    for url in PAGES:
        for child in list(article_of(bundled_site, url).children):
            whole.article.append(child)
    return whole.article


def code_blocks(guide: Tag) -> list[str]:
    return [pre.get_text() for pre in guide.select("pre")]


def code_texts(guide: Tag) -> list[str]:
    """Every piece of code in the guide: blocks and inline code."""
    return [code.get_text() for code in guide.select("code")]


# -- structure ----------------------------------------------------------------------


@pytest.mark.parametrize("url", PAGES)
def test_each_page_of_the_guide_has_its_title_one_h1_and_a_description(bundled_site: BuiltSite, url: str) -> None:
    soup = bundled_site.soup(url)
    title = PAGES[url][0]
    assert soup.title is not None and title in soup.title.get_text()
    headings = soup.select("h1")
    assert [h.get_text().rstrip("¶").strip() for h in headings] == [title]
    description = soup.select_one('meta[name="description"]')
    assert description is not None and description.get("content"), f"{url}: the front matter description is missing"


@pytest.mark.parametrize("url", PAGES)
def test_every_section_is_an_h2_with_its_danish_slug_in_order(bundled_site: BuiltSite, url: str) -> None:
    found = [(h2.get("id"), h2.get_text().rstrip("¶").strip()) for h2 in article_of(bundled_site, url).select("h2")]
    assert found == PAGES[url][1]


def test_the_guide_is_one_section_of_the_navigation_in_the_order_of_its_pages(bundled_site: BuiltSite) -> None:
    """The first page opens the section; every page lists the others, so an editor can go from one to the next."""
    for url in PAGES:
        section = next(
            item for item in bundled_site.soup(url).select("nav.md-nav--primary li.md-nav__item--nested") if "Vejledning for redaktører" in item.get_text()
        )
        links = [urljoin(url, a["href"]) for a in section.select("a.md-nav__link[href]") if "#" not in a["href"]]  # not the page's own contents
        assert list(dict.fromkeys(links)) == list(PAGES), url
    first = article_of(bundled_site, GUIDE_URL)
    listed = [urljoin(GUIDE_URL, a["href"]) for a in first.find(id="vejledningens-dele").find_next("ul").select("a")]  # type: ignore[union-attr]
    assert listed == list(PAGES)[1:], "the first page names every other page of the guide"


@pytest.mark.parametrize("url", PAGES)
def test_every_link_within_the_guide_arrives_at_a_heading(bundled_site: BuiltSite, url: str) -> None:
    links = [urljoin(url, a["href"]) for a in article_of(bundled_site, url).select("a[href]") if not a["href"].startswith(("http", "mailto:"))]
    inside = [link for link in links if link.startswith(GUIDE_URL) and "#" in link]
    assert inside or url == "/vejledning/ordliste/", f"{url} links to none of the guide's sections"
    for link in inside:
        page, anchor = link.split("#", 1)
        assert page in PAGES and article_of(bundled_site, page).find(id=anchor) is not None, f"{url}: {link}"


def test_every_anchor_of_the_one_page_guide_is_on_its_first_page_or_moved_to_a_heading(bundled_site: BuiltSite) -> None:
    first = article_of(bundled_site, GUIDE_URL)
    for anchor in ONE_PAGE_ANCHORS:
        if first.find(id=anchor) is not None:
            assert anchor not in addresses.GUIDE_MOVED_ANCHORS, anchor
            continue
        page, _, moved_to = urljoin(GUIDE_URL, addresses.GUIDE_MOVED_ANCHORS[anchor]).partition("#")
        assert page in PAGES and page != GUIDE_URL, anchor
        assert not moved_to or article_of(bundled_site, page).find(id=moved_to) is not None, f"{anchor} → {page}#{moved_to}"
    assert set(addresses.GUIDE_MOVED_ANCHORS) <= set(ONE_PAGE_ANCHORS)


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
    target = urljoin(GUIDE_URL, links[0]["href"])  # it is on the guide's first page
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


def fields_after(guide: Tag, heading_id: str) -> dict[str, str]:
    """{field: its description} from the definition list under a heading of the glossary."""
    heading = guide.find(id=heading_id)
    assert heading is not None, heading_id
    fields = heading.find_next("dl")
    assert fields is not None, heading_id
    names = [term.get_text(strip=True) for term in fields.find_all("dt")]
    texts = [" ".join(text.get_text(" ", strip=True).split()) for text in fields.find_all("dd")]
    assert len(names) == len(texts), f"every field under {heading_id} has one description"
    return dict(zip(names, texts, strict=True))


def test_the_field_list_matches_the_readme(guide: Tag) -> None:
    in_guide = {name: text.startswith("Skal udfyldes.") for name, text in fields_after(guide, "felterne-paa-en-indsats").items()}
    assert all(text.startswith(("Skal udfyldes.", "Kan udelades.")) for text in fields_after(guide, "felterne-paa-en-indsats").values())
    assert in_guide == readme_item_fields()
    assert set(in_guide) == {*plan_keys.ITEM_KEY_ORDER}, "every field an item may have, and no other"


def test_the_history_fields_are_the_ones_the_plan_allows(guide: Tag) -> None:
    fields = fields_after(guide, "felterne-i-et-punkt-i-historikken")
    assert list(fields) == [*plan_keys.HISTORY_REQUIRED, *plan_keys.HISTORY_OPTIONAL]
    assert all(fields[name].startswith("Skal udfyldes.") for name in plan_keys.HISTORY_REQUIRED)
    assert not any(fields[name].startswith("Skal udfyldes.") for name in plan_keys.HISTORY_OPTIONAL)


# -- the quoted error messages are the tool's real ones ---------------------------------

# The guide's examples are all about one item of the shipped plan; each breaks it as its heading says.
GUIDE_ITEM = "  - id: energistyring-i-kommunale-bygninger\n"


def in_guide_item(old: str, new: str) -> Callable[[str], str]:
    """Replace the first ``old`` in the guide's item (an edit the test fails on if it cannot make)."""

    def apply(text: str) -> str:
        start = text.index(GUIDE_ITEM)
        at = text.index(old, start)
        return text[:at] + new + text[at + len(old) :]

    return apply


@pytest.mark.parametrize(
    ("heading_id", "breakage"),
    [
        ("ukendt-id", in_guide_item("    theme: effektiviseringer\n", "    theme: effektivisering\n")),
        (
            "status-udgaaet-uden-begrundelse",
            in_guide_item("      - date: 2024-02-12\n        status: i-gang\n", "      - date: 2024-02-12\n        status: udgaaet\n"),
        ),
        ("forkert-datoformat", in_guide_item("      - date: 2024-02-12\n", "      - date: 12-02-2024\n")),
        ("tabulator", in_guide_item("    kind: driftsaendring\n", "\tkind: driftsaendring\n")),
    ],
)
def test_each_quoted_error_message_is_what_planspor_check_prints(guide: Tag, project: Path, heading_id: str, breakage: Callable[[str], str]) -> None:
    """Verbatim, line numbers included: the guide says "præcis som planspor check skriver dem". The
    text under the quote names the same line. When the shipped plan changes, this fails with the
    message to paste into the guide."""
    heading = guide.find(id=heading_id)
    assert heading is not None, heading_id
    quoted = heading.find_next("pre")
    assert quoted is not None
    plan_file = project / "data/plan.yaml"
    plan_file.write_text(breakage(plan_file.read_text(encoding="utf-8")), encoding="utf-8")
    result = run_planspor(project, "check")
    assert result.returncode == 1, result.stdout + result.stderr
    assert quoted.get_text().strip() == result.stderr.strip(), f"the guide's quote under '{heading_id}' is now:\n{result.stderr}"
    [line] = re.findall(r"^  - data/plan\.yaml:(\d+)", result.stderr, re.MULTILINE)
    explanation = quoted.find_next("p")  # the paragraph under the quote
    assert explanation is not None
    named = re.findall(r"linje (\d+)", explanation.get_text())
    assert named in ([], [line]), f"the text under '{heading_id}' names line {named}, the message line {line}"


# -- the guide's example commands do what the guide says --------------------------------

GUIDE_SOURCES = sorted((REPO / "content" / "vejledning").glob("*.md"))
EDITING_EXAMPLE = re.compile(r"^\s*(planspor (?:ny-indsats|status|flyt|omdøb|ny-plan) .+)$", re.MULTILINE)
UNDATED = ("omdøb", "ny-plan")  # the commands without --dato


def guide_examples() -> list[str]:
    """Every editing command the guide's code blocks show, as written there."""
    return [example for source in GUIDE_SOURCES for example in EDITING_EXAMPLE.findall(source.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("example", guide_examples())
def test_each_example_command_in_the_guide_works_on_the_shipped_plan(project: Path, example: str) -> None:
    """Run as an editor copies it (with --dato on the plan's data_as_of, as the guide's tip says;
    omdøb and ny-plan have no date): it succeeds, and the plan is still valid after it; a dry run
    (--tør) changes nothing."""
    commit(project)
    args = shlex.split(example)[1:]
    if args[0] not in UNDATED:
        args += ["--dato", str(raw_plan()["plan"]["data_as_of"])]
    result = run_planspor(project, *args)
    assert result.returncode == 0, f"{example}\n{result.stderr}"
    changed = git(project, "status", "--porcelain") != ""
    assert "Traceback" not in result.stderr and changed != ("--tør" in args)
    assert run_planspor(project, "check").returncode == 0


@pytest.mark.browser
def test_a_link_to_a_section_of_the_one_page_guide_arrives_on_its_page_in_the_browser(bundled_url: str, desktop: Any) -> None:
    page = desktop.new_page()
    try:
        page.goto(bundled_url + "vejledning/#med-kommandoen_2")  # "Med kommandoen" under "Flyt et tidspunkt"
        page.wait_for_url("**/vejledning/status/#med-kommandoen_1")
        assert page.locator("#med-kommandoen_1").is_visible()
        assert "planspor flyt" in page.locator("#med-kommandoen_1 ~ div.highlight").first.inner_text()
        page.goto(bundled_url + "vejledning/#saadan-er-planen-bygget-op")  # still on the first page: it stays
        assert page.url.endswith("/vejledning/#saadan-er-planen-bygget-op")
        page.goto(bundled_url + "vejledning/")
        page.evaluate("window.location.hash = 'ordliste-og-feltoversigt'")  # a link followed on the page itself
        page.wait_for_url("**/vejledning/ordliste/")
    finally:
        page.close()
