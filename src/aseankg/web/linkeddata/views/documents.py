"""``/ontology`` and ``/shapes``: each document as HTML documentation or RDF, by negotiation.

Ontology term IRIs (``…/ontology#Term``) land on the term's entry in the
HTML; the version IRI answers with the same document while it is current.
"""

from flask import Blueprint, Response, abort

from aseankg.formats import TURTLE
from aseankg.web.linkeddata.documents import (
    Document,
    document_graph,
    document_html,
    ontology_document,
    shapes_document,
    version_iri,
)
from aseankg.web.linkeddata.iris import current_iri_map
from aseankg.web.linkeddata.representations import DOCUMENT_OFFERS, HTML, serialize
from aseankg.web.linkeddata.responses import negotiate, send
from aseankg.web.negotiation import by_suffix

blueprint = Blueprint("documents", __name__)


def _send(document: Document, extension: str | None) -> Response:
    offer = by_suffix(DOCUMENT_OFFERS, extension, f"<{document.iri}>") if extension else None
    representation = negotiate(DOCUMENT_OFFERS, offer)
    iri_map = current_iri_map()
    if representation is HTML:
        body: str | bytes = document_html(document, iri_map)
    elif representation is TURTLE:
        body = document.path.read_bytes()
    else:
        body = serialize(document_graph(document), representation)
    return send(
        body,
        representation,
        url=iri_map.served(str(document.iri)),
        offers=DOCUMENT_OFFERS,
        cache_key=("document", document.iri),
        iri=document.iri,
    )


@blueprint.get("/ontology")
@blueprint.get("/ontology.<extension>")
def ontology(extension: str | None = None) -> Response:
    return _send(ontology_document(), extension)


@blueprint.get("/ontology/<version>")
def ontology_version(version: str) -> Response:
    document = ontology_document()
    if current_iri_map().public(f"ontology/{version}") != version_iri(document):
        abort(404, description=f"ontology version '{version}' is not the one served here")
    return _send(document, None)


@blueprint.get("/shapes")
@blueprint.get("/shapes.<extension>")
def shapes(extension: str | None = None) -> Response:
    document = shapes_document()
    if document is None:
        abort(404, description="this server has no SHACL shapes document")
    return _send(document, extension)
