"""The SPARQL 1.1 Service Description that ``GET /sparql`` returns when it carries no query.

Clients read it to learn what the endpoint offers: the query language, every
result format, that the default graph is the union of the named graphs, and the
named graphs themselves with their sizes. The dataset is the one the VoID
description describes (same IRI), and the description says where to read that.
"""

from flask import Response
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, VOID, XSD

from aseankg.rdf.formats import GRAPH_SYNTAXES, RDF_SYNTAXES, RESULT_SYNTAXES
from aseankg.rdf.namespaces import FORMATS, SD
from aseankg.web.conditional_requests import conditional
from aseankg.web.linkeddata.iris import current_iri_map
from aseankg.web.linkeddata.statistics import Statistics, statistics
from aseankg.web.linkeddata.void import DATASET, VOID_PATH
from aseankg.web.negotiation import choose_format, content_type, requested_formats


def _triples(value: int) -> Literal:
    return Literal(value, datatype=XSD.integer)


def describe(endpoint: str, counts: Statistics, void_url: str) -> Graph:
    """The description of the endpoint at ``endpoint`` serving the graphs ``counts`` counts,
    whose VoID description is at ``void_url``.

    Blank nodes get fixed labels so the same description always serializes to the same bytes.
    """
    description = Graph()
    description.bind("sd", SD)
    description.bind("formats", FORMATS)
    description.bind("void", VOID)
    service, default_graph = BNode("service"), BNode("default-graph")
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
    description.add((service, SD.defaultDataset, DATASET))
    description.add((DATASET, RDF.type, SD.Dataset))
    description.add((DATASET, RDFS.seeAlso, URIRef(void_url)))
    description.add((DATASET, SD.defaultGraph, default_graph))
    description.add((default_graph, RDF.type, SD.Graph))
    description.add(
        (default_graph, RDFS.comment, Literal("The union of all named graphs.", lang="en"))
    )
    description.add((default_graph, VOID.triples, _triples(counts.union_triples)))
    for number, count in enumerate(counts.graphs, start=1):
        named, graph = BNode(f"named-graph-{number}"), BNode(f"graph-{number}")
        description.add((DATASET, SD.namedGraph, named))
        description.add((named, RDF.type, SD.NamedGraph))
        description.add((named, SD.name, count.graph))
        description.add((named, SD.graph, graph))
        description.add((graph, RDF.type, SD.Graph))
        description.add((graph, VOID.triples, _triples(count.triples)))
    return description


def service_description(endpoint: str) -> Response:
    """The description of the endpoint at ``endpoint`` in the negotiated RDF syntax."""
    chosen = choose_format(GRAPH_SYNTAXES, requested_formats())
    void_url = current_iri_map().served_base + VOID_PATH
    body = describe(endpoint, statistics(), void_url).serialize(
        format=chosen.rdflib, encoding="utf-8"
    )
    response = Response(body, content_type=content_type(chosen.media_type))
    response.vary.add("Accept")
    return conditional(response, "service-description", endpoint, void_url, chosen.media_type)
