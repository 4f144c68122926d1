"""An item page's "Citér" block: a plain-text citation in Danish and CSL-JSON, ready to copy without a script."""

from __future__ import annotations

import datetime as dt
import json

from planspor.citation import citation


def test_quotes_and_braces_in_a_title_survive() -> None:
    title = 'Skolevej "Nord" {fase 2} \\ <test> & mere'
    made = citation(title, "indsatser/x/", "Udmøntningsplan 2025-2028", "Norddjurs Kommune", dt.date(2024, 10, 1), "afab2bb", "https://plan.example.dk/")
    [entry] = json.loads(made["csl_json"])
    assert entry["title"] == title
    assert entry["id"] == "indsatser-x"
    assert '\\"Nord\\"' in made["csl_json"]  # JSON's own escaping, nothing else
    assert made["url"] == "https://plan.example.dk/indsatser/x/"
    assert (
        made["text"]
        == f'Norddjurs Kommune: "{title}". Udmøntningsplan 2025-2028, data pr. 1. oktober 2024. https://plan.example.dk/indsatser/x/ (version afab2bb).'
    )


def test_without_a_commit_or_site_url() -> None:
    made = citation("Titel", "indsatser/x/", "Plan", "Kommune", dt.date(2024, 3, 5), "", "")
    assert made["text"] == 'Kommune: "Titel". Plan, data pr. 5. marts 2024. indsatser/x/.'
    assert "version" not in json.loads(made["csl_json"])[0]
