"""Query results as HTTP responses, the same on ``/sparql`` and ``/api``.

The response is in the negotiated syntax and varies with Accept, the ETag is computed from
the prepared query before anything runs (so a client that holds the result gets 304
without the query running again), and ``X-SPARQL-MaxRows`` says when the server's row
cap limited the query.
"""

from collections.abc import Mapping

from flask import Response

from aseankg.engine import PreparedQuery, QueryResult, Term
from aseankg.formats import Syntax
from aseankg.web.extension import current_engine
from aseankg.web.http_cache import conditional
from aseankg.web.negotiation import content_type

#: Present when the server's row cap limits a query; the value is the cap (as Virtuoso does).
MAX_ROWS_HEADER = "X-SPARQL-MaxRows"


def mark_row_cap(response: Response, row_cap: int | None) -> None:
    """Say that the row cap limited what ``response`` holds, when it did."""
    if row_cap is not None:
        response.headers[MAX_ROWS_HEADER] = str(row_cap)


def result_response(
    prepared: PreparedQuery,
    chosen: Syntax,
    substitutions: Mapping[str, Term] | None = None,
) -> tuple[Response, QueryResult | None]:
    """The response for ``prepared`` in the negotiated syntax, and its result (None when
    the answer is 304)."""
    response = Response(content_type=content_type(chosen.media_type))
    response.vary.add("Accept")
    mark_row_cap(response, prepared.row_cap)
    conditional(response, "result", *prepared.result_key(chosen, substitutions))
    if response.status_code == 304:
        return response, None
    result = current_engine().execute(prepared, chosen, substitutions)
    response.set_data(result.payload)
    return response, result
