"""SPARQL over the knowledge graph, with no knowledge of HTTP.

Queries pass a lexical guard (read-only, no SERVICE, only graphs of this
dataset), get a row cap, and run in forked worker processes that hold the
store, so a query past its time limit can be stopped by stopping its process.
"""

from aseankg.engine.engine import (
    DEFAULT_CACHE_BYTES,
    Engine,
    Limits,
    PreparedQuery,
    QueryResult,
)
from aseankg.engine.errors import (
    EngineBusy,
    EngineError,
    EngineFailure,
    QueryRefused,
    QuerySyntaxError,
    QueryTimeout,
    QueryTooLong,
    UpdateRefused,
)
from aseankg.engine.worker import Term

__all__ = [
    "DEFAULT_CACHE_BYTES",
    "Engine",
    "EngineBusy",
    "EngineError",
    "EngineFailure",
    "Limits",
    "PreparedQuery",
    "QueryRefused",
    "QueryResult",
    "QuerySyntaxError",
    "QueryTimeout",
    "QueryTooLong",
    "Term",
    "UpdateRefused",
]
