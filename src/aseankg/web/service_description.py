"""The SPARQL 1.1 Service Description that ``GET /sparql`` returns when it carries no query.

Clients read it to learn what the endpoint offers: the query language, every
result format, that the default graph is the union of the named graphs, and the
named graphs themselves. A browser gets a small query page instead.
"""

from collections.abc import Iterable

from flask import Response, render_template, request, url_for
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from aseankg.formats import GRAPH_SYNTAXES, RDF_SYNTAXES, RESULT_SYNTAXES
from aseankg.namespaces import AK, FORMATS, SD
from aseankg.web.extension import current_engine
from aseankg.web.http_cache import conditional
from aseankg.web.negotiation import choose_format, mimetype_with_charset

HTML = "text/html"
#: The query page loads nothing from elsewhere and may only submit to this server.
PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'"

EXAMPLE_QUERY = f"""PREFIX ak: <{AK}>
PREFIX rdfs: <{RDFS}>

SELECT ?event ?label ?start WHERE {{
  ?event ak:startDate ?start ;
         rdfs:label ?label .
}}
ORDER BY ?start ?label
"""


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


def _prefers_html() -> bool:
    """True for a browser: text/html ranks above every RDF syntax (and no format= was given)."""
    offers = [offer.media_type for offer in GRAPH_SYNTAXES]
    return (
        not request.args.get("format")
        and request.accept_mimetypes.best_match([*offers, HTML]) == HTML
    )


def _query_page(endpoint: str) -> Response:
    engine = current_engine()
    page = render_template(
        "sparql/query.html",
        endpoint=endpoint,
        example=EXAMPLE_QUERY,
        graphs=sorted(engine.graphs),
        limits=engine.limits,
        solution_formats=RESULT_SYNTAXES,
        graph_formats=RDF_SYNTAXES,
        description_formats=GRAPH_SYNTAXES,
    )
    response = Response(page, content_type=mimetype_with_charset(HTML))
    response.headers["Content-Security-Policy"] = PAGE_POLICY
    return response


def service_description() -> Response:
    """The description in the negotiated RDF syntax, or the query page for a browser."""
    endpoint = url_for("sparql.endpoint", _external=True)
    if _prefers_html():
        response = _query_page(endpoint)
    else:
        chosen = choose_format(GRAPH_SYNTAXES, request.args.get("format"))
        body = describe(endpoint, current_engine().graphs).serialize(
            format=chosen.rdflib, encoding="utf-8"
        )
        response = Response(body, content_type=mimetype_with_charset(chosen.media_type))
        conditional(response, "service-description", endpoint, chosen.media_type)
    response.vary.add("Accept")
    return response
