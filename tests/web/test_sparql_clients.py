"""A real SPARQL client (SPARQLWrapper) against the real ``aseankg serve``, by GET and POST:
every return format it has, for every query form."""

import csv
import io
from xml.dom.minidom import Document

import pytest
from pyoxigraph import QueryResultsFormat, QuerySolutions, parse_query_results
from rdflib import Graph
from SPARQLWrapper import (
    CSV,
    GET,
    JSON,
    JSONLD,
    N3,
    POST,
    POSTDIRECTLY,
    RDF,
    RDFXML,
    TSV,
    TURTLE,
    URLENCODED,
    XML,
    SPARQLWrapper,
)
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from aseankg.rdf.namespaces import AK
from tests.web.examples import (
    KUALA_LUMPUR,
    SUMMIT,
    SUMMIT_CONSTRUCT,
    SUMMIT_DATE,
    SUMMIT_QUERY,
    SUMMIT_ROW,
    XI_VISITED,
    xi_trip_query,
)

#: (HTTP method, how a POST carries the query)
TRANSPORTS = [(GET, URLENCODED), (POST, URLENCODED), (POST, POSTDIRECTLY)]


@pytest.fixture(params=TRANSPORTS, ids=["get", "post-form", "post-direct"])
def client(request: pytest.FixtureRequest, live_server: str) -> SPARQLWrapper:
    method, request_method = request.param
    wrapper = SPARQLWrapper(live_server + "/sparql")
    wrapper.setMethod(method)
    wrapper.setRequestMethod(request_method)
    return wrapper


def run(client: SPARQLWrapper, query: str, return_format: str) -> object:
    client.setQuery(query)
    client.setReturnFormat(return_format)
    return client.query().convert()


def test_select_json(client: SPARQLWrapper) -> None:
    result = run(client, SUMMIT_QUERY, JSON)
    assert isinstance(result, dict)
    rows = [
        {name: cell["value"] for name, cell in row.items()} for row in result["results"]["bindings"]
    ]
    assert rows == [SUMMIT_ROW]
    date = result["results"]["bindings"][0]["date"]
    assert date["datatype"] == str(SUMMIT_DATE.datatype)


def test_select_json_xi_jinping_visits(client: SPARQLWrapper) -> None:
    result = run(client, xi_trip_query(), JSON)
    assert isinstance(result, dict)
    bindings = result["results"]["bindings"]
    assert [row["countryLabel"]["value"] for row in bindings] == XI_VISITED
    assert {row["start"]["value"] for row in bindings} == {"2025-04-14"}


def test_select_xml(client: SPARQLWrapper) -> None:
    document = run(client, SUMMIT_QUERY, XML)
    assert isinstance(document, Document)
    literals = {
        binding.getAttribute("name"): binding.getElementsByTagName("literal")[0].firstChild.data
        for binding in document.getElementsByTagName("binding")
    }
    assert literals == SUMMIT_ROW


def test_select_csv(client: SPARQLWrapper) -> None:
    payload = run(client, SUMMIT_QUERY, CSV)
    assert isinstance(payload, bytes)
    assert list(csv.DictReader(io.StringIO(payload.decode()))) == [SUMMIT_ROW]


def test_select_tsv(client: SPARQLWrapper) -> None:
    payload = run(client, xi_trip_query(), TSV)
    assert isinstance(payload, bytes)
    header, *lines = payload.decode().splitlines()
    column = header.split("\t").index("?countryLabel")
    assert [line.split("\t")[column] for line in lines] == [f'"{c}"@en' for c in XI_VISITED]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (f"ASK {{ <{SUMMIT}> <{AK}location> <{KUALA_LUMPUR}> }}", True),
        (f"ASK {{ <{SUMMIT}> <{AK}location> <{SUMMIT}> }}", False),
    ],
)
def test_ask(client: SPARQLWrapper, query: str, expected: bool) -> None:
    result = run(client, query, JSON)
    assert isinstance(result, dict)
    assert result["boolean"] is expected


def summit_triples_in(graph: Graph) -> bool:
    return (SUMMIT, AK.startDate, SUMMIT_DATE) in graph and (
        SUMMIT,
        AK.location,
        KUALA_LUMPUR,
    ) in graph


def test_construct_turtle(client: SPARQLWrapper) -> None:
    payload = run(client, SUMMIT_CONSTRUCT, TURTLE)
    assert isinstance(payload, bytes)
    graph = Graph().parse(data=payload, format="turtle")
    assert len(graph) == 2
    assert summit_triples_in(graph)


@pytest.mark.parametrize("return_format", [JSONLD, RDFXML, XML])
def test_construct_json_ld_and_rdf_xml(client: SPARQLWrapper, return_format: str) -> None:
    graph = run(client, SUMMIT_CONSTRUCT, return_format)
    assert isinstance(graph, Graph)
    assert len(graph) == 2
    assert summit_triples_in(graph)


def test_describe(client: SPARQLWrapper) -> None:
    payload = run(client, f"DESCRIBE <{SUMMIT}>", TURTLE)
    assert isinstance(payload, bytes)
    assert summit_triples_in(Graph().parse(data=payload, format="turtle"))


# Every return format SPARQLWrapper has, for every query form --------------------------------

SUMMIT_ASK = f"ASK {{ <{SUMMIT}> <{AK}location> <{KUALA_LUMPUR}> }}"
SUMMIT_DESCRIBE = f"DESCRIBE <{SUMMIT}>"
QUERIES = {"SELECT": SUMMIT_QUERY, "ASK": SUMMIT_ASK, "CONSTRUCT": SUMMIT_CONSTRUCT}
QUERIES["DESCRIBE"] = SUMMIT_DESCRIBE
RETURN_FORMATS = [JSON, XML, TURTLE, N3, RDF, RDFXML, CSV, TSV, JSONLD]

#: The combinations no format can answer, and the syntax the 400 names: a table of
#: solutions or a boolean is not RDF, and a graph is not a table.
IMPOSSIBLE = {
    **{
        (form, fmt): label
        for form in ("SELECT", "ASK")
        for fmt, label in [
            (TURTLE, "Turtle"),
            (N3, "Turtle"),
            (RDF, "RDF/XML"),
            (RDFXML, "RDF/XML"),
            (JSONLD, "JSON-LD"),
        ]
    },
    **{
        (form, fmt): label
        for form in ("CONSTRUCT", "DESCRIBE")
        for fmt, label in [
            (CSV, "CSV"),
            (TSV, "TSV"),
        ]
    },
}


def solutions_of(result: object, return_format: str) -> list[dict[str, str]] | bool:
    """A SELECT or ASK answer as rows of plain values, or its boolean, from whatever
    SPARQLWrapper's ``convert`` gave for ``return_format``."""
    if isinstance(result, dict):
        if "boolean" in result:
            return bool(result["boolean"])
        bindings = result["results"]["bindings"]
        return [{name: cell["value"] for name, cell in row.items()} for row in bindings]
    if isinstance(result, Document):
        booleans = result.getElementsByTagName("boolean")
        if booleans:
            return booleans[0].firstChild.data == "true"
        return [
            {
                binding.getAttribute("name"): binding.getElementsByTagName("literal")[
                    0
                ].firstChild.data
                for binding in row.getElementsByTagName("binding")
            }
            for row in result.getElementsByTagName("result")
        ]
    assert isinstance(result, bytes)
    if result.strip() in (b"true", b"false"):
        return result.strip() == b"true"
    if return_format == CSV:  # plain values, which Oxigraph does not read back
        return list(csv.DictReader(io.StringIO(result.decode())))
    parsed = parse_query_results(result, format=QueryResultsFormat.TSV)
    assert isinstance(parsed, QuerySolutions)
    names = [variable.value for variable in parsed.variables]
    return [{name: row[name].value for name in names} for row in parsed]


def graph_of(result: object) -> Graph:
    if isinstance(result, Graph):
        return result
    assert isinstance(result, bytes), type(result)
    return Graph().parse(data=result, format="turtle")


# SPARQLWrapper warns that it sends "Accept: */*" for a format it does not pair with the
# query form; the server then goes by format= alone, which is what this test is about.
@pytest.mark.filterwarnings("ignore:Sending Accept header:RuntimeWarning")
@pytest.mark.parametrize("form", QUERIES)
@pytest.mark.parametrize("return_format", RETURN_FORMATS)
def test_every_return_format(client: SPARQLWrapper, form: str, return_format: str) -> None:
    impossible = IMPOSSIBLE.get((form, return_format))
    if impossible is not None:
        with pytest.raises(QueryBadFormed) as refused:
            run(client, QUERIES[form], return_format)
        assert f"{impossible} cannot hold the result of a {form} query" in str(refused.value)
        return
    result = run(client, QUERIES[form], return_format)
    if form == "SELECT":
        assert solutions_of(result, return_format) == [SUMMIT_ROW]
    elif form == "ASK":
        assert solutions_of(result, return_format) is True
    else:
        graph = graph_of(result)
        assert summit_triples_in(graph)
        if form == "CONSTRUCT":
            assert len(graph) == 2
