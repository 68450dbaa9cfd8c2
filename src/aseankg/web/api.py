"""The canned-query API: the catalogue, each query as a GET endpoint, and its OpenAPI document.

``GET /api/queries/NAME?param=value`` binds the values as typed terms (see
``aseankg.canned``), runs the query through the same engine, guard and limits as
``/sparql``, and negotiates the result format the same way; a ``.csv``-style suffix
or ``format=`` picks one directly, and ``application/sparql-query`` (or ``.rq``)
returns the bound query instead of running it.
"""

from urllib.parse import urlencode

from flask import (
    Blueprint,
    Response,
    jsonify,
    render_template,
    request,
    url_for,
)
from werkzeug.exceptions import BadRequest, NotFound

from aseankg.canned import (
    Catalogue,
    Page,
    ParameterError,
    UnknownQuery,
    bind,
)
from aseankg.canned.binding import largest_page
from aseankg.canned.openapi import document
from aseankg.rdf.formats import HTML, SPARQL_QUERY, Format, result_offers
from aseankg.web.canned_pages import fields
from aseankg.web.conditional_requests import conditional
from aseankg.web.editor import example_text
from aseankg.web.linkeddata.iris import current_iri_map
from aseankg.web.negotiation import by_suffix, choose_format, content_type, requested_formats
from aseankg.web.results import ResultPage, result_response
from aseankg.web.site import current_engine, current_site

blueprint = Blueprint("api", __name__, url_prefix="/api")

#: The catalogue as JSON for programs (the default), or as a gallery page for people.
CATALOGUE_JSON = Format(name="json", label="JSON", media_type="application/json", suffix=".json")


def current_catalogue() -> Catalogue:
    return current_site().catalogue


def max_limit() -> int:
    """The largest page: the API's own bound, or the engine's row cap if that is lower."""
    return largest_page(current_engine().limits.max_rows)


def _page_of(name: str) -> str:
    """Where the HTML page of canned query ``name`` is served."""
    return f"{current_iri_map().served_base}api/queries/{name}.html"


def _gallery() -> Response:
    limit = max_limit()
    items = [
        {
            "query": query,
            "fields": fields(query, {}),
            "run_url": _page_of(query.name),
            "text_url": url_for(".run", name=query.name, suffix="rq"),
            "example": example_text(query, limit),
        }
        for query in current_catalogue().values()
    ]
    body = render_template(
        "api/gallery.html",
        items=items,
        json_url=url_for(".catalogue", format="json"),
        openapi_url=url_for(".openapi"),
    )
    response = Response(body, content_type=content_type(HTML.media_type))
    response.vary.add("Accept")
    return conditional(response, "api-gallery", current_iri_map().served_base, str(limit))


@blueprint.get("/queries")
def catalogue() -> Response:
    if choose_format((CATALOGUE_JSON, HTML), requested_formats()) is HTML:
        return _gallery()
    queries = [
        {**query.describe(), "url": url_for(".run", name=query.name)}
        for query in current_catalogue().values()
    ]
    response = jsonify({"queries": queries})
    response.vary.add("Accept")
    return conditional(response, "api-catalogue")


@blueprint.get("/openapi.json")
def openapi() -> Response:
    """The document names the server it came from (the served base behind a proxy), so
    that a tool reading it calls the API where the document was found."""
    limit = max_limit()
    server = current_iri_map().served_base.rstrip("/")
    response = jsonify(document(current_catalogue(), max_limit=limit, server=server))
    return conditional(response, "api-openapi", str(limit), server)


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


@blueprint.get("/queries/<name>")
@blueprint.get("/queries/<name>.<suffix>")
def run(name: str, suffix: str | None = None) -> Response:
    try:
        query = current_catalogue()[name]
    except UnknownQuery as error:
        raise NotFound(str(error)) from None
    # The bound query itself is offered besides the result (.rq, format=rq, or by Accept).
    offers = (*result_offers(query.form), SPARQL_QUERY)
    named = by_suffix(offers, suffix, f"query '{name}'") if suffix else None
    chosen = choose_format(offers, requested_formats(), named)
    pairs = [(key, value) for key, value in request.args.items(multi=True) if key != "format"]
    if chosen is HTML:  # a form sends the fields left empty too: they mean "not given"
        pairs = [(key, value) for key, value in pairs if value]
    try:
        bound = bind(query, pairs, max_limit=max_limit())
    except ParameterError as error:
        raise BadRequest(str(error)) from None
    if chosen is SPARQL_QUERY:
        response = Response(bound.text, content_type=content_type(SPARQL_QUERY.media_type))
        response.vary.add("Accept")
        return conditional(response, "api-query-text", bound.text)
    page = bound.page
    previous = page and page.previous()
    framing = ResultPage(
        "api/result.html",
        {
            "query": query,
            "text": bound.text,
            "fields": fields(query, dict(pairs)),
            "run_url": _page_of(name),
            "page": page,
            "next_url": page and _page_url(page.next()),
            "previous_url": previous and _page_url(previous),
        },
    )
    response, result = result_response(current_engine().prepare(bound.text), chosen, page=framing)
    if result is not None and bound.page is not None:
        links = _page_links(bound.page, result.solution_count())
        if links:
            response.headers["Link"] = ", ".join(links)
    return response
