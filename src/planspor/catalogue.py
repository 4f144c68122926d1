"""The open data described for the national dataset catalogue: a DCAT-AP-DK catalogue in Turtle.

The national catalogue harvests metadata in DCAT-AP-DK (the Danish profile of W3C's DCAT). Planspor
publishes one catalogue at ``data/katalog.ttl`` with a dataset per unit a reader would ask for (the
plan as a whole; its changes; the milestones; the measurements), each with the files that hold it.
A site with several udmøntningsplaner lists each plan as a dataset of its own too, with its period
and its page: its items are in the same plan.json and plan.csv as every plan's, so each plan's files
are those, named by what selects the plan in them (the field plans, the column Planer); a file per
plan would be one more file to keep in step for no new data.
Everything comes from the plan: the municipality is the publisher, the plan's contact the contact
point, its period the temporal coverage, ``data_as_of`` the modified date (no build clock, so the
file is reproducible), the plan's licence (CC BY 4.0 unless it names another). While the plan is
example data every title and description says so, so the catalogue never lists invented data under
the municipality's name.

The Turtle is written here, in a fixed order, rather than with an RDF library: the build needs none,
and the tests parse it and validate it with Digitaliseringsstyrelsen's own SHACL shapes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from . import addresses
from .licences import licence_of
from .model import AdoptedPlan, Plan
from .periods import danish_date

# The profile's IRIs. Its SHACL shapes check Danish against this prefix (the EU's own language
# authority is .../resource/authority/language/DAN, which the normal shapes refuse).
LANGUAGE = "http://publications.europa.eu/resource/dataset/language/DAN"
THEME = "http://publications.europa.eu/resource/authority/data-theme/GOVE"
THEME_LABEL = "Regeringen og den offentlige sektor"
MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"
FILE_TYPES = "http://publications.europa.eu/resource/authority/file-type/"
# A Danish municipality in the national address and place register (DAGI), by its four-digit code.
MUNICIPALITY = "https://api.dataforsyningen.dk/kommuner/{code}"

PREFIXES = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

EXAMPLE_TITLE = "Eksempeldata: "
EXAMPLE_NOTE = "Datasættet indeholder opdigtede eksempler, ikke kommunens egne data. "
EXAMPLE_NOTE_ALL = "Datasættene indeholder opdigtede eksempler, ikke kommunens egne data. "


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
    """One dataset; ``years`` its temporal coverage (default: the current plan's period) and
    ``landing`` its page on the site (default: /om/, which describes the open data)."""

    key: str
    title: str
    description: str
    keywords: tuple[str, ...]
    distributions: tuple[Distribution, ...]
    years: tuple[int, int] | None = None
    landing: str = ""


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
    return (*_with_every_plan(whole, plan), *_progress_datasets(plan, name), *_plan_datasets(plan))


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
            years=(min(p.period_start for p in plan.plans), max(p.period_end for p in plan.plans)),
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
        (adopted.period_start, adopted.period_end),
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


def catalogue_turtle(plan: Plan, site_url: str) -> str:
    """The catalogue as Turtle, every address absolute from ``site_url``."""
    return "".join(_TurtleCatalogue(plan, site_url).lines())


class _TurtleCatalogue:
    def __init__(self, plan: Plan, site_url: str) -> None:
        self.plan = plan
        self.info = plan.info
        self.site_url = site_url
        self.base = addresses.absolute(site_url, addresses.DATA_CATALOGUE)
        self.licence = licence_of(plan.info.license)
        self.datasets = datasets(plan)
        code = plan.info.municipality_code
        self.location = MUNICIPALITY.format(code=code) if code else f"{self.base}#omraade"

    def node(self, key: str) -> str:
        return _iri(f"{self.base}#{key}")

    def example(self, text: str, title: bool, note: str = EXAMPLE_NOTE) -> str:
        if not self.info.example_data:
            return text
        return EXAMPLE_TITLE + text if title else note + text

    def lines(self) -> Iterator[str]:
        yield from (f"@prefix {prefix}: <{iri}> .\n" for prefix, iri in PREFIXES.items())
        yield "\n"
        yield from self.catalogue()
        for dataset in self.datasets:
            yield from self.dataset(dataset)
        yield from self.agents()
        yield from self.vocabulary()

    def catalogue(self) -> Iterator[str]:
        info = self.info
        sets = " , ".join(self.node(d.key) for d in self.datasets)
        yield from _subject(
            self.node("katalog"),
            "dcat:Catalog",
            [
                ("dct:title", _text(self.example(f"Åbne data fra {info.title}, {info.municipality}", title=True))),
                (
                    "dct:description",
                    _text(self.example(f"Datasættene bag hjemmesiden for {info.title} i {info.municipality}.", title=False, note=EXAMPLE_NOTE_ALL)),
                ),
                ("dct:publisher", self.node("udgiver")),
                ("foaf:homepage", _iri(addresses.absolute(self.site_url, ""))),
                ("dct:language", _iri(LANGUAGE)),
                ("dct:license", _iri(self.licence.iri)),
                ("dct:spatial", _iri(self.location)),
                ("dct:modified", _date(info.data_as_of)),
                ("dcat:dataset", sets),
            ],
        )

    def dataset(self, dataset: Dataset) -> Iterator[str]:
        info = self.info
        start, end = dataset.years or (info.period_start, info.period_end)
        period = f"[ a dct:PeriodOfTime ; dcat:startDate {_date(dt.date(start, 1, 1))} ; dcat:endDate {_date(dt.date(end, 12, 31))} ]"
        properties = [
            ("dct:title", _text(self.example(dataset.title, title=True))),
            ("dct:description", _text(self.example(dataset.description, title=False))),
            ("dct:identifier", _text(f"{self.base}#{dataset.key}", language=False)),
            ("dcat:keyword", " , ".join(_text(word) for word in dataset.keywords)),
            ("dct:publisher", self.node("udgiver")),
        ]
        if info.contact is not None:
            properties.append(("dcat:contactPoint", self.node("kontakt")))
        properties += [
            ("dcat:theme", _iri(THEME)),
            ("dct:spatial", _iri(self.location)),
            ("dct:temporal", period),
            ("dct:modified", _date(info.data_as_of)),
            ("dct:language", _iri(LANGUAGE)),
            ("dct:license", _iri(self.licence.iri)),
            ("dcat:landingPage", _iri(addresses.absolute(self.site_url, dataset.landing or addresses.url_of(addresses.ABOUT)))),
            ("dcat:distribution", " , ".join(self.node(d.key) for d in dataset.distributions)),
        ]
        yield from _subject(self.node(dataset.key), "dcat:Dataset", properties)
        for distribution in dataset.distributions:
            yield from self.distribution(distribution)

    def distribution(self, distribution: Distribution) -> Iterator[str]:
        url = _iri(addresses.absolute(self.site_url, distribution.address))
        properties = [
            ("dct:title", _text(distribution.title)),
            ("dcat:accessURL", url),
            ("dcat:downloadURL", url),
            ("dcat:mediaType", _iri(MEDIA_TYPES + distribution.media_type)),
        ]
        if distribution.file_type:
            properties.append(("dct:format", _iri(FILE_TYPES + distribution.file_type)))
        if distribution.conforms_to:
            properties.append(("dct:conformsTo", _iri(addresses.absolute(self.site_url, distribution.conforms_to))))
        properties += [("dct:license", _iri(self.licence.iri)), ("dct:modified", _date(self.info.data_as_of))]
        yield from _subject(self.node(distribution.key), "dcat:Distribution", properties)

    def agents(self) -> Iterator[str]:
        info = self.info
        yield from _subject(self.node("udgiver"), "foaf:Agent , foaf:Organization", [("foaf:name", _text(info.municipality))])
        contact = info.contact
        if contact is None:
            return
        properties = [("vcard:fn", _text(f"{contact.unit}, {info.municipality}" if contact.unit else info.municipality))]
        if contact.email:
            properties.append(("vcard:hasEmail", _iri(f"mailto:{contact.email}")))
        if contact.phone_uri:
            properties.append(("vcard:hasTelephone", _iri(contact.phone_uri)))
        yield from _subject(self.node("kontakt"), "vcard:Kind , vcard:Organization", properties)

    def vocabulary(self) -> Iterator[str]:
        """What the profile's shapes want typed: each value's class, stated where it is used."""
        info = self.info
        site = addresses.absolute(self.site_url, "")
        about = addresses.absolute(self.site_url, addresses.url_of(addresses.ABOUT))
        yield from _subject(_iri(site), "foaf:Document", [("dct:title", _text(f"{info.title}, {info.municipality}"))])
        yield from _subject(_iri(about), "foaf:Document", [("dct:title", _text(f"Om {info.title}: planen og dens åbne data"))])
        for dataset in self.datasets:
            if dataset.landing:
                yield from _subject(
                    _iri(addresses.absolute(self.site_url, dataset.landing)), "foaf:Document", [("dct:title", _text(f"{dataset.title}, {info.municipality}"))]
                )
        yield from _subject(_iri(self.location), "dct:Location", [("skos:prefLabel", _text(info.municipality))])
        yield from _subject(_iri(THEME), "skos:Concept", [("skos:prefLabel", _text(THEME_LABEL))])
        yield from _subject(_iri(LANGUAGE), "dct:LinguisticSystem", [])
        yield from _subject(_iri(self.licence.iri), "dct:LicenseDocument", [("dct:title", _text(self.licence.title))])
        yield from _subject(_iri(addresses.absolute(self.site_url, addresses.DATA_SCHEMA)), "dct:Standard", [("dct:title", _text("JSON Schema for plan.json"))])
        every = [d for dataset in self.datasets for d in dataset.distributions]
        for media_type in dict.fromkeys(d.media_type for d in every):
            yield from _subject(_iri(MEDIA_TYPES + media_type), "dct:MediaType", [])
        for file_type in dict.fromkeys(d.file_type for d in every if d.file_type):
            yield from _subject(_iri(FILE_TYPES + file_type), "dct:MediaTypeOrExtent", [])


def _subject(subject: str, types: str, properties: list[tuple[str, str]]) -> Iterator[str]:
    yield f"{subject}\n  a {types}"
    for predicate, value in properties:
        yield f" ;\n  {predicate} {value}"
    yield " .\n\n"


def _iri(address: str) -> str:
    """An IRI in Turtle: the characters an IRIREF may not hold are escaped as \\u (they never occur in the site's own addresses)."""
    return "<" + "".join(f"\\u{ord(c):04X}" if c in '<>"{}|^`\\' or ord(c) <= 0x20 else c for c in address) + ">"


def _text(text: str, language: bool = True) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    return f'"{escaped}"@da' if language else f'"{escaped}"'


def _date(day: dt.date) -> str:
    return f'"{day.isoformat()}"^^xsd:date'
