"""Shared fixtures: the bundled dataset, loaded once per test session."""

import shutil
from pathlib import Path

import pytest
from rdflib import Dataset

from aseankg import bundle
from aseankg.dataset import load_dataset


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return load_dataset()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled data folder, for tests that break it."""
    target = tmp_path / "data"
    shutil.copytree(bundle.data_dir(), target)
    return target
