"""The endpoint is safe on the open internet: read-only, no outbound network, limited."""

import hashlib
import http.client
import json
import socket
import threading
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from tests.support.canary import loopback_canary, was_contacted
from tests.support.http import FORM_TYPE, QUERY_TYPE, Reply, fetch, form, sparql_target
from tests.support.server import running_server

# Counts a cross join of every triple three times over: slow, in constant memory.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
QUICK = "SELECT (COUNT(*) AS ?n) WHERE { ?s a ?type }"
EVERY_QUAD = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g ?s ?p ?o"


@pytest.fixture(scope="module")
def limited_server() -> Iterator[str]:
    """A server with tight limits: 2 s per query, 5 rows, 300-character queries."""
    limits = ("--timeout", "2", "--max-rows", "5", "--max-query-length", "300")
    with running_server("--workers", "1", "--query-workers", "2", *limits) as base:
        yield base


def solutions(reply: Reply) -> list[dict[str, str]]:
    assert reply.status == 200, reply.text
    rows = json.loads(reply.body)["results"]["bindings"]
    return [{name: cell["value"] for name, cell in row.items()} for row in rows]


# Read-only ---------------------------------------------------------------------------------


def data_fingerprint(base: str, reading: str) -> tuple[int, str]:
    """The number of quads and a digest of all of them, as the endpoint serves them.

    ``reading`` goes into the queries as a comment, so that each reading is a query the
    server has not answered before and no cached result can stand in for the data.
    """
    note = f"\n# reading: {reading}"
    count_query = "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }" + note
    count = solutions(fetch(base, "GET", sparql_target(query=count_query)))[0]["n"]
    every = fetch(base, "GET", sparql_target(query=EVERY_QUAD + note, format="tsv"))
    assert every.status == 200
    assert "X-SPARQL-MaxRows" in every.headers  # shows the cap of 10000 ...
    assert len(every.body.splitlines()) - 1 == int(count)  # ... did not cut the dump short
    return int(count), hashlib.sha256(every.body).hexdigest()


INSERT = "INSERT DATA { <http://example.org/s> <http://example.org/p> 'injected' }"
DELETE = "DELETE WHERE { ?s ?p ?o }"
UPDATE_ATTEMPTS = [
    ("GET", sparql_target(update=DELETE), None, {}),
    ("GET", sparql_target(query=DELETE), None, {}),
    ("POST", "/sparql", form(update=INSERT), FORM_TYPE),
    ("POST", "/sparql", form(query=INSERT), FORM_TYPE),
    ("POST", "/sparql", DELETE, {"Content-Type": "application/sparql-update"}),
    ("POST", "/sparql", "DROP ALL", QUERY_TYPE),
    ("POST", "/sparql", "CLEAR DEFAULT", QUERY_TYPE),
    ("POST", "/sparql", "PREFIX ex: <http://example.org/>\n" + INSERT, QUERY_TYPE),
]


def test_updates_are_refused_in_every_form_and_change_nothing(live_server: str) -> None:
    before = data_fingerprint(live_server, "before")
    for method, target, body, headers in UPDATE_ATTEMPTS:
        reply = fetch(live_server, method, target, body, headers)
        assert reply.status == 403, (target, body, reply.text)
        assert "read-only" in reply.text
    assert data_fingerprint(live_server, "after") == before


# No outbound network -------------------------------------------------------------------------


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A TCP listener on 127.0.0.1 that no query may ever reach."""
    with loopback_canary() as canary:
        yield canary


def assert_never_contacted(listener: socket.socket) -> None:
    assert not was_contacted(listener)


def test_nothing_a_query_asks_for_reaches_the_network(
    live_server: str, listener: socket.socket
) -> None:
    remote = f"http://127.0.0.1:{listener.getsockname()[1]}/data"
    asks = {
        "SERVICE": f"SELECT * WHERE {{ SERVICE <{remote}> {{ ?s ?p ?o }} }}",
        "SERVICE SILENT": f"SELECT * WHERE {{ SERVICE SILENT <{remote}> {{ ?s ?p ?o }} }}",
        "FROM": f"SELECT * FROM <{remote}> WHERE {{ ?s ?p ?o }}",
        "FROM NAMED": f"SELECT * FROM NAMED <{remote}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        "LOAD": f"LOAD <{remote}>",
    }
    replies = {
        "default-graph-uri": fetch(
            live_server, "GET", sparql_target(query="ASK {}", default_graph_uri=remote)
        ),
        "named-graph-uri": fetch(
            live_server, "GET", sparql_target(query="ASK {}", named_graph_uri=remote)
        ),
        "LOAD as update": fetch(
            live_server, "POST", "/sparql", form(update=f"LOAD <{remote}>"), FORM_TYPE
        ),
    }
    for name, query in asks.items():
        replies[name] = fetch(live_server, "POST", "/sparql", query, QUERY_TYPE)
    statuses = {name: reply.status for name, reply in replies.items()}
    assert statuses == {
        "default-graph-uri": 400,
        "named-graph-uri": 400,
        "LOAD as update": 403,
        "SERVICE": 400,
        "SERVICE SILENT": 400,
        "FROM": 400,
        "FROM NAMED": 400,
        "LOAD": 403,
    }
    assert "never calls other services" in replies["SERVICE"].text
    assert "is not in this dataset" in replies["FROM"].text
    assert_never_contacted(listener)


# Time limit ------------------------------------------------------------------------------------


@pytest.mark.slow
def test_a_runaway_query_is_stopped_while_others_are_answered(limited_server: str) -> None:
    address = urlsplit(limited_server)
    # From another client: one client may not hold every query process.
    slow = http.client.HTTPConnection(
        address.hostname, address.port, timeout=60, source_address=("127.0.0.2", 0)
    )
    slow.request("GET", sparql_target(query=SLOW))  # sent in full before the quick one
    outcome: dict[str, Reply] = {}

    def wait_for_slow() -> None:
        response = slow.getresponse()
        outcome["slow"] = Reply(response.status, response.headers, response.read())

    waiter = threading.Thread(target=wait_for_slow)
    waiter.start()
    try:
        quick = solutions(fetch(limited_server, "GET", sparql_target(query=QUICK)))
        slow_still_running = "slow" not in outcome
    finally:
        waiter.join()
        slow.close()
    assert int(quick[0]["n"]) > 0
    assert slow_still_running, "the quick query was answered only after the slow one ended"
    stopped = outcome["slow"]
    assert stopped.status == 503
    assert stopped.headers["Retry-After"]
    assert "exceeded the time limit of 2 s" in stopped.text
    assert solutions(fetch(limited_server, "GET", sparql_target(query=QUICK))) == quick


# Row cap and query length -----------------------------------------------------------------------


@pytest.mark.slow
def test_rows_are_capped_and_the_cap_is_announced(limited_server: str) -> None:
    capped = fetch(limited_server, "GET", sparql_target(query="SELECT * { ?s ?p ?o }"))
    assert len(solutions(capped)) == 5
    assert capped.headers["X-SPARQL-MaxRows"] == "5"
    small = fetch(limited_server, "GET", sparql_target(query="SELECT * { ?s ?p ?o } LIMIT 3"))
    assert len(solutions(small)) == 3
    assert "X-SPARQL-MaxRows" not in small.headers
    graph = fetch(
        limited_server, "GET", sparql_target(query="CONSTRUCT WHERE { ?s ?p ?o }", format="nt")
    )
    assert len(graph.body.splitlines()) == 5
    assert graph.headers["X-SPARQL-MaxRows"] == "5"


@pytest.mark.slow
def test_an_oversized_query_is_413_in_every_form(limited_server: str) -> None:
    query = "SELECT * WHERE { ?s ?p ?o }" + " " * 300
    replies = [
        fetch(limited_server, "GET", sparql_target(query=query)),
        fetch(limited_server, "POST", "/sparql", form(query=query), FORM_TYPE),
        fetch(limited_server, "POST", "/sparql", query, QUERY_TYPE),
    ]
    for reply in replies:
        assert reply.status == 413
        assert "is 327 characters long; the limit is 300" in reply.text


@pytest.mark.slow
@pytest.mark.parametrize("headers", [FORM_TYPE, QUERY_TYPE])
def test_an_oversized_body_is_413_before_it_is_read(
    limited_server: str, headers: dict[str, str]
) -> None:
    body = "query=" + "x" * 100_000
    reply = fetch(limited_server, "POST", "/sparql", body, headers)
    assert reply.status == 413
    assert "queries may be at most 300 characters long" in reply.text
