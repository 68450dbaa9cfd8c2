"""Where the bundled ontology, data and queries live.

A source checkout (and an editable install) reads them from the repository
root; a wheel carries a copy under ``aseankg/_bundle``. Both look the same to
callers.
"""

from functools import cache
from pathlib import Path

from aseankg.sources.files import ONTOLOGY_FILE


@cache
def root() -> Path:
    """The folder that holds ``ontology/``, ``data/`` and ``queries/``."""
    package = Path(__file__).resolve().parents[1]
    checkout = package.parents[1]
    if (checkout / "ontology" / ONTOLOGY_FILE).is_file():
        return checkout
    return package / "_bundle"


def ontology_dir() -> Path:
    return root() / "ontology"


def data_dir() -> Path:
    return root() / "data"


def queries_dir() -> Path:
    return root() / "queries"
