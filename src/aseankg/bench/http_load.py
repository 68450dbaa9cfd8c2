"""HTTP load: concurrent clients for a bounded time, and sequential latency.

``wrk`` (a load generator written in C) is used when it is installed, since a
Python client saturates its own core long before a fast server does; without it
a threaded Python client with keep-alive connections stands in. The result says
which client measured it, because figures from the two are not comparable.

A run is bounded by time rather than by a request count because wrk can only
stop on time; the count each run reached is part of the result.
"""

import http.client
import re
import shutil
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from urllib.parse import urlsplit

from aseankg.bench.stats import percentile, summarize

_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


@dataclass(frozen=True)
class Load:
    """Throughput and latency of one load run."""

    client: str
    clients: int
    requests: int
    seconds: float
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    errors: int

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def measure(url: str, headers: dict[str, str], seconds: int, clients: int) -> Load:
    """GET ``url`` for ``seconds`` from ``clients`` concurrent keep-alive connections."""
    if shutil.which("wrk"):
        return _with_wrk(url, headers, seconds, clients)
    return _with_python(url, headers, seconds, clients)


# A percentile row of wrk's latency distribution, anchored at the line's start: a
# "+/- Stdev" column such as "75.99%" also ends in "99%". wrk pads a figure in seconds
# with a space.
_PERCENTILE = r"^\s+{}%\s+(\S+)\s*$"


def _milliseconds(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", text).groups()  # type: ignore[union-attr]
    return float(number) * _UNITS[unit]


def _with_wrk(url: str, headers: dict[str, str], seconds: int, clients: int) -> Load:
    # wrk gives up on a response after 2 s by default and counts it nowhere but in its
    # socket errors; a slow baseline must be measured, not dropped, so wait a minute.
    command = ["wrk", "-t", str(min(clients, 2)), "-c", str(clients), "-d", f"{seconds}s"]
    command += ["--timeout", "60s"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(
        [*command, "--latency", url], capture_output=True, text=True, check=True
    ).stdout
    return parse_wrk(output, seconds, clients)


def parse_wrk(output: str, seconds: int, clients: int) -> Load:
    """Read a ``wrk --latency`` report; a report without its figures is an error."""

    def found(pattern: str) -> str:
        match = re.search(pattern, output, re.MULTILINE)
        if match is None:
            raise RuntimeError(f"unexpected wrk output:\n{output}")
        return match.group(1)

    failed = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    errors = (int(failed.group(1)) if failed else 0) + (
        sum(int(count) for count in socket.groups()) if socket else 0
    )
    return Load(
        client="wrk",
        clients=clients,
        requests=int(found(r"(\d+) requests in")),
        seconds=seconds,
        requests_per_second=float(found(r"Requests/sec:\s+([\d.]+)")),
        p50_ms=_milliseconds(found(_PERCENTILE.format(50))),
        p99_ms=_milliseconds(found(_PERCENTILE.format(99))),
        errors=errors,
    )


def _connection(url: str) -> tuple[http.client.HTTPConnection, str]:
    parts = urlsplit(url)
    if parts.hostname is None:
        raise ValueError(f"{url!r} names no host")
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    return http.client.HTTPConnection(parts.hostname, parts.port, timeout=120), target


def _with_python(url: str, headers: dict[str, str], seconds: float, clients: int) -> Load:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def client() -> None:
        nonlocal errors
        connection, target = _connection(url)
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            connection.request("GET", target, headers=headers)
            response = connection.getresponse()
            response.read()
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                errors += response.status >= 400
        connection.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return Load(
        client="python",
        clients=clients,
        requests=len(latencies),
        seconds=round(elapsed, 3),
        requests_per_second=round(len(latencies) / elapsed, 1),
        p50_ms=round(percentile(latencies, 0.5) * 1000, 3),
        p99_ms=round(percentile(latencies, 0.99) * 1000, 3),
        errors=errors,
    )


def sequential(
    target_of: Callable[[int], str], base: str, headers: dict[str, str], requests: int
) -> dict[str, float | int]:
    """Latency of ``requests`` requests one after another on one keep-alive connection.

    ``target_of(i)`` gives the path of request ``i``: the same path measures a repeated
    (cacheable) request, a path that changes every time measures a query run anew.
    """
    connection, _ = _connection(base)
    samples = []
    for index in range(requests):
        started = time.perf_counter()
        connection.request("GET", target_of(index), headers=headers)
        response = connection.getresponse()
        response.read()
        samples.append(time.perf_counter() - started)
        if response.status != 200:
            raise RuntimeError(f"{target_of(index)} answered {response.status}")
    connection.close()
    return summarize(samples)
