"""Explain libyaml's syntax errors to an editor, in Danish, at the line to fix.

libyaml names what its grammar expected ("did not find expected key"); an editor
needs what they wrote and what to write instead. So each error is looked at in
the source: the character at the error, the value the line begins, the token
just before the error. Never is libyaml's English passed on.

This is its own module because these explanations grow with every mistake an
editor is seen to make, while reading YAML with its lines (yamlsource) does not.
"""

from __future__ import annotations

import re

import yaml

from .problems import Problem

TAB_MESSAGE = "Der står et tabulatortegn. Brug mellemrum til indrykning i YAML, aldrig tabulator."  # quoted in content/vejledning/udgiv.md

# A character at the start of an unquoted value that YAML reads as syntax: its name, and what it means.
INDICATORS = {
    "*": ("en stjerne (*)", "som YAML læser som en henvisning til en anden værdi i filen"),
    "&": ("et &-tegn", "som YAML læser som et navn på værdien (et anker)"),
    "!": ("et udråbstegn (!)", "som YAML læser som en typeangivelse"),
    ">": ("tegnet >", "som i YAML betyder, at teksten står på linjerne nedenunder"),
    "|": ("en lodret streg (|)", "som i YAML betyder, at teksten står på linjerne nedenunder"),
    "-": ("en bindestreg og et mellemrum (- )", "som YAML læser som et punkt i en liste"),
    "?": ("et spørgsmålstegn og et mellemrum (? )", "som YAML læser som et feltnavn"),
    ",": ("et komma", "som YAML bruger til at adskille punkterne i en liste"),
    "]": ("tegnet ]", "som YAML bruger til at afslutte en liste"),
    "}": ("tegnet }", "som YAML bruger til at afslutte en blok"),
    "@": ("et snabel-a (@)", "som ikke må stå først i en tekst i YAML"),
    "`": ("en accent grave (`)", "som ikke må stå først i en tekst i YAML"),
    "%": ("et procenttegn (%)", "som ikke må stå først i en tekst i YAML"),
}
# Word's typographic quotes are ordinary letters to YAML: they protect nothing.
CURLY_QUOTES = "“”„‟‘’‚‛«»"
QUOTE_STYLES = ('"', "'")  # the styles of a quoted scalar token or node
# Characters libyaml refuses (control characters) or counts as line breaks where an
# editor sees none (U+0085, U+2028, U+2029). Tab and newline are fine; CR is gone.
# And those that look like a space or like nothing at all, which libyaml reads as letters: an
# indentation or a 'key: value' with one of them is misread, and the message would name the
# wrong line or a colon the editor can see. A byte-order mark at the very start is removed first.
_LOOKS_LIKE_NOTHING = "\xa0\xad\u200b\u2060\u202f\ufeff"  # a hard space, a soft hyphen, ... (the names below)
_INVISIBLE = re.compile(f"[^\t\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[{_LOOKS_LIKE_NOTHING}]")
_INVISIBLE_NAMES = {
    0x00: "et nul-tegn",
    0x07: "et usynligt tegn fra Word (slut på en tabelcelle)",
    0x0B: "et usynligt linjeskift fra Word (Skift+Enter)",
    0x0C: "et usynligt sideskift",
    0x85: "et usynligt linjeskift",
    0xA0: "et hårdt mellemrum",
    0xAD: "en blød bindestreg",
    0x200B: "et usynligt mellemrum (nulbredde)",
    0x2028: "et usynligt linjeskift",
    0x2029: "et usynligt afsnitsskift",
    0x2060: "et usynligt ordbindetegn",
    0x202F: "et smalt hårdt mellemrum",
    0xFEFF: "et byte-order-mærke (BOM)",
}
# Those that stand where a space was meant: the fix is a space, not nothing.
_SPACE_LIKE = frozenset({0xA0, 0x202F})
# What a text typed on the command line or read from a sheet becomes before it is written into
# data/plan.yaml: the space-like ones a space, the others nothing.
_CLEANED = str.maketrans({char: (" " if ord(char) in _SPACE_LIKE else None) for char in _LOOKS_LIKE_NOTHING})


def without_invisible(text: str) -> str:
    """The text without the invisible characters data/plan.yaml may not hold (see invisible_character)."""
    return text.translate(_CLEANED)


# The start of a line: indentation, list dashes, and 'key: ' if there is one.
_LINE_START = re.compile(r"[ \t]*(?:-[ \t]+)*(?:(?P<key>[\w-]+)[ \t]*:(?:[ \t]+|$))?")
_FIELD_LINE = re.compile(r"[ \t]*(?:-[ \t]+)?[\w-]+[ \t]*:(?:[ \t]|$)")
_BLOCK_TEXT_START = re.compile(r"(?P<indent>[ \t]*)(?:-[ \t]+)?(?P<key>[\w-]+)[ \t]*:[ \t]+(?P<indicator>[|>][-+0-9]*)[ \t]*(?:#.*)?$")
_BACKSLASH_PROBLEMS = ("unknown escape character", "hexdecimal number", "Unicode character escape")


def quoted(text: str) -> str:
    """A text in double quotes as an editor should write it: inner " become ' (with a backslash: single quotes)."""
    if "\\" in text:
        return "'" + text.replace("'", "''") + "'"
    return '"' + text.replace('"', "'") + '"'


def _shortened(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def invisible_character(display: str, text: str) -> Problem | None:
    """A character the editor cannot see and libyaml refuses or miscounts, said with its line and column.

    libyaml refuses control characters with a byte position only, and counts
    U+2028 and U+0085 as line breaks, which would shift every line number after them.
    """
    found = _INVISIBLE.search(text)
    if found is None:
        return None
    index = found.start()
    line = text.count("\n", 0, index) + 1
    line_start = text.rfind("\n", 0, index) + 1
    code = ord(text[index])
    name = _INVISIBLE_NAMES.get(code, "et usynligt styretegn")
    before = text[line_start:index].strip()
    where = f"lige efter '{_shortened(before[-30:])}'" if before else "i begyndelsen af linjen"
    fix = f"Skriv et almindeligt mellemrum i stedet for tegnet {where}" if code in _SPACE_LIKE else f"Slet tegnet {where}"
    return Problem(
        display,
        line,
        "",
        f"I kolonne {index - line_start + 1} står {name}, som ikke må stå i filen (tegnet U+{code:04X}). "
        + "Den slags tegn kommer ofte med, når tekst kopieres fra Word eller en e-mail. "
        + f"{fix}, eller slet linjen og skriv den igen.",
    )


def explain_syntax_error(text: str, error: yaml.MarkedYAMLError, mark: yaml.Mark, loader: type) -> tuple[int, str]:
    """The line to point at (0-based) and what to tell the editor; ``loader`` scans the text again if needed."""
    return _SyntaxError(text, error, mark, loader).explain()


def runaway_quote(display: str, lines: list[str], start: yaml.Mark, end: yaml.Mark) -> Problem | None:
    """A quote left open runs on to the next quote; if fields were swallowed, say so (not what follows)."""
    if not any(_FIELD_LINE.match(lines[index] if index < len(lines) else "") for index in range(start.line + 1, end.line + 1)):
        return None
    return Problem(display, start.line + 1, "", unclosed_quote_message(lines, start.line, start.column, end.line))


class _SyntaxError:
    """One libyaml error, explained from the source around it."""

    def __init__(self, text: str, error: yaml.MarkedYAMLError, mark: yaml.Mark, loader: type) -> None:
        self.text = text
        self.loader = loader
        self.lines = text.split("\n")
        self.context = error.context or ""
        self.found = error.problem or ""
        self.mark = mark  # where libyaml stopped: the problem, else the context
        self.context_mark = error.context_mark
        self._token: yaml.Token | None = None
        self._token_read = False

    def explain(self) -> tuple[int, str]:
        """The line to point at (0-based) and what to tell the editor."""
        for check in (
            self.tab,
            self.documents,
            self.quoted_text,
            self.runaway_quote,
            self.unclosed_flow,
            self.curly_quotes,
            self.after_quote,
            self.after_flow,
            self.indicator,
            self.missing_colon,
            self.colon,
        ):
            found = check()
            if found is not None:
                return found
        return self.mark.line, self.general()

    # -- the source around the error -----------------------------------------------

    def line(self, index: int) -> str:
        return self.lines[index] if 0 <= index < len(self.lines) else ""

    def value(self, index: int) -> tuple[str | None, int, str]:
        """The key of a line, the column its value starts at and the value as written ('' if none)."""
        text = self.line(index)
        start = _LINE_START.match(text)
        assert start is not None  # every part of the pattern is optional
        return start["key"], start.end(), text[start.end() :].rstrip()

    def example(self, index: int, value: str) -> str:
        key = self.value(index)[0]
        return f"{key}: {value}" if key else value

    def token_before(self) -> yaml.Token | None:
        """The last token that starts before the error (scanned again: the parser does not say)."""
        if not self._token_read:
            self._token_read = True
            if not any(c in self.line(self.mark.line)[: self.mark.column] for c in "\"']}"):
                return None  # the checks that need it look for a quote or a bracket ending before the error
            where = (self.mark.line, self.mark.column)
            try:
                for token in yaml.scan(self.text, Loader=self.loader):
                    if (token.start_mark.line, token.start_mark.column) >= where:
                        break
                    self._token = token
            except yaml.YAMLError:
                pass
        return self._token

    # -- the checks, most specific first ----------------------------------------------

    def tab(self) -> tuple[int, str] | None:
        text = self.line(self.mark.line)
        indentation = text[: len(text) - len(text.lstrip(" \t-"))]
        if "tab character" in self.found or text[self.mark.column : self.mark.column + 1] == "\t" or "\t" in indentation:
            return self.mark.line, TAB_MESSAGE
        return None

    def documents(self) -> tuple[int, str] | None:
        """A line '---' (or '...') in the middle: YAML starts a new document there."""
        if "another document" not in self.found and "document start" not in self.found and "document indicator" not in self.found:
            return None
        index = self.mark.line
        while index > 0 and self.line(index).rstrip() not in ("---", "..."):
            index -= 1
        separator = self.line(index).rstrip()
        if separator not in ("---", "..."):
            return None
        return index, f"Linjen {separator} deler filen i flere dele, men den skal være ét hele. Slet linjen."

    def quoted_text(self) -> tuple[int, str] | None:
        """A quote never closed (noticed at the end of the file), or a backslash in double quotes."""
        if "quoted scalar" not in self.context or self.context_mark is None:
            return None
        start = self.context_mark
        written = self.line(start.line)[start.column :].rstrip()
        quote = written[:1]
        if any(problem in self.found for problem in _BACKSLASH_PROBLEMS):
            inner = written[1:-1] if len(written) > 1 and written.endswith(quote) else written[1:]
            single = "'" + inner.replace("'", "''") + "'"
            return start.line, (
                f'I en tekst i dobbelte anførselstegn (") betyder \\ et særligt tegn. Brug enkelte anførselstegn i stedet: {self.example(start.line, single)}'
            )
        return start.line, (
            f"Teksten begynder med et anførselstegn ({quote}), som aldrig bliver lukket. "
            + f"Sæt {quote} i slutningen af teksten: {self.example(start.line, written + quote)}"
        )

    def runaway_quote(self) -> tuple[int, str] | None:
        """A quote not closed on its line runs on to the next quote; the error comes after that."""
        token = self.token_before()
        if not isinstance(token, yaml.ScalarToken) or token.style not in QUOTE_STYLES or token.start_mark.line == token.end_mark.line:
            return None
        return token.start_mark.line, unclosed_quote_message(self.lines, token.start_mark.line, token.start_mark.column, token.end_mark.line)

    def unclosed_flow(self) -> tuple[int, str] | None:
        if "flow" not in self.context or self.context_mark is None or self.mark.line <= self.context_mark.line:
            return None
        start = self.context_mark
        written = self.line(start.line)[start.column :].rstrip()
        opening = written[:1]
        if not opening or opening not in "[{":
            return None
        closing, what = ("]", "Listen") if opening == "[" else ("}", "Blokken")
        message = f"{what}, der begynder med {opening}, bliver ikke lukket med {closing} i samme linje. Afslut den med {closing}: {self.example(start.line, written + closing)}"
        if opening == "[" and "," not in written:  # title: [Udkast Budget is more likely a text than a list
            message += f". Er det en tekst, så sæt den i anførselstegn: {self.example(start.line, quoted(written))}"
        return start.line, message

    def curly_quotes(self) -> tuple[int, str] | None:
        index = self.mark.line
        _key, _start, written = self.value(index)
        found = "".join(c for c in CURLY_QUOTES if c in written)
        if not found:
            return None
        chars = " ".join(found)
        if len(written) > 1 and written[0] in CURLY_QUOTES and written[-1] in CURLY_QUOTES:
            return index, (
                f"Teksten står i typografiske anførselstegn ({chars}) fra Word, men dem regner YAML ikke som anførselstegn, "
                + f'så de beskytter ikke teksten. Brug almindelige anførselstegn ("): {self.example(index, quoted(written[1:-1]))}'
            )
        return index, (
            f"Teksten indeholder typografiske anførselstegn ({chars}) fra Word, men dem regner YAML ikke som anførselstegn. "
            + f'Sæt hele teksten i almindelige anførselstegn ("): {self.example(index, quoted(written))}'
        )

    def after_quote(self) -> tuple[int, str] | None:
        """title: "Budget" i balance: the quotes end the text, and more follows."""
        token = self.token_before()
        if not isinstance(token, yaml.ScalarToken) or token.style not in QUOTE_STYLES or token.end_mark.line != self.mark.line:
            return None
        index = self.mark.line
        text = self.line(index)
        in_quotes = text[token.start_mark.column : token.end_mark.column]
        after = text[token.end_mark.column :].strip()
        if not after:
            return None
        written = text[token.start_mark.column :].rstrip()
        quote = in_quotes[0]
        said = f"Anførselstegnene om {in_quotes} afgrænser hele teksten, så det, der står efter dem ({_shortened(after)}), kan ikke læses. "
        if quote == "'" and written.endswith("'") and '"' not in written and "\\" not in written:
            double = '"' + written[1:-1] + '"'  # 'Kommunens budget's balance': the apostrophe ended the text
            return index, said + f'Skriv teksten i dobbelte anførselstegn ("), så kan den indeholde apostroffer: {self.example(index, double)}'
        inner = written[1:-1] if written.endswith(quote) else written
        return index, said + f"Sæt hele teksten i anførselstegn, og skriv anførselstegn inde i teksten som ' (enkelt): {self.example(index, quoted(inner))}"

    def after_flow(self) -> tuple[int, str] | None:
        """title: [Udkast] Budget: a value beginning with [ is a list, which ends at ]."""
        token = self.token_before()
        if not isinstance(token, yaml.FlowSequenceEndToken | yaml.FlowMappingEndToken) or token.end_mark.line != self.mark.line:
            return None
        index = self.mark.line
        _key, _start, written = self.value(index)
        after = self.line(index)[token.end_mark.column :].strip()
        closing = "]" if isinstance(token, yaml.FlowSequenceEndToken) else "}"
        if not after:
            return None
        if after[0] in "]}":
            return index, f"Der står et {after[0]} for meget efter {closing}. Slet det."
        if after[0] == "," or written[:1] not in "[{" or not written:
            return index, f"Efter {closing} står der mere ({_shortened(after)}). Alt, hvad der hører til, skal stå inden for {written[:1] or '['} {closing}."
        what = "en liste" if written[0] == "[" else "en blok med felter"
        return index, (
            f"En værdi, der begynder med {written[0]}, læses som {what}, så teksten efter {closing} ({_shortened(after)}) kan ikke læses. "
            + f"Sæt hele teksten i anførselstegn: {self.example(index, quoted(written))}"
        )

    def indicator(self) -> tuple[int, str] | None:
        """title: @Norddjurs, title: > 50 mio., comment: - Analysen …: a character YAML reads as syntax."""
        index = self.mark.line
        _key, start, written = self.value(index)
        if not written or written[0] not in INDICATORS or self.mark.column < start:
            return None
        name, meaning = INDICATORS[written[0]]
        return index, f"Teksten begynder med {name}, {meaning}. Sæt hele teksten i anførselstegn: {self.example(index, quoted(written))}"

    def missing_colon(self) -> tuple[int, str] | None:
        """A line without 'key:' where a field was expected: text under 'title: |', or a continued text."""
        if "could not find expected ':'" not in self.found or self.context_mark is None:
            return None
        index = self.context_mark.line
        before = index - 1
        while before >= 0 and (not self.line(before).strip() or self.line(before).lstrip().startswith("#")):
            before -= 1
        header = _BLOCK_TEXT_START.match(self.line(before))
        text = self.line(index)
        indent = len(text) - len(text.lstrip(" "))
        key_column = header.start("key") if header else 0
        if header and indent <= key_column:
            key = header["key"]
            return index, (
                f"Teksten under {key}: {header['indicator']} skal rykkes længere ind end {key}, fx {key_column + 2} mellemrum i stedet for {indent}. "
                + f"Du kan også skrive den på samme linje: {key}: {quoted(text.strip())}"
            )
        return index, (
            "Linjen har intet kolon, så YAML kan ikke se, hvilket felt den hører til. "
            + "Er det et felt, så skriv kolon og mellemrum efter feltnavnet. "
            + "Er det fortsættelsen af teksten i linjen over, så skriv teksten på én linje."
        )

    def colon(self) -> tuple[int, str] | None:
        if "mapping values are not allowed" not in self.found:
            return None
        index = self.mark.line
        _key, start, written = self.value(index)
        if written and self.mark.column > start:
            return index, (
                'Der står et kolon i teksten, og kolon efterfulgt af mellemrum betyder "her kommer værdien" i YAML. '
                + f"Sæt hele teksten i anførselstegn: {self.example(index, quoted(written))}"
            )
        return index, (
            "Indrykningen passer ikke. Linjen står længere inde end feltet over, så YAML læser den som en fortsættelse af det. "
            + "Felter i samme blok skal stå præcis lige langt inde."
        )

    def general(self) -> str:
        found = self.found
        character = self.line(self.mark.line)[self.mark.column : self.mark.column + 1]
        if "did not find expected key" in found:
            return "Indrykningen passer ikke. Felter i samme blok skal stå præcis lige langt inde."
        if "expected '-' indicator" in found and self.line(self.mark.line).lstrip().startswith("-"):
            return "Indrykningen passer ikke. Punkter i en liste skal begynde med '-' og stå lige langt inde."
        if "expected '-' indicator" in found:
            return "Indrykningen passer ikke. Felter i samme blok skal stå præcis lige langt inde."
        if "undefined alias" in found:
            return "Der står en *, som YAML læser som en henvisning til en anden værdi. Sæt teksten i anførselstegn."
        if "duplicate anchor" in self.context or "duplicate anchor" in found:
            return "To værdier begynder med det samme &navn, som YAML læser som et anker. Sæt teksterne, der begynder med &, i anførselstegn."
        if "flow" in self.context:
            return "Listen i [ ] eller blokken i { } kan ikke læses. Adskil punkterne med komma og mellemrum, og sæt tekster med kolon i anførselstegn."
        if character.strip():
            return f"Der står et tegn ({character}), som ikke må stå her. Sæt teksten i anførselstegn, eller tjek indrykningen."
        return "Linjen kan ikke læses som YAML. Tjek indrykningen og anførselstegnene i linjen og linjen over."


def unclosed_quote_message(lines: list[str], start_line: int, start_column: int, closed_line: int) -> str:
    """A quote left open on its line: YAML reads on to the next quote, many lines later."""
    text = lines[start_line] if start_line < len(lines) else ""
    written = text[start_column:].rstrip()
    quote = written[:1]
    key = _LINE_START.match(text)
    example = f"{key['key']}: {written}{quote}" if key and key["key"] else written + quote
    return (
        f"Teksten begynder med et anførselstegn ({quote}), som ikke bliver lukket i samme linje, "
        + f"så YAML læser videre til næste {quote} i linje {closed_line + 1}. Sæt {quote} i slutningen af teksten: {example}"
    )
