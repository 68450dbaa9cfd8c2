"""What a store server is sent as the dataset: Virtuoso gets this dataset's named graphs
listed only for a query with a GRAPH pattern, since every request grows with them."""

import pytest

from aseankg.backends.remote import names_graphs


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }",
        "select * where { graph <https://w3id.org/aseankg/graph/story/01> { ?s ?p ?o } }",
        # An escaped keyword is still the keyword to a store that applies escapes.
        "SELECT * WHERE { \\u0047RAPH ?g { ?s ?p ?o } }",
    ],
)
def test_a_graph_pattern_is_found(query: str) -> None:
    assert names_graphs(query)


@pytest.mark.parametrize(
    "query",
    [
        "ASK {}",
        "SELECT * WHERE { ?s ?p ?o }",
        'SELECT * WHERE { ?s ?p "GRAPH" }',
        "SELECT * WHERE { ?s <https://w3id.org/aseankg/graph/story/01> ?o } # GRAPH",
        "SELECT ?graph WHERE { ?graph ?p ?o }",
    ],
)
def test_no_graph_pattern_is_found(query: str) -> None:
    assert not names_graphs(query)
