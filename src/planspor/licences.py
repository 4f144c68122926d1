"""The licence of the open data: a short name an editor writes (plan.license), or the address of another.

The catalogue (catalogue.py) states the licence by the EU's licence authority IRI, which harvesters
understand; /om/ links the licence's own page for people. CC BY 4.0 unless the plan says otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

EU_LICENCES = "http://publications.europa.eu/resource/authority/licence/"


@dataclass(frozen=True)
class Licence:
    name: str  # as the editor writes it: 'CC-BY-4.0', or the address of another licence
    iri: str  # in the catalogue
    title: str  # as people read it
    page: str  # the licence's text, for people


KNOWN = {
    licence.name: licence
    for licence in (
        Licence(
            "CC-BY-4.0",
            EU_LICENCES + "CC_BY_4_0",
            "Creative Commons Navngivelse 4.0 International (CC BY 4.0)",
            "https://creativecommons.org/licenses/by/4.0/deed.da",
        ),
        Licence(
            "CC-BY-SA-4.0",
            EU_LICENCES + "CC_BYSA_4_0",
            "Creative Commons Navngivelse-DelPåSammeVilkår 4.0 International (CC BY-SA 4.0)",
            "https://creativecommons.org/licenses/by-sa/4.0/deed.da",
        ),
        Licence(
            "CC0-1.0",
            EU_LICENCES + "CC0",
            "Creative Commons CC0 1.0 Universal (ingen rettigheder forbeholdt)",
            "https://creativecommons.org/publicdomain/zero/1.0/deed.da",
        ),
    )
}
DEFAULT = "CC-BY-4.0"


def licence_of(name: str) -> Licence:
    """The licence a plan names (checked when it is read: a known name or an http(s) address)."""
    return KNOWN.get(name) or Licence(name, name, name, name)
