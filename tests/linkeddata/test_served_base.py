"""A server behind another URL: pages link there, while RDF keeps the public IRIs."""

from collections.abc import Iterator

import pytest
from click.testing import CliRunner
from flask import Flask

from aseankg.cli import main
from aseankg.web import Settings, create_app
from aseankg.web.site import site_of
from tests.linkeddata.conftest import parse
from tests.support.server import SERVED


@pytest.fixture(scope="module")
def proxied_app() -> Iterator[Flask]:
    app = create_app(Settings(served_base=SERVED.rstrip("/")), testing=True)
    yield app
    site_of(app).engine.close()


def test_pages_link_to_the_served_base(proxied_app: Flask) -> None:
    client = proxied_app.test_client()
    page = client.get("/id/country/my", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert f'href="{SERVED}id/country/my.ttl"' in page
    assert f'href="{SERVED}ontology#' in page
    assert 'href="http://localhost/' not in page
    turtle = client.get("/id/country/my.ttl").data
    assert b"kg.example.org" not in turtle
    assert len(parse(turtle, "text/turtle")) > 5


def test_serve_refuses_a_served_base_that_is_not_a_url() -> None:
    result = CliRunner().invoke(main, ["serve", "--served-base", "kg.example.org"])
    assert result.exit_code == 2
    assert "is not an http(s) URL" in result.stderr
