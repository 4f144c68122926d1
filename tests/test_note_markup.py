"""Notes and editors' pages: what they render to is checked, and `planspor check` agrees with the build (issue 13).

A table of realistic mistakes, each appended to a note (content/items/budget-i-balance.md) or to
an editor's page (content/om.md) of a copy of the bundled project. Each must be refused in Danish
at its file and line, by `planspor check` and by `mkdocs build --strict` alike, and the build must
not reach MkDocs' own English warnings. What an editor may write stays allowed, in both.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import copy_project, run_mkdocs_build, run_planspor
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planspor.problems import PlanInvalid, Problem
from planspor.project import load_project
from planspor.site_markdown import markdown_settings

NOTE = "content/items/budget-i-balance.md"
PAGE = "content/om.md"
BIG = 6 * 1024 * 1024


@dataclass(frozen=True)
class Case:
    name: str
    text: str  # appended to the file
    message: str  # part of the Danish message
    file: str = NOTE
    line: int | None = 1  # the line within `text` the message names
    field: str = "html"


CASES = [
    # Markup that runs code or fetches from other hosts
    Case("script", "<script>alert(1)</script>", "<script> er ikke tilladt"),
    Case("script-with-src-in-text", 'Tekst <script src="x.js"></script> mere.', "<script> er ikke tilladt"),
    Case("onclick", '<p onclick="steal()">Klik her</p>', "'onclick' kører et script"),
    Case("onclick-upper-case", '<p ONCLICK="steal()">Klik</p>', "'onclick' kører et script"),
    Case("onmouseover", 'Se <span onmouseover="x()">her</span>.', "'onmouseover' kører et script"),
    Case("onerror-on-image", '<img src="../filer/kort.png" alt="Kort" onerror="x()">', "'onerror' kører et script"),
    Case("javascript-link-html", '<a href="javascript:alert(1)">klik</a>', "'javascript:' er ikke tilladt", field="link"),
    Case("javascript-link-mixed-case", '<a href="JavaScript:alert(1)">klik</a>', "'javascript:' er ikke tilladt", field="link"),
    Case("javascript-link-markdown", "[klik](javascript:alert(1))", "javascript:", field="link"),
    Case("vbscript-link", '<a href="vbscript:msgbox(1)">x</a>', "'vbscript:' er ikke tilladt", field="link"),
    Case("data-link", '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', "'data:' er ikke tilladt", field="link"),
    Case("youtube-iframe", '<iframe src="https://www.youtube.com/embed/abc"></iframe>', "<iframe> er ikke tilladt"),
    Case("object", '<object data="film.swf"></object>', "<object> er ikke tilladt"),
    Case("embed", '<embed src="film.swf">', "<embed> er ikke tilladt"),
    Case("video", '<video src="https://cdn.example.com/v.mp4"></video>', "<video> er ikke tilladt"),
    Case("svg-onload", '<svg onload="x()"></svg>', "<svg> er ikke tilladt"),
    Case("image-map", '<map name="m"><area href="javascript:x()"></map>', "<map> er ikke tilladt"),
    Case("style-element", "<style>h2 { color: red }</style>", "<style> er ikke tilladt"),
    Case("stylesheet-link", '<link rel="stylesheet" href="https://cdn.example.com/x.css">', "<link> er ikke tilladt"),
    Case("meta-refresh", '<meta http-equiv="refresh" content="0;url=https://example.com">', "<meta> er ikke tilladt"),
    Case("base", '<base href="https://example.com/">', "<base> er ikke tilladt"),
    Case("form", '<form action="https://example.com"><input name="q"></form>', "<form> er ikke tilladt"),
    Case("style-attribute", '<span style="color: red">rød</span>', "'style' er ikke tilladt"),
    Case("target-attribute", '<a href="https://example.com" target="_blank">x</a>', "Attributten 'target' er ikke tilladt på <a>"),
    Case("attr-list-onclick", 'Et afsnit\n{ onclick="steal()" }', "'onclick' kører et script", line=2),
    Case("attr-list-style", '## Afsnit { style="display:none" }', "'style' er ikke tilladt"),
    Case("image-from-cdn", "![Kort](https://cdn.example.com/kort.png)", "hentes fra cdn.example.com", field="billede"),
    Case("image-html-from-host", '<img src="http://maps.example.com/k.png" alt="Kort">', "hentes fra maps.example.com", field="billede"),
    Case("image-protocol-relative", "![Kort](//cdn.example.com/k.png)", "hentes fra cdn.example.com", field="billede"),
    Case("image-map-service", "![Kort](https://maps.example.com/static?x=1)", "hentes fra maps.example.com", field="billede"),
    Case("image-reference-from-host", "![Kort][k]\n\n[k]: https://cdn.example.com/k.png", "hentes fra cdn.example.com", line=3, field="billede"),
    # Links and images to files that are not there, or not in the project
    Case("missing-pdf", "[Planen](../filer/plan-2024.pdf)", "content/filer/plan-2024.pdf, som ikke findes", field="link"),
    Case("missing-image", "![Kort](../filer/kort-mangler.png)", "content/filer/kort-mangler.png, som ikke findes", field="billede"),
    Case("missing-page", "[Om planen](../om-planen.md)", "content/om-planen.md, som ikke findes", field="link"),
    Case("missing-html-link", '<a href="../filer/mangler.pdf">planen</a>', "content/filer/mangler.pdf, som ikke findes", field="link"),
    Case("missing-reference", "Se [planen][p].\n\n[p]: ../filer/mangler.pdf", "som ikke findes", line=3, field="link"),
    Case("absolute-link", "[Planen](/dokumenter/plan.pdf)", "begynder med '/'", field="link"),
    Case("absolute-image", "![Kort](/filer/kort.png)", "begynder med '/'", field="billede"),
    Case("absolute-page", "[Status](/status/)", "begynder med '/'", field="link"),
    Case("windows-image", "![Kort](C:\\Users\\anna\\kort.png)", "sti på din egen computer", field="billede"),
    Case("windows-link-slashes", "[Bilag](C:/Users/anna/bilag.pdf)", "sti på din egen computer", field="link"),
    Case("windows-relative", "[Bilag](..\\filer\\plan.pdf)", "sti på din egen computer", field="link"),
    Case("file-scheme", "[Bilag](file:///C:/bilag.pdf)", "file:", field="link"),
    Case("above-content", "[Læs mig](../../README.md)", "uden for content/", field="link"),
    Case("above-content-image", "![Logo](../../theme_overrides/assets/images/favicon.svg)", "uden for content/", field="billede"),
    Case("plain-item-path", "[Se](../indsatser/budget-i-balance.md)", "indsats:budget-i-balance", field="link"),
    Case("plain-theme-path", "[Temaet](../temaer/oekonomisk-politik.md)", "tema:oekonomisk-politik", field="link"),
    Case("anchor-missing-on-the-page", "Se [afsnittet](#findes-ikke).", "'#findes-ikke' på denne side", field="link"),
    Case("anchor-missing-on-a-page", "Se [afsnittet](../om.md#findes-ikke).", "'#findes-ikke' på siden om.md", field="link"),
    Case(
        "anchor-missing-on-an-item",
        "[Se](indsats:automatisering-af-rutineopgaver#findes-ikke)",
        "på siden indsatser/automatisering-af-rutineopgaver.md",
        field="link",
    ),
    Case("unknown-id-close-to-one", "[Se](indsats:budget-i-balanse)", "Mente du 'budget-i-balance'?", field="link"),
    Case("unknown-theme-close-to-one", "[Temaet](tema:oekonomisk-politk)", "Mente du 'oekonomisk-politik'?", field="link"),
    Case("unknown-id", "[Se](indsats:noget-helt-andet)", "som ikke findes i planen", field="link"),
    # Raw HTML is published as written: a plan link in it would not become the page's address.
    Case("html-link-to-an-item", '<a href="indsats:raaderumsanalyse">Analysen</a>', "Skriv det som Markdown: [tekst](indsats:raaderumsanalyse)", field="link"),
    Case("html-link-single-quotes", "Se <a href='tema:effektiviseringer'>temaet</a>.", "Skriv det som Markdown: [tekst](tema:effektiviseringer)", field="link"),
    Case("html-link-spaced", '<a class="x" href = "udvalg:oekonomiudvalget">Udvalget</a>', "[tekst](udvalg:oekonomiudvalget)", field="link"),
    Case("other-note", "[Se også](automatisering-af-rutineopgaver.md)", "indsats:automatisering-af-rutineopgaver", field="link"),
    # Images without alt text, files too large
    Case("image-without-alt", "![](../filer/kort.png)", "mangler en alternativ tekst", field="billede"),
    Case("image-blank-alt", "![ ](../filer/kort.png)", "mangler en alternativ tekst", field="billede"),
    Case("image-html-without-alt", '<img src="../filer/kort.png">', "mangler en alternativ tekst", field="billede"),
    Case("pdf-too-large", "[Rapporten](../filer/stor.pdf)", "fylder 6.0 MB; højst 5 MB", field="link"),
    Case("image-too-large", "![Luftfoto](../filer/stort-foto.jpg)", "fylder 6.0 MB; højst 5 MB", field="billede"),
    # Files next to the notes, where the site never looks
    Case("image-next-to-notes", "", "skal ligge i content/filer/", file="content/items/kort.png", line=None, field=""),
    Case("pdf-next-to-notes", "", "skal ligge i content/filer/", file="content/items/bilag.pdf", line=None, field=""),
    Case("svg-next-to-notes", "", "skal ligge i content/filer/", file="content/items/diagram.svg", line=None, field=""),
    # What GitHub's preview shows one way and the site another, or a text the page hides but its HTML shows
    Case("list-under-a-line", "Vi gør tre ting:\n- en analyse\n- en plan", "Sæt en tom linje over listen", line=2, field="liste"),
    Case("star-list-under-a-line", "Vi gør tre ting:\n* en analyse\n* en plan", "Sæt en tom linje over listen", line=2, field="liste"),
    Case("numbered-list-under-a-line", "Trinene er:\n1. først\n2. derefter", "Sæt en tom linje over listen", line=2, field="liste"),
    Case("sub-item-two-spaces", "- et punkt\n  - et underpunkt\n- et punkt mere", "Ryk det 4 mellemrum ind", line=2, field="liste"),
    Case("sub-item-three-spaces", "1. et trin\n   - en detalje", "Ryk det 4 mellemrum ind", line=2, field="liste"),
    Case("numbered-sub-item-two-spaces", "- et punkt\n  1. første underpunkt", "Ryk det 4 mellemrum ind", line=2, field="liste"),
    Case("table-row-extra-cell", "| År | Beløb |\n|---|---|\n| 2024 | 0 | ekstra |", "Rækken har 3 celler, men tabellen har 2 kolonner", line=3, field="tabel"),
    Case(
        "table-row-missing-cell",
        "| År | Beløb | Note |\n|---|---|---|\n| 2024 | 0 |",
        "Rækken har 2 celler, men tabellen har 3 kolonner",
        line=3,
        field="tabel",
    ),
    Case("table-under-a-line", "Beløbene:\n| År | Beløb |\n|---|---|\n| 2024 | 0 |", "Sæt en tom linje over tabellen", line=2, field="tabel"),
    Case("unclosed-comment", "Tekst.\n\n<!-- husk at spørge økonomi\n\nMere tekst.", "aldrig slutter", line=3, field="kommentar"),
    Case("comment-for-colleagues", "Beløbet er foreløbigt. <!-- Jens: tallet er ikke godkendt -->", "står i sidens HTML", field="kommentar"),
    Case(
        "text-inside-the-template",
        "<!--\nNoten til indsatsen 'Budget i balance'. Skriv almindelig Markdown under denne kommentar;\nMin tekst om indsatsen.\n-->",
        "inde i skabelonens kommentar",
        line=3,
        field="kommentar",
    ),
    Case("link-without-parenthesis", "Se [analysen](indsats:raaderumsanalyse og læs mere.", "mangler sin afsluttende parentes", field="link"),
    Case("web-link-without-parenthesis", "Læs [kommunens side](https://www.norddjurs.dk om planen.", "mangler sin afsluttende parentes", field="link"),
    Case("file-link-without-parenthesis", "Se [bilaget](../filer/plan.pdf", "mangler sin afsluttende parentes", field="link"),
    # The same on an editor's page
    Case("page-script", "<script>alert(1)</script>", "<script> er ikke tilladt", file=PAGE),
    Case("page-iframe", '<iframe src="https://www.youtube.com/embed/abc"></iframe>', "<iframe> er ikke tilladt", file=PAGE),
    Case("page-attr-list-onclick", '## Kontakt { onclick="x()" }', "'onclick' kører et script", file=PAGE),
    Case("page-missing-file", "[Referatet](filer/referat.pdf)", "content/filer/referat.pdf, som ikke findes", file=PAGE, field="link"),
    Case("page-absolute-link", "[Referatet](/filer/referat.pdf)", "begynder med '/'", file=PAGE, field="link"),
    Case("page-image-from-host", "![Logo](https://cdn.example.com/logo.png)", "hentes fra cdn.example.com", file=PAGE, field="billede"),
    Case("page-list-under-a-line", "Kontakt:\n- telefon\n- mail", "Sæt en tom linje over listen", file=PAGE, line=2, field="liste"),
    Case("page-unclosed-comment", "<!-- udkast", "aldrig slutter", file=PAGE, field="kommentar"),
]

# What editors may write: all of it in one note, which must pass check and build alike.
ALLOWED = """\
## Afsnit med det tilladte { #tilladt .ps-note }

| Kolonne | Tal |
|:--|--:|
| a | 1 |

!!! note "Bemærk"
    En boks.

??? info "Mere"
    Foldet ud.

![Kort over området](../filer/kort.png)

Se [planen som PDF](../filer/plan.pdf), [Om planen](../om.md), [alle indsatser](../status/index.md),
[kommunen](https://www.norddjurs.dk/), <https://www.norddjurs.dk/>, [skriv](mailto:post@norddjurs.dk),
[afsnittet](#tilladt), <abbr title="Økonomiudvalget">ØU</abbr>, <kbd>Ctrl</kbd> og <sup>1</sup>.

Kode vises som tekst: `<script>alert(1)</script>` og

```html
<iframe src="https://www.youtube.com/embed/abc"></iframe>
```
"""

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000" + "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


def make_project(folder: Path, case: Case | None, text: str = "") -> Path:
    project = copy_project(folder / "project")
    files = project / "content" / "filer"
    files.mkdir(exist_ok=True)  # the bundled project has it (the logo's placeholder)
    (files / "kort.png").write_bytes(PNG)
    (files / "plan.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    for name in ("stor.pdf", "stort-foto.jpg"):
        with (files / name).open("wb") as stream:
            stream.truncate(BIG)
    target, appended = (case.file, case.text) if case else (NOTE, text)
    path = project / target
    if path.suffix == ".md":
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + appended + "\n", encoding="utf-8")
    else:
        path.write_bytes(PNG)
    return project


def expected_line(project: Path, case: Case) -> int | None:
    if case.line is None:
        return None
    original = (Path(__file__).resolve().parent.parent / case.file).read_text(encoding="utf-8").rstrip("\n")
    return original.count("\n") + 1 + 1 + case.line


def problems_of(project: Path) -> list[Problem]:
    try:
        load_project(project)
    except PlanInvalid as error:
        return error.problems
    return []


def test_a_link_by_an_items_previous_id_goes_to_its_page_now(tmp_path: Path) -> None:
    project = make_project(tmp_path, None, "Se [lokalerne](indsats:lokaleoptimering).")
    assert problems_of(project) == []
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 0, build.stdout + build.stderr
    page = (tmp_path / "site" / "indsatser" / "budget-i-balance" / "index.html").read_text(encoding="utf-8")
    assert 'href="../bedre-udnyttelse-af-lokaler/">lokalerne</a>' in page


def test_the_corpus_has_every_class_of_mistake() -> None:
    assert len(CASES) >= 60
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_each_mistake_is_refused_in_danish_at_its_file_and_line(case: Case, tmp_path: Path) -> None:
    project = make_project(tmp_path, case)
    problems = problems_of(project)
    line = expected_line(project, case)
    matching = [p for p in problems if p.file == case.file and case.message in p.message]
    assert matching, "\n".join(f"{p.location()} [{p.field}]: {p.message}" for p in problems)
    assert any(p.line == line for p in matching), [(p.line, p.message) for p in matching]
    if case.field:
        assert any(p.field == case.field for p in matching), [p.field for p in matching]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_check_and_the_build_refuse_each_mistake_alike(case: Case, tmp_path: Path) -> None:
    project = make_project(tmp_path, case)
    check = run_planspor(project, "check")
    build = run_mkdocs_build(project, tmp_path / "site")
    assert check.returncode == 1, check.stdout + check.stderr
    assert build.returncode != 0, build.stdout + build.stderr
    built = build.stdout + build.stderr
    checked = check.stdout + check.stderr
    assert case.message in checked and case.message in built, checked + "\n---\n" + built
    assert "Traceback" not in checked + built
    assert "WARNING" not in built, built  # refused before MkDocs' own (English) warnings


def test_what_editors_may_write_passes_check_and_build_alike(tmp_path: Path) -> None:
    project = make_project(tmp_path, None, ALLOWED)
    assert problems_of(project) == []
    check = run_planspor(project, "check")
    assert check.returncode == 0, check.stdout + check.stderr
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 0, build.stdout + build.stderr
    page = (tmp_path / "site" / "indsatser" / "budget-i-balance" / "index.html").read_text(encoding="utf-8")
    assert 'src="../../filer/kort.png"' in page and (tmp_path / "site" / "filer" / "kort.png").is_file()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert" not in page


def test_the_notes_are_checked_with_the_markdown_mkdocs_uses() -> None:
    from mkdocs.config import load_config

    config = load_config(str(Path(__file__).resolve().parent.parent / "mkdocs.yml"))
    extensions, settings = markdown_settings(Path(__file__).resolve().parent.parent / "mkdocs.yml")
    assert extensions == config["markdown_extensions"]
    assert settings == config["mdx_configs"]
    assert sys.modules.get("planspor.site_markdown") is not None


def test_the_guide_lists_exactly_the_allowed_elements() -> None:
    import re

    from planspor.note_markup import ALLOWED_ELEMENTS, MAX_FILE_BYTES

    guide = (Path(__file__).resolve().parent.parent / "content" / "vejledning" / "noter.md").read_text(encoding="utf-8")
    section = guide.split("### Billeder, PDF'er og tilladt markup", 1)[1].split("\n### ", 1)[0]
    listed = next(line for line in section.splitlines() if "Tilladte elementer:" in line)
    named = set(re.findall(r"`<([a-z0-9]+)>`", listed.split("Tilladte elementer:", 1)[1].split(". Tilladte attributter", 1)[0]))
    assert named == set(ALLOWED_ELEMENTS)
    assert f"højst fylde {MAX_FILE_BYTES // 1024 // 1024} MB" in section


# -- property: random edits of a note, and check and the build still agree ----------------------

FRAGMENTS = [
    "<script>x()</script>", "<iframe src='https://x'></iframe>", '<p onclick="x">', "<b>fed</b>", "<!--", "-->", "<!-- note -->",
    "{ onclick=\"x\" }", "{ #id .klasse }", "{", "}", "![", "](", ")", "[", "]", "![Kort](../filer/kort.png)", "![](../filer/kort.png)",
    "[a](https://www.norddjurs.dk/)", "[a](indsats:budget-i-balance)", "[a](indsats:findes-ikke)", "[a](../filer/mangler.pdf)",
    "[a](/abs)", "[a](javascript:x)", "![k](https://cdn.example.com/k.png)", "C:\\Users\\x", "- punkt", "  - under", "1. trin", "1) trin",
    "| a | b |", "|---|---|", "| 1 | 2 | 3 |", "## Overskrift", "# Titel", "`kode`", "```", "!!! note", "    indrykket", "<details>",
    "&lt;", "&", "<", ">", "\t", "", "Tekst", "æøå", "<img src=x>", "<a href='data:x'>d</a>", "<style>", "<span style='x'>",
]  # fmt: skip


@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=8), st.lists(st.sampled_from(["", " ", "\n", "\n\n"]), min_size=8, max_size=8))
@settings(max_examples=12, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
def test_random_edits_of_a_note_leave_check_and_build_agreeing(tmp_path_factory: pytest.TempPathFactory, pieces: list[str], joints: list[str]) -> None:
    folder = tmp_path_factory.mktemp("mutated")
    text = "".join(piece + joint for piece, joint in zip(pieces, joints, strict=False))
    project = make_project(folder, None, text)
    check = run_planspor(project, "check")
    build = run_mkdocs_build(project, folder / "site")
    output = check.stdout + check.stderr + build.stdout + build.stderr
    assert "Traceback" not in output, output
    assert (check.returncode == 0) == (build.returncode == 0), f"{text!r}\n{output}"
    if build.returncode != 0:
        assert "WARNING" not in build.stdout + build.stderr, f"{text!r}\n{output}"
