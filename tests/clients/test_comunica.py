"""Comunica, a JavaScript linked-data and SPARQL engine, against a real ``aseankg serve``.

Its command line (npm ``@comunica/query-sparql``, pinned in ``comunica/``, installed by
``.ci/run`` with ``npm ci``) queries the server two ways: an entity IRI as a linked-data
source, which it dereferences asking for N-Quads first and reads as a dataset (only the
default graph answers a pattern outside ``GRAPH``), and the endpoint as a SPARQL source.
Each run takes about a second, so the tests ask a few queries that say much.

Comunica 4 is pinned because it runs on the Node.js that Debian ships (5 needs Node 22).
Its SPARQL source hands its own RDF/JS term factory to the SPARQL results parsers, whose
3.x releases call it in a form that factory does not know, so that ``"Malaysia"@en``
would arrive as ``"Malaysia"^^undefined``; ``package.json`` overrides them with 2.x.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from rdflib import RDFS, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.term import Node

from aseankg.rdf.namespaces import ID, REFERENCE_GRAPH

COMUNICA = Path(__file__).resolve().parent / "comunica"
#: What ``node_modules/.bin/comunica-sparql`` runs.
CLI = COMUNICA / "node_modules" / "@comunica" / "query-sparql" / "bin" / "query.js"
MALAYSIA = URIRef("https://w3id.org/aseankg/id/country/my")
PARTICIPATIONS = (
    "PREFIX ak: <https://w3id.org/aseankg/ontology#>\n"
    f"SELECT ?event ?role WHERE {{ ?part ak:participant <{MALAYSIA}> ; ak:role ?role . "
    "?event ak:hasParticipation ?part }"
)


@pytest.fixture(scope="module")
def node() -> str:
    """Node.js and Comunica's command line, which these tests must have: never skipped."""
    found = shutil.which("node")
    if found is None or not CLI.is_file():
        pytest.fail(
            "Comunica's command line is missing: .ci/run installs Node.js and runs "
            f"'npm ci' in {COMUNICA} (node: {found or 'not found'}, CLI: {CLI})"
        )
    return found


def comunica(node: str, source: str, query: str, output: str) -> str:
    """The answer of ``comunica-sparql SOURCE QUERY`` written as ``output`` (a media type)."""
    done = subprocess.run(
        [node, str(CLI), source, "-q", query, "-t", output, "--httpTimeout", "20000"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def solutions(answer: str) -> set[tuple[Node, ...]]:
    """The rows of a SPARQL JSON answer, as rdflib terms in the order of its variables."""
    document = json.loads(answer)
    names = document["head"]["vars"]
    return {
        tuple(term(binding[name]) for name in names) for binding in document["results"]["bindings"]
    }


def term(value: dict[str, str]) -> Node:
    if value["type"] == "uri":
        return URIRef(value["value"])
    return Literal(value["value"], lang=value.get("xml:lang"), datatype=value.get("datatype"))


def roles_of_malaysia(dataset: Dataset) -> set[tuple[Node, ...]]:
    """What ``PARTICIPATIONS`` finds in the data itself: the host and co-chair roles."""
    found = {tuple(row) for row in dataset.query(PARTICIPATIONS)}
    assert {role for _, role in found} >= {ID["role/host"], ID["role/co-chair"]}
    return found


def test_an_entity_iri_is_a_linked_data_source(
    live_server: str, node: str, dataset: Dataset
) -> None:
    source = f"{live_server}/id/country/my"
    facts = comunica(
        node,
        source,
        f"SELECT ?p ?o WHERE {{ <{MALAYSIA}> ?p ?o }}",
        "application/sparql-results+json",
    )
    expected = set(dataset.predicate_objects(MALAYSIA))
    assert (RDFS.label, Literal("Malaysia", lang="en")) in expected
    assert solutions(facts) == expected
    participations = comunica(node, source, PARTICIPATIONS, "application/sparql-results+json")
    assert solutions(participations) == roles_of_malaysia(dataset)


def test_the_story_of_a_fact_is_a_named_graph_of_the_document(live_server: str, node: str) -> None:
    query = f'SELECT ?g WHERE {{ GRAPH ?g {{ <{MALAYSIA}> <{RDFS.label}> "Malaysia"@en }} }}'
    answer = comunica(
        node, f"{live_server}/id/country/my", query, "application/sparql-results+json"
    )
    assert solutions(answer) == {(REFERENCE_GRAPH,)}


def test_the_endpoint_is_a_sparql_source(live_server: str, node: str, dataset: Dataset) -> None:
    source = f"sparql@{live_server}/sparql"
    rows = solutions(comunica(node, source, PARTICIPATIONS, "application/sparql-results+json"))
    assert rows == roles_of_malaysia(dataset)
    construct = f"CONSTRUCT {{ <{MALAYSIA}> ?p ?o }} WHERE {{ <{MALAYSIA}> ?p ?o }}"
    triples = comunica(node, source, construct, "application/n-triples")
    expected = Graph()
    for pair in dataset.predicate_objects(MALAYSIA):
        expected.add((MALAYSIA, *pair))
    received = Graph().parse(data=triples, format="nt")
    assert (MALAYSIA, RDFS.label, Literal("Malaysia", lang="en")) in received
    assert isomorphic(received, expected)
