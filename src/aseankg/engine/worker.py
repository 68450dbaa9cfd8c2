"""The query worker: a child process that queries the backend and runs one job at a time.

Oxigraph has no way to cancel a running query, so every query runs in a worker
that can be killed without harming anything else. Workers are forked from the
process that loaded the store, so they share its memory instead of re-parsing; a
worker over a store on disk opens it itself, and one over a store server holds the
connection, so that killing the worker drops the request.
"""

import io
import itertools
import os
import re
import resource
import signal
import stat
from collections.abc import Iterable, Iterator
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING

import pyoxigraph

from aseankg.backends.base import Backend, ResultTooLarge, StoreFailure, StoreTooSlow
from aseankg.backends.jobs import DumpJob, Job, QueryJob, Reply
from aseankg.engine.sandbox import isolate_network
from aseankg.engine.syntax import explain
from aseankg.rdf.terms import Term

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

__all__ = ["DumpJob", "Job", "QueryJob", "Reply", "Term", "answer", "serve"]

#: How often an idle worker checks that the process that started it is still there.
_PARENT_CHECK_SECONDS = 1.0


#: How Oxigraph says that a query calls a function it lacks, or with the wrong arguments.
_QUERY_FAULT = re.compile(r"is not supported|requires between \d+ and \d+ arguments")
#: How it says that a result cannot be written in the format asked for.
_FORMAT_FAULT = re.compile(r"does not support")


class _BoundedBuffer(io.BytesIO):
    """A write target that refuses to grow past ``limit`` bytes, so serializing stops there."""

    def __init__(self, limit: int | None) -> None:
        super().__init__()
        self.limit = limit

    def write(self, data: "ReadableBuffer", /) -> int:
        if self.limit is not None and self.tell() + memoryview(data).nbytes > self.limit:
            raise ResultTooLarge(
                f"the result is larger than the limit of {self.limit // (1024 * 1024)} MB; "
                "ask for fewer rows (LIMIT) or shorter values"
            )
        return super().write(data)


class _Counted:
    """Triples up to a cap, noting whether any were left out."""

    def __init__(self, triples: Iterable[pyoxigraph.Triple], cap: int | None) -> None:
        self._triples = iter(triples)
        self._cap = cap
        self.truncated = False

    def __iter__(self) -> Iterator[pyoxigraph.Triple]:
        if self._cap is None:
            yield from self._triples
            return
        yield from itertools.islice(self._triples, self._cap)
        self.truncated = next(self._triples, None) is not None


def execute(backend: Backend, job: Job) -> Reply:
    """Run one job against the backend and serialize its result, within its limits."""
    if isinstance(job, DumpJob):
        return Reply(backend.dump(job))
    result = backend.query(job)
    output = _BoundedBuffer(job.max_result_bytes)
    if isinstance(result, pyoxigraph.QuerySolutions | pyoxigraph.QueryBoolean):
        result.serialize(
            output, format=pyoxigraph.QueryResultsFormat.from_media_type(job.media_type)
        )
        return Reply(output.getvalue())
    triples = _Counted(result, job.max_triples)
    pyoxigraph.serialize(
        triples, output, format=pyoxigraph.RdfFormat.from_media_type(job.media_type)
    )
    return Reply(output.getvalue(), truncated=triples.truncated)


def answer(backend: Backend, job: Job) -> Reply:
    """The reply to ``job``: its result, or the kind of error and a message for the user."""
    try:
        return execute(backend, job)
    except StoreTooSlow as error:
        return Reply(error="store-slow", message=str(error))
    except StoreFailure as error:
        return Reply(error="store", message=str(error))
    except SyntaxError as error:
        return Reply(error="syntax", message=syntax_message(job, error))
    except ResultTooLarge as error:
        return Reply(error="too-large", message=str(error))
    except RuntimeError as error:  # Oxigraph's word for a call it cannot evaluate
        if _QUERY_FAULT.search(str(error)):
            return Reply(error="query", message=f"the query cannot be evaluated: {error}")
        return Reply(error="failure", message=f"{type(error).__name__}: {error}")
    except OSError as error:  # and for a result the asked format cannot hold
        if _FORMAT_FAULT.search(str(error)):
            return Reply(error="format", message=f"{error}; ask for another format")
        return Reply(error="failure", message=f"{type(error).__name__}: {error}")
    except Exception as error:  # any failure goes back to the caller as a message
        return Reply(error="failure", message=f"{type(error).__name__}: {error}")


def syntax_message(job: Job, error: SyntaxError) -> str:
    """Report a syntax error at its position in the user's own text, not in a rewrite, and
    in plain words (see ``syntax``)."""
    if not isinstance(job, QueryJob):
        return str(error)
    if job.original_text is not None:
        try:
            pyoxigraph.Store().query(job.original_text, base_iri=job.base_iri)
        except SyntaxError as original_error:
            return explain(job.original_text, str(original_error), job.base_iri)
    return explain(job.text, str(error), job.base_iri)


def reset_signals() -> None:
    """Drop handlers inherited from the parent (a web server installs its own before forking us).

    A worker ends on SIGTERM like any process, ignores Ctrl-C (its parent decides when
    to stop) and does not forward signals into its parent's wake-up pipe.
    """
    signal.set_wakeup_fd(-1)
    for number in signal.valid_signals():
        if signal.getsignal(number) not in (signal.SIG_DFL, signal.SIG_IGN, None):
            signal.signal(number, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def close_inherited_sockets(keep: int) -> None:
    """Close every socket inherited from the parent but the worker's own connection.

    A worker replacing a stopped one is forked while its parent serves requests, so it
    would otherwise hold the listening socket and the client connections open for as
    long as it lives, and a connection its parent closes would never be released.
    """
    for folder in ("/proc/self/fd", "/dev/fd"):
        try:
            descriptors = [int(name) for name in os.listdir(folder)]
        except OSError:
            continue
        for descriptor in descriptors:
            try:
                is_socket = stat.S_ISSOCK(os.fstat(descriptor).st_mode)
            except OSError:  # the listing's own descriptor, closed by now
                continue
            if is_socket and descriptor != keep:
                os.close(descriptor)
        return


def _limit_memory(extra_bytes: int | None) -> None:
    """Let the process grow by ``extra_bytes`` of address space beyond what it inherited.

    The store is shared with the parent and already mapped, so the limit bounds what one
    query can allocate; past it an allocation fails and the process ends, to be replaced.
    """
    if extra_bytes is None:
        return
    try:
        with open("/proc/self/statm") as statm:  # Linux; elsewhere the limit is not set
            mapped = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return
    resource.setrlimit(resource.RLIMIT_AS, (mapped + extra_bytes, mapped + extra_bytes))


def exit_when_orphaned(connection: Connection, parent: int) -> None:
    """Wait until ``connection`` has something to read; end this process instead if the
    process that started it (``parent``) has gone, or the connection has closed."""
    try:
        while not connection.poll(_PARENT_CHECK_SECONDS):
            if os.getppid() != parent:
                os._exit(0)
    except (EOFError, OSError):
        os._exit(0)


def serve(connection: Connection, backend: Backend, memory_bytes: int | None) -> None:
    """The worker's main loop: receive a job, reply, until the connection closes.

    A worker whose backend is a store server keeps the network (the guard has refused
    SERVICE before any query gets here); the others lose it.
    """
    reset_signals()
    close_inherited_sockets(keep=connection.fileno())
    if not backend.remote:
        isolate_network()
    backend.open()  # before the memory limit: a store on disk maps its files here
    _limit_memory(memory_bytes)
    parent = os.getppid()
    while True:
        exit_when_orphaned(connection, parent)
        try:
            job = connection.recv()
        except (EOFError, OSError):
            os._exit(0)
        connection.send(answer(backend, job))
