"""The W3C's SPARQL 1.1 Protocol tests against the real ``aseankg serve``.

The requests come from ``tests/fixtures/w3c-protocol/manifest.yaml`` as the W3C wrote
them, with its data graphs mapped onto story graphs (see the fixture). Query-side tests
must get the W3C's expected answer. The endpoint is read-only, so every update-side
request gets a 4xx that says why instead of the W3C's 2xx (and the queries that would
check an update's effect are not sent).
"""

import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

import pyoxigraph
import pytest
import yaml

from tests.support.http import Reply, fetch

FIXTURE = Path(__file__).parent.parent / "fixtures" / "w3c-protocol" / "manifest.yaml"
MANIFEST = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
GRAPHS: dict[str, dict[str, str]] = MANIFEST["graphs"]
TESTS = {test["name"]: test for test in MANIFEST["tests"]}
QUERY_SIDE = [name for name in TESTS if "update" not in name]
UPDATE_SIDE = [name for name in TESTS if "update" in name]

#: What the answer says, beyond its status, for requests this endpoint once answered
#: wrongly or unclearly.
MESSAGES = {
    "bad_query_non_utf8": "the query body is not UTF-8",
    "bad_query_wrong_media_type": "a query is sent as",
    "bad_query_missing_form_type": "a query is sent as",
    "bad_query_missing_direct_type": "a query is sent as",
}

_DATASET_CLAUSE = re.compile(r"(FROM\s+(?:NAMED\s+)?)<([^>]*)>")
_W3C_IRI = re.compile(r"<(http://kasei\.us/[^>]*)>")


def as_here(query: str) -> str:
    """A query with the W3C's data graphs named as this dataset's (see the fixture)."""
    query = _DATASET_CLAUSE.sub(lambda m: f"{m[1]}<{GRAPHS[m[2]]['graph']}>", query)
    return _W3C_IRI.sub(lambda m: f"<{GRAPHS[m[1]]['resource']}>", query)


def parameters_here(encoded: str) -> str:
    """URL-encoded protocol parameters with the data graphs and the query mapped."""
    mapped = []
    for name, value in parse_qsl(encoded, keep_blank_values=True):
        if name in ("query", "update"):
            value = as_here(value)
        elif name.endswith("graph-uri") and value in GRAPHS:
            value = GRAPHS[value]["graph"]
        mapped.append((name, value))
    return urlencode(mapped, quote_via=quote)


def send(base: str, request: dict[str, Any]) -> Reply:
    """One request of the manifest, sent to ``/sparql`` as the mapping says."""
    target = urlsplit(request["path"])
    assert target.path == "/sparql/", "the manifest's paths all start with /sparql/"
    path = f"/sparql?{parameters_here(target.query)}" if target.query else "/sparql"
    headers = {name.title(): value for name, value in (request.get("headers") or {}).items()}
    body = request.get("body")
    if body is not None:
        media_type = headers.get("Content-Type", "").split(";")[0]
        if media_type == "application/x-www-form-urlencoded":
            body = parameters_here(body)
        elif media_type == "application/sparql-query":
            body = as_here(body)
        body = body.encode(request["encoding"])
    return fetch(base, request["method"], path, body, headers)


def status_expected(reply: Reply, classes: list[str]) -> bool:
    return any(str(reply.status).startswith(status_class[0]) for status_class in classes)


def read_result(reply: Reply, kind: str) -> Any:
    """The answer parsed as the W3C's expected kind of result says."""
    if kind == "RDF":
        return list(
            pyoxigraph.parse(reply.body, pyoxigraph.RdfFormat.from_media_type(reply.media_type))
        )
    parsed = pyoxigraph.parse_query_results(
        reply.body, format=pyoxigraph.QueryResultsFormat.from_media_type(reply.media_type)
    )
    if kind == "boolean":
        assert isinstance(parsed, pyoxigraph.QueryBoolean), reply.text
        return bool(parsed)
    assert isinstance(parsed, pyoxigraph.QuerySolutions), reply.text
    return list(parsed)


def test_the_fixture_holds_the_whole_manifest() -> None:
    assert len(QUERY_SIDE) == 20
    assert len(UPDATE_SIDE) == 14


@pytest.mark.parametrize("name", QUERY_SIDE)
def test_query_side(live_server: str, name: str) -> None:
    (request,) = TESTS[name]["requests"]
    expect = request["expect"]
    reply = send(live_server, request)
    assert status_expected(reply, expect["status"]), f"{reply.status}: {reply.body[:300]!r}"
    if "format" in expect:
        result = read_result(reply, expect["format"])
        if "boolean" in expect:
            assert result is expect["boolean"]
    if name in MESSAGES:
        assert MESSAGES[name] in reply.text


@pytest.mark.parametrize("name", UPDATE_SIDE)
def test_update_side_is_refused_as_an_update(live_server: str, name: str) -> None:
    reply = send(live_server, TESTS[name]["requests"][0])
    assert 400 <= reply.status < 500
    assert "SPARQL Update is not accepted" in reply.text
    assert "read-only" in reply.text


def test_relative_iris_resolve_against_the_endpoint(live_server: str) -> None:
    """What query_content_type_construct leaves open: where ``<s>`` ends up."""
    (request,) = TESTS["query_content_type_construct"]["requests"]
    reply = send(live_server, request)
    (triple,) = read_result(reply, "RDF")
    assert triple.subject == pyoxigraph.NamedNode(f"{live_server}/s")
    assert triple.predicate == pyoxigraph.NamedNode(f"{live_server}/p")


def test_protocol_dataset_replaces_from(live_server: str) -> None:
    """query_multiple_dataset, the other way round: FROM alone, with no protocol dataset,
    makes no named graphs, so the same query is false."""
    (request,) = TESTS["query_multiple_dataset"]["requests"]
    reply = send(live_server, {**request, "path": "/sparql/"})
    assert read_result(reply, "boolean") is False
