"""The benchmark runner and the SHACL engine comparison, at the smallest size."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from aseankg.backends.http import PASSWORD_VARIABLE, USER_VARIABLE
from aseankg.bench.workload import canned_queries
from aseankg.cli import main
from tests.support.virtuoso import running_virtuoso

#: The benchmark runner, with Virtuoso and Oxigraph's server.
pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).parents[1] / "fixtures"


def test_the_runner_measures_every_figure_at_the_smallest_size(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    command = [sys.executable, "-m", "aseankg", "bench", "run", "--stories", "0"]
    options = ["--repeat", "2", "--http-seconds", "1", "--rdflib-timeout", "60"]
    paths = ["--work-dir", str(tmp_path / "work"), "--out", str(out)]
    with running_virtuoso() as virtuoso:
        login = {USER_VARIABLE: virtuoso.user, PASSWORD_VARIABLE: virtuoso.password}
        finished = subprocess.run(
            [*command, *options, *paths, "--virtuoso", virtuoso.query_url],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
            env={**os.environ, **login},
        )
    assert finished.returncode == 0, finished.stderr[-3000:]

    results = json.loads(out.read_text(encoding="utf-8"))
    (size,) = results["sizes"]
    assert (size["stories"], size["quads"]) == (10, 2343)
    assert size["load"]["aseankg"]["quads"] == size["load"]["rdflib"]["quads"] == 2343
    assert size["validation"]["pyshacl"]["results"] == 0
    names = {query.name for query in canned_queries()} | {"join", "aggregate"}
    assert names <= set(size["queries"]["aseankg"])
    assert set(size["queries"]["rdflib"]) == names
    for engine in ("aseankg", "rdflib"):
        for figures in size["queries"][engine].values():
            assert figures["samples"] >= 1 and figures["median_ms"] > 0
    for server in ("aseankg", "oxigraph"):
        for kind in ("canned", "adhoc"):
            load = size["http"][server][kind]
            assert load["errors"] == 0 and load["requests"] > 0, load
            assert load["client"] in ("wrk", "python")
    assert size["http"]["aseankg"]["first_answer_s"] > 0
    backends = size["backends"]
    assert set(backends) == {"memory", "disk", "oxigraph", "virtuoso"}
    canned = {query.name for query in canned_queries()}
    for name, backend in backends.items():
        assert backend["first_answer_s"] > 0 and backend["memory_mb"] > 0, name
        assert (backend["load_s"] is None) == (name == "memory")
        assert set(backend["canned"]) == canned
        assert all(
            figures["p95_ms"] >= figures["median_ms"] > 0 for figures in backend["canned"].values()
        )
    for name in ("oxigraph", "virtuoso"):
        assert set(backends[name]["direct"]) == canned
        for side in ("aseankg", "store"):
            load = backends[name]["throughput"][side]
            assert load["errors"] == 0 and load["requests"] > 0, (name, side, load)

    table = finished.stdout
    assert "== 10 stories, 2,343 quads" in table
    assert "events-2025-timeline" in table
    assert "validation of the bundled graph under 2 s" in table
    assert "canned, cold p50/p95 ms" in table and "direct virtuoso" in table
    assert "aseankg in front of Oxigraph server within 1.2x" in table


def test_pyrudof_disagrees_with_pyshacl_on_ill_typed_dates() -> None:
    result = CliRunner().invoke(
        main,
        [
            "bench",
            "compare-shacl",
            str(FIXTURES / "invalid" / "documents.ttl"),
            str(FIXTURES / "valid" / "research-digest.ttl"),
        ],
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("DIFFER ")
    assert "only pySHACL: Violation" in lines[1]
    assert lines[1].endswith(
        "released-on-30-february https://w3id.org/aseankg/ontology#dateReleased"
    )
    assert lines[2].startswith("agree ")
    assert lines[-1] == "1 of 2 files give the same results with both engines"
