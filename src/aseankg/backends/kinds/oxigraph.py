"""The Oxigraph server (``oxigraph serve``): ``/query``, ``/update`` and ``/store``.

It keeps literals exactly as loaded. When it holds nothing but this dataset, queries
ask for its default graph as the union of its named graphs (``union-default-graph``),
which it answers much faster than a list of graphs; otherwise they list the graphs.
It has no time limit per request: a query past aseankg's limit is dropped by closing
its connection. One update request runs in one transaction, so a load stages its
graphs (as N-Quads posted to ``/store``, many graphs per request) and then moves them
all into place at once.
"""

from aseankg.backends.kinds.kind import StoreKind

KIND = StoreKind(
    name="oxigraph",
    server="Oxigraph",
    union_parameter=("union-default-graph", ""),
    update_path="update",
    gsp_path="store",
    takes_quads=True,
    atomic_update=True,
)
