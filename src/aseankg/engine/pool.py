"""A fixed set of query workers, with a hard time limit per job.

A job that outlives its limit is stopped by killing its worker, which is then
replaced by a fresh fork; the other workers keep answering meanwhile.
"""

import multiprocessing
import queue
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

import pyoxigraph

from aseankg.engine.errors import EngineBusy, EngineFailure, QueryTimeout
from aseankg.engine.worker import Job, Reply, serve

_FORK = multiprocessing.get_context("fork")


@dataclass
class _Worker:
    process: BaseProcess
    connection: Connection


class WorkerPool:
    """``size`` forked workers sharing the store of the process that starts them."""

    def __init__(self, store: pyoxigraph.Store, size: int) -> None:
        if size < 1:
            raise ValueError("a worker pool needs at least one worker")
        self._store = store
        self._size = size
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._started = False

    def start(self) -> None:
        """Fork the workers; call it before the process starts threads, where possible."""
        with self._lock:
            if not self._started:
                for _ in range(self._size):
                    self._idle.put(self._spawn())
                self._started = True

    def _spawn(self) -> _Worker:
        parent_end, child_end = _FORK.Pipe()
        process = _FORK.Process(
            target=serve, args=(child_end, self._store), name="aseankg-query", daemon=True
        )
        process.start()
        child_end.close()
        return _Worker(process, parent_end)

    @staticmethod
    def _retire(worker: _Worker) -> None:
        worker.process.kill()
        worker.process.join()
        worker.connection.close()

    def run(self, job: Job, timeout: float | None) -> Reply:
        """Run ``job`` on an idle worker, waiting at most ``timeout`` seconds for each step."""
        self.start()
        started = time.monotonic()
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise EngineBusy(
                f"every query worker stayed busy for {timeout:g} s; try again shortly"
            ) from None
        try:
            worker.connection.send(job)
            if not worker.connection.poll(timeout):
                self._retire(worker)
                worker = self._spawn()
                elapsed = time.monotonic() - started
                raise QueryTimeout(
                    f"the query was stopped after {elapsed:.1f} s: it exceeded the time limit "
                    f"of {timeout:g} s"
                )
            reply: Reply = worker.connection.recv()
        except (EOFError, OSError) as error:
            self._retire(worker)
            worker = self._spawn()
            raise EngineFailure(
                "the query worker stopped unexpectedly; it has been replaced"
            ) from error
        finally:
            self._idle.put(worker)
        return reply

    def close(self) -> None:
        """Stop the idle workers; a busy one is a daemon and ends with this process."""
        with self._lock:
            while True:
                try:
                    worker = self._idle.get_nowait()
                except queue.Empty:
                    break
                self._retire(worker)
            self._started = False
