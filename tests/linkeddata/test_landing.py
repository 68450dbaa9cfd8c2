"""The landing page: what the dataset is, its counts, and every way in."""

import re
from collections.abc import Iterator

import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib.namespace import VOID

from aseankg.bench.generate import generate
from aseankg.publish import dumps
from aseankg.web import Settings, create_app
from aseankg.web.site import site_of
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


@pytest.fixture(scope="module")
def grown_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """The bundled data plus two synthetic stories."""
    data = tmp_path_factory.mktemp("grown") / "data"
    generate(data, stories=2)
    app = create_app(Settings(data_dir=data, query_workers=1), testing=True)
    yield app
    site_of(app).engine.close()


def test_landing_counts_the_stories_of_the_data(grown_app: Flask) -> None:
    page = grown_app.test_client().get("/").get_data(as_text=True)
    assert "<h2>The 12 stories</h2>" in page
    assert len(re.findall(r'<li><a href="http://localhost/id/story/\d+"', page)) == 12


def test_the_landing_page_builds_no_dump(grown_app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> bytes:
        raise AssertionError("the landing page built a dump")

    monkeypatch.setattr(dumps, "dataset_bytes", refuse)
    response = grown_app.test_client().get("/", base_url="http://other.test")
    assert response.status_code == 200
    assert 'href="http://other.test/dumps/aseankg.nq.gz"' in response.get_data(as_text=True)
