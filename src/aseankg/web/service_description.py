"""The SPARQL 1.1 Service Description that ``GET /sparql`` returns when it carries no query.

Clients read it to learn what the endpoint offers: the query language, every
result format, that the default graph is the union of the named graphs, and the
named graphs themselves.
"""

from collections.abc import Iterable

from flask import Response
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from aseankg.formats import GRAPH_SYNTAXES, RDF_SYNTAXES, RESULT_SYNTAXES
from aseankg.namespaces import FORMATS, SD
from aseankg.web.extension import current_engine
from aseankg.web.http_cache import conditional
from aseankg.web.negotiation import choose_format, content_type, requested_formats


def describe(endpoint: str, graphs: Iterable[str]) -> Graph:
    """The description of the endpoint at ``endpoint`` serving the named ``graphs``.

    Blank nodes get fixed labels so the same description always serializes to the same bytes.
    """
    description = Graph()
    description.bind("sd", SD)
    description.bind("formats", FORMATS)
    service, dataset, default_graph = BNode("service"), BNode("dataset"), BNode("default-graph")
    description.add((service, RDF.type, SD.Service))
    description.add((service, RDFS.label, Literal("aseankg SPARQL endpoint", lang="en")))
    description.add((service, SD.endpoint, URIRef(endpoint)))
    description.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    description.add((service, SD.feature, SD.UnionDefaultGraph))
    description.add(
        (service, SD.defaultEntailmentRegime, URIRef("http://www.w3.org/ns/entailment/Simple"))
    )
    for syntax in (*RESULT_SYNTAXES, *RDF_SYNTAXES):
        description.add((service, SD.resultFormat, syntax.w3c))
    description.add((service, SD.defaultDataset, dataset))
    description.add((dataset, RDF.type, SD.Dataset))
    description.add((dataset, SD.defaultGraph, default_graph))
    description.add((default_graph, RDF.type, SD.Graph))
    description.add(
        (default_graph, RDFS.comment, Literal("The union of all named graphs.", lang="en"))
    )
    for number, name in enumerate(sorted(graphs), start=1):
        named = BNode(f"named-graph-{number}")
        description.add((dataset, SD.namedGraph, named))
        description.add((named, RDF.type, SD.NamedGraph))
        description.add((named, SD.name, URIRef(name)))
    return description


def service_description(endpoint: str) -> Response:
    """The description of the endpoint at ``endpoint`` in the negotiated RDF syntax."""
    chosen = choose_format(GRAPH_SYNTAXES, requested_formats())
    body = describe(endpoint, current_engine().graphs).serialize(
        format=chosen.rdflib, encoding="utf-8"
    )
    response = Response(body, content_type=content_type(chosen.media_type))
    response.vary.add("Accept")
    return conditional(response, "service-description", endpoint, chosen.media_type)
