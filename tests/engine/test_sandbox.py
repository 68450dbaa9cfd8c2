"""The query workers' network sandbox, and the switch that leaves it off."""

import os
import socket
import subprocess
import sys
from collections.abc import Iterator

import pytest

from aseankg.engine.sandbox import SWITCH

#: Each case starts a Python process of its own to try the network.
pytestmark = pytest.mark.slow

# Isolation cannot be undone, so each attempt runs in a process of its own.
ATTEMPT = """
import socket, sys
from aseankg.engine.sandbox import isolate_network
isolated = isolate_network()
try:
    socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=5).close()
    reached = True
except OSError:
    reached = False
print(isolated, reached)
"""


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        yield server


def attempt(listener: socket.socket, switch: str | None) -> tuple[bool, bool]:
    """Whether a fresh process isolated itself, and whether it then reached ``listener``."""
    env = {name: value for name, value in os.environ.items() if name != SWITCH}
    if switch is not None:
        env[SWITCH] = switch
    port = str(listener.getsockname()[1])
    done = subprocess.run(
        [sys.executable, "-c", ATTEMPT, port], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    isolated, reached = done.stdout.split()
    return isolated == "True", reached == "True"


@pytest.mark.parametrize("switch", ["off", "OFF", " off "])
def test_switched_off_the_sandbox_leaves_the_network_alone(
    listener: socket.socket, switch: str
) -> None:
    assert attempt(listener, switch) == (False, True)


@pytest.mark.parametrize("switch", [None, "", "on", "no", "0"])
def test_an_isolated_worker_reaches_nothing(listener: socket.socket, switch: str | None) -> None:
    isolated, reached = attempt(listener, switch)
    assert reached is not isolated  # where the platform cannot isolate, the guard stands alone
