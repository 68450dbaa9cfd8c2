"""What the query engine queries: a backend answers jobs with the objects Oxigraph returns.

Three backends, one contract: the in-memory store loaded from the files, a store on disk
written by ``aseankg load``, and a SPARQL 1.1 store server. Each answers a query with
pyoxigraph's own result objects (solutions, a boolean, or triples), so the row caps,
byte limits and result formats downstream are one code path whatever the store.
"""

from collections.abc import Iterable
from datetime import datetime
from typing import Protocol

import pyoxigraph

from aseankg.backends.jobs import DumpJob, QueryJob

#: What a backend answers a query with.
Answer = pyoxigraph.QuerySolutions | pyoxigraph.QueryBoolean | Iterable[pyoxigraph.Triple]


class StoreError(Exception):
    """A store cannot be opened or used as asked (at start, or while loading); the message
    says which store and why, and never holds credentials."""


class StoreFailure(Exception):
    """A store server could not be reached, or failed to answer a request."""


class StoreTooSlow(StoreFailure):
    """A store server stopped a query at its own time limit."""


class ResultTooLarge(Exception):
    """A result grew past the job's byte limit, in the query process or from the store."""


class Backend(Protocol):
    """The data one engine answers from, for the life of the server."""

    version: str
    """Changes whenever the data does: for cache keys and ETags."""
    modified: datetime
    """When the data last changed, to the second."""
    remote: bool
    """Queries go over the network to a store server (the query processes keep the
    network, and a query past its time limit is the store's delay)."""
    location: str
    """Where the data is, for messages: a folder, a URL, or "memory"."""

    def graphs(self) -> frozenset[str]:
        """The IRIs of the dataset's named graphs."""
        ...

    def open(self) -> None:
        """Get ready to answer in this process (a query process calls it once it starts)."""
        ...

    def query(self, job: QueryJob) -> Answer:
        """Run a query; raise SyntaxError, RuntimeError or StoreFailure as Oxigraph would."""
        ...

    def dump(self, job: DumpJob) -> bytes:
        """Every quad in a syntax that keeps graphs, or one graph's triples."""
        ...
