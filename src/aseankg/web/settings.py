"""Configuration keys of the web app, with their defaults.

Every key can be given to ``create_app``; ``aseankg serve`` sets them from its options.
"""

from pathlib import Path
from typing import Any

DEFAULTS: dict[str, Any] = {
    # A folder laid out like data/ (reference/ and stories/); None serves the bundled data.
    "ASEANKG_DATA_DIR": None,
    # A folder holding aseankg.ttl; None serves the bundled ontology.
    "ASEANKG_ONTOLOGY_DIR": None,
    # A folder of canned queries (*.rq with #+ decorators); None serves the bundled ones.
    "ASEANKG_QUERIES_DIR": None,
    # Seconds a query may run before its worker process is stopped.
    "ASEANKG_QUERY_TIMEOUT": 10.0,
    # Most solutions a query returns; the response says when the cap applied.
    "ASEANKG_MAX_ROWS": 10_000,
    # Longest query text accepted, in characters (longer gets 413).
    "ASEANKG_MAX_QUERY_LENGTH": 100_000,
    # Query processes per web process; each holds the store and runs one query at a time.
    "ASEANKG_QUERY_WORKERS": 2,
}


def as_path(value: str | Path | None) -> Path | None:
    return None if value is None else Path(value)
