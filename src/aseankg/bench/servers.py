"""Start a server on 127.0.0.1, time it until it first answers, and stop it afterwards."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Running:
    base: str
    """Base URL, e.g. ``http://127.0.0.1:41234``."""
    first_answer_seconds: float
    """From starting the process to the first answered request."""
    pid: int = 0
    """The server's process, which leads a process group of its own (with its workers)."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running(
    command: Sequence[str],
    base: str,
    probe_path: str,
    ready_within: float = 120.0,
    env: Mapping[str, str] | None = None,
) -> Iterator[Running]:
    """Run ``command`` (a server listening at ``base``) until the block ends.

    The server counts as ready when ``probe_path`` gets any HTTP answer. It runs in a
    session of its own, so stopping it stops its worker processes too. ``env`` adds to
    this process's environment.
    """
    started = time.perf_counter()
    process = subprocess.Popen(
        list(command),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
        env={**os.environ, **(env or {})},
    )
    try:
        _wait_until_answering(base + probe_path, process, ready_within)
        yield Running(base, round(time.perf_counter() - started, 3), process.pid)
    finally:
        _stop(process)


def _wait_until_answering(url: str, process: subprocess.Popen[bytes], limit: float) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if process.poll() is not None:
            errors = process.stderr.read().decode() if process.stderr else ""
            raise RuntimeError(f"the server exited with {process.returncode}:\n{errors}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except urllib.error.HTTPError:
            return  # it answered, even if with an error status
        except OSError:
            time.sleep(0.02)
    raise RuntimeError(f"the server did not answer {url} within {limit} s")


def _stop(process: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    if process.stderr:
        process.stderr.close()


@contextmanager
def aseankg_server(*options: str, env: Mapping[str, str] | None = None) -> Iterator[Running]:
    """``aseankg serve OPTIONS`` on a free port, with ``env`` added to its environment."""
    port = free_port()
    command = [sys.executable, "-m", "aseankg", "serve", "--host", "127.0.0.1", "--port", str(port)]
    with running(
        [*command, *options], f"http://127.0.0.1:{port}", "/sparql?query=ASK%7B%7D", env=env
    ) as server:
        yield server


def group_memory_mb(leader: int) -> float:
    """Proportional set size of a process group, in MB: memory its processes share (a
    store inherited by forking) counts once, split between them. Linux only; 0 elsewhere."""
    total_kb = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if os.getpgid(int(entry.name)) != leader:
                continue
            rollup = (entry / "smaps_rollup").read_text()
        except OSError:
            continue
        total_kb += sum(
            int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:")
        )
    return round(total_kb / 1024, 1)


def oxigraph_binary() -> str:
    """The ``oxigraph`` command of the ``oxigraph`` package (installed beside this Python)."""
    beside = Path(sys.executable).with_name("oxigraph")
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if found is None:
        raise RuntimeError("the oxigraph command is missing: pip install 'aseankg[bench]'")
    return found


def load_oxigraph(location: Path, nquads: Path) -> float:
    """Build an Oxigraph server's store from an N-Quads file; the seconds it took."""
    started = time.perf_counter()
    subprocess.run(
        [oxigraph_binary(), "load", "--location", str(location), "--file", str(nquads)],
        check=True,
        capture_output=True,
    )
    return round(time.perf_counter() - started, 3)


@contextmanager
def oxigraph_server(location: Path, *, writable: bool = False) -> Iterator[Running]:
    """Oxigraph's own server, with the union of all graphs as default graph; read-only
    unless ``writable`` (for ``aseankg load``, which writes through SPARQL Update)."""
    port = free_port()
    command = [
        oxigraph_binary(),
        "serve" if writable else "serve-read-only",
        "--location",
        str(location),
        "--bind",
        f"127.0.0.1:{port}",
        "--union-default-graph",
    ]
    with running(command, f"http://127.0.0.1:{port}", "/query?query=ASK%7B%7D") as server:
        yield server
