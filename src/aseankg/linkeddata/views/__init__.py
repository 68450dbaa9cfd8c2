"""The blueprints of the linked-data face: one per concern."""

from flask import Flask


def register(app: Flask) -> None:
    """Add the linked-data blueprints to ``app``."""
    # Imported here, not at the top: the views use ``aseankg.web``, whose package
    # imports the app factory, which calls this function.
    from aseankg.linkeddata.views import documents, dumps, landing, resources, void

    for module in (landing, resources, documents, dumps, void):
        app.register_blueprint(module.blueprint)
