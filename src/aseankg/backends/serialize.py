"""RDF written to bytes by Oxigraph, typed as what it is when no output file is given."""

from collections.abc import Iterable, Mapping

import pyoxigraph

Items = Iterable[pyoxigraph.Triple] | Iterable[pyoxigraph.Quad]


def rdf_bytes(
    items: Items, syntax: pyoxigraph.RdfFormat, prefixes: Mapping[str, str] | None = None
) -> bytes:
    """``items`` in ``syntax``; pyoxigraph returns None only when it writes to a file."""
    written = pyoxigraph.serialize(
        items, format=syntax, prefixes=dict(prefixes) if prefixes else None
    )
    assert written is not None
    return written
