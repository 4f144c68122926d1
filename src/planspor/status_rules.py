"""Read one block of statuses: into a Status whose badge everyone can read.

A status is shown as a coloured badge on every page. So its colours are checked
here, where the rule lives: "#RRGGBB" in quotes, and text on the badge with the
WCAG AA contrast of at least 4.5:1 (the text colour is chosen when not given).
Its icon must be one the site has, and it cannot be both finished and dropped.
"""

from __future__ import annotations

from .contrast import AA_NORMAL_TEXT, HEX_COLOUR, best_text_colour, contrast_ratio
from .located import PlanReader, describe
from .model import Status
from .plan_keys import STATUS_ICONS
from .yamlsource import YMap


def read_status(r: PlanReader, block: YMap, path: str, ident: str) -> Status:
    """A status; one with a wrong colour stays known, so its items are not reported for an unknown status too."""
    colour = read_colour(r, block, "colour", path)
    text_colour = read_colour(r, block, "text_colour", path) if "text_colour" in block else None
    label = r.required_text(block, "label", path, "Feltet 'label' er tomt. Skriv statussens navn, som det skal stå på mærket.")
    icon = r.typed(block, "icon", path, str, "")  # an id from a list: a comment after it is a comment
    if (icon or isinstance(block.get("icon"), str)) and icon not in STATUS_ICONS:
        r.unknown(block.line_of("icon"), f"{path}.icon", icon, dict.fromkeys(STATUS_ICONS), "ikon")
    meaning = r.required_text(block, "meaning", path, "Feltet 'meaning' er tomt. Skriv, hvad statussen betyder.")
    finished = r.flag(block, "finished", path)
    dropped = r.flag(block, "dropped", path)
    if finished and dropped:
        r.problem(block.line_of("dropped"), f"{path}.dropped", "En status kan ikke både være afsluttet (finished) og udgået (dropped).")
    if colour is None:
        # The colour is already reported; the status stays known, so the
        # items using it are not reported as having an unknown status too.
        return Status(ident, label, "#000000", "#FFFFFF", icon, meaning, finished, dropped)
    if text_colour is None:
        text_colour = best_text_colour(colour)
    _check_contrast(r, block, path, label, colour, text_colour)
    return Status(ident, label, colour.upper(), text_colour.upper(), icon, meaning, finished, dropped)


def read_colour(r: PlanReader, block: YMap, key: str, path: str) -> str | None:
    """A colour written as "#RRGGBB", or None; anything else written there is reported."""
    value = block.get(key)
    if isinstance(value, str) and HEX_COLOUR.match(value.strip()):
        return value.strip()
    if value is not None:
        r.problem(block.line_of(key), f"{path}.{key}", f'Farven skal skrives som "#RRGGBB" i anførselstegn, fx "#2E7D32", men der står {describe(value)}.')
    return None


def _check_contrast(r: PlanReader, block: YMap, path: str, label: str, colour: str, text_colour: str) -> None:
    """The badge's text must be readable on its colour: WCAG AA for normal text."""
    ratio = contrast_ratio(colour, text_colour)
    if ratio >= AA_NORMAL_TEXT:
        return
    r.problem(
        block.line_of("text_colour" if "text_colour" in block else "colour"),
        f"{path}.colour",
        f"Teksten på mærket '{label}' ({text_colour} på {colour}) har kontrasten {f'{ratio:.2f}'.replace('.', ',')}:1. "
        + "WCAG AA kræver mindst 4,5:1. "
        + "Vælg en mørkere eller lysere farve, eller fjern text_colour.",
    )
