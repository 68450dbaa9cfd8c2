"""Every syntax aseankg reads or writes, in one table.

A row names a syntax the ways people and programs do (short name, aliases, media
type, file suffix), says which library writes it (rdflib's plugin name,
Oxigraph's format), gives W3C's IRI for it (for the service description and VoID)
and whether it can hold named graphs. Loading files, the engine, export and dumps,
linked-data responses, the service description and VoID all read this table, so a
name that works in one place works in all of them.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

import pyoxigraph
from rdflib import URIRef

from aseankg.rdf.namespaces import FORMATS


@dataclass(frozen=True, kw_only=True)
class Format:
    """Something a response or file can be written as (an RDF syntax, a result syntax, HTML)."""

    name: str
    """The short name: the ``format=`` value, and what ``aseankg`` options take."""
    label: str
    """The syntax's name for people."""
    media_type: str
    suffix: str
    """The file suffix, with its dot."""
    aliases: tuple[str, ...] = ()
    also_accepts: tuple[str, ...] = ()
    """Generic media types a client may ask for instead (answered with ``media_type``)."""

    def matches(self, token: str) -> bool:
        """True when ``token`` names this format: name, alias, media type or suffix."""
        token = token.strip().lower()
        return token in (self.name, self.media_type, self.suffix.lstrip("."), *self.aliases)


@dataclass(frozen=True, kw_only=True)
class Syntax(Format):
    """An RDF syntax or a SPARQL results syntax: what both kinds have."""

    oxigraph: pyoxigraph.RdfFormat | pyoxigraph.QueryResultsFormat
    rdflib: str
    """rdflib's parser and serializer name."""
    w3c: URIRef
    """The syntax's IRI in W3C's ``http://www.w3.org/ns/formats/``."""
    keeps_graphs: bool = False
    """The syntax can hold named graphs (TriG, N-Quads, JSON-LD)."""

    @property
    def is_graph(self) -> bool:
        """An RDF syntax (CONSTRUCT and DESCRIBE results, RDF files), not a results syntax."""
        return isinstance(self, RdfSyntax)


@dataclass(frozen=True, kw_only=True)
class RdfSyntax(Syntax):
    """A syntax of RDF graphs and datasets: files, CONSTRUCT and DESCRIBE results."""

    oxigraph: pyoxigraph.RdfFormat


@dataclass(frozen=True, kw_only=True)
class ResultsSyntax(Syntax):
    """A syntax of SPARQL SELECT and ASK results."""

    oxigraph: pyoxigraph.QueryResultsFormat


_R = pyoxigraph.RdfFormat
_Q = pyoxigraph.QueryResultsFormat

TURTLE = RdfSyntax(
    name="ttl",
    label="Turtle",
    media_type="text/turtle",
    suffix=".ttl",
    aliases=("turtle",),
    oxigraph=_R.TURTLE,
    rdflib="turtle",
    w3c=FORMATS.Turtle,
)
N_TRIPLES = RdfSyntax(
    name="nt",
    label="N-Triples",
    media_type="application/n-triples",
    suffix=".nt",
    aliases=("ntriples", "n-triples"),
    oxigraph=_R.N_TRIPLES,
    rdflib="nt",
    w3c=FORMATS["N-Triples"],
)
JSON_LD = RdfSyntax(
    name="jsonld",
    label="JSON-LD",
    media_type="application/ld+json",
    suffix=".jsonld",
    aliases=("json-ld",),
    also_accepts=("application/json",),
    oxigraph=_R.JSON_LD,
    rdflib="json-ld",
    w3c=FORMATS["JSON-LD"],
    keeps_graphs=True,
)
RDF_XML = RdfSyntax(
    name="rdfxml",
    label="RDF/XML",
    media_type="application/rdf+xml",
    suffix=".rdf",
    aliases=("xml", "rdf+xml"),
    oxigraph=_R.RDF_XML,
    rdflib="xml",
    w3c=FORMATS.RDF_XML,
)
TRIG = RdfSyntax(
    name="trig",
    label="TriG",
    media_type="application/trig",
    suffix=".trig",
    oxigraph=_R.TRIG,
    rdflib="trig",
    w3c=FORMATS.TriG,
    keeps_graphs=True,
)
N_QUADS = RdfSyntax(
    name="nq",
    label="N-Quads",
    media_type="application/n-quads",
    suffix=".nq",
    aliases=("nquads", "n-quads"),
    oxigraph=_R.N_QUADS,
    rdflib="nquads",
    w3c=FORMATS["N-Quads"],
    keeps_graphs=True,
)

#: RDF syntaxes, the first being the default for CONSTRUCT and DESCRIBE results.
RDF_SYNTAXES: tuple[RdfSyntax, ...] = (TURTLE, N_TRIPLES, JSON_LD, RDF_XML, TRIG, N_QUADS)
#: What a document of one graph is offered in (the ontology, VoID, the service description):
#: TriG and N-Quads would add nothing but the graph name.
GRAPH_SYNTAXES: tuple[RdfSyntax, ...] = (TURTLE, N_TRIPLES, JSON_LD, RDF_XML)

SPARQL_JSON = ResultsSyntax(
    name="json",
    label="SPARQL JSON",
    media_type="application/sparql-results+json",
    suffix=".json",
    aliases=("srj",),
    also_accepts=("application/json",),
    oxigraph=_Q.JSON,
    rdflib="json",
    w3c=FORMATS.SPARQL_Results_JSON,
)
SPARQL_XML = ResultsSyntax(
    name="xml",
    label="SPARQL XML",
    media_type="application/sparql-results+xml",
    suffix=".xml",
    aliases=("srx",),
    oxigraph=_Q.XML,
    rdflib="xml",
    w3c=FORMATS.SPARQL_Results_XML,
)
SPARQL_CSV = ResultsSyntax(
    name="csv",
    label="CSV",
    media_type="text/csv",
    suffix=".csv",
    oxigraph=_Q.CSV,
    rdflib="csv",
    w3c=FORMATS.SPARQL_Results_CSV,
)
SPARQL_TSV = ResultsSyntax(
    name="tsv",
    label="TSV",
    media_type="text/tab-separated-values",
    suffix=".tsv",
    oxigraph=_Q.TSV,
    rdflib="tsv",
    w3c=FORMATS.SPARQL_Results_TSV,
)

#: SPARQL results syntaxes for SELECT and ASK, the first being the default.
RESULT_SYNTAXES: tuple[ResultsSyntax, ...] = (SPARQL_JSON, SPARQL_XML, SPARQL_CSV, SPARQL_TSV)

#: SPARQL query text: a canned query with its values bound, a structural check.
SPARQL_QUERY = Format(
    name="rq", label="SPARQL query", media_type="application/sparql-query", suffix=".rq"
)

#: A page for people: query results and linked-data resources rendered as HTML.
#: A page also answers XHTML's media type, which some browsers and crawlers send alone or first.
#: It still goes out as ``text/html``: the pages are HTML in HTML syntax, and a browser told
#: ``application/xhtml+xml`` reads them with an XML parser, which stops at the first thing XML
#: does not allow (``<!doctype html>`` in lower case, pyLODE's unclosed tags).
HTML = Format(
    name="html",
    label="HTML",
    media_type="text/html",
    suffix=".html",
    aliases=("htm",),
    also_accepts=("application/xhtml+xml",),
)

#: Query forms whose result is a graph.
GRAPH_FORMS = frozenset({"CONSTRUCT", "DESCRIBE"})

F = TypeVar("F", bound=Format)


def syntaxes_for(form: str) -> tuple[Syntax, ...]:
    """The syntaxes a query of this form (SELECT, ASK, CONSTRUCT, DESCRIBE) can be written in."""
    return RDF_SYNTAXES if form in GRAPH_FORMS else RESULT_SYNTAXES


def result_offers(form: str) -> tuple[Format, ...]:
    """What a query's result is offered in over HTTP: its syntaxes, then a page for people
    (last, so that a client with no preference gets the first syntax)."""
    return (*syntaxes_for(form), HTML)


def find(formats: Iterable[F], token: str) -> F | None:
    """The format among ``formats`` that ``token`` names (see ``Format.matches``), if any."""
    return next((candidate for candidate in formats if candidate.matches(token)), None)


def names(formats: Iterable[Format]) -> str:
    """``ttl, nt, jsonld``: the short names, for messages and help texts."""
    return ", ".join(candidate.name for candidate in formats)
