"""The queries aseankg runs for itself: each ``.rq`` file parses, is used, and names its
namespaces as :mod:`aseankg.rdf.namespaces` does."""

import ast
import re
from importlib.resources import files
from pathlib import Path

import pyoxigraph
import pytest

import aseankg
from aseankg.engine import guard
from aseankg.own_queries import query_text
from aseankg.rdf.namespaces import PREFIXES
from aseankg.web.linkeddata.neighbourhood import CATEGORIES

SOURCES = Path(aseankg.__file__).parent
NAMES = sorted(
    entry.name.removesuffix(".rq")
    for entry in files("aseankg.own_queries").iterdir()
    if entry.name.endswith(".rq")
)
PREFIX = re.compile(r"^PREFIX\s+([\w-]*):\s*<([^>]*)>", re.MULTILINE)
FULL_IRI = re.compile(r"<[A-Za-z][\w+.-]*:[^>\s]*>")


def prefixes_of(text: str) -> dict[str, str]:
    return dict(PREFIX.findall(text))


def used_names() -> set[str]:
    """Every name passed to ``query_text`` as a literal string anywhere in the package."""
    found = set()
    for path in SOURCES.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "query_text"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add(node.args[0].value)
    return found


def test_the_package_holds_the_queries() -> None:
    assert len(NAMES) >= 20
    assert "labels" in NAMES


@pytest.mark.parametrize("name", NAMES)
def test_each_query_parses_as_a_select(name: str) -> None:
    text = query_text(name)
    assert guard.inspect(text).form == "SELECT"
    assert isinstance(pyoxigraph.Store().query(text), pyoxigraph.QuerySolutions)


@pytest.mark.parametrize("name", NAMES)
def test_each_query_opens_with_a_comment_saying_what_it_is_for(name: str) -> None:
    first = query_text(name).splitlines()[0]
    assert first.startswith("# ") and len(first) > 10


def test_every_query_file_is_used_and_every_used_query_exists() -> None:
    assert used_names() == set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_prefixes_are_the_namespaces_aseankg_defines(name: str) -> None:
    for prefix, namespace in prefixes_of(query_text(name)).items():
        assert PREFIXES.get(prefix) == namespace, f"{name}.rq: PREFIX {prefix}: <{namespace}>"


@pytest.mark.parametrize("name", NAMES)
def test_iris_are_written_only_in_prefix_declarations(name: str) -> None:
    body = PREFIX.sub("", query_text(name))
    assert FULL_IRI.findall(body) == []


@pytest.mark.parametrize("name", ["neighbours", "category-classes"])
def test_the_neighbourhood_queries_ask_for_every_category_class(name: str) -> None:
    text = query_text(name)
    values = re.search(r"VALUES \?root \{([^}]*)\}", text)
    assert values is not None
    prefixes = prefixes_of(text)
    asked = set()
    for term in values.group(1).split():
        prefix, local = term.split(":", 1)
        asked.add(prefixes[prefix] + local)
    assert asked == {str(root) for roots in CATEGORIES.values() for root in roots}


def test_a_query_is_read_once() -> None:
    assert query_text("labels") is query_text("labels")


def test_an_unknown_query_is_an_error() -> None:
    with pytest.raises(FileNotFoundError):
        query_text("no-such-query")
