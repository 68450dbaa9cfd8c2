"""The canned-query API: the catalogue, each query as a GET endpoint, and its OpenAPI document.

``GET /api/queries/NAME?param=value`` binds the values as typed terms (see
``aseankg.canned``), runs the query through the same engine, guard and limits as
``/sparql``, and negotiates the result format the same way; a ``.csv``-style suffix
or ``format=`` picks one directly, and ``application/sparql-query`` (or ``.rq``)
returns the bound query instead of running it.
"""

from urllib.parse import urlencode

from flask import Blueprint, Flask, Response, current_app, jsonify, request, url_for
from werkzeug.exceptions import BadRequest, NotFound

from aseankg import bundle
from aseankg.canned import (
    QUERY_MEDIA_TYPE,
    Catalogue,
    Page,
    ParameterError,
    UnknownQuery,
    bind,
)
from aseankg.canned.decorators import MAX_PAGE_SIZE
from aseankg.canned.openapi import document
from aseankg.formats import Syntax, syntaxes_for
from aseankg.web.extension import current_engine
from aseankg.web.http_cache import conditional
from aseankg.web.negotiation import choose_format, mimetype_with_charset
from aseankg.web.settings import as_path

blueprint = Blueprint("api", __name__, url_prefix="/api")

_KEY = "aseankg.catalogue"
#: ``format=`` values and suffixes that ask for the bound query text.
_QUERY_TEXT_NAMES = ("rq", QUERY_MEDIA_TYPE)


def register(app: Flask) -> None:
    """Load and check the catalogue (a bad query file stops the app here) and mount the API."""
    directory = as_path(app.config["ASEANKG_QUERIES_DIR"]) or bundle.queries_dir()
    app.extensions[_KEY] = Catalogue.load(directory)
    app.register_blueprint(blueprint)


def current_catalogue() -> Catalogue:
    return current_app.extensions[_KEY]


def max_limit() -> int:
    """The largest page: the API's own bound, or the engine's row cap if that is lower."""
    return min(MAX_PAGE_SIZE, current_engine().limits.max_rows)


@blueprint.get("/queries")
def catalogue() -> Response:
    queries = [
        {**query.describe(), "url": url_for(".run", name=query.name)}
        for query in current_catalogue().values()
    ]
    return conditional(jsonify({"queries": queries}), "api-catalogue")


@blueprint.get("/openapi.json")
def openapi() -> Response:
    limit = max_limit()
    response = jsonify(document(current_catalogue(), max_limit=limit))
    return conditional(response, "api-openapi", str(limit))


def _wants_query_text(offers: tuple[Syntax, ...], override: str | None) -> bool:
    if override:
        return override in _QUERY_TEXT_NAMES
    accept = request.accept_mimetypes
    types = [offer.media_type for offer in offers]
    return bool(accept) and accept.best_match([*types, QUERY_MEDIA_TYPE]) == QUERY_MEDIA_TYPE


def _page_url(page: Page) -> str:
    arguments = request.args.copy()
    arguments["limit"] = str(page.limit)
    arguments["offset"] = str(page.offset)
    return f"{request.path}?{urlencode(list(arguments.items(multi=True)))}"


def _page_links(page: Page, solutions: int) -> list[str]:
    """RFC 8288 links to the neighbouring pages; "next" only after a full page."""
    links = []
    if solutions >= page.limit:
        links.append(f'<{_page_url(page.next())}>; rel="next"')
    previous = page.previous()
    if previous is not None:
        links.append(f'<{_page_url(previous)}>; rel="prev"')
    return links


def _format_argument() -> str | None:
    """``format=`` if given: once, and not empty (an empty one is a mistake, not a default)."""
    given = request.args.getlist("format")
    if len(given) > 1:
        raise BadRequest("parameter 'format': is given more than once")
    if given and not given[0]:
        raise BadRequest("parameter 'format': is empty")
    return given[0] if given else None


@blueprint.get("/queries/<name>")
@blueprint.get("/queries/<name>.<suffix>")
def run(name: str, suffix: str | None = None) -> Response:
    try:
        query = current_catalogue()[name]
    except UnknownQuery as error:
        raise NotFound(str(error)) from None
    override = suffix or _format_argument()
    pairs = [(key, value) for key, value in request.args.items(multi=True) if key != "format"]
    try:
        bound = bind(query, pairs, max_limit=max_limit())
    except ParameterError as error:
        raise BadRequest(str(error)) from None
    offers = syntaxes_for(query.form)
    if _wants_query_text(offers, override):
        response = Response(bound.text, content_type=mimetype_with_charset(QUERY_MEDIA_TYPE))
        media_type = QUERY_MEDIA_TYPE
    else:
        result_format = choose_format(offers, override)
        engine = current_engine()
        result = engine.execute(engine.prepare(bound.text), result_format)
        response = Response(
            result.payload, content_type=mimetype_with_charset(result_format.media_type)
        )
        if bound.page is not None:
            links = _page_links(bound.page, result.solution_count())
            if links:
                response.headers["Link"] = ", ".join(links)
        media_type = result_format.media_type
    response.vary.add("Accept")
    return conditional(response, "api-query", query.name, bound.text, media_type)
