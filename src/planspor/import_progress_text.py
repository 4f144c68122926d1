"""The progress sheets' changes written into the text of data/plan.yaml, every other line as it was.

A changed title, planned period or reached day replaces just its value. A new measurement goes in
with `planspor måling`'s edit (progress_text), in date order and its neighbours' style; a new
milestone goes in after the milestone planned last before it, in its neighbours' style, or as the
item's first `milestones:` block where its key order puts it. Each edit is made against the text it
was composed from, so a list that is still empty can take only its first entry: the rest, and the
milestones of an item the same import adds, go in on another pass over the text the first one made
(at most three passes: an item, its first milestone, the rest). This module changes when a progress
change is written differently.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import yaml

from .import_progress_rows import Entry, ProgressEdits
from .periods import PeriodError, parse_period
from .plan_keys import ITEM_KEY_ORDER
from .problems import PlanInvalid
from .progress_text import ProgressTextEditor
from .yaml_text import block_entry, is_flow, mapping_value, render_flow, render_scalar
from .yamlsource import SourceText, compose_yaml

_EARLIEST = (dt.date.min, dt.date.min)


def write_progress(editor: ImportTextEditor, edits: ProgressEdits, source: SourceText) -> str:
    """The plan's text with ``editor``'s edits and the sheets' (``source``: the text ``editor`` was made from)."""
    for value in edits.values:
        editor.set_milestone_value(value.item, value.milestone, value.key, value.value)
    pending: dict[tuple[str, str | None], list[Entry]] = {}
    for entry in sorted(edits.entries, key=lambda e: e.order):
        pending.setdefault((entry.item, entry.indicator), []).append(entry)
    while True:
        later: dict[tuple[str, str | None], list[Entry]] = {}
        for target, entries in pending.items():
            count = editor.listed(*target)
            now = [] if count is None else entries if count else entries[:1]
            for entry in now:
                editor.add_entry(entry)
            if len(now) < len(entries):
                later[target] = entries[len(now) :]
        text = editor.result()
        if not later:
            return text
        assert later != pending, "a pass that adds nothing would never end"
        editor, pending = ImportTextEditor(compose_yaml(replace(source, text=text)), ITEM_KEY_ORDER), later


class ImportTextEditor(ProgressTextEditor):
    """ProgressTextEditor, with the edits only the import makes: a new milestone, a milestone's title or period."""

    def listed(self, item_id: str, indicator_id: str | None) -> int | None:
        """How many milestones the item has in this text (``indicator_id``: measurements the indicator has);
        None if the item or indicator is not in this text yet."""
        try:
            if indicator_id is None:
                listed = mapping_value(self._item(item_id), "milestones")
            else:
                listed = mapping_value(self._entry(item_id, "indicators", indicator_id), "measurements")
        except PlanInvalid:
            return None
        return len(listed.value) if isinstance(listed, yaml.SequenceNode) else 0

    def add_entry(self, entry: Entry) -> None:
        if entry.indicator is None:
            self.add_milestone(entry.item, entry.fields, entry.order)
        else:
            self.insert_measurement(entry.item, entry.indicator, entry.fields)

    def set_milestone_value(self, item_id: str, milestone_id: str, key: str, value: Any) -> None:
        """The milestone's ``key`` is ``value``: its characters replaced (``reached:`` added when missing)."""
        if key == "reached":
            self.set_reached(item_id, milestone_id, value)
            return
        milestone = self._entry(item_id, "milestones", milestone_id)
        key_node, node = next((k, v) for k, v in milestone.value if isinstance(k, yaml.ScalarNode) and k.value == key)
        if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
            self._add(key_node.end_mark.index, self._end_offset(node), ": " + render_scalar(value))
        else:
            self._add(node.start_mark.index, node.end_mark.index, render_scalar(value, flow=bool(milestone.flow_style)))

    def add_milestone(self, item_id: str, fields: Mapping[str, Any], order: tuple[dt.date, dt.date]) -> None:
        """A new milestone after the last one planned no later (first when none is), or the item's first."""
        item = self._item(item_id)
        pair = next(((k, v) for k, v in item.value if isinstance(k, yaml.ScalarNode) and k.value == "milestones"), None)
        listed = pair[1] if pair else None
        if isinstance(listed, yaml.SequenceNode) and listed.value:
            self._among(listed, fields, order)
        elif isinstance(listed, yaml.SequenceNode) or (item.flow_style and listed is not None):  # [] (or null in a {…} item)
            self._add(listed.start_mark.index, listed.end_mark.index, f"[{render_flow(fields)}]")
        elif item.flow_style:
            self._append_to_flow(item, f"milestones: [{render_flow(fields)}]")
        elif pair is not None:  # "milestones:" with nothing (or null) after it: the list goes under the key
            key, value = pair
            self._add(key.end_mark.index, value.end_mark.index, ":")
            dash, keys = self._milestone_columns(item)
            offset, prefix = self._after_line(key.start_mark.line)
            self._add(offset, offset, prefix + block_entry(fields, dash, keys))
        else:
            self._new_key(item, fields)

    def _among(self, listed: yaml.SequenceNode, fields: Mapping[str, Any], order: tuple[dt.date, dt.date]) -> None:
        earlier = [node for node in listed.value if _planned(node) <= order]
        after = earlier[-1] if earlier else None
        neighbour = after or listed.value[0]
        if listed.flow_style:
            where = after.end_mark.index if after else neighbour.start_mark.index
            self._add(where, where, f", {render_flow(fields)}" if after else f"{render_flow(fields)}, ")
            return
        dash = listed.start_mark.column
        keys = neighbour.start_mark.column if isinstance(neighbour, yaml.MappingNode) and not neighbour.flow_style else dash + 2
        text = f"{' ' * dash}- {render_flow(fields)}\n" if is_flow(neighbour) else block_entry(fields, dash, keys)
        if after is None:
            self._add(self.starts[neighbour.start_mark.line], self.starts[neighbour.start_mark.line], text)
        else:
            offset, prefix = self._after_line(self._last_line(after))
            self._add(offset, offset, prefix + text)

    def _new_key(self, item: yaml.MappingNode, fields: Mapping[str, Any]) -> None:
        """``milestones:`` with its first entry, one key a line, after the keys the plan's key order puts before it."""
        offset, prefix = self.key_place(item, "milestones")
        dash, keys = self._milestone_columns(item)
        self._add(offset, offset, f"{prefix}{' ' * item.start_mark.column}milestones:\n" + block_entry(fields, dash, keys))

    def _milestone_columns(self, item: yaml.MappingNode) -> tuple[int, int]:
        """Where the dash and the keys of a milestone stand, as the plan's first block of milestones has them."""
        for other in self._items().value:
            listed = mapping_value(other, "milestones") if isinstance(other, yaml.MappingNode) and not other.flow_style else None
            if isinstance(listed, yaml.SequenceNode) and not listed.flow_style and listed.value and not is_flow(listed.value[0]):
                dash = listed.start_mark.column - other.start_mark.column
                return item.start_mark.column + dash, item.start_mark.column + dash + listed.value[0].start_mark.column - listed.start_mark.column
        return item.start_mark.column + 2, item.start_mark.column + 4


def _planned(node: yaml.Node) -> tuple[dt.date, dt.date]:
    """A milestone node's planned period, for its place; one that cannot be read sorts first."""
    value = mapping_value(node, "planned") if isinstance(node, yaml.MappingNode) else None
    try:
        return parse_period(value.value).sort_key if isinstance(value, yaml.ScalarNode) else _EARLIEST
    except PeriodError:
        return _EARLIEST
