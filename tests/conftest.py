"""Shared fixtures: the bundled dataset, loaded once per test session."""

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import Dataset

from aseankg.sources import bundle
from aseankg.sources.rdflib_dataset import load_dataset
from aseankg.web import Settings, create_app
from aseankg.web.site import site_of
from tests.support.server import SERVED, running_server

#: Fixtures that start a server, a browser or a store. A test that uses any of them, directly
#: or through another fixture, is marked ``slow`` and left out of ``pytest -m "not slow"``.
PROCESS_FIXTURES = frozenset(
    {"live_server", "site_url", "browser", "store_server", "disk_store", "oxigraph_url", "virtuoso"}
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark slow the tests that wait on other processes, so new ones are marked without asking."""
    for item in items:
        if PROCESS_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return load_dataset()


@pytest.fixture(scope="session")
def app() -> Iterator[Flask]:
    """The web app over the bundled data, in this process (for Flask's test client)."""
    app = create_app(testing=True)
    yield app
    site_of(app).engine.close()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled data folder, for tests that break it."""
    target = tmp_path / "data"
    shutil.copytree(bundle.data_dir(), target)
    return target


@pytest.fixture(scope="session")
def served_app() -> Iterator[Flask]:
    """The web app over the bundled data, configured with the served base ``SERVED``."""
    app = create_app(Settings(served_base=SERVED, query_workers=1), testing=True)
    yield app
    site_of(app).engine.close()


@pytest.fixture(scope="session")
def live_server() -> Iterator[str]:
    """Base URL of a real ``aseankg serve`` process on the bundled data (shared by tests)."""
    with running_server("--workers", "1", "--query-workers", "2", "--timeout", "3") as base:
        yield base
