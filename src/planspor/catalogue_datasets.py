"""The datasets the catalogue describes: the one list of what Planspor's open data holds, each with its files.

A dataset is a unit a reader would ask for (the plan as a whole; its changes; the milestones; the
measurements). A site with several udmøntningsplaner lists each plan as a dataset of its own too,
with its period and its page: its items are in the same plan.json and plan.csv as every plan's, so
each plan's files are those, named by what selects the plan in them (the field plans, the column
Planer); a file per plan would be one more file to keep in step for no new data.
Each snapshot (snapshots.py) is a dataset of its own, the plan on another day being other data rather
than another form of the same, with that day as its temporal coverage. It names its plan's dataset
with dct:isVersionOf, which DCAT-AP-DK's dataset shape offers for a dataset it is a version of;
dct:isPartOf is the profile's for a catalogue within a catalogue, not for a dataset.
Kept apart from the Turtle (catalogue.py), which says the same datasets in DCAT-AP-DK's words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace

from . import addresses
from .model import AdoptedPlan, Plan
from .periods import danish_date
from .snapshots import Snapshot, every_snapshot


@dataclass(frozen=True)
class Distribution:
    """One file of a dataset: its fragment in the catalogue, title, address on the site and formats."""

    key: str
    title: str
    address: str
    media_type: str  # IANA, e.g. 'text/csv'
    file_type: str = ""  # the EU file-type authority's code, e.g. 'CSV' ('' when it has none)
    conforms_to: str = ""  # the address of the schema the file follows


@dataclass(frozen=True)
class Dataset:
    """One dataset; ``period`` its temporal coverage, first and last day (default: the current plan's
    period), ``landing`` its page on the site (default: /om/, which describes the open data) and
    ``version_of`` the key of the dataset it is a dated version of (a snapshot: its plan's)."""

    key: str
    title: str
    description: str
    keywords: tuple[str, ...]
    distributions: tuple[Distribution, ...]
    period: tuple[dt.date, dt.date] | None = None
    landing: str = ""
    version_of: str = ""


def years(first: int, last: int) -> tuple[dt.date, dt.date]:
    """A plan's period as days: 1 January of its first year to 31 December of its last."""
    return dt.date(first, 1, 1), dt.date(last, 12, 31)


# What the plan's files tell of each item, after "Alle indsatser i …: ".
_PLAN_HOLDS = (
    "tema, type, udvalg, vejledende tidspunkt, status og historik, økonomi, strategier, FN's verdensmål, "
    + "og registret over de politiske beslutninger, der behandler planen og dens indsatser."
)


def _json(key: str, what: str) -> Distribution:
    return Distribution(key, f"{what} i plan.json (JSON)", addresses.DATA_JSON, "application/json", "JSON", addresses.DATA_SCHEMA)


def datasets(plan: Plan) -> tuple[Dataset, ...]:
    """The catalogue's datasets, each with its files: the one list of what the open data holds."""
    name = f"{plan.info.title} for {plan.info.municipality}"
    whole = Dataset(
        "plan",
        plan.info.title,
        f"Alle indsatser i {name}: {_PLAN_HOLDS}",
        ("udmøntningsplan", "budgetaftale", "status", "politiske beslutninger"),
        (
            _json("plan-json", "Hele planen"),
            Distribution("plan-csv", "Én række pr. indsats (CSV til dansk Excel)", addresses.DATA_CSV, "text/csv", "CSV"),
            Distribution("plan-schema", "JSON Schema for plan.json", addresses.DATA_SCHEMA, "application/json", "JSON"),
        ),
    )
    return (*_with_every_plan(whole, plan), *_progress_datasets(plan, name), *_plan_datasets(plan), *_snapshot_datasets(plan))


def _with_every_plan(whole: Dataset, plan: Plan) -> tuple[Dataset]:
    """The whole plan's dataset; with several plans, every plan's items (plan.json and plan.csv hold
    them all), from the first plan's start to the current one's end, so its title is not the current plan's alone."""
    if not plan.several_plans:
        return (whole,)
    info = plan.info
    earlier = _and(p.title for p in plan.plans[:-1])
    return (
        replace(
            whole,
            title=f"{info.title} og de tidligere planer",
            description=f"Alle indsatser i {info.title} og i de tidligere planer ({earlier}) for {info.municipality}: {_PLAN_HOLDS} "
            + "Hver plan er også et datasæt for sig.",
            period=years(min(p.period_start for p in plan.plans), max(p.period_end for p in plan.plans)),
        ),
    )


def _plan_datasets(plan: Plan) -> tuple[Dataset, ...]:
    """With several plans, each plan as a dataset: its period, its page, and the files that hold its items with what selects them."""
    if not plan.several_plans:
        return ()
    return tuple(_plan_dataset(adopted, plan) for adopted in plan.plans)


def _plan_dataset(adopted: AdoptedPlan, plan: Plan) -> Dataset:
    when = f"gjaldt til {danish_date(adopted.closed)}, da den blev afløst" if adopted.closed else "den gældende plan"
    agreement = f", {adopted.budget_agreement}" if adopted.budget_agreement else ""
    key = f"plan-{adopted.id}"
    return Dataset(
        key,
        adopted.title,
        f"Indsatserne i {adopted.title} for {plan.info.municipality} ({when}{agreement}). Filerne er fælles for alle kommunens planer: "
        + f"planens indsatser er de rækker i plan.csv, hvis kolonne Planer nævner {adopted.id}, og de indsatser i plan.json, hvis felt plans nævner "
        + f"{adopted.id}; planen selv står under plans i plan.json.",
        ("udmøntningsplan", "budgetaftale", "status"),
        (
            _json(f"{key}-json", f"{adopted.title}: indsatserne med {adopted.id} i feltet plans"),
            Distribution(
                f"{key}-csv", f"{adopted.title}: rækkerne med {adopted.id} i kolonnen Planer (CSV til dansk Excel)", addresses.DATA_CSV, "text/csv", "CSV"
            ),
        ),
        years(adopted.period_start, adopted.period_end),
        addresses.plan(adopted.id),
    )


def _and(titles: Iterable[str]) -> str:
    """'A', 'A og B', 'A, B og C'."""
    listed = list(titles)
    return " og ".join([", ".join(listed[:-1]), listed[-1]]) if len(listed) > 1 else "".join(listed)


def _progress_datasets(plan: Plan, name: str) -> tuple[Dataset, ...]:
    """The datasets of what happens to the items: their changes, milestones and measurements."""
    return (
        Dataset(
            "aendringer",
            f"Ændringer i {plan.info.title}",
            f"Hver ændring af en indsats' status eller tidspunkt i {name}, med dato, begrundelse og den beslutning eller det dokument, ændringen bygger på.",
            ("udmøntningsplan", "ændringer", "status"),
            (
                Distribution("aendringer-atom", "Ændringerne som Atom-feed", addresses.CHANGES_FEED, "application/atom+xml"),
                _json("aendringer-json", "Indsatsernes historik"),
            ),
        ),
        Dataset(
            "milepaele",
            f"Milepæle i {plan.info.title}",
            f"Indsatsernes milepæle i {name}: hvad der er planlagt, hvornår, og hvornår det blev nået.",
            ("udmøntningsplan", "milepæle"),
            (
                Distribution("milepaele-csv", "Én række pr. milepæl (CSV til dansk Excel)", addresses.DATA_MILESTONES_CSV, "text/csv", "CSV"),
                _json("milepaele-json", "Milepælene"),
            ),
        ),
        Dataset(
            "maalinger",
            f"Indikatorer og målinger i {plan.info.title}",
            f"Indsatsernes indikatorer i {name}: udgangspunkt, mål og hver måling med dato og kilde.",
            ("udmøntningsplan", "indikatorer", "målinger"),
            (
                Distribution("maalinger-csv", "Én række pr. måling (CSV til dansk Excel)", addresses.DATA_MEASUREMENTS_CSV, "text/csv", "CSV"),
                _json("maalinger-json", "Indikatorerne med udgangspunkt, mål og målinger"),
            ),
        ),
    )


def _snapshot_datasets(plan: Plan) -> tuple[Dataset, ...]:
    """Each snapshot as a dataset of its own: the plan on another day is other data, not another form of the same data."""
    return tuple(_snapshot_dataset(snapshot, plan) for snapshot in every_snapshot(plan))


def _snapshot_dataset(snapshot: Snapshot, plan: Plan) -> Dataset:
    """The plan as it stood at the end of one day: that day its temporal coverage, its page the landing page, a
    version of the plan's dataset (each plan's own with several plans, else the whole plan's)."""
    adopted, day = snapshot.adopted, snapshot.day.day
    iso, when = day.isoformat(), danish_date(day)
    key = f"stand-{adopted.id}-{iso}"
    since = f"siden forrige stand den {danish_date(snapshot.previous.day)}" if snapshot.previous else "til og med den dag"
    return Dataset(
        key,
        f"{adopted.title}, som den stod den {when}",
        f"{adopted.title} for {plan.info.municipality}, som den stod ved udgangen af den {when}: hver indsats' status, tidspunkt og påmindelser "
        + "(ikke opdateret længe, slutdato passeret, milepæle forsinket), som de var den dag, fordelingen på status, og ændringerne "
        + f"{since}. Indsatser, der endnu ikke var kommet med i planen, er ikke med. Hvorfor denne dag: {'; '.join(snapshot.day.reasons())}.",
        ("udmøntningsplan", "status", "stand", "ændringer"),
        (
            Distribution(
                f"{key}-json",
                f"Stand den {when} i stand.json (JSON)",
                addresses.snapshot_json(adopted.id, iso),
                "application/json",
                "JSON",
                addresses.DATA_SNAPSHOT_SCHEMA,
            ),
            Distribution(f"{key}-csv", f"Én række pr. indsats den {when} (CSV til dansk Excel)", addresses.snapshot_csv(adopted.id, iso), "text/csv", "CSV"),
        ),
        (day, day),
        addresses.snapshot(adopted.id, iso),
        f"plan-{adopted.id}" if plan.several_plans else "plan",
    )
