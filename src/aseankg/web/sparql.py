"""The SPARQL 1.1 Protocol endpoint at ``/sparql``.

A query arrives in one of the protocol's three forms (GET, form POST, direct
POST), is checked and run by the engine, and is answered in the negotiated
format; a GET without a query gets the service description. Refusals and
failures become statuses in ``errors``; this module only reads requests and
shapes responses.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from flask import Blueprint, Response, current_app, request, url_for
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import (
    BadRequest,
    RequestEntityTooLarge,
    UnsupportedMediaType,
)

from aseankg.engine.errors import READ_ONLY, UpdateRefused
from aseankg.formats import result_offers
from aseankg.web.extension import current_engine
from aseankg.web.negotiation import choose_format
from aseankg.web.query_page import query_page, wants_page
from aseankg.web.results import ResultPage, result_response
from aseankg.web.service_description import service_description

blueprint = Blueprint("sparql", __name__)

FORM = "application/x-www-form-urlencoded"
DIRECT_QUERY = "application/sparql-query"
DIRECT_UPDATE = "application/sparql-update"


@dataclass(frozen=True)
class QueryRequest:
    """What a protocol request asks for, whichever of the three forms it came in."""

    text: str
    default_graphs: tuple[str, ...]
    named_graphs: tuple[str, ...]
    formats: tuple[str, ...]
    """The ``format=`` values, which override Accept."""


@contextmanager
def _body_within_limit() -> Iterator[None]:
    """Explain a 413 for an oversized body in terms of the query length limit."""
    try:
        yield
    except RequestEntityTooLarge:
        raise RequestEntityTooLarge(
            f"the request body is larger than {current_app.config['MAX_CONTENT_LENGTH']} bytes; "
            f"queries may be at most {current_engine().limits.max_query_length} characters long"
        ) from None


def _direct_query() -> str:
    """The body of an ``application/sparql-query`` POST, decoded as its charset says."""
    charset = request.mimetype_params.get("charset", "utf-8")
    with _body_within_limit():
        body = request.get_data(cache=True)
    try:
        return body.decode(charset)
    except (LookupError, UnicodeDecodeError):
        raise BadRequest(f"the query body is not valid {charset} text") from None


def _parameters() -> MultiDict[str, str]:
    """The protocol parameters: the query string, plus the body of a form POST."""
    with _body_within_limit():
        return request.values


def read_query_request() -> QueryRequest | None:
    """The query this request carries, or None for a GET without one (it asks about the service).

    Raises 415 for a body the protocol does not define, 403 for any form of SPARQL
    Update, and 400 for a request with no query or more than one.
    """
    texts: list[str] = []
    if request.method == "POST":
        if request.mimetype == DIRECT_UPDATE:
            raise UpdateRefused(f"a {DIRECT_UPDATE} body: {READ_ONLY}")
        if request.mimetype == DIRECT_QUERY:
            texts.append(_direct_query())
        elif request.mimetype != FORM:
            raise UnsupportedMediaType(
                f"a query is sent as {FORM} or {DIRECT_QUERY}, "
                f"not {request.mimetype or 'a body without a Content-Type'}"
            )
    parameters = _parameters()
    if "update" in parameters:
        raise UpdateRefused(f"the 'update' parameter: {READ_ONLY}")
    texts.extend(parameters.getlist("query"))
    if not texts:
        if request.method != "POST":
            return None
        raise BadRequest(f"no query: send it in the 'query' parameter or as an {DIRECT_QUERY} body")
    if len(texts) > 1:
        raise BadRequest(f"one query per request, but this one carries {len(texts)}")
    return QueryRequest(
        text=texts[0],
        default_graphs=tuple(parameters.getlist("default-graph-uri")),
        named_graphs=tuple(parameters.getlist("named-graph-uri")),
        formats=tuple(parameters.getlist("format")),
    )


@blueprint.route("/sparql", methods=["GET", "POST"])
def endpoint() -> Response:
    """Answer a SPARQL query, or describe the service when there is none."""
    asked = read_query_request()
    if asked is None:
        here = url_for("sparql.endpoint", _external=True)
        return query_page(here) if wants_page() else service_description(here)
    prepared = current_engine().prepare(
        asked.text, default_graphs=asked.default_graphs, named_graphs=asked.named_graphs
    )
    chosen = choose_format(result_offers(prepared.form), asked.formats)
    page = ResultPage("results/sparql.html", {"query": asked.text})
    response, _ = result_response(prepared, chosen, page=page)
    return response
