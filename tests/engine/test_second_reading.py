"""rdflib's reading of a query: the SERVICE patterns and function calls it names."""

import pytest

from aseankg.engine.second_reading import Call, Reading, read


def test_every_service_and_call_is_found_however_deep() -> None:
    reading = read(
        "PREFIX ex: <http://e/> BASE <http://b/>\n"
        "SELECT (ex:none() AS ?a) (<one>(1) AS ?b) WHERE {\n"
        "  ?s ex:list (1 2) .\n"
        "  FILTER EXISTS { SERVICE <http://x/> { ?s ?p ?o } }\n"
        "  OPTIONAL { { SELECT * WHERE { SERVICE SILENT ?e {} } } }\n"
        "  FILTER(ex:two(?s, COALESCE(ex:none(), 1)))\n"
        "}"
    )
    assert reading is not None
    assert reading.services == 2
    assert sorted(reading.calls, key=lambda call: (call.iri, call.arity)) == [
        Call("http://b/one", 1),
        Call("http://e/none", 0),
        Call("http://e/none", 0),
        Call("http://e/two", 2),
    ]


def test_a_query_without_either_reads_as_empty() -> None:
    assert read("SELECT * WHERE { ?s ?p 'SERVICE' } # SERVICE") == Reading(0, ())


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { ?s ?p trueSERVICE <http://x/> {} }",  # Oxigraph reads this; rdflib not
        "SELECT (undeclared:f(1) AS ?x) WHERE {}",
        "DELETE WHERE { ?s ?p ?o }",
        "SELECT * WHERE { FILTER(" + "(" * 100 + "1" + ")" * 100 + ") }",  # past its recursion
    ],
)
def test_what_rdflib_cannot_read_has_no_reading(query: str) -> None:
    assert read(query) is None
