"""Errors as RFC 9457 problem details, and which clients get them.

A program calling the canned-query API (a client generated from its OpenAPI document,
``curl``) sends ``Accept: */*`` or nothing and must still be able to read an error as
data, so under ``/api/`` problem details are the default. A client that prefers plain
text gets text, and so does a browser: it asks for HTML first, and a plain message reads
better there than JSON. Elsewhere (the SPARQL endpoint, the linked data) an error is text
unless JSON is preferred, as Fuseki and Oxigraph answer.
"""

from typing import Any

from flask import request
from werkzeug.http import HTTP_STATUS_CODES

from aseankg.web.linkeddata.iris import current_iri_map, url_path

PROBLEM_JSON = "application/problem+json"

#: Where an error is problem details unless the client prefers text.
API_PREFIX = "/api/"

#: RFC 9457's type for a problem that its status explains: the title is the status phrase.
BLANK_TYPE = "about:blank"

#: In order of preference on a tie: the first is what a client stating no preference gets.
_API_ORDER = [PROBLEM_JSON, "application/json", "text/plain", "text/html"]
_TEXT_ORDER = ["text/plain", PROBLEM_JSON, "application/json"]
_AS_JSON = (PROBLEM_JSON, "application/json")


def status_title(status: int) -> str:
    return HTTP_STATUS_CODES.get(status, "Error")


def wants_problem() -> bool:
    """Whether the current request's error goes out as problem details."""
    accept = request.accept_mimetypes
    if request.path.startswith(API_PREFIX):
        return accept.best_match(_API_ORDER, PROBLEM_JSON) in _AS_JSON
    return accept.best_match(_TEXT_ORDER) in _AS_JSON


def problem(status: int, detail: str) -> dict[str, Any]:
    """The problem details of an error of ``status`` in answer to the current request.

    ``instance`` is the URL that was asked for, where this server is reached (the served
    base behind a proxy), without the query string: which values were wrong, ``detail``
    says.
    """
    return {
        "type": BLANK_TYPE,
        "title": status_title(status),
        "status": status,
        "detail": detail,
        "instance": current_iri_map().served_base + url_path(request.path.lstrip("/")),
    }
