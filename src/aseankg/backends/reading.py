"""Read the dataset's files graph by graph, for loading them into a store."""

from collections.abc import Iterable, Iterator

import pyoxigraph

from aseankg.errors import SourceError
from aseankg.sources.files import Source
from aseankg.sources.rdflib_dataset import OXIGRAPH_PARSE_ERRORS, oxigraph_error
from aseankg.sources.screening import screen


def by_graph(sources: Iterable[Source]) -> dict[str, list[Source]]:
    """The files of each named graph, graphs in the order the files first name them
    (the reference graph, say, is read from several files)."""
    graphs: dict[str, list[Source]] = {}
    for source in sources:
        graphs.setdefault(str(source.graph), []).append(source)
    return graphs


def triples(sources: Iterable[Source]) -> Iterator[pyoxigraph.Triple]:
    """The triples of ``sources``, each file screened first and parsed by Oxigraph."""
    for source in sources:
        screen(source)
        syntax = source.syntax.oxigraph
        assert isinstance(syntax, pyoxigraph.RdfFormat)  # a data file is in an RDF syntax
        try:
            for quad in pyoxigraph.parse(path=source.path, format=syntax):
                yield quad.triple
        except OXIGRAPH_PARSE_ERRORS as error:
            raise oxigraph_error(source.path, error) from error
        except OSError as error:
            raise SourceError(source.path, error.strerror or str(error)) from error
