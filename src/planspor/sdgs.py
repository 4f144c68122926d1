"""Reference data shipped with Planspor: the UN goals' Danish titles and colours, and the status icons."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class Sdg:
    number: int
    title: str
    colour: str
    text_colour: str


@cache
def status_icons() -> dict[str, str]:
    """The icons a status may use: name -> SVG path on a 24x24 view box."""
    text = resources.files("planspor").joinpath("reference/status-icons.yaml").read_text(encoding="utf-8")
    return dict(yaml.safe_load(text))


@cache
def all_sdgs() -> dict[int, Sdg]:
    text = resources.files("planspor").joinpath("reference/sdg-da.yaml").read_text(encoding="utf-8")
    return {entry["number"]: Sdg(entry["number"], entry["title"], entry["colour"], entry["text"]) for entry in yaml.safe_load(text)}


def every_sdg() -> list[Sdg]:
    """All 17 goals in number order: each has its page whether or not the plan names it, so a link
    to a goal keeps working when the last item that named it lets go (an address never breaks)."""
    return [goal for _, goal in sorted(all_sdgs().items())]
