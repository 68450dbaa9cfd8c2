"""A SPARQL 1.1 store server as the backend: queries go over HTTP, answers come back as
the objects Oxigraph returns.

The guard, the limits and the query processes are the same as for a store in memory:
a query process sends the query and waits, with a client-side time limit, and killing
it (at the deadline, or when the client goes) drops the request. The query is parsed
by Oxigraph first, so a syntax error reads as it does everywhere else. Bindings go into
the text as a VALUES block at the start of the outermost group, which binds them as
Oxigraph's substitutions do. The dataset is this dataset's graphs only: the store may
hold others (see ``kinds`` for how each store is asked).
"""

import hashlib
import re
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from urllib.parse import urlencode

import pyoxigraph

from aseankg.backends.base import Answer, StoreError, StoreFailure, StoreTooSlow
from aseankg.backends.http import Client, Response
from aseankg.backends.jobs import DumpJob, QueryJob
from aseankg.backends.kinds import StoreKind, named, recognise
from aseankg.backends.serialize import rdf_bytes, rdf_syntax
from aseankg.rdf.namespaces import BASE
from aseankg.rdf.sparql_lexer import lex, readings, unescape
from aseankg.rdf.terms import Term

#: Seconds to wait for the store at start, and on each read of a dump.
CONNECT_SECONDS = 10.0
DUMP_SECONDS = 60.0
#: A store's answer may be this many times the largest result before it is refused.
_ANSWER_ROOM = 4

#: Every named graph; the subquery is what Virtuoso answers at once (the same query
#: without it runs past its time limit at 100,000 quads).
GRAPHS_QUERY = "SELECT ?g WHERE { { SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } } }"
_RESULTS = "application/sparql-results+json"
GRAPH_QUERY = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <%s> { ?s ?p ?o } }"


#: The prefix declarations that open a document written by Oxigraph.
_PREFIX_LINES = re.compile(rb"\A(?:@prefix [^\n]*\n)*")


def is_project_graph(iri: str) -> bool:
    """Whether a graph of the store belongs to this dataset (all its graphs are under BASE)."""
    return iri.startswith(BASE)


def names_graphs(text: str) -> bool:
    """Whether a query has a ``GRAPH`` pattern, in any reading of it (escapes applied or
    not): only then does it need the named graphs listed."""
    return any(
        token.kind == "word" and token.text.upper() == "GRAPH"
        for candidate in {text, unescape(text)}
        for reading in readings(candidate)
        for token in reading
    )


def with_bindings(text: str, substitutions: Mapping[str, Term]) -> str:
    """``text`` with ``substitutions`` bound by a VALUES block opening its outermost group."""
    if not substitutions:
        return text
    names = " ".join(f"?{name}" for name in substitutions)
    row = " ".join(str(term) for term in substitutions.values())
    block = f" VALUES ({names}) {{ ({row}) }} "
    found = lex(text)
    after = next((i for i, t in enumerate(found) if t.depth == 0 and t.text.upper() == "WHERE"), -1)
    for index, token in enumerate(found):
        if index <= after or token.kind != "open" or token.depth != 0:
            continue
        if index and found[index - 1].text.upper() == "EXISTS":
            continue
        cut = token.start + 1
        return text[:cut] + block + text[cut:]
    raise RuntimeError("bindings need a query with a WHERE clause")


def send_query(
    client: Client,
    url: str,
    params: list[tuple[str, str]],
    accept: str,
    timeout: float | None,
    max_bytes: int | None = None,
) -> Response:
    """POST a query (the protocol's form-encoded way, which no length limit of a URL
    stops) and return the store's answer."""
    return client.request(
        "POST",
        url,
        body=urlencode(params).encode(),
        headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"},
        timeout=timeout or CONNECT_SECONDS,
        max_bytes=max_bytes,
    )


def probe(client: Client, url: str) -> Response:
    """The store's answer to the simplest query; StoreError when there is none."""
    try:
        return send_query(client, url, [("query", "ASK {}")], _RESULTS, None)
    except StoreFailure as error:
        raise StoreError(f"{error}; is the store running, and is this its query URL?") from None


def store_graphs(client: Client, url: str, kind: StoreKind) -> frozenset[str]:
    """Every named graph the store holds (this dataset's and any others)."""
    try:
        response = send_query(
            client, url, [("query", GRAPHS_QUERY)], kind.results_media_type, CONNECT_SECONDS * 6
        )
        syntax = pyoxigraph.QueryResultsFormat.from_media_type(response.media_type)
        solutions = pyoxigraph.parse_query_results(response.body, format=syntax)
    except (StoreFailure, SyntaxError, ValueError) as error:
        raise StoreError(f"the graphs of the store at {url} cannot be listed: {error}") from None
    if not isinstance(solutions, pyoxigraph.QuerySolutions):
        raise StoreError(f"the store at {url} answered a SELECT query with a boolean")
    return frozenset(
        term.value for row in solutions if isinstance(term := row["g"], pyoxigraph.NamedNode)
    )


def _is_graph_result(media_type: str) -> bool:
    return pyoxigraph.RdfFormat.from_media_type(media_type) is not None


class RemoteBackend:
    """A store server's query endpoint; ``kind`` is recognised from its answers if not given."""

    remote = True

    def __init__(self, url: str, kind: str | None = None) -> None:
        self.client = Client(url, keep_alive=True)
        self.location = url
        first = self._probe()
        self.kind: StoreKind = named(kind) if kind else recognise(first.server)
        every = self._list_graphs()
        self._graphs = frozenset(iri for iri in every if is_project_graph(iri))
        if not self._graphs:
            raise StoreError(
                f"the store at {url} holds none of this dataset's graphs "
                "(load them with aseankg load --store URL)"
            )
        self._others = every - self._graphs
        self.dedicated = not self._others
        """The store holds this dataset and nothing else."""
        self.modified = datetime.now(UTC).replace(microsecond=0)
        digest = hashlib.sha256(f"{url}\n{self.modified.isoformat()}".encode())
        for iri in sorted(self._graphs):
            digest.update(iri.encode())
        self.version = digest.hexdigest()[:16]

    def _probe(self) -> Response:
        return probe(self.client, self.location)

    def _list_graphs(self) -> frozenset[str]:
        return store_graphs(self.client, self.location, self.kind)

    def _send(
        self,
        params: list[tuple[str, str]],
        accept: str,
        timeout: float | None,
        max_bytes: int | None = None,
    ) -> Response:
        return send_query(self.client, self.location, params, accept, timeout, max_bytes)

    def graphs(self) -> frozenset[str]:
        return self._graphs

    def open(self) -> None:
        """Nothing to open: each query process connects on its first request."""

    def as_sent(self, job: QueryJob) -> list[tuple[str, str]]:
        """The request parameters for ``job``: the query as the store gets it (bindings in
        the text, the base declared) and the dataset, this dataset's graphs only.

        The union of the named graphs is asked for as the store can: by its own parameter
        when it holds nothing else, by excluding the others where that is shorter than
        listing ours as the default graph (Virtuoso, whose cost estimate grows with every
        graph so listed; its named graphs are listed when the query has a ``GRAPH``
        pattern, since every request grows with them), else by listing ours.
        """
        text = with_bindings(job.text, job.substitutions)
        if job.base_iri:
            text = f"BASE <{job.base_iri}>\n{text}"
        dataset: list[tuple[str, str]] = []
        if job.default_graphs is not None:
            dataset = [("default-graph-uri", iri) for iri in job.default_graphs]
            dataset += [("named-graph-uri", iri) for iri in job.named_graphs or ()]
        elif job.union_default_graph:
            if self.dedicated and self.kind.union_parameter:
                dataset = [self.kind.union_parameter]
            elif self.kind.exclude_graphs:
                if names_graphs(text):
                    dataset = [("named-graph-uri", iri) for iri in sorted(self._graphs)]
                text = self.kind.exclude_graphs(sorted(self._others)) + text
            else:
                ordered = sorted(self._graphs)
                dataset = [("default-graph-uri", iri) for iri in ordered]
                dataset += [("named-graph-uri", iri) for iri in ordered]
        if job.timeout and self.kind.timeout_parameter:
            dataset.append(self.kind.timeout_parameter(job.timeout))
        return [("query", text), *dataset]

    def query(self, job: QueryJob) -> Answer:
        pyoxigraph.Store().query(job.text, base_iri=job.base_iri)  # its syntax, as Oxigraph reads
        params = self.as_sent(job)
        graph = _is_graph_result(job.media_type)
        accept = self.kind.graph_media_type if graph else self.kind.results_media_type
        limit = job.max_result_bytes * _ANSWER_ROOM if job.max_result_bytes else None
        # The query process is killed at the deadline; this only keeps it from waiting forever.
        timeout = (job.timeout or CONNECT_SECONDS) + 5
        response = self._send(params, accept, timeout, limit)
        if self.kind.partial_header and self.kind.partial_header in response.headers:
            raise StoreTooSlow(
                f"the store at {self.location} stopped the query at its time limit of "
                f"{job.timeout:g} s; its partial answer was refused"
            )
        return self._triples(response) if graph else self._solutions(response)

    def _solutions(self, response: Response) -> pyoxigraph.QuerySolutions | pyoxigraph.QueryBoolean:
        syntax = pyoxigraph.QueryResultsFormat.from_media_type(response.media_type)
        if syntax is None:
            raise StoreFailure(f"the store at {self.location} answered in {response.media_type}")
        try:
            parsed = pyoxigraph.parse_query_results(response.body, format=syntax)
        except SyntaxError as error:
            raise StoreFailure(
                f"the store at {self.location} sent unreadable results: {error}"
            ) from None
        return self.kind.read_results(parsed) if self.kind.read_results else parsed

    def _triples(self, response: Response) -> list[pyoxigraph.Triple]:
        syntax = pyoxigraph.RdfFormat.from_media_type(response.media_type)
        if syntax is None:
            raise StoreFailure(f"the store at {self.location} answered in {response.media_type}")
        try:
            return [
                quad.triple
                for quad in pyoxigraph.parse(response.body, format=syntax, rename_blank_nodes=True)
            ]
        except SyntaxError as error:
            raise StoreFailure(
                f"the store at {self.location} sent unreadable RDF: {error}"
            ) from None

    def dump(self, job: DumpJob) -> bytes:
        syntax = rdf_syntax(job.media_type)
        if job.graph is not None:
            return rdf_bytes(self._graph(job.graph), syntax, job.prefixes)
        return b"".join(self._graph_by_graph(syntax, job.prefixes))

    def _graph_by_graph(
        self, syntax: pyoxigraph.RdfFormat, prefixes: Mapping[str, str]
    ) -> Iterator[bytes]:
        """Every graph's quads in a syntax that keeps graphs, read and written one graph at a
        time (never the whole store as objects at once): the same bytes as all quads written
        together, since the prefixes that open each graph's part are kept only in the first."""
        opened = False
        for iri in sorted(self._graphs):
            name = pyoxigraph.NamedNode(iri)
            triples = self._graph(iri)
            quads = (pyoxigraph.Quad(t.subject, t.predicate, t.object, name) for t in triples)
            written = rdf_bytes(quads, syntax, prefixes)
            yield _PREFIX_LINES.sub(b"", written, count=1) if opened else written
            opened = opened or bool(written)

    def _graph(self, iri: str) -> list[pyoxigraph.Triple]:
        response = self._send(
            [("query", GRAPH_QUERY % iri)], self.kind.graph_media_type, DUMP_SECONDS
        )
        return self._triples(response)
