"""The package keeps its layers (docs/architecture.md): no import cycle between modules or
between groups, and HTTP stays in the web group."""

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load_import_graph() -> ModuleType:
    spec = importlib.util.spec_from_file_location("import_graph", ROOT / "scripts/import_graph.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


import_graph = _load_import_graph()


@pytest.fixture(scope="module")
def edges() -> dict[str, set[str]]:
    paths = {
        import_graph.module_name(path): path
        for path in sorted((import_graph.SOURCE / "aseankg").rglob("*.py"))
    }
    return {
        name: import_graph.imported_modules(path, name, set(paths)) for name, path in paths.items()
    }


def group_edges(edges: dict[str, set[str]]) -> dict[str, set[str]]:
    groups: dict[str, set[str]] = {}
    for source, targets in edges.items():
        for target in targets:
            if import_graph.group_of(source) != import_graph.group_of(target):
                groups.setdefault(import_graph.group_of(source), set()).add(
                    import_graph.group_of(target)
                )
    return groups


def test_no_module_imports_itself_back(edges: dict[str, set[str]]) -> None:
    assert import_graph.layers_of(edges)


def test_groups_form_layers(edges: dict[str, set[str]]) -> None:
    layers = import_graph.layers_of(group_edges(edges))
    assert layers["rdf"] == 1
    assert layers["sources"] < layers["engine"] < layers["web"] < layers["cli"]


def test_a_cycle_is_found() -> None:
    """The check above can fail: a cycle is reported, not layered."""
    with pytest.raises(import_graph.CycleError):
        import_graph.layers_of({"a": {"b"}, "b": {"a"}})


def imports_flask(path: Path) -> bool:
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return any(line.startswith(("from flask", "import flask")) for line in lines)


def test_only_the_web_group_speaks_http() -> None:
    package = import_graph.SOURCE / "aseankg"
    users = [path.relative_to(package) for path in package.rglob("*.py") if imports_flask(path)]
    assert users, "the web group imports Flask"
    assert [path for path in users if path.parts[0] != "web"] == []
