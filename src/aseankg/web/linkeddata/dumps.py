"""The whole dataset as downloadable files.

TriG and N-Quads come straight from the store (``engine.dump``), every quad
in its named graph; the gzipped N-Quads is that file compressed with a fixed
timestamp, so its bytes (and ETag) do not change between runs. JSON-LD keeps
the named graphs and is compacted with the dataset's context; Turtle holds the
union of all graphs, for tools that read triples only, written by Oxigraph so
that literals keep their exact lexical forms.
"""

import gzip
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import pyoxigraph
from flask import current_app
from rdflib import Dataset

from aseankg.dataset import new_dataset
from aseankg.formats import JSON_LD
from aseankg.namespaces import PREFIXES
from aseankg.web.extension import current_engine
from aseankg.web.linkeddata.cache import app_cached
from aseankg.web.linkeddata.representations import serialize
from aseankg.web.settings import sources_of

_NQUADS = "application/n-quads"


@dataclass(frozen=True)
class Dump:
    filename: str
    media_type: str
    label: str
    build: Callable[[], bytes]

    @property
    def path(self) -> str:
        """Where the dump is served, relative to the base."""
        return f"dumps/{self.filename}"


@app_cached
def _nquads() -> bytes:
    return current_engine().dump(_NQUADS)


@app_cached
def _dataset() -> Dataset:
    dataset = new_dataset()
    dataset.parse(data=_nquads(), format="nquads")
    return dataset


def _trig() -> bytes:
    return current_engine().dump("application/trig")


def _nquads_gzip() -> bytes:
    return gzip.compress(_nquads(), mtime=0)


def _jsonld() -> bytes:
    return serialize(_dataset(), JSON_LD, keep_graphs=True)


def _turtle() -> bytes:
    """The union, written by Oxigraph so every literal keeps its lexical form."""
    quads = pyoxigraph.parse(_nquads(), format=pyoxigraph.RdfFormat.N_QUADS)
    union = {pyoxigraph.Triple(quad.subject, quad.predicate, quad.object) for quad in quads}
    return pyoxigraph.serialize(
        sorted(union, key=str), format=pyoxigraph.RdfFormat.TURTLE, prefixes=PREFIXES
    )


DUMPS: tuple[Dump, ...] = (
    Dump("aseankg.trig", "application/trig", "TriG (one named graph per story)", _trig),
    Dump("aseankg.nq", _NQUADS, "N-Quads", _nquads),
    Dump("aseankg.nq.gz", "application/gzip", "N-Quads, gzipped", _nquads_gzip),
    Dump("aseankg.jsonld", "application/ld+json", "JSON-LD (named graphs)", _jsonld),
    Dump("aseankg.ttl", "text/turtle", "Turtle (the union of all graphs)", _turtle),
)


def dump_named(filename: str) -> Dump | None:
    return next((dump for dump in DUMPS if dump.filename == filename), None)


@app_cached
def dump_bytes(filename: str) -> bytes:
    """The content of a dump, built on first request and kept."""
    dump = dump_named(filename)
    assert dump is not None
    return dump.build()


@app_cached
def last_modified() -> datetime:
    """When the newest source file last changed: it moves only when the data does."""
    newest = max(source.path.stat().st_mtime for source in sources_of(current_app.config))
    return datetime.fromtimestamp(int(newest), UTC)
