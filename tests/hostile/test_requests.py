"""Every request in ``requests/`` against a real ``aseankg serve``: the expected answer, never 5xx
unless the case says so, and no connection to the loopback canary.

Cases that aim at ``{canary}`` run twice: with the query processes' network sandbox
on, and forced off, so that the guard alone is shown to hold.
"""

import socket
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest

from tests.hostile.cases import Case, load, text
from tests.support.canary import loopback_canary, was_contacted
from tests.support.http import fetch
from tests.support.server import running_server

#: Every case goes to a real server, with and without the network sandbox.
pytestmark = pytest.mark.slow

CASES = load("requests")
RUNS = [pytest.param(case, "sandboxed_server", id=case.name) for case in CASES] + [
    pytest.param(case, "unsandboxed_server", id=f"{case.name}-without-sandbox")
    for case in CASES
    if case.uses("canary")
]


@pytest.fixture(scope="module")
def sandboxed_server() -> Iterator[str]:
    """The server with default options on the bundled data."""
    with running_server() as base:
        yield base


@pytest.fixture(scope="module")
def unsandboxed_server() -> Iterator[str]:
    """The same, with the query processes' network sandbox forced off."""
    with running_server(env={"ASEANKG_NETWORK_SANDBOX": "off"}) as base:
        yield base


@pytest.fixture
def canary() -> Iterator[socket.socket]:
    with loopback_canary() as listener:
        yield listener


def target(request: dict[str, object], placeholders: dict[str, str]) -> str:
    path = text(request.get("path", "/sparql"), placeholders)  # type: ignore[arg-type]
    params = {
        name: text(value, placeholders)
        for name, value in dict(request.get("params") or {}).items()  # type: ignore[call-overload]
    }
    return f"{path}?{urlencode(params)}" if params else path


@pytest.mark.parametrize(("case", "server"), RUNS)
def test_hostile_request(
    case: Case, server: str, canary: socket.socket, request: pytest.FixtureRequest
) -> None:
    base = request.getfixturevalue(server)
    placeholders = {"canary": f"http://127.0.0.1:{canary.getsockname()[1]}"}
    sent, expect = case.spec["request"], case.spec["expect"]
    body = sent.get("body")
    encoding = sent.get("body_encoding", "utf-8")
    headers = {
        name: text(value, placeholders) for name, value in (sent.get("headers") or {}).items()
    }
    reply = fetch(
        base,
        sent.get("method", "GET"),
        target(sent, placeholders),
        body=None if body is None else text(body, placeholders).encode(encoding),
        headers=headers,
    )
    shown = reply.body[:300].decode("utf-8", "replace")
    assert reply.status == expect["status"], f"{case.spec['description']}\n{shown}"
    if "contains" in expect:
        assert expect["contains"].lower() in reply.body.decode("utf-8", "replace").lower(), shown
    for name, value in (expect.get("headers") or {}).items():
        assert reply.headers.get(name) == str(value), f"{name}: {reply.headers.get(name)}"
    assert not was_contacted(canary)
