"""Load the dataset's files into an in-memory Oxigraph store, the query engine's backend."""

from collections.abc import Iterable

import pyoxigraph

from aseankg.dataset import SourceError
from aseankg.layout import Source


def load_store(sources: Iterable[Source]) -> pyoxigraph.Store:
    """Parse every file straight into its named graph, without going through rdflib."""
    store = pyoxigraph.Store()
    for source in sources:
        try:
            store.bulk_load(
                path=source.path,
                format=source.syntax.oxigraph,
                to_graph=pyoxigraph.NamedNode(str(source.graph)),
            )
        except SyntaxError as error:
            raise SourceError(source.path, str(error), error.lineno) from error
        except OSError as error:
            raise SourceError(source.path, error.strerror or str(error)) from error
    return store
