"""Print the shape of the package: modules, lines, import arrows between its modules and
between its top-level groups, and the layers those arrows make.

A maintainer's view of the architecture, read from the source alone (nothing is imported):

    python scripts/import_graph.py            # the summary
    python scripts/import_graph.py --groups   # and the arrows between groups
"""

import argparse
import ast
from collections import defaultdict
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

PACKAGE = "aseankg"
SOURCE = Path(__file__).resolve().parent.parent / "src"


def module_name(path: Path) -> str:
    parts = path.relative_to(SOURCE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, name: str, modules: set[str]) -> set[str]:
    """The package's modules that ``path`` imports (at any depth of its code)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base
                for alias in node.names
            ]
        else:
            continue
        for target in targets:
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def group_of(module: str) -> str:
    """The top-level group a module belongs to: ``aseankg.web.api`` -> ``web``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "(root)"


def layers_of(graph: dict[str, set[str]]) -> dict[str, int]:
    """Each node's layer: 1 for what imports nothing of the package, else one above the
    highest layer it imports."""
    depth: dict[str, int] = {}
    for name in TopologicalSorter(graph).static_order():
        depth[name] = 1 + max((depth[target] for target in graph.get(name, ())), default=0)
    return depth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", action="store_true", help="list the arrows between groups")
    arguments = parser.parse_args()
    paths = {module_name(path): path for path in sorted((SOURCE / PACKAGE).rglob("*.py"))}
    modules = set(paths)
    edges = {name: imported_modules(path, name, modules) for name, path in paths.items()}
    lines = sum(len(path.read_text(encoding="utf-8").splitlines()) for path in paths.values())
    group_edges: dict[str, set[str]] = defaultdict(set)
    for source, targets in edges.items():
        for target in targets:
            if group_of(source) != group_of(target):
                group_edges[group_of(source)].add(group_of(target))
    root_modules = [name for name in modules if name.count(".") == 1]
    print(f"modules: {len(modules)} ({len(root_modules)} at the package root)")
    print(f"lines: {lines}")
    print(f"import arrows between modules: {sum(len(t) for t in edges.values())}")
    print(f"import arrows between groups: {sum(len(t) for t in group_edges.values())}")
    for label, graph in (("modules", edges), ("groups", group_edges)):
        try:
            layers = layers_of(graph)
        except CycleError as error:
            print(f"import cycle among {label}: {' -> '.join(error.args[1])}")
            continue
        print(f"layers of {label} (longest import chain): {max(layers.values())}")
        if label == "groups" and arguments.groups:
            for layer in range(1, max(layers.values()) + 1):
                members = sorted(name for name, depth in layers.items() if depth == layer)
                print(f"  layer {layer}: {', '.join(members)}")
    if arguments.groups:
        for group in sorted(group_edges):
            print(f"  {group} -> {', '.join(sorted(group_edges[group]))}")


if __name__ == "__main__":
    main()
