"""Markdown that GitHub's preview and the site would show differently, or not at all: reported at its line.

Editors preview their notes on github.com, whose Markdown (CommonMark with GitHub's tables) is
not Python-Markdown's. Where the two disagree on what an editor meant, the site would silently
show something else: a list typed right under a paragraph line is text on the site, a sub-item
indented by two spaces is flattened, a table row with an extra cell loses it, an unclosed
``<!--`` hides or shows the rest of the note, a link without its ``)`` is text. And a comment is
not shown on the page but is in its public HTML: text typed inside the note template's comment,
or a remark meant for colleagues, would be published where anyone can read it. Each is reported
with what to write instead, so what GitHub shows is what the site shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .markdown_source import MarkdownDoc, code_free_lines
from .problems import Problem

# A bullet item, or an ordered one starting at 1 (CommonMark lets only these interrupt a paragraph).
_BULLET = re.compile(r"^( {0,3})([-*+])\s+\S")
_ORDERED = re.compile(r"^( {0,3})(\d{1,9})[.)]\s+\S")
_PARENTHESIS_ITEM = re.compile(r"^\s*(\d{1,9})\)\s+\S")
_ANY_ITEM = re.compile(r"^\s*([-*+]|\d{1,9}[.)])\s+\S")
_DELIMITER_ROW = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
_OPEN_LINK = re.compile(r"\]\((?P<target>[^)\s]+)(?P<after>\s+[^\s\"'(]|\s*$)")


def note_template(title: str) -> str:
    """What `planspor ny-indsats` writes into a new note: a comment that explains it, and nothing else."""
    return (
        "<!--\n"
        f"Noten til indsatsen '{title}'. Skriv almindelig Markdown under denne kommentar;\n"
        "teksten vises på indsatsens side. Brug overskrifter med ## (aldrig #: indsatsens\n"
        "titel er sidens overskrift). Link til andre dele af planen med fx\n"
        "`[teksten](indsats:et-andet-id)` eller `[temaet](tema:et-tema-id)`.\n"
        "Kommentaren her vises ikke på siden.\n"
        "-->\n"
    )


_TEMPLATE_START = "Noten til indsatsen '"


def structure_problems(doc: MarkdownDoc) -> list[Problem]:
    """Every place in the body where the site would not show what GitHub shows, or would publish a hidden text."""
    lines = _visible_lines(doc.body)
    found = [*_comments(lines), *_lists(lines), *_tables(lines), *_open_links(lines)]
    return [Problem(doc.display, doc.body_line + index, field, message) for index, field, message in sorted(found)]


def _visible_lines(body: str) -> list[str]:
    """The body's lines, with fenced code blank and code spans blanked (their text is shown as written)."""
    lines = [""] * (body.count("\n") + 1)
    for index, line in code_free_lines(body):
        lines[index] = line
    return lines


def _comments(lines: list[str]) -> Iterator[tuple[int, str, str]]:
    text = "\n".join(lines)
    position = 0
    while (start := text.find("<!--", position)) >= 0:
        line = text.count("\n", 0, start)
        end = text.find("-->", start + 4)
        if end < 0:
            yield (
                line,
                "kommentar",
                "'<!--' begynder en kommentar, som aldrig slutter: resten af noten ville forsvinde. Skriv '-->', hvor kommentaren slutter, eller slet '<!--'.",
            )
            return
        inner = text[start + 4 : end].strip()
        position = end + 3
        if inner.startswith(_TEMPLATE_START):
            # The template's own lines are fine (its code spans are blanked here, as in any line).
            template = {part.strip() for part in _visible_lines(note_template(""))}
            typed = [n for n, part in enumerate(text[start:end].split("\n")) if part.strip() and part.strip() not in template and n > 1]
            if not typed:
                continue  # the note template's comment, as `planspor ny-indsats` wrote it
            yield (
                line + typed[0],
                "kommentar",
                "Teksten står inde i skabelonens kommentar (mellem <!-- og -->), så den vises ikke på siden, men den står i sidens HTML. Skriv den under linjen med -->.",
            )
            continue
        if inner:
            yield (
                line,
                "kommentar",
                "En kommentar (<!-- … -->) vises ikke på siden, men den står i sidens HTML, som alle kan læse. Slet kommentaren, eller skriv teksten som almindelig tekst.",
            )


def _lists(lines: list[str]) -> Iterator[tuple[int, str, str]]:
    in_list, previous_blank, previous_block = False, True, True
    for index, line in enumerate(lines):
        if not line.strip():
            previous_blank = True
            continue
        if parenthesis := _PARENTHESIS_ITEM.match(line):
            yield (
                index,
                "liste",
                f"'{parenthesis[1]})' bliver en nummereret liste på GitHub, men tekst på sitet. Skriv '{parenthesis[1]}.' med punktum.",
            )
        starts_list = bool(_BULLET.match(line)) or bool((ordered := _ORDERED.match(line)) and ordered[2] == "1")
        if _ANY_ITEM.match(line):
            indent = len(line) - len(line.lstrip(" "))
            if in_list and 1 <= indent <= 3:
                yield (
                    index,
                    "liste",
                    f"Underpunktet er rykket {indent} mellemrum ind; på sitet bliver det et almindeligt punkt på linje med de andre. Ryk det 4 mellemrum ind.",
                )
            elif not in_list and not previous_blank and not previous_block and starts_list:
                yield index, "liste", "Listen står lige under en linje tekst; på sitet bliver den en del af teksten. Sæt en tom linje over listen."
            in_list = in_list or starts_list or previous_blank or previous_block
        elif not line.startswith((" ", "\t")) and previous_blank:
            in_list = False
        previous_blank = False
        previous_block = line.lstrip().startswith(("#", "|", "<", ">", "!!!", "???")) or bool(_DELIMITER_ROW.match(line))


def _cells(line: str) -> int:
    row = line.strip()
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    return len(re.split(r"(?<!\\)\|", row))


def _tables(lines: list[str]) -> Iterator[tuple[int, str, str]]:
    index = 1
    while index < len(lines):
        header, delimiter = lines[index - 1], lines[index]
        if "|" not in header or not _DELIMITER_ROW.match(delimiter) or "-" not in delimiter:
            index += 1
            continue
        if index >= 2 and lines[index - 2].strip() and "|" not in lines[index - 2] and not lines[index - 2].lstrip().startswith("#"):
            yield index - 1, "tabel", "Tabellen står lige under en linje tekst; på sitet bliver den vist som tekst. Sæt en tom linje over tabellen."
        columns = _cells(header)
        row = index + 1
        while row < len(lines) and lines[row].strip() and "|" in lines[row]:
            cells = _cells(lines[row])
            if cells > columns:
                yield (
                    row,
                    "tabel",
                    f"Rækken har {cells} celler, men tabellen har {columns} kolonner: det sidste ville ikke blive vist. Ret rækken, eller tilføj en kolonne i overskriften.",
                )
            elif cells < columns:
                yield (
                    row,
                    "tabel",
                    f"Rækken har {cells} {'celle' if cells == 1 else 'celler'}, men tabellen har {columns} kolonner. Tilføj de manglende celler (en tom celle skrives | |).",
                )
            row += 1
        index = row + 1


def _open_links(lines: list[str]) -> Iterator[tuple[int, str, str]]:
    for index, line in enumerate(lines):
        for match in _OPEN_LINK.finditer(line):
            if ")" in line[match.end("target") :].split("]", 1)[0] and match["after"].strip():
                continue  # a title or a space before ')': [tekst](adresse "titel")
            yield (
                index,
                "link",
                f"Linket til '{match['target']}' mangler sin afsluttende parentes ')'; på sitet bliver det vist som tekst. Skriv ')' lige efter adressen.",
            )
