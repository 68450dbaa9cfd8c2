"""rdflib's SPARQLStore against the real ``aseankg serve``: a ``Graph``, a
``ConjunctiveGraph`` and a ``Dataset`` over the endpoint count, iterate and query the
dataset's facts as the same objects over the loaded data do."""

import warnings
from collections.abc import Iterator

import pytest
from rdflib import ConjunctiveGraph, Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.plugins.stores.sparqlstore import SPARQLStore

from aseankg.rdf.namespaces import AK, story_graph
from tests.web.examples import KUALA_LUMPUR, SUMMIT, SUMMIT_DATE, SUMMIT_QUERY, SUMMIT_ROW

#: The summit is told in story 2.
SUMMIT_STORY = story_graph(2)


@pytest.fixture
def store(live_server: str) -> Iterator[SPARQLStore]:
    opened = SPARQLStore(live_server + "/sparql", returnFormat="json")
    yield opened
    opened.close()


def all_triples(dataset: Dataset) -> set[tuple[object, object, object]]:
    """The distinct triples of every graph: the endpoint's default graph is their union."""
    return {(s, p, o) for s, p, o, _ in dataset.quads()}


def summit_row(graph: Graph) -> list[dict[str, str]]:
    return [
        {name: str(value) for name, value in row.asdict().items()}
        for row in graph.query(SUMMIT_QUERY)
    ]


def test_graph(store: SPARQLStore, dataset: Dataset) -> None:
    graph = Graph(store=store)
    assert len(graph) == len(all_triples(dataset))
    assert (SUMMIT, AK.startDate, SUMMIT_DATE) in graph
    assert set(graph.objects(SUMMIT, AK.location)) == {KUALA_LUMPUR}
    assert summit_row(graph) == [SUMMIT_ROW]


def test_conjunctive_graph(store: SPARQLStore, dataset: Dataset) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # rdflib's own deprecation
        graph = ConjunctiveGraph(store=store)
    assert len(graph) == len(all_triples(dataset))
    assert (SUMMIT, AK.location, KUALA_LUMPUR) in graph
    named = {context.identifier for context in graph.contexts()}
    assert named == {
        context.identifier
        for context in dataset.graphs()
        if context.identifier != DATASET_DEFAULT_GRAPH_ID
    }
    assert SUMMIT_STORY in named
    assert summit_row(graph) == [SUMMIT_ROW]


def test_dataset(store: SPARQLStore, dataset: Dataset) -> None:
    """``default_union=False`` names rdflib's default graph (``urn:x-rdflib:default``) in
    every request, which the endpoint reads as its own default graph."""
    remote = Dataset(store=store, default_union=False)
    assert len(remote) == len(all_triples(dataset))
    assert (SUMMIT, AK.startDate, SUMMIT_DATE) in remote
    assert summit_row(remote) == [SUMMIT_ROW]
    story = remote.get_context(SUMMIT_STORY)
    assert (SUMMIT, AK.startDate, SUMMIT_DATE) in story
    assert len(story) == len(dataset.graph(SUMMIT_STORY))
    assert (SUMMIT, AK.startDate, SUMMIT_DATE) not in remote.get_context(story_graph(1))
