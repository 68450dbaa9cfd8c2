"""``/.well-known/void``: the VoID description of the dataset."""

from flask import Blueprint, Response
from rdflib import XSD, Literal

from aseankg.formats import GRAPH_SYNTAXES
from aseankg.web.linkeddata.about import about
from aseankg.web.linkeddata.dumps import last_modified
from aseankg.web.linkeddata.iris import current_iri_map
from aseankg.web.linkeddata.representations import serialize
from aseankg.web.linkeddata.responses import negotiate, send
from aseankg.web.linkeddata.statistics import exact_matches, statistics
from aseankg.web.linkeddata.void import VOID_PATH, WIKIDATA_ENTITIES, void_graph
from aseankg.web.negotiation import by_suffix

blueprint = Blueprint("void", __name__)


@blueprint.get(f"/{VOID_PATH}")
@blueprint.get(f"/{VOID_PATH}.<extension>")
def void(extension: str | None = None) -> Response:
    offer = by_suffix(GRAPH_SYNTAXES, extension, "the VoID description") if extension else None
    representation = negotiate(GRAPH_SYNTAXES, offer)
    served_base = current_iri_map().served_base
    graph = void_graph(
        statistics(),
        about(),
        served_base=served_base,
        modified=Literal(last_modified().date().isoformat(), datatype=XSD.date),
        wikidata_links=exact_matches(WIKIDATA_ENTITIES),
    )
    return send(
        serialize(graph, representation),
        representation,
        url=served_base + VOID_PATH,
        offers=GRAPH_SYNTAXES,
        cache_key=("void", served_base),
    )
