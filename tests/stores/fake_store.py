"""A stand-in store server on 127.0.0.1 for failures no real store shows on demand: it
asks for credentials, answers what aseankg asks at start, and then hangs or fails."""

import base64
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

from aseankg.backends.remote import GRAPHS_QUERY
from aseankg.rdf.namespaces import REFERENCE_GRAPH


@dataclass
class FakeStore:
    url: str
    login: str | None = None
    """``user:password`` it demands (HTTP Basic), or None."""
    seen_authorizations: list[str] = field(default_factory=list)


def _results(variables: list[str], rows: list[dict[str, str]]) -> bytes:
    bindings = [
        {name: {"type": "uri", "value": value} for name, value in row.items()} for row in rows
    ]
    return json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}}).encode()


@contextmanager
def fake_store(*, login: str | None = None, hang: bool = False) -> Iterator[FakeStore]:
    """A store that holds the reference graph (as far as aseankg can tell), answers ASK,
    and then hangs on every other query (``hang``) or fails it with 500."""
    store = FakeStore(url="", login=login)

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *arguments: object) -> None:
            """Quiet."""

        def _send(self, status: int, body: bytes, media_type: str = "text/plain") -> None:
            self.send_response(status)
            self.send_header("Content-Type", media_type)
            self.send_header("Content-Length", str(len(body)))
            if status == 401:
                self.send_header("WWW-Authenticate", 'Basic realm="store"')
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            self._answer("")

        def do_PUT(self) -> None:
            self._answer(self.rfile.read(int(self.headers.get("Content-Length", 0))).decode())

        do_POST = do_PUT

        def _answer(self, body: str) -> None:
            given = self.headers.get("Authorization")
            if given:
                store.seen_authorizations.append(given)
            if store.login and given != "Basic " + base64.b64encode(store.login.encode()).decode():
                self._send(401, b"who are you?")
                return
            query = parse_qs(body).get("query", [""])[0]
            if query == "ASK {}":
                self._send(200, b'{"head":{},"boolean":true}', "application/sparql-results+json")
            elif query == GRAPHS_QUERY:
                rows = [{"g": str(REFERENCE_GRAPH)}]
                self._send(200, _results(["g"], rows), "application/sparql-results+json")
            elif hang:
                time.sleep(60)
            else:
                self._send(500, b"the store failed")

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    store.url = f"http://127.0.0.1:{server.server_address[1]}/sparql"
    try:
        yield store
    finally:
        server.shutdown()
        server.server_close()
