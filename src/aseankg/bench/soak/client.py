"""Send one soak request to 127.0.0.1 and time it to the last byte of the answer.

Each request has a connection of its own, so a malformed request or a client
that hangs up cannot spoil the next one. Answers are read and dropped: a big
CONSTRUCT costs the soak no memory.
"""

import http.client
import ipaddress
import json
import socket
import time
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

from aseankg.bench.soak.traffic import Request

#: JSON, or SPARQL's JSON results for a query.
_JSON = "application/json, application/sparql-results+json"
#: The first of the loopback addresses clients send from.
FIRST_SOURCE = ipaddress.IPv4Address("127.0.1.1")
#: Bytes read at a time from an answer that is dropped.
_CHUNK = 1 << 16


@dataclass(frozen=True)
class Outcome:
    """One request as the soak saw it: the answer's status and how long it took."""

    kind: str
    case: str
    status: int | None
    """None when no answer came: the client hung up as planned, or the server gave none."""
    expected: bool
    """The status is one the request may get (or the client hung up as planned)."""
    should_succeed: bool
    """Every status the request may get is a success."""
    seconds: float
    retry_after: str | None
    error: str | None
    """Why no answer came when one was due."""


def loopback_sources(count: int) -> list[str]:
    """``count`` source addresses for clients, distinct where the system allows.

    The server shares its query processes out by client address. Linux routes all of
    127.0.0.0/8 to the loopback interface, so each client can speak from an address of
    its own (to 127.0.0.1 still); elsewhere every client is 127.0.0.1.
    """
    addresses = [str(FIRST_SOURCE + number) for number in range(count)]
    try:
        with socket.socket() as probe:
            probe.bind((addresses[-1], 0))
    except (OSError, IndexError):
        return ["127.0.0.1"] * count
    return addresses


def send(port: int, request: Request, timeout: float, source: str = "127.0.0.1") -> Outcome:
    """Send ``request`` from ``source``; wait at most ``timeout`` seconds for each step."""
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=request.hang_up_after or timeout, source_address=(source, 0)
    )
    started = time.perf_counter()
    status, retry_after, error = None, None, None
    try:
        # A server may refuse an oversized body before reading it all: its answer still counts.
        with suppress(BrokenPipeError, ConnectionResetError):
            connection.request(
                request.method, request.target, body=request.body, headers=dict(request.headers)
            )
        response = connection.getresponse()
        while response.read(_CHUNK):
            pass
        status, retry_after = response.status, response.getheader("Retry-After")
    except TimeoutError:
        if request.hang_up_after is None:
            error = f"no answer within {timeout:g} s"
    except (OSError, http.client.HTTPException) as failure:
        error = f"{type(failure).__name__}: {failure}"
    finally:
        connection.close()
    hung_up = status is None and error is None
    return Outcome(
        kind=request.kind,
        case=request.case,
        status=status,
        expected=hung_up or status in request.expect,
        should_succeed=request.should_succeed,
        seconds=time.perf_counter() - started,
        retry_after=retry_after,
        error=error,
    )


def get_json(port: int, target: str, timeout: float) -> Any:
    """The JSON answer to a GET; a failure stops the soak before it starts."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", target, headers={"Accept": _JSON})
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    if response.status != 200:
        raise RuntimeError(f"GET {target[:80]} answered {response.status}: {body[:200]!r}")
    return json.loads(body)
