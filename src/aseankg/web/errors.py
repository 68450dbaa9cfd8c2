"""Every error leaves the app as readable text or RFC 9457 problem JSON, never HTML."""

import logging

from flask import Flask, Response, json, request
from werkzeug.exceptions import HTTPException, InternalServerError
from werkzeug.http import HTTP_STATUS_CODES

from aseankg.engine import (
    EngineBusy,
    EngineError,
    EngineFailure,
    QueryRefused,
    QuerySyntaxError,
    QueryTimeout,
    QueryTooLong,
    UpdateRefused,
)

log = logging.getLogger(__name__)

#: Engine error -> HTTP status, most specific first.
ENGINE_STATUS: tuple[tuple[type[EngineError], int], ...] = (
    (UpdateRefused, 403),
    (QueryTooLong, 413),
    (QueryRefused, 400),
    (QuerySyntaxError, 400),
    (QueryTimeout, 503),
    (EngineBusy, 503),
    (EngineFailure, 500),
)

_PROBLEM = "application/problem+json"


def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """A response for ``status`` whose body says ``message`` in the client's preferred form."""
    title = HTTP_STATUS_CODES.get(status, "Error")
    if request.accept_mimetypes.best_match(["text/plain", _PROBLEM, "application/json"]) in (
        _PROBLEM,
        "application/json",
    ):
        body = json.dumps({"title": title, "status": status, "detail": message})
        mimetype = _PROBLEM
    else:
        body = f"{status} {title}: {message}\n"
        mimetype = "text/plain"
    response = Response(body, status=status, mimetype=mimetype)
    response.headers.update(headers or {})
    return response


def _engine_error(error: EngineError) -> Response:
    status = next(code for kind, code in ENGINE_STATUS if isinstance(error, kind))
    headers = {"Retry-After": "5"} if status == 503 else None
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
