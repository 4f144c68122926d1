"""How to cite a page of the site: a plain-text citation in Danish, and CSL-JSON for reference managers.

CSL-JSON rather than BibTeX: Zotero, Mendeley and pandoc (citeproc) read it as it is, and it is
JSON, so escaping is json.dumps' (quotes, backslashes) and Danish letters stay as they are; BibTeX
would need its braces and backslashes escaped, and classic BibTeX mangles æ, ø and å.
The citation names the build's commit (the version) and the data's date, never the clock: the same
commit gives the same citation.
"""

from __future__ import annotations

import datetime as dt
import json

from . import addresses
from .fragment_data import Citation
from .periods import danish_date


def citation(title: str, address: str, plan_title: str, municipality: str, data_as_of: dt.date, version: str, site_url: str) -> Citation:
    """The citation of the page at ``address`` (from the site's root: 'indsatser/x/'), absolute
    from ``site_url`` when that is known; ``version``: the build's short commit, or ''."""
    url = addresses.absolute(site_url, address)
    as_of = danish_date(data_as_of)
    text = f'{municipality}: "{title}". {plan_title}, data pr. {as_of}. {url}' + (f" (version {version})." if version else ".")
    entry: dict[str, object] = {
        "id": address.strip("/").replace("/", "-") or "forside",
        "type": "webpage",
        "title": title,
        "author": [{"literal": municipality}],
        "container-title": plan_title,
        "issued": {"date-parts": [[data_as_of.year, data_as_of.month, data_as_of.day]]},
        "URL": url,
        "language": "da",
    }
    if version:
        entry["version"] = version
    return {
        "title": title,
        "url": url,
        "plan": plan_title,
        "municipality": municipality,
        "data_as_of": as_of,
        "data_as_of_iso": data_as_of.isoformat(),
        "version": version,
        "text": text,
        "csl_json": _csl_json(entry),
    }


def _csl_json(entry: dict[str, object]) -> str:
    """A CSL-JSON array of the one entry, a field a line (json.dumps' indent would give each date part a line of its own)."""
    fields = ",\n".join(f"    {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}" for key, value in entry.items())
    return f"[\n  {{\n{fields}\n  }}\n]"
