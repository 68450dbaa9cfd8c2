"""The benchmark: for each graph size, load, validation, queries and HTTP, against baselines.

Every figure comes from the same run on the same machine: aseankg against rdflib's
own SPARQL evaluator (what most Python endpoints use) and against the Oxigraph
server (Oxigraph's own HTTP server over the same data). Measurements that need a
fresh process run in one (see ``probe``); servers are started and stopped here.
"""

import json
import os
import platform
import queue
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from aseankg.bench import backends, http_load, servers
from aseankg.bench.generate import generate
from aseankg.bench.workload import HTTP_CANNED, JOIN, canned_queries

JSON_RESULTS = {"Accept": "application/sparql-results+json"}

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Settings:
    stories: tuple[int, ...]
    """Synthetic stories added to the ten real ones, one graph size each."""
    work_dir: Path
    """Where generated folders and Oxigraph stores are kept (and reused)."""
    seed: int = 2025
    repeat: int = 20
    """Timed runs of each query in process (after one warm-up run)."""
    query_budget: float = 10.0
    """Seconds one query may take in all its runs before fewer runs are accepted."""
    rdflib_timeout: float = 60.0
    """Seconds a single rdflib query may take before it is abandoned and reported as such."""
    http_seconds: int = 5
    """Length of each HTTP load run."""
    clients: int = 8
    validate_up_to: int = 50_000
    """Largest graph (in quads) validated; pySHACL grows much faster than the rest."""
    virtuoso: str | None = None
    """The query URL of a running Virtuoso to measure as a backend (credentials in the
    environment); None leaves it out."""


def machine() -> dict[str, Any]:
    return {
        "platform": platform.platform(),
        "processor": platform.machine(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
    }


def probe(task: str, *arguments: object, timeout: float = 3600) -> list[dict[str, Any]]:
    """Run one probe task in a fresh process and return the JSON lines it printed."""
    completed = subprocess.run(
        [sys.executable, "-m", "aseankg.bench.probe", task, *map(str, arguments)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"probe {task} failed:\n{completed.stderr[-3000:]}")
    return [json.loads(line) for line in completed.stdout.splitlines() if line.startswith("{")]


def _lines(stream: Any, into: "queue.Queue[str | None]") -> None:
    for line in stream:
        into.put(line)
    into.put(None)


def rdflib_queries(folder: Path, settings: Settings, progress: Progress) -> dict[str, Any]:
    """rdflib's timings; a query past ``rdflib_timeout`` is recorded as such and skipped."""
    results: dict[str, Any] = {}
    skip: list[str] = []
    while True:
        command = [sys.executable, "-m", "aseankg.bench.probe", "queries-rdflib"]
        arguments = [str(folder), str(settings.repeat), str(settings.query_budget), *skip]
        process = subprocess.Popen(
            [*command, *arguments], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )
        lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=_lines, args=(process.stdout, lines), daemon=True).start()
        current: str | None = None
        waited_since = time.monotonic()
        while True:
            # A query gets its warm-up run and one timed run past the budget, each within
            # the timeout; loading the data before the first query has an hour.
            limit = 2 * settings.rdflib_timeout + settings.query_budget if current else 3600
            try:
                line = lines.get(timeout=max(0.1, limit - (time.monotonic() - waited_since)))
            except queue.Empty:
                process.kill()
                process.wait()
                if current is None:
                    raise RuntimeError("rdflib did not load the data within an hour") from None
                results[current] = {"timeout_s": settings.rdflib_timeout}
                skip.append(current)
                progress(f"    rdflib: {current} passed {settings.rdflib_timeout:g} s, abandoned")
                break
            if line is None:
                process.wait()
                return results
            record = json.loads(line)
            if "started" in record:
                current, waited_since = record["started"], time.monotonic()
                continue
            name = record.pop("query")
            results[name] = record
            skip.append(name)
            current = None


def in_process(folder: Path, settings: Settings, progress: Progress) -> dict[str, Any]:
    progress("  queries in process: aseankg engine")
    engine = {
        record.pop("query"): record
        for record in probe("queries-engine", folder, settings.repeat, settings.query_budget)
    }
    progress("  queries in process: rdflib")
    return {"aseankg": engine, "rdflib": rdflib_queries(folder, settings, progress)}


def http(folder: Path, settings: Settings, progress: Progress) -> dict[str, Any]:
    canned = {query.name: query for query in canned_queries()}[HTTP_CANNED]
    adhoc = f"/sparql?query={quote(JOIN)}"
    results: dict[str, Any] = {}
    progress("  HTTP: aseankg serve")
    # Its load comes from many clients on one address: measure throughput, not the shares.
    with servers.aseankg_server("--data", str(folder), "--no-share-by-client") as server:
        canned_url = f"{server.base}/api/queries/{HTTP_CANNED}"
        http_load.sequential(lambda _: f"/api/queries/{HTTP_CANNED}", server.base, JSON_RESULTS, 1)
        results["aseankg"] = {
            "first_answer_s": server.first_answer_seconds,
            "canned": http_load.measure(
                canned_url, JSON_RESULTS, settings.http_seconds, settings.clients
            ).as_dict(),
            "adhoc": http_load.measure(
                server.base + adhoc, JSON_RESULTS, settings.http_seconds, settings.clients
            ).as_dict(),
            "adhoc_sequential_repeated": http_load.sequential(
                lambda _: adhoc, server.base, JSON_RESULTS, 200
            ),
            "adhoc_sequential_fresh": http_load.sequential(
                lambda i: f"{adhoc}%0A%23%20request%20{i}", server.base, JSON_RESULTS, 50
            ),
        }
    progress("  HTTP: Oxigraph server")
    location = settings.work_dir / f"{folder.name}.oxigraph"
    shutil.rmtree(location, ignore_errors=True)  # rebuilt each run, so its load time is measured
    nquads = settings.work_dir / f"{folder.name}.nq"
    probe("dump-nquads", folder, nquads)
    load_seconds = servers.load_oxigraph(location, nquads)
    nquads.unlink()
    with servers.oxigraph_server(location) as server:
        results["oxigraph"] = {
            "load_s": load_seconds,
            "first_answer_s": server.first_answer_seconds,
            "canned": http_load.measure(
                f"{server.base}/query?query={quote(canned.text)}",
                JSON_RESULTS,
                settings.http_seconds,
                settings.clients,
            ).as_dict(),
            "adhoc": http_load.measure(
                f"{server.base}/query?query={quote(JOIN)}",
                JSON_RESULTS,
                settings.http_seconds,
                settings.clients,
            ).as_dict(),
        }
    return results


def validation(folder: Path, quads: int, settings: Settings, progress: Progress) -> dict[str, Any]:
    if quads > settings.validate_up_to:
        reason = f"{quads} quads is over --validate-up-to {settings.validate_up_to}"
        return {"skipped": reason}
    progress("  validation: pySHACL, pyrudof")
    return {"pyshacl": probe("validate", folder)[0], "pyrudof": probe("validate-rudof", folder)[0]}


def measure_size(stories: int, settings: Settings, progress: Progress) -> dict[str, Any]:
    folder = settings.work_dir / f"stories-{stories}-seed-{settings.seed}"
    if not folder.exists():
        progress(f"  generating {stories} synthetic stories")
        generate(folder, stories, settings.seed)
    progress("  load: aseankg (Oxigraph), rdflib")
    store = probe("load-store", folder)[0]
    rdflib = probe("load-rdflib", folder)[0]
    return {
        "stories": 10 + stories,
        "quads": store["quads"],
        "load": {"aseankg": store, "rdflib": rdflib},
        "validation": validation(folder, store["quads"], settings, progress),
        "queries": in_process(folder, settings, progress),
        "http": http(folder, settings, progress),
        "backends": backends.measure(folder, settings, progress, settings.virtuoso),
    }


def run(settings: Settings, progress: Progress) -> dict[str, Any]:
    """Measure every size and return all figures (see ``report`` for the table and targets)."""
    settings.work_dir.mkdir(parents=True, exist_ok=True)
    sizes = []
    for stories in settings.stories:
        progress(f"size: 10 real + {stories} synthetic stories")
        sizes.append(measure_size(stories, settings, progress))
    return {
        "machine": machine(),
        "settings": {**asdict(settings), "work_dir": str(settings.work_dir)},
        "sizes": sizes,
    }
