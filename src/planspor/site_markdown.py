"""The site's Markdown, as MkDocs makes it from mkdocs.yml: for checking what notes render to.

`planspor check` must refuse exactly what the build would publish wrongly, so it renders notes
and editors' pages with the extensions and settings MkDocs reads from the same mkdocs.yml (and
MkDocs' built-in three: toc, tables, fenced_code). ``tests/test_note_markup.py`` compares this
configuration with MkDocs' own. The core reads the YAML itself (it imports nothing from MkDocs):
``!ENV`` takes the variable or its default, ``!!python/name:`` names a Python object.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

import markdown
import yaml

# MkDocs' MarkdownExtensions option always adds these, before the configured ones.
BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")


class _SiteConfigLoader(yaml.SafeLoader):
    """mkdocs.yml's own tags, and nothing else beyond YAML's safe ones."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]  # type: ignore[arg-type]
    *variables, default = names if len(names) > 1 else [*names, None]
    return next((os.environ[str(name)] for name in variables if str(name) in os.environ), default)


def _python_name(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    module, _, name = suffix.rpartition(".")
    return getattr(importlib.import_module(module), name)


_SiteConfigLoader.add_constructor("!ENV", _env)
_SiteConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/name:", _python_name)


def markdown_settings(config_file: Path) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """The extensions and their settings MkDocs gives Python-Markdown for this mkdocs.yml."""
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_SiteConfigLoader) or {}
    extensions: list[str] = list(BUILTIN_EXTENSIONS)
    settings: dict[str, dict[str, Any]] = {}
    for entry in config.get("markdown_extensions") or []:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        if name not in extensions:
            extensions.append(name)
        if options:
            settings[name] = dict(options)
    return extensions, settings


def renderer(config_file: Path) -> Callable[[str], str]:
    """Markdown text → the HTML the site's Markdown makes of it (one instance, reset per text)."""
    stat = config_file.stat()
    return _renderer(config_file.resolve(), stat.st_mtime_ns, stat.st_size)


# How many texts a renderer remembers the HTML of: every note and page of a large plan that needs
# rendering to be checked (most need not, see note_markup), a few times over.
REMEMBERED_TEXTS = 4096


@lru_cache(maxsize=4)
def _renderer(config_file: Path, mtime: int, size: int) -> Callable[[str], str]:
    """Each text rendered once: the allowlist and the anchors read the same HTML, and the editor's
    preview, which checks every note again on each save, renders only the note that changed."""
    extensions, settings = markdown_settings(config_file)
    md = markdown.Markdown(extensions=extensions, extension_configs=settings)
    memo: dict[str, str] = {}

    def render(text: str) -> str:
        if (html := memo.get(text)) is not None:
            return html
        if len(memo) >= REMEMBERED_TEXTS:
            memo.clear()
        html = memo[text] = md.reset().convert(text)
        return html

    return render


def site_config_loader() -> type[yaml.SafeLoader]:
    """The loader for mkdocs.yml (its !ENV and !!python/name: tags), for the core's other readers of it."""
    return _SiteConfigLoader
