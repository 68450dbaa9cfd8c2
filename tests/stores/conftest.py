"""Stores for the backend tests: a store on disk and a real Oxigraph server, each loaded by
``aseankg load`` and served by ``aseankg serve --store``."""

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from aseankg.backends.http import PASSWORD_VARIABLE, USER_VARIABLE
from aseankg.bench.servers import oxigraph_server
from tests.support.server import running_server
from tests.support.virtuoso import Virtuoso, running_virtuoso

#: What every test server runs with: one web process, two query processes, 3 s per query.
SERVE = ("--workers", "1", "--query-workers", "2", "--timeout", "3")


def aseankg(*arguments: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the ``aseankg`` command as a user would, capturing what it prints."""
    return subprocess.run(
        [sys.executable, "-m", "aseankg", *arguments],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )


def loaded(*arguments: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``aseankg load ARGUMENTS``, which must succeed."""
    result = aseankg("load", *arguments, env=env)
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="session")
def disk_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("disk") / "kg"
    loaded("--store", str(path))
    return path


@pytest.fixture(scope="session")
def oxigraph_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The query URL of a running Oxigraph server that ``aseankg load`` has filled."""
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph"), writable=True) as server:
        url = f"{server.base}/query"
        loaded("--store", url, "--no-validate")
        yield url


@pytest.fixture(scope="session")
def virtuoso() -> Iterator[Virtuoso]:
    with running_virtuoso() as server:
        yield server


def store_login(server: Virtuoso) -> dict[str, str]:
    """The environment that gives ``aseankg`` Virtuoso's credentials."""
    return {**os.environ, USER_VARIABLE: server.user, PASSWORD_VARIABLE: server.password}


@pytest.fixture(scope="session")
def virtuoso_url(virtuoso: Virtuoso) -> str:
    """Virtuoso's query URL, once ``aseankg load`` has filled it (Graph Store Protocol)."""
    loaded("--store", virtuoso.query_url, "--no-validate", env=store_login(virtuoso))
    return virtuoso.query_url


@pytest.fixture(scope="session")
def disk_backed_server(disk_store: Path) -> Iterator[str]:
    with running_server(*SERVE, "--store", str(disk_store)) as base:
        yield base


@pytest.fixture(scope="session")
def oxigraph_backed_server(oxigraph_url: str) -> Iterator[str]:
    with running_server(*SERVE, "--store", oxigraph_url) as base:
        yield base


@pytest.fixture(scope="session")
def virtuoso_backed_server(virtuoso_url: str) -> Iterator[str]:
    with running_server(*SERVE, "--store", virtuoso_url) as base:
        yield base


@pytest.fixture(scope="session", params=["disk", "oxigraph", "virtuoso"])
def store_server(request: pytest.FixtureRequest) -> str:
    """An aseankg server in front of each kind of store, in turn."""
    return request.getfixturevalue(f"{request.param}_backed_server")
