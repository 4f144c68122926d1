"""Lav eksemplet på en udmøntningsplan i Word: python skabeloner/lav_word_eksempel.py

Skriver skabeloner/udmoentningsplan-eksempel.docx ud fra den gældende plan i data/plan.yaml,
sådan som administrationen skriver planen i Word: en overskrift (Overskrift 1)
for hver type (Driftsændringer, Anlægsprojekter, Hensigtserklæringer), under
den en overskrift (Overskrift 2) for hvert tema og en tabel med temaets
indsatser af den type. Kolonnerne er dem, importen kender: Nr., Emne, Proces,
Tværgående aspekter, Udvalg, Tidsplan og Afsluttet (X).

Importeres dokumentet i projektet, ændrer det intet: `planspor import
skabeloner/udmoentningsplan-eksempel.docx` siger "Ingen ændringer". Ret i en
kopi, og importer den, for at se, hvordan en ændring i Word bliver til en
ændring i planen. Kør scriptet igen, når planen ændres; filen bliver den samme
hver gang.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.shared import Cm, Pt

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from planspor.model import Item, Kind, Plan  # noqa: E402
from planspor.project import load_plan  # noqa: E402

EXAMPLE = REPO / "skabeloner" / "udmoentningsplan-eksempel.docx"
COLUMNS = ("Nr.", "Emne", "Proces", "Tværgående aspekter", "Udvalg", "Tidsplan", "Afsluttet")
WIDTHS_CM = (3.0, 3.5, 5.0, 3.5, 3.0, 2.5, 1.5)
FIXED_TIME = (2024, 1, 1, 0, 0, 0)  # every part of the file gets this date, so the file is the same every time


def plural(kind: Kind) -> str:
    """'Driftsændring' -> 'Driftsændringer', as the plan's headings name the kinds."""
    title = kind.title
    return title + "r" if title.endswith("e") else title + "er"


def row(item: Item) -> list[str]:
    return [
        item.id,
        item.title,
        item.process,
        item.cross_cutting,
        ", ".join(c.title for c in item.committees),
        item.timing.shown(),
        "X" if item.status.finished else "",
    ]


def write(plan: Plan) -> bytes:
    document = Document()
    document.styles["Normal"].font.size = Pt(9)
    section = document.sections[0]
    section.left_margin = section.right_margin = Cm(1.5)
    document.core_properties.title = plan.info.title
    document.core_properties.author = plan.info.municipality
    document.add_heading(plan.info.title, level=0)
    document.add_paragraph("De punkter, der allerede er implementeret, er markeret med X for afsluttet. De anførte tidspunkter i planen er vejledende.")
    for kind in plan.kinds:
        items = [item for item in plan.current_items() if item.kind == kind]
        if not items:
            continue
        document.add_heading(plural(kind), level=1)
        for theme in plan.themes:
            rows = [row(item) for item in items if item.theme == theme]
            if not rows:
                continue
            document.add_heading(theme.title, level=2)
            table = document.add_table(rows=1, cols=len(COLUMNS))
            table.style = "Table Grid"
            for cell, heading, width in zip(table.rows[0].cells, COLUMNS, WIDTHS_CM, strict=True):
                cell.text = heading
                cell.paragraphs[0].runs[0].bold = True
                cell.width = Cm(width)
            for values in rows:
                for cell, value, width in zip(table.add_row().cells, values, WIDTHS_CM, strict=True):
                    cell.text = value
                    cell.width = Cm(width)
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_dates(buffer.getvalue())


def _fixed_dates(docx: bytes) -> bytes:
    """The same bytes for the same plan: each zip entry dated FIXED_TIME, in the order python-docx wrote them."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = _fixed_core_dates(data)
            target.writestr(zipfile.ZipInfo(info.filename, FIXED_TIME), data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _fixed_core_dates(core: bytes) -> bytes:
    import re

    return re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)", rb"\g<1>2024-01-01T00:00:00Z\g<2>", core)


def main() -> int:
    EXAMPLE.write_bytes(write(load_plan(REPO)))
    print(f"Skrev {EXAMPLE.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
