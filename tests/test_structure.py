"""The core stays small and layered: no module over 400 lines, no import cycle, no MkDocs in the core,
and no dependency that nothing uses. Read from the source with ast, so the rules hold as the code grows."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

from conftest import REPO

CORE = REPO / "src" / "planspor"
MAX_LINES = 400
# The module each runtime dependency is imported as (a dependency not listed here fails the test).
IMPORT_NAMES = {"mkdocs": "mkdocs", "mkdocs-material": "material", "PyYAML": "yaml", "pagefind": "pagefind", "openpyxl": "openpyxl", "python-docx": "docx"}


def core_modules() -> dict[str, Path]:
    return {path.stem: path for path in sorted(CORE.glob("*.py"))}


def imported_core_modules(path: Path) -> set[str]:
    """The core modules a module imports, at its top or inside a function (both make a cycle)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("planspor."):
            found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            found.update(alias.name.split(".")[1] for alias in node.names if alias.name.startswith("planspor."))
    return found & core_modules().keys()


def test_no_module_of_the_core_is_over_400_lines() -> None:
    long = {name: n for name, path in core_modules().items() if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}, f"split these by concern before adding to them: {long}"


def test_the_core_has_no_import_cycle() -> None:
    graph = {name: imported_core_modules(path) - {name} for name, path in core_modules().items()}
    cycles: list[list[str]] = []
    state: dict[str, str] = {}

    def visit(name: str, trail: list[str]) -> None:
        state[name] = "open"
        for target in sorted(graph[name]):
            if state.get(target) == "open":
                cycles.append([*trail[trail.index(target) :], target])
            elif target not in state:
                visit(target, [*trail, target])
        state[name] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_the_core_imports_nothing_from_mkdocs() -> None:
    for name, path in core_modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        assert not {m for m in imported if m.split(".")[0] in ("mkdocs", "material")}, name


def test_every_runtime_dependency_is_imported_somewhere() -> None:
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    sources = [*CORE.glob("*.py"), *(REPO / "hooks").glob("*.py")]
    imported: set[str] = set()
    for path in sources:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                imported.add(node.module.split(".")[0])
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    for requirement in pyproject["project"]["dependencies"]:
        name = requirement.split("[")[0].split(">")[0].split("<")[0].split("=")[0].strip()
        assert name in IMPORT_NAMES, f"{name}: say which module it is imported as"
        module = IMPORT_NAMES[name]
        used = module in imported or (module == "material" and "name: material" in text)
        assert used, f"{name} is a dependency, but nothing imports {module}: remove it"
