"""One kept-alive connection per store host and process, for queries.

urllib opens a connection for every request and closes it after the answer; a query
then pays for a new TCP connection, and the store for a new thread, each time. This
handler keeps the connection open between requests in the process that opened it (a
query process forked from the web process opens its own). A request that finds a kept
connection closed by the store is sent again once on a new one, which is safe for
queries only: a client keeping connections alive must not send updates.
"""

import http.client
import os
import select
import urllib.error
import urllib.request


def _idle(connection: http.client.HTTPConnection, last: http.client.HTTPResponse | None) -> bool:
    """Whether a request can go on ``connection``: its last answer closed, and nothing on
    its socket (what is there is the rest of an answer not read, or the store closing)."""
    if connection.sock is None or (last is not None and not last.isclosed()):
        return False
    readable, _, _ = select.select([connection.sock], [], [], 0)
    return not readable


class KeepAliveHandler(urllib.request.HTTPHandler):
    """Plain HTTP through urllib (so its credential handlers still answer challenges), over
    a connection kept per host."""

    def __init__(self) -> None:
        super().__init__()
        self._owner = os.getpid()
        self._connections: dict[str, http.client.HTTPConnection] = {}
        self._answers: dict[str, http.client.HTTPResponse] = {}

    def _connection(
        self, host: str, timeout: float | None
    ) -> tuple[http.client.HTTPConnection, bool]:
        """The host's kept connection and True, or a new one and False."""
        if os.getpid() != self._owner:  # forked: the sockets are the parent's
            self._owner, self._connections, self._answers = os.getpid(), {}, {}
        kept = self._connections.get(host)
        if kept is not None and _idle(kept, self._answers.get(host)):
            kept.timeout = timeout
            if kept.sock is not None:
                kept.sock.settimeout(timeout)
            return kept, True
        if kept is not None:
            kept.close()
        made = http.client.HTTPConnection(host, timeout=timeout)
        self._connections[host] = made
        return made, False

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        headers = {**req.headers, **req.unredirected_hdrs}
        headers = {name.title(): value for name, value in headers.items()}
        while True:
            connection, reused = self._connection(req.host, req.timeout)
            try:
                connection.request(req.get_method(), req.selector, req.data, headers)
                answer = connection.getresponse()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                connection.close()
                self._connections.pop(req.host, None)
                if reused:
                    continue
                raise
            except OSError as error:
                connection.close()
                self._connections.pop(req.host, None)
                raise urllib.error.URLError(error) from error
            self._answers[req.host] = answer
            answer.url = req.get_full_url()  # as urllib sets it
            answer.msg = answer.reason  # type: ignore[assignment]  # as urllib sets it
            return answer
