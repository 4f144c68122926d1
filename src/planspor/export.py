"""Write the generated site sources to a folder that plain MkDocs builds without hooks."""

from __future__ import annotations

import shutil
from pathlib import Path

from .pages import site_sources
from .project import NOTES_DIR, Project

EXPORT_CONFIG = """\
# Written by `planspor eksport`: the generated pages, built by plain MkDocs
# with the project's configuration and theme, but without Planspor's hooks.
# Build it with: mkdocs build -f {config}
INHERIT: {parent}
docs_dir: docs
site_dir: site
hooks: []
theme:
  name: material
  custom_dir: {theme}
watch: []
"""


def configured_site_url(config_file: Path) -> str:
    """site_url from mkdocs.yml, resolving its !ENV tag as MkDocs does."""
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
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=Loader) or {}
    return str(config.get("site_url") or "")


def export_sources(project: Project, target: Path, config_file: Path) -> int:
    """Write every page (and the editors' static files) under target/docs/."""
    docs = target / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    docs.mkdir(parents=True)
    sources = site_sources(project, configured_site_url(config_file))
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
    config = EXPORT_CONFIG.format(
        parent=config_file.resolve().as_posix(),
        theme=(config_file.resolve().parent / "theme_overrides").as_posix(),
        config=(target / "mkdocs.yml").as_posix(),
    )
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    return len(sources)
