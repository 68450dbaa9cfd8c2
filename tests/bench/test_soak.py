"""``aseankg bench soak``: a short soak of a real server, and the rules its verdict follows."""

import json
import os
import socket
import subprocess
import sys
import urllib.request
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from aseankg.bench.soak import mix, report, run, traffic
from aseankg.bench.soak.canary import Canary
from aseankg.bench.soak.client import Outcome
from aseankg.bench.soak.processes import Process, server_root, tree
from aseankg.bench.soak.settings import SoakSettings
from aseankg.cli import main


@pytest.mark.slow
def test_a_short_soak_of_a_real_server_reports_every_kind(tmp_path: Path) -> None:
    out = tmp_path / "soak.json"
    command = [sys.executable, "-m", "aseankg", "bench", "soak", "--minutes", "0.1"]
    options = ["--rate", "20", "--timeout", "2", "--workers", "1", "--query-workers", "2"]
    finished = subprocess.run(
        [*command, *options, "--json", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert finished.returncode in (0, 1), finished.stderr[-3000:]
    found = json.loads(out.read_text(encoding="utf-8"))

    assert finished.returncode == (1 if found["failures"] else 0)
    assert set(found["kinds"]) == set(report.KINDS)
    for part in [found["warm_up"], *found["kinds"].values()]:
        assert sum(part["statuses"].values()) == part["sent"]
        by_case = [count for statuses in part["cases"].values() for count in statuses.values()]
        assert sum(by_case) == part["sent"]
        unexpected = sum(entry["count"] for entry in part["unexpected"])
        assert part["expected"] + unexpected == part["sent"]
    mixed = sum(found["kinds"][kind]["sent"] for kind in mix.WEIGHTS)
    assert mixed == found["sent"] <= found["planned"] == 120

    statuses = [set(part["statuses"]) for part in [found["warm_up"], *found["kinds"].values()]]
    assert any("status 500" in line for line in found["failures"]) == any(
        "500" in seen for seen in statuses
    )
    assert any("canary" in line for line in found["failures"]) == bool(
        found["canary"]["connections"]
    )
    memory = found["memory"]
    assert found["processes"]["start"] >= 4  # the server, a web worker and two query processes
    assert memory["start_kb"] >= memory["start_pss_kb"] > 0
    assert memory["end_kb"] >= memory["end_pss_kb"] > 0
    assert any("resident memory" in line for line in found["failures"]) == (
        memory["ratio"] > report.MEMORY_GROWTH
    )

    table = finished.stdout
    for kind in report.KINDS:
        assert f"\n  {kind} " in table
    assert "memory, VmRSS MB" in table and "end/start" in table
    assert f"canary           {found['canary']['connections']} connections" in table
    assert ("\nFAIL  " in table) == bool(found["failures"])


def outcome(kind: str, status: int | None, **fields: object) -> Outcome:
    values: dict[str, object] = {
        "case": "case",
        "expected": True,
        "should_succeed": kind not in (traffic.MALFORMED, traffic.RUNAWAY),
        "seconds": 0.01,
        "retry_after": None,
        "error": None,
        **fields,
    }
    return Outcome(kind=kind, status=status, **values)  # type: ignore[arg-type]


def processes(total_kb: int) -> list[Process]:
    half = total_kb // 2
    return [Process(10, 1, 0, half, half, 0.0), Process(11, 10, 1, half, half // 2, 0.0)]


CLEAN = run.SoakRun(
    settings=SoakSettings(minutes=0.1),
    base="http://127.0.0.1:8000",
    canary_url="http://127.0.0.1:9000",
    canary_connections=0,
    sources=["127.0.1.1", "127.0.1.2"],
    planned=3,
    seconds=6.0,
    warm_up=[outcome(traffic.CANNED, 200)],
    outcomes=[
        outcome(traffic.CHEAP, 200),
        outcome(traffic.MALFORMED, 400),
        outcome(traffic.CANNED, 200),
        outcome(traffic.RUNAWAY, 503, retry_after="5"),
        outcome(traffic.RUNAWAY_HUNG_UP, None),
    ],
    start=processes(200_000),
    end=processes(230_000),
    quiet_at_end=True,
)


def test_a_run_with_only_expected_answers_passes() -> None:
    found = report.figures(CLEAN)
    assert found["failures"] == []
    assert found["sent"] == 3
    assert found["memory"]["ratio"] == 1.15
    assert found["kinds"][traffic.RUNAWAY_HUNG_UP]["statuses"] == {report.HUNG_UP: 1}


@pytest.mark.parametrize(
    ("changed", "failure"),
    [
        (
            {"outcomes": [outcome(traffic.CANNED, 500, expected=False)]},
            "status 500 answered 1 request: canned/case x1",
        ),
        (
            {"outcomes": [outcome(traffic.MALFORMED, 500, expected=False)]},
            "status 500 answered 1 request: malformed/case x1",
        ),
        (
            {"warm_up": [outcome(traffic.DUMP, 500, expected=False)]},
            "status 500 answered 1 request: dump/case x1",
        ),
        (
            {"outcomes": [outcome(traffic.CHEAP, 503, expected=False, retry_after="5")]},
            "status 503 answered 1 request: cheap-query/case x1",
        ),
        (
            {"outcomes": [outcome(traffic.RUNAWAY, 503)]},
            "status 503 without Retry-After answered 1 request",
        ),
        (
            {"outcomes": [outcome(traffic.VOID, None, expected=False, error="no answer in 30 s")]},
            "no answer came to 1 request: void/case x1 (no answer in 30 s)",
        ),
        ({"canary_connections": 2}, "the canary was connected to 2 times"),
        ({"end": processes(250_000)}, "resident memory grew from 195.3 MB to 244.1 MB (x1.25"),
    ],
)
def test_each_rule_fails_the_run(changed: dict[str, object], failure: str) -> None:
    found = report.figures(replace(CLEAN, **changed))  # type: ignore[arg-type]
    assert len(found["failures"]) == 1
    assert found["failures"][0].startswith(failure)


@pytest.mark.parametrize("status", [200, 503])
def test_an_unexpected_answer_to_a_malformed_request_is_noted_without_failing(
    status: int,
) -> None:
    odd = outcome(traffic.MALFORMED, status, expected=False, retry_after="5")
    found = report.figures(replace(CLEAN, outcomes=[odd], planned=1))
    assert found["failures"] == []
    assert found["notes"] == [f"malformed/case got {status} x1"]


@pytest.mark.parametrize(
    ("run_found", "exit_code"), [(CLEAN, 0), (replace(CLEAN, canary_connections=1), 1)]
)
def test_the_exit_status_follows_the_verdict(
    run_found: run.SoakRun, exit_code: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(run, "soak", lambda settings, progress: run_found)
    out = tmp_path / "soak.json"
    result = CliRunner().invoke(main, ["bench", "soak", "--json", str(out)])
    assert result.exit_code == exit_code, result.output
    assert (
        json.loads(out.read_text(encoding="utf-8"))["failures"]
        == report.figures(run_found)["failures"]
    )
    assert ("FAIL  the canary" in result.output) == bool(exit_code)


@pytest.mark.parametrize(
    "url", ["http://example.org:8000", "http://10.0.0.1", "https://127.0.0.1:8000"]
)
def test_only_a_server_on_this_machine_can_be_soaked(url: str) -> None:
    result = CliRunner().invoke(main, ["bench", "soak", "--url", url])
    assert result.exit_code == 2
    assert "127.0.0.1 or localhost" in result.output


def test_the_url_excludes_options_of_a_started_server() -> None:
    result = CliRunner().invoke(
        main, ["bench", "soak", "--url", "http://127.0.0.1:8000", "--workers", "2"]
    )
    assert result.exit_code == 2
    assert "leave them out with --url" in result.output


def test_every_kind_comes_first_then_the_same_plan_for_the_same_seed() -> None:
    requests = {kind: [traffic.Request(kind, "case", f"/{kind}")] for kind in mix.WEIGHTS}
    planned = mix.plan(requests, 50, seed=7)
    assert {request.kind for request in planned[: len(mix.WEIGHTS)]} == set(mix.WEIGHTS)
    assert planned == mix.plan(requests, 50, seed=7) != mix.plan(requests, 50, seed=8)


def test_the_canary_counts_every_connection() -> None:
    with Canary() as canary:
        with urllib.request.urlopen(canary.url + "/sparql", timeout=10) as answer:
            assert answer.status == 200
        assert canary.connections == 1


def test_the_server_is_found_from_its_listening_port() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        root = server_root(listener.getsockname()[1])
    assert root == os.getpid()
    (found,) = [process for process in tree(root) if process.pid == root]
    assert found.depth == 0 and found.rss_kb >= found.pss_kb > 0
