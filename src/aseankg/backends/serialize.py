"""RDF written to bytes by Oxigraph, typed as what it is when no output file is given."""

from collections.abc import Iterable, Mapping

import pyoxigraph

Items = Iterable[pyoxigraph.Triple] | Iterable[pyoxigraph.Quad]


def rdf_syntax(media_type: str) -> pyoxigraph.RdfFormat:
    """The RDF syntax of ``media_type``, which a dump job names from the dumps offered."""
    syntax = pyoxigraph.RdfFormat.from_media_type(media_type)
    if syntax is None:
        raise ValueError(f"{media_type} is not an RDF syntax")
    return syntax


def rdf_bytes(
    items: Items, syntax: pyoxigraph.RdfFormat, prefixes: Mapping[str, str] | None = None
) -> bytes:
    """``items`` in ``syntax``; pyoxigraph returns None only when it writes to a file."""
    written = pyoxigraph.serialize(
        items, format=syntax, prefixes=dict(prefixes) if prefixes else None
    )
    assert written is not None
    return written
