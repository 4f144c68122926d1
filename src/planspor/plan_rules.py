"""Build the model Plan from located plan.yaml: the plan block, the reference lists, then the items.

Where located.py reads one value, this module knows the plan: which fields each
block has (from plan_keys), that the reference lists (statuses, themes, kinds,
committees, strategies with their strengths) have unique ids, that the plan's
period, decisions and settings make sense, and which SDGs the plan selects.
It then hands what items may refer to on to item_rules and assembles the Plan.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from . import opendata_rules, sender_rules
from .decision_rules import read_decisions
from .item_rules import KnownBlocks, build_items
from .located import PlanReader
from .model import Committee, Kind, Plan, PlanInfo, Strategy, Strength, Theme
from .plan_keys import (
    COMMITTEE_OPTIONAL,
    COMMITTEE_REQUIRED,
    KIND_OPTIONAL,
    KIND_REQUIRED,
    PLAN_OPTIONAL,
    PLAN_REQUIRED,
    STATUS_OPTIONAL,
    STATUS_REQUIRED,
    STRATEGY_OPTIONAL,
    STRATEGY_REQUIRED,
    STRENGTH_OPTIONAL,
    STRENGTH_REQUIRED,
    THEME_OPTIONAL,
    THEME_REQUIRED,
)
from .plans_rules import adopted_by, read_period, read_plans
from .previous_id_rules import PreviousIds
from .sdgs import all_sdgs
from .status_rules import read_status
from .yamlsource import YMap


class PlanBuilder:
    """Builds the Plan from the root block of plan.yaml; None when a problem leaves nothing to build."""

    def __init__(self, reader: PlanReader, root: YMap, latest: dt.date | None = None) -> None:
        self.r = reader
        self.root = root
        self.latest = latest  # the latest data_as_of allowed (buildinfo.reference_date)

    def build(self) -> Plan | None:
        r, root = self.r, self.root
        info = self.plan_info()
        statuses = r.identified(root, "statuses", STATUS_REQUIRED, STATUS_OPTIONAL, lambda b, p, i: read_status(r, b, p, i), "status")
        renamed_themes, renamed_committees = PreviousIds(r), PreviousIds(r)
        themes = r.identified(
            root, "themes", THEME_REQUIRED, THEME_OPTIONAL, lambda b, p, i: Theme(i, r.title(b, p, "temaets titel"), renamed_themes.read(b, p, i)), "tema"
        )
        renamed_themes.check()
        kinds = r.identified(
            root, "kinds", KIND_REQUIRED, KIND_OPTIONAL, lambda b, p, i: Kind(i, r.title(b, p, "typens titel"), r.text(b, "description", p)), "type"
        )
        committees = r.identified(
            root,
            "committees",
            COMMITTEE_REQUIRED,
            COMMITTEE_OPTIONAL,
            lambda b, p, i: Committee(i, r.title(b, p, "udvalgets navn"), renamed_committees.read(b, p, i)),
            "udvalg",
        )
        renamed_committees.check()
        strategies = r.identified(root, "strategies", STRATEGY_REQUIRED, STRATEGY_OPTIONAL, self.strategy, "strategi")
        sdgs = {sdg.number: sdg for sdg in all_sdgs().values()}
        selected = r.refs(root, "sdgs", "sdgs", sdgs, "verdensmål")
        strengths: dict[str, Strength] = {}
        for strategy in strategies.values():
            strengths.update({s.id: s for s in strategy.strengths})
        plan_block = root.get("plan")
        decisions = read_decisions(r, plan_block, committees, info.example_data if info else None) if isinstance(plan_block, YMap) else []
        cited = {decision.id: decision for decision in decisions if decision.id}
        if info is not None and isinstance(plan_block, YMap):
            info = replace(info, decisions=tuple(decisions), adopted_by=adopted_by(r, plan_block, "plan", cited))
        plans = read_plans(r, root, info, cited)
        known = KnownBlocks(statuses, themes, kinds, committees, strategies, strengths, sdgs, cited, {plan.id: plan.id for plan in plans})
        items = build_items(r, root, known, info.data_as_of if info else None)
        if info is None:
            return None
        return Plan(
            info,
            tuple(statuses.values()),
            tuple(themes.values()),
            tuple(kinds.values()),
            tuple(committees.values()),
            tuple(strategies.values()),
            selected,
            tuple(items),
            {item.id: item for item in items},
            plans,
        )

    # -- plan ----------------------------------------------------------------

    def plan_info(self) -> PlanInfo | None:
        block = self.r.mapping(self.root.get("plan"), self.root.line_of("plan"), "plan")
        if block is None:
            return None
        r = self.r
        r.fields(block, "plan", PLAN_REQUIRED, PLAN_OPTIONAL)
        start, end = read_period(r, block, "plan")
        values = [(v, line) for v, line in r.id_list(block, "values", "plan")]
        as_of = r.date(block, "data_as_of", "plan")
        if as_of is None:
            return None
        if self.latest is not None and as_of > self.latest:
            r.problem(
                block.line_of("data_as_of"),
                "plan.data_as_of",
                f"Datoen for data ({as_of.isoformat()}) ligger efter i dag ({self.latest.isoformat()}). Skriv den dag, "
                + "tallene og statusserne sidst blev gjort op, i dag eller før; sitet ville ellers skrive en dato, der ikke er kommet endnu.",
            )
        return PlanInfo(
            title=r.limited(block, "title", "plan", r.required_text(block, "title", "plan", "Titlen er tom. Skriv planens titel.")),
            municipality=r.required_text(block, "municipality", "plan", "Feltet 'municipality' er tomt. Skriv kommunens navn."),
            period_start=start,
            period_end=end,
            data_as_of=as_of,
            example_data=r.flag(block, "example_data", "plan"),
            introduction=r.text(block, "introduction", "plan"),
            budget_agreement=r.text(block, "budget_agreement", "plan"),
            case_number=r.text(block, "case_number", "plan"),
            values_name=r.text(block, "values_name", "plan"),
            stale_after_months=self.months(block),
            values=tuple(str(v) for v, _ in values),
            logo=sender_rules.logo(r, block),
            contact=sender_rules.contact(r, block),
            license=opendata_rules.licence(r, block),
            municipality_code=opendata_rules.municipality_code(r, block),
        )

    def months(self, block: YMap) -> int:
        months = self.r.typed(block, "stale_after_months", "plan", int, 6)
        if not 1 <= months <= 60:
            self.r.problem(block.line_of("stale_after_months"), "plan.stale_after_months", f"Antal måneder skal være mellem 1 og 60, men der står {months}.")
            return 6
        return months

    # -- reference lists ----------------------------------------------------

    def strategy(self, block: YMap, path: str, ident: str) -> Strategy:
        r = self.r
        strengths = (
            r.identified(
                block,
                "strengths",
                STRENGTH_REQUIRED,
                STRENGTH_OPTIONAL,
                lambda b, p, i: Strength(i, r.title(b, p, "styrkepositionens titel"), r.text(b, "description", p)),
                "styrkeposition",
            )
            if "strengths" in block
            else {}
        )
        url = r.link(block, "url", path)
        return Strategy(
            ident,
            r.title(block, path, "strategiens titel"),
            r.text(block, "subtitle", path),
            r.period(block, "adopted", path),
            url,
            r.text(block, "description", path),
            tuple(strengths.values()),
        )
