"""Turn the located YAML of plan.yaml into a Plan, reporting every problem at once.

Each check names the file, the line, the field, what was found and what is
allowed. Nothing is guessed: an unknown field is an error (with a suggestion),
never ignored. This is the one entry point (project and editing call it); the
checks live in located (one value), plan_rules and item_rules (what the plan
means), status_rules (colours) and budget_rules (amounts), the keys in plan_keys.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .located import PlanReader, describe
from .model import Plan
from .plan_keys import TOP_LEVEL, TOP_LEVEL_REQUIRED
from .plan_rules import PlanBuilder
from .problems import PlanInvalid, Problem
from .yamlsource import YMap


def build_plan(root: Any, display: str, latest: dt.date | None = None) -> Plan:
    """Validate located YAML into a Plan, or raise PlanInvalid with every problem.

    ``latest``: the latest date data_as_of may be (buildinfo.reference_date); None: not checked."""
    reader = PlanReader(display)
    if root is None or (isinstance(root, YMap) and not root):
        raise PlanInvalid([Problem(display, 1, "", "Planen er tom. Den skal mindst have blokkene: " + ", ".join(TOP_LEVEL_REQUIRED) + ".")])
    if not isinstance(root, YMap):
        message = f"Planen skal bestå af blokkene {', '.join(f'{key}:' for key in TOP_LEVEL_REQUIRED)}, men filen indeholder {describe(root)}."
        raise PlanInvalid([Problem(display, 1, "", message)])
    reader.fields(root, "", TOP_LEVEL_REQUIRED, [key for key in TOP_LEVEL if key not in TOP_LEVEL_REQUIRED])
    plan = PlanBuilder(reader, root, latest).build()
    if reader.problems:
        raise PlanInvalid(reader.problems)
    assert plan is not None
    return plan
