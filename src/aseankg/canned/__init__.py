"""Canned queries: decorated ``queries/*.rq`` files with typed, injection-safe parameters.

The catalogue reads and checks the files; binding turns request values into RDF terms
and places them in the query; the OpenAPI module describes the result as an API. The
web blueprint and the ``aseankg query --canned`` command both use this package, so a
query behaves and fails the same way from either.
"""

from aseankg.canned.binding import BoundQuery, Page, bind
from aseankg.canned.catalogue import CannedQuery, Catalogue, load_query
from aseankg.canned.errors import CatalogueError, ParameterError, UnknownQuery

__all__ = [
    "BoundQuery",
    "CannedQuery",
    "Catalogue",
    "CatalogueError",
    "Page",
    "ParameterError",
    "UnknownQuery",
    "bind",
    "load_query",
]
