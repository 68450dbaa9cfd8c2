"""GET /sparql without a query: the SPARQL 1.1 Service Description, or a query page."""

import re
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, VOID

from aseankg.rdf.namespaces import FORMATS, ONTOLOGY, REFERENCE_GRAPH, SD, story_graph
from aseankg.web import Settings, create_app
from aseankg.web.linkeddata.void import DATASET
from aseankg.web.site import site_of
from tests.support.http import fetch, sparql_target

BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
SYNTAXES = [
    ("ttl", "text/turtle", "turtle"),
    ("jsonld", "application/ld+json", "json-ld"),
    ("rdfxml", "application/rdf+xml", "xml"),
    ("nt", "application/n-triples", "nt"),
]
ALL_GRAPHS = {URIRef(str(story_graph(n))) for n in range(1, 11)} | {REFERENCE_GRAPH, ONTOLOGY}


def description(base: str, **headers: str) -> Graph:
    reply = fetch(base, "GET", "/sparql", headers=headers)
    assert reply.status == 200, reply.text
    assert reply.headers["Vary"] == "Accept"
    return Graph().parse(data=reply.body, format="turtle")


def test_describes_the_service(live_server: str) -> None:
    graph = description(live_server)
    service = graph.value(predicate=RDF.type, object=SD.Service)
    assert graph.value(service, SD.endpoint) == URIRef(live_server + "/sparql")
    assert set(graph.objects(service, SD.supportedLanguage)) == {SD.SPARQL11Query}
    assert SD.UnionDefaultGraph in set(graph.objects(service, SD.feature))
    assert set(graph.objects(service, SD.resultFormat)) == {
        FORMATS[name]
        for name in (
            "SPARQL_Results_JSON",
            "SPARQL_Results_XML",
            "SPARQL_Results_CSV",
            "SPARQL_Results_TSV",
            "Turtle",
            "N-Triples",
            "JSON-LD",
            "RDF_XML",
            "TriG",
            "N-Quads",
        )
    }
    dataset = graph.value(service, SD.defaultDataset)
    assert graph.value(dataset, SD.defaultGraph) is not None
    named = {graph.value(node, SD.name) for node in graph.objects(dataset, SD.namedGraph)}
    assert named == ALL_GRAPHS


@pytest.mark.parametrize(("name", "media_type", "parser"), SYNTAXES)
def test_is_offered_in_rdf_syntaxes(
    live_server: str, name: str, media_type: str, parser: str
) -> None:
    turtle = description(live_server)
    for headers, target in (({"Accept": media_type}, "/sparql"), ({}, sparql_target(format=name))):
        reply = fetch(live_server, "GET", target, headers=headers)
        assert reply.status == 200, reply.text
        assert reply.headers["Content-Type"] == f"{media_type}; charset=utf-8"
        assert isomorphic(Graph().parse(data=reply.body, format=parser), turtle)


def test_unavailable_syntax_is_refused(live_server: str) -> None:
    wrong_accept = fetch(
        live_server, "GET", "/sparql", headers={"Accept": "application/sparql-results+json"}
    )
    assert wrong_accept.status == 406
    wrong_name = fetch(live_server, "GET", sparql_target(format="csv"))
    assert wrong_name.status == 400
    assert "choose one of: ttl, nt, jsonld, rdfxml" in wrong_name.text


def test_is_cacheable(live_server: str) -> None:
    first = fetch(live_server, "GET", "/sparql")
    again = fetch(live_server, "GET", "/sparql", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status == 304
    other = fetch(live_server, "GET", "/sparql", headers={"Accept": "application/ld+json"})
    assert other.headers["ETag"] != first.headers["ETag"]


def test_a_browser_gets_a_query_page(live_server: str) -> None:
    reply = fetch(live_server, "GET", "/sparql", headers=BROWSER)
    assert reply.status == 200
    assert reply.headers["Content-Type"] == "text/html; charset=utf-8"
    assert reply.headers["Vary"] == "Accept"
    assert "script-src 'self'" in reply.headers["Content-Security-Policy"]
    page = reply.text
    assert f'<form method="get" action="{live_server}/sparql" id="plain-query">' in page
    assert '<textarea id="query" name="query"' in page
    assert "PREFIX ak: &lt;https://w3id.org/aseankg/ontology#&gt;" in page
    assert f"<code>{story_graph(10)}</code>" in page
    # The editor's scripts come from this server, and run no code written into the page.
    scripts = page.split("<script")[1:]
    assert scripts and all(
        script.startswith(f' src="{live_server}/static/') or 'type="application/json"' in script
        for script in scripts
    )
    assert re.search(r"<[^>]*\son[a-z]+\s*=", page) is None


def test_the_query_page_runs_its_example(live_server: str) -> None:
    """The example in the page is a working query (as the browser would submit it)."""
    page = fetch(live_server, "GET", "/sparql", headers=BROWSER).text
    example = page.split('spellcheck="false">', 1)[1].split("</textarea>", 1)[0]
    query = example.replace("&lt;", "<").replace("&gt;", ">")
    reply = fetch(live_server, "GET", sparql_target(query=query), headers=BROWSER)
    assert reply.status == 200, reply.text
    assert reply.media_type == "text/html"
    assert "28th China-ASEAN Summit" in reply.text
    as_json = fetch(live_server, "GET", sparql_target(query=query, format="json"), headers=BROWSER)
    assert as_json.media_type == "application/sparql-results+json"
    assert '<button type="submit" name="format" value="csv"' in page
    as_csv = fetch(live_server, "GET", sparql_target(query=query, format="csv"), headers=BROWSER)
    assert as_csv.media_type == "text/csv"


def test_counts_the_triples_of_every_graph(client: FlaskClient, dataset: Dataset) -> None:
    """Counts made here from the loaded files: per named graph, and distinct in the union."""
    reply = client.get("/sparql", headers={"Accept": "text/turtle"})
    graph = Graph().parse(data=reply.data, format="turtle")
    service = graph.value(predicate=RDF.type, object=SD.Service)
    served = graph.value(service, SD.defaultDataset)
    counted = {}
    for named in graph.objects(served, SD.namedGraph):
        triples = graph.value(graph.value(named, SD.graph), VOID.triples)
        assert isinstance(triples, Literal)
        counted[graph.value(named, SD.name)] = int(triples.toPython())
    expected = {URIRef(name.identifier): len(name) for name in dataset.graphs() if len(name)}
    assert counted == expected
    assert set(counted) == ALL_GRAPHS
    union = set(dataset.triples((None, None, None)))
    assert default_graph_count(graph) == len(union)


def default_graph_count(description: Graph) -> int:
    service = description.value(predicate=RDF.type, object=SD.Service)
    default_graph = description.value(
        description.value(service, SD.defaultDataset), SD.defaultGraph
    )
    count = description.value(default_graph, VOID.triples)
    assert isinstance(count, Literal)
    return int(count.toPython())


def test_the_default_graph_counts_a_fact_in_two_graphs_once(data_copy: Path) -> None:
    """The reference data's label of Malaysia, stated again in a story's graph."""
    story = data_copy / "stories" / "02-china-asean-summit.ttl"
    story.write_text(story.read_text() + '\ncountry:my rdfs:label "Malaysia"@en .\n')
    app = create_app(Settings(data_dir=data_copy, query_workers=1), testing=True)
    try:
        reply = app.test_client().get("/sparql", headers={"Accept": "text/turtle"})
        description = Graph().parse(data=reply.data, format="turtle")
        store = site_of(app).engine.backend.store
        quads = len(store)
        triples = len({(quad.subject, quad.predicate, quad.object) for quad in store})
    finally:
        site_of(app).engine.close()
    assert triples < quads
    assert default_graph_count(description) == triples


def test_links_the_void_description(client: FlaskClient) -> None:
    reply = client.get("/sparql", headers={"Accept": "text/turtle"})
    graph = Graph().parse(data=reply.data, format="turtle")
    service = graph.value(predicate=RDF.type, object=SD.Service)
    served = graph.value(service, SD.defaultDataset)
    assert served == DATASET
    (void_url,) = graph.objects(served, RDFS.seeAlso)
    void = client.get(str(void_url).removeprefix("http://localhost"))
    assert void.status_code == 200
    assert (DATASET, RDF.type, VOID.Dataset) in Graph().parse(data=void.data, format="turtle")
