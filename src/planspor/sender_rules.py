"""Who sends the site: plan.logo and plan.contact in data/plan.yaml, read and checked.

A Danish public site says who is behind it and whom to ask. The plan block names the
municipality already; ``logo`` is its mark (a file under content/, with the text a screen
reader says instead), ``contact`` the unit, e-mail and phone for questions about the plan.
What is written here is checked as written; the logo's file itself is checked where the
files under content/ are known (``logo_file``).
"""

from __future__ import annotations

import re

from .located import PlanReader
from .model import Contact, Logo
from .plan_keys import CONTACT_OPTIONAL, LOGO_REQUIRED
from .yamlsource import YMap

# An address as people write one: something@domain.tld, no spaces, one @.
EMAIL = re.compile(r"^[A-Za-z0-9._%+'-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}$")
# A Danish number: eight digits, in pairs or groups of four, optionally after +45 or 0045.
PHONE = re.compile(r"^(?:(?:\+|00)45 ?)?(?:\d{2} ?\d{2} ?\d{2} ?\d{2}|\d{4} ?\d{4})$")
LOGO_SUFFIXES = (".svg", ".png")
ALT_LENGTH = 150


def logo(r: PlanReader, block: YMap) -> Logo | None:
    """plan.logo: ``file`` (under content/, SVG or PNG) and ``alt`` (what the logo shows, for those who cannot see it)."""
    entry = _written_block(r, block, "logo")
    if entry is None:
        return None
    r.fields(entry, "plan.logo", LOGO_REQUIRED, [])
    file = r.text(entry, "file", "plan.logo").replace("\\", "/")  # as written on Windows too: one form for the site, the file and plan.json
    alt = r.text(entry, "alt", "plan.logo")
    line = entry.line_of("file")
    if "file" in entry and not file:
        r.problem(line, "plan.logo.file", "Skriv logoets fil, fx filer/logo.svg (en fil i content/).")
    elif file and not file.lower().endswith(LOGO_SUFFIXES):
        r.problem(line, "plan.logo.file", f"Logoet skal være en SVG- eller PNG-fil (endelsen .svg eller .png), ikke '{file}'.")
    elif file.startswith("/") or "://" in file or ".." in file.split("/"):
        r.problem(line, "plan.logo.file", f"Skriv logoets sti inde i content/, fx filer/logo.svg, ikke '{file}'.")
    if "alt" in entry and not alt:
        r.problem(
            entry.line_of("alt"),
            "plan.logo.alt",
            "Skriv logoets alternative tekst: det, en skærmlæser siger i stedet for billedet, fx 'Norddjurs Kommunes logo'.",
        )
    elif len(alt) > ALT_LENGTH:
        r.problem(entry.line_of("alt"), "plan.logo.alt", f"Den alternative tekst er {len(alt)} tegn; højst {ALT_LENGTH}. Skriv kort, hvad logoet viser.")
    return Logo(file, alt, line) if file and alt else None


def contact(r: PlanReader, block: YMap) -> Contact | None:
    """plan.contact: any of ``unit``, ``email`` and ``phone`` (at least one), each checked as people write it."""
    entry = _written_block(r, block, "contact")
    if entry is None:
        return None
    r.fields(entry, "plan.contact", [], CONTACT_OPTIONAL)
    unit, email, phone = (r.text(entry, key, "plan.contact") for key in CONTACT_OPTIONAL)
    if email and not EMAIL.match(email):
        r.problem(entry.line_of("email"), "plan.contact.email", f"'{email}' er ikke en e-mailadresse. Skriv den som navn@kommune.dk, uden mellemrum.")
    if phone and not PHONE.match(phone):
        r.problem(
            entry.line_of("phone"),
            "plan.contact.phone",
            f"'{phone}' er ikke et dansk telefonnummer. Skriv de otte cifre, gerne i par: 89 59 10 00 (eventuelt med +45 foran).",
        )
    if not (unit or email or phone):
        r.problem(entry.line, "plan.contact", "Skriv mindst én af unit (enheden), email og phone, eller slet contact.")
        return None
    return Contact(unit, email, phone)


def _written_block(r: PlanReader, block: YMap, key: str) -> YMap | None:
    """plan.<key> when it is written with something: a block of fields, or a problem (and None)."""
    if block.get(key) is None:
        return None
    return r.mapping(block[key], block.line_of(key), f"plan.{key}")
