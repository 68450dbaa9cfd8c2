"""What differs between store servers, one module per kind of store.

aseankg speaks SPARQL 1.1 to every store; a kind says only where a store departs
from the common ground or offers more: a request parameter for the union of its
named graphs, a time limit of its own, the formats it answers best in, the URLs
it takes updates and graphs at, and what it spells otherwise in its results.
"""

from aseankg.backends.kinds import oxigraph, sparql, virtuoso
from aseankg.backends.kinds.kind import Results, StoreKind

__all__ = ["NAMES", "Results", "StoreKind", "named", "recognise"]


def named(name: str) -> StoreKind:
    kinds = {kind.name: kind for kind in (oxigraph.KIND, virtuoso.KIND, sparql.KIND)}
    return kinds[name]


def recognise(server: str) -> StoreKind:
    """The kind of a store by its ``Server`` header; plain SPARQL 1.1 when unknown."""
    for kind in (oxigraph.KIND, virtuoso.KIND):
        if server.lower().startswith(kind.server.lower()):
            return kind
    return sparql.KIND


NAMES = ("oxigraph", "virtuoso", "sparql")
