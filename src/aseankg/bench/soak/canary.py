"""A loopback HTTP listener that hostile queries name and the server must never reach.

SERVICE, FROM and graph parameters in the soak's hostile requests point here.
Every connection is counted, whatever it sends; it gets an empty SPARQL result,
so that a query which did get through finishes instead of hanging.
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from socket import socket
from types import TracebackType
from typing import Any

_EMPTY_RESULT = b'{"head": {"vars": []}, "results": {"bindings": []}}'


class _Answer(BaseHTTPRequestHandler):
    def _answer(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(_EMPTY_RESULT)))
        self.end_headers()
        self.wfile.write(_EMPTY_RESULT)

    do_GET = do_POST = _answer

    def log_message(self, format: str, *args: Any) -> None:
        """Connections are counted, not logged."""


class _CountingServer(ThreadingHTTPServer):
    daemon_threads = True
    connections = 0

    def get_request(self) -> tuple[socket, Any]:
        accepted = super().get_request()
        self.connections += 1  # accepted on the one serving thread: no race
        return accepted


class Canary:
    """``with Canary() as canary``: listens at ``canary.url`` until the block ends."""

    def __init__(self) -> None:
        self._server = _CountingServer(("127.0.0.1", 0), _Answer)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_port}"

    @property
    def connections(self) -> int:
        return self._server.connections

    def __enter__(self) -> "Canary":
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
