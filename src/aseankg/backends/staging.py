"""The bodies that stage a load in a store server: many graphs per request, each graph
renamed to a staging graph, so that a million quads take about fifty requests."""

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

import pyoxigraph

from aseankg.backends import reading
from aseankg.backends.serialize import rdf_bytes
from aseankg.sources.files import Source


@dataclass(frozen=True)
class Batch:
    """Whole graphs read for one request: each graph's IRI and its triples."""

    graphs: tuple[tuple[str, list[pyoxigraph.Triple]], ...]

    @property
    def triples(self) -> int:
        return sum(len(triples) for _, triples in self.graphs)


def batches(graphs: Mapping[str, list[Source]], size: int) -> Iterator[Batch]:
    """The graphs read in order and gathered until a batch holds ``size`` triples or more
    (a graph is never split: one larger than ``size`` is a batch of its own)."""
    gathered: list[tuple[str, list[pyoxigraph.Triple]]] = []
    count = 0
    for iri, files in graphs.items():
        triples = list(reading.triples(files))
        gathered.append((iri, triples))
        count += len(triples)
        if count >= size:
            yield Batch(tuple(gathered))
            gathered, count = [], 0
    if gathered:
        yield Batch(tuple(gathered))


def n_quads(batch: Batch, staging: Mapping[str, str]) -> bytes:
    """The batch as N-Quads, each graph under its staging name."""
    return rdf_bytes(
        (
            pyoxigraph.Quad(t.subject, t.predicate, t.object, pyoxigraph.NamedNode(staging[iri]))
            for iri, triples in batch.graphs
            for t in triples
        ),
        pyoxigraph.RdfFormat.N_QUADS,
    )


def insert_data(batch: Batch, staging: Mapping[str, str]) -> str:
    """The batch as one SPARQL ``INSERT DATA``, each graph under its staging name."""
    blocks = (
        f"GRAPH <{staging[iri]}> {{\n{_n_triples(triples)}}}" for iri, triples in batch.graphs
    )
    return "INSERT DATA {\n" + "\n".join(blocks) + "\n}"


def _n_triples(triples: Iterable[pyoxigraph.Triple]) -> str:
    return rdf_bytes(triples, pyoxigraph.RdfFormat.N_TRIPLES).decode()


def switch(names: Mapping[str, str], held: Iterable[str]) -> str:
    """One update moving every staged graph into place, as three operations over all graphs
    at once: the graphs ``held`` before emptied, the staged triples copied into place, the
    staging graphs emptied. (Oxigraph's time for one MOVE per graph grows faster than the
    data, 14 s at 100,000 quads and 92 s at 300,000; these three grow with it.)"""
    old = " ".join(f"<{iri}>" for iri in sorted(held))
    pairs = " ".join(f"(<{stage}> <{iri}>)" for iri, stage in names.items())
    stages = " ".join(f"<{stage}>" for stage in names.values())
    return (
        f"DELETE {{ GRAPH ?g {{ ?s ?p ?o }} }} WHERE {{ VALUES ?g {{ {old} }} "
        "GRAPH ?g { ?s ?p ?o } } ;\n"
        "INSERT { GRAPH ?graph { ?s ?p ?o } } WHERE "
        f"{{ VALUES (?g ?graph) {{ {pairs} }} GRAPH ?g {{ ?s ?p ?o }} }} ;\n"
        f"DELETE {{ GRAPH ?g {{ ?s ?p ?o }} }} WHERE {{ VALUES ?g {{ {stages} }} "
        "GRAPH ?g { ?s ?p ?o } }"
    )


def in_groups(operations: list[str], size: int) -> Iterator[str]:
    """``operations`` joined into update requests of at most ``size`` operations each."""
    for start in range(0, len(operations), size):
        yield " ;\n".join(operations[start : start + size])
