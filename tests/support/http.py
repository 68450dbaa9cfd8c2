"""Raw HTTP requests for tests that check statuses and headers exactly (no client magic)."""

import http.client
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urlencode, urlsplit


@dataclass(frozen=True)
class Reply:
    status: int
    headers: Message
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    @property
    def media_type(self) -> str:
        return self.headers.get("Content-Type", "").split(";")[0].strip()


def fetch(
    base: str,
    method: str,
    target: str,
    body: bytes | str | None = None,
    headers: dict[str, str] | None = None,
) -> Reply:
    """Send one request to the server at ``base`` and read the whole reply."""
    address = urlsplit(base)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=60)
    try:
        connection.request(method, target, body=body, headers=headers or {})
        response = connection.getresponse()
        return Reply(response.status, response.headers, response.read())
    finally:
        connection.close()


def form(**parameters: str | list[str]) -> str:
    """Parameters URL-encoded (``default_graph_uri`` is sent as ``default-graph-uri``)."""
    return urlencode({name.replace("_", "-"): value for name, value in parameters.items()}, True)


def sparql_target(**parameters: str | list[str]) -> str:
    """``/sparql`` with the parameters in its query string."""
    return f"/sparql?{form(**parameters)}" if parameters else "/sparql"


FORM_TYPE = {"Content-Type": "application/x-www-form-urlencoded"}
QUERY_TYPE = {"Content-Type": "application/sparql-query"}
