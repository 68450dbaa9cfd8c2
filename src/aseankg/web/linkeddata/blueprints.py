"""The blueprints of the linked-data face, one per resource, registered here under one parent.

Every path the parent serves is the served form of a public IRI, so it first
checks that the request's path can be part of an IRI: a slug, suffix or file
name with a space, a control character or bytes that are not UTF-8 gets 404
before any view reads it (see ``IriMap.public``).
"""

from flask import Blueprint, Flask, request

from aseankg.web.linkeddata import (
    checks,
    context,
    dumps,
    entities,
    graphs,
    landing,
    ontology,
    void,
)
from aseankg.web.linkeddata.iris import current_iri_map

blueprint = Blueprint("linkeddata", __name__)
for module in (landing, entities, graphs, ontology, checks, dumps, void, context):
    blueprint.register_blueprint(module.blueprint)


@blueprint.before_request
def require_iri_path() -> None:
    """404 for a path that cannot be part of an IRI: no IRI, so nothing here, has that name."""
    current_iri_map().public(request.path)


def register(app: Flask) -> None:
    """Add the linked-data blueprints to ``app``."""
    app.register_blueprint(blueprint)
