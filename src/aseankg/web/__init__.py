"""The web face of aseankg: a Flask app over the query engine."""

from aseankg.web.app import create_app
from aseankg.web.settings import Settings

__all__ = ["Settings", "create_app"]
