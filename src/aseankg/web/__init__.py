"""The web face of aseankg: a Flask app over the query engine."""

from aseankg.web.app import create_app

__all__ = ["create_app"]
