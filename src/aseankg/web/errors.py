"""Every error leaves the app as readable text or RFC 9457 problem JSON, never HTML."""

import logging
import re

from flask import Flask, Response, json
from werkzeug.exceptions import HTTPException, InternalServerError

from aseankg.engine import (
    CallerBusy,
    EngineBusy,
    EngineError,
    EngineFailure,
    QueryCancelled,
    QueryRefused,
    QueryResourcesExceeded,
    QuerySyntaxError,
    QueryTimeout,
    QueryTooLong,
    ResultFormatUnsupported,
    StoreTimeout,
    StoreUnavailable,
    UpdateRefused,
)
from aseankg.web.problem_details import PROBLEM_JSON, problem, status_title, wants_problem

log = logging.getLogger(__name__)

#: Engine error -> HTTP status, most specific first.
ENGINE_STATUS: tuple[tuple[type[EngineError], int], ...] = (
    (UpdateRefused, 403),
    (QueryTooLong, 413),
    (QueryRefused, 400),
    (QuerySyntaxError, 400),
    (ResultFormatUnsupported, 406),
    (StoreTimeout, 504),
    (StoreUnavailable, 502),
    (QueryTimeout, 503),
    (CallerBusy, 429),
    (EngineBusy, 503),
    (QueryResourcesExceeded, 503),
    (QueryCancelled, 503),
    (EngineFailure, 500),
)

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


def one_line(message: str) -> str:
    """``message`` with control characters escaped, so that text a client sent (a name with
    CR or LF in it, say) cannot break an error body or a log line into several."""
    return _CONTROL.sub(lambda found: found.group().encode("unicode_escape").decode(), message)


def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """A response for ``status`` whose body says ``message`` in the client's preferred form."""
    message = one_line(message)
    if wants_problem():
        body = json.dumps(problem(status, message))
        mimetype = PROBLEM_JSON
    else:
        body = f"{status} {status_title(status)}: {message}\n"
        mimetype = "text/plain"
    response = Response(body, status=status, mimetype=mimetype)
    response.vary.add("Accept")
    response.headers.update(headers or {})
    return response


def _engine_error(error: EngineError) -> Response:
    status = next(code for kind, code in ENGINE_STATUS if isinstance(error, kind))
    headers = {"Retry-After": "5"} if status in (429, 503) else None
    return error_response(status, str(error), headers)


def _http_error(error: HTTPException) -> Response:
    response = error_response(error.code or 500, error.description or error.name)
    for name, value in error.get_headers():
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


def _unexpected(error: Exception) -> Response:
    log.exception("unhandled error", exc_info=error)
    return error_response(500, InternalServerError.description)


def register(app: Flask) -> None:
    app.register_error_handler(EngineError, _engine_error)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected)
