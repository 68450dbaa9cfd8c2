"""``/.well-known/void``: the VoID description of the dataset."""

from flask import Blueprint, Response
from rdflib import XSD, Literal

from aseankg.formats import GRAPH_SYNTAXES
from aseankg.web.linkeddata.dumps import last_modified
from aseankg.web.linkeddata.iris import current_iri_map
from aseankg.web.linkeddata.representations import serialize
from aseankg.web.linkeddata.responses import negotiate, send
from aseankg.web.linkeddata.statistics import statistics
from aseankg.web.linkeddata.void import void_graph
from aseankg.web.negotiation import by_suffix

blueprint = Blueprint("void", __name__)


@blueprint.get("/.well-known/void")
@blueprint.get("/.well-known/void.<extension>")
def void(extension: str | None = None) -> Response:
    offer = by_suffix(GRAPH_SYNTAXES, extension, "the VoID description") if extension else None
    representation = negotiate(GRAPH_SYNTAXES, offer)
    modified = Literal(last_modified().date().isoformat(), datatype=XSD.date)
    return send(
        serialize(void_graph(statistics(), modified), representation),
        representation,
        url=current_iri_map().served_base + ".well-known/void",
        offers=GRAPH_SYNTAXES,
        cache_key=("void",),
    )
