"""The query engine: a backend behind the guard, the limits and the worker pool.

The backend is an Oxigraph store (in memory or on disk) or a store server (see
``aseankg.backends``); the engine treats them alike. It knows nothing about HTTP.
Callers ``prepare`` a query (which checks it and tells them its form, so they can
choose a result format), then ``execute`` it.
"""

import csv
import hashlib
import io
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

import pyoxigraph

from aseankg.backends import Backend, open_store
from aseankg.backends.local import MemoryBackend
from aseankg.engine import guard
from aseankg.engine.bounded_cache import BoundedCache
from aseankg.engine.errors import (
    EngineFailure,
    QueryRefused,
    QueryResourcesExceeded,
    QuerySyntaxError,
    QueryTimeout,
    QueryTooLong,
    ResultFormatUnsupported,
    StoreTimeout,
    StoreUnavailable,
)
from aseankg.engine.pool import Caller, WorkerPool
from aseankg.engine.worker import DumpJob, QueryJob, Reply, Term, answer
from aseankg.rdf.formats import GRAPH_FORMS, SPARQL_CSV, SPARQL_JSON, ResultsSyntax, Syntax
from aseankg.sources.files import Source
from aseankg.sources.oxigraph_store import load_store

#: Bytes of query results kept per engine (per web process) by default.
DEFAULT_CACHE_BYTES = 64 * 1024 * 1024
#: Query processes per engine (per web process) by default.
DEFAULT_QUERY_WORKERS = 2


@dataclass(frozen=True)
class Limits:
    """Safety limits; every query is held to them."""

    timeout: float = 10.0
    """Seconds a query may run before its worker is stopped."""
    max_rows: int = 10_000
    """Most solutions a SELECT, CONSTRUCT or DESCRIBE query returns."""
    max_query_length: int = 100_000
    """Longest query text accepted, in characters."""
    max_result_bytes: int = 64 * 1024 * 1024
    """Largest serialized result; the query is stopped when its result grows past it."""
    query_memory_bytes: int = 1024 * 1024 * 1024
    """Memory one query process may allocate beyond the store it shares."""
    share_by_client: bool = True
    """Share the query processes out by client, so that no client can hold them all."""


@dataclass(frozen=True)
class PreparedQuery:
    """A query that passed the guard, ready to execute."""

    text: str
    """The text that will run (with the row cap applied)."""
    original_text: str
    form: str
    row_cap: int | None
    """The row limit the engine imposed, or None if the query's own LIMIT is lower (or the
    query was prepared without the cap)."""
    max_triples: int | None
    """Most triples a CONSTRUCT or DESCRIBE result may hold, whatever its LIMIT (one
    solution can make many triples); None when prepared without the cap."""
    default_graphs: tuple[str, ...] | None
    named_graphs: tuple[str, ...] | None
    union_default_graph: bool
    base_iri: str | None = None
    """What relative IRIs in the query resolve against (an endpoint's own URL, as the SPARQL
    protocol suggests); None leaves a relative IRI an error."""

    def result_key(
        self, syntax: Syntax, substitutions: Mapping[str, Term] | None = None
    ) -> tuple[str, ...]:
        """Everything a result depends on besides the data: for cache keys and ETags."""
        return (
            self.text,
            repr(self.default_graphs),
            repr(self.named_graphs),
            str(self.union_default_graph),
            str(self.base_iri),
            syntax.media_type,
            *sorted(f"{name}={term}" for name, term in (substitutions or {}).items()),
        )


@dataclass(frozen=True)
class QueryResult:
    """A query's result, serialized in ``syntax``."""

    payload: bytes
    syntax: Syntax
    truncated: bool = False
    """Triples of a graph result were left out at the row cap."""

    def solutions(self) -> list[dict[str, Term]]:
        """The solutions of a SELECT result, each a mapping of bound variable -> term.

        CSV cannot be read back (it drops the kinds of terms); ask for another syntax.
        """
        syntax = self.syntax
        if syntax is SPARQL_CSV or not isinstance(syntax, ResultsSyntax):
            raise ValueError(f"solutions cannot be read back from {syntax.label}")
        parsed = pyoxigraph.parse_query_results(self.payload, format=syntax.oxigraph)
        if not isinstance(parsed, pyoxigraph.QuerySolutions):
            raise ValueError("the result is a boolean, not solutions")
        names = [variable.value for variable in parsed.variables]
        return [
            {name: term for name in names if (term := solution[name]) is not None}
            for solution in parsed
        ]

    def solution_count(self) -> int:
        """How many solutions a SELECT result holds, in any results syntax."""
        if self.syntax is SPARQL_CSV:  # one header record, then one record per solution
            return len(list(csv.reader(io.StringIO(self.payload.decode("utf-8"))))) - 1
        return len(self.solutions())


def fingerprint(sources: Iterable[Source]) -> str:
    """A short digest of the files and their graphs: changes whenever the data does."""
    digest = hashlib.sha256()
    for source in sources:
        digest.update(str(source.graph).encode())
        digest.update(source.path.read_bytes())
    return digest.hexdigest()[:16]


class Engine:
    """Answers SPARQL queries over one immutable dataset."""

    def __init__(
        self,
        backend: Backend,
        *,
        limits: Limits,
        workers: int = DEFAULT_QUERY_WORKERS,
        cache_bytes: int = DEFAULT_CACHE_BYTES,
    ) -> None:
        self.backend = backend
        self.version = backend.version
        """Identifies the loaded data; use it in cache keys and ETags."""
        self.modified = backend.modified
        """When the data last changed."""
        self.limits = limits
        self.graphs = backend.graphs()
        self._pool = WorkerPool(
            backend,
            workers,
            memory_bytes=limits.query_memory_bytes,
            by_client=limits.share_by_client,
        )
        self._own_pool = WorkerPool(
            backend, workers, memory_bytes=limits.query_memory_bytes, by_client=False
        )
        self.results: BoundedCache[QueryResult] = BoundedCache(cache_bytes)
        """Serialized results already computed, by query, graphs, bindings and format."""

    @classmethod
    def from_sources(
        cls,
        sources: Iterable[Source],
        *,
        limits: Limits | None = None,
        workers: int = DEFAULT_QUERY_WORKERS,
        cache_bytes: int = DEFAULT_CACHE_BYTES,
    ) -> "Engine":
        sources = list(sources)
        newest = max((source.path.stat().st_mtime for source in sources), default=0)
        backend = MemoryBackend(
            load_store(sources),
            version=fingerprint(sources),
            modified=datetime.fromtimestamp(int(newest), UTC),
        )
        return cls(backend, limits=limits or Limits(), workers=workers, cache_bytes=cache_bytes)

    @classmethod
    def from_store(
        cls,
        spec: str,
        *,
        kind: str | None = None,
        limits: Limits | None = None,
        workers: int = DEFAULT_QUERY_WORKERS,
        cache_bytes: int = DEFAULT_CACHE_BYTES,
    ) -> "Engine":
        """An engine over a store on disk (a path) or a store server (a URL); see
        ``aseankg.backends.open_store``."""
        return cls(
            open_store(spec, kind),
            limits=limits or Limits(),
            workers=workers,
            cache_bytes=cache_bytes,
        )

    @property
    def admission_capacity(self) -> int:
        """The most queries running or waiting at once; more are refused at once."""
        return self._pool.capacity

    def start(self) -> None:
        """Fork the query workers now rather than on the first query."""
        self._pool.start()
        self._own_pool.start()

    def close(self) -> None:
        self._pool.close()
        self._own_pool.close()

    def _check_graphs(self, iris: Iterable[str], where: str) -> None:
        for iri in iris:
            if iri not in self.graphs:
                raise QueryRefused(
                    f"graph <{iri}> ({where}) is not in this dataset; queries are answered "
                    "from its own graphs, and others are never fetched"
                )

    def prepare(
        self,
        text: str,
        *,
        default_graphs: Iterable[str] = (),
        named_graphs: Iterable[str] = (),
        cap_rows: bool = True,
        base_iri: str | None = None,
    ) -> PreparedQuery:
        """Check a query against the guard and the limits; raise with a reason if refused.

        ``default_graphs`` and ``named_graphs`` are the protocol's ``default-graph-uri``
        and ``named-graph-uri``; when either is given they replace the query's own
        FROM and FROM NAMED, as the SPARQL protocol says. ``cap_rows=False`` is for
        the server's own queries (labels, statistics), whose answers must be whole;
        the time limit still holds for them. ``base_iri`` is what relative IRIs in the
        query resolve against, unless the query declares a BASE of its own.
        """
        if len(text) > self.limits.max_query_length:
            raise QueryTooLong(
                f"the query is {len(text)} characters long; the limit is "
                f"{self.limits.max_query_length}"
            )
        info = guard.inspect(text, base_iri or "")
        default_graphs, named_graphs = tuple(default_graphs), tuple(named_graphs)
        self._check_graphs(info.from_graphs, "FROM")
        self._check_graphs(info.from_named_graphs, "FROM NAMED")
        self._check_graphs(default_graphs, "default-graph-uri")
        self._check_graphs(named_graphs, "named-graph-uri")
        by_protocol = bool(default_graphs or named_graphs)
        run_text, row_cap = text, None
        if cap_rows and info.form != "ASK":
            run_text, capped = guard.limit_rows(text, self.limits.max_rows)
            row_cap = self.limits.max_rows if capped else None
        return PreparedQuery(
            text=run_text,
            original_text=text,
            form=info.form,
            row_cap=row_cap,
            max_triples=self.limits.max_rows if cap_rows else None,
            default_graphs=default_graphs if by_protocol else None,
            named_graphs=named_graphs if by_protocol else None,
            union_default_graph=not (info.from_graphs or info.from_named_graphs),
            base_iri=base_iri,
        )

    def execute(
        self,
        query: PreparedQuery,
        result_format: Syntax,
        substitutions: Mapping[str, Term] | None = None,
        caller: Caller | None = None,
    ) -> QueryResult:
        """Run a prepared query in a query process, for ``caller``, and return its result.

        The data never changes, so results are kept (within the cache's size) and a
        repeated query with the same graphs, bindings and format is not run again.
        """
        return self._answer(
            query,
            result_format,
            substitutions,
            lambda job: self._pool.run(job, self.limits.timeout, caller),
        )

    def execute_own(
        self,
        query: PreparedQuery,
        result_format: Syntax,
        substitutions: Mapping[str, Term] | None = None,
    ) -> QueryResult:
        """Run one of the server's own queries (for pages) in query processes of their own.

        Pages must never wait behind users' queries; the time limit still holds.
        """
        return self._answer(
            query,
            result_format,
            substitutions,
            lambda job: self._own_pool.run(job, self.limits.timeout),
        )

    def _answer(
        self,
        query: PreparedQuery,
        result_format: Syntax,
        substitutions: Mapping[str, Term] | None,
        run: Callable[[QueryJob], Reply],
    ) -> QueryResult:
        if result_format.is_graph != (query.form in GRAPH_FORMS):
            raise ValueError(f"{result_format.name} cannot hold the result of a {query.form}")
        key = query.result_key(result_format, substitutions)
        cached = self.results.get(key)
        if cached is not None:
            return cached
        job = QueryJob(
            text=query.text,
            media_type=result_format.media_type,
            union_default_graph=query.union_default_graph,
            default_graphs=query.default_graphs,
            named_graphs=query.named_graphs,
            substitutions=dict(substitutions or {}),
            original_text=query.original_text if query.text != query.original_text else None,
            max_triples=query.max_triples,
            max_result_bytes=self.limits.max_result_bytes,
            base_iri=query.base_iri,
            timeout=self.limits.timeout,
        )
        try:
            reply = run(job)
        except QueryTimeout as error:
            if not self.backend.remote:
                raise
            raise StoreTimeout(
                f"the store at {self.backend.location} did not answer within the time limit "
                f"of {self.limits.timeout:g} s; the query was stopped"
            ) from error
        self._raise_for(reply)
        result = QueryResult(reply.payload, result_format, reply.truncated)
        self.results.put(key, result, len(reply.payload))
        return result

    @staticmethod
    def _raise_for(reply: Reply) -> None:
        """Raise the engine error a failed reply stands for."""
        if reply.error == "syntax":
            raise QuerySyntaxError(reply.message)
        if reply.error == "query":
            raise QueryRefused(reply.message)
        if reply.error == "format":
            raise ResultFormatUnsupported(reply.message)
        if reply.error == "too-large":
            raise QueryResourcesExceeded(reply.message)
        if reply.error == "store-slow":
            raise StoreTimeout(reply.message)
        if reply.error == "store":
            raise StoreUnavailable(reply.message)
        if reply.error:
            raise EngineFailure(reply.message)

    def select(self, text: str, **substitutions: Term) -> list[dict[str, Term]]:
        """The solutions of one of the server's own SELECT queries, whole (no row cap).

        ``substitutions`` bind variables of the query's projection (Oxigraph's rule).
        """
        prepared = self.prepare(text, cap_rows=False)
        return self.execute_own(prepared, SPARQL_JSON, substitutions).solutions()

    def dump(
        self,
        syntax: Syntax,
        *,
        graph: str | None = None,
        prefixes: Mapping[str, str] | None = None,
    ) -> bytes:
        """Every quad of the store in a syntax that keeps graphs, or the triples of one
        ``graph``, in this process (no time limit: the work is bounded by the data; a
        store server has a time limit per read).

        ``prefixes`` are declared in syntaxes that have them (Turtle, TriG, RDF/XML).
        """
        if graph is None and not syntax.keeps_graphs:
            raise ValueError(f"{syntax.label} holds one graph: name the graph to dump")
        reply = answer(self.backend, DumpJob(syntax.media_type, graph, dict(prefixes or {})))
        self._raise_for(reply)
        return reply.payload
