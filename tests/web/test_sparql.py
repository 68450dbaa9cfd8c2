"""The SPARQL 1.1 Protocol at /sparql, spoken as raw HTTP to the real ``aseankg serve``."""

import csv
import io
import json

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from aseankg.rdf.namespaces import AK, REFERENCE_GRAPH, story_graph
from tests.support.http import FORM_TYPE, QUERY_TYPE, Reply, fetch, form, sparql_target
from tests.web.examples import (
    KUALA_LUMPUR,
    SUMMIT,
    SUMMIT_CONSTRUCT,
    SUMMIT_DATE,
    SUMMIT_QUERY,
    SUMMIT_ROW,
)

SOLUTIONS_JSON = {"Accept": "application/sparql-results+json"}
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def rows(reply: Reply) -> list[dict[str, str]]:
    assert reply.status == 200, reply.text
    bindings = json.loads(reply.body)["results"]["bindings"]
    return [{name: cell["value"] for name, cell in row.items()} for row in bindings]


def count(base: str, query: str = COUNT, **graphs: str | list[str]) -> int:
    return int(rows(fetch(base, "GET", sparql_target(query=query, **graphs)))[0]["n"])


# Request forms --------------------------------------------------------------------------


def test_get_form_post_and_direct_post_give_the_same_answer(live_server: str) -> None:
    by_get = fetch(live_server, "GET", sparql_target(query=SUMMIT_QUERY), headers=SOLUTIONS_JSON)
    by_form = fetch(
        live_server,
        "POST",
        "/sparql",
        form(query=SUMMIT_QUERY),
        {**FORM_TYPE, **SOLUTIONS_JSON},
    )
    direct = fetch(
        live_server, "POST", "/sparql", SUMMIT_QUERY.encode(), {**QUERY_TYPE, **SOLUTIONS_JSON}
    )
    assert rows(by_get) == rows(by_form) == rows(direct) == [SUMMIT_ROW]


def test_head_answers_like_get_without_a_body(live_server: str) -> None:
    reply = fetch(live_server, "HEAD", sparql_target(query=SUMMIT_QUERY))
    assert reply.status == 200
    assert reply.media_type == "application/sparql-results+json"
    assert reply.body == b""


def test_a_query_of_several_kilobytes_is_accepted_by_get(live_server: str) -> None:
    padding = "# " + "x" * 6_000 + "\n"
    target = sparql_target(query=padding + SUMMIT_QUERY)
    assert len(target) > 6_000
    assert rows(fetch(live_server, "GET", target)) == [SUMMIT_ROW]


def test_direct_post_in_another_charset_is_refused(live_server: str) -> None:
    # application/sparql-query is UTF-8 only; a body declared in another charset is a
    # client error, as the W3C protocol test bad_query_non_utf8 expects.
    query = 'ASK { ?s ?p "Kuala Lumpur"@en } # é'
    reply = fetch(
        live_server,
        "POST",
        "/sparql",
        query.encode("latin-1"),
        {"Content-Type": "application/sparql-query; charset=iso-8859-1", **SOLUTIONS_JSON},
    )
    assert reply.status == 400, reply.text
    assert "the query body is not UTF-8: its Content-Type says charset=iso-8859-1" in reply.text


# Datasets: union default graph, named graphs, protocol graph parameters -------------------


def test_default_graph_is_the_union_and_stories_are_named_graphs(live_server: str) -> None:
    total = count(live_server)
    assert total == count(live_server, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    graphs = rows(
        fetch(live_server, "GET", sparql_target(query="SELECT DISTINCT ?g { GRAPH ?g {} }"))
    )
    assert {str(story_graph(n)) for n in range(1, 11)} <= {row["g"] for row in graphs}


def test_default_graph_uri_selects_the_default_graph(live_server: str) -> None:
    story = str(story_graph(2))
    in_story = count(live_server, default_graph_uri=story)
    assert 0 < in_story < count(live_server)
    assert in_story == count(live_server, f"SELECT (COUNT(*) AS ?n) FROM <{story}> {{ ?s ?p ?o }}")
    with_reference = count(live_server, default_graph_uri=[story, str(REFERENCE_GRAPH)])
    assert with_reference > in_story


def test_named_graph_uri_selects_the_named_graphs(live_server: str) -> None:
    story = str(story_graph(2))
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert rows(fetch(live_server, "GET", sparql_target(query=query, named_graph_uri=story))) == [
        {"g": story}
    ]
    by_form = fetch(
        live_server, "POST", "/sparql", form(query=query, named_graph_uri=story), FORM_TYPE
    )
    direct = fetch(
        live_server, "POST", sparql_target(named_graph_uri=story), query.encode(), QUERY_TYPE
    )
    assert rows(by_form) == rows(direct) == [{"g": story}]


def test_summit_facts_live_in_story_two(live_server: str) -> None:
    query = f"SELECT ?g WHERE {{ GRAPH ?g {{ <{SUMMIT}> <{AK}startDate> ?d }} }}"
    assert rows(fetch(live_server, "GET", sparql_target(query=query))) == [
        {"g": str(story_graph(2))}
    ]


# Result formats and content negotiation ----------------------------------------------------


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        (None, "application/sparql-results+json"),
        ("*/*", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("text/*", "text/csv"),
        ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
        (
            "application/sparql-results+json;q=0.1, text/tab-separated-values;q=0.9",
            "text/tab-separated-values",
        ),
        ("application/xml;q=0.9, */*;q=0.8", "application/sparql-results+json"),
        ("text/html, application/xml;q=0.9, */*;q=0.8", "text/html"),
    ],
)
def test_select_results_follow_the_accept_header(
    live_server: str, accept: str | None, media_type: str
) -> None:
    headers = {"Accept": accept} if accept else {}
    reply = fetch(live_server, "GET", sparql_target(query=SUMMIT_QUERY), headers=headers)
    assert reply.status == 200, reply.text
    assert reply.headers["Content-Type"] == f"{media_type}; charset=utf-8"
    assert reply.headers["Vary"] == "Accept"


@pytest.mark.parametrize(
    ("name", "media_type"),
    [
        ("json", "application/sparql-results+json"),
        ("xml", "application/sparql-results+xml"),
        ("csv", "text/csv"),
        ("tsv", "text/tab-separated-values"),
    ],
)
def test_format_parameter_overrides_accept(live_server: str, name: str, media_type: str) -> None:
    reply = fetch(
        live_server,
        "GET",
        sparql_target(query=SUMMIT_QUERY, format=name),
        headers={"Accept": "image/png"},
    )
    assert reply.status == 200, reply.text
    assert reply.media_type == media_type


def test_solutions_carry_the_same_values_in_every_format(live_server: str) -> None:
    def get(name: str) -> str:
        return fetch(live_server, "GET", sparql_target(query=SUMMIT_QUERY, format=name)).text

    assert list(csv.DictReader(io.StringIO(get("csv")))) == [SUMMIT_ROW]
    tsv = get("tsv").splitlines()
    assert tsv[0] == "?date\t?place"
    assert tsv[1] == f'"2025-10-28"^^<{SUMMIT_DATE.datatype}>\t"Kuala Lumpur"@en'
    xml = get("xml")
    assert "<literal datatype" in xml and ">2025-10-28</literal>" in xml
    assert '<literal xml:lang="en">Kuala Lumpur</literal>' in xml


def test_ask_answers_true_and_false(live_server: str) -> None:
    def ask(query: str, name: str) -> str:
        reply = fetch(live_server, "GET", sparql_target(query=query, format=name))
        assert reply.status == 200, reply.text
        return reply.text

    yes = f"ASK {{ <{SUMMIT}> <{AK}location> <{KUALA_LUMPUR}> }}"
    no = f"ASK {{ <{SUMMIT}> <{AK}location> <{SUMMIT}> }}"
    assert json.loads(ask(yes, "json"))["boolean"] is True
    assert json.loads(ask(no, "json"))["boolean"] is False
    assert "<boolean>true</boolean>" in ask(yes, "xml")
    assert ask(no, "csv").strip() == "false"


GRAPH_SYNTAXES = [
    ("ttl", "text/turtle", "turtle"),
    ("nt", "application/n-triples", "nt"),
    ("jsonld", "application/ld+json", "json-ld"),
    ("rdfxml", "application/rdf+xml", "xml"),
    ("trig", "application/trig", "trig"),
    ("nq", "application/n-quads", "nquads"),
]


def expected_summit_graph() -> Graph:
    graph = Graph()
    graph.add((SUMMIT, AK.startDate, SUMMIT_DATE))
    graph.add((SUMMIT, AK.location, KUALA_LUMPUR))
    return graph


@pytest.mark.parametrize(("name", "media_type", "parser"), GRAPH_SYNTAXES)
def test_construct_is_served_in_every_rdf_syntax(
    live_server: str, name: str, media_type: str, parser: str
) -> None:
    for headers, target in (
        ({"Accept": media_type}, sparql_target(query=SUMMIT_CONSTRUCT)),
        ({}, sparql_target(query=SUMMIT_CONSTRUCT, format=name)),
    ):
        reply = fetch(live_server, "GET", target, headers=headers)
        assert reply.status == 200, reply.text
        assert reply.headers["Content-Type"] == f"{media_type}; charset=utf-8"
        parsed = Dataset()
        parsed.parse(data=reply.body, format=parser)
        triples = Graph()
        for triple in parsed.triples((None, None, None)):
            triples.add(triple)
        assert isomorphic(triples, expected_summit_graph())


def test_graph_results_default_to_turtle(live_server: str) -> None:
    reply = fetch(live_server, "GET", sparql_target(query=SUMMIT_CONSTRUCT))
    assert reply.media_type == "text/turtle"
    assert isomorphic(Graph().parse(data=reply.text, format="turtle"), expected_summit_graph())


def test_describe_returns_the_resource(live_server: str) -> None:
    reply = fetch(live_server, "GET", sparql_target(query=f"DESCRIBE <{SUMMIT}>"))
    assert reply.status == 200, reply.text
    described = Graph().parse(data=reply.text, format="turtle")
    assert (SUMMIT, AK.startDate, SUMMIT_DATE) in described
    assert (SUMMIT, AK.location, KUALA_LUMPUR) in described


@pytest.mark.parametrize(
    ("query", "accept"),
    [
        (SUMMIT_QUERY, "text/turtle"),
        (SUMMIT_QUERY, "image/png, application/pdf"),
        (SUMMIT_CONSTRUCT, "application/sparql-results+json"),
    ],
)
def test_nothing_acceptable_is_406(live_server: str, query: str, accept: str) -> None:
    reply = fetch(live_server, "GET", sparql_target(query=query), headers={"Accept": accept})
    assert reply.status == 406
    assert reply.media_type == "text/plain"
    assert "none of the requested media types is available" in reply.text


@pytest.mark.parametrize(
    ("query", "answered_as"),
    [
        (SUMMIT_QUERY, "application/sparql-results+json"),
        (SUMMIT_CONSTRUCT, "application/ld+json"),
    ],
)
def test_plain_json_is_answered_with_the_json_format_of_the_result(
    live_server: str, query: str, answered_as: str
) -> None:
    reply = fetch(
        live_server, "GET", sparql_target(query=query), headers={"Accept": "application/json"}
    )
    assert reply.status == 200
    assert reply.media_type == answered_as
    assert json.loads(reply.body)


def test_unknown_format_name_is_400(live_server: str) -> None:
    reply = fetch(live_server, "GET", sparql_target(query=SUMMIT_QUERY, format="ttl"))
    assert reply.status == 400
    assert "format 'ttl' is not available here; choose one of: json, xml, csv, tsv" in reply.text


# Statuses and error bodies -----------------------------------------------------------------


def test_malformed_query_is_400_naming_the_position(live_server: str) -> None:
    reply = fetch(live_server, "GET", sparql_target(query="SELECT * WHERE {\n  ?s ?p\n}"))
    assert reply.status == 400
    assert reply.media_type == "text/plain"
    assert reply.text.startswith("400 Bad Request: error at 3:")


def test_errors_are_problem_json_when_json_is_preferred(live_server: str) -> None:
    reply = fetch(
        live_server,
        "GET",
        sparql_target(query="SELECT * WHERE { ?s ?p }", format="json"),
        headers={"Accept": "application/json"},
    )
    assert reply.status == 400
    assert reply.media_type == "application/problem+json"
    problem = json.loads(reply.body)
    assert problem["status"] == 400
    assert problem["detail"].startswith("error at 1:")


def test_errors_are_never_html(live_server: str) -> None:
    reply = fetch(
        live_server,
        "GET",
        sparql_target(query="SELECT ?x WHERE {"),
        headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"},
    )
    assert reply.status == 400
    assert reply.media_type == "text/plain"
    assert "<html" not in reply.text.lower()
    assert "Traceback" not in reply.text


@pytest.mark.parametrize("content_type", ["text/plain", "application/json", "multipart/form-data"])
def test_other_body_types_are_415(live_server: str, content_type: str) -> None:
    reply = fetch(live_server, "POST", "/sparql", COUNT, {"Content-Type": content_type})
    assert reply.status == 415
    assert "application/sparql-query" in reply.text


def test_a_body_without_content_type_is_415(live_server: str) -> None:
    reply = fetch(live_server, "POST", "/sparql", COUNT)
    assert reply.status == 415
    assert "not a body without a Content-Type" in reply.text


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_other_methods_are_405(live_server: str, method: str) -> None:
    reply = fetch(live_server, method, "/sparql", COUNT, QUERY_TYPE)
    assert reply.status == 405
    assert set(reply.headers["Allow"].split(", ")) == {"GET", "HEAD", "POST", "OPTIONS"}


def test_post_without_a_query_is_400(live_server: str) -> None:
    reply = fetch(live_server, "POST", "/sparql", form(format="json"), FORM_TYPE)
    assert reply.status == 400
    assert "no query" in reply.text


def test_two_queries_in_one_request_are_400(live_server: str) -> None:
    reply = fetch(live_server, "POST", sparql_target(query=COUNT), COUNT.encode(), QUERY_TYPE)
    assert reply.status == 400
    assert "one query per request, but this one carries 2" in reply.text


def test_a_body_in_the_wrong_charset_is_400(live_server: str) -> None:
    reply = fetch(live_server, "POST", "/sparql", b"ASK { ?s ?p '\xff' }", QUERY_TYPE)
    assert reply.status == 400
    assert "the query body is not valid utf-8 text" in reply.text


def test_unknown_graph_parameter_is_400(live_server: str) -> None:
    reply = fetch(
        live_server,
        "GET",
        sparql_target(query=COUNT, default_graph_uri="https://example.org/not-here"),
    )
    assert reply.status == 400
    assert "(default-graph-uri) is not in this dataset" in reply.text


# Conditional requests ------------------------------------------------------------------------


def test_etag_and_if_none_match(live_server: str) -> None:
    target = sparql_target(query=SUMMIT_QUERY)
    first = fetch(live_server, "GET", target)
    etag = first.headers["ETag"]
    assert etag and first.status == 200
    assert fetch(live_server, "GET", target).headers["ETag"] == etag
    again = fetch(live_server, "GET", target, headers={"If-None-Match": etag})
    assert again.status == 304
    assert again.body == b""
    assert again.headers["ETag"] == etag
    assert again.headers["Vary"] == "Accept"
    stale = fetch(live_server, "GET", target, headers={"If-None-Match": '"something-else"'})
    assert stale.status == 200
    assert rows(stale) == [SUMMIT_ROW]


def test_etag_depends_on_query_graphs_and_format(live_server: str) -> None:
    def etag(target: str, accept: str = "*/*") -> str:
        return fetch(live_server, "GET", target, headers={"Accept": accept}).headers["ETag"]

    story = str(story_graph(2))
    tags = {
        etag(sparql_target(query=COUNT)),
        etag(sparql_target(query=COUNT + " "), "*/*"),
        etag(sparql_target(query=COUNT), "text/csv"),
        etag(sparql_target(query=COUNT, default_graph_uri=story)),
        etag(sparql_target(query=COUNT, named_graph_uri=story)),
    }
    assert len(tags) == 5


def test_a_long_get_query_is_answered_up_to_the_servers_request_line_limit(
    live_server: str,
) -> None:
    """A 20 kB query by GET is answered; a request target over 65,534 bytes gets the HTTP
    server's own 414 (it never reaches the app, so its body is empty: docs/sparql-endpoint.md
    says POST)."""
    padded = "ASK {} #" + "x" * 20_000
    answered = fetch(live_server, "GET", sparql_target(query=padded, format="json"))
    assert answered.status == 200, answered.text
    assert json.loads(answered.body)["boolean"] is True
    prefix = "/sparql?query=ASK%7B%7D%23"
    for length, status in ((65_534, 200), (65_535, 414)):
        target = prefix + "x" * (length - len(prefix))
        assert fetch(live_server, "GET", target).status == status, length
