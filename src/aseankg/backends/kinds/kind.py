"""What a kind of store server says about itself: where it departs from SPARQL 1.1."""

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
