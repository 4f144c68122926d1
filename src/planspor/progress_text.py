"""Text edits on an item's milestones and indicators: a milestone reached, a measurement added.

The same way as plan_text.py edits the rest of data/plan.yaml: by inserting or replacing the
characters of one value, so that every other line stays as the editor wrote it. A new
measurement takes the style of its neighbours (``- {date: …, value: …, source: …}`` on one line,
or one key a line) and its place in date order; an indicator without measurements gets them in
the style the plan's other indicators use (one key a line when none has any).

What the edits mean (does the milestone exist, is the date allowed) is progress_editing.py's business.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from .periods import PeriodError, parse_date_text
from .plan_text import PlanTextEditor
from .problems import PlanInvalid, Problem
from .project import PLAN_FILE
from .yaml_text import block_entry, is_flow, mapping_value, render_flow, render_scalar


@dataclass(frozen=True)
class _Layout:
    """How a list of measurements is written: entries on one line, the dash's and the keys' columns after the indicator's keys."""

    flow_entries: bool = False
    dash: int = 2
    keys: int = 4


class ProgressTextEditor(PlanTextEditor):
    """PlanTextEditor, with the edits of `planspor milepæl` and `planspor måling`."""

    # -- finding --------------------------------------------------------------

    def _entry(self, item_id: str, key: str, ident: str) -> yaml.MappingNode:
        """The block with this id in the item's milestones: or indicators: list."""
        listed = mapping_value(self._item(item_id), key)
        for node in listed.value if isinstance(listed, yaml.SequenceNode) else ():
            if isinstance(node, yaml.MappingNode) and _text(mapping_value(node, "id")) == ident:
                return node
        raise PlanInvalid([Problem(PLAN_FILE, None, f"items[{item_id}].{key}", f"'{ident}' findes ikke under {key}: i filen.")])

    def measurement_line(self, item_id: str, indicator_id: str, day: dt.date) -> int | None:
        """The line (from 1) of the indicator's measurement on ``day``, if it has one."""
        measurements = mapping_value(self._entry(item_id, "indicators", indicator_id), "measurements")
        for entry in measurements.value if isinstance(measurements, yaml.SequenceNode) else ():
            if isinstance(entry, yaml.MappingNode) and _day(entry) == day:
                return int(entry.start_mark.line) + 1
        return None

    # -- milepæl ----------------------------------------------------------------

    def set_reached(self, item_id: str, milestone_id: str, day: dt.date) -> None:
        """The milestone's ``reached:`` is ``day``: its value replaced, or the key added after the milestone's last key."""
        milestone = self._entry(item_id, "milestones", milestone_id)
        value = mapping_value(milestone, "reached")
        if isinstance(value, yaml.ScalarNode):  # a date to correct, or an empty value (or null) to fill in
            empty = value.value == "" and not value.style
            self._add(value.start_mark.index, value.end_mark.index, (" " if empty else "") + render_scalar(day, flow=True))
        elif milestone.flow_style:
            self._append_to_flow(milestone, f"reached: {render_scalar(day, flow=True)}")
        else:
            offset, prefix = self._after_line(self._last_line(milestone))
            self._add(offset, offset, f"{prefix}{' ' * milestone.start_mark.column}reached: {render_scalar(day)}\n")

    # -- måling -----------------------------------------------------------------

    def insert_measurement(self, item_id: str, indicator_id: str, entry: Mapping[str, Any]) -> None:
        """``entry`` (date first) among the indicator's measurements in date order; ``measurements:`` made when missing."""
        indicator = self._entry(item_id, "indicators", indicator_id)
        pair = next(((k, v) for k, v in indicator.value if isinstance(k, yaml.ScalarNode) and k.value == "measurements"), None)
        if pair is None:
            self._add_measurements_key(indicator, entry)
            return
        key, measurements = pair
        if isinstance(measurements, yaml.SequenceNode) and measurements.value:
            self._insert_among(measurements, entry)
        elif isinstance(measurements, yaml.SequenceNode):  # []
            self._append_to_flow(measurements, render_flow(entry))
        elif indicator.flow_style:  # {…, measurements: , …} or null
            self._add(key.end_mark.index, measurements.end_mark.index, f": [{render_flow(entry)}]")
        else:  # "measurements:" with no value (or null): the list goes under the key
            self._add(key.end_mark.index, measurements.end_mark.index, ":")
            layout = self._layout()
            column = key.start_mark.column
            offset, prefix = self._after_line(key.start_mark.line)
            self._add(offset, offset, prefix + _rendered(entry, layout.flow_entries, column + layout.dash, column + layout.keys))

    def _insert_among(self, measurements: yaml.SequenceNode, entry: Mapping[str, Any]) -> None:
        """After the last measurement before the new one's date (first when there is none)."""
        earlier = [node for node in measurements.value if isinstance(node, yaml.MappingNode) and (_day(node) or dt.date.min) < entry["date"]]
        after = earlier[-1] if earlier else None
        neighbour = after or measurements.value[0]
        if measurements.flow_style:
            text = render_flow(entry)
            if after is None:
                self._add(neighbour.start_mark.index, neighbour.start_mark.index, f"{text}, ")
            else:
                self._add(after.end_mark.index, after.end_mark.index, f", {text}")
            return
        dash = measurements.start_mark.column
        keys = neighbour.start_mark.column if isinstance(neighbour, yaml.MappingNode) and not neighbour.flow_style else dash + 2
        lines = _rendered(entry, is_flow(neighbour), dash, keys)
        if after is None:
            offset = self.starts[neighbour.start_mark.line]
            self._add(offset, offset, lines)
        else:
            offset, prefix = self._after_line(self._last_line(after))
            self._add(offset, offset, prefix + lines)

    def _add_measurements_key(self, indicator: yaml.MappingNode, entry: Mapping[str, Any]) -> None:
        if indicator.flow_style:
            self._append_to_flow(indicator, f"measurements: [{render_flow(entry)}]")
            return
        layout = self._layout()
        column = indicator.start_mark.column
        offset, prefix = self._after_line(self._last_line(indicator))
        self._add(offset, offset, f"{prefix}{' ' * column}measurements:\n" + _rendered(entry, layout.flow_entries, column + layout.dash, column + layout.keys))

    def _layout(self) -> _Layout:
        """How the plan's first indicator with measurements in block style writes them (one key a line when none does)."""
        for indicator in self._indicators():
            measurements = mapping_value(indicator, "measurements")
            if indicator.flow_style or not isinstance(measurements, yaml.SequenceNode) or measurements.flow_style or not measurements.value:
                continue
            first = measurements.value[0]
            dash = measurements.start_mark.column - indicator.start_mark.column
            keys = first.start_mark.column - indicator.start_mark.column if not is_flow(first) else dash + 2
            return _Layout(is_flow(first), dash, keys)
        return _Layout()

    def _indicators(self) -> Iterator[yaml.MappingNode]:
        for item in self._items().value:
            indicators = mapping_value(item, "indicators") if isinstance(item, yaml.MappingNode) else None
            if isinstance(indicators, yaml.SequenceNode):
                yield from (node for node in indicators.value if isinstance(node, yaml.MappingNode))


def _rendered(entry: Mapping[str, Any], flow: bool, dash: int, keys: int) -> str:
    """A list entry: ``- {…}`` on one line, or one key a line."""
    if flow:
        return f"{' ' * dash}- {render_flow(entry)}\n"
    return block_entry(entry, dash, keys)


def _text(node: yaml.Node | None) -> str | None:
    return node.value if isinstance(node, yaml.ScalarNode) else None


def _day(entry: yaml.MappingNode) -> dt.date | None:
    text = _text(mapping_value(entry, "date"))
    try:
        return parse_date_text(text) if text else None
    except PeriodError:
        return None
