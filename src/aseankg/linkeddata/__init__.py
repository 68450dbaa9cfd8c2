"""Linked data: entity IRIs that dereference, ontology documentation, dumps, VoID, a context.

Everything here answers from the query engine or from the files the engine
was loaded from; the IRIs in the data stay canonical while pages link to
wherever the server runs (see ``iris``).
"""

from flask import Flask

from aseankg.linkeddata.views import documents, dumps, landing, resources, void


def register(app: Flask) -> None:
    """Add the linked-data blueprints to ``app``."""
    for module in (landing, resources, documents, dumps, void):
        app.register_blueprint(module.blueprint)
