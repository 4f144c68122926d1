"""The logo's file, checked before it is shown in the header of every page.

plan.logo.file names a file under content/. It must be there, be the picture its ending
says, and be small: it is fetched with every first visit. An SVG is a document that can
run scripts and fetch from other hosts, which no page of the site may do (nothing leaves
the site), so one is read as XML and refused with the first thing that would: a script,
an event handler, an embedded document, a reference to anything outside the file, a
style that imports or points elsewhere. Problems name plan.yaml's line of ``logo.file``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from .model import Logo
from .problems import Problem

MAX_LOGO_BYTES = 500 * 1024
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
FIELD = "plan.logo.file"
# Elements that run code or embed other documents.
FORBIDDEN_ELEMENTS = {"script", "foreignobject", "iframe", "object", "embed", "audio", "video", "handler", "listener"}
_URL_IN_STYLE = re.compile(r"url\(\s*(['\"]?)(?!#)([^)'\"]*)\1\s*\)|@import", re.IGNORECASE)


def logo_problems(logo: Logo | None, content: Path, plan_display: str) -> list[Problem]:
    """What is wrong with the logo's file under ``content`` (nothing without a logo)."""
    if logo is None:
        return []
    path = content / logo.file
    shown = f"content/{logo.file}"

    def problem(message: str) -> list[Problem]:
        return [Problem(plan_display, logo.line, FIELD, message)]

    if not path.is_file():
        return problem(f"Logoets fil {shown} findes ikke. Læg filen i content/ (fx content/filer/), og skriv stien efter content/ her.")
    data = path.read_bytes()
    if len(data) > MAX_LOGO_BYTES:
        return problem(
            f"{shown} fylder {len(data) // 1024} kB; et logo må højst fylde {MAX_LOGO_BYTES // 1024} kB, for det hentes på hver side. Gem det mindre."
        )
    if logo.file.lower().endswith(".png"):
        return [] if data.startswith(PNG_SIGNATURE) else problem(f"{shown} hedder .png, men er ikke et PNG-billede. Gem logoet som PNG eller SVG.")
    reason = svg_problem(data)
    return problem(f"{shown} kan ikke bruges som logo: {reason}") if reason else []


def svg_problem(data: bytes) -> str | None:
    """Why an SVG may not be shown on the site, in Danish; None when it may."""
    if re.search(rb"<!DOCTYPE|<!ENTITY", data, re.IGNORECASE):
        return "den har en DOCTYPE eller ENTITY, som kan hente andre filer. Gem den igen som almindelig SVG (fx 'Optimeret SVG')."
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        return f"den kan ikke læses som SVG (linje {error.position[0]}). Gem den igen fra tegneprogrammet."
    if _local(root.tag) != "svg":
        return f"filen er ikke en SVG (den begynder med <{_local(root.tag)}>, ikke <svg>)."
    for element in root.iter():
        name = _local(element.tag)
        if name in FORBIDDEN_ELEMENTS:
            return f"den indeholder <{name}>, som kan køre kode eller vise et andet dokument. Fjern det, eller gem logoet som PNG."
        for attribute, value in element.attrib.items():
            key = _local(attribute).lower()
            if key.startswith("on"):
                return f'<{name}> har {key}="…", som kører et script. Fjern det, eller gem logoet som PNG.'
            if key in ("href", "src") and not value.strip().startswith("#"):
                return f"<{name}> henter '{value.strip()[:60]}' udefra; sitet henter intet fra andre filer eller værter. Indlejr tegningen i selve SVG-filen."
            if key == "style" and _URL_IN_STYLE.search(value):
                return f"<{name}> har en stil, der henter noget udefra. Fjern url(…) og @import."
        if name == "style" and element.text and _URL_IN_STYLE.search(element.text):
            return "dens <style> henter noget udefra (url(…) eller @import). Fjern det."
    return None


def _local(tag: str) -> str:
    """A name without its XML namespace ('{http://www.w3.org/2000/svg}svg' is 'svg')."""
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""
