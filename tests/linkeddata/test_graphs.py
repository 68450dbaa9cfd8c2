"""Named-graph IRIs and structural-check IRIs dereference, as they appear in data and reports."""

from flask.testing import FlaskClient
from rdflib import Dataset
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from aseankg.rdf.namespaces import REFERENCE_GRAPH, story_graph
from aseankg.validation.checks import checks_dir, load_checks
from tests.linkeddata.conftest import parse, same_graph

STORY = story_graph(3)
STORY_PATH = "/graph/story/03"


def test_a_story_graph_answers_in_turtle_with_exactly_its_triples(
    client: FlaskClient, dataset: Dataset
) -> None:
    response = client.get(STORY_PATH, headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    assert response.mimetype == "text/turtle"
    assert response.headers["Vary"] == "Accept"
    assert response.headers["Content-Location"].endswith(f"{STORY_PATH}.ttl")
    assert 'type="application/trig"' in response.headers["Link"]
    expected = dataset.graph(STORY)
    assert len(expected) > 0
    assert same_graph(parse(response.data, "text/turtle"), expected)


def test_a_story_graph_in_trig_keeps_its_graph_name(client: FlaskClient, dataset: Dataset) -> None:
    response = client.get(STORY_PATH, headers={"Accept": "application/trig"})
    assert response.status_code == 200
    received = parse(response.data, "application/trig")
    names = {graph.identifier for graph in received.graphs() if len(graph)}
    assert names == {STORY, DATASET_DEFAULT_GRAPH_ID}
    assert len(received.graph(STORY)) == len(dataset.graph(STORY))
    assert set(received.graph(DATASET_DEFAULT_GRAPH_ID)) == set(received.graph(STORY))


def test_a_story_graph_has_a_page_naming_its_story_and_size(
    client: FlaskClient, dataset: Dataset
) -> None:
    response = client.get(STORY_PATH, headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert str(STORY) in page
    assert f"{len(dataset.graph(STORY)):,} triples" in page
    assert 'href="http://localhost/id/story/' in page
    assert f'href="http://localhost{STORY_PATH}.ttl"' in page


def test_the_reference_graph_answers_too(client: FlaskClient) -> None:
    path = "/" + str(REFERENCE_GRAPH).removeprefix("https://w3id.org/aseankg/")
    response = client.get(path, headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert "Reference data" in response.get_data(as_text=True)


def test_a_suffix_chooses_the_form_and_wins_over_accept(client: FlaskClient) -> None:
    for suffix, media_type in ((".ttl", "text/turtle"), (".nq", "application/n-quads")):
        response = client.get(STORY_PATH + suffix, headers={"Accept": "text/html"})
        assert response.status_code == 200, suffix
        assert response.mimetype == media_type


def test_an_unknown_graph_or_suffix_is_404_with_a_reason(client: FlaskClient) -> None:
    unknown = client.get("/graph/story/99", headers={"Accept": "text/plain"})
    assert unknown.status_code == 404
    assert "https://w3id.org/aseankg/graph/story/99> names nothing" in unknown.get_data(True)
    unknown_ttl = client.get("/graph/story/99.ttl", headers={"Accept": "text/plain"})
    assert unknown_ttl.status_code == 404
    assert "graph/story/99> names nothing" in unknown_ttl.get_data(True)
    bad_suffix = client.get(STORY_PATH + ".docx", headers={"Accept": "text/plain"})
    assert bad_suffix.status_code == 404
    assert "no '.docx' form of <https://w3id.org/aseankg/graph/story/03>" in bad_suffix.get_data(
        True
    )


def test_a_check_iri_answers_with_its_query_text(client: FlaskClient) -> None:
    check = load_checks(checks_dir())[0]
    for path in (f"/checks/{check.name}", f"/checks/{check.name}.rq"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.mimetype == "application/sparql-query"
        assert response.get_data(as_text=True) == check.query
        assert response.headers["Content-Location"] == f"http://localhost/checks/{check.name}.rq"
    refused = client.get(f"/checks/{check.name}", headers={"Accept": "text/turtle"})
    assert refused.status_code == 406


def test_an_unknown_check_or_suffix_is_404(client: FlaskClient) -> None:
    check = load_checks(checks_dir())[0]
    assert client.get("/checks/no-such-check").status_code == 404
    assert client.get("/checks/no-such-check.rq").status_code == 404
    wrong = client.get(f"/checks/{check.name}.ttl", headers={"Accept": "text/plain"})
    assert wrong.status_code == 404
    assert "no '.ttl' form" in wrong.get_data(as_text=True)
