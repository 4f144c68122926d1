"""Previous ids: addresses already published, kept on the entry that took them over.

An item, a theme or a committee that gets a new id writes its old one in ``previous_ids``; the site
keeps a page at the old address that forwards to the new one. The rules are the same wherever it is
written, so they live here once: an old id is a valid slug, short enough to be a folder's name, and
never an id or a previous id of another entry of the same block (one address would name two pages).
Items apply them in item_rules; themes and committees through :class:`PreviousIds`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .located import PlanReader, describe
from .slugs import PREVIOUS_ID_LENGTH, is_slug
from .yamlsource import YMap

KEY = "previous_ids"


def invalid_previous_id(old: object) -> str | None:
    """Why a written previous id cannot be an old address, in Danish; None when it can."""
    if not isinstance(old, str) or not is_slug(old):
        return f"Det tidligere id {describe(old)} er ikke et gyldigt id."
    if len(old) > PREVIOUS_ID_LENGTH:
        return (
            f"Det tidligere id er {len(old)} tegn langt; højst {PREVIOUS_ID_LENGTH} kan bruges, fordi adressen, der sendes videre fra, "
            + "gemmes som en mappe med det navn. En så lang adresse kan ikke have været offentliggjort: slet det tidligere id."
        )
    return None


def reused(ident: str, what: str, first_what: str, first_line: int) -> str:
    """The message for an id written a second time (as an id or a previous id)."""
    return f"Id'et '{ident}' ({what}) er allerede brugt som {first_what} i linje {first_line}. Et id må aldrig genbruges; vælg et nyt."


@dataclass
class PreviousIds:
    """The previous ids of one reference block (themes or committees).

    Each entry's are read as the entry is (:meth:`read`); whether one is used again can only be told
    once every entry's id is known, so :meth:`check` runs after the whole block is read."""

    r: PlanReader
    ids: dict[str, int] = field(default_factory=dict)  # every entry's id: its line
    written: list[tuple[str, int, str]] = field(default_factory=list)  # (old id, line, field)

    def read(self, block: YMap, path: str, ident: str) -> tuple[str, ...]:
        """The entry's valid previous ids; an invalid one is reported at its line and left out."""
        self.ids[ident] = block.line_of("id")
        kept: list[str] = []
        for index, (old, line) in enumerate(self.r.id_list(block, KEY, path)):
            where = f"{path}.{KEY}[{index + 1}]"
            problem = invalid_previous_id(old)
            if problem is not None:
                self.r.problem(line, where, problem)
                continue
            kept.append(str(old))
            self.written.append((str(old), line, where))
        return tuple(kept)

    def check(self) -> None:
        """Every previous id used once in the block: never an entry's id, never another previous id."""
        claimed = {ident: (line, "id") for ident, line in self.ids.items()}
        for old, line, where in self.written:
            if old in claimed:
                first_line, first_what = claimed[old]
                self.r.problem(line, where, reused(old, "tidligere id", first_what, first_line))
                continue
            claimed[old] = (line, "tidligere id")
