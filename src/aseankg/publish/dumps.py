"""The whole dataset as files: one module for ``aseankg export`` and the server's ``/dumps``.

Both write the same bytes for the same syntax. TriG and N-Quads come straight
from the store, every quad in its named graph, with aseankg's prefixes where the
syntax has prefixes. Turtle, N-Triples and RDF/XML hold the union of all graphs,
for tools that read triples only, written by Oxigraph so that literals keep their
exact lexical forms. JSON-LD keeps the named graphs and is compacted with the
dataset's own context, so that it reads as plain JSON.
"""

import gzip
import io
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pyoxigraph

from aseankg.engine import Engine
from aseankg.publish.jsonld_context import derive_context
from aseankg.rdf.formats import JSON_LD, N_QUADS, TRIG, TURTLE, RdfSyntax
from aseankg.rdf.namespaces import PREFIXES
from aseankg.sources.rdflib_dataset import new_dataset

GZIP = "application/gzip"


@dataclass(frozen=True)
class Dump:
    """A file of the whole dataset, as the server offers it."""

    filename: str
    syntax: RdfSyntax
    label: str
    gzipped: bool = False

    @property
    def media_type(self) -> str:
        return GZIP if self.gzipped else self.syntax.media_type

    @property
    def path(self) -> str:
        """Where the dump is served, relative to the base."""
        return f"dumps/{self.filename}"


DUMPS: tuple[Dump, ...] = (
    Dump("aseankg.trig", TRIG, "TriG (one named graph per story)"),
    Dump("aseankg.nq", N_QUADS, "N-Quads"),
    Dump("aseankg.nq.gz", N_QUADS, "N-Quads, gzipped", gzipped=True),
    Dump("aseankg.jsonld", JSON_LD, "JSON-LD (named graphs)"),
    Dump("aseankg.ttl", TURTLE, "Turtle (the union of all graphs)"),
)


def dump_named(filename: str) -> Dump | None:
    return next((dump for dump in DUMPS if dump.filename == filename), None)


def _union(engine: Engine, syntax: RdfSyntax) -> bytes:
    quads = pyoxigraph.parse(engine.dump(N_QUADS), format=N_QUADS.oxigraph)
    union = {pyoxigraph.Triple(quad.subject, quad.predicate, quad.object) for quad in quads}
    output = io.BytesIO()
    pyoxigraph.serialize(sorted(union, key=str), output, syntax.oxigraph, prefixes=PREFIXES)
    return output.getvalue()


def _json_ld(engine: Engine, context: Mapping[str, Any]) -> bytes:
    dataset = new_dataset()
    dataset.parse(data=engine.dump(N_QUADS), format=N_QUADS.rdflib)
    return dataset.serialize(
        format=JSON_LD.rdflib, context=dict(context), auto_compact=True, encoding="utf-8"
    )


def dataset_bytes(
    engine: Engine, syntax: RdfSyntax, context: Mapping[str, Any] | None = None
) -> bytes:
    """The whole dataset in ``syntax``; ``context`` is the JSON-LD context, derived from the
    data when not given."""
    if syntax is JSON_LD:
        return _json_ld(engine, derive_context(engine) if context is None else context)
    if syntax.keeps_graphs:
        return engine.dump(syntax, prefixes=PREFIXES)
    return _union(engine, syntax)


def dump_bytes(engine: Engine, dump: Dump, context: Mapping[str, Any] | None = None) -> bytes:
    """A dump file's content; gzip with a fixed timestamp, so the bytes never change."""
    payload = dataset_bytes(engine, dump.syntax, context)
    return gzip.compress(payload, mtime=0) if dump.gzipped else payload
