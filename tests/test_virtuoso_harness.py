"""A real Virtuoso started by ``tests.support.virtuoso``, and what it gives back.

A graph of every kind of term the bundled data uses goes in through the Graph Store
Protocol and comes back through SPARQL; the assertions hold what Virtuoso really answers,
with a comment wherever that is not what went in.
"""

import dataclasses
import json
import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from tests.support.http import Reply, fetch
from tests.support.virtuoso import Virtuoso, running_virtuoso

XSD = "http://www.w3.org/2001/XMLSchema#"
EX = "http://example.org/"
SAMPLE_GRAPH = "http://example.org/graph/sample"
SAMPLE = """\
@prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:s ex:year "2025"^^xsd:gYear ;
    ex:month "2025-10"^^xsd:gYearMonth ;
    ex:date "2025-10-26"^^xsd:date ;
    ex:amount "1.50"^^xsd:decimal ;
    ex:whole "40000000000"^^xsd:decimal ;
    ex:label "Kuala Lumpur"@en , "吉隆坡"@zh , "Hà Nội"@vi ;
    ex:plain "plain" ;
    ex:node [ ex:name "anon" ] ;
    ex:link <http://example.org/Hà_Nội> , <http://example.org/caf%C3%A9> .
"""


@pytest.fixture(scope="session")
def virtuoso() -> Iterator[Virtuoso]:
    with running_virtuoso() as store:
        yield store


def put_graph(virtuoso: Virtuoso, graph: str, turtle: str) -> int:
    """Replace ``graph`` with ``turtle`` through the Graph Store Protocol; the status."""
    request = urllib.request.Request(
        f"{virtuoso.graph_store_url}?{urlencode({'graph-uri': graph})}",
        data=turtle.encode(),
        method="PUT",
        headers={"Content-Type": "text/turtle"},
    )
    with virtuoso.opener().open(request, timeout=30) as response:
        return response.status


@pytest.fixture(scope="module")
def sample(virtuoso: Virtuoso) -> Virtuoso:
    put_graph(virtuoso, SAMPLE_GRAPH, SAMPLE)
    return virtuoso


def query(virtuoso: Virtuoso, text: str, accept: str, **parameters: str | list[str]) -> Reply:
    target = "/sparql?" + urlencode({"query": text, **parameters}, doseq=True)
    return fetch(virtuoso.base, "GET", target, headers={"Accept": accept})


def select(virtuoso: Virtuoso, text: str, **parameters: str | list[str]) -> list[dict]:
    reply = query(virtuoso, text, "application/sparql-results+json", **parameters)
    assert reply.status == 200, reply.text
    return json.loads(reply.body)["results"]["bindings"]


def listening_addresses(port: int) -> set[str]:
    """Local addresses of the TCP sockets listening on ``port`` (from /proc/net)."""
    found = set()
    for table in ("tcp", "tcp6"):
        for line in Path(f"/proc/net/{table}").read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:
                found.add(address)
    return found


def test_starts_and_answers_sparql(virtuoso: Virtuoso) -> None:
    reply = query(virtuoso, "SELECT (1 AS ?one) {}", "application/sparql-results+json")
    assert reply.status == 200
    assert reply.headers["Server"].startswith("Virtuoso/")
    assert virtuoso.start_seconds < 60


@pytest.mark.slow
def test_a_late_start_fails_with_the_log() -> None:
    with pytest.raises(RuntimeError, match="did not answer") as late, running_virtuoso(0):
        pass
    assert "The DBA password is changed." in str(late.value)


def test_listens_on_loopback_only(virtuoso: Virtuoso) -> None:
    loopback = "0100007F"  # 127.0.0.1 as /proc/net/tcp writes it
    assert listening_addresses(virtuoso.sql_port) == {loopback}
    assert listening_addresses(int(virtuoso.base.rsplit(":", 1)[1])) == {loopback}


def test_default_password_is_refused(virtuoso: Virtuoso) -> None:
    default = dataclasses.replace(virtuoso, password="dba")
    with pytest.raises(urllib.error.HTTPError) as refused:
        put_graph(default, f"{EX}graph/refused", SAMPLE)
    assert refused.value.code == 401


def test_put_creates_then_replaces_a_graph(virtuoso: Virtuoso) -> None:
    graph = f"{EX}graph/replaced"
    assert put_graph(virtuoso, graph, f"<{EX}a> <{EX}p> 1 , 2 .") == 201
    assert put_graph(virtuoso, graph, f"<{EX}a> <{EX}p> 3 .") == 200
    rows = select(virtuoso, f"SELECT ?o {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    assert [row["o"]["value"] for row in rows] == ["3"]


def typed(value: str, datatype: str) -> dict[str, str]:
    # "typed-literal", a type from a draft of the JSON format, not "literal".
    return {"type": "typed-literal", "datatype": XSD + datatype, "value": value}


def test_select_gives_back_each_kind_of_term(sample: Virtuoso) -> None:
    rows = select(sample, f"SELECT ?p ?o {{ GRAPH <{SAMPLE_GRAPH}> {{ ?s ?p ?o }} }}")
    answers = sorted(([row["p"]["value"].removeprefix(EX), row["o"]] for row in rows), key=str)
    blank = next(term for name, term in answers if name == "node")
    # Blank nodes come as Virtuoso's internal names.
    assert blank["type"] == "bnode"
    assert blank["value"].startswith("nodeID://")
    expected = [
        # Decimals are stored as numbers: "1.50" comes back in canonical form.
        ["amount", typed("1.5", "decimal")],
        ["date", typed("2025-10-26", "date")],
        ["label", {"type": "literal", "xml:lang": "en", "value": "Kuala Lumpur"}],
        ["label", {"type": "literal", "xml:lang": "vi", "value": "Hà Nội"}],
        ["label", {"type": "literal", "xml:lang": "zh", "value": "吉隆坡"}],
        ["link", {"type": "uri", "value": "http://example.org/Hà_Nội"}],
        ["link", {"type": "uri", "value": "http://example.org/caf%C3%A9"}],
        ["month", typed("2025-10", "gYearMonth")],
        ["name", {"type": "literal", "value": "anon"}],
        ["node", blank],
        ["plain", {"type": "literal", "value": "plain"}],
        ["whole", typed("40000000000", "decimal")],
        ["year", typed("2025", "gYear")],
    ]
    assert answers == sorted(expected, key=str)


def construct_sample(virtuoso: Virtuoso, media_type: str) -> str:
    text = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{SAMPLE_GRAPH}> {{ ?s ?p ?o }} }}"
    reply = query(virtuoso, text, media_type)
    assert reply.status == 200
    assert reply.media_type == media_type
    # Non-ASCII characters are written as \uXXXX escapes, in IRIs as in literals.
    assert "\\u5409\\u9686\\u5761" in reply.text
    assert "<http://example.org/H\\u00E0_N\\u1ED9i>" in reply.text
    return reply.text


def canonical_sample(whole_decimal: str = '"40000000000"^^xsd:decimal') -> Graph:
    """The sample as Virtuoso keeps it: decimals in canonical form."""
    turtle = SAMPLE.replace('"1.50"', '"1.5"')
    turtle = turtle.replace('"40000000000"^^xsd:decimal', whole_decimal)
    return Graph().parse(data=turtle, format="turtle")


def test_construct_as_n_triples_gives_back_the_graph(sample: Virtuoso) -> None:
    answer = construct_sample(sample, "application/n-triples")
    assert isomorphic(Graph().parse(data=answer, format="nt"), canonical_sample())


def test_construct_as_turtle_turns_whole_decimals_into_integers(sample: Virtuoso) -> None:
    answer = construct_sample(sample, "text/turtle")
    # Written bare (40000000000), which Turtle reads as an xsd:integer.
    assert re.search(r"\t40000000000\s*[;,.]", answer)
    turned = canonical_sample(whole_decimal="40000000000")
    assert isomorphic(Graph().parse(data=answer, format="turtle"), turned)


def test_default_graph_uris_make_a_union(virtuoso: Virtuoso) -> None:
    for name in ("one", "two", "three"):
        put_graph(virtuoso, f"{EX}graph/{name}", f'<{EX}union> <{EX}from> "{name}" .')
    text = f"SELECT ?o {{ <{EX}union> <{EX}from> ?o }} ORDER BY ?o"
    chosen = [f"{EX}graph/one", f"{EX}graph/three"]
    rows = select(virtuoso, text, **{"default-graph-uri": chosen})
    assert [row["o"]["value"] for row in rows] == ["one", "three"]
    # With no dataset the default graph is every graph, Virtuoso's own ones included.
    assert len(select(virtuoso, text)) == 3
    graphs = select(virtuoso, "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }")
    assert "http://www.openlinksw.com/schemas/virtrdf#" in {row["g"]["value"] for row in graphs}


def test_ask_answers_as_a_table(virtuoso: Virtuoso) -> None:
    # Not {"boolean": true}: a one-row table whose integer is 1 or 0.
    rows = select(virtuoso, "ASK { ?s ?p ?o }")
    assert rows == [{"__ASK_RETVAL": typed("1", "integer")}]


def test_a_syntax_error_is_a_plain_text_400(virtuoso: Virtuoso) -> None:
    reply = query(virtuoso, "SELECT * WHERE { ?s ?p }", "application/sparql-results+json")
    assert reply.status == 400
    assert reply.media_type == "text/plain"
    assert reply.text.startswith("Virtuoso 37000 Error SP030: SPARQL compiler")
