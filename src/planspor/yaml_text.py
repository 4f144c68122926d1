"""How a value is written as YAML text in data/plan.yaml, and small readers of libyaml's nodes.

The editing commands (plan_text, progress_text, the import's text edits) write values by hand, so
a value comes out as an editor would write it: plain where YAML reads it back the same, in
quotes where not, lists and mappings in flow style ([a, b], {start: 2025}).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

import yaml

from .money import plan_number
from .periods import Period
from .yamlsource import LOADER

_WIDE = 1_000_000


def dump(value: Any) -> str:
    text = yaml.safe_dump(value, allow_unicode=True, width=_WIDE, default_flow_style=True)
    return text.removesuffix("\n...\n").removesuffix("\n")


def loads_back(text: str, value: Any) -> bool:
    try:
        return bool(yaml.load(text, Loader=LOADER) == value)
    except yaml.YAMLError:
        return False


def render_scalar(value: Any, flow: bool = False) -> str:
    """One value on one line; `flow` when it stands inside [...] or {...}."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return plan_number(value)
    if isinstance(value, int | dt.date):
        return dump(value)
    text = str(value)
    if "\n" not in text:
        plain = dump(text)
        unsafe_in_flow = flow and any(ch in text for ch in ",[]{}")
        if not unsafe_in_flow and loads_back(plain, text):
            return plain
    return json.dumps(text, ensure_ascii=False)


def render_flow(value: Any) -> str:
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{render_scalar(k, True)}: {render_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(render_flow(v) for v in value) + "]"
    return render_scalar(value, flow=True)


def render_value(value: Any) -> str:
    """A field's value after 'key: ' in a block mapping."""
    if isinstance(value, Mapping | list | tuple):
        return render_flow(value)
    return render_scalar(value)


def period_value(period: Period) -> Any:
    """How a period is written in plan.yaml: 2025, 2025-Q1, 2025-05 or a date."""
    if period.first == period.last:
        return period.first
    if period.text.isdigit():
        return int(period.text)
    return period.text


def key_value_pair(node: yaml.MappingNode, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    return next(((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)


def shifted(line: str, shift: int) -> str:
    """A continuation line of a moved value, indented ``shift`` more (or less: never past its own spaces).
    Every line moves alike, spaces-only ones too, so a block scalar keeps exactly its value."""
    if not line:
        return line
    if shift >= 0:
        return " " * shift + line
    return line[min(-shift, len(line) - len(line.lstrip(" "))) :]


def entry_text(pairs: Sequence[str], dash: int, keys: int) -> str:
    """A block sequence entry of ``key: value`` texts (each written for column 0) at the given columns."""
    lines = []
    for index, pair in enumerate(pairs):
        lead = " " * dash + "- " + " " * (keys - dash - 2) if index == 0 else " " * keys
        first, *rest = pair.split("\n")
        lines.append("\n".join([lead + first, *(shifted(line, keys) for line in rest)]) + "\n")
    return "".join(lines)


def is_flow(node: yaml.Node) -> bool:
    return isinstance(node, yaml.CollectionNode) and bool(node.flow_style)


def mapping_value(node: yaml.MappingNode, key: str) -> yaml.Node | None:
    return next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)


def scalar_text(node: yaml.Node | None) -> str | None:
    return node.value if isinstance(node, yaml.ScalarNode) else None


def block_entry(entry: Mapping[str, Any], dash: int, keys: int) -> str:
    lines = []
    for index, (key, value) in enumerate(entry.items()):
        lead = " " * dash + "- " + " " * (keys - dash - 2) if index == 0 else " " * keys
        lines.append(f"{lead}{key}: {render_value(value)}\n")
    return "".join(lines)
