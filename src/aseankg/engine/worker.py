"""The query worker: a child process that owns a copy of the store and runs one job at a time.

Oxigraph has no way to cancel a running query, so every query runs in a worker
that can be killed without harming anything else. Workers are forked from the
process that loaded the store, so they share its memory instead of re-parsing.
"""

import os
import signal
import stat
from dataclasses import dataclass, field
from multiprocessing.connection import Connection

import pyoxigraph

from aseankg.engine.sandbox import isolate_network
from aseankg.terms import Term

#: How often an idle worker checks that the process that started it is still there.
_PARENT_CHECK_SECONDS = 1.0


@dataclass(frozen=True)
class QueryJob:
    """A query as the store runs it; graph lists of None mean "as the query says"."""

    text: str
    media_type: str
    """The result syntax (format objects do not cross process boundaries)."""
    union_default_graph: bool = True
    default_graphs: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    substitutions: dict[str, Term] = field(default_factory=dict)
    original_text: str | None = None
    """The text as the user wrote it, when ``text`` is a rewrite (for error positions)."""


@dataclass(frozen=True)
class DumpJob:
    """The store in one RDF syntax, named by media type: every quad, or one graph's triples."""

    media_type: str
    graph: str | None = None
    prefixes: dict[str, str] = field(default_factory=dict)


Job = QueryJob | DumpJob


@dataclass(frozen=True)
class Reply:
    """What a worker sends back: the serialized result, or an error kind and message."""

    payload: bytes = b""
    error: str | None = None
    """None on success, else "syntax" or "failure"."""
    message: str = ""


def _graphs(iris: tuple[str, ...]) -> list[pyoxigraph.NamedNode]:
    return [pyoxigraph.NamedNode(iri) for iri in iris]


def execute(store: pyoxigraph.Store, job: Job) -> bytes:
    """Run one job against the store and serialize its result natively."""
    if isinstance(job, DumpJob):
        return store.dump(
            format=pyoxigraph.RdfFormat.from_media_type(job.media_type),
            from_graph=None if job.graph is None else pyoxigraph.NamedNode(job.graph),
            prefixes=job.prefixes or None,
        )
    options: dict[str, object] = {}
    if job.default_graphs is not None:
        options["default_graph"] = _graphs(job.default_graphs)
    elif job.union_default_graph:
        options["use_default_graph_as_union"] = True
    if job.named_graphs is not None:
        options["named_graphs"] = _graphs(job.named_graphs)
    if job.substitutions:
        options["substitutions"] = {
            pyoxigraph.Variable(name): term for name, term in job.substitutions.items()
        }
    result = store.query(job.text, **options)
    if isinstance(result, pyoxigraph.QueryTriples):
        return result.serialize(format=pyoxigraph.RdfFormat.from_media_type(job.media_type))
    return result.serialize(format=pyoxigraph.QueryResultsFormat.from_media_type(job.media_type))


def syntax_message(job: Job, error: SyntaxError) -> str:
    """Report a syntax error at its position in the user's own text, not in a rewrite."""
    if isinstance(job, QueryJob) and job.original_text is not None:
        try:
            pyoxigraph.Store().query(job.original_text)
        except SyntaxError as original_error:
            return str(original_error)
    return str(error)


def _reset_signals() -> None:
    """Drop handlers inherited from the parent (a web server installs its own before forking us).

    A worker ends on SIGTERM like any process, ignores Ctrl-C (its parent decides when
    to stop) and does not forward signals into its parent's wake-up pipe.
    """
    signal.set_wakeup_fd(-1)
    for number in signal.valid_signals():
        if signal.getsignal(number) not in (signal.SIG_DFL, signal.SIG_IGN, None):
            signal.signal(number, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _close_inherited_sockets(keep: int) -> None:
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


def serve(connection: Connection, store: pyoxigraph.Store) -> None:
    """The worker's main loop: receive a job, reply, until the connection closes."""
    _reset_signals()
    _close_inherited_sockets(keep=connection.fileno())
    isolate_network()
    parent = os.getppid()
    while True:
        try:
            while not connection.poll(_PARENT_CHECK_SECONDS):
                if os.getppid() != parent:  # orphaned: the process that owned us is gone
                    os._exit(0)
            job = connection.recv()
        except (EOFError, OSError):
            os._exit(0)
        try:
            reply = Reply(payload=execute(store, job))
        except SyntaxError as error:
            reply = Reply(error="syntax", message=syntax_message(job, error))
        except Exception as error:  # any failure goes back to the caller as a message
            reply = Reply(error="failure", message=f"{type(error).__name__}: {error}")
        connection.send(reply)
