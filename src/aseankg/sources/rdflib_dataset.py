"""Build the aseankg Dataset from files, with errors that point at file and line."""

import re
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph
from rdflib import Dataset, Graph

from aseankg.errors import SourceError
from aseankg.rdf.formats import JSON_LD
from aseankg.rdf.namespaces import bind_prefixes
from aseankg.rdf.terms import Terms
from aseankg.sources import bundle
from aseankg.sources.files import Source, dataset_sources
from aseankg.sources.screening import screen

#: Where a JSON-LD document names a context by IRI instead of holding it.
_REMOTE_CONTEXT = re.compile(r'"@context"\s*:\s*(?:\[\s*)?"')


#: What Oxigraph's parsers raise: SyntaxError, or MemoryError for an overlong term.
OXIGRAPH_PARSE_ERRORS = (SyntaxError, MemoryError)


def oxigraph_error(path: Path, error: SyntaxError | MemoryError) -> SourceError:
    """A SourceError for an Oxigraph parse failure.

    A SyntaxError names the line. A MemoryError is Oxigraph refusing one term (an IRI,
    a string) longer than its parse buffer of 16 MiB, and does not say where.
    """
    if isinstance(error, SyntaxError):
        return SourceError(path, str(error), error.lineno)
    return SourceError(path, f"a term too long to parse ({error} bytes)")


def _locate(source: Source, rdflib_error: Exception) -> SourceError:
    """Turn a parse failure into a SourceError with a line number.

    rdflib's messages rarely carry a usable position, so the file is parsed
    again with Oxigraph's parser, whose errors always do.
    """
    try:
        with source.path.open("rb") as handle:
            for _ in pyoxigraph.parse(handle, format=source.syntax.oxigraph):
                pass
    except OXIGRAPH_PARSE_ERRORS as error:
        return oxigraph_error(source.path, error)
    line = getattr(rdflib_error, "lines", None)
    return SourceError(source.path, f"{type(rdflib_error).__name__}: {rdflib_error}", line)


def _remote_context_error(path: Path) -> SourceError:
    text = path.read_text(encoding="utf-8", errors="replace")
    found = _REMOTE_CONTEXT.search(text)
    line = text.count("\n", 0, found.start()) + 1 if found else None
    message = (
        "the @context is named by IRI; aseankg never fetches documents from the network, "
        "so put the context itself in the file"
    )
    return SourceError(path, message, line)


def _parse_json_ld(target: Graph, source: Source) -> None:
    """JSON-LD is read by Oxigraph, which refuses remote contexts where rdflib fetches them."""
    terms = Terms()
    try:
        quads = list(
            pyoxigraph.parse(
                path=source.path, format=JSON_LD.oxigraph, base_iri=source.path.resolve().as_uri()
            )
        )
    except OXIGRAPH_PARSE_ERRORS as error:
        if "LoadDocumentCallback" in str(error):
            raise _remote_context_error(source.path) from error
        raise oxigraph_error(source.path, error) from error
    for quad in quads:
        triple = (
            terms.to_rdflib(quad.subject),
            terms.to_rdflib(quad.predicate),
            terms.to_rdflib(quad.object),
        )
        graph = quad.graph_name
        if isinstance(graph, pyoxigraph.DefaultGraph) or not isinstance(target, Dataset):
            target.add(triple)
        else:
            target.graph(terms.to_rdflib(graph)).add(triple)


def parse_source(target: Graph, source: Source) -> None:
    """Parse one file into ``target``, raising SourceError on any failure.

    The file is screened first (see :mod:`aseankg.sources.screening`), so no parser sees a file
    that would crash or exhaust it.
    """
    screen(source)
    try:
        if source.syntax is JSON_LD:
            _parse_json_ld(target, source)
        else:
            target.parse(source.path, format=source.syntax.rdflib)
    except SourceError:
        raise
    except OSError as error:
        raise SourceError(source.path, error.strerror or str(error)) from error
    except Exception as error:
        raise _locate(source, error) from error


def new_dataset() -> Dataset:
    """An empty Dataset whose default graph is the union of its named graphs."""
    return bind_prefixes(Dataset(default_union=True))


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
