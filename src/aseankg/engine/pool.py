"""A fixed set of query processes, shared fairly, with one deadline per query.

Oxigraph cannot cancel a query, so a query is stopped by killing its process,
which is then replaced by a fresh fork. Admission decides before anything waits:
when every process is busy and the waiting room is full, or the caller already
holds its share, the query is refused at once rather than queued. A query's time
limit covers its wait and its run together, and a query whose caller has gone is
stopped as soon as that is noticed.
"""

import contextlib
import os
import signal
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from multiprocessing.connection import Connection

from aseankg.backends.base import Backend
from aseankg.engine.errors import (
    CallerBusy,
    EngineBusy,
    QueryCancelled,
    QueryResourcesExceeded,
    QueryTimeout,
)
from aseankg.engine.spawner import Spawner
from aseankg.engine.worker import Job, Reply

#: How often a waiting caller looks whether its client is still there.
_CHECK_SECONDS = 0.1


@dataclass(frozen=True)
class Caller:
    """Who a query runs for: queries are shared out by ``client``, and ``gone`` is set
    when the client stops waiting for the answer."""

    client: str = ""
    gone: threading.Event = field(default_factory=threading.Event)


@dataclass
class _Worker:
    pid: int
    connection: Connection


@dataclass
class _Ticket:
    client: str


class WorkerPool:
    """``size`` forked query processes querying the backend of the process that starts them.

    Shared by clients (``by_client``), at most ``2 * size`` queries wait for a process,
    and one client may hold at most ``size - 1`` processes (one when there is a single
    process), so another client always finds one, and may have at most ``size``
    queries running or waiting. Otherwise (the server's own short queries) up to
    ``16 * size`` wait, whoever asks.
    """

    def __init__(
        self,
        backend: Backend,
        size: int,
        *,
        memory_bytes: int | None = None,
        by_client: bool = True,
    ) -> None:
        if size < 1:
            raise ValueError("a worker pool needs at least one worker")
        self._backend = backend
        self._size = size
        self._memory_bytes = memory_bytes
        self._waiting_room = 2 * size if by_client else 16 * size
        self._per_client_running = max(1, size - 1) if by_client else size
        self._per_client_total = size if by_client else size + self._waiting_room
        self._idle: list[_Worker] = []
        self._waiting: list[_Ticket] = []
        self._running: Counter[str] = Counter()
        self._changed = threading.Condition()
        self._spawner: Spawner | None = None

    @property
    def capacity(self) -> int:
        """The most queries that can be running or waiting at once."""
        return self._size + self._waiting_room

    def start(self) -> None:
        """Fork the spawner and the workers; call it before the process starts threads, and
        before it grows, where possible."""
        with self._changed:
            if self._spawner is None:
                self._spawner = Spawner(self._backend, self._memory_bytes)
                self._idle = [self._spawn() for _ in range(self._size)]

    def _spawn(self) -> _Worker:
        if self._spawner is None:
            raise RuntimeError("the pool is closed")
        return _Worker(*self._spawner.spawn())

    @staticmethod
    def _stop(worker: _Worker) -> None:
        with contextlib.suppress(ProcessLookupError):  # it has ended already
            os.kill(worker.pid, signal.SIGKILL)
        worker.connection.close()

    def _replace(self, worker: _Worker) -> _Worker:
        self._stop(worker)
        return self._spawn()

    def run(self, job: Job, timeout: float, caller: Caller | None = None) -> Reply:
        """Run ``job`` for ``caller``, waiting and running ``timeout`` seconds at most in all."""
        self.start()
        caller = caller or Caller()
        deadline = time.monotonic() + timeout
        worker = self._admit(caller, deadline, timeout)
        try:
            worker.connection.send(job)
            while not worker.connection.poll(_CHECK_SECONDS):
                if caller.gone.is_set():
                    worker = self._replace(worker)
                    raise QueryCancelled("the client went away; its query was stopped")
                if time.monotonic() >= deadline:
                    worker = self._replace(worker)
                    raise QueryTimeout(
                        f"the query was stopped: it exceeded the time limit of {timeout:g} s "
                        "(waiting for a query process included)"
                    )
            reply: Reply = worker.connection.recv()
        except (EOFError, OSError) as error:
            worker = self._replace(worker)
            raise QueryResourcesExceeded(self._death_message()) from error
        finally:
            self._release(caller, worker)
        return reply

    def _death_message(self) -> str:
        limit = (
            f"its memory limit of {self._memory_bytes // (1024 * 1024)} MB"
            if self._memory_bytes
            else "the memory"
        )
        return (
            "the query process stopped while running this query: "
            f"it most likely ran out of {limit} or of stack; it has been replaced. Ask for "
            "less (a LIMIT, fewer joins, shorter values) and try again"
        )

    def _admit(self, caller: Caller, deadline: float, timeout: float) -> _Worker:
        """An idle worker for ``caller``, or an error at once when over capacity."""
        client = caller.client
        with self._changed:
            mine = self._running[client] + sum(t.client == client for t in self._waiting)
            if mine >= self._per_client_total:
                raise CallerBusy(
                    f"this client already has {mine} queries running or waiting, the most "
                    "one client may have; send the next when one has been answered"
                )
            if not self._idle and len(self._waiting) >= self._waiting_room:
                raise EngineBusy(
                    f"every query process is busy and {len(self._waiting)} queries are "
                    "already waiting; try again shortly"
                )
            ticket = _Ticket(client)
            self._waiting.append(ticket)
            try:
                while self._next_served() is not ticket:
                    remaining = deadline - time.monotonic()
                    if caller.gone.is_set():
                        raise QueryCancelled("the client went away before its query started")
                    if remaining <= 0:
                        raise EngineBusy(
                            f"every query process stayed busy for the query's whole time limit "
                            f"of {timeout:g} s; try again shortly"
                        )
                    self._changed.wait(min(remaining, _CHECK_SECONDS))
            finally:
                self._waiting.remove(ticket)
            self._running[client] += 1
            return self._idle.pop()

    def _next_served(self) -> _Ticket | None:
        """The first waiting ticket whose client is under its share, if a worker is idle."""
        if not self._idle:
            return None
        return next(
            (t for t in self._waiting if self._running[t.client] < self._per_client_running),
            None,
        )

    def _release(self, caller: Caller, worker: _Worker) -> None:
        with self._changed:
            self._running[caller.client] -= 1
            if not self._running[caller.client]:
                del self._running[caller.client]
            self._idle.append(worker)
            self._changed.notify_all()

    def close(self) -> None:
        """Stop the idle workers and the spawner; a busy worker ends within a second of it."""
        with self._changed:
            for worker in self._idle:
                self._stop(worker)
            self._idle = []
            if self._spawner is not None:
                self._spawner.close()
                self._spawner = None
