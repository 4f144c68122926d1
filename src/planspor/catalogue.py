"""The open data described for the national dataset catalogue: a DCAT-AP-DK catalogue in Turtle.

The national catalogue harvests metadata in DCAT-AP-DK (the Danish profile of W3C's DCAT). Planspor
publishes one catalogue at ``data/katalog.ttl`` with a dataset per unit a reader would ask for, each
with the files that hold it; catalogue_datasets.py lists them.
Everything comes from the plan: the municipality is the publisher, the plan's contact the contact
point, its period the temporal coverage (a snapshot's: its day), ``data_as_of`` the modified date (no build clock, so the
file is reproducible), the plan's licence (CC BY 4.0 unless it names another). While the plan is
example data every title and description says so, so the catalogue never lists invented data under
the municipality's name.

The Turtle is written here, in a fixed order, rather than with an RDF library: the build needs none,
and the tests parse it and validate it with Digitaliseringsstyrelsen's own SHACL shapes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from . import addresses
from .catalogue_datasets import Dataset, Distribution, datasets, years
from .licences import licence_of
from .model import Plan

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

# The title of each schema a file conforms to.
SCHEMAS = {addresses.DATA_SCHEMA: "JSON Schema for plan.json", addresses.DATA_SNAPSHOT_SCHEMA: "JSON Schema for stand.json, en stand af en plan på en dag"}

EXAMPLE_TITLE = "Eksempeldata: "
EXAMPLE_NOTE = "Datasættet indeholder opdigtede eksempler, ikke kommunens egne data. "
EXAMPLE_NOTE_ALL = "Datasættene indeholder opdigtede eksempler, ikke kommunens egne data. "


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
        start, end = dataset.period or years(info.period_start, info.period_end)
        period = f"[ a dct:PeriodOfTime ; dcat:startDate {_date(start)} ; dcat:endDate {_date(end)} ]"
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
            *([("dct:isVersionOf", self.node(dataset.version_of))] if dataset.version_of else []),
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
        every = [d for dataset in self.datasets for d in dataset.distributions]
        for schema in dict.fromkeys(d.conforms_to for d in every if d.conforms_to):
            yield from _subject(_iri(addresses.absolute(self.site_url, schema)), "dct:Standard", [("dct:title", _text(SCHEMAS[schema]))])
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
