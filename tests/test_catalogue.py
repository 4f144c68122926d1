"""The DCAT-AP-DK catalogue (issue 20): data/katalog.ttl, as the national dataset catalogue harvests it.

The built bundled site's catalogue conforms to Digitaliseringsstyrelsen's SHACL shapes for DCAT-AP-DK
2.0.2, normal and strict, with no result at all; since a graph without a dcat:Catalog matches no
shape of the catalogue, the catalogue and each dataset are asserted typed, and a copy without licence
and publisher is shown to fail with named violations. Every address in it answers on the built site,
and a build for another SITE_URL writes that site's addresses. Each snapshot page on the site
(issue 22) is a dataset of that one day, with its page and its stand.json and stand.csv.
"""

from __future__ import annotations

import dataclasses
import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import REPO, BuiltSite, copy_project, run_mkdocs_build
from pyshacl import validate
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SH
from server import serve_site
from test_plans import one_plan_project, with_two_plans
from test_validation import Case, assert_reported, replace_in_plan

from planspor.catalogue import catalogue_turtle
from planspor.project import load_project

# Plain namespaces: rdflib's closed ones warn when pytest looks into the module's names.
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
SHAPES = REPO / "tests/data/dcat-ap-dk"
OFFICIAL = ("dcat-ap-dk_2.0.2_shacl_shapes.ttl", "dcat-ap-dk_2.0.2_shacl_shapes-strict.ttl")
CATALOGUE = "data/katalog.ttl"
DATASETS = {"plan", "aendringer", "milepaele", "maalinger"}  # on a site with one plan
# The bundled plans' snapshots (issue 22): the quarter ends up to data_as_of and the days of the decisions adopting each plan.
BUNDLED_SNAPSHOTS = {"2024-2027": ("2023-12-05", "2023-12-12", "2024-03-31", "2024-06-30", "2024-09-30"), "2025-2028": ("2024-09-24",)}
# The bundled site holds two plans: each is a dataset of its own too, and so is each snapshot.
BUNDLED_DATASETS = DATASETS | {"plan-2024-2027", "plan-2025-2028"} | {f"stand-{plan}-{day}" for plan, days in BUNDLED_SNAPSHOTS.items() for day in days}
ELSEWHERE = "https://plan.norddjurs.dk/udmoentningsplan/"


def graph_of(text: str) -> Graph:
    return Graph().parse(data=text, format="turtle")


@pytest.fixture(scope="module")
def catalogue(bundled_site: BuiltSite) -> Graph:
    return graph_of((bundled_site.root / CATALOGUE).read_text(encoding="utf-8"))


def results(data: Graph, shapes: str) -> list[dict[str, str]]:
    """Every result pyshacl reports (violations, warnings and infos alike), by focus node's types, path and message."""
    _, report, _ = validate(data, shacl_graph=Graph().parse(SHAPES / shapes, format="turtle"), allow_infos=False, allow_warnings=False)
    assert isinstance(report, Graph)
    found = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        found.append(
            {
                "focus": " ".join(sorted(str(t) for t in data.objects(focus, RDF.type))),  # type: ignore[arg-type]
                "path": str(report.value(result, SH.resultPath)),
                "constraint": str(report.value(result, SH.sourceConstraintComponent)).rpartition("#")[2],
                "severity": str(report.value(result, SH.resultSeverity)).rpartition("#")[2],
            }
        )
    return found


@pytest.mark.parametrize("shapes", OFFICIAL)
def test_the_catalogue_conforms_to_the_profile_with_no_result_at_all(catalogue: Graph, shapes: str) -> None:
    assert results(catalogue, shapes) == []


def test_the_catalogue_and_every_dataset_are_typed_so_the_shapes_apply(catalogue: Graph) -> None:
    [found] = list(catalogue.subjects(RDF.type, DCAT.Catalog))
    datasets = set(catalogue.objects(found, DCAT.dataset))
    assert {str(d).rpartition("#")[2] for d in datasets} == BUNDLED_DATASETS
    assert all((d, RDF.type, DCAT.Dataset) in catalogue for d in datasets)
    for dataset in datasets:
        files = list(catalogue.objects(dataset, DCAT.distribution))
        assert files and all((f, RDF.type, DCAT.Distribution) in catalogue for f in files)
        assert catalogue.value(dataset, DCTERMS.publisher) == catalogue.value(found, DCTERMS.publisher)
    assert catalogue.value(catalogue.value(found, DCTERMS.publisher), FOAF.name) == Literal("Norddjurs Kommune", lang="da")


def test_a_copy_without_licence_and_publisher_fails_with_named_violations(catalogue: Graph) -> None:
    stripped = Graph()
    for triple in catalogue:
        if triple[1] not in (DCTERMS.license, DCTERMS.publisher):
            stripped.add(triple)
    for shapes in OFFICIAL:  # the profile makes only the catalogue's publisher mandatory
        assert results(stripped, shapes) == [
            {"focus": str(DCAT.Catalog), "path": str(DCTERMS.publisher), "constraint": "MinCountConstraintComponent", "severity": "Violation"}
        ]
    # Planspor's own shapes: a licence on every dataset and file, a publisher on every dataset.
    own = results(stripped, "planspor-shapes.ttl")
    files = sum(1 for _ in catalogue.subjects(RDF.type, DCAT.Distribution))
    assert sorted((r["focus"].rpartition("#")[2], r["path"].rpartition("/")[2]) for r in own) == sorted(
        [("Dataset", "license")] * len(BUNDLED_DATASETS) + [("Dataset", "publisher")] * len(BUNDLED_DATASETS) + [("Distribution", "license")] * files
    )
    assert results(catalogue, "planspor-shapes.ttl") == []


def test_example_data_says_so_in_every_title_and_description(catalogue: Graph) -> None:
    for dataset in catalogue.subjects(RDF.type, DCAT.Dataset):
        assert str(catalogue.value(dataset, DCTERMS.title)).startswith("Eksempeldata: ")
        assert "opdigtede eksempler, ikke kommunens egne data" in str(catalogue.value(dataset, DCTERMS.description))
    [found] = list(catalogue.subjects(RDF.type, DCAT.Catalog))
    assert str(catalogue.value(found, DCTERMS.title)).startswith("Eksempeldata: ")
    assert str(catalogue.value(found, DCTERMS.description)).startswith("Datasættene indeholder opdigtede eksempler")


def test_a_real_plan_is_listed_under_its_own_name() -> None:
    project = load_project(REPO)
    real = dataclasses.replace(project.plan, info=dataclasses.replace(project.plan.info, example_data=False))
    data = graph_of(catalogue_turtle(real, ELSEWHERE))
    titles = [str(t) for t in data.objects(None, DCTERMS.title)]
    assert "Udmøntningsplan 2024-2027" in titles
    assert not any("Eksempeldata" in t or "opdigtede" in t for t in [*titles, *map(str, data.objects(None, DCTERMS.description))])
    for shapes in OFFICIAL:
        assert results(data, shapes) == []


def test_the_catalogue_describes_the_plan_it_comes_from(catalogue: Graph) -> None:
    plan = next(d for d in catalogue.subjects(RDF.type, DCAT.Dataset) if str(d).endswith("#plan"))
    period = catalogue.value(plan, DCTERMS.temporal)
    # The whole plan's dataset covers every plan's years: 2024-2027 and 2025-2028.
    assert (str(catalogue.value(period, DCAT.startDate)), str(catalogue.value(period, DCAT.endDate))) == ("2024-01-01", "2028-12-31")
    assert str(catalogue.value(plan, DCTERMS.modified)) == "2024-10-01"  # data_as_of, never the build's clock
    assert catalogue.value(plan, DCTERMS.license) == URIRef("http://publications.europa.eu/resource/authority/licence/CC_BY_4_0")
    assert catalogue.value(plan, DCTERMS.spatial) == URIRef("https://api.dataforsyningen.dk/kommuner/0707")
    media = {str(catalogue.value(f, DCAT.mediaType)).rpartition("media-types/")[2] for f in catalogue.objects(plan, DCAT.distribution)}
    assert media == {"application/json", "text/csv"}


def test_a_site_with_several_plans_lists_each_plan_as_a_dataset_and_conforms(tmp_path: Path) -> None:
    project = with_two_plans(copy_project(tmp_path / "project"))
    data = graph_of(catalogue_turtle(load_project(project).plan, ELSEWHERE))
    for shapes in (*OFFICIAL, "planspor-shapes.ttl"):
        assert results(data, shapes) == [], shapes
    [found] = list(data.subjects(RDF.type, DCAT.Catalog))
    datasets = {str(d).rpartition("#")[2]: d for d in data.objects(found, DCAT.dataset)}
    earlier_days = ("2023-03-31", "2023-06-30", "2023-09-30", "2023-12-05", "2023-12-31")  # up to its closed day, 9 January 2024
    snapshots = {f"stand-2023-2026-{day}": "plan-2023-2026" for day in earlier_days} | {
        f"stand-2024-2027-{day}": "plan-2024-2027" for day in ("2024-03-31", "2024-06-30", "2024-09-30")
    }
    assert set(datasets) == DATASETS | {"plan-2023-2026", "plan-2024-2027"} | set(snapshots)
    assert {key: data.value(datasets[key], DCTERMS.isVersionOf) for key in snapshots} == {key: datasets[plan] for key, plan in snapshots.items()}

    def years(dataset: URIRef) -> tuple[str, str]:
        period = data.value(dataset, DCTERMS.temporal)
        return str(data.value(period, DCAT.startDate)), str(data.value(period, DCAT.endDate))

    earlier, current = datasets["plan-2023-2026"], datasets["plan-2024-2027"]
    assert str(data.value(earlier, DCTERMS.title)) == "Eksempeldata: Udmøntningsplan 2023-2026"
    assert years(earlier) == ("2023-01-01", "2026-12-31") and years(current) == ("2024-01-01", "2027-12-31")
    assert years(datasets["plan"]) == ("2023-01-01", "2027-12-31"), "the whole plan's files hold every plan's items"
    assert str(data.value(datasets["plan"], DCTERMS.title)) == "Eksempeldata: Udmøntningsplan 2024-2027 og de tidligere planer"
    assert data.value(earlier, DCAT.landingPage) == URIRef(ELSEWHERE + "planer/2023-2026/")
    assert data.value(current, DCAT.landingPage) == URIRef(ELSEWHERE + "planer/2024-2027/")
    description = str(data.value(earlier, DCTERMS.description))
    assert "gjaldt til 9. januar 2024, da den blev afløst" in description
    assert "de rækker i plan.csv, hvis kolonne Planer nævner 2023-2026" in description and "plan.json, hvis felt plans nævner 2023-2026" in description
    files = {str(data.value(f, DCAT.downloadURL)).removeprefix(ELSEWHERE) for f in data.objects(earlier, DCAT.distribution)}
    assert files == {"data/plan.json", "data/plan.csv"}


def test_a_one_plan_sites_catalogue_lists_no_plan_of_its_own(tmp_path: Path) -> None:
    data = graph_of(catalogue_turtle(load_project(one_plan_project(tmp_path / "project")).plan, ELSEWHERE))
    datasets = {str(d).rpartition("#")[2]: d for d in data.subjects(RDF.type, DCAT.Dataset)}
    snapshots = {f"stand-2024-2027-{day}" for day in ("2024-03-31", "2024-06-30", "2024-09-30")}
    assert set(datasets) == DATASETS | snapshots
    # With no plan's dataset of its own, a snapshot is a version of the whole plan's.
    assert {data.value(datasets[key], DCTERMS.isVersionOf) for key in snapshots} == {datasets["plan"]}
    for shapes in (*OFFICIAL, "planspor-shapes.ttl"):
        assert results(data, shapes) == [], shapes


def snapshot_folders(site: Path) -> set[tuple[str, str]]:
    """Each snapshot page's folder on the built site, aendringer/<plan>/<day>/, as (plan, day)."""
    pages = site.glob("aendringer/*/*/index.html")
    return {(page.parent.parent.name, page.parent.name) for page in pages if re.fullmatch(r"\d{4}-\d{2}-\d{2}", page.parent.name)}


def test_each_snapshot_on_the_site_is_a_dataset_of_that_day(bundled_site: BuiltSite, catalogue: Graph) -> None:
    folders = snapshot_folders(bundled_site.root)
    assert folders == {(plan, day) for plan, days in BUNDLED_SNAPSHOTS.items() for day in days}
    [found] = list(catalogue.subjects(RDF.type, DCAT.Catalog))
    site = str(catalogue.value(found, FOAF.homepage))
    datasets = {str(d).rpartition("#")[2]: d for d in catalogue.objects(found, DCAT.dataset)}
    assert {key for key in datasets if key.startswith("stand-")} == {f"stand-{plan}-{day}" for plan, day in folders}
    schema = URIRef(site + "data/stand.schema.json")
    assert (schema, RDF.type, DCTERMS.Standard) in catalogue and catalogue.value(schema, DCTERMS.title)
    for plan, day in folders:
        dataset, page = datasets[f"stand-{plan}-{day}"], f"{site}aendringer/{plan}/{day}/"
        period = catalogue.value(dataset, DCTERMS.temporal)
        assert (str(catalogue.value(period, DCAT.startDate)), str(catalogue.value(period, DCAT.endDate))) == (day, day)
        assert catalogue.value(dataset, DCAT.landingPage) == URIRef(page)
        assert (URIRef(page), RDF.type, FOAF.Document) in catalogue
        files = {str(catalogue.value(f, DCAT.mediaType)).rpartition("media-types/")[2]: f for f in catalogue.objects(dataset, DCAT.distribution)}
        assert {media: str(catalogue.value(f, DCAT.downloadURL)) for media, f in files.items()} == {
            "application/json": page + "stand.json",
            "text/csv": page + "stand.csv",
        }
        assert catalogue.value(files["application/json"], DCTERMS.conformsTo) == schema
        assert catalogue.value(dataset, DCTERMS.isVersionOf) == datasets[f"plan-{plan}"]
        assert str(catalogue.value(dataset, DCTERMS.modified)) == "2024-10-01", "data_as_of: the data it is computed from can be corrected"
    quarter = datasets["stand-2024-2027-2024-03-31"]
    assert str(catalogue.value(quarter, DCTERMS.title)) == "Eksempeldata: Udmøntningsplan 2024-2027, som den stod den 31. marts 2024"
    description = str(catalogue.value(quarter, DCTERMS.description))
    assert "ændringerne siden forrige stand den 12. december 2023" in description and "Hvorfor denne dag: udgangen af 1. kvartal 2024." in description


@pytest.fixture(scope="module")
def elsewhere(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The bundled site built for another address (in a folder of a domain), served there locally."""
    work = tmp_path_factory.mktemp("catalogue")
    result = run_mkdocs_build(copy_project(work / "project"), work / "site", SITE_URL=ELSEWHERE)
    assert result.returncode == 0, result.stdout + result.stderr
    with serve_site(work / "site", "/udmoentningsplan/") as url:
        yield work / "site", url


def answers(address: str) -> bool:
    """Whether the address answers 200 with a body (so a failing test names every address that does not)."""
    try:
        with urllib.request.urlopen(address, timeout=10) as response:
            return response.status == 200 and bool(response.read())
    except urllib.error.HTTPError:
        return False


def test_every_address_in_the_catalogue_answers_on_the_built_site(elsewhere: tuple[Path, str]) -> None:
    site, served = elsewhere
    data = graph_of((site / CATALOGUE).read_text(encoding="utf-8"))
    ours = sorted(
        {str(o) for o in data.all_nodes() if isinstance(o, URIRef) and str(o).startswith(ELSEWHERE)} - {str(s) for s in data.subjects() if "#" in str(s)}
    )
    downloads = {str(o) for o in data.objects(None, DCAT.downloadURL)}
    assert downloads and downloads <= set(ours)
    assert [address for address in ours if not answers(served + address.removeprefix(ELSEWHERE))] == []
    assert "127.0.0.1:8000" not in (site / CATALOGUE).read_text(encoding="utf-8"), "every address follows SITE_URL"


BAD = [
    Case(
        "an unknown licence",
        replace_in_plan("  license: CC-BY-4.0\n", "  license: CC BY 4.0\n"),
        r"\[plan\.license\]: Ukendt licens 'CC BY 4\.0'\. Mente du 'CC-BY-4\.0'\? Skriv en af CC-BY-4\.0",
    ),
    Case("a licence that is no address", replace_in_plan("  license: CC-BY-4.0\n", "  license: www.example.dk/licens\n"), r"\[plan\.license\]: Ukendt licens"),
    Case(
        "a municipality's name as its code",
        replace_in_plan('  municipality_code: "0707"\n', "  municipality_code: Norddjurs\n"),
        r"\[plan\.municipality_code\]: Kommunekoden skal være",
    ),
    Case(
        "a municipality code too long",
        replace_in_plan('  municipality_code: "0707"\n', "  municipality_code: 70707\n"),
        r"\[plan\.municipality_code\]: .*'70707'",
    ),
]


@pytest.mark.parametrize("bad", BAD, ids=lambda c: c.name)
def test_bad_open_data_settings_get_a_clear_danish_message(project: Path, bad: Case) -> None:
    assert_reported(project, bad)


def test_the_municipality_code_is_read_as_written_not_as_octal(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    plan = project / "data/plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace('  municipality_code: "0707"\n', "  municipality_code: 0707\n"), encoding="utf-8")
    assert load_project(project).plan.info.municipality_code == "0707"  # YAML alone reads 0707 as 455


def test_the_home_page_and_about_point_to_the_catalogue(bundled_site: BuiltSite) -> None:
    head = bundled_site.soup("/").select_one('head link[rel~="describedby"][type="text/turtle"]')
    assert head is not None and (bundled_site.root / str(head["href"])).resolve() == (bundled_site.root / CATALOGUE).resolve()
    about = bundled_site.soup("/om/")
    link = about.select_one(f'a[href$="{CATALOGUE}"]')
    assert link is not None and "DCAT-AP-DK" in link.parent.get_text(" ", strip=True)  # type: ignore[union-attr]
    assert "Creative Commons Navngivelse 4.0" in about.get_text(" ", strip=True)
