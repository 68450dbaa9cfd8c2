"""The forms a linked-data resource can be sent in, and how RDF is written in each.

Triple syntaxes (Turtle, N-Triples, RDF/XML, JSON-LD) carry the union of a
description's graphs; TriG and N-Quads keep the named graph, that is the
story, of every fact. JSON-LD is compacted with the dataset's own context so
that it reads as plain JSON.
"""

from dataclasses import dataclass

from rdflib import Dataset, Graph

from aseankg.engine import GRAPH_FORMATS
from aseankg.export import union_graph
from aseankg.linkeddata.context import dataset_context
from aseankg.namespaces import PREFIXES


@dataclass(frozen=True)
class Representation:
    """One response form; ``name`` and ``aliases`` are its ``format=`` values and extensions."""

    name: str
    media_type: str
    aliases: tuple[str, ...] = ()
    rdflib_format: str | None = None
    """rdflib's serializer name; None for the HTML page."""
    keeps_graphs: bool = False
    label: str = ""
    """The syntax's name for people."""
    also_accepts: tuple[str, ...] = ()
    """Broader media types this form answers too (``application/json`` for JSON-LD)."""

    @property
    def extension(self) -> str:
        return self.name

    @property
    def is_text(self) -> bool:
        return self.media_type.startswith("text/") or self.name in ("nt", "trig", "nq", "jsonld")


_RDFLIB_FORMATS = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
    "application/trig": "trig",
    "application/n-quads": "nquads",
}
_LABELS = {
    "text/turtle": "Turtle",
    "application/n-triples": "N-Triples",
    "application/ld+json": "JSON-LD",
    "application/rdf+xml": "RDF/XML",
    "application/trig": "TriG",
    "application/n-quads": "N-Quads",
}
_QUAD_FORMATS = frozenset({"application/trig", "application/n-quads"})

HTML = Representation("html", "text/html", ("htm",), label="HTML")
RDF_FORMATS: tuple[Representation, ...] = tuple(
    Representation(
        fmt.name,
        fmt.media_type,
        fmt.aliases,
        _RDFLIB_FORMATS[fmt.media_type],
        fmt.media_type in _QUAD_FORMATS,
        _LABELS[fmt.media_type],
        ("application/json",) if fmt.media_type == "application/ld+json" else (),
    )
    for fmt in GRAPH_FORMATS
)
TRIPLE_FORMATS = tuple(fmt for fmt in RDF_FORMATS if not fmt.keeps_graphs)

#: What an entity IRI answers with: a page for people, then every RDF syntax.
RESOURCE_OFFERS = (HTML, *RDF_FORMATS)
#: What the ontology and shapes documents answer with (one graph each).
DOCUMENT_OFFERS = (HTML, *TRIPLE_FORMATS)


def by_name(name: str) -> Representation:
    return next(rep for rep in (HTML, *RDF_FORMATS) if rep.name == name)


def serialize(data: Graph, representation: Representation) -> bytes:
    """``data`` in an RDF syntax: a Dataset keeps its graphs only in TriG and N-Quads."""
    assert representation.rdflib_format is not None
    if isinstance(data, Dataset) and not representation.keeps_graphs:
        data = union_graph(data)
    for prefix, namespace in PREFIXES.items():
        data.bind(prefix, namespace, replace=True)
    if representation.name == "jsonld":
        return data.serialize(
            format="json-ld", context=dataset_context(), auto_compact=True, encoding="utf-8"
        )
    return data.serialize(format=representation.rdflib_format, encoding="utf-8")
