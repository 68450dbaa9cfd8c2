"""``Link`` headers tie the URL a resource is served at to its public IRI: a page names the
IRI as its canonical address, and every form is a document that describes the IRI."""

import urllib.request
from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient

from aseankg.web import Settings, create_app
from aseankg.web.site import site_of

MALAYSIA = "https://w3id.org/aseankg/id/country/my"
#: The forms of an entity, in the order the header lists them.
FORMS = (
    (".html", "text/html"),
    (".ttl", "text/turtle"),
    (".nt", "application/n-triples"),
    (".jsonld", "application/ld+json"),
    (".rdf", "application/rdf+xml"),
    (".trig", "application/trig"),
    (".nq", "application/n-quads"),
)


def entity_links(url: str, iri: str, page: bool) -> str:
    """The exact ``Link`` header of an entity served at ``url``: its canonical IRI when it is
    the page, its alternates, and the documents describing ``iri``."""
    canonical = [f'<{iri}>; rel="canonical"'] if page else []
    alternate = [f'<{url}{suffix}>; rel="alternate"; type="{media}"' for suffix, media in FORMS]
    described = [
        f'<{url}{suffix}>; rel="describedby"; anchor="{iri}"; type="{media}"'
        for suffix, media in FORMS
    ]
    return ", ".join(canonical + alternate + described)


@pytest.mark.parametrize("path", ["/id/country/my", "/id/country/my.html"])
def test_an_entity_page_names_its_public_iri_as_canonical(client: FlaskClient, path: str) -> None:
    response = client.get(path, headers={"Accept": "text/html"})
    assert response.mimetype == "text/html"
    expected = entity_links("http://localhost/id/country/my", MALAYSIA, page=True)
    assert response.headers["Link"] == expected


@pytest.mark.parametrize(
    ("path", "accept"),
    [("/id/country/my", "application/n-quads"), ("/id/country/my.ttl", "text/html")],
)
def test_entity_data_names_the_documents_that_describe_it(
    client: FlaskClient, path: str, accept: str
) -> None:
    response = client.get(path, headers={"Accept": accept})
    assert response.status_code == 200
    expected = entity_links("http://localhost/id/country/my", MALAYSIA, page=False)
    assert response.headers["Link"] == expected


@pytest.fixture(scope="module")
def proxied_app() -> Iterator[Flask]:
    app = create_app(Settings(served_base="https://kg.example.org/aseankg"), testing=True)
    yield app
    site_of(app).engine.close()


def test_documents_are_named_where_they_are_served(proxied_app: Flask) -> None:
    response = proxied_app.test_client().get("/id/country/my", headers={"Accept": "text/html"})
    expected = entity_links("https://kg.example.org/aseankg/id/country/my", MALAYSIA, page=True)
    assert response.headers["Link"] == expected


@pytest.mark.parametrize(
    ("path", "iri"),
    [
        ("/ontology", "https://w3id.org/aseankg/ontology"),
        ("/shapes", "https://w3id.org/aseankg/shapes"),
        ("/graph/story/03", "https://w3id.org/aseankg/graph/story/03"),
    ],
)
def test_documents_and_graphs_are_tied_to_their_iri(
    client: FlaskClient, path: str, iri: str
) -> None:
    page = client.get(path, headers={"Accept": "text/html"}).headers["Link"].split(", ")
    assert page[0] == f'<{iri}>; rel="canonical"'
    assert (
        f'<http://localhost{path}.ttl>; rel="describedby"; anchor="{iri}"; type="text/turtle"'
        in page
    )
    turtle = client.get(path, headers={"Accept": "text/turtle"}).headers["Link"]
    assert 'rel="canonical"' not in turtle
    assert f'<http://localhost{path}.html>; rel="describedby"; anchor="{iri}"' in turtle


def test_a_check_is_described_by_its_query(client: FlaskClient) -> None:
    link = client.get("/checks/duplicate-labels").headers["Link"]
    assert link == (
        '<http://localhost/checks/duplicate-labels.rq>; rel="alternate"; '
        'type="application/sparql-query", '
        '<http://localhost/checks/duplicate-labels.rq>; rel="describedby"; '
        'anchor="https://w3id.org/aseankg/checks/duplicate-labels"; '
        'type="application/sparql-query"'
    )


def test_the_headers_reach_a_client_over_http(live_server: str) -> None:
    request = urllib.request.Request(
        f"{live_server}/id/country/my", headers={"Accept": "text/html"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        link = response.headers["Link"]
    assert link == entity_links(f"{live_server}/id/country/my", MALAYSIA, page=True)
