"""SPARQL over the knowledge graph, with no knowledge of HTTP.

Queries pass a guard (read-only, no SERVICE, only graphs of this dataset, nesting
and functions within what the store can evaluate), get a row cap, and run in
forked query processes that hold the store, so a query past its time, result or
memory limit can be stopped by stopping its process.
"""

from aseankg.engine.engine import (
    DEFAULT_CACHE_BYTES,
    DEFAULT_QUERY_WORKERS,
    Engine,
    Limits,
    PreparedQuery,
    QueryResult,
)
from aseankg.engine.errors import (
    CallerBusy,
    EngineBusy,
    EngineError,
    EngineFailure,
    QueryCancelled,
    QueryRefused,
    QueryResourcesExceeded,
    QuerySyntaxError,
    QueryTimeout,
    QueryTooLong,
    ResultFormatUnsupported,
    StoreTimeout,
    StoreUnavailable,
    UpdateRefused,
)
from aseankg.engine.pool import Caller
from aseankg.engine.worker import Term

__all__ = [
    "DEFAULT_CACHE_BYTES",
    "DEFAULT_QUERY_WORKERS",
    "Caller",
    "CallerBusy",
    "Engine",
    "EngineBusy",
    "EngineError",
    "EngineFailure",
    "Limits",
    "PreparedQuery",
    "QueryCancelled",
    "QueryRefused",
    "QueryResourcesExceeded",
    "QueryResult",
    "QuerySyntaxError",
    "QueryTimeout",
    "QueryTooLong",
    "ResultFormatUnsupported",
    "StoreTimeout",
    "StoreUnavailable",
    "Term",
    "UpdateRefused",
]
