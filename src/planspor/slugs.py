"""Danish slugs for URLs and heading anchors: æ→ae, ø→oe, å→aa; and what makes an id valid.

An id is part of a public address (indsatser/<id>/) and of a file name (content/items/<id>.md),
so it is short: at most ID_LENGTH characters. Every path that makes or checks an id (the plan's
validation, `ny-indsats`, `omdøb`, the import) asks ``id_problem`` and makes ids with ``id_from``.
"""

from __future__ import annotations

import re
import unicodedata

_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "ae", "Ø": "oe", "Å": "aa"})
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def slugify(text: str, separator: str = "-") -> str:
    """'Økonomisk Politik' -> 'oekonomisk-politik'. Signature fits Markdown's toc."""
    text = text.translate(_DANISH)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NOT_SLUG.sub(separator, text.lower()).strip(separator)


def is_slug(text: str) -> bool:
    return bool(SLUG_PATTERN.match(text))


# The longest id: a public address and a file name, read and typed by people ('indsatser/<id>/').
# Sixty characters hold the slug of the seed plan's longest title (56; its longest id is 39);
# a file name may be 255 bytes, so even an id with a number after it is far from that.
ID_LENGTH = 60
# A previous id was an address already published, so it may be longer (it must keep answering),
# but never so long that its redirect's folder name would pass what a file system allows.
PREVIOUS_ID_LENGTH = 200

_ID_CHARACTERS = "Brug kun små bogstaver a-z, tal og bindestreg (æ→ae, ø→oe, å→aa)"


def id_problem(ident: object) -> str | None:
    """What is wrong with an id, in Danish, or None."""
    shown = f"'{ident}'" if isinstance(ident, str) else str(ident)
    if not isinstance(ident, str) or not is_slug(ident):
        example = id_from(ident) if isinstance(ident, str) else ""
        return f"Id'et {shown} er ikke tilladt. {_ID_CHARACTERS}, fx '{example or 'klima-og-miljoe'}'."
    if len(ident) > ID_LENGTH:
        return f"Id'et er {len(ident)} tegn langt; højst {ID_LENGTH} er tilladt, fordi det er en del af sidens adresse og notens filnavn. Forkort det, fx '{id_from(ident)}'."
    return None


def id_from(text: str, limit: int = ID_LENGTH) -> str:
    """The id a text makes: its slug, cut after the last whole word that fits in ``limit`` characters."""
    slug = slugify(text)
    if len(slug) <= limit:
        return slug
    cut = slug[: limit + 1]
    return cut[: cut.rfind("-")] if "-" in cut else slug[:limit]


_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-"})
_QUOTES = re.compile("[\"'“”„‟‘’‚‛«»]")


def title_key(title: str) -> str:
    """What makes two titles the same title: case, spacing, dashes and quotes aside
    ("Budget i balance – fase 2" is "budget i Balance - fase 2"). Two items may not share one
    (item_rules), and the import finds an item by its title with it (import_match)."""
    text = _QUOTES.sub("", unicodedata.normalize("NFC", title).translate(_DASHES))
    return " ".join(text.split()).casefold()
