"""A small row cap limits what clients ask for, never the server's own queries."""

import json
import re
from collections.abc import Iterator
from urllib.parse import quote

import pytest
from flask.testing import FlaskClient
from rdflib import Dataset
from rdflib.namespace import VOID

from aseankg.engine import Limits
from aseankg.rdf.namespaces import ID
from aseankg.web import Settings, create_app
from aseankg.web.site import site_of
from tests.linkeddata.conftest import parse
from tests.linkeddata.test_void import DATASET, number

CAP = 5


@pytest.fixture(scope="module")
def capped() -> Iterator[FlaskClient]:
    app = create_app(Settings(limits=Limits(max_rows=CAP), query_workers=1), testing=True)
    yield app.test_client()
    site_of(app).engine.close()


def void_of(client: FlaskClient) -> Dataset:
    return parse(client.get("/.well-known/void.ttl").data, "text/turtle")


def test_void_counts_are_whole(capped: FlaskClient, client: FlaskClient) -> None:
    whole, under_cap = void_of(client), void_of(capped)
    for prop in (VOID.triples, VOID.classes, VOID.properties, VOID.entities):
        assert number(under_cap, DATASET, prop) == number(whole, DATASET, prop) > CAP
    assert len(under_cap) == len(whole)


def test_the_json_ld_context_is_whole(capped: FlaskClient, client: FlaskClient) -> None:
    context = json.loads(capped.get("/context.jsonld").data)["@context"]
    assert context == json.loads(client.get("/context.jsonld").data)["@context"]


def test_pages_keep_their_labels_stories_and_lists(capped: FlaskClient) -> None:
    page = capped.get("/id/country/my.html").get_data(as_text=True)
    assert "<h1>Malaysia</h1>" in page
    landing = capped.get("/").get_data(as_text=True)
    assert len(re.findall(r'href="http://localhost/id/story/\d+"', landing)) == 10
    countries = capped.get("/id/country/").get_data(as_text=True)
    assert countries.count('href="http://localhost/id/country/') > CAP


def test_a_description_cut_by_the_cap_says_so(capped: FlaskClient, client: FlaskClient) -> None:
    page = capped.get("/id/country/my.html").get_data(as_text=True)
    assert "cut short by the server's row limit" in page
    whole = client.get("/id/country/my.html").get_data(as_text=True)
    assert "cut short" not in whole


def test_cut_results_say_so_on_every_route(capped: FlaskClient) -> None:
    story = quote(f"{ID}story/03", safe="")
    facts = capped.get(f"/api/queries/story-facts.nt?story={story}")
    assert facts.status_code == 200
    assert len(facts.get_data(as_text=True).splitlines()) == CAP
    assert facts.headers["X-SPARQL-MaxRows"] == str(CAP)
    described = capped.get("/id/country/my.ttl")
    assert described.headers["X-SPARQL-MaxRows"] == str(CAP)
    everything = capped.get("/sparql?query=" + quote("SELECT * WHERE { ?s ?p ?o }"))
    assert everything.headers["X-SPARQL-MaxRows"] == str(CAP)
    page = capped.get("/api/queries/topic-items")  # a page within the cap: not cut
    assert "X-SPARQL-MaxRows" not in page.headers
