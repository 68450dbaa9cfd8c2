"""The blueprints of the linked-data face: one per concern."""

from flask import Flask

from aseankg.web.linkeddata.views import context, documents, dumps, landing, resources, void


def register(app: Flask) -> None:
    """Add the linked-data blueprints to ``app``."""
    for module in (landing, resources, documents, dumps, void, context):
        app.register_blueprint(module.blueprint)
