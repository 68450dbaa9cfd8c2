"""A loopback listener that no request may make the server contact."""

import socket
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def loopback_canary() -> Iterator[socket.socket]:
    """A TCP listener on 127.0.0.1 that nothing should ever connect to."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.setblocking(False)
        yield listener


def was_contacted(listener: socket.socket) -> bool:
    """Whether anything connected; ask once the requests are answered, so that any
    connection made would already be queued."""
    try:
        connection, _ = listener.accept()
    except BlockingIOError:
        return False
    connection.close()
    return True
