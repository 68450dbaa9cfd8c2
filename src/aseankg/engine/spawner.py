"""A lean parent for query processes, forked once before the web process grows.

A forked process starts with a copy of its parent's memory. Query processes forked from
a web process that has served for hours would start with its caches, and every process
replaced after a timeout or a crash would be bigger than the last; forked from this
process, which does nothing but fork, each starts as small as the first. It hands the
new process's end of a socket pair back over its own connection.
"""

import os
import signal
import socket
import threading
from multiprocessing import get_context, reduction
from multiprocessing.connection import Connection

from aseankg.backends.base import Backend
from aseankg.engine.worker import close_inherited_sockets, exit_when_orphaned, reset_signals, serve

_FORK = get_context("fork")


class Spawner:
    """Forks query processes on request, from a copy of the backend taken at its own start."""

    def __init__(self, backend: Backend, memory_bytes: int | None) -> None:
        self._connection, child_end = _FORK.Pipe()
        self._process = _FORK.Process(
            target=_spawn_on_request,
            args=(child_end, backend, memory_bytes),
            name="aseankg-spawner",
            daemon=True,
        )
        self._process.start()
        child_end.close()
        self._lock = threading.Lock()

    def spawn(self) -> tuple[int, Connection]:
        """A new query process: its PID and the connection to it."""
        with self._lock:
            self._connection.send(None)
            pid: int = self._connection.recv()
            descriptor = reduction.recv_handle(self._connection)
        return pid, Connection(descriptor)

    def close(self) -> None:
        self._process.kill()
        self._process.join()
        self._connection.close()


def _spawn_on_request(connection: Connection, backend: Backend, memory_bytes: int | None) -> None:
    """The spawner's loop: fork one query process per request until the parent goes."""
    reset_signals()
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the kernel reaps the query processes
    close_inherited_sockets(keep=connection.fileno())
    requester = os.getppid()
    while True:
        exit_when_orphaned(connection, requester)
        connection.recv()
        ours, theirs = socket.socketpair()
        pid = os.fork()
        if pid == 0:
            connection.close()
            ours.close()
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            serve(Connection(theirs.detach()), backend, memory_bytes)
            os._exit(0)
        theirs.close()
        connection.send(pid)
        reduction.send_handle(connection, ours.fileno(), requester)
        ours.close()
