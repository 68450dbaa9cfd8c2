"""End to end against a real ``aseankg serve`` process: a few IRIs, the dumps and VoID."""

import urllib.request
from email.message import Message

import pytest

from tests.linkeddata.conftest import parse


def fetch(url: str, accept: str) -> tuple[str, Message, bytes]:
    """Content type, headers (looked up without regard to case, as HTTP says) and body."""
    request = urllib.request.Request(url, headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.headers.get_content_type(), response.headers, response.read()


@pytest.mark.parametrize(
    "media_type", ["text/turtle", "application/ld+json", "application/rdf+xml", "text/html"]
)
def test_entity_over_http(live_server: str, media_type: str) -> None:
    content_type, headers, body = fetch(live_server + "/id/country/my", media_type)
    assert content_type == media_type
    assert headers["Vary"] == "Accept"
    if media_type == "text/html":
        assert f'href="{live_server}/id/' in body.decode()
    else:
        assert len(parse(body, media_type)) > 5


def test_dump_and_void_over_http(live_server: str) -> None:
    content_type, headers, body = fetch(live_server + "/dumps/aseankg.nq", "*/*")
    assert content_type == "application/n-quads"
    assert headers["Content-Disposition"] == 'attachment; filename="aseankg.nq"'
    quads = len(body.strip().splitlines())
    _, _, void = fetch(live_server + "/.well-known/void", "text/turtle")
    assert f"void:triples {quads} ;".encode() in void or f"void:triples {quads} .".encode() in void


def test_ontology_documentation_over_http(live_server: str) -> None:
    content_type, _, body = fetch(live_server + "/ontology", "text/html")
    assert content_type == "text/html"
    assert b'id="Participation"' in body
