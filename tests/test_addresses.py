"""Who owns an address: an editor's file never silently replaces or shadows a page or file Planspor makes.

Generated pages that take an editor's text (the overview, about, search, the status table, the section
indexes, and a theme's, committee's, strategy's or goal's page) show it above their own content; every
other generated address refuses an editor's file, in `planspor check` and the build alike, naming both.
"""

from __future__ import annotations

import dataclasses
import html
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, BuiltSite, run_mkdocs_build, run_planspor
from site_addresses import public_addresses
from test_page_data import environment, render

from planspor import addresses, pages_listings
from planspor.page_fragments import SiteContext
from planspor.project import load_project

# An editor's file on a generated address, and the address the message must name.
RESERVED = [
    ("tal/index.md", "tal/"),
    ("tal.md", "tal/"),
    ("aendringer/index.md", "aendringer/"),
    ("aendringer/2024-k3.md", "aendringer/"),
    ("oekonomi.md", "oekonomi/"),
    ("rapport/index.md", "rapport/"),
    ("rapport/udvalg/oekonomiudvalget.md", "rapport/"),
    ("status/afsluttet.md", "status/"),
    ("status/side-2.md", "status/"),
    ("indsatser.md", "indsatser/"),
    ("temaer/side-2.md", "temaer/side-2/"),
    ("status.md", "status/"),
    ("om/index.md", "om/"),
    ("soeg/index.md", "soeg/"),
    ("temaer.md", "temaer/"),
    ("data/plan.csv", "data/"),
    ("data/plan.json", "data/"),
    ("feeds/aendringer.xml", "feeds/"),
    ("pagefind/pagefind.js", "pagefind/"),
    ("assets/planspor-icons.svg", "assets/planspor-icons.svg"),
    ("assets/planspor-statuses.css", "assets/planspor-statuses.css"),
]


def write(project: Path, relative: str, text: str) -> None:
    path = project / "content" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


# Written together, each file of a group must be named on its own; tal/index.md and tal.md would
# also share one address, which is another message, so tal.md is a group of its own.
GROUPS = [[entry for entry in RESERVED if entry[0] != "tal.md"], [("tal.md", "tal/")]]


@pytest.mark.parametrize("group", GROUPS, ids=["all-at-once", "tal.md"])
def test_an_editors_file_on_a_generated_address_is_refused_by_check_and_build(project: Path, tmp_path: Path, group: list[tuple[str, str]]) -> None:
    for relative, _address in group:
        write(project, relative, "Redaktørens tekst, som ellers ville erstatte planens side.\n")
    check = run_planspor(project, "check")
    assert check.returncode == 1, check.stdout + check.stderr
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode != 0, "the build must fail exactly when the check does"
    for relative, address in group:
        expected = f"content/{relative}: Filen har adressen /{address}, som Planspor bruger til "
        assert expected in check.stderr, check.stderr
        assert expected in build.stdout + build.stderr, relative
    assert check.stderr.count("Giv filen et andet navn eller en anden mappe.") == len(group), "one message per file, each said once"
    assert "Traceback" not in check.stderr + build.stdout + build.stderr
    assert not (tmp_path / "site" / "index.html").exists(), "nothing is published"


def test_the_text_page_a_misplaced_file_belongs_in_is_named(project: Path) -> None:
    write(project, "status.md", "Om tabellen.\n")
    check = run_planspor(project, "check")
    assert "content/status.md: Filen har adressen /status/, som Planspor bruger til en side, hvis tekst skal stå i content/status/index.md" in check.stderr


def test_two_editors_files_on_one_address_are_refused(project: Path, tmp_path: Path) -> None:
    write(project, "vejledning.md", "En anden vejledning.\n")
    check = run_planspor(project, "check")
    assert check.returncode == 1
    assert "Filerne content/vejledning.md og content/vejledning/index.md får begge adressen /vejledning/. Slet eller omdøb den ene." in check.stderr
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode != 0 and "får begge adressen /vejledning/" in build.stdout + build.stderr


TEXT_PAGES = [("status/index.md", "/status/"), ("temaer/index.md", "/temaer/"), ("soeg.md", "/soeg/")]


def test_addresses_that_take_text_show_it_above_their_own_content(project: Path, tmp_path: Path) -> None:
    """Each page that takes an editor's text (one build for all: each page gets its own sentence)."""
    for relative, _url in TEXT_PAGES:
        write(project, relative, f"Redaktørens indledning til {relative}.\n")
    assert run_planspor(project, "check").returncode == 0
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 0, build.stdout + build.stderr
    for relative, url in TEXT_PAGES:
        soup = BeautifulSoup((tmp_path / "site" / url.strip("/") / "index.html").read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article.md-content__inner")
        assert article is not None and f"Redaktørens indledning til {relative}." in article.get_text(), url
        others = [other for other, _ in TEXT_PAGES if other != relative]
        assert not any(f"til {other}." in article.get_text() for other in others), f"{url} shows another page's text"


def test_every_generated_page_address_is_owned_by_the_address_module(bundled_site: BuiltSite) -> None:
    """Each published page is one the module knows as Planspor's (or an editor's own page)."""
    editors = {"vejledning/", "privatliv/", *(f"vejledning/{p.stem}/" for p in (REPO / "content/vejledning").glob("*.md") if p.stem != "index")}
    for page in bundled_site.pages():
        relative = page.relative_to(bundled_site.root).as_posix()
        if relative == "404.html":
            continue
        address = relative.removesuffix("index.html")
        source = "index.md" if address == "" else address.removesuffix("/") + ".md"
        if address in editors:
            assert addresses.generated_owner(source) is None
            continue
        owned = addresses.generated_owner(source) is not None or addresses.takes_text(source) or addresses.id_folder_of(source)
        owned = owned or any(addresses.url_of(text) == address for text in addresses.TEXT_PAGES)
        assert owned, f"/{address} is published but the address module does not know it"


def test_an_address_is_derived_from_its_source_by_one_rule() -> None:
    assert addresses.url_of("index.md") == ""
    assert addresses.url_of("temaer/index.md") == "temaer/"
    assert addresses.url_of("om.md") == "om/"
    assert addresses.item("budget-i-balance") == "indsatser/budget-i-balance/"
    assert addresses.page_part_source("status/index.md", 3) == "status/side-3.md"
    assert addresses.page_part_source("temaer/skoler.md", 2) == "temaer/skoler/side-2.md"
    assert addresses.report_part_source("rapport/index.md", "skoler") == "rapport/temaer/skoler.md"
    assert addresses.report_part_source("rapport/udvalg/bu.md", "skoler") == "rapport/udvalg/bu/skoler.md"


def test_the_guide_names_every_page_that_takes_an_editors_text() -> None:
    guide = (REPO / "content" / "vejledning" / "noter.md").read_text(encoding="utf-8")
    section = guide[guide.index("### Tekst på planens egne sider") :].split("\n## ")[0]
    for src_uri in addresses.TEXT_PAGES:
        assert f"`content/{src_uri}`" in section, src_uri
    for folder in [*addresses.ID_FOLDERS, *addresses.GENERATED_FOLDERS]:
        assert f"/{folder}/" in section or f"content/{folder}/" in section, folder


# -- addresses never break: the published list, goals and statuses without items ---------------------

PUBLISHED = REPO / "tests" / "data" / "published-addresses.txt"
# The list as it stood while the bundled site held one plan (f0b94c0): what a site with one plan must still answer.
PUBLISHED_WITH_ONE_PLAN = REPO / "tests" / "data" / "published-addresses-one-plan.txt"
REFRESH = re.compile(r'<meta http-equiv="refresh" content="\d+; url=([^"]*)"')
MAX_HOPS = 3  # a forwarding page that forwards to another: allowed, but not in a loop


def published_addresses(listed: Path = PUBLISHED) -> list[str]:
    """The committed list, site-relative as site_addresses gives them ('' for the home page)."""
    lines = listed.read_text(encoding="utf-8").splitlines()
    return [line.removeprefix("/") for line in lines if line.startswith("/")]


def file_of(site: Path, address: str) -> Path:
    return site / address / "index.html" if address == "" or address.endswith("/") else site / address


def why_not_answering(site: Path, address: str, hops: int = MAX_HOPS) -> str | None:
    """None when the address answers: its file exists and, if it is a forwarding page, so does its target."""
    path = file_of(site, address)
    if not path.is_file():
        return "no such file"
    forward = REFRESH.search(path.read_text(encoding="utf-8", errors="replace")) if path.name == "index.html" else None
    if forward is None:
        return None
    target = html.unescape(forward.group(1))
    if urlsplit(target).scheme:
        return None  # another site (the accessibility statement): not ours to check
    if hops == 0:
        return "forwards in a loop"
    moved = urlsplit(urljoin("/" + address, target)).path.lstrip("/")
    reason = why_not_answering(site, moved, hops - 1)
    return None if reason is None else f"forwards to /{moved}, which does not answer ({reason})"


def unanswered(site: Path, wanted: list[str]) -> list[str]:
    reasons = ((address, why_not_answering(site, address)) for address in wanted)
    return [f"/{address}: {reason}" for address, reason in reasons if reason is not None]


def test_every_address_ever_published_still_answers(bundled_site: BuiltSite) -> None:
    """Each address of tests/data/published-addresses.txt is a page, a file, or a page that forwards to one.

    An address that fails here was saved by someone: give it a forwarding page (as an item's
    previous_ids do), never take it off the list. New addresses: python -m devtools.list_addresses."""
    wanted = published_addresses()
    assert len(wanted) > 100 and {"", "status/", "data/plan.json", "sitemap.xml"} <= set(wanted), "the list was read"
    missing = unanswered(bundled_site.root, wanted)
    assert missing == [], f"{len(missing)} published addresses no longer answer:\n" + "\n".join(missing)


def test_the_published_list_check_names_a_vanished_page_and_a_broken_forward(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for relative, text in [
        ("index.html", "<h1>Forside</h1>"),
        ("om/index.html", '<meta http-equiv="refresh" content="0; url=../planen/">'),
        ("gammel/index.html", '<meta http-equiv="refresh" content="0; url=../om/">'),
        ("ude/index.html", '<meta http-equiv="refresh" content="0; url=https://example.org/erklaering">'),
        ("data/plan.csv", "id;titel\n"),
        ("assets/x.3f2a.css", ""),
        ("pagefind/pagefind.js", ""),
        ("404.html", ""),
    ]:
        (site / relative).parent.mkdir(parents=True, exist_ok=True)
        (site / relative).write_text(text, encoding="utf-8")
    assert public_addresses(site) == ["", "data/plan.csv", "gammel/", "om/", "ude/"]
    assert unanswered(site, ["", "data/plan.csv", "ude/", "om/", "gammel/", "data/plan.json"]) == [
        "/om/: forwards to /planen/, which does not answer (no such file)",
        "/gammel/: forwards to /om/, which does not answer (forwards to /planen/, which does not answer (no such file))",
        "/data/plan.json: no such file",
    ]


def test_every_un_goal_has_its_page_and_one_no_item_names_says_so(bundled_site: BuiltSite) -> None:
    plan = load_project(REPO).plan
    in_use = {s.number for s in plan.sdgs_in_use()}
    unused = [n for n in range(1, 18) if n not in in_use]
    assert unused, "the bundled plan has goals it does not name"
    for number in range(1, 18):
        assert bundled_site.path(f"/verdensmaal/{number}/").is_file(), number
    soup = bundled_site.soup(f"/verdensmaal/{unused[0]}/")
    text = " ".join(soup.select_one("article").get_text(" ").split())
    assert f"Verdensmål {unused[0]} er ikke blandt de mål, strategien har udpeget, og ingen af planens indsatser bidrager til det lige nu." in text
    assert soup.select("table.ps-table") == [] and soup.select(".ps-progress") == []
    assert soup.select("[data-pagefind-body]") == [], "a goal the plan does not name is not a search result"
    index = bundled_site.soup("/verdensmaal/")
    listed = {a["href"] for a in index.select(".ps-card__title a")}
    assert listed == {f"{n}/" for n in in_use}, "the cards are the goals with something to show"
    others = [a["href"] for a in index.select("section[aria-labelledby=andre-maal] li a")]
    assert others == [f"{n}/" for n in unused], "the other goals are listed after the cards, so every page is reached by a link"


def test_a_status_no_item_has_keeps_its_view_which_says_so() -> None:
    """The bundled plan's statuses all have items: here every item that has 'forsinket' moves on to 'i-gang'."""
    project = load_project(REPO)
    plan = project.plan
    late, going = (next(s for s in plan.statuses if s.id == ident) for ident in ("forsinket", "i-gang"))
    items = tuple(dataclasses.replace(i, history=(*i.history, dataclasses.replace(i.history[-1], status=going))) if i.status == late else i for i in plan.items)
    assert items != plan.items
    moved = dataclasses.replace(project, plan=dataclasses.replace(plan, items=items, items_by_id={i.id: i for i in items}))
    sources = {s.src_uri: s for s in pages_listings.status_table(SiteContext(moved))}
    env = environment()
    view = BeautifulSoup(render(env, sources["status/forsinket.md"]), "html.parser")
    assert " ".join(view.get_text(" ").split()).startswith("Indsatser med status Forsinket Ingen af planens indsatser har status Forsinket lige nu.")
    assert view.select("table, form") == []
    table = BeautifulSoup(render(env, sources["status/index.md"]), "html.parser")
    chips = [a.get_text() for a in table.select("nav.ps-views a")]
    assert chips and not any(chip.startswith("Forsinket") for chip in chips), "no link leads to an empty view"
    assert "Forsinket" in [o.get_text() for o in table.select("select#ps-filter-status option")]
