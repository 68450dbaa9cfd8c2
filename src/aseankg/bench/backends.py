"""The backends measured alike: the store in memory, on disk, and store servers behind
aseankg, each store server also queried directly.

For each: how long ``aseankg load`` takes to fill it, how long ``aseankg serve`` takes
from start to its first answer, its memory (the proportional set size of the server and
its query processes: what they share counts once), and every canned query run cold
(the server keeps no results, so each request runs the query) as p50/p95. A store
server is also sent each canned query directly, with the dataset aseankg would send,
for the overhead of aseankg in front of it; and one canned query under load, cached
by aseankg, against the store's own throughput for it.
"""

import http.client
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from aseankg.bench import http_load, servers
from aseankg.bench.stats import summarize
from aseankg.bench.workload import HTTP_CANNED, REQUIRED_VALUES, canned_queries

JSON_RESULTS = {"Accept": "application/sparql-results+json"}
GRAPH = {"Accept": "application/n-triples"}
#: ``aseankg serve`` keeping no results: every request runs its query.
COLD = ("--cache-mb", "0", "--no-share-by-client", "--timeout", "60")

Progress = Callable[[str], None]
#: Longest URL the load generator is given; longer queries are measured by POST alone.
_LONGEST_URL = 8000


def _accept(form: str) -> dict[str, str]:
    return JSON_RESULTS if form in ("SELECT", "ASK") else GRAPH


def load_seconds(folder: Path, store: str, env: dict[str, str] | None = None) -> float:
    """Time ``aseankg load`` of ``folder`` into ``store`` (validation is measured apart)."""
    command = [sys.executable, "-m", "aseankg", "load", "--store", store]
    started = time.perf_counter()
    subprocess.run(
        [*command, "--data", str(folder), "--no-validate"],
        check=True,
        capture_output=True,
        env=env,
    )
    return round(time.perf_counter() - started, 3)


def canned_cold(base: str, repeat: int) -> dict[str, Any]:
    """Every canned query through aseankg's API, ``repeat`` times each."""
    found = {}
    for query in canned_queries():
        target = f"/api/queries/{query.name}?{urlencode(REQUIRED_VALUES.get(query.name, {}))}"

        def path(_: int, t: str = target) -> str:
            return t

        found[query.name] = http_load.sequential(path, base, _accept(query.form), repeat)
    return found


def canned_direct(url: str, kind: str | None, repeat: int) -> dict[str, Any]:
    """Every canned query sent straight to a store server, as aseankg would send it, over
    one kept-alive connection (as aseankg's query processes and the client measuring
    aseankg keep theirs)."""
    from aseankg.backends.jobs import QueryJob
    from aseankg.backends.remote import RemoteBackend

    backend = RemoteBackend(url, kind)
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.netloc, timeout=120)
    found = {}
    for query in canned_queries():
        accept = _accept(query.form)
        job = QueryJob(text=query.text, media_type=accept["Accept"])
        body = urlencode(backend.as_sent(job)).encode()
        headers = {**accept, "Content-Type": "application/x-www-form-urlencoded"}
        samples = []
        for _ in range(repeat):
            started = time.perf_counter()
            connection.request("POST", parts.path, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            samples.append(time.perf_counter() - started)
            if response.status != 200:  # a refusal is no baseline to compare with
                connection.close()
                raise RuntimeError(f"{url} answered {query.name} with {response.status}")
        found[query.name] = summarize(samples)
    connection.close()
    return found


def _throughput(url: str, headers: dict[str, str], settings: Any) -> dict[str, Any]:
    return http_load.measure(url, headers, settings.http_seconds, settings.clients).as_dict()


def behind(
    options: list[str], settings: Any, load_s: float | None, env: dict[str, str] | None = None
) -> dict[str, Any]:
    """aseankg serve OPTIONS: start to first answer, memory, every canned query cold."""
    with servers.aseankg_server(*options, *COLD, env=env) as server:
        canned = canned_cold(server.base, settings.repeat)
        return {
            "load_s": load_s,
            "first_answer_s": server.first_answer_seconds,
            "memory_mb": servers.group_memory_mb(server.pid),
            "canned": canned,
        }


def cached_against_store(url: str, kind: str | None, settings: Any) -> dict[str, Any]:
    """One canned query under load: through aseankg (cached after the first request) and
    sent to the store itself."""
    from aseankg.backends.jobs import QueryJob
    from aseankg.backends.remote import RemoteBackend

    query = {query.name: query for query in canned_queries()}[HTTP_CANNED]
    job = QueryJob(text=query.text, media_type=JSON_RESULTS["Accept"])
    direct = f"{url}?{urlencode(RemoteBackend(url, kind).as_sent(job))}"
    if len(direct) > _LONGEST_URL:  # the graphs it lists do not fit a URL: POST only
        direct = ""
    with servers.aseankg_server("--store", url, "--no-share-by-client") as server:
        ours = f"{server.base}/api/queries/{HTTP_CANNED}"
        http_load.sequential(lambda _: f"/api/queries/{HTTP_CANNED}", server.base, JSON_RESULTS, 1)
        return {
            "aseankg": _throughput(ours, JSON_RESULTS, settings),
            "store": _throughput(direct, JSON_RESULTS, settings) if direct else None,
        }


def measure(
    folder: Path, settings: Any, progress: Progress, virtuoso: str | None = None
) -> dict[str, Any]:
    """Every backend over the data of ``folder``; ``virtuoso`` is the query URL of a running
    Virtuoso to load and measure too (its credentials in the environment)."""
    work = settings.work_dir
    found: dict[str, Any] = {}
    progress("  backends: in memory")
    found["memory"] = behind(["--data", str(folder)], settings, None)
    progress("  backends: on disk")
    disk = work / f"{folder.name}.store"
    for old in [disk, *work.glob(f"{disk.name}.*")]:
        if old.is_symlink():
            old.unlink()
        else:
            shutil.rmtree(old, ignore_errors=True)
    found["disk"] = behind(["--store", str(disk)], settings, load_seconds(folder, str(disk)))
    progress("  backends: Oxigraph server")
    location = work / f"{folder.name}.oxigraph-server"
    shutil.rmtree(location, ignore_errors=True)
    with servers.oxigraph_server(location, writable=True) as oxigraph:
        url = f"{oxigraph.base}/query"
        found["oxigraph"] = behind(["--store", url], settings, load_seconds(folder, url))
        found["oxigraph"]["direct"] = canned_direct(url, None, settings.repeat)
        found["oxigraph"]["throughput"] = cached_against_store(url, None, settings)
    if virtuoso:
        progress("  backends: Virtuoso")
        env = dict(os.environ)
        seconds = load_seconds(folder, virtuoso, env)
        found["virtuoso"] = behind(["--store", virtuoso], settings, seconds)
        found["virtuoso"]["direct"] = canned_direct(virtuoso, None, settings.repeat)
        found["virtuoso"]["throughput"] = cached_against_store(virtuoso, None, settings)
    return found
