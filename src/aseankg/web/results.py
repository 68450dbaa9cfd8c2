"""Query results as HTTP responses, the same on ``/sparql`` and ``/api``.

The response is in the negotiated format and varies with Accept, the ETag is computed from
the prepared query before anything runs (so a client that holds the result gets 304
without the query running again), and ``X-SPARQL-MaxRows`` says when the server's row
cap limited the query. A browser gets a page: the result read back from SPARQL JSON (or
N-Triples for graphs) as a table, framed by the view that asked (see ``ResultPage``).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from flask import Response, render_template, request

from aseankg.engine import PreparedQuery, QueryResult, Term
from aseankg.rdf.formats import Format, Syntax, syntaxes_for
from aseankg.web.conditional_requests import conditional
from aseankg.web.linkeddata.iris import current_iri_map
from aseankg.web.negotiation import content_type
from aseankg.web.result_view import result_view, source_syntax
from aseankg.web.site import current_caller, current_engine

#: Present when the server's row cap limits a query; the value is the cap (as Virtuoso does).
MAX_ROWS_HEADER = "X-SPARQL-MaxRows"


@dataclass(frozen=True)
class ResultPage:
    """How the view that ran a query frames its result for people: a template that shows
    ``result`` (a ``ResultView``) and ``formats``, and what else that template needs."""

    template: str
    context: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class FormatLink:
    """The same result in another format."""

    href: str
    label: str
    media_type: str


def mark_row_cap(response: Response, row_cap: int | None) -> None:
    """Say that the row cap limited what ``response`` holds, when it did."""
    if row_cap is not None:
        response.headers[MAX_ROWS_HEADER] = str(row_cap)


def format_links(syntaxes: Sequence[Syntax]) -> list[FormatLink]:
    """This request as a GET for each of ``syntaxes`` (a form POST's fields go in the URL)."""
    arguments = [(key, value) for key, value in request.values.items(multi=True) if key != "format"]
    here = current_iri_map().served_base + request.path.lstrip("/")
    return [
        FormatLink(
            f"{here}?{urlencode([*arguments, ('format', syntax.name)])}",
            syntax.label,
            syntax.media_type,
        )
        for syntax in syntaxes
    ]


def _page(result: QueryResult, prepared: PreparedQuery, page: ResultPage) -> str:
    row_cap = prepared.max_triples if result.truncated else prepared.row_cap
    view = result_view(result, prepared.form, current_iri_map(), row_cap)
    return render_template(
        page.template,
        result=view,
        formats=format_links(syntaxes_for(prepared.form)),
        **page.context,
    )


def result_response(
    prepared: PreparedQuery,
    chosen: Format,
    substitutions: Mapping[str, Term] | None = None,
    page: ResultPage | None = None,
) -> tuple[Response, QueryResult | None]:
    """The response for ``prepared`` in the negotiated format, and its result (None when
    the answer is 304). ``chosen`` is a syntax, or HTML when ``page`` says how to show it."""
    response = Response(content_type=content_type(chosen.media_type))
    response.vary.add("Accept")
    mark_row_cap(response, prepared.row_cap)
    syntax = chosen if isinstance(chosen, Syntax) else source_syntax(prepared.form)
    key = prepared.result_key(syntax, substitutions)
    if chosen is not syntax:
        # A page shows the request (the query, the values given) and links to where this
        # server is reached: both are part of what it is.
        key = (*key, chosen.media_type, current_iri_map().served_base, request.full_path)
    conditional(response, "result", *key)
    if response.status_code == 304:
        return response, None
    result = current_engine().execute(prepared, syntax, substitutions, current_caller())
    if result.truncated:  # a graph result cut in triples, whatever its LIMIT
        mark_row_cap(response, prepared.max_triples)
    if chosen is syntax:
        response.set_data(result.payload)
    elif page is not None:
        response.set_data(_page(result, prepared, page))
    else:
        raise ValueError(f"a result in {chosen.label} needs a page to frame it")
    return response, result
