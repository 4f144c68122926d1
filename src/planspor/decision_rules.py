"""plan.decisions in data/plan.yaml: the register of decisions, read and checked.

A status is the administration grading its own work; a decision of a committee or the council,
with the minutes that record it, is the evidence. Each decision names its body (one of the plan's
committees, or a body in plan_keys.OTHER_BODIES), by id or by the name the minutes use; the date,
the agenda item, the outcome and a link to the minutes. A decision with an ``id`` can be cited
from an item's history (item_rules); one invented for the example plan says so (``example``).
"""

from __future__ import annotations

import datetime as dt
import itertools

from .located import PlanReader, describe
from .model import Body, Committee, Decision
from .plan_keys import DECISION_OPTIONAL, DECISION_REQUIRED, OTHER_BODIES
from .problems import choices
from .slugs import title_key
from .yamlsource import YMap

AGENDA_ITEM_LENGTH = 20


def bodies(committees: dict[str, Committee]) -> dict[str, Body]:
    """Every body a decision may name, by id: the plan's committees first, then the other bodies
    (a committee's id wins over another body's, so a plan may keep 'hovedudvalget' as a committee)."""
    known = {ident: Body(ident, committee.title, True) for ident, committee in committees.items()}
    for ident, title in OTHER_BODIES.items():
        known.setdefault(ident, Body(ident, title, False))
    return known


def read_decisions(r: PlanReader, block: YMap, committees: dict[str, Committee], example_plan: bool | None) -> list[Decision]:
    """plan.decisions, oldest first; ``example_plan`` is plan.example_data (None: not known)."""
    known = bodies(committees)
    by_name = {title_key(body.title): body for body in known.values()}
    decisions: list[Decision] = []
    seen: dict[str, int] = {}
    for entry, path, _ in r.entries(block, "decisions", required=False):
        path = f"plan.{path}"
        r.fields(entry, path, DECISION_REQUIRED, DECISION_OPTIONAL)
        ident = r.slug(entry, "id", path) if "id" in entry else None
        if ident is not None and ident in seen:
            r.problem(entry.line_of("id"), f"{path}.id", f"Beslutnings-id'et '{ident}' er allerede brugt i linje {seen[ident]}. Et id skal være entydigt.")
            ident = None
        if ident is not None:
            seen[ident] = entry.line_of("id")
        body = _body(r, entry, path, known, by_name)
        day = r.date(entry, "date", path)
        outcome = r.required_text(entry, "outcome", path, "Feltet 'outcome' er tomt. Skriv, hvad der blev besluttet, fx 'Godkendt'.")
        example = r.flag(entry, "example", path)
        if example and example_plan is False:
            r.problem(
                entry.line_of("example"),
                f"{path}.example",
                "Beslutningen er markeret som et eksempel, men planen er ikke eksempeldata længere (example_data: false). "
                + "Skriv kommunens egen beslutning ind i stedet, eller slet den.",
            )
        if body is None or day is None:
            continue
        decisions.append(
            Decision(
                body=body.title,
                date=day,
                outcome=outcome,
                comment=r.text(entry, "comment", path),
                id=ident or "",
                body_id=body.id,
                agenda_item=_agenda_item(r, entry, path),
                agenda_title=r.limited(entry, "agenda_title", path, r.text(entry, "agenda_title", path)),
                url=r.link(entry, "url", path),
                example=example,
                committee=body.committee,
            )
        )
    _in_date_order(r, block, decisions)
    return decisions


def _body(r: PlanReader, entry: YMap, path: str, known: dict[str, Body], by_name: dict[str, Body]) -> Body | None:
    """The body as its id or as its name ('Økonomiudvalget' is the committee 'oekonomiudvalget')."""
    written = r.required_text(entry, "body", path, "Feltet 'body' er tomt. Skriv, hvem der traf beslutningen: et udvalgs id eller navn.")
    if not written:
        return None
    body = known.get(written) or by_name.get(title_key(written))
    if body is None:
        r.problem(
            entry.line_of("body"),
            f"{path}.body",
            f"Ukendt organ {describe(written)}. Skriv et af planens udvalg eller et af de andre organer, med id eller navn: "
            + f"{choices((f'{b.id} ({b.title})' for b in known.values()), limit=30)}. Mangler et udvalg, så tilføj det under 'committees:'.",
        )
    return body


def _agenda_item(r: PlanReader, entry: YMap, path: str) -> str:
    """The agenda item's number as the minutes write it ('5', '12a'): a number or a short text."""
    item = r.typed(entry, "agenda_item", path, str, "")
    if len(item) > AGENDA_ITEM_LENGTH:
        r.problem(
            entry.line_of("agenda_item"),
            f"{path}.agenda_item",
            f"Punktets nummer er {len(item)} tegn; skriv kun nummeret fra dagsordenen (fx 5), og punktets titel i agenda_title.",
        )
        return ""
    return item


def _in_date_order(r: PlanReader, block: YMap, decisions: list[Decision]) -> None:
    for earlier, later in itertools.pairwise(decisions):
        if later.date < earlier.date:
            r.problem(block.line_of("decisions"), "plan.decisions", "Beslutningerne skal stå i datoorden, ældste først.")
            return


def cited_too_early(decision: Decision, day: dt.date) -> str | None:
    """A history entry may not come before the decision it cites: the message, or None."""
    if day >= decision.date:
        return None
    return (
        f"Punktet er dateret {day.isoformat()}, før beslutningen '{decision.id}' blev truffet ({decision.date.isoformat()}). "
        + "Et punkt, der henviser til en beslutning, kan tidligst have beslutningens dato."
    )
