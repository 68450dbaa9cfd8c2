"""Build the aseankg Dataset from files, with errors that point at file and line."""

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph
from rdflib import Dataset, Graph

from aseankg import bundle
from aseankg.layout import Source, dataset_sources
from aseankg.namespaces import PREFIXES


class SourceError(Exception):
    """A file that cannot be read or parsed; ``str()`` reads ``path:line: message``."""

    def __init__(self, path: Path, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.message = message
        self.line = line

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.message}"


def _locate(source: Source, rdflib_error: Exception) -> SourceError:
    """Turn a parse failure into a SourceError with a line number.

    rdflib's messages rarely carry a usable position, so the file is parsed
    again with Oxigraph's parser, whose errors always do.
    """
    try:
        with source.path.open("rb") as handle:
            for _ in pyoxigraph.parse(handle, format=source.syntax.oxigraph):
                pass
    except SyntaxError as error:
        return SourceError(source.path, str(error), error.lineno)
    line = getattr(rdflib_error, "lines", None)
    return SourceError(source.path, f"{type(rdflib_error).__name__}: {rdflib_error}", line)


def parse_source(target: Graph, source: Source) -> None:
    """Parse one file into ``target``, raising SourceError on any failure."""
    try:
        target.parse(source.path, format=source.syntax.rdflib)
    except OSError as error:
        raise SourceError(source.path, error.strerror or str(error)) from error
    except Exception as error:
        raise _locate(source, error) from error


def new_dataset() -> Dataset:
    """An empty Dataset whose default graph is the union of its named graphs."""
    dataset = Dataset(default_union=True)
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace, replace=True)
    return dataset


def load_sources(sources: Iterable[Source]) -> Dataset:
    dataset = new_dataset()
    for source in sources:
        parse_source(dataset.graph(source.graph), source)
    return dataset


def load_dataset(data_dir: Path | None = None, ontology_dir: Path | None = None) -> Dataset:
    """The whole knowledge graph: ontology, reference data and one graph per story."""
    return load_sources(
        dataset_sources(data_dir or bundle.data_dir(), ontology_dir or bundle.ontology_dir())
    )
