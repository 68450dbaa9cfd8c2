"""Descriptions in a quad syntax serve two kinds of client: the default graph holds every
fact, for one that reads triples, and the named graphs say which story states each."""

import pyoxigraph
import pytest
from flask.testing import FlaskClient
from rdflib import URIRef

from tests.linkeddata.conftest import oxigraph_quads
from tests.linkeddata.test_resources import path_of


def split(quads: set[pyoxigraph.Quad]) -> tuple[set[pyoxigraph.Triple], set[pyoxigraph.Quad]]:
    """The triples of the default graph, and the quads of the named graphs."""
    default = {
        quad.triple for quad in quads if isinstance(quad.graph_name, pyoxigraph.DefaultGraph)
    }
    return default, quads - {pyoxigraph.Quad(*triple) for triple in default}


@pytest.mark.slow
@pytest.mark.parametrize("media_type", ["application/n-quads", "application/trig"])
def test_the_default_graph_is_the_union_of_the_story_graphs(
    client: FlaskClient, entities: list[URIRef], media_type: str
) -> None:
    for entity in entities:
        response = client.get(path_of(entity), headers={"Accept": media_type})
        assert response.mimetype == media_type
        default, named = split(oxigraph_quads(response.data, media_type))
        assert default, entity
        assert default == {quad.triple for quad in named}, entity


def test_each_fact_keeps_the_story_graph_that_states_it(
    client: FlaskClient, store_quads: set[pyoxigraph.Quad]
) -> None:
    malaysia = pyoxigraph.NamedNode("https://w3id.org/aseankg/id/country/my")
    payload = client.get("/id/country/my.nq").data
    _, named = split(oxigraph_quads(payload, "application/n-quads"))
    about = {quad for quad in store_quads if malaysia in (quad.subject, quad.object)}
    assert about <= named <= store_quads


def test_a_graph_document_has_its_triples_in_the_default_graph_too(
    client: FlaskClient, store_quads: set[pyoxigraph.Quad]
) -> None:
    story = pyoxigraph.NamedNode("https://w3id.org/aseankg/graph/story/03")
    default, named = split(
        oxigraph_quads(client.get("/graph/story/03.nq").data, "application/n-quads")
    )
    assert named == {quad for quad in store_quads if quad.graph_name == story}
    assert default == {quad.triple for quad in named}
