"""`planspor import plan.docx`: the udmøntningsplan as the administration writes it in Word.

Each test builds a document with python-docx in a layout real plans use (kind → theme → table with
Heading styles; theme as a bold paragraph → table with a Type column and a theme row inside the
table), imports it as an editor would and reads data/plan.yaml as the plan then stands.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from conftest import REPO, run_planspor
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from test_editing import commit, ok, refused

from planspor.model import Plan
from planspor.project import load_plan


def add_table(document, headings: list[str], rows: list[list[str]]):  # type: ignore[no-untyped-def]
    table = document.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    for cell, heading in zip(table.rows[0].cells, headings, strict=True):
        cell.text = heading
    for values in rows:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value
    return table


def bold(document, text: str) -> None:  # type: ignore[no-untyped-def]
    document.add_paragraph().add_run(text).bold = True


def kind_theme_document(path: Path) -> Path:
    """Layout 1: Heading 1 per kind, Heading 2 per theme, a table of items under each."""
    document = Document()
    document.add_heading("Udmøntningsplan for budget 2024-2027", level=0)
    document.add_heading("Indledning", level=1)
    document.add_paragraph("De punkter, der allerede er implementeret, er markeret med X for afsluttet.")
    document.add_heading("Driftsændringer", level=1)
    document.add_heading("Økonomisk Politik", level=2)
    headings = ["Emne", "Proces", "Tværgående aspekter", "Udvalg", "Tidsplan", "Afsluttet"]
    add_table(
        document,
        headings,
        [
            [
                "Budget i balance på velfærdsområderne",
                "Fagområderne laver en analyse af udgiftspresset.\nAnalysen drøftes i fagudvalgene inden budgetseminaret.",
                "",
                "Økonomiudvalget og Social- og sundhedsudvalget",
                "1. kvartal 2024 - 4. kvartal 2024",
                "X",
            ],
            [
                "Kystsikring ved Grenaa havn",
                "Der laves en plan for sikring af havnefronten.",
                "Samarbejde med havnen.",
                "Økonomiudvalget",
                "fra 2025 og løbende",
                "",
            ],
        ],
    )
    document.add_heading("Anlægsprojekter", level=1)
    document.add_heading("Skoler og dagtilbud", level=2)
    table = add_table(
        document,
        ["Emne", "Udvalg", "Tidsplan"],
        [
            ["Renovering af skolebygninger", "Børne- og ungdomsudvalget, Miljø- og teknikudvalget", "2. kvartal 2024 – 4. kvartal 2025"],
            ["Nye legepladser i dagtilbud", "", "2025"],
        ],
    )
    table.cell(1, 1).merge(table.cell(2, 1))  # one Udvalg cell down two rows: both items get it
    document.add_paragraph("Samlet budget for planen:")
    add_table(document, ["År", "Beløb"], [["2024", "-150"]])  # not a table of items
    document.save(path)
    return path


def theme_type_document(path: Path) -> Path:
    """Layout 2: the theme as a bold paragraph, a Type column, and a theme as a row across the table."""
    document = Document()
    bold(document, "Effektiviseringer")
    table = add_table(
        document,
        ["Emne", "Type", "Fagudvalg", "Proces", "Tværgående aspekter", "Tidsplan"],
        [
            [
                "Mere digital selvbetjening i Borgerservice",
                "Driftsændring",
                "Økonomiudvalget; Beskæftigelsesudvalget",
                "Selvbetjening udbygges.",
                "",
                "1. kvt. 2024 - 4. kvt. 2025",
            ],
            ["Hensigtserklæringer til kommende års budgetforhandlinger", "", "", "", "", ""],
            ["Flere grønne tage på kommunens bygninger", "Hensigtserklæring", "Miljø- og teknikudvalget", "Tagene gennemgås og prioriteres.", "", "løbende"],
        ],
    )
    across = table.rows[2].cells
    across[0].merge(across[-1])  # "Hensigtserklæringer …" across the whole table: a theme heading
    inner = table.rows[3].cells
    inner[3].merge(inner[4])  # Proces and Tværgående aspekter as one cell
    document.save(path)
    return path


def plan_of(project: Path) -> Plan:
    return load_plan(project)


def test_kind_theme_and_table_land_each_item_under_its_kind_and_theme(project: Path, tmp_path: Path) -> None:
    commit(project)
    document = kind_theme_document(tmp_path / "plan.docx")
    out = ok(run_planspor(project, "import", str(document)))
    assert "Bemærk: tabel 3 (under 'Skoler og dagtilbud') er ikke en tabel med indsatser" in out
    assert "budget-i-balance: proces 'Fagområderne udarbejder" in out and " ⏎ Analysen drøftes" in out
    assert "status i-gang → afsluttet" in out
    plan = plan_of(project)

    budget = plan.items_by_id["budget-i-balance"]
    assert budget.status.finished and budget.kind.id == "driftsaendring" and budget.theme.id == "oekonomisk-politik"
    assert budget.process == "Fagområderne laver en analyse af udgiftspresset.\nAnalysen drøftes i fagudvalgene inden budgetseminaret."
    assert [c.id for c in budget.committees] == ["oekonomiudvalget", "social-og-sundhedsudvalget"]

    coast = plan.items_by_id["kystsikring-ved-grenaa-havn"]
    assert (coast.kind.id, coast.theme.id, coast.cross_cutting) == ("driftsaendring", "oekonomisk-politik", "Samarbejde med havnen.")
    assert coast.timing.label() == "løbende fra 2025"
    assert (project / "content/items/kystsikring-ved-grenaa-havn.md").is_file()

    playgrounds = plan.items_by_id["nye-legepladser-i-dagtilbud"]
    assert (playgrounds.kind.id, playgrounds.theme.id) == ("anlaegsprojekt", "skoler-og-dagtilbud")
    assert [c.id for c in playgrounds.committees] == ["boerne-og-ungdomsudvalget", "miljoe-og-teknikudvalget"], "the merged Udvalg cell"
    assert len(plan.items) == len(load_plan(REPO).items) + 2, "two new items, nothing twice"
    ok(run_planspor(project, "check"))

    commit(project)
    assert "Ingen ændringer" in ok(run_planspor(project, "import", str(document)))


def test_bold_headings_a_type_column_and_a_theme_row_inside_the_table(project: Path, tmp_path: Path) -> None:
    commit(project)
    document = theme_type_document(tmp_path / "plan.docx")
    out = ok(run_planspor(project, "import", str(document), "--tør"))
    assert "Bemærk: i tabel 1 (under 'Effektiviseringer'), række 4 går én celle over kolonne 4-5; teksten er læst i kolonne 4." in out
    ok(run_planspor(project, "import", str(document)))
    plan = plan_of(project)
    digital = plan.items_by_id["digital-selvbetjening"]
    assert digital.theme.id == "effektiviseringer" and digital.timing.label() == "1. kvartal 2024 – 4. kvartal 2025"
    roofs = plan.items_by_id["flere-groenne-tage-paa-kommunens-bygninger"]
    assert (roofs.kind.id, roofs.theme.id) == ("hensigtserklaering", "hensigtserklaeringer"), "the row across the table names the theme"
    assert (roofs.process, roofs.cross_cutting) == ("Tagene gennemgås og prioriteres.", ""), "a merged cell is read once, not twice"
    assert roofs.timing.label() == "løbende"
    commit(project)
    assert "Ingen ændringer" in ok(run_planspor(project, "import", str(document)))


def tracked_insertion(paragraph, text: str) -> None:  # type: ignore[no-untyped-def]
    """Add `text` to the paragraph as Word's Spor ændringer stores an insertion not yet accepted."""
    insertion = OxmlElement("w:ins")
    insertion.set(qn("w:id"), "1")
    insertion.set(qn("w:author"), "Redaktør")
    insertion.set(qn("w:date"), "2024-09-01T10:00:00Z")
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    insertion.append(run)
    paragraph._p.append(insertion)


def content_control(cell, text: str) -> None:  # type: ignore[no-untyped-def]
    """Put `text` in the cell inside a content control (w:sdt), which paragraph.text does not read."""
    paragraph = cell.paragraphs[0]
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    run, t = OxmlElement("w:r"), OxmlElement("w:t")
    t.text = text
    run.append(t)
    content.append(run)
    sdt.append(content)
    paragraph._p.append(sdt)


def test_text_python_docx_does_not_show_is_read_or_refused_never_lost(project: Path, tmp_path: Path) -> None:
    commit(project)
    document = Document()
    document.add_heading("Økonomisk Politik", level=2)
    table = add_table(document, ["Nr.", "Emne", "Ansvarlig"], [["budget-i-balance", "", ""]])
    content_control(table.cell(1, 2), "Økonomi og Styring")
    path = tmp_path / "plan.docx"
    document.save(path)
    out = ok(run_planspor(project, "import", str(path), "--tør"))
    assert "ansvarlig 'Økonomi og Personale' → 'Økonomi og Styring'" in out, "a content control's text is read"

    tracked_insertion(table.cell(1, 2).paragraphs[0], " og Digitalisering")
    document.add_heading("Effektiviserigner", level=2)  # a theme heading misspelt
    add_table(document, ["Emne", "Udvalg"], [["Mere digital selvbetjening i Borgerservice", "Økonomiudvalget"]])
    document.save(path)
    stderr = refused(run_planspor(project, "import", str(path)), project)
    assert (
        "plan.docx [tabel 1 (under 'Økonomisk Politik'), række 2, celle 3]: Her er ændringer, der ikke er godkendt (Spor ændringer): "
        "'og Digitalisering' (indsat). Importen ved ikke, om de skal med. Godkend eller afvis dem i Word"
    ) in stderr
    assert "plan.docx [overskriften 'Effektiviserigner']: Overskriften 'Effektiviserigner' står, hvor dokumentet ellers har en type eller et tema" in stderr
    assert "Mente du 'Effektiviseringer'?" in stderr


def test_a_document_without_items_or_not_a_document_is_named(project: Path, tmp_path: Path) -> None:
    commit(project)
    document = Document()
    document.add_paragraph("Referat af mødet")
    add_table(document, ["Navn", "Parti"], [["Niels Basballe", "A"]])
    document.save(tmp_path / "referat.docx")
    stderr = refused(run_planspor(project, "import", str(tmp_path / "referat.docx")), project)
    assert "Dokumentet har ingen tabel med indsatser" in stderr
    (tmp_path / "falsk.docx").write_bytes(b"not a zip")
    stderr = refused(run_planspor(project, "import", str(tmp_path / "falsk.docx")), project)
    assert "Filen kan ikke læses som et Word-dokument (.docx). Åbn den i Word, og gem den igen som .docx." in stderr


def test_the_example_document_is_the_whole_plan_and_imports_as_no_change(project: Path) -> None:
    """skabeloner/udmoentningsplan-eksempel.docx is what its script makes of the bundled plan, byte for byte,
    and importing it changes nothing: every item, kind, theme, committee and timing reads back as it is."""
    script = REPO / "skabeloner" / "lav_word_eksempel.py"
    spec = importlib.util.spec_from_file_location("lav_word_eksempel", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    example = REPO / "skabeloner" / "udmoentningsplan-eksempel.docx"
    assert module.write(load_plan(REPO)) == example.read_bytes(), "run python skabeloner/lav_word_eksempel.py"
    document = Document(str(example))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:3] == ["Driftsændringer", "Økonomisk Politik", "Effektiviseringer"]
    # One document is one plan: the current plan's items (the earlier plan's stay as they are).
    assert sum(len(table.rows) - 1 for table in document.tables) == len(load_plan(REPO).current_items())
    commit(project)
    assert ok(run_planspor(project, "import", str(example))).strip() == "Ingen ændringer: dokumentet svarer til planen."
