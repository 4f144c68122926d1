"""Published addresses stay: nothing with a page that an earlier version of the plan had may vanish.

Every item has a page at /indsatser/<id>/, every theme, committee and strategy one of its own
(/temaer/<id>/, /udvalg/<id>/, /strategier/<id>/) and every status a view (/status/<id>/). A
previous id keeps a page that forwards to the entry that took over. Deleting an entry, or renaming
it without writing its old id in `previous_ids`, would turn links that citizens and journalists
have shared into "Siden findes ikke". `planspor check --sammenlign-med <git ref>` compares the plan
with the one at that ref (the pull request's base, the commit before a push) and names every
address that would disappear.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from . import addresses
from .model import Plan
from .problems import Problem
from .project import PLAN_FILE
from .yamlsource import LOADER


class ComparisonFailed(Exception):
    """The earlier plan could not be read; the message says why, in Danish."""


@dataclass(frozen=True)
class Block:
    """A block of the plan whose entries each have a public address, and how a message names them."""

    key: str  # the block in data/plan.yaml
    address: Callable[[str], str]  # an entry's address, from addresses
    the: str  # the entry, definite, opening a sentence: 'Temaet'
    its: str  # its possessive, agreeing with it: 'Dets'
    plural: str  # for the summary: 'temaer'
    remedy: str  # what to do instead; {ident} is the vanished id


_RENAMED = "Er {it} lagt sammen med {another}, eller har {it} fået et nyt id, så skriv det gamle id under previous_ids på {the_one}, der tager over: previous_ids: [{{ident}}]."

# In the order of data/plan.yaml. Items are also the only block whose every entry the model knows
# with its previous ids; the others' previous_ids are read from the plan as written (see kept_ids).
BLOCKS = (
    Block(
        "statuses",
        addresses.status_view,
        "Statussen",
        "Dens",
        "statusser",
        "Behold statussen i listen under statuses.",
    ),
    Block(
        "themes",
        addresses.theme,
        "Temaet",
        "Dets",
        "temaer",
        "Behold temaet i planen. " + _RENAMED.format(it="det", another="et andet tema", the_one="det tema"),
    ),
    Block(
        "committees",
        addresses.committee,
        "Udvalget",
        "Dets",
        "udvalg",
        "Behold udvalget i planen. " + _RENAMED.format(it="det", another="et andet udvalg", the_one="det udvalg"),
    ),
    Block(
        "strategies",
        addresses.strategy,
        "Strategien",
        "Dens",
        "strategier",
        "Behold strategien i planen. " + _RENAMED.format(it="den", another="en anden strategi", the_one="den strategi"),
    ),
    Block(
        "items",
        addresses.item,
        "Indsatsen",
        "Dens",
        "indsatser",
        "En indsats, der ikke skal gennemføres, bliver i planen med status Udgået og en begrundelse. "
        "Har den fået et nyt id, så skriv det gamle under previous_ids på indsatsen: previous_ids: [{ident}].",
    ),
)


def nothing_vanished(ref: str) -> str:
    """The terminal's line when the comparison found every address still there."""
    kinds = [block.plural for block in BLOCKS]
    return f"Intet er forsvundet siden '{ref}': alle adresser på {', '.join(kinds[:-1])} og {kinds[-1]}, der var, findes stadig."


def earlier_plan_text(root: Path, ref: str) -> str | None:
    """data/plan.yaml as it was at `ref`; None when the plan did not exist then (nothing was published)."""
    git = shutil.which("git")
    if git is None:
        raise ComparisonFailed("git findes ikke på maskinen, så planen kan ikke sammenlignes med en tidligere version.")
    known = subprocess.run([git, "-C", str(root), "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], capture_output=True, text=True, check=False)
    if known.returncode != 0:
        raise ComparisonFailed(f"Versionen '{ref}' findes ikke i git-historikken. Hent den først (fx git fetch origin main), eller skriv en anden.")
    shown = subprocess.run([git, "-C", str(root), "show", f"{ref}:./{PLAN_FILE}"], capture_output=True, check=False)
    if shown.returncode != 0:
        return None
    return shown.stdout.decode("utf-8-sig", errors="replace")


def published_ids(entries: Any) -> dict[str, str]:
    """Every id and previous id of one block read as plain YAML, with its entry's title (a status's label)."""
    found: dict[str, str] = {}
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            continue
        title = str(entry.get("title") or entry.get("label") or entry.get("id") or "")
        previous = entry.get("previous_ids")
        for ident in [entry.get("id"), *(previous if isinstance(previous, list) else [])]:
            if isinstance(ident, str) and ident:
                found[ident] = title
    return found


def vanished(plan: Plan, plan_text: str, earlier_text: str, ref: str) -> list[Problem]:
    """A problem for each address of an item, theme, committee, strategy or status that the earlier plan had and this one has not."""
    try:
        earlier = read_blocks(earlier_text, [block.key for block in BLOCKS])
    except yaml.YAMLError:
        raise ComparisonFailed(f"Planen i '{ref}' kan ikke læses, så den kan ikke sammenlignes med.") from None
    kept = kept_ids(plan, plan_text)
    problems: list[Problem] = []
    for block in BLOCKS:
        line = _block_line(plan_text, block.key)
        for ident, title in published_ids(earlier.get(block.key)).items():
            if ident not in kept[block.key]:
                problems.append(Problem(PLAN_FILE, line, block.key, _message(block, ident, title, ref)))
    return problems


def kept_ids(plan: Plan, plan_text: str) -> dict[str, set[str]]:
    """The ids and previous ids each block has now.

    Items come from the model. The other blocks come from the plan as written, so their
    previous_ids count whether or not the validator reads that key on them."""
    others = [block.key for block in BLOCKS if block.key != "items"]
    written = read_blocks(plan_text, others)  # validated YAML: it reads
    kept = {key: set(published_ids(written.get(key))) for key in others}
    kept["items"] = {item.id for item in plan.items} | {old for item in plan.items for old in item.previous_ids}
    return kept


def read_blocks(text: str, keys: Collection[str]) -> dict[str, Any]:
    """The plan's top-level blocks named by ``keys``, as plain YAML.

    Only those blocks' text is parsed: the rest of a plan of 10,000 items takes seconds to read.
    A block can only start at a key in the first column; should the blocks not read on their
    own (an alias to an anchor in another block), the whole text is read."""
    starts = [(match.group(1), match.start()) for match in _TOP_LEVEL_KEY.finditer(text)]
    ends = [start for _, start in starts[1:]] + [len(text)]
    wanted = "".join(text[start:end] for (key, start), end in zip(starts, ends, strict=True) if key in keys)
    try:
        loaded = yaml.load(wanted, Loader=LOADER)
    except yaml.YAMLError:
        loaded = yaml.load(text, Loader=LOADER)
    return loaded if isinstance(loaded, dict) else {}


def _message(block: Block, ident: str, title: str, ref: str) -> str:
    return (
        f"{block.the} '{ident}' ({title}) er ikke i planen længere, men var der i '{ref}'. {block.its} side, /{block.address(ident)}, "
        f"kan være delt og linket til, og den ville forsvinde. {block.remedy.format(ident=ident)}"
    )


_TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:", re.MULTILINE)


def _block_line(text: str, key: str) -> int | None:
    match = re.search(rf"^{re.escape(key)}[ \t]*:", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None
