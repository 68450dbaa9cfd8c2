"""Entity IRIs dereference: every entity, every syntax, negotiation rules and provenance."""

import pytest
from flask.testing import FlaskClient
from markupsafe import escape
from rdflib import RDF, RDFS, Dataset, Literal, URIRef

from aseankg.rdf.namespaces import AK, ID, story_graph
from tests.linkeddata.conftest import parse

RDF_TYPES = [
    "text/turtle",
    "application/n-triples",
    "application/ld+json",
    "application/rdf+xml",
    "application/trig",
    "application/n-quads",
]
XI = ID["person/xi-jinping"]
FORUM = ID["event/2025-asean-china-gba-economic-cooperation-qianhai-forum"]


def path_of(iri: URIRef) -> str:
    return "/" + str(iri).removeprefix("https://w3id.org/aseankg/")


@pytest.mark.slow
@pytest.mark.parametrize("media_type", RDF_TYPES)
def test_every_entity_answers_in_each_rdf_syntax_with_its_label_and_types(
    client: FlaskClient, dataset: Dataset, entities: list[URIRef], media_type: str
) -> None:
    assert len(entities) > 150
    for entity in entities:
        response = client.get(path_of(entity), headers={"Accept": media_type})
        assert response.status_code == 200, entity
        assert response.mimetype == media_type
        assert response.headers["Vary"] == "Accept"
        received = parse(response.data, media_type)
        for label in dataset.objects(entity, RDFS.label):
            assert (entity, RDFS.label, label) in received, (entity, media_type)
        for cls in dataset.objects(entity, RDF.type):
            assert (entity, RDF.type, cls) in received, (entity, media_type)
        assert len(received) > 0


@pytest.mark.slow
def test_every_entity_has_a_page_with_its_label(
    client: FlaskClient, dataset: Dataset, entities: list[URIRef]
) -> None:
    for entity in entities:
        response = client.get(path_of(entity), headers={"Accept": "text/html"})
        assert response.status_code == 200, entity
        page = response.get_data(as_text=True)
        label = dataset.value(entity, RDFS.label)
        if label is not None:
            assert f"<h1>{escape(label)}</h1>" in page
        assert '<link rel="alternate" type="text/turtle"' in page


def test_the_description_keeps_the_story_of_each_fact(
    client: FlaskClient, dataset: Dataset
) -> None:
    received = parse(client.get(path_of(XI) + ".trig").data, "application/trig")
    expected = {
        (s, p, o, graph.identifier)
        for graph in dataset.graphs()
        for s, p, o in graph.triples((XI, None, None))
    }
    got = {(s, p, o, graph.identifier) for graph in received.graphs() for s, p, o in graph}
    assert expected <= got
    position = ID["position/president-of-china"]
    assert (XI, AK.holdsPosition, position, story_graph(1)) in got


def test_the_description_holds_incoming_links_and_n_ary_nodes(client: FlaskClient) -> None:
    received = parse(client.get(path_of(XI) + ".ttl").data, "text/turtle")
    participations = set(received.subjects(AK.participant, XI))
    assert len(participations) == 4
    for node in participations:
        assert received.value(node, AK.role) == ID["role/visitor"]
        assert received.value(predicate=AK.hasParticipation, object=node) is not None
    forum = parse(client.get(path_of(FORUM) + ".nt").data, "application/n-triples")
    projects = ID["outcome/qianhai-forum-2025-signed-projects"]
    assert (projects, AK.outcomeOf, FORUM) in forum
    assert (projects, AK.qualifier, ID["qualifier/more-than"]) in forum
    assert (projects, AK.unit, ID["unit/project"]) in forum


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("text/turtle;q=0.5, application/ld+json;q=0.9", "application/ld+json"),
        ("application/rdf+xml, text/html;q=0.1", "application/rdf+xml"),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"),
        ("application/n-quads", "application/n-quads"),
        ("*/*", "text/html"),
    ],
)
def test_accept_header_with_q_values(client: FlaskClient, accept: str, expected: str) -> None:
    response = client.get(path_of(XI), headers={"Accept": accept})
    assert response.status_code == 200
    assert response.mimetype == expected
    assert response.headers["Vary"] == "Accept"


@pytest.mark.parametrize(
    ("suffix", "expected"),
    [
        (".ttl", "text/turtle"),
        (".nt", "application/n-triples"),
        (".jsonld", "application/ld+json"),
        (".rdf", "application/rdf+xml"),
        (".trig", "application/trig"),
        (".nq", "application/n-quads"),
        (".html", "text/html"),
        ("?format=jsonld", "application/ld+json"),
        ("?format=text/turtle", "text/turtle"),
        (".ttl?format=nt", "application/n-triples"),
    ],
)
def test_extension_and_format_override_accept(
    client: FlaskClient, suffix: str, expected: str
) -> None:
    response = client.get(path_of(XI) + suffix, headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert response.mimetype == expected


def test_negotiated_response_names_its_forms(client: FlaskClient) -> None:
    response = client.get(path_of(XI), headers={"Accept": "text/turtle"})
    assert response.headers["Content-Location"] == "http://localhost/id/person/xi-jinping.ttl"
    link = response.headers["Link"]
    assert '<http://localhost/id/person/xi-jinping.jsonld>; rel="alternate"' in link
    assert 'type="application/n-quads"' in link
    assert (
        '<http://localhost/id/person/xi-jinping.rdf>; rel="alternate"; type="application/rdf+xml"'
        in link
    )
    rdf_xml = client.get(path_of(XI), headers={"Accept": "application/rdf+xml"})
    assert rdf_xml.headers["Content-Location"] == "http://localhost/id/person/xi-jinping.rdf"
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_nothing_acceptable_is_406(client: FlaskClient) -> None:
    response = client.get(path_of(XI), headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert "text/turtle" in response.get_data(as_text=True)


def test_unknown_format_is_400(client: FlaskClient) -> None:
    response = client.get(path_of(XI) + "?format=yaml")
    assert response.status_code == 400
    assert "yaml" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "path", ["/id/person/nobody", "/id/spaceship/x", "/id/person/nobody.ttl", "/id/person/xi"]
)
def test_unknown_iri_is_404(client: FlaskClient, path: str) -> None:
    response = client.get(path, headers={"Accept": "text/turtle"})
    assert response.status_code == 404
    assert "names nothing in this dataset" in response.get_data(as_text=True)


def test_rdf_keeps_canonical_iris_while_pages_link_to_the_served_host(
    client: FlaskClient,
) -> None:
    turtle = client.get(path_of(XI) + ".ttl", base_url="http://kg.test:8080").data
    assert b"http://kg.test" not in turtle
    assert (XI, RDFS.label, Literal("Xi Jinping", lang="en")) in parse(turtle, "text/turtle")
    page = client.get(path_of(XI) + ".html", base_url="http://kg.test:8080").get_data(as_text=True)
    assert 'href="http://kg.test:8080/id/position/president-of-china"' in page
    assert 'href="http://kg.test:8080/ontology#holdsPosition"' in page
    assert "https://w3id.org/aseankg/id/person/xi-jinping" in page


def test_page_shows_figures_with_qualifiers_dates_and_stories(client: FlaskClient) -> None:
    page = client.get(path_of(FORUM) + ".html").get_data(as_text=True)
    assert "40,000,000,000" in page
    assert ">nearly</a>" in page
    assert ">Previous ASEAN-China GBA Economic Cooperation (Qianhai) Forum</a>" in page
    assert '2025 <span class="note">(year)</span>' in page
    assert "Story 10: The Qianhai forum" in page
    visit = client.get("/id/event/xi-jinping-state-visit-vietnam-2025.html")
    assert ">visitor</a>" in visit.get_data(as_text=True)


def test_unchanged_resource_is_304(client: FlaskClient) -> None:
    first = client.get(path_of(XI), headers={"Accept": "text/turtle"})
    again = client.get(
        path_of(XI), headers={"Accept": "text/turtle", "If-None-Match": first.headers["ETag"]}
    )
    assert again.status_code == 304


def test_kind_index_lists_entities_by_label(client: FlaskClient) -> None:
    page = client.get("/id/person/").get_data(as_text=True)
    assert ">Xi Jinping</a>" in page
    assert client.get("/id/spaceship/").status_code == 404
