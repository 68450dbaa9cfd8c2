"""A store that is down gives 502, one that is too slow 504, never a hang; what was already
answered is still served. A store that cannot be used stops ``serve`` at start."""

import time
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import quote

import pytest

from aseankg.bench.servers import free_port, oxigraph_server
from tests.stores.conftest import SERVE, aseankg, loaded
from tests.stores.fake_store import fake_store
from tests.support.http import fetch
from tests.support.server import running_server

#: Real and fake stores behind a real server.
pytestmark = pytest.mark.slow

JSON_RESULTS = {"Accept": "application/sparql-results+json"}


def test_a_store_that_goes_down_gives_502_and_cached_answers_stay(tmp_path: Path) -> None:
    with ExitStack() as store:
        oxigraph = store.enter_context(oxigraph_server(tmp_path / "store", writable=True))
        url = f"{oxigraph.base}/query"
        loaded("--store", url, "--no-validate")
        with running_server(*SERVE, "--store", url) as base:
            assert fetch(base, "GET", "/api/queries/documents-2025").status == 200
            store.close()  # the store stops; aseankg goes on
            cached = fetch(base, "GET", "/api/queries/documents-2025")
            assert cached.status == 200
            started = time.monotonic()
            down = fetch(base, "GET", "/api/queries/agreement-parties", headers=JSON_RESULTS)
            assert down.status == 502
            assert "cannot be reached" in down.text and url in down.text
            assert time.monotonic() - started < 5


def test_a_store_too_slow_for_the_time_limit_gives_504() -> None:
    with (
        fake_store(hang=True) as store,
        running_server("--timeout", "1", "--store", store.url) as base,
    ):
        started = time.monotonic()
        reply = fetch(base, "GET", "/sparql?query=" + quote("SELECT * WHERE { ?s ?p ?o }"))
        assert reply.status == 504
        assert "did not answer within the time limit of 1 s" in reply.text
        assert time.monotonic() - started < 4


def test_a_store_that_fails_gives_502_with_its_message() -> None:
    with fake_store() as store, running_server("--store", store.url) as base:
        reply = fetch(base, "GET", "/sparql?query=" + quote("SELECT * WHERE { ?s ?p ?o }"))
        assert reply.status == 502
        assert "500" in reply.text and "the store failed" in reply.text


@pytest.mark.parametrize(
    ("store", "message"),
    [
        ("http://127.0.0.1:9/sparql", "cannot be reached"),
        ("/nowhere/kg", "no store here"),
    ],
)
def test_serve_refuses_a_store_it_cannot_use(store: str, message: str) -> None:
    result = aseankg("serve", "--port", str(free_port()), "--store", store)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
