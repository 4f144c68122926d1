"""Evidence (issue 19): the register of decisions, and history entries that cite a decision or a document.

The bundled plan keeps the seed's three real decisions and adds invented ones marked as examples;
five items cite them. On the built site the item page shows the citation with its minutes, the
committee page lists its decisions, /om/ the whole register, the overview only the decisions about
the plan as a whole, and the printed report what each item's latest change rests on. Every new
field has bad-input cases: `planspor check` names the file, the line and the field, in Danish.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import BuiltSite
from test_validation import Case, assert_reported, line_of, replace_in_plan

PLAN = "data/plan.yaml"
CITATION = "        decision: buu-2024-03-12-5\n"


def text_of(element: object) -> str:
    return " ".join(element.get_text(" ", strip=True).split()) if element is not None else ""  # type: ignore[attr-defined]


# -- the built site -----------------------------------------------------------------


def test_an_item_page_cites_the_decision_with_its_minutes(bundled_site: BuiltSite) -> None:
    history = bundled_site.soup("/indsatser/flere-medarbejdere-i-dagtilbud/").select_one("section[aria-labelledby=historik]")
    assert history is not None
    source = history.select_one(".ps-source")
    assert text_of(source) == "Besluttet i Børne- og ungdomsudvalget 12. marts 2024, pkt. 5: Godkendt. Referat fra mødet Eksempel"
    link = source.select_one("a")  # type: ignore[union-attr]
    assert link is not None and link["href"] == "https://www.norddjurs.dk/"
    # the citation belongs to the entry that finished the item, the newest one (listed first)
    first = history.select_one("li")
    assert first is not None and first.select_one("time")["datetime"] == "2024-03-28"  # type: ignore[index]
    assert first.select_one(".ps-source") is source


def test_an_item_page_names_the_document_a_change_rests_on(bundled_site: BuiltSite) -> None:
    sources = bundled_site.soup("/indsatser/cykelstier-mellem-byerne/").select("section[aria-labelledby=historik] .ps-source")
    assert [text_of(s) for s in sources] == ["Kilde: Notat om tidsplanen for cykelstierne (eksempel)"]
    assert sources[0].select_one("a")["href"] == "https://www.norddjurs.dk/"  # type: ignore[index]


def test_an_item_without_sources_shows_none(bundled_site: BuiltSite) -> None:
    assert bundled_site.soup("/indsatser/budget-i-balance/").select(".ps-source") == []


def test_a_committee_page_lists_its_decisions_about_the_plan(bundled_site: BuiltSite) -> None:
    soup = bundled_site.soup("/udvalg/oekonomiudvalget/")
    section = soup.select_one("section[aria-labelledby=beslutninger]")
    assert section is not None and text_of(section.h2) == "Udvalgets beslutninger om planen"
    rows = [[text_of(td) for td in tr.select("td")] for tr in section.select("tbody tr")]
    assert rows == [  # newest first
        ["18. juni 2024", "Pkt. 4: Analyse af det økonomiske råderum Taget til efterretning Referat fra mødet Eksempel", "Analyse af det økonomiske råderum"],
        ["5. december 2023", "Udmøntningsplan 2024-2027 Tiltrådt", "Planen som helhed"],
    ]
    cited = section.select_one("tbody tr td[data-label=Indsatser] a")
    assert cited is not None and (bundled_site.root / "udvalg/oekonomiudvalget" / str(cited["href"]) / "index.html").resolve().is_file()


def test_a_committee_without_decisions_has_no_empty_register(bundled_site: BuiltSite) -> None:
    assert bundled_site.soup("/udvalg/beskaeftigelsesudvalget/").select_one("section[aria-labelledby=beslutninger]") is None


def test_the_about_page_holds_the_whole_register(bundled_site: BuiltSite) -> None:
    table = bundled_site.soup("/om/").select_one("table.ps-decision-table")
    assert table is not None
    rows = table.select("tbody tr")
    assert [tr.time["datetime"] for tr in rows] == [
        "2023-12-05",
        "2023-12-12",
        "2024-02-29",
        "2024-03-12",
        "2024-06-18",
        "2024-06-25",
        "2024-08-20",
        "2024-09-24",
    ]  # type: ignore[index]
    bodies = [text_of(tr.select_one("td[data-label=Organ]")) for tr in rows]
    assert bodies[:4] == ["Økonomiudvalget", "Kommunalbestyrelsen", "Hovedudvalget", "Børne- og ungdomsudvalget"]
    # a committee links its page; the council and the main committee have none
    assert rows[0].select_one("td[data-label=Organ] a") is not None and rows[1].select_one("td[data-label=Organ] a") is None
    # the seed's three decisions are real: no example mark; every invented one has it
    assert [tr.select_one(".ps-example") is not None for tr in rows] == [False, False, False, True, True, True, True, True]


def test_the_overview_keeps_to_the_decisions_about_the_plan(bundled_site: BuiltSite) -> None:
    decisions = bundled_site.soup("/").select(".ps-decisions li")
    assert [text_of(li) for li in decisions] == [
        "5. december 2023 : Økonomiudvalget – Tiltrådt",
        "12. december 2023 : Kommunalbestyrelsen – Godkendt",
        "29. februar 2024 : Hovedudvalget – Til orientering",
    ]


def test_the_printed_report_says_what_a_change_rests_on(bundled_site: BuiltSite) -> None:
    rows = {text_of(tr.select_one("td a")): text_of(tr.select_one("td")) for tr in bundled_site.soup("/rapport/").select("tbody tr")}
    assert rows["Gennemgang af takster og gebyrer"].endswith("Besluttet i Kommunalbestyrelsen 25. juni 2024, pkt. 12: Godkendt")
    assert rows["Budget i balance på velfærdsområderne"] == "Budget i balance på velfærdsområderne"


# -- bad input ----------------------------------------------------------------------


def in_decision(old: str, new: str, decision: str = "buu-2024-03-12-5") -> Callable[[Path], int]:
    """Replace the first ``old`` after the id line of ``decision``; the message names that line."""

    def apply(project: Path) -> int:
        path = project / PLAN
        text = path.read_text(encoding="utf-8")
        at = text.index(old, text.index(f"    - id: {decision}\n"))
        path.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")
        return text.count("\n", 0, at) + 1

    return apply


def real_plan_with_examples_left(project: Path) -> int:
    """example_data turned off while an invented decision is still marked as one: named at its mark."""
    path = project / PLAN
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  example_data: true\n", "  example_data: false\n", 1), encoding="utf-8")
    return line_of(text, "      example: true\n")


DOCUMENT_URL = "          url: https://www.norddjurs.dk/\n"
DOCUMENT_TITLE = "          title: Notat om tidsplanen for cykelstierne (eksempel)\n"
CYCLE_PATHS = r"\[items\[cykelstier-mellem-byerne\]\.history\[3\]\.document"
FLERE = r"\[items\[flere-medarbejdere-i-dagtilbud\]\.history\[2\]"

CASES = [
    Case(
        "unknown body",
        replace_in_plan("      body: boerne-og-ungdomsudvalget\n", "      body: Teknisk udvalg\n"),
        r"\[plan\.decisions\[4\]\.body\]: Ukendt organ 'Teknisk udvalg'\. .*oekonomiudvalget \(Økonomiudvalget\).*kommunalbestyrelsen \(Kommunalbestyrelsen\)",
    ),
    Case(
        "empty body", replace_in_plan("      body: boerne-og-ungdomsudvalget\n", '      body: ""\n'), r"\[plan\.decisions\[4\]\.body\]: Feltet 'body' er tomt"
    ),
    Case(
        "minutes not a web address",
        in_decision("      url: https://www.norddjurs.dk/\n", "      url: www.norddjurs.dk/referat\n"),
        r"\[plan\.decisions\[4\]\.url\]: Linket skal være en hel webadresse, der begynder med https://.*'www\.norddjurs\.dk/referat'",
    ),
    Case(
        "minutes as a file on a computer",
        in_decision("      url: https://www.norddjurs.dk/\n", "      url: file:///C:/Referater/buu.pdf\n"),
        r"\[plan\.decisions\[4\]\.url\]: Linket skal være en hel webadresse",
    ),
    Case(
        "a decision id used twice",
        replace_in_plan("    - id: oeu-2024-06-18-4\n", "    - id: buu-2024-03-12-5\n"),
        r"\[plan\.decisions\[5\]\.id\]: Beslutnings-id'et 'buu-2024-03-12-5' er allerede brugt i linje \d+",
    ),
    Case(
        "a decision id that is no id",
        replace_in_plan("    - id: buu-2024-03-12-5\n", "    - id: BUU 12/3 pkt. 5\n"),
        r"\[plan\.decisions\[4\]\.id\]: Id'et 'BUU 12/3 pkt\. 5' er ikke tilladt",
    ),
    Case(
        "a misspelt decision field",
        in_decision("      outcome: Godkendt\n", "      outcom: Godkendt\n"),
        r"\[plan\.decisions\[4\]\.outcom\]: Ukendt felt 'outcom'\. Mente du 'outcome'\?",
    ),
    Case(
        "an agenda item that is a title",
        in_decision("      agenda_item: 5\n", "      agenda_item: Flere medarbejdere i dagtilbud, punkt 5\n"),
        r"\[plan\.decisions\[4\]\.agenda_item\]: Punktets nummer er \d+ tegn",
    ),
    Case("example not yes or no", in_decision("      example: true\n", "      example: måske\n"), r"\[plan\.decisions\[4\]\.example\]: Her skal stå"),
    Case("an example decision in a real plan", real_plan_with_examples_left, r"\[plan\.decisions\[4\]\.example\]: Beslutningen er markeret som et eksempel"),
    Case(
        "an unknown decision cited",
        replace_in_plan(CITATION, "        decision: buu-2024-03-12-6\n"),
        FLERE + r"\.decision\]: Ukendt beslutning 'buu-2024-03-12-6'\. Mente du 'buu-2024-03-12-5'\?",
    ),
    Case(
        "a decision cited by its outcome",
        replace_in_plan(CITATION, "        decision: Godkendt i udvalget\n"),
        FLERE + r"\.decision\]: Ukendt beslutning 'Godkendt i udvalget'\.",
    ),
    Case(
        "a change dated before the decision it cites",
        lambda p: (
            replace_in_plan(CITATION, "        decision: mtu-2024-08-20-7\n")(p)
            and line_of((p / PLAN).read_text(encoding="utf-8"), "      - date: 2024-03-28\n")
        ),
        FLERE + r"\.date\]: Punktet er dateret 2024-03-28, før beslutningen 'mtu-2024-08-20-7' blev truffet \(2024-08-20\)",
    ),
    Case(
        "a document's address that is no address",
        replace_in_plan(DOCUMENT_URL, "          url: notat.pdf\n"),
        CYCLE_PATHS + r"\.url\]: Linket skal være en hel webadresse",
    ),
    # named at the document's first line left
    Case("a document without a title", replace_in_plan(DOCUMENT_TITLE, ""), CYCLE_PATHS + r"\.title\]: Feltet 'title' mangler"),
    Case(
        "a document that is a text",
        replace_in_plan("        document:\n" + DOCUMENT_TITLE + DOCUMENT_URL, "        document: Notat om tidsplanen\n"),
        CYCLE_PATHS + r"\]: ",
    ),
]


def test_every_case_names_a_distinct_problem() -> None:
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("bad", CASES, ids=lambda c: c.name)
def test_bad_evidence_gets_a_clear_danish_message(project: Path, bad: Case) -> None:
    assert_reported(project, bad)
