"""``/.well-known/void``: the VoID description of the dataset."""

from flask import Blueprint, Response, abort
from rdflib import XSD, Literal

from aseankg.formats import GRAPH_SYNTAXES
from aseankg.web.linkeddata.dumps import last_modified
from aseankg.web.linkeddata.iris import current_iri_map
from aseankg.web.linkeddata.representations import serialize
from aseankg.web.linkeddata.responses import negotiate, send, split_extension
from aseankg.web.linkeddata.statistics import statistics
from aseankg.web.linkeddata.void import void_graph

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
