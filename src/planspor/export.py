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


def export_sources(project: Project, target: Path, config_file: Path) -> int:
    """Write every page (and the editors' static files) under target/docs/."""
    docs = target / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    docs.mkdir(parents=True)
    sources = site_sources(project)
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
