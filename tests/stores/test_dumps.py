"""Dumps from a store server are written graph by graph, and read as if written at once."""

import pyoxigraph
import pytest

from aseankg.rdf.namespaces import PREFIXES
from tests.support.http import fetch


@pytest.mark.parametrize(
    ("path", "syntax"),
    [
        ("/dumps/aseankg.trig", pyoxigraph.RdfFormat.TRIG),
        ("/dumps/aseankg.nq", pyoxigraph.RdfFormat.N_QUADS),
    ],
)
def test_a_dump_written_graph_by_graph_is_the_dump_written_at_once(
    oxigraph_backed_server: str, path: str, syntax: pyoxigraph.RdfFormat
) -> None:
    found = fetch(oxigraph_backed_server, "GET", path)
    quads = list(pyoxigraph.parse(found.body, format=syntax))
    at_once = pyoxigraph.serialize(quads, format=syntax, prefixes=dict(PREFIXES))
    assert len({quad.graph_name for quad in quads}) == 12
    assert found.body.count(b"@prefix ak: ") == (1 if syntax is pyoxigraph.RdfFormat.TRIG else 0)
    assert found.body == at_once
