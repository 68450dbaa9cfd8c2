"""Every canned query and every entity page answers the same from every backend as from the
store in memory: the same rows, the same graphs, the same pages."""

import json
from collections.abc import Iterator
from urllib.parse import urlencode

import pyoxigraph
import pytest
from rdflib import DCTERMS, Graph
from rdflib.compare import isomorphic

from aseankg.canned.catalogue import Catalogue
from aseankg.rdf.namespaces import BASE, ID
from aseankg.sources import bundle
from tests.support.http import fetch

CATALOGUE = Catalogue.load(bundle.queries_dir())
#: Values for the parameters a query cannot run without, where none are enumerated.
EXAMPLES = {
    "actor": [f"{ID}country/my", f"{ID}person/xi-jinping", f"{ID}organisation/asean"],
    "name": ["Kuala Lumpur", "ASEAN"],
}
#: What Virtuoso answers otherwise (see aseankg.backends.kinds.virtuoso): property paths
#: joined with other patterns, EXISTS as an integer, and counts over BIND and GROUP BY.
VIRTUOSO_DIFFERS = frozenset(
    {
        "agreement-parties",
        "documents-2025",
        "events-timeline",
        "topic-items",
        *(f"events-by-country/{country}" for country in ("cn", "kh", "mm", "my", "vn")),
        "pages",
    }
)
JSON_RESULTS = {"Accept": "application/sparql-results+json"}
TURTLE = {"Accept": "text/turtle"}


def calls() -> Iterator[tuple[str, dict[str, str]]]:
    """Each canned query with each example of its required parameter (none: as it is)."""
    for name, query in CATALOGUE.items():
        required = [p for p in query.parameters if not p.optional and p.default is None]
        if not required:
            yield name, {}
            continue
        (parameter,) = required
        for value in parameter.allowed or EXAMPLES[parameter.name]:
            yield name, {parameter.name: value}


CALLS = list(calls())


def expect_known_differences(request: pytest.FixtureRequest, case: str) -> None:
    """Mark a case Virtuoso is known to answer otherwise: it must go on failing, so that
    the list is shortened the day Virtuoso agrees."""
    if request.node.callspec.params["store_server"] == "virtuoso" and case in VIRTUOSO_DIFFERS:
        request.applymarker(pytest.mark.xfail(strict=True, reason="Virtuoso answers otherwise"))


def answer(base: str, name: str, parameters: dict[str, str]) -> object:
    """A canned query's answer, read: rows as a sorted list, graphs as graphs."""
    query = CATALOGUE[name]
    target = f"/api/queries/{name}?{urlencode(parameters)}"
    if query.form in ("CONSTRUCT", "DESCRIBE"):
        reply = fetch(base, "GET", target, headers=TURTLE)
        assert reply.status == 200, reply.text
        return Graph().parse(data=reply.body, format="turtle")
    reply = fetch(base, "GET", target, headers=JSON_RESULTS)
    assert reply.status == 200, reply.text
    results = json.loads(reply.body)
    if "boolean" in results:
        return results["boolean"]
    # Sorted: rows that tie under ORDER BY may come in any order, and so may the parts of a
    # GROUP_CONCAT (joined with "; " in these queries).
    rows = sorted(
        json.dumps(
            {
                name: {**term, "value": sorted(term["value"].split("; "))}
                for name, term in row.items()
            },
            sort_keys=True,
        )
        for row in results["results"]["bindings"]
    )
    return results["head"]["vars"], rows


@pytest.mark.parametrize(("name", "parameters"), CALLS, ids=[f"{n}{p}" for n, p in CALLS])
def test_every_canned_query_answers_alike(
    live_server: str,
    store_server: str,
    name: str,
    parameters: dict[str, str],
    request: pytest.FixtureRequest,
) -> None:
    example = "".join(f"/{value.rsplit('/', 1)[-1]}" for value in parameters.values())
    expect_known_differences(request, name + example if parameters else name)
    expected = answer(live_server, name, parameters)
    found = answer(store_server, name, parameters)
    if isinstance(expected, Graph):
        assert isinstance(found, Graph) and isomorphic(found, expected)
    else:
        assert found == expected
    assert expected, "an example must have an answer, or it compares nothing"


PREFIXES = "PREFIX ak: <https://w3id.org/aseankg/ontology#> "
PREFIXES += "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
#: Queries of every form through /sparql, answered alike by every store.
AD_HOC = {
    "ask-true": "ASK { ?s a ak:Agreement }",
    "ask-false": "ASK { ?s a ak:Nothing }",
    "construct": "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s a ak:Agreement ; rdfs:label ?l }",
    "per-graph": "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
    "one-graph": "SELECT ?p ?o WHERE { GRAPH <https://w3id.org/aseankg/graph/story/04> "
    "{ ?s ?p ?o } }",
}


@pytest.mark.parametrize("name", AD_HOC)
def test_queries_of_every_form_answer_alike(live_server: str, store_server: str, name: str) -> None:
    text = PREFIXES + AD_HOC[name]
    accept = TURTLE if name == "construct" else JSON_RESULTS
    found, expected = (
        fetch(base, "GET", f"/sparql?{urlencode({'query': text})}", headers=accept)
        for base in (store_server, live_server)
    )
    assert (found.status, expected.status) == (200, 200), found.text
    if name == "construct":
        assert isomorphic(Graph().parse(data=found.body), Graph().parse(data=expected.body))
        return
    ours, theirs = json.loads(found.body), json.loads(expected.body)
    if "boolean" in theirs:
        assert ours == theirs
        return
    rows = [
        sorted(json.dumps(row, sort_keys=True) for row in r["results"]["bindings"])
        for r in (ours, theirs)
    ]
    assert rows[0] == rows[1] and rows[1]


def entity_paths(base: str) -> list[str]:
    text = f"SELECT DISTINCT ?s WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), '{ID}')) }}"
    reply = fetch(base, "GET", f"/sparql?{urlencode({'query': text})}", headers=JSON_RESULTS)
    iris = [row["s"]["value"] for row in json.loads(reply.body)["results"]["bindings"]]
    return sorted("/" + iri.removeprefix(BASE) for iri in iris)


def test_every_entity_page_is_alike(
    live_server: str, store_server: str, request: pytest.FixtureRequest
) -> None:
    expect_known_differences(request, "pages")
    paths = entity_paths(live_server)
    assert len(paths) > 100
    assert entity_paths(store_server) == paths
    for path in paths:
        expected = fetch(live_server, "GET", path, headers=TURTLE)
        found = fetch(store_server, "GET", path, headers=TURTLE)
        assert (found.status, expected.status) == (200, 200), path
        assert isomorphic(
            Graph().parse(data=found.body, format="turtle"),
            Graph().parse(data=expected.body, format="turtle"),
        ), path
        page = fetch(store_server, "GET", path, headers={"Accept": "text/html"}).text
        expected_page = fetch(live_server, "GET", path, headers={"Accept": "text/html"}).text
        assert page.replace(store_server, live_server) == expected_page, path


@pytest.mark.parametrize(
    ("path", "syntax"),
    [
        ("/dumps/aseankg.nq", pyoxigraph.RdfFormat.N_QUADS),
        ("/dumps/aseankg.trig", pyoxigraph.RdfFormat.TRIG),
        ("/dumps/aseankg.ttl", pyoxigraph.RdfFormat.TURTLE),
        ("/graph/reference.nq", pyoxigraph.RdfFormat.N_QUADS),
    ],
)
def test_dumps_and_graphs_hold_the_same_quads(
    live_server: str, store_server: str, path: str, syntax: pyoxigraph.RdfFormat
) -> None:
    found, expected = (fetch(base, "GET", path) for base in (store_server, live_server))
    assert (found.status, expected.status) == (200, 200)
    quads = set(pyoxigraph.parse(found.body, format=syntax))
    assert len(quads) > 100
    assert quads == set(pyoxigraph.parse(expected.body, format=syntax))


def test_void_counts_come_from_the_store(
    live_server: str, store_server: str, request: pytest.FixtureRequest
) -> None:
    """The same description and figures; only the date differs (when the store was loaded)."""
    expect_known_differences(request, "void")
    found, expected = (
        Graph().parse(
            data=fetch(base, "GET", "/.well-known/void", headers=TURTLE).text.replace(
                base, live_server
            ),
            format="turtle",
        )
        for base in (store_server, live_server)
    )
    for graph in (found, expected):
        graph.remove((None, DCTERMS.modified, None))
    assert isomorphic(found, expected)
