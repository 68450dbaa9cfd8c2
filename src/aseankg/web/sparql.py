"""The SPARQL 1.1 Protocol endpoint at ``/sparql``.

A query arrives in one of the protocol's three forms (GET, form POST, direct
POST), is checked and run by the engine, and is answered in the negotiated
format; a GET without a query gets the service description. Refusals and
failures become statuses in ``errors``; this module only reads requests and
shapes responses.
"""

import codecs
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import NoReturn
from urllib.parse import parse_qs

from flask import Blueprint, Response, request, url_for
from werkzeug.datastructures import MIMEAccept, MultiDict
from werkzeug.exceptions import (
    BadRequest,
    RequestEntityTooLarge,
    UnsupportedMediaType,
)

from aseankg.engine import EngineError
from aseankg.engine.errors import READ_ONLY, UpdateRefused
from aseankg.rdf.formats import (
    GRAPH_FORMS,
    JSON_LD,
    RDF_SYNTAXES,
    RESULT_SYNTAXES,
    TURTLE,
    Format,
    find,
    names,
    result_offers,
)
from aseankg.web.linkeddata.iris import current_iri_map
from aseankg.web.negotiation import choose_format
from aseankg.web.query_page import query_page, wants_page
from aseankg.web.results import ResultPage, result_response
from aseankg.web.service_description import service_description
from aseankg.web.site import current_engine

blueprint = Blueprint("sparql", __name__)

FORM = "application/x-www-form-urlencoded"
DIRECT_QUERY = "application/sparql-query"
DIRECT_UPDATE = "application/sparql-update"

#: How rdflib names a dataset's default graph (``Dataset(default_union=False)`` sends it as
#: ``default-graph-uri``); here it names this endpoint's default graph, the union of all.
RDFLIB_DEFAULT_GRAPH = "urn:x-rdflib:default"

#: ``format=`` values that SPARQL clients send for a graph result under other names:
#: SPARQLWrapper's ``n3`` (Turtle is the part of N3 that RDF needs) and ``json`` (JSON-LD).
GRAPH_FORMAT_NAMES = {"n3": TURTLE, "json": JSON_LD}

#: What the result of each query form is, for messages.
RESULT_KINDS = {
    "SELECT": "a table of solutions",
    "ASK": "a boolean",
    "CONSTRUCT": "a graph",
    "DESCRIBE": "a graph",
}

#: Charsets a direct POST body may declare: the protocol's UTF-8, and ASCII, a part of it.
_UTF8_NAMES = frozenset({"utf-8", "ascii"})


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
            f"the request body is larger than {request.max_content_length} bytes; "
            f"queries may be at most {current_engine().limits.max_query_length} characters long"
        ) from None


def _is_utf8(charset: str) -> bool:
    try:
        return codecs.lookup(charset).name in _UTF8_NAMES
    except LookupError:
        return False


def _direct_query() -> str:
    """The body of an ``application/sparql-query`` POST, which the protocol sends as UTF-8."""
    charset = request.mimetype_params.get("charset", "utf-8")
    if not _is_utf8(charset):
        raise BadRequest(
            f"the query body is not UTF-8: its Content-Type says charset={charset}, and "
            "SPARQL queries are sent in UTF-8"
        )
    with _body_within_limit():
        body = request.get_data(cache=True)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BadRequest(
            f"the query body is not valid utf-8 text: byte {error.start + 1} cannot be read "
            "as UTF-8, and SPARQL queries are sent in UTF-8"
        ) from None


def _refuse_body() -> NoReturn:
    """Refuse a POST body the protocol does not define: as an update when it holds one
    (an ``update`` field, update text), since no media type would make it welcome."""
    what = f"a {request.mimetype} body" if request.mimetype else "a body without a Content-Type"
    with _body_within_limit():
        body = request.get_data(cache=True).decode("utf-8", "replace")
    if "update" in parse_qs(body):
        raise UpdateRefused(f"{what} that holds an 'update' field: {READ_ONLY}")
    try:
        current_engine().prepare(body)
    except UpdateRefused as refusal:
        raise UpdateRefused(f"{what} that holds {refusal}") from None
    except EngineError:
        pass
    raise UnsupportedMediaType(
        f"a query is sent as {FORM} or {DIRECT_QUERY}, "
        f"not {request.mimetype or 'a body without a Content-Type'}"
    )


def _parameters() -> MultiDict[str, str]:
    """The protocol parameters: the query string, plus the body of a form POST."""
    with _body_within_limit():
        return request.values


def read_query_request() -> QueryRequest | None:
    """The query this request carries, or None for a GET without one (it asks about the service).

    Raises 415 for a body the protocol does not define, 403 for any form of SPARQL
    Update, and 400 for a request with no query or more than one, or a direct POST body
    that is not UTF-8.
    """
    texts: list[str] = []
    if request.method == "POST":
        if request.mimetype == DIRECT_UPDATE:
            raise UpdateRefused(f"a {DIRECT_UPDATE} body: {READ_ONLY}")
        if request.mimetype == DIRECT_QUERY:
            texts.append(_direct_query())
        elif request.mimetype != FORM:
            _refuse_body()
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


def protocol_dataset(
    default_graphs: Sequence[str], named_graphs: Sequence[str]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The default and named graphs a request names, with rdflib's name for the default
    graph read as this endpoint's default graph: the union of all graphs, as if no dataset
    were given when nothing else is named."""
    if RDFLIB_DEFAULT_GRAPH not in default_graphs:
        return tuple(default_graphs), tuple(named_graphs)
    others = [graph for graph in default_graphs if graph != RDFLIB_DEFAULT_GRAPH]
    if not (others or named_graphs):
        return (), ()
    return tuple(sorted(current_engine().graphs)), tuple(named_graphs)


def _names_offer(offers: Sequence[Format], value: str) -> bool:
    return any(find(offers, item) for item in value.split(","))


def _accept_names(offers: Sequence[Format]) -> bool:
    """Whether the Accept header names one of ``offers`` by its own type, not by a wildcard."""
    named = MIMEAccept([(value, q) for value, q in request.accept_mimetypes if "*" not in value])
    types = [offer.media_type for offer in offers] + [
        generic for offer in offers for generic in offer.also_accepts
    ]
    return named.best_match(types) is not None


def result_formats(form: str, values: Sequence[str]) -> tuple[str, ...]:
    """The ``format=`` values to honour for a result of a ``form`` query.

    SPARQLWrapper's names for graph formats are read as this server's (see
    ``GRAPH_FORMAT_NAMES``); a value that names nothing offered gives way to an Accept
    header that names an offer, as SPARQLWrapper sends both. A value that names a format
    of the other kind of result is refused with the reason.
    """
    offers = result_offers(form)
    if form in GRAPH_FORMS:
        values = [
            GRAPH_FORMAT_NAMES[key].name
            if (key := value.strip().lower()) in GRAPH_FORMAT_NAMES
            else value
            for value in values
        ]
    unknown = [value for value in values if value.strip() and not _names_offer(offers, value)]
    if unknown and _accept_names(offers):
        return tuple(value for value in values if value not in unknown)
    other_kind = RESULT_SYNTAXES if form in GRAPH_FORMS else RDF_SYNTAXES
    for value in unknown:
        syntax = GRAPH_FORMAT_NAMES.get(value.strip().lower()) or next(
            filter(None, (find(other_kind, item) for item in value.split(","))), None
        )
        if syntax is not None:
            raise BadRequest(
                f"format '{value}' is not available here; choose one of: {names(offers)} "
                f"({syntax.label} cannot hold the result of a {form} query, which is "
                f"{RESULT_KINDS[form]})"
            )
    return tuple(values)


@blueprint.route("/sparql", methods=["GET", "POST"])
def endpoint() -> Response:
    """Answer a SPARQL query, or describe the service when there is none.

    Relative IRIs in a query resolve against the endpoint's URL, as the SPARQL protocol
    suggests and Oxigraph's server does.
    """
    asked = read_query_request()
    if asked is None:
        here = url_for("sparql.endpoint", _external=True)
        return query_page(here) if wants_page() else service_description(here)
    default_graphs, named_graphs = protocol_dataset(asked.default_graphs, asked.named_graphs)
    prepared = current_engine().prepare(
        asked.text,
        default_graphs=default_graphs,
        named_graphs=named_graphs,
        base_iri=current_iri_map().served_base + "sparql",
    )
    chosen = choose_format(
        result_offers(prepared.form), result_formats(prepared.form, asked.formats)
    )
    page = ResultPage("results/sparql.html", {"query": asked.text})
    response, _ = result_response(prepared, chosen, page=page)
    return response
