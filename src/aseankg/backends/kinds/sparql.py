"""Any SPARQL 1.1 store: the protocol and nothing more.

Its default graph is whatever the store makes of it, so queries always name the
dataset's graphs (``default-graph-uri`` and ``named-graph-uri``). Updates and graphs
go where ``--update-url`` or ``--gsp-url`` say; no update is assumed atomic.
"""

from aseankg.backends.kinds.kind import StoreKind

KIND = StoreKind(name="sparql", server="")
