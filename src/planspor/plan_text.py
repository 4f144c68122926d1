"""Edit the text of data/plan.yaml the way a careful editor would: by inserting lines.

The editing commands never re-serialise the plan. A round-trip through a YAML
library rewrites lines nobody touched (it joins continued plain scalars,
normalises indentation and booleans, moves comments), and every such line
shows up in the pull request. Instead the file's nodes, composed by libyaml,
give the exact position of every value, and each change becomes a text edit
at that position: a new history entry is inserted after the last line of the
item's history, a new item after the last line of `items:`, a changed field
replaces just its value. Everything else stays byte for byte as it was,
including comments, quoting, flow mappings and long lines (a BOM and CRLF are
plan_file.py's).

What the edits mean (which item, which status, is the date allowed) is the
commands' business (editing.py); this module only knows YAML text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import PlanInvalid, Problem
from .project import PLAN_FILE
from .yaml_text import block_entry, entry_text, is_flow, key_value_pair, mapping_value, render_flow, render_scalar, render_value, scalar_text, shifted
from .yamlsource import ComposedYaml

# -- rendering values as YAML text -------------------------------------------------


# -- locating nodes and editing the text -------------------------------------------


@dataclass(order=True)
class _Edit:
    start: int
    sequence: int
    end: int = field(compare=False)
    text: str = field(compare=False)


class PlanTextEditor:
    """Collects text edits against one version of plan.yaml, then applies them."""

    def __init__(self, plan_yaml: ComposedYaml, item_key_order: Sequence[str]) -> None:
        """Edit the text ``plan_yaml`` was composed from; a missing item field goes where ``item_key_order`` puts it."""
        text = plan_yaml.source.text
        self.text = text
        self.lines = text.split("\n")
        self.starts = [0]
        for line in self.lines[:-1]:
            self.starts.append(self.starts[-1] + len(line) + 1)
        self.key_order = tuple(item_key_order)
        root = plan_yaml.root
        if not isinstance(root, yaml.MappingNode):
            raise PlanInvalid([Problem(PLAN_FILE, 1, "", "Planen skal være en blok med felter (plan:, statuses:, ... items:).")])
        self.root = root
        self.edits: list[_Edit] = []

    # -- positions ------------------------------------------------------------

    def _last_line(self, node: yaml.Node) -> int:
        """The 0-based line holding the node's last character."""
        if isinstance(node, yaml.ScalarNode):
            end = node.end_mark
            if node.style in ("|", ">"):
                line = end.line - 1 if end.column == 0 else end.line
                while line > node.start_mark.line and not self.lines[line].strip():
                    line -= 1
                return line
            return end.line - 1 if end.column == 0 and end.line > node.start_mark.line else end.line
        if is_flow(node) or not node.value:
            return node.end_mark.line
        if isinstance(node, yaml.MappingNode):
            key, value = node.value[-1]
            return max(self._last_line(key), self._last_line(value))
        return self._last_line(node.value[-1])

    def _end_offset(self, node: yaml.Node) -> int:
        """The offset just after the node's last character."""
        if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
            line = self._last_line(node)
            return self.starts[line] + len(self.lines[line].rstrip())
        if isinstance(node, yaml.ScalarNode) or is_flow(node) or not node.value:
            return int(node.end_mark.index)
        last = node.value[-1]
        if isinstance(node, yaml.MappingNode):
            return max(self._end_offset(last[0]), self._end_offset(last[1]))
        return self._end_offset(last)

    def _after_line(self, line: int) -> tuple[int, str]:
        """The offset where text after `line` goes, and a newline it needs first."""
        if line + 1 < len(self.starts):
            return self.starts[line + 1], ""
        return len(self.text), "" if self.text.endswith("\n") else "\n"

    def _add(self, start: int, end: int, text: str) -> None:
        self.edits.append(_Edit(start, len(self.edits), end, text))

    # -- finding things -------------------------------------------------------

    def _top(self, key: str) -> yaml.Node | None:
        return next((v for k, v in self.root.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)

    def _items(self) -> yaml.SequenceNode:
        items = self._top("items")
        if not isinstance(items, yaml.SequenceNode):
            raise PlanInvalid([Problem(PLAN_FILE, None, "items", "Listen 'items:' mangler eller er ikke en liste.")])
        return items

    def _item(self, item_id: str) -> yaml.MappingNode:
        for node in self._items().value:
            if isinstance(node, yaml.MappingNode) and mapping_value(node, "id") is not None and scalar_text(mapping_value(node, "id")) == item_id:
                return node
        raise PlanInvalid([Problem(PLAN_FILE, None, "items", f"Indsatsen '{item_id}' findes ikke i filen.")])

    # -- edits ------------------------------------------------------------------

    def append_history(self, item_id: str, entry: Mapping[str, Any]) -> None:
        item = self._item(item_id)
        history = mapping_value(item, "history")
        if not isinstance(history, yaml.SequenceNode):
            raise PlanInvalid([Problem(PLAN_FILE, item.start_mark.line + 1, f"items[{item_id}].history", "Historikken er ikke en liste.")])
        if history.flow_style:
            self._append_to_flow(history, render_flow(entry))
            return
        dash = history.start_mark.column
        first = history.value[0] if history.value else None
        keys = first.start_mark.column if isinstance(first, yaml.MappingNode) and not first.flow_style else dash + 2
        offset, prefix = self._after_line(self._last_line(history))
        self._add(offset, offset, prefix + block_entry(entry, dash, keys))

    def set_field(self, item_id: str, key: str, value: Any) -> None:
        self._set_in(self._item(item_id), key, value)

    def _set_in(self, item: yaml.MappingNode, key: str, value: Any) -> None:
        """``key``'s value in the mapping replaced (its own characters only), or the key added in the item key order."""
        pair = key_value_pair(item, key)
        if pair is None:
            self._insert_field(item, key, value)
            return
        key_node, value_node = pair
        if item.flow_style:
            self._add(value_node.start_mark.index, value_node.end_mark.index, render_flow(value))
            return
        block_value = isinstance(value_node, yaml.CollectionNode) and not value_node.flow_style
        if block_value or (isinstance(value_node, yaml.ScalarNode) and value_node.style in ("|", ">")):
            self._add(key_node.end_mark.index, self._end_offset(value_node), ": " + render_value(value))
            return
        empty = isinstance(value_node, yaml.ScalarNode) and value_node.value == "" and not value_node.style
        self._add(value_node.start_mark.index, value_node.end_mark.index, (" " if empty else "") + render_value(value))

    def _insert_field(self, item: yaml.MappingNode, key: str, value: Any) -> None:
        if item.flow_style:
            self._append_to_flow(item, f"{key}: {render_flow(value)}")
            return
        offset, prefix = self.key_place(item, key)
        indent = " " * item.start_mark.column
        self._add(offset, offset, f"{prefix}{indent}{key}: {render_value(value)}\n")

    def key_place(self, item: yaml.MappingNode, key: str) -> tuple[int, str]:
        """Where a new ``key`` of a block item goes: after the keys the plan's key order puts before it
        (after the first key when none is there), as (offset, what to write before it)."""
        order = self.key_order
        position = order.index(key) if key in order else len(order)
        before = [(k, v) for k, v in item.value if k.value in order[:position]] or item.value[:1]
        last = max(max(self._last_line(k), self._last_line(v)) for k, v in before)
        return self._after_line(last)

    def _append_to_flow(self, node: yaml.CollectionNode, text: str) -> None:
        closing = node.end_mark.index - 1
        self._add(closing, closing, (", " if node.value else "") + text)

    def append_item(self, fields: Mapping[str, Any]) -> None:
        items = self._items()
        if items.flow_style:
            raise PlanInvalid(
                [
                    Problem(
                        PLAN_FILE, items.start_mark.line + 1, "items", "'items:' er skrevet som [...]. Skriv hver indsats som et punkt, der begynder med '- '."
                    )
                ]
            )
        dash = items.start_mark.column
        blocks = [n for n in items.value if isinstance(n, yaml.MappingNode) and not n.flow_style]
        keys = blocks[0].start_mark.column if blocks else dash + 2
        history_dash, history_keys = keys + 2, keys + 4
        for block in reversed(blocks):
            history = mapping_value(block, "history")
            if isinstance(history, yaml.SequenceNode) and not history.flow_style:
                history_dash = keys + (history.start_mark.column - block.start_mark.column)
                first = history.value[0] if history.value else None
                if isinstance(first, yaml.MappingNode) and not first.flow_style:
                    history_keys = history_dash + (first.start_mark.column - history.start_mark.column)
                break
        last_item = items.value[-1] if items.value else None
        separated = last_item is not None and last_item.start_mark.line > 0 and not self.lines[last_item.start_mark.line - 1].strip()
        lines: list[str] = []
        for index, (key, value) in enumerate(fields.items()):
            lead = " " * dash + "- " + " " * (keys - dash - 2) if index == 0 else " " * keys
            if key == "history":
                lines.append(f"{lead}history:\n" + "".join(block_entry(e, history_dash, history_keys) for e in value))
            else:
                lines.append(f"{lead}{key}: {render_value(value)}\n")
        offset, prefix = self._after_line(self._last_line(items)) if items.value else self._after_line(items.start_mark.line)
        self._add(offset, offset, prefix + ("\n" if separated else "") + "".join(lines))

    def rename_item(self, old: str, new: str) -> int:
        """Item ``old`` is now ``new``: its id, ``old`` added to its previous_ids, and ``old`` in other
        items' related: lists; each a change of the value's own characters, the rest of the line kept.
        How many related: lists named it."""
        item = self._item(old)
        id_node = mapping_value(item, "id")
        assert isinstance(id_node, yaml.ScalarNode)
        self._replace(id_node, new)
        self._extend_list(item, "previous_ids", [old])
        return sum(self._rename_in(node, "related", old, new) for node in self._items().value)

    def rename_entry(self, block: str, old: str, new: str, item_key: str, decision_bodies: bool) -> tuple[int, int]:
        """Entry ``old`` of a reference block (themes:, committees:) is now ``new``: its id, ``old`` added to
        its previous_ids, and ``old`` where items name it under ``item_key`` (and, with ``decision_bodies``,
        where a decision's body names it by id). How many items and decisions named it."""
        entries = self._top(block)
        entry = next(
            (n for n in entries.value if isinstance(n, yaml.MappingNode) and scalar_text(mapping_value(n, "id")) == old),
            None,
        ) if isinstance(entries, yaml.SequenceNode) else None  # fmt: skip
        if entry is None:
            raise PlanInvalid([Problem(PLAN_FILE, None, block, f"'{old}' findes ikke under {block}: i filen.")])
        id_node = mapping_value(entry, "id")
        assert isinstance(id_node, yaml.ScalarNode)
        self._replace(id_node, new)
        self._extend_list(entry, "previous_ids", [old])
        items = sum(self._rename_in(node, item_key, old, new) for node in self._items().value)
        decisions = mapping_value(self.plan_block(), "decisions") if decision_bodies else None
        bodies = decisions.value if isinstance(decisions, yaml.SequenceNode) else []
        return items, sum(self._rename_in(node, "body", old, new) for node in bodies)

    def _rename_in(self, node: yaml.Node, key: str, old: str, new: str) -> bool:
        """``old`` replaced by ``new`` in the mapping's ``key`` (an id, or a list of ids); whether it was there."""
        value = mapping_value(node, key) if isinstance(node, yaml.MappingNode) else None
        named = value.value if isinstance(value, yaml.SequenceNode) else [value] if isinstance(value, yaml.ScalarNode) else []
        matching = [entry for entry in named if isinstance(entry, yaml.ScalarNode) and entry.value == old]
        for entry in matching:
            self._replace(entry, new)
        return bool(matching)

    def _extend_list(self, item: yaml.MappingNode, key: str, values: Sequence[str]) -> None:
        """``values`` added at the end of the item's list of ids under ``key``, in the list's own style
        (``[a, b]`` or one ``- a`` a line); a missing key is written in the key order."""
        written = mapping_value(item, key)
        if written is None:
            self._insert_field(item, key, list(values))
        elif isinstance(written, yaml.SequenceNode) and written.flow_style:
            self._append_to_flow(written, ", ".join(render_scalar(value, flow=True) for value in values))
        elif isinstance(written, yaml.SequenceNode) and written.value:
            offset, prefix = self._after_line(self._last_line(written))
            self._add(offset, offset, prefix + "".join(f"{' ' * written.start_mark.column}- {render_scalar(value)}\n" for value in values))
        else:  # one id without brackets, or an empty value: a list of what was there and the new ids
            kept = [written.value] if isinstance(written, yaml.ScalarNode) and written.value else []
            self._set_in(item, key, [*kept, *values])

    def add_plans(self, wanted: Mapping[str, Sequence[str]]) -> None:
        """Each named item's ``plans`` made to name the plans in ``wanted`` (item id → plan ids, oldest
        first): written whole where the item has none, the missing ones appended where it has some.
        One pass over the items, so thousands of items cost no more than reading them."""
        for node in self._items().value:
            ident = scalar_text(mapping_value(node, "id")) if isinstance(node, yaml.MappingNode) else None
            if ident is None or ident not in wanted:
                continue
            assert isinstance(node, yaml.MappingNode)
            written = mapping_value(node, "plans")
            # an entry is a plan's id, or a block {plan: 2024-2027, ...} saying what the item was in it
            named = (
                {
                    scalar_text(entry) if isinstance(entry, yaml.ScalarNode) else scalar_text(mapping_value(entry, "plan"))
                    for entry in written.value
                    if isinstance(entry, yaml.ScalarNode | yaml.MappingNode)
                }
                if isinstance(written, yaml.SequenceNode)
                else set()
            )
            if isinstance(written, yaml.ScalarNode):
                named = {written.value}
            missing = [plan for plan in wanted[ident] if plan not in named]
            if written is None:
                self._insert_field(node, "plans", list(wanted[ident]))
            elif missing:
                self._extend_list(node, "plans", missing)

    # -- the plan block and earlier_plans -------------------------------------------

    def plan_block(self) -> yaml.MappingNode:
        """The top-level ``plan:`` block; one written as ``{...}`` cannot be edited key by key."""
        plan = self._top("plan")
        if not isinstance(plan, yaml.MappingNode) or plan.flow_style:
            line = plan.start_mark.line + 1 if plan is not None else None
            raise PlanInvalid([Problem(PLAN_FILE, line, "plan", "'plan:' er skrevet som {...}. Skriv hvert felt på sin egen linje under plan:.")])
        return plan

    def pair_text(self, block: yaml.MappingNode, key: str) -> str | None:
        """``key: value`` as the editor wrote it (comments inside a value and a block scalar's layout kept),
        moved so that the key stands at column 0 (append_earlier_plan indents it); None without the key."""
        pair = key_value_pair(block, key)
        if pair is None:
            return None
        key_node, value_node = pair
        text = self.text[key_node.start_mark.index : self._end_offset(value_node)]
        first, *rest = text.split("\n")
        return "\n".join([first, *(shifted(line, -key_node.start_mark.column) for line in rest)])

    def set_plan_field(self, key: str, value: Any, after: str) -> None:
        """A field of the plan block set to ``value``; a missing one goes after the field ``after``."""
        block = self.plan_block()
        if key_value_pair(block, key) is not None:
            self._set_in(block, key, value)
            return
        anchor = key_value_pair(block, after)
        assert anchor is not None, after
        offset, prefix = self._after_line(max(self._last_line(anchor[0]), self._last_line(anchor[1])))
        self._add(offset, offset, f"{prefix}{' ' * block.start_mark.column}{key}: {render_value(value)}\n")

    def remove_plan_field(self, key: str) -> None:
        """A field of the plan block removed: its lines, from the key to the value's last line."""
        block = self.plan_block()
        pair = key_value_pair(block, key)
        if pair is None:
            return
        key_node, value_node = pair
        end, _ = self._after_line(max(self._last_line(key_node), self._last_line(value_node)))
        self._add(self.starts[key_node.start_mark.line], end, "")

    def append_earlier_plan(self, pairs: Sequence[str]) -> None:
        """A last entry under ``earlier_plans:``, its fields given as ``key: value`` texts with the key at
        column 0 (see pair_text); the block is made right after the plan block when the file has none."""
        earlier = self._top("earlier_plans")
        if earlier is None:
            plan = self.plan_block()
            offset, prefix = self._after_line(self._last_line(plan))
            self._add(offset, offset, prefix + "\nearlier_plans:\n" + entry_text(pairs, 2, 4))
            return
        if not isinstance(earlier, yaml.SequenceNode) or earlier.flow_style or not earlier.value:
            raise PlanInvalid(
                [
                    Problem(
                        PLAN_FILE,
                        earlier.start_mark.line + 1,
                        "earlier_plans",
                        "'earlier_plans:' er ikke skrevet som en liste med et punkt, der begynder med '- ', for hver plan. Skriv den sådan, og prøv igen.",
                    )
                ]
            )
        dash = earlier.start_mark.column
        first = earlier.value[0]
        keys = first.start_mark.column if isinstance(first, yaml.MappingNode) and not first.flow_style else dash + 2
        offset, prefix = self._after_line(self._last_line(earlier))
        self._add(offset, offset, prefix + entry_text(pairs, dash, keys))

    def _replace(self, node: yaml.ScalarNode, value: str) -> None:
        """The scalar's characters (quotes included) replaced; an id needs no quotes in a list either."""
        self._add(node.start_mark.index, node.end_mark.index, render_scalar(value, flow=True))

    def result(self) -> str:
        text = self.text
        for edit in sorted(self.edits, reverse=True):
            text = text[: edit.start] + edit.text + text[edit.end :]
        return text
