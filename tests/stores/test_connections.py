"""Connections to a store server: a query process keeps one open between queries, and a
client that goes away mid-query frees its query process, the store server's request
dropped with it: the connection that carried it to the store closes (query processes
keep one open between queries, so it is the one that closes), and the client's next
query runs at once.

The runaway query comes from 127.0.0.2: query processes are shared out by client.
"""

import http.client
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest

from aseankg.backends.jobs import QueryJob
from aseankg.backends.remote import RemoteBackend
from aseankg.bench.servers import oxigraph_server
from tests.stores.conftest import loaded
from tests.support.server import running_server

#: Each test starts an Oxigraph server, and the first aseankg in front of it.
pytestmark = pytest.mark.slow

RUNAWAY = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
CLIENT = "127.0.0.2"
#: Far past the few seconds the test allows, so that only the client's leaving stops it.
TIME_LIMIT = "30"


def connections_to(port: int) -> set[int]:
    """The local ports of this machine's established TCP connections to ``port``."""
    found = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, remote, state = line.split()[1:4]
        if state == "01" and int(remote.rsplit(":", 1)[1], 16) == port:
            found.add(int(local.rsplit(":", 1)[1], 16))
    return found


def within(seconds: float, condition: Callable[[], bool]) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def ask(base: str, query: str) -> http.client.HTTPConnection:
    """Send ``query`` from the runaway client; the connection, its answer unread."""
    address = urlsplit(base)
    connection = http.client.HTTPConnection(
        address.hostname, address.port, timeout=40, source_address=(CLIENT, 0)
    )
    connection.request("GET", "/sparql?" + urlencode({"query": query}))
    return connection


def test_a_client_that_goes_away_drops_the_store_request(tmp_path: Path) -> None:
    with oxigraph_server(tmp_path / "store", writable=True) as store:
        url = f"{store.base}/query"
        loaded("--store", url, "--no-validate")
        port = urlsplit(store.base).port
        assert port is not None
        serve = ("--workers", "1", "--query-workers", "2", "--timeout", TIME_LIMIT)
        with running_server(*serve, "--store", url) as base:
            runaway = ask(base, RUNAWAY)
            time.sleep(1)  # at the store by now, over a connection kept or new
            open_before = connections_to(port)
            runaway.close()
            assert within(3, lambda: bool(open_before - connections_to(port))), "still at the store"
            started = time.monotonic()
            next_query = ask(base, "ASK {}")
            answer = next_query.getresponse()
            waited = time.monotonic() - started
            next_query.close()
    assert answer.status == 200
    assert waited < 2, f"the client's next query waited {waited:.1f} s for a query process"


def test_queries_go_over_one_kept_connection(oxigraph_url: str) -> None:
    port = urlsplit(oxigraph_url).port
    assert port is not None
    before = connections_to(port)
    backend = RemoteBackend(oxigraph_url)  # asks the store what it holds, and keeps it open
    opened = connections_to(port) - before
    results = "application/sparql-results+json"
    answers = [bool(backend.query(QueryJob(f"ASK {{ ?s ?p ?o }} #{n}", results))) for n in "abcde"]
    assert answers == [True] * 5
    assert len(opened) == 1 and connections_to(port) - before == opened
