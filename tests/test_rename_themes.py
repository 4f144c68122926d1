"""A theme or committee renamed (in a new plan, with `planspor omdøb tema|udvalg`) keeps its old addresses.

The old id goes into the theme's or committee's ``previous_ids``: the site keeps a forwarding page at
each old address, the theme's feed answers at its old address, the nginx recipe sends them on with
301, links by the old id still arrive, and `check --sammenlign-med` sees nothing vanish.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import run_mkdocs_build, run_planspor
from test_editing import commit, git, ok, refused

PLAN = "data/plan.yaml"
THEME, NEW_THEME = "skoler-og-dagtilbud", "skoler"
COMMITTEE, NEW_COMMITTEE = "oekonomiudvalget", "oekonomi"


@pytest.fixture()
def repo(project: Path) -> Path:
    commit(project)
    return project


def line_of(project: Path, text: str) -> int:
    return (project / PLAN).read_text(encoding="utf-8").splitlines().index(text) + 1


def edit_plan(project: Path, old: str, new: str) -> None:
    path = project / PLAN
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def forwards_to(page: Path) -> str:
    """Where a forwarding page sends the reader (its refresh target), or fails."""
    html = page.read_text(encoding="utf-8")
    found = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]*)"', html)
    assert found and "Siden har fået en ny adresse" in html, html[:400]
    return found[1]


# -- the plan's rules -------------------------------------------------------------------


def test_previous_ids_on_themes_and_committees_follow_the_rules_of_an_items(project: Path) -> None:
    edit_plan(project, "  - id: effektiviseringer\n", f"  - id: effektiviseringer\n    previous_ids: [Effektiv, oekonomisk-politik, {'x' * 201}]\n")
    edit_plan(project, "  - id: beskaeftigelsesudvalget\n", "  - id: beskaeftigelsesudvalget\n    previous_ids: [arbejde]\n")
    edit_plan(project, "  - id: oekonomiudvalget\n", "  - id: oekonomiudvalget\n    previous_ids: [arbejde]\n")
    result = run_planspor(project, "check")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    theme = line_of(project, "  - id: effektiviseringer") + 1
    first = line_of(project, "  - id: oekonomisk-politik")
    committee = line_of(project, "  - id: beskaeftigelsesudvalget") + 1
    claimed = line_of(project, "  - id: oekonomiudvalget") + 1
    assert f"{PLAN}:{theme} [themes[2].previous_ids[1]]: Det tidligere id 'Effektiv' er ikke et gyldigt id." in result.stderr
    assert (
        f"{PLAN}:{theme} [themes[2].previous_ids[2]]: Id'et 'oekonomisk-politik' (tidligere id) er allerede brugt som id i linje {first}. "
        "Et id må aldrig genbruges; vælg et nyt."
    ) in result.stderr
    assert f"{PLAN}:{theme} [themes[2].previous_ids[3]]: Det tidligere id er 201 tegn langt; højst 200 kan bruges" in result.stderr
    assert (
        f"{PLAN}:{committee} [committees[6].previous_ids[1]]: Id'et 'arbejde' (tidligere id) er allerede brugt som tidligere id i linje {claimed}."
    ) in result.stderr
    assert "Planen har 4 problemer" in result.stderr


def test_a_text_left_at_the_old_name_is_told_the_new_one(project: Path) -> None:
    """Renamed by hand, the theme's text is still at its old name: the message says where it goes."""
    path = project / PLAN
    text = path.read_text(encoding="utf-8").replace(f"theme: {THEME}\n", f"theme: {NEW_THEME}\n")
    path.write_text(text.replace(f"  - id: {THEME}\n", f"  - id: {NEW_THEME}\n    previous_ids: [{THEME}]\n"), encoding="utf-8")
    result = run_planspor(project, "check")
    assert result.returncode == 1
    assert (
        f"content/temaer/{THEME}.md: Teksten hører til tema '{THEME}', som nu hedder '{NEW_THEME}'. "
        f"Giv filen det nye id som navn: content/temaer/{NEW_THEME}.md, så følger den med."
    ) in result.stderr


# -- the command ------------------------------------------------------------------------


def test_the_dry_run_changes_nothing_and_a_taken_id_is_refused(repo: Path) -> None:
    out = ok(run_planspor(repo, "omdøb", "tema", THEME, NEW_THEME, "--tør"))
    assert out.splitlines()[:3] == [
        "Prøvekørsel (--tør): intet er gemt. Disse ændringer ville blive lavet:",
        f"  Temaet {THEME} hedder nu {NEW_THEME}",
        f"    data/plan.yaml: nyt id; '{THEME}' tilføjet under previous_ids, så de gamle adresser sender videre",
    ]
    assert f"content/temaer/{THEME}.md → content/temaer/{NEW_THEME}.md" in out
    assert git(repo, "status", "--porcelain") == ""
    stderr = refused(run_planspor(repo, "omdøb", "udvalg", COMMITTEE, "beskaeftigelsesudvalget"), repo)
    assert (
        f"{PLAN}:{line_of(repo, '  - id: ' + COMMITTEE)} [nyt-id]: Id'et 'beskaeftigelsesudvalget' er allerede brugt under committees: "
        "(som id for 'beskaeftigelsesudvalget')."
    ) in stderr
    stderr = refused(run_planspor(repo, "omdøb", "tema", "skoler", "x"), repo)
    assert "Der er intet tema med id'et 'skoler' under themes: i planen." in stderr


def test_a_renamed_theme_and_committee_keep_every_old_address(repo: Path, tmp_path: Path) -> None:
    """Renamed with the command, the project builds with forwarding pages at the old addresses, the
    old feed answering, a link by the old id arriving, and the comparison with the commit before passing;
    without previous_ids the comparison names what would vanish."""
    ok(run_planspor(repo, "omdøb", "tema", THEME, NEW_THEME))
    out = ok(run_planspor(repo, "omdøb", "udvalg", COMMITTEE, NEW_COMMITTEE))
    assert "data/plan.yaml: rettet i committees: hos" in out and "data/plan.yaml: rettet i body: hos 1 beslutning" in out
    git(repo, "add", "-A")
    assert f"R100\tcontent/temaer/{THEME}.md\tcontent/temaer/{NEW_THEME}.md" in git(repo, "diff", "--cached", "--name-status", "-M", "HEAD")
    plan = (repo / PLAN).read_text(encoding="utf-8")
    assert f"theme: {THEME}\n" not in plan and f"[{COMMITTEE}," not in plan and f"body: {COMMITTEE}\n" not in plan
    assert f"  - id: {NEW_THEME}\n    title: Skoler og dagtilbud\n    previous_ids: [{THEME}]\n" in plan
    assert "tema:skoler)" in (repo / "content/items/udearealer-i-dagtilbud.md").read_text(encoding="utf-8")
    # An editor writes the old ids in a note afterwards: they still name the theme and the committee.
    note = repo / "content/items/budget-i-balance.md"
    note.write_text(note.read_text(encoding="utf-8") + f"\nSe [temaet](tema:{THEME}) og [udvalget](udvalg:{COMMITTEE}).\n", encoding="utf-8")
    ok(run_planspor(repo, "check"))
    ok(run_planspor(repo, "check", "--sammenlign-med", "HEAD"))

    site = tmp_path / "site"
    result = run_mkdocs_build(repo, site)
    assert result.returncode == 0, result.stderr
    assert forwards_to(site / f"temaer/{THEME}/index.html") == f"../{NEW_THEME}/"
    assert forwards_to(site / f"udvalg/{COMMITTEE}/index.html") == f"../{NEW_COMMITTEE}/"
    assert forwards_to(site / f"rapport/udvalg/{COMMITTEE}/index.html") == f"../{NEW_COMMITTEE}/"
    assert (site / f"temaer/{NEW_THEME}/index.html").is_file() and (site / f"udvalg/{NEW_COMMITTEE}/index.html").is_file()
    old_feed = (site / f"feeds/temaer/{THEME}.xml").read_text(encoding="utf-8")
    assert old_feed == (site / f"feeds/temaer/{NEW_THEME}.xml").read_text(encoding="utf-8")
    assert f'rel="self" type="application/atom+xml" href="http://127.0.0.1:8000/feeds/temaer/{NEW_THEME}.xml"' in old_feed
    page = (site / "indsatser/budget-i-balance/index.html").read_text(encoding="utf-8")
    assert f'<a href="../../temaer/{NEW_THEME}/">temaet</a>' in page and f'<a href="../../udvalg/{NEW_COMMITTEE}/">udvalget</a>' in page

    redirects = ok(run_planspor(repo, "omdirigeringer"))
    for old, new in [
        (f"/temaer/{THEME}/", f"/temaer/{NEW_THEME}/"),
        (f"/feeds/temaer/{THEME}.xml", f"/feeds/temaer/{NEW_THEME}.xml"),
        (f"/udvalg/{COMMITTEE}/", f"/udvalg/{NEW_COMMITTEE}/"),
        (f"/rapport/udvalg/{COMMITTEE}/", f"/rapport/udvalg/{NEW_COMMITTEE}/"),
    ]:
        assert f"location = {old} {{ return 301 {new}; }}" in redirects

    edit_plan(repo, f"    previous_ids: [{THEME}]\n", "")
    note.write_text(note.read_text(encoding="utf-8").replace(f"tema:{THEME}", f"tema:{NEW_THEME}"), encoding="utf-8")
    result = run_planspor(repo, "check", "--sammenlign-med", "HEAD")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"Temaet '{THEME}' (Skoler og dagtilbud) er ikke i planen længere, men var der i 'HEAD'. Dets side, /temaer/{THEME}/" in result.stderr
