"""``/.well-known/void`` (the VoID description) and ``/context.jsonld`` (the JSON-LD context)."""

from flask import Blueprint, Response, abort, json
from rdflib import XSD, Literal

from aseankg.formats import GRAPH_SYNTAXES
from aseankg.linkeddata.context import dataset_context
from aseankg.linkeddata.iris import current_iri_map
from aseankg.linkeddata.representations import serialize
from aseankg.linkeddata.responses import negotiate, send, split_extension
from aseankg.linkeddata.statistics import statistics
from aseankg.linkeddata.views.dumps import last_modified
from aseankg.linkeddata.void import void_graph
from aseankg.web.http_cache import conditional

blueprint = Blueprint("void", __name__)


@blueprint.get("/.well-known/<name>")
def void(name: str) -> Response:
    stem, extension = split_extension(name, GRAPH_SYNTAXES)
    if stem != "void":
        abort(404, description=f"/.well-known/{name} is not served here")
    representation = negotiate(GRAPH_SYNTAXES, extension)
    iri_map = current_iri_map()
    modified = Literal(last_modified().date().isoformat(), datatype=XSD.date)
    graph = void_graph(statistics(iri_map.public_base + "id/"), iri_map.public_base, modified)
    return send(
        serialize(graph, representation),
        representation,
        url=iri_map.served_base + ".well-known/void",
        offers=GRAPH_SYNTAXES,
        cache_key=("void", iri_map.public_base),
    )


@blueprint.get("/context.jsonld")
def context() -> Response:
    body = json.dumps({"@context": dataset_context()}, indent=2)
    response = Response(body, content_type="application/ld+json; charset=utf-8")
    response.headers["Access-Control-Allow-Origin"] = "*"
    return conditional(response, "context")
