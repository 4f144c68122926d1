"""`planspor omdøb`: a new id for an item, and nothing that named the old one is lost or broken.

Each test runs the command as an editor would on a committed copy of the bundled project and
reads what git sees changed: only the lines that name the id, the note moved, the old address
kept as a previous id (a redirect on the site).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import run_mkdocs_build, run_planspor
from test_editing import commit, diff_lines, git, hand, ok, refused  # noqa: F401 (hand: a fixture)

from planspor.editing import Change, save_change
from planspor.problems import PlanInvalid

PLAN_FILE = "data/plan.yaml"
NOTE = "content/items/budget-i-balance.md"


@pytest.fixture()
def repo(project: Path) -> Path:
    commit(project)
    return project


def changed_files(project: Path) -> list[str]:
    git(project, "add", "-A")
    return git(project, "diff", "--cached", "--name-status", "-M", "HEAD").splitlines()


def file_diff(project: Path, relative: str) -> tuple[list[str], list[str]]:
    diff = git(project, "diff", "--cached", "-M", "-U0", "--no-color", "HEAD", "--", relative)
    added = [line[1:] for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]
    removed = [line[1:] for line in diff.splitlines() if line.startswith("-") and not line.startswith("---")]
    return added, removed


def test_rename_changes_only_the_lines_that_name_the_id(hand: Path) -> None:  # noqa: F811
    """A hand-formatted plan, related: as a block list, a note saved by Word (BOM, CRLF) with an
    inline link, a reference link with an anchor and the id in code, which stays as written."""
    plan = hand / PLAN_FILE
    text = plan.read_text(encoding="utf-8")
    text = text.replace(
        "    related: [automatisering-af-rutineopgaver]\n", "    related:\n      - automatisering-af-rutineopgaver\n      - budget-i-balance\n", 1
    )
    plan.write_text(text, encoding="utf-8")
    note = hand / "content/items/raaderumsanalyse.md"
    lines = note.read_text(encoding="utf-8").split("\n")
    lines += ["Se [afsnittet][b] og skriv `indsats:budget-i-balance` i en note.", "", "[b]: indsats:budget-i-balance#saadan-arbejder-vi-med-det", ""]
    note.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode("utf-8"))
    ok(run_planspor(hand, "check"))
    commit(hand)

    out = ok(run_planspor(hand, "omdøb", "budget-i-balance", "budget-i-balance-paa-velfaerdsomraaderne"))
    assert out.splitlines()[0] == "budget-i-balance hedder nu budget-i-balance-paa-velfaerdsomraaderne"
    assert "content/items/budget-i-balance.md → content/items/budget-i-balance-paa-velfaerdsomraaderne.md" in out
    assert "content/items/raaderumsanalyse.md: 2 links til indsats:budget-i-balance rettet" in out
    assert sorted(changed_files(hand)) == sorted(
        [
            "M\tcontent/items/raaderumsanalyse.md",
            "M\tcontent/vejledning/index.md",
            "M\tdata/plan.yaml",
            "R100\tcontent/items/budget-i-balance.md\tcontent/items/budget-i-balance-paa-velfaerdsomraaderne.md",
        ]
    )
    added, removed = file_diff(hand, PLAN_FILE)
    assert removed == ["  - id: budget-i-balance", "    related: [budget-i-balance]", "      - budget-i-balance"]
    assert added == [
        "  - id: budget-i-balance-paa-velfaerdsomraaderne",
        "    previous_ids: [budget-i-balance]",
        "    related: [budget-i-balance-paa-velfaerdsomraaderne]",
        "      - budget-i-balance-paa-velfaerdsomraaderne",
    ]
    raw = note.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\r\n") == len(lines) - 1 and b"\n" not in raw.replace(b"\r\n", b"")
    added, removed = file_diff(hand, "content/items/raaderumsanalyse.md")
    assert [line.rstrip("\r") for line in added] == [
        lines[10].replace("indsats:budget-i-balance)", "indsats:budget-i-balance-paa-velfaerdsomraaderne)"),
        "[b]: indsats:budget-i-balance-paa-velfaerdsomraaderne#saadan-arbejder-vi-med-det",
    ]
    assert [line.rstrip("\r") for line in removed] == [lines[10], "[b]: indsats:budget-i-balance#saadan-arbejder-vi-med-det"]
    assert "`indsats:budget-i-balance`" in raw.decode("utf-8")  # in code: as the editor wrote it
    ok(run_planspor(hand, "check"))


def test_the_old_addresses_answer_and_the_note_follows(repo: Path, tmp_path: Path) -> None:
    """An item renamed before (previous_ids: [lokaleoptimering]) renamed again: both old addresses
    forward to the new page, which shows the note."""
    out = ok(run_planspor(repo, "omdøb", "bedre-udnyttelse-af-lokaler", "lokaler-til-flere"))
    assert "bedre-udnyttelse-af-lokaler hedder nu lokaler-til-flere" in out
    added, removed = diff_lines(repo)
    assert ("    previous_ids: [lokaleoptimering]" in removed) and ("    previous_ids: [lokaleoptimering, bedre-udnyttelse-af-lokaler]" in added)
    built = run_mkdocs_build(repo, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    note_text = (repo / "content/items/lokaler-til-flere.md").read_text(encoding="utf-8").split("\n")[0][:40]
    page = (tmp_path / "site/indsatser/lokaler-til-flere/index.html").read_text(encoding="utf-8")
    assert note_text in page
    for old in ("lokaleoptimering", "bedre-udnyttelse-af-lokaler"):
        redirect = (tmp_path / f"site/indsatser/{old}/index.html").read_text(encoding="utf-8")
        assert re.search(r'<meta http-equiv="refresh" content="0; url=[^"]*lokaler-til-flere/"', redirect), redirect[:500]


def test_a_flow_item_is_renamed_in_its_line(hand: Path) -> None:  # noqa: F811
    ok(run_planspor(hand, "omdøb", "flow-indsats", "indsats-paa-en-linje"))
    added, removed = diff_lines(hand)
    assert [line for line in removed] == [
        "  - {id: flow-indsats, title: 'Flow: på én linje', theme: effektiviseringer, kind: driftsaendring, committees: [oekonomiudvalget], strategic: false, history: [{date: 2024-01-10, status: i-gang}]}"
    ]
    assert added == [
        "  - {id: indsats-paa-en-linje, title: 'Flow: på én linje', theme: effektiviseringer, kind: driftsaendring, committees: [oekonomiudvalget], strategic: false, history: [{date: 2024-01-10, status: i-gang}], previous_ids: [flow-indsats]}"
    ]
    ok(run_planspor(hand, "check"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["budget-i-balance", "raaderumsanalyse"], r"\[nyt-id\]: Id'et 'raaderumsanalyse' er allerede brugt \(som id for 'raaderumsanalyse'\)"),
        (
            ["budget-i-balance", "lokaleoptimering"],
            r"\[nyt-id\]: Id'et 'lokaleoptimering' er allerede brugt \(som tidligere id for 'bedre-udnyttelse-af-lokaler'\)",
        ),
        (
            ["bedre-udnyttelse-af-lokaler", "lokaleoptimering"],
            r"\[nyt-id\]: 'lokaleoptimering' er et tidligere id for 'bedre-udnyttelse-af-lokaler'.*aldrig genbruges",
        ),
        (["budget-i-balance", "budget-i-balance"], r"\[nyt-id\]: Indsatsen hedder allerede 'budget-i-balance'"),
        (["budget-i-balance", "Budget i Balance"], r"\[nyt-id\]: Id'et 'Budget i Balance' er ikke tilladt.*fx 'budget-i-balance'"),
        (["budget-i-balance", "-".join(["budget"] * 9)], r"\[nyt-id\]: Id'et er 62 tegn langt; højst 60 er tilladt"),
        (
            ["lokaleoptimering", "lokaler"],
            r"\[id\]: 'lokaleoptimering' er et tidligere id for 'bedre-udnyttelse-af-lokaler'.*planspor omdøb bedre-udnyttelse-af-lokaler lokaler",
        ),
        (["findes-ikke", "ny"], r"\[id\]: Indsatsen 'findes-ikke' findes ikke i planen"),
    ],
    ids=["current id", "another item's previous id", "its own previous id", "the same id", "not an id", "too long", "a previous id given", "unknown"],
)
def test_rename_refuses_and_changes_nothing(repo: Path, args: list[str], message: str) -> None:
    stderr = refused(run_planspor(repo, "omdøb", *args), repo)
    assert re.search(message, stderr), stderr


def test_a_dry_run_tells_and_writes_nothing(repo: Path) -> None:
    out = ok(run_planspor(repo, "omdøb", "budget-i-balance", "balance-i-budgettet", "--tør"))
    assert out.startswith("Prøvekørsel (--tør): intet er gemt.") and "content/items/budget-i-balance.md → content/items/balance-i-budgettet.md" in out
    assert git(repo, "status", "--porcelain") == ""


def test_a_project_invalid_after_the_rename_is_put_back(repo: Path) -> None:
    """save_change writes the plan, the moved note and the rewritten files, checks the project on
    disk, and puts every file back when it is not valid (here: a note the site may not publish)."""
    before = {path: path.read_bytes() for path in (repo / "content").rglob("*") if path.is_file()} | {repo / PLAN_FILE: (repo / PLAN_FILE).read_bytes()}
    from planspor.renaming import plan_rename

    change = plan_rename(repo, "budget-i-balance", "nyt-id-her")
    broken = Change(
        change.plan_text,
        change.messages,
        change.new_files,
        change.original,
        {**change.changed_files, "content/items/raaderumsanalyse.md": "Tekst <script>alert(1)</script>\n"},
        change.removed_files,
    )
    with pytest.raises(PlanInvalid) as raised:
        save_change(repo, broken)
    assert any("lagt tilbage" in problem.message for problem in raised.value.problems)
    after = {path: path.read_bytes() for path in (repo / "content").rglob("*") if path.is_file()} | {repo / PLAN_FILE: (repo / PLAN_FILE).read_bytes()}
    assert after == before


def test_a_note_left_behind_is_told_how_to_follow_its_item(repo: Path) -> None:
    """Renamed by hand (the note not moved) or taken out of the plan: the message never says to delete the note."""
    plan = repo / PLAN_FILE
    text = plan.read_text(encoding="utf-8")
    text = text.replace("  - id: budget-i-balance\n", "  - id: balance-i-budgettet\n", 1).replace("    related: [budget-i-balance]\n", "    related: []\n", 1)
    renamed = "  - id: balance-i-budgettet\n"
    assert renamed in text
    text = text.replace(renamed, renamed + "    previous_ids: [budget-i-balance]\n", 1)
    plan.write_text(text, encoding="utf-8")
    for page in ("content/items/raaderumsanalyse.md", "content/vejledning/index.md"):
        path = repo / page
        path.write_text(path.read_text(encoding="utf-8").replace("indsats:budget-i-balance)", "indsats:balance-i-budgettet)"), encoding="utf-8")
    result = run_planspor(repo, "check")
    assert result.returncode == 1
    assert (
        f"  - {NOTE}: Noten hører til indsatsen 'budget-i-balance', som nu hedder 'balance-i-budgettet'. "
        "Giv noten indsatsens nye id som navn: content/items/balance-i-budgettet.md, så følger den med."
    ) in result.stderr.splitlines()
    (repo / "content/items/findes-ikke.md").write_text("En note.\n", encoding="utf-8")
    result = run_planspor(repo, "check")
    [message] = [line for line in result.stderr.splitlines() if line.startswith("  - content/items/findes-ikke.md")]
    assert "planspor omdøb <gammelt-id> <nyt-id>" in message and "status udgaaet" in message and "slet" not in message.lower()
