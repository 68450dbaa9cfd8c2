"""The lexical guard: what it refuses, what it lets through, and the row cap."""

import pytest

from aseankg.engine.errors import QueryRefused, QuerySyntaxError, UpdateRefused
from aseankg.engine.guard import inspect, limit_rows


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "select * where { service silent <http://127.0.0.1:9/> { ?s ?p ?o } }",
        "SELECT * WHERE { ?x ?y ?z . SERVICE ?endpoint { ?s ?p ?o } }",
        # SERVICE written with a codepoint escape
        "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
        # '<' read as less-than by the store but as an IRI by a naive tokenizer
        "SELECT * WHERE { FILTER(?a<'>') SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } "
        "FILTER('x'='x') }",
        # and the other way round: an IRI holding a quote
        "SELECT * WHERE { <http://x/'> ?p ?o . SERVICE <http://127.0.0.1:9/> {} ?s ?p 'y' }",
    ],
)
def test_service_is_refused_in_every_reading(query: str) -> None:
    with pytest.raises(QueryRefused, match=r"SERVICE at line 1, column \d+ is not allowed"):
        inspect(query)


@pytest.mark.parametrize(
    "query",
    [
        'SELECT * WHERE { ?s ?p "SERVICE" }',
        "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x> {}",
        "PREFIX service: <http://e/> SELECT ?service WHERE { ?service service:x ?o }",
        "SELECT * WHERE { <http://e/SERVICE> ?p ?o }",
    ],
)
def test_the_word_service_as_data_is_fine(query: str) -> None:
    assert inspect(query).form == "SELECT"


@pytest.mark.parametrize(
    ("query", "keyword"),
    [
        ("INSERT DATA { <http://a> <http://b> <http://c> }", "INSERT"),
        ("PREFIX ex: <http://e/>\nDELETE WHERE { ?s ex:p ?o }", "DELETE"),
        ("LOAD <http://127.0.0.1:9/data.ttl>", "LOAD"),
        ("DROP ALL", "DROP"),
        ("CLEAR GRAPH <http://g>", "CLEAR"),
        ("WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "WITH"),
    ],
)
def test_updates_are_refused(query: str, keyword: str) -> None:
    with pytest.raises(UpdateRefused, match=f"^{keyword} at line \\d+, column 1: .*read-only"):
        inspect(query)


def test_form_and_dataset_clauses_are_read() -> None:
    info = inspect(
        "BASE <http://base/>\nPREFIX ex: <http://e/>\n"
        "CONSTRUCT { ?s ?p ?o } FROM ex:one FROM <two> FROM NAMED <http://n/3> "
        "WHERE { ?s ?p ?o }"
    )
    assert info.form == "CONSTRUCT"
    assert info.from_graphs == ("http://e/one", "http://base/two")
    assert info.from_named_graphs == ("http://n/3",)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "the query is empty"),
        ("# only a comment\n", "the query is empty"),
        ("SELEC * WHERE { ?s ?p ?o }", "expected SELECT, ASK, CONSTRUCT or DESCRIBE at line 1"),
        ('SELECT * WHERE {\n ?s ?p "open }', "unterminated string at line 2, column 8"),
    ],
)
def test_malformed_text_names_the_problem(query: str, message: str) -> None:
    with pytest.raises(QuerySyntaxError, match=message):
        inspect(query)


@pytest.mark.parametrize(
    ("query", "expected", "capped"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", "SELECT * WHERE { ?s ?p ?o }\nLIMIT 100", True),
        ("SELECT * WHERE { ?s ?p ?o } LIMIT 7", "SELECT * WHERE { ?s ?p ?o } LIMIT 7", False),
        (
            "SELECT * WHERE { ?s ?p ?o } limit 500 OFFSET 2",
            "SELECT * WHERE { ?s ?p ?o } limit 100 OFFSET 2",
            True,
        ),
        (
            "SELECT * WHERE { { SELECT * WHERE { ?s ?p ?o } LIMIT 9999 } }",
            "SELECT * WHERE { { SELECT * WHERE { ?s ?p ?o } LIMIT 9999 } }\nLIMIT 100",
            True,
        ),
        (
            "SELECT * WHERE { ?s ?p ?o } VALUES ?s { <http://a> }",
            "SELECT * WHERE { ?s ?p ?o } LIMIT 100\nVALUES ?s { <http://a> }",
            True,
        ),
    ],
)
def test_row_cap_is_added_or_lowered_at_the_top_level(
    query: str, expected: str, capped: bool
) -> None:
    assert limit_rows(query, 100) == (expected, capped)
