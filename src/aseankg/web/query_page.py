"""The query page a browser gets at ``GET /sparql`` without a query: a form, the limits, the
named graphs and links to the service description."""

from flask import Response, render_template, request
from rdflib.namespace import RDFS

from aseankg.formats import GRAPH_SYNTAXES, RDF_SYNTAXES, RESULT_SYNTAXES
from aseankg.namespaces import AK
from aseankg.web.extension import current_engine
from aseankg.web.http_cache import conditional
from aseankg.web.negotiation import content_type

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


def wants_page() -> bool:
    """True for a browser: text/html ranks above every RDF syntax (and no format= was given)."""
    offers = [offer.media_type for offer in GRAPH_SYNTAXES]
    return (
        "format" not in request.args
        and request.accept_mimetypes.best_match([*offers, HTML]) == HTML
    )


def query_page(endpoint: str) -> Response:
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
    response = Response(page, content_type=content_type(HTML))
    response.headers["Content-Security-Policy"] = PAGE_POLICY
    response.vary.add("Accept")
    return conditional(response, "query-page", endpoint)
