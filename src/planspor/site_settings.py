"""The settings in the site's mkdocs.yml that Planspor publishes: refused alike by the build and `planspor check`.

``extra.accessibility_statement_url`` goes into every page's footer link, the /was/ page's
forward (a meta refresh) and the nginx recipe's /was redirect (``host_redirects``), so it must be
a web address and nothing else: a ``javascript:`` address would run on every page, and a quote,
``;`` or ``$`` would break nginx's configuration.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .problems import PlanInvalid, Problem
from .site_markdown import site_config_loader

STATEMENT_FIELD = "extra.accessibility_statement_url"
STATEMENT_EXAMPLE = "https://www.was.digst.dk/plan-kommune-dk"
# What a web address may hold here: no space, quote, backslash, angle bracket, or nginx syntax.
_SAFE_URL = re.compile(r"[^\s\"'\\<>;{}$`]+")


def accessibility_statement(config_file: Path, display: str = "mkdocs.yml") -> str:
    """The statement's address, "" when none is given; PlanInvalid naming the line when it is no web address."""
    if not config_file.is_file():
        return ""
    stat = config_file.stat()
    return _statement(config_file.resolve(), stat.st_mtime_ns, stat.st_size, display)


@lru_cache(maxsize=4)
def _statement(config_file: Path, mtime: int, size: int, display: str) -> str:
    """Read once per version of mkdocs.yml: the preview checks the project on every save."""
    text = config_file.read_text(encoding="utf-8")
    extra = (yaml.load(text, Loader=site_config_loader()) or {}).get("extra") or {}
    value = extra.get("accessibility_statement_url") if isinstance(extra, dict) else None
    if value is None or value == "":
        return ""
    if isinstance(value, str) and _is_web_address(value):
        return value
    raise PlanInvalid([_statement_problem(display, _line_of(text), value)])


def _is_web_address(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme in ("https", "http") and bool(parts.netloc) and _SAFE_URL.fullmatch(value) is not None


def _statement_problem(display: str, line: int | None, value: object) -> Problem:
    return Problem(
        display,
        line,
        STATEMENT_FIELD,
        f"Tilgængelighedserklæringens adresse skal være en webadresse, der begynder med https://, uden mellemrum,"
        f' anførselstegn eller tegnene ; {{ }} $ < > (fx {STATEMENT_EXAMPLE}); fandt {value!r}. Lad feltet være "" indtil erklæringen findes.',
    )


def _line_of(text: str) -> int | None:
    """The line of extra: accessibility_statement_url (1-based), from the composed YAML."""
    root = yaml.compose(text, Loader=site_config_loader())
    for key, node in root.value if isinstance(root, yaml.MappingNode) else []:
        if key.value != "extra" or not isinstance(node, yaml.MappingNode):
            continue
        for inner_key, inner in node.value:
            if inner_key.value == "accessibility_statement_url":
                return int(inner.start_mark.line) + 1
    return None
