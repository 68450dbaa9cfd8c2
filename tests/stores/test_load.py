"""``aseankg load``: a store on disk switched in one rename, a store server filled graph by
graph or staged and switched, and credentials that never show."""

import base64
import json
import os
from pathlib import Path
from urllib.parse import quote

import pytest

from aseankg.backends.http import PASSWORD_VARIABLE, USER_VARIABLE
from aseankg.bench.servers import oxigraph_server
from aseankg.rdf.namespaces import BASE
from tests.stores.conftest import SERVE, aseankg, loaded
from tests.stores.fake_store import fake_store
from tests.support.http import fetch
from tests.support.server import running_server

#: Each load runs the command line against a store of its own.
pytestmark = pytest.mark.slow

COUNT = quote("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
GRAPHS = quote("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
SECRET = "s3cret-Pa55word"


def quads(base: str, endpoint: str = "/sparql") -> int:
    json_results = {"Accept": "application/sparql-results+json"}
    reply = fetch(base, "GET", f"{endpoint}?query={COUNT}", headers=json_results)
    return int(json.loads(reply.body)["results"]["bindings"][0]["n"]["value"])


def test_loading_reports_each_graph(tmp_path: Path) -> None:
    result = loaded("--store", str(tmp_path / "kg"))
    assert "validating" in result.stderr
    assert "graph 1 of 12: https://w3id.org/aseankg/ontology (" in result.stderr
    assert "graph 12 of 12: https://w3id.org/aseankg/graph/story/10 (" in result.stderr
    assert "in 12 graphs into" in result.stdout


def test_a_failed_load_leaves_the_previous_store_serving(tmp_path: Path, data_copy: Path) -> None:
    path = tmp_path / "kg"
    loaded("--store", str(path))
    before = path.resolve()
    story = next((data_copy / "stories").glob("03-*.ttl"))
    story.write_text(story.read_text() + "\nthis is not turtle .\n")
    failed = aseankg("load", "--store", str(path), "--data", str(data_copy), "--no-validate")
    assert failed.returncode == 2
    assert story.name in failed.stderr
    assert path.resolve() == before
    assert sorted(tmp_path.glob("kg.*")) == [before]
    with running_server(*SERVE, "--store", str(path)) as base:
        assert quads(base) > 1000


def test_a_new_load_switches_the_path_and_keeps_only_the_one_before(tmp_path: Path) -> None:
    path = tmp_path / "kg"
    for _ in range(3):
        loaded("--store", str(path), "--no-validate")
    folders = sorted(p for p in tmp_path.iterdir() if p != path)
    assert len(folders) == 2
    assert path.resolve() == folders[-1]


def test_a_path_that_is_not_a_store_is_refused(tmp_path: Path) -> None:
    (tmp_path / "kg").mkdir()
    (tmp_path / "kg" / "notes.txt").write_text("mine")
    result = aseankg("load", "--store", str(tmp_path / "kg"), "--no-validate")
    assert result.returncode == 2
    assert "is not an aseankg store" in result.stderr
    assert (tmp_path / "kg" / "notes.txt").read_text() == "mine"


def test_a_store_server_is_staged_and_switched(oxigraph_url: str) -> None:
    """Loading again replaces every graph, and the store serves the same data."""
    result = loaded("--store", oxigraph_url, "--no-validate")
    assert "staged" in result.stderr and "switched 12 graphs into place" in result.stderr
    with running_server(*SERVE, "--store", oxigraph_url) as base:
        assert quads(base) > 1000


def test_the_graph_store_protocol_replaces_graph_by_graph(oxigraph_url: str) -> None:
    gsp = oxigraph_url.removesuffix("query") + "store"
    result = loaded("--store", oxigraph_url, "--gsp-url", gsp, "--no-validate")
    assert "(graph by graph)" in result.stdout


def test_credentials_are_sent_and_never_shown() -> None:
    login = {**os.environ, USER_VARIABLE: "loader", PASSWORD_VARIABLE: SECRET}
    with fake_store(login=f"loader:{SECRET}") as store:
        load = aseankg(
            "load", "--store", store.url, "--update-url", store.url, "--no-validate", env=login
        )
        refused = aseankg("load", "--store", store.url, "--no-validate")
        inline = aseankg("load", "--store", store.url.replace("//", f"//loader:{SECRET}@"))
        with running_server("--store", store.url, env=login) as base:
            failed = fetch(base, "GET", f"/sparql?query={COUNT}")
    expected = "Basic " + base64.b64encode(f"loader:{SECRET}".encode()).decode()
    assert expected in store.seen_authorizations
    assert load.returncode == 2 and "500" in load.stderr
    assert refused.returncode == 2 and "401 Unauthorized" in refused.stderr
    assert inline.returncode == 2 and USER_VARIABLE in inline.stderr
    assert failed.status == 502
    for output in (load.stdout + load.stderr, refused.stderr, inline.stderr, failed.text):
        assert SECRET not in output


def test_data_that_does_not_conform_is_not_loaded(tmp_path: Path, data_copy: Path) -> None:
    """A story file that no story describes fails validation; the store keeps its data."""
    path = tmp_path / "kg"
    loaded("--store", str(path), "--no-validate")
    before = path.resolve()
    (data_copy / "stories" / "11-extra.ttl").write_text(
        "@prefix ak: <https://w3id.org/aseankg/ontology#> .\n"
        "<https://w3id.org/aseankg/id/place/hanoi> ak:locatedIn "
        "<https://w3id.org/aseankg/id/country/vn> .\n"
    )
    result = aseankg("load", "--store", str(path), "--data", str(data_copy))
    assert result.returncode == 1
    assert "Violation" in result.stderr and "the store was not changed" in result.stderr
    assert path.resolve() == before and sorted(tmp_path.glob("kg.*")) == [before]


def test_a_failed_load_leaves_the_store_server_serving(tmp_path: Path, data_copy: Path) -> None:
    """A load that fails once staging began leaves the data before it, and no staging graph."""
    with oxigraph_server(tmp_path / "oxigraph", writable=True) as store:
        url = f"{store.base}/query"
        first = loaded("--store", url, "--no-validate")
        assert "loaded 12 of 12 graphs" in first.stderr and "switch" not in first.stderr
        before = quads(store.base, "/query")
        story = next((data_copy / "stories").glob("10-*.ttl"))
        story.write_text(story.read_text() + "\nthis is not turtle .\n")
        failed = aseankg("load", "--store", url, "--data", str(data_copy), "--no-validate")
        graphs = fetch(store.base, "GET", f"/query?query={GRAPHS}", headers={"Accept": "text/csv"})
        with running_server(*SERVE, "--store", url) as base:
            after = quads(base)
    assert failed.returncode == 2 and story.name in failed.stderr
    assert "staging" not in graphs.text and graphs.text.count(BASE) == 12
    assert after == before > 1000
