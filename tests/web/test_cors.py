"""Cross-origin access for browser-based SPARQL clients."""

import pytest
from flask.testing import FlaskClient

from tests.support.http import fetch, sparql_target

ORIGIN = {"Origin": "https://yasgui.example"}


@pytest.mark.parametrize(
    "target",
    [
        sparql_target(query="ASK { ?s ?p ?o }"),
        sparql_target(query="ASK { ?s ?p }"),  # errors are readable cross-origin too
        "/sparql",
    ],
)
def test_any_origin_may_read_responses_without_credentials(live_server: str, target: str) -> None:
    reply = fetch(live_server, "GET", target, headers=ORIGIN)
    assert reply.headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in reply.headers
    exposed = {name.strip() for name in reply.headers["Access-Control-Expose-Headers"].split(",")}
    assert {"ETag", "X-SPARQL-MaxRows", "Retry-After", "Link", "Content-Location"} <= exposed


def test_paging_and_alternates_are_readable_cross_origin(client: FlaskClient) -> None:
    """A script reads /api's next-page link and an entity's other forms."""
    for target in ("/api/queries/topic-items", "/id/country/my.ttl"):
        response = client.get(target, headers=ORIGIN)
        exposed = response.headers["Access-Control-Expose-Headers"].split(", ")
        assert "Link" in exposed and response.headers["Link"]
    assert "Content-Location" in exposed and response.headers["Content-Location"]


def test_preflight_is_answered(live_server: str) -> None:
    reply = fetch(
        live_server,
        "OPTIONS",
        "/sparql",
        headers={
            **ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type, accept",
        },
    )
    assert reply.status == 200
    assert reply.headers["Access-Control-Allow-Origin"] == "*"
    assert {"GET", "POST"} <= set(reply.headers["Access-Control-Allow-Methods"].split(", "))
    assert reply.headers["Access-Control-Allow-Headers"] == "content-type, accept"
    assert int(reply.headers["Access-Control-Max-Age"]) > 0
    assert reply.body == b""
