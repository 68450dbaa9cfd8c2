"""Run the Flask (WSGI) app under Granian's RSGI interface.

Granian's WSGI interface cannot tell an application that its client has gone; its
RSGI interface can. This bridge runs each request of the WSGI app in a thread, with
an event in the environ (``CLIENT_GONE``) that is set when the client disconnects,
so that a query process working for nobody is stopped. Queries and everything else
get separate threads, so pages, dumps and cached answers never wait for a thread
behind queries.
"""

import asyncio
import io
import sys
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from aseankg.web.site import CLIENT_GONE

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]

#: Paths whose requests run SPARQL queries for the client (the rest are pages and files).
QUERY_PATHS = ("/sparql", "/api/queries/")


@dataclass(frozen=True)
class Answer:
    status: int
    headers: list[tuple[str, str]]
    body: bytes


def _latin1(text: str) -> str:
    """A decoded path or query as WSGI wants it: its UTF-8 bytes, one character each."""
    return text.encode("utf-8", "surrogateescape").decode("latin-1")


def _address(value: str) -> tuple[str, str]:
    host, _, port = value.rpartition(":")
    return host.strip("[]"), port


def environ_of(scope: Any, body: bytes) -> dict[str, Any]:
    """The WSGI environ for an RSGI request scope and its (already read) body."""
    server_name, server_port = _address(scope.server)
    remote_addr, remote_port = _address(scope.client)
    environ: dict[str, Any] = {
        "REQUEST_METHOD": scope.method,
        "SCRIPT_NAME": "",
        "PATH_INFO": _latin1(scope.path),
        "QUERY_STRING": _latin1(scope.query_string),
        "SERVER_NAME": server_name,
        "SERVER_PORT": server_port,
        "SERVER_PROTOCOL": f"HTTP/{scope.http_version}",
        "REMOTE_ADDR": remote_addr,
        "REMOTE_PORT": remote_port,
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": scope.scheme,
        "wsgi.input": io.BytesIO(body),
        "wsgi.input_terminated": True,
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    for name, value in scope.headers.items():
        key = name.upper().replace("-", "_")
        if key not in ("CONTENT_TYPE", "CONTENT_LENGTH"):
            key = f"HTTP_{key}"
        environ[key] = f"{environ[key]},{value}" if key in environ else value
    return environ


def call(app: WSGIApp, environ: dict[str, Any]) -> Answer:
    """Run the WSGI app on ``environ`` to the end of its body."""
    started: list[Any] = []

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
        started[:] = [status, headers]
        return lambda data: None  # the legacy write() callable; nothing here uses it

    result = app(environ, start_response)
    try:
        body = b"".join(result)
    finally:
        close = getattr(result, "close", None)
        if close is not None:
            close()
    status, headers = started
    return Answer(int(status.split(" ", 1)[0]), list(headers), body)


class RsgiBridge:
    """An RSGI application that serves a WSGI app, knowing when clients go away."""

    def __init__(
        self, app: WSGIApp, *, page_threads: int, query_threads: int, max_body: int
    ) -> None:
        self.app = app
        self.max_body = max_body
        """Bytes of a body read at most: the app refuses a longer one (413) by itself."""
        self._pages = ThreadPoolExecutor(page_threads, thread_name_prefix="aseankg-page")
        self._queries = ThreadPoolExecutor(query_threads, thread_name_prefix="aseankg-query")

    async def _body(self, scope: Any, protocol: Any) -> bytes:
        declared = scope.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body:
            return b""  # the app answers 413 from the declared length, unread
        parts, size = [], 0
        async for chunk in protocol:
            parts.append(chunk)
            size += len(chunk)
            if size > self.max_body:
                break  # enough for the app to see that the body is too long
        return b"".join(parts)

    async def __call__(self, scope: Any, protocol: Any) -> None:
        if scope.proto != "http":
            return
        environ = environ_of(scope, await self._body(scope, protocol))
        gone = threading.Event()
        environ[CLIENT_GONE] = gone
        lane = self._queries if scope.path.startswith(QUERY_PATHS) else self._pages
        work = asyncio.get_running_loop().run_in_executor(lane, call, self.app, environ)
        watcher = asyncio.ensure_future(protocol.client_disconnect())
        done, _ = await asyncio.wait({work, watcher}, return_when=asyncio.FIRST_COMPLETED)
        if watcher in done:
            gone.set()  # the app stops the client's query and returns soon
        else:
            watcher.cancel()
        answer = await work
        if not gone.is_set():
            protocol.response_bytes(answer.status, answer.headers, answer.body)
