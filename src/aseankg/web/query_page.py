"""The query page a browser gets at ``GET /sparql`` without a query: the query editor, with a
plain form for browsers without JavaScript, the limits, the named graphs and links to the
service description."""

from flask import Response, render_template, request

from aseankg.rdf.formats import GRAPH_SYNTAXES, HTML, RDF_SYNTAXES, RESULT_SYNTAXES
from aseankg.web.api import current_catalogue, max_limit
from aseankg.web.conditional_requests import conditional
from aseankg.web.editor import EXAMPLE_PREFIXES, editor_config, example_query
from aseankg.web.linkeddata.iris import current_iri_map
from aseankg.web.negotiation import content_type
from aseankg.web.site import current_engine


def wants_page() -> bool:
    """True for a browser: text/html ranks above every RDF syntax (and no format= was given)."""
    offers = [offer.media_type for offer in GRAPH_SYNTAXES]
    pages = [HTML.media_type, *HTML.also_accepts]
    return (
        "format" not in request.args
        and request.accept_mimetypes.best_match([*offers, *pages]) in pages
    )


def query_page(endpoint: str) -> Response:
    engine = current_engine()
    iri_map = current_iri_map()
    catalogue = current_catalogue()
    page = render_template(
        "sparql/query.html",
        endpoint=endpoint,
        example=example_query(EXAMPLE_PREFIXES),
        editor=editor_config(endpoint, iri_map, catalogue, max_limit()),
        graphs=sorted(engine.graphs),
        limits=engine.limits,
        solution_formats=RESULT_SYNTAXES,
        graph_formats=RDF_SYNTAXES,
        description_formats=GRAPH_SYNTAXES,
    )
    response = Response(page, content_type=content_type(HTML.media_type))
    response.vary.add("Accept")
    return conditional(response, "query-page", endpoint, iri_map.served_base)
