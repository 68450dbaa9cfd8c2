"""The landing page: what the dataset is, its counts, and every way in."""

from flask.testing import FlaskClient
from rdflib.namespace import VOID

from tests.linkeddata.test_void import DATASET


def test_landing_page_links_everything(client: FlaskClient) -> None:
    response = client.get("/", headers={"Accept": "text/html"})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    for target in (
        "http://localhost/ontology",
        "http://localhost/sparql",
        "http://localhost/api/queries",
        "http://localhost/.well-known/void",
        "http://localhost/context.jsonld",
        "http://localhost/dumps/aseankg.trig",
        "http://localhost/dumps/aseankg.nq.gz",
        "http://localhost/id/story/05",
        "http://localhost/id/event/",
    ):
        assert f'href="{target}"' in page, target
    assert "Top 10 news stories on China-ASEAN cooperation 2025 unveiled" in page


def test_landing_counts_are_the_void_counts(client: FlaskClient) -> None:
    from tests.linkeddata.conftest import parse
    from tests.linkeddata.test_void import number

    void = parse(client.get("/.well-known/void.ttl").data, "text/turtle")
    page = client.get("/").get_data(as_text=True)
    triples = number(void, DATASET, VOID.triples)
    assert f"<dt>Triples</dt><dd>{triples:,}</dd>" in page


def test_landing_is_html_only(client: FlaskClient) -> None:
    assert client.get("/", headers={"Accept": "text/turtle"}).status_code == 406
