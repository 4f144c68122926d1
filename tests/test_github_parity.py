"""What GitHub's preview shows is what the site shows (issue 13, part 4).

Editors preview their notes on github.com. GitHub's own parser, cmark-gfm (``cmarkgfm`` on PyPI),
is the reference: for each note as editors write them, the site's Markdown (``site_markdown``, the
extensions of mkdocs.yml) and GitHub's must agree on the structure (headings, lists and their
nesting, tables and their cells, links, emphasis, code, quotes), unless `planspor check` reports
the note at a line, with what to write instead.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import cmarkgfm
import pytest
from conftest import REPO

from planspor.markdown_source import MarkdownDoc
from planspor.note_structure import structure_problems
from planspor.site_markdown import renderer

STRUCTURE = {
    "p",
    *(f"h{level}" for level in range(1, 7)),
    "ul",
    "ol",
    "li",
    "table",
    "tr",
    "th",
    "td",
    "a",
    "em",
    "strong",
    "code",
    "blockquote",
    "pre",
    "br",
    "img",
}


class _Structure(HTMLParser):
    """The elements that carry a note's structure, each with its text, in order; nesting by depth."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple[int, str, str]] = []
        self._open: list[tuple[str, int, list[str]]] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and "headerlink" in (values.get("class") or ""):
            self._skip += 1  # the site's ¶ after a heading (toc's permalink): not the editor's
            return
        if tag in STRUCTURE:
            label = f"{tag}[{values.get('href') or values.get('src') or ''}]" if tag in ("a", "img") else tag
            self._open.append((label, len(self._open), []))

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._skip:
            self._skip -= 1
            return
        if tag in STRUCTURE and self._open:
            label, depth, text = self._open.pop()
            self.events.append((depth, label, " ".join("".join(text).split())))

    def handle_data(self, data: str) -> None:
        if not self._skip:
            for _, _, text in self._open:
                text.append(data)


def structure(html: str) -> list[tuple[int, str, str]]:
    parser = _Structure()
    parser.feed(html)
    parser.close()
    return sorted(parser.events, key=lambda event: event)


AGREE = {
    "paragraphs-and-a-heading": "Indsatsen skal styrke økonomien.\n\n## Sådan arbejder vi\n\nFørst en analyse, så en plan.",
    "bullets-after-a-blank-line": "Vi gør tre ting:\n\n- en analyse\n- en plan\n- en opfølgning",
    "numbered": "Trinene:\n\n1. Analyse i foråret\n2. Drøftelse i udvalgene\n3. Budgetseminar",
    "nested-four-spaces": "- Skoler\n    - Nørre Djurs Skole\n    - Grenaa Skole\n- Dagtilbud",
    "numbered-with-bullets": "1. Forår\n    - analyse\n2. Efterår\n    - beslutning",
    "loose-list": "- Første punkt med en længere forklaring.\n\n- Andet punkt, også langt.",
    "table-with-alignment": "| År | Beløb (1.000 kr.) |\n|:---|---:|\n| 2024 | 0 |\n| 2025 | -2.500 |",
    "table-with-links-and-code": "| Emne | Se |\n|---|---|\n| Analysen | [kommunen](https://www.norddjurs.dk/) |\n| Kode | `id-123` |",
    "links": "Læs [kommunens side](https://www.norddjurs.dk/) eller skriv til [os](mailto:post@norddjurs.dk).",
    "link-with-title": 'Se [referatet](https://www.norddjurs.dk/referat "Referat fra mødet").',
    "emphasis": "Det er *vigtigt*, at **alle** udvalg _bidrager_ og __deltager__.",
    "intraword-underscores": "Filen hedder plan_2024_final.pdf og id'et budget_i_balance.",
    "code": "Skriv `indsats:id` i linket.\n\n```\n[teksten](indsats:et-id)\n```",
    "quote": "> Beslutning i Økonomiudvalget den 05-12-2023: Tiltrådt.\n\nDet blev vedtaget.",
    "headings-two-levels": "## Baggrund\n\nTekst.\n\n### Detaljer\n\nMere tekst.",
    "hard-line-break": "Norddjurs Kommune  \nTorvet 3",
    "escaped": "Stjerner \\*ikke fremhævet\\* og en \\[klamme\\].",
    "list-after-heading": "## Tiltag\n\n- mere cykelsti\n- færre biler",
    "image-with-alt": "![Kort over ruten](../filer/kort.png)",
    "numbers-in-text": "Det skete i\n2024. Herefter gik det stærkt.",
}

REPORTED = {
    "list-under-a-line": "Vi gør tre ting:\n- en analyse\n- en plan",
    "numbered-under-a-line": "Trinene:\n1. analyse\n2. plan",
    "sub-items-two-spaces": "- Skoler\n  - Nørre Djurs Skole\n- Dagtilbud",
    "table-under-a-line": "Beløbene:\n| År | Beløb |\n|---|---|\n| 2024 | 0 |",
    "unclosed-comment": "Tekst.\n\n<!-- husk\n\nMere.",
    "link-without-parenthesis": "Se [analysen](https://www.norddjurs.dk og mere.",
    "numbered-with-parenthesis": "Trinene:\n\n1) analyse\n2) plan",
    "sub-items-three-spaces": "1. Forår\n   - analyse\n2. Efterår",
    "star-list-under-a-line": "Tiltag:\n* cykelsti\n* busser",
}


# Where GitHub and the site agree, and both lose what the editor wrote: reported all the same.
BOTH_LOSE = {
    "row-with-an-extra-cell": "| År | Beløb |\n|---|---|\n| 2024 | 0 | ekstra |",
    "row-with-two-extra-cells": "| År | Beløb |\n|---|---|\n| 2024 | 0 | ekstra | mere |",
}


def site_html(text: str) -> str:
    return renderer(REPO / "mkdocs.yml")(text)


def github_html(text: str) -> str:
    return cmarkgfm.github_flavored_markdown_to_html(text)


def reported(text: str) -> list[str]:
    return [problem.message for problem in structure_problems(MarkdownDoc("content/items/x.md", None, text, 1))]  # type: ignore[arg-type]


@pytest.mark.parametrize("name", sorted(AGREE))
def test_github_and_the_site_show_the_same_structure(name: str) -> None:
    text = AGREE[name]
    assert reported(text) == []
    assert structure(site_html(text)) == structure(github_html(text))


@pytest.mark.parametrize("name", sorted(REPORTED))
def test_where_they_differ_check_reports_the_line(name: str) -> None:
    text = REPORTED[name]
    assert structure(site_html(text)) != structure(github_html(text)), "not a difference (any more): move the case to AGREE"
    assert reported(text), f"the site would show {name!r} differently from GitHub, and nothing says so"


@pytest.mark.parametrize("name", sorted(BOTH_LOSE))
def test_where_both_lose_text_check_reports_it(name: str) -> None:
    text = BOTH_LOSE[name]
    assert structure(site_html(text)) == structure(github_html(text))
    assert "ekstra" not in site_html(text)
    assert reported(text)


def test_the_corpora_cover_each_construct() -> None:
    assert len(AGREE) >= 20 and len(REPORTED) >= 8
    assert all(re.search(r"\S", text) for text in [*AGREE.values(), *REPORTED.values()])
