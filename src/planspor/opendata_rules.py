"""What the plan block says of its open data: plan.license and plan.municipality_code, read and checked.

The licence is a short name from licences.KNOWN (CC-BY-4.0 unless written) or the address of another
licence; the municipality's code (four digits, '0707') identifies it as the catalogue's spatial coverage.
YAML reads 0707 as an octal number, so the code is taken as it was written.
"""

from __future__ import annotations

import re

from .licences import DEFAULT, KNOWN
from .located import WEB_LINK, PlanReader, describe
from .yamlsource import YMap

CODE = re.compile(r"^0?[1-9]\d{2}$")  # Danish municipalities are numbered 101 to 999


def licence(r: PlanReader, block: YMap) -> str:
    if block.get("license") is None:
        return DEFAULT
    written = r.text(block, "license", "plan")
    if written in KNOWN or WEB_LINK.match(written):
        return written
    close = next((name for name in KNOWN if name.replace("-", "").lower() == written.replace("-", "").replace(" ", "").lower()), None)
    hint = f" Mente du '{close}'?" if close else ""
    r.problem(
        block.line_of("license"),
        "plan.license",
        f"Ukendt licens {describe(written)}.{hint} Skriv en af {', '.join(KNOWN)} eller adressen på en anden licens (https://…). Uden feltet gælder {DEFAULT}.",
    )
    return DEFAULT


def municipality_code(r: PlanReader, block: YMap) -> str:
    if block.get("municipality_code") is None:
        return ""
    written = (block.written("municipality_code") or str(block["municipality_code"])).strip().strip("'\"")
    if not CODE.match(written):
        r.problem(
            block.line_of("municipality_code"),
            "plan.municipality_code",
            f'Kommunekoden skal være kommunens nummer med fire cifre, fx "0707" for Norddjurs, men der står {describe(written)}.',
        )
        return ""
    return written.zfill(4)
