"""What differs between store servers, one module per kind of store.

aseankg speaks SPARQL 1.1 to every store; a kind says only where a store departs
from the common ground or offers more: a request parameter for the union of its
named graphs, a time limit of its own, the formats it answers best in, the URLs
it takes updates and graphs at, and what it spells otherwise in its results.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pyoxigraph

#: Solutions as the store sent them -> what SPARQL 1.1 says they are.
Results = pyoxigraph.QuerySolutions | pyoxigraph.QueryBoolean


@dataclass(frozen=True)
class StoreKind:
    name: str
    server: str
    """How the store's ``Server`` header starts, to recognise it."""
    union_parameter: tuple[str, str] | None = None
    """A query parameter making the default graph the union of the named graphs; used only
    when the store holds nothing but this dataset's graphs."""
    timeout_parameter: Callable[[float], tuple[str, str]] | None = None
    """The store's own time limit for a query, from seconds."""
    exclude_graphs: Callable[[list[str]], str] | None = None
    """A prologue that leaves the given graphs out of a query's default graph, for a store
    whose default graph is the union of all it holds."""
    partial_header: str | None = None
    """A response header by which the store says that it stopped a query at its time limit
    and answered with what it had found so far: such an answer is refused."""
    results_media_type: str = "application/sparql-results+json"
    graph_media_type: str = "application/n-triples"
    update_path: str | None = None
    """Where updates go, relative to the query URL's folder; None: give --update-url."""
    gsp_path: str | None = None
    """Where the Graph Store Protocol is, likewise; None: give --gsp-url."""
    gsp_graph_parameter: str = "graph"
    """The Graph Store Protocol's parameter naming a graph."""
    takes_quads: bool = False
    """A POST of N-Quads to its Graph Store Protocol URL, naming no graph, adds each quad to
    the graph it names: a load stages many graphs per request that way."""
    atomic_update: bool = False
    """One update request of several operations is applied whole or not at all."""
    read_results: Callable[[Results], Results] | None = None
    """Put right what the store spells otherwise in query results; None: nothing to."""


def named(name: str) -> StoreKind:
    from aseankg.backends.kinds import oxigraph, sparql, virtuoso

    kinds = {kind.name: kind for kind in (oxigraph.KIND, virtuoso.KIND, sparql.KIND)}
    return kinds[name]


def recognise(server: str) -> StoreKind:
    """The kind of a store by its ``Server`` header; plain SPARQL 1.1 when unknown."""
    from aseankg.backends.kinds import oxigraph, sparql, virtuoso

    for kind in (oxigraph.KIND, virtuoso.KIND):
        if server.lower().startswith(kind.server.lower()):
            return kind
    return sparql.KIND


NAMES = ("oxigraph", "virtuoso", "sparql")
