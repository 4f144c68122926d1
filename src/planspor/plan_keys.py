"""The keys of data/plan.yaml, and the values some of them allow: written once, here.

The validator checks a block against these lists and names them in its messages
("Tilladte felter her: ..."); the editor writes an item's fields in ITEM_KEY_ORDER.
A new field is added here, and both follow. The order of each list is the order
an editor reads in the messages, so it is part of the messages.
"""

from __future__ import annotations

from .sdgs import status_icons

TOP_LEVEL = ("plan", "earlier_plans", "statuses", "themes", "kinds", "committees", "strategies", "sdgs", "items")
# What a plan file must have; earlier_plans comes with the second plan (see EARLIER_PLAN_REQUIRED).
TOP_LEVEL_REQUIRED = tuple(key for key in TOP_LEVEL if key != "earlier_plans")

PLAN_REQUIRED = ("title", "municipality", "period", "data_as_of", "example_data")
PLAN_OPTIONAL = (
    "introduction", "budget_agreement", "case_number", "values_name", "values", "decisions", "stale_after_months", "logo", "contact",
    "license", "municipality_code", "adopted_by",
)  # fmt: skip
# The udmøntningsplaner before the current one (top-level earlier_plans, oldest first). The current plan
# is described by the plan block; each earlier one keeps what it was, and the day it was replaced.
# Its id is its period ('2024-2027'), the name an item's 'plans' uses.
EARLIER_PLAN_REQUIRED = ("title", "period", "closed")
EARLIER_PLAN_OPTIONAL = ("budget_agreement", "case_number", "introduction", "adopted_by", "corrections")
# A change to a closed plan's record, with the day it was made and why (corrections.py).
CORRECTION_REQUIRED = ("date", "reason")
PERIOD_REQUIRED = ("start", "end")
# The register of decisions: who decided what and when, each citable by its id from an item's history.
DECISION_REQUIRED = ("body", "date", "outcome")
DECISION_OPTIONAL = ("id", "agenda_item", "agenda_title", "url", "comment", "example")
# Who decides, besides the plan's own committees (a decision's body): id → the name as written in the minutes.
OTHER_BODIES = {
    "kommunalbestyrelsen": "Kommunalbestyrelsen",
    "byraadet": "Byrådet",
    "borgmesteren": "Borgmesteren",
    "direktionen": "Direktionen",
    "hovedudvalget": "Hovedudvalget",
}
# Who sends the site: the municipality's logo (a file under content/) and whom to ask about the plan.
LOGO_REQUIRED = ("file", "alt")
CONTACT_OPTIONAL = ("unit", "email", "phone")

# The blocks of the reference lists; each also has an 'id'.
STATUS_REQUIRED = ("label", "colour", "icon", "meaning")
STATUS_OPTIONAL = ("text_colour", "finished", "dropped")
THEME_REQUIRED = ("title",)
# A theme or committee renamed (in a new plan, by `planspor omdøb tema|udvalg`) keeps its old ids, as an item does.
THEME_OPTIONAL = ("previous_ids",)
KIND_REQUIRED = ("title",)
KIND_OPTIONAL = ("description",)
COMMITTEE_REQUIRED = ("title",)
COMMITTEE_OPTIONAL = ("previous_ids",)
STRATEGY_REQUIRED = ("title",)
STRATEGY_OPTIONAL = ("subtitle", "adopted", "url", "description", "strengths")
STRENGTH_REQUIRED = ("title",)
STRENGTH_OPTIONAL = ("description",)

# An item's fields in the order they are written, and where the editor inserts a missing one.
ITEM_KEY_ORDER = (
    "id", "title", "theme", "kind", "committees", "strategic", "timing", "responsible",
    "process", "cross_cutting", "budget", "milestones", "indicators", "strategies", "strengths", "sdgs", "related",
    "replaces", "previous_ids", "plans", "history",
)  # fmt: skip
ITEM_REQUIRED = ("title", "theme", "kind", "committees", "strategic", "history")
ITEM_OPTIONAL = tuple(key for key in ITEM_KEY_ORDER if key != "id" and key not in ITEM_REQUIRED)
TIMING_OPTIONAL = ("start", "end")
# An entry of an item's 'plans' written as a block: what the item was in that (earlier) plan, where it
# differed from what it is now ({plan: 2024-2027, committees: [...]}); its own fields are what it is now.
PLAN_RECORD_REQUIRED = ("plan",)
PLAN_RECORD_OPTIONAL = ("title", "theme", "kind", "committees")
# Optional keys that, once written, must say something: left empty, each would be read as its
# default (no status, not finished, the computed text colour, 6 months), which nobody wrote.
# An empty text or list just means none, and is fine.
NEEDS_A_VALUE = frozenset({"status", "finished", "dropped", "text_colour", "stale_after_months"})
HISTORY_REQUIRED = ("date",)
HISTORY_OPTIONAL = ("status", "timing", "comment", "decision", "document")
# An item's milestones (each also has an 'id'): what is to be reached, when, and the day it was.
MILESTONE_REQUIRED = ("title", "planned")
MILESTONE_OPTIONAL = ("reached",)
# An item's indicators (each also has an 'id'): what is measured, from where to where, and the measurements.
INDICATOR_REQUIRED = ("name", "unit", "better", "baseline", "target")
INDICATOR_OPTIONAL = ("measurements",)
READING_REQUIRED = ("value", "date")  # an indicator's baseline and target
MEASUREMENT_REQUIRED = ("date", "value", "source")
MEASUREMENT_OPTIONAL = ("url",)
# indicators[].better: which way is better, as the editor writes it → higher is better.
BETTER = {"højere": True, "lavere": False}
# A history entry's source when it is not a decision in the register: a document on the web.
DOCUMENT_REQUIRED = ("title", "url")

# -- the values a key allows --------------------------------------------------------

STATUS_ICONS = tuple(status_icons())  # statuses[].icon
YEARS = range(1901, 2200)
# The longest title of anything with a heading on the site (an item, a theme, the plan): a heading,
# a table cell, a line in the printed report. The seed plan's longest is 53 characters; what needs
# more belongs in the item's note. (An id's limit lives with what makes ids: slugs.ID_LENGTH.)
TITLE_LENGTH = 200  # plan.period.start/end and the years of items[].budget
