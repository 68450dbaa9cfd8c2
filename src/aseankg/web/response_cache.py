"""Replay responses to repeated GET requests without entering Flask.

Every GET response the app tags with an ETag is fully determined by the loaded
data and the request (see ``conditional_requests``), so the first one is kept and later
identical requests (same URL, host and Accept header) are answered from memory,
or with 304 when the client already holds that ETag. This keeps the Python work
per cached request to a dictionary lookup.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from werkzeug.http import parse_etags

from aseankg.engine.bounded_cache import BoundedCache

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]

#: Headers a 304 leaves out: they describe a body it does not have.
_BODY_HEADERS = frozenset({"content-length", "content-type", "content-disposition"})


@dataclass(frozen=True)
class _Stored:
    status: str
    headers: list[tuple[str, str]]
    body: bytes
    etag: str


def _request_key(environ: dict[str, Any]) -> tuple[str, ...]:
    return (
        environ.get("wsgi.url_scheme", "http"),
        environ.get("HTTP_HOST", ""),
        environ.get("SCRIPT_NAME", ""),
        environ.get("PATH_INFO", ""),
        environ.get("QUERY_STRING", ""),
        environ.get("HTTP_ACCEPT", ""),
    )


def _header(headers: list[tuple[str, str]], name: str) -> str | None:
    return next((value for key, value in headers if key.lower() == name), None)


class ResponseCache:
    """WSGI middleware around the app; only GETs answered 200 with an ETag are kept."""

    def __init__(self, app: WSGIApp, cache: BoundedCache[_Stored]) -> None:
        self.app = app
        self.cache = cache

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        if environ.get("REQUEST_METHOD") != "GET" or "HTTP_IF_MODIFIED_SINCE" in environ:
            return self.app(environ, start_response)
        key = _request_key(environ)
        stored = self.cache.get(key)
        if stored is not None:
            return self._replay(stored, environ, start_response)
        captured: list[Any] = []

        def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            captured[:] = [status, headers]
            return start_response(status, headers, exc_info)

        body = self.app(environ, capture)
        status, headers = captured
        etag = _header(headers, "etag")
        length = _header(headers, "content-length")
        if (
            not status.startswith("200 ")
            or etag is None
            or _header(headers, "set-cookie") is not None
            or length is None
            or int(length) > self.cache.max_entry_bytes
        ):
            return body
        payload = b"".join(body)
        if hasattr(body, "close"):
            body.close()
        self.cache.put(key, _Stored(status, list(headers), payload, etag), len(payload))
        return [payload]

    @staticmethod
    def _replay(
        stored: _Stored, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> list[bytes]:
        if_none_match = environ.get("HTTP_IF_NONE_MATCH")
        if if_none_match and parse_etags(if_none_match).contains_raw(stored.etag):
            headers = [(k, v) for k, v in stored.headers if k.lower() not in _BODY_HEADERS]
            start_response("304 Not Modified", headers)
            return []
        start_response(stored.status, stored.headers)
        return [stored.body]
