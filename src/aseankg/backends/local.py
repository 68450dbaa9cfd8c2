"""Backends that query an Oxigraph store in the query process itself: in memory or on disk."""

import os
from datetime import datetime
from pathlib import Path

import pyoxigraph

from aseankg.backends import disk
from aseankg.backends.base import Answer
from aseankg.backends.jobs import DumpJob, QueryJob
from aseankg.backends.serialize import rdf_syntax


def query_store(store: pyoxigraph.Store, job: QueryJob) -> Answer:
    """Run ``job`` on an Oxigraph store with the dataset and bindings it asks for."""
    default: list[pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.DefaultGraph] | None = (
        None if job.default_graphs is None else [_node(iri) for iri in job.default_graphs]
    )
    named: list[pyoxigraph.NamedNode | pyoxigraph.BlankNode] | None = (
        None if job.named_graphs is None else [_node(iri) for iri in job.named_graphs]
    )
    return store.query(
        job.text,
        base_iri=job.base_iri,
        use_default_graph_as_union=default is None and job.union_default_graph,
        default_graph=default,
        named_graphs=named,
        substitutions={pyoxigraph.Variable(name): term for name, term in job.substitutions.items()}
        or None,
    )


def _node(iri: str) -> pyoxigraph.NamedNode:
    return pyoxigraph.NamedNode(iri)


def dump_store(store: pyoxigraph.Store, job: DumpJob) -> bytes:
    written = store.dump(
        format=rdf_syntax(job.media_type),
        from_graph=None if job.graph is None else pyoxigraph.NamedNode(job.graph),
        prefixes=job.prefixes or None,
    )
    assert written is not None  # no file given: the bytes
    return written


class MemoryBackend:
    """A store parsed from the files at start; query processes share it by forking."""

    remote = False
    location = "memory"

    def __init__(self, store: pyoxigraph.Store, *, version: str, modified: datetime) -> None:
        self.store = store
        self.version = version
        self.modified = modified

    def graphs(self) -> frozenset[str]:
        return frozenset(graph.value for graph in self.store.named_graphs())

    def open(self) -> None:
        """Nothing to open: the store came with the fork."""

    def query(self, job: QueryJob) -> Answer:
        return query_store(self.store, job)

    def dump(self, job: DumpJob) -> bytes:
        return dump_store(self.store, job)


class DiskBackend:
    """A store written by ``aseankg load --store PATH``, opened read-only.

    Every process opens the store itself rather than using one inherited by forking, so
    that no process touches another's database handle; opening takes milliseconds and
    parses nothing.
    """

    remote = False

    def __init__(self, path: Path) -> None:
        self.folder = disk.resolve(path)
        self.location = str(path)
        self.marker = disk.read_marker(self.folder)
        self.version = self.marker.version
        self.modified = self.marker.loaded
        self._store: pyoxigraph.Store | None = None
        self._pid = 0

    @property
    def store(self) -> pyoxigraph.Store:
        if self._store is None or self._pid != os.getpid():
            self._store = disk.open_read_only(self.folder)
            self._pid = os.getpid()
        return self._store

    def graphs(self) -> frozenset[str]:
        return frozenset(self.marker.graphs)

    def open(self) -> None:
        self.store  # noqa: B018 (opening is the point)

    def query(self, job: QueryJob) -> Answer:
        return query_store(self.store, job)

    def dump(self, job: DumpJob) -> bytes:
        return dump_store(self.store, job)
