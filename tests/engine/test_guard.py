"""The guard: what it refuses, what it lets through, its limits, and the row cap."""

import pytest

from aseankg.engine import complexity, second_reading
from aseankg.engine.errors import (
    QueryRefused,
    QuerySyntaxError,
    QueryTooComplex,
    UpdateRefused,
)
from aseankg.engine.guard import inspect, limit_rows
from aseankg.rdf.sparql_lexer import lex

ENDPOINT = "<http://127.0.0.1:9/sparql>"


@pytest.mark.parametrize(
    "query",
    [
        f"SELECT * WHERE {{ SERVICE {ENDPOINT} {{ ?s ?p ?o }} }}",
        "select * where { service silent <http://127.0.0.1:9/> { ?s ?p ?o } }",
        "SELECT * WHERE { ?x ?y ?z . SERVICE ?endpoint { ?s ?p ?o } }",
        # SERVICE written with a codepoint escape
        "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
        # '<' read as less-than by the store but as an IRI by a naive tokenizer
        "SELECT * WHERE { FILTER(?a<'>') SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } "
        "FILTER('x'='x') }",
        # and the other way round: an IRI holding a quote
        "SELECT * WHERE { <http://x/'> ?p ?o . SERVICE <http://127.0.0.1:9/> {} ?s ?p 'y' }",
        # a number right before the keyword ends where SPARQL ends it, never at a letter
        f"SELECT * WHERE {{ ?s ?p 1SERVICE {ENDPOINT} {{ ?a ?b ?c }} }}",
        f"SELECT * WHERE {{ ?s ?p 1.SERVICE {ENDPOINT} {{ ?a ?b ?c }} }}",
        f"SELECT * WHERE {{ ?s ?p 1e0SERVICE {ENDPOINT} {{ ?a ?b ?c }} }}",
        f"SELECT * WHERE {{ ?s ?p .5E-3SERVICE {ENDPOINT} {{ ?a ?b ?c }} }}",
        # comments between the tokens, the keyword's letters in a comment too
        f"SELECT * WHERE {{#SERVICE\n?s ?p ?o#x\nSERVICE#y\n{ENDPOINT}#z\n{{ ?a ?b ?c }} }}",
        # rdflib reads the empty prefix's name as the endpoint of a SERVICE
        "PREFIX : <http://127.0.0.1:9/> SELECT * WHERE { SERVICE:sparql { ?a ?b ?c } }",
    ],
)
def test_service_is_refused_in_every_reading(query: str) -> None:
    with pytest.raises(QueryRefused, match=r"SERVICE at line \d+, column \d+ is not allowed"):
        inspect(query)


@pytest.mark.parametrize(
    ("query", "name"),
    [
        # Oxigraph reads keywords with no space after the word before them ...
        (f"SELECT * WHERE {{ ?s ?p trueSERVICE {ENDPOINT} {{ ?a ?b ?c }} }}", "trueSERVICE"),
        (f"SELECT * WHERE {{ SERVICESILENT{ENDPOINT} {{ ?a ?b ?c }} }}", "SERVICESILENT"),
        (
            "PREFIX ex: <http://127.0.0.1:9/> SELECT * WHERE { SERVICEex:sparql { ?a ?b ?c } }",
            "SERVICEex:sparql",
        ),
        # ... and such names are refused when rdflib cannot read the query either
        ("PREFIX service: <http://e/> SELECT * WHERE { ?s service:p ?o ", "service:"),
    ],
)
def test_a_name_that_may_hide_service_is_refused_unless_rdflib_reads_it_as_data(
    query: str, name: str
) -> None:
    with pytest.raises(QueryRefused, match=f"^'{name}' at line 1, column \\d+ may be read as"):
        inspect(query)


def test_a_long_query_is_not_read_twice_so_a_doubtful_name_in_it_is_refused() -> None:
    values = " ".join(str(number) for number in range(second_reading.MAX_TOKENS))
    query = f"PREFIX service: <http://e/> SELECT * {{ ?s service:p ?o VALUES ?o {{ {values} }} }}"
    with pytest.raises(QueryRefused, match="queries of more than 1000 tokens are not parsed"):
        inspect(query)


@pytest.mark.parametrize(
    "query",
    [
        'SELECT * WHERE { ?s ?p "SERVICE" }',
        "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x> {}",
        "PREFIX service: <http://e/> SELECT ?service WHERE { ?service service:x ?o }",
        "PREFIX serviceArea: <http://e/> SELECT * WHERE { ?s serviceArea:covers ?o }",
        "SELECT * WHERE { <http://e/SERVICE> ?p ?o }",
        "PREFIX schema: <http://schema.org/> SELECT * WHERE { ?s schema:serviceType ?o }",
        "SELECT * WHERE { ?s ?p 'desk'@en-x-service }",
        "SELECT * WHERE { ?s ?p '\\U00110000SERVICE' }",
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
        "FROM ex:a\\-b WHERE { ?s ?p ?o }"
    )
    assert info.form == "CONSTRUCT"
    assert info.from_graphs == ("http://e/one", "http://base/two", "http://e/a-b")
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


def nested(opening: str, inner: str, closing: str, depth: int) -> str:
    return opening * depth + inner + closing * depth


@pytest.mark.parametrize(
    ("shape", "column"),
    [
        (lambda n: "SELECT * WHERE { FILTER(" + nested("(", "1", ")", n) + ") }", 87),
        (lambda n: "SELECT * WHERE " + nested("{", "", "}", n), 80),
        (lambda n: "SELECT * WHERE { ?s ?p " + nested("[ ?p ", "1", " ]", n) + " }", 339),
        (lambda n: "SELECT * WHERE { ?s ?p ?o " + nested("OPTIONAL { ", "", "}", n) + " }", 729),
        (lambda n: "SELECT * { " + nested("FILTER EXISTS { ", "", "}", n) + " }", 1034),
        (lambda n: "SELECT * { BIND(" + nested("STR(", "1", ")", n) + " AS ?x) }", 268),
    ],
)
def test_nesting_past_the_limit_is_refused_where_it_happens(shape, column: int) -> None:
    inspect(shape(complexity.MAX_NESTING - 2))  # the outer brackets of each shape count too
    with pytest.raises(
        QueryTooComplex,
        match=f"^brackets nest 65 deep at line 1, column {column}; the limit is 64$",
    ):
        inspect(shape(1_500))


@pytest.mark.parametrize(
    "shape",
    [
        lambda n: "SELECT * WHERE { FILTER(" + " && ".join(["true"] * n) + ") }",
        lambda n: "SELECT * WHERE { FILTER(1" + " + 1" * (n - 2) + " = 1) }",
        lambda n: "SELECT * WHERE { " + " UNION ".join(["{ ?s ?p ?o }"] * n) + " }",
        lambda n: "SELECT * WHERE { ?s ?p ?o " + "MINUS { ?s ?p 1 } " * n + "}",
        lambda n: "SELECT * WHERE { " + " ".join(f"BIND({i} AS ?v{i})" for i in range(n)) + " }",
        # a chain is counted across the parentheses it runs through
        lambda n: (
            "SELECT * WHERE { FILTER("
            + "true && " * (n // 2)
            + "("
            + " && ".join(["true"] * (n - n // 2))
            + ")) }"
        ),
    ],
)
def test_chains_past_the_limit_are_refused(shape) -> None:
    inspect(shape(complexity.MAX_CHAIN - 1))
    with pytest.raises(
        QueryTooComplex, match=r"chain 501 deep at line 1, column \d+; the limit is"
    ):
        inspect(shape(3_000))


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * { ?s ?p ?o FILTER(?o IN (" + ", ".join(map(str, range(5_000))) + ")) }",
        "SELECT * { VALUES ?x { " + " ".join(f"-{i}" for i in range(5_000)) + " } }",
        "SELECT * { VALUES ?x { " + ' "1"^^<http://www.w3.org/2001/XMLSchema#int>' * 5_000 + " } }",
        "SELECT * { " + "?s <http://e/p> ?o . " * 2_000 + "}",
        "SELECT * { " + "FILTER(?o != 1 && ?o != 2) " * 400 + "}",
    ],
)
def test_long_flat_queries_are_within_the_limits(query: str) -> None:
    assert inspect(query).form == "SELECT"


XSD = "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            "SELECT (<http://example.org/f>(1) AS ?x) WHERE {}",
            "the function <http://example.org/f> at line 1, column 9 is not implemented here",
        ),
        (
            "PREFIX ex: <http://example.org/>\nSELECT * WHERE { ?s ?p ?o FILTER(ex:f(?o)) }",
            "the function <http://example.org/f> at line 2, column 34 is not implemented here",
        ),
        (
            XSD + 'SELECT (xsd:integer("1", 2) AS ?x) WHERE {}',
            "#integer> at line 2, column 9 cannot be called with 2 arguments",
        ),
        (
            XSD + "SELECT (xsd:date() AS ?x) WHERE {}",
            "#date> at line 2, column 9 cannot be called with 0 arguments",
        ),
    ],
)
def test_a_function_oxigraph_cannot_call_is_named(query: str, message: str) -> None:
    with pytest.raises(QueryRefused, match=message):
        inspect(query)


@pytest.mark.parametrize(
    "query",
    [
        XSD + "SELECT (xsd:integer(?o) AS ?n) WHERE { ?s ?p ?o }",
        XSD + "SELECT * WHERE { ?s ?p ?o FILTER(xsd:date(STR(?o)) > xsd:date('2025-01-01')) }",
        # a predicate followed by a collection looks like a call until it is parsed
        "PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:list (1 2 3) }",
        "SELECT * WHERE { ?s <http://example.org/list> () }",
    ],
)
def test_casts_and_collections_are_fine(query: str) -> None:
    assert inspect(query).form == "SELECT"


LONG_VALUES = " VALUES ?v { " + "1 " * second_reading.MAX_TOKENS + "}"


def test_without_a_second_reading_a_call_is_told_from_a_collection_by_what_precedes_it() -> None:
    call = "SELECT (<http://example.org/f>(1) AS ?x) WHERE {" + LONG_VALUES + " }"
    collection = "SELECT * WHERE { ?s <http://example.org/list> (1 2) ." + LONG_VALUES + " }"
    assert len(lex(call)) > second_reading.MAX_TOKENS
    with pytest.raises(QueryRefused, match=r"<http://example\.org/f> at line 1, column 9 is not"):
        inspect(call)
    assert inspect(collection).form == "SELECT"


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
        # a LIMIT that is not an integer is left for the parser to report
        ("SELECT * { ?s ?p ?o } LIMIT 1.5", "SELECT * { ?s ?p ?o } LIMIT 1.5\nLIMIT 100", True),
        ("SELECT * { ?s ?p ?o } LIMIT 0x10", "SELECT * { ?s ?p ?o } LIMIT 0x10", False),
    ],
)
def test_row_cap_is_added_or_lowered_at_the_top_level(
    query: str, expected: str, capped: bool
) -> None:
    assert limit_rows(query, 100) == (expected, capped)
