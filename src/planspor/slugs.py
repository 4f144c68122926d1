"""Danish slugs for URLs and heading anchors: æ→ae, ø→oe, å→aa."""

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
