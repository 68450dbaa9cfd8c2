"""The blueprints of the linked-data face: one per concern."""

from flask import Flask

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


def register(app: Flask) -> None:
    """Add the linked-data blueprints to ``app``."""
    for module in (landing, resources, graphs, documents, checks, dumps, void, context):
        app.register_blueprint(module.blueprint)
