"""The result syntaxes the engine can write, with their media types and short names."""

from dataclasses import dataclass

import pyoxigraph


@dataclass(frozen=True)
class ResultFormat:
    """One serialization: ``name`` is the short form accepted by ``format=`` parameters."""

    name: str
    media_type: str
    oxigraph: pyoxigraph.QueryResultsFormat | pyoxigraph.RdfFormat
    aliases: tuple[str, ...] = ()
    also_accepts: tuple[str, ...] = ()
    """Generic media types a client may ask for instead (answered with ``media_type``)."""

    @property
    def is_graph(self) -> bool:
        return isinstance(self.oxigraph, pyoxigraph.RdfFormat)


_Q = pyoxigraph.QueryResultsFormat
_R = pyoxigraph.RdfFormat

#: Formats for SELECT and ASK results, the first being the default.
SOLUTION_FORMATS: tuple[ResultFormat, ...] = (
    ResultFormat(
        "json", "application/sparql-results+json", _Q.JSON, ("srj",), ("application/json",)
    ),
    ResultFormat("xml", "application/sparql-results+xml", _Q.XML, ("srx",)),
    ResultFormat("csv", "text/csv", _Q.CSV),
    ResultFormat("tsv", "text/tab-separated-values", _Q.TSV),
)

#: Formats for CONSTRUCT and DESCRIBE results (and RDF documents), the first being the default.
GRAPH_FORMATS: tuple[ResultFormat, ...] = (
    ResultFormat("ttl", "text/turtle", _R.TURTLE, ("turtle",)),
    ResultFormat("nt", "application/n-triples", _R.N_TRIPLES, ("ntriples",)),
    ResultFormat("jsonld", "application/ld+json", _R.JSON_LD, ("json-ld",), ("application/json",)),
    ResultFormat("rdfxml", "application/rdf+xml", _R.RDF_XML, ("rdf", "xml", "rdf+xml")),
    ResultFormat("trig", "application/trig", _R.TRIG),
    ResultFormat("nq", "application/n-quads", _R.N_QUADS, ("nquads",)),
)

GRAPH_FORMS = frozenset({"CONSTRUCT", "DESCRIBE"})


def formats_for(form: str) -> tuple[ResultFormat, ...]:
    """The formats a query of this form (SELECT, ASK, CONSTRUCT, DESCRIBE) can be written in."""
    return GRAPH_FORMATS if form in GRAPH_FORMS else SOLUTION_FORMATS


def by_name(form: str, name: str) -> ResultFormat | None:
    """Look a short name or alias up among the formats of ``form``."""
    for candidate in formats_for(form):
        if name == candidate.name or name in candidate.aliases:
            return candidate
    return None
