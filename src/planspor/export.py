"""Write the generated site sources to a folder that plain MkDocs builds without hooks."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from . import addresses
from .buildinfo import build_stamp
from .pages import site_sources
from .project import NOTES_DIR, Project

EXPORT_CONFIG = """\
# Written by `planspor eksport`: the generated pages, built by plain MkDocs
# with the project's configuration and theme, but without Planspor's hooks.
# Build it with: mkdocs build -f {config}
# (or with Zensical: zensical build -f {config})
INHERIT: {parent}
docs_dir: docs
site_dir: site
hooks: []
theme:
  name: material
  # Zensical's look that matches Material's (its default is "modern"); MkDocs ignores the key.
  variant: classic
  custom_dir: {theme}
watch: []
extra:
  # The build stamp the hooks would have set (the footer shows it).
  planspor_build: {build}
  # The addresses the templates' chrome links to (planspor.addresses.site_links).
  planspor_links: {links}
  # Where the sections of the one-page guide went (planspor.addresses.GUIDE_MOVED_ANCHORS).
  planspor_guide_anchors: {guide_anchors}
"""


def read_config(config_file: Path) -> dict[str, Any]:
    """mkdocs.yml as plain data, resolving its !ENV tags as MkDocs does."""
    import os

    import yaml

    class Loader(yaml.SafeLoader):
        pass

    def env(loader: yaml.SafeLoader, node: yaml.Node) -> object:
        names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]  # type: ignore[arg-type]
        *variables, default = names if len(names) > 1 else [*names, None]
        return next((os.environ[str(v)] for v in variables if str(v) in os.environ), default)

    Loader.add_constructor("!ENV", env)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    return yaml.load(config_file.read_text(encoding="utf-8"), Loader=Loader) or {}


def export_sources(project: Project, target: Path, config_file: Path) -> int:
    """Write every page (and the editors' static files) under target/docs/."""
    docs = target / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    docs.mkdir(parents=True)
    config = read_config(config_file)
    sources = site_sources(project, str(config.get("site_url") or ""))
    for source in sources:
        path = docs / source.src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source.text, encoding="utf-8")
    content = project.root / "content"
    for path in sorted(content.rglob("*")) if content.is_dir() else []:
        relative = path.relative_to(content)
        if path.is_file() and path.suffix != ".md" and relative.parts[0] != NOTES_DIR:
            (docs / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, docs / relative)
    extra = config.get("extra") or {}
    stamp = build_stamp(project.root, str(extra.get("repository_url") or ""))
    text = EXPORT_CONFIG.format(
        parent=config_file.resolve().as_posix(),
        theme=(config_file.resolve().parent / "theme_overrides").as_posix(),
        config=(target / "mkdocs.yml").as_posix(),
        build=json.dumps(stamp, ensure_ascii=False),
        links=json.dumps(addresses.site_links(), ensure_ascii=False),
        guide_anchors=json.dumps(addresses.GUIDE_MOVED_ANCHORS, ensure_ascii=False),
    )
    (target / "mkdocs.yml").write_text(text, encoding="utf-8")
    return len(sources)
