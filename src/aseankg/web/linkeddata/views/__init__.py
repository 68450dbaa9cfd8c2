"""The blueprints of the linked-data face: one per concern, under one parent.

Every path the parent serves is the served form of a public IRI, so it first
checks that the request's path can be part of an IRI: a slug, suffix or file
name with a space, a control character or bytes that are not UTF-8 gets 404
before any view reads it (see ``IriMap.public``).
"""

from flask import Blueprint, Flask, request

from aseankg.web.linkeddata.iris import current_iri_map
from aseankg.web.linkeddata.views import (
    checks,
    context,
    documents,
    dumps,
    graphs,
    landing,
    resources,
    void,
)

blueprint = Blueprint("linkeddata", __name__)
for module in (landing, resources, graphs, documents, checks, dumps, void, context):
    blueprint.register_blueprint(module.blueprint)


@blueprint.before_request
def require_iri_path() -> None:
    """404 for a path that cannot be part of an IRI: no IRI, so nothing here, has that name."""
    current_iri_map().public(request.path)


def register(app: Flask) -> None:
    """Add the linked-data blueprints to ``app``."""
    app.register_blueprint(blueprint)
