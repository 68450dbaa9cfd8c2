"""The engine on the bundled data: graphs, limits, time limit, and isolation of workers."""

import json
import socket
import threading
from collections.abc import Iterator

import pyoxigraph
import pytest

from aseankg.engine import (
    Caller,
    Engine,
    Limits,
    QueryRefused,
    QueryResult,
    QuerySyntaxError,
    QueryTimeout,
    QueryTooLong,
)
from aseankg.engine.pool import WorkerPool
from aseankg.engine.worker import QueryJob, answer
from aseankg.rdf.formats import SPARQL_CSV, SPARQL_TSV, SPARQL_XML, Syntax
from aseankg.rdf.formats import SPARQL_JSON as JSON
from aseankg.rdf.namespaces import AK, ID, REFERENCE_GRAPH, story_graph
from aseankg.sources import bundle
from aseankg.sources.files import dataset_sources

# Counts a cross join of every triple three times over: slow, in constant memory.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def engine() -> Iterator[Engine]:
    engine = Engine.from_sources(
        dataset_sources(bundle.data_dir(), bundle.ontology_dir()),
        limits=Limits(timeout=2.0, max_rows=50, max_query_length=2_000),
        workers=2,
    )
    engine.start()
    yield engine
    engine.close()


def bindings(result: QueryResult) -> list[dict[str, str]]:
    rows = json.loads(result.payload)["results"]["bindings"]
    return [{name: cell["value"] for name, cell in row.items()} for row in rows]


def run(engine: Engine, query: str, **graphs: list[str]) -> QueryResult:
    return engine.execute(engine.prepare(query, **graphs), JSON)


def count(engine: Engine, query: str, **graphs: list[str]) -> int:
    return int(bindings(run(engine, query, **graphs))[0]["n"])


def test_default_graph_is_the_union_of_all_graphs(engine: Engine) -> None:
    total = count(engine, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert count(engine, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == total


def test_each_story_is_a_named_graph(engine: Engine) -> None:
    rows = bindings(
        run(
            engine,
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g",
        )
    )
    graphs = {row["g"] for row in rows}
    assert {str(story_graph(n)) for n in range(1, 11)} <= graphs
    assert engine.graphs == graphs


def test_from_and_from_named_select_graphs(engine: Engine) -> None:
    story = story_graph(3)
    in_story = count(engine, f"SELECT (COUNT(*) AS ?n) FROM <{story}> WHERE {{ ?s ?p ?o }}")
    assert 0 < in_story < count(engine, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    named = bindings(
        run(
            engine,
            f"SELECT DISTINCT ?g FROM NAMED <{story}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        )
    )
    assert named == [{"g": str(story)}]


def test_protocol_graphs_replace_the_query_dataset(engine: Engine) -> None:
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    story = str(story_graph(3))
    assert count(engine, query, default_graphs=[story]) == count(
        engine, f"SELECT (COUNT(*) AS ?n) FROM <{story}> WHERE {{ ?s ?p ?o }}"
    )
    assert count(engine, query, named_graphs=[str(REFERENCE_GRAPH)]) == 0


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * FROM <http://127.0.0.1:9/remote.ttl> WHERE { ?s ?p ?o }",
        "SELECT * FROM NAMED <https://example.org/g> WHERE { GRAPH ?g { ?s ?p ?o } }",
    ],
)
def test_graphs_outside_the_dataset_are_refused(engine: Engine, query: str) -> None:
    with pytest.raises(QueryRefused, match="is not in this dataset"):
        engine.prepare(query)


def test_unknown_protocol_graph_is_refused(engine: Engine) -> None:
    with pytest.raises(QueryRefused, match=r"default-graph-uri\) is not in this dataset"):
        engine.prepare("SELECT * WHERE { ?s ?p ?o }", default_graphs=["http://127.0.0.1:9/g"])


def test_rows_are_capped(engine: Engine) -> None:
    prepared = engine.prepare("SELECT * WHERE { ?s ?p ?o }")
    assert prepared.row_cap == 50
    assert len(bindings(engine.execute(prepared, JSON))) == 50
    small = engine.prepare("SELECT * WHERE { ?s ?p ?o } LIMIT 3")
    assert small.row_cap is None
    assert len(bindings(engine.execute(small, JSON))) == 3


@pytest.mark.slow
def test_the_servers_own_queries_are_not_capped(engine: Engine) -> None:
    """Labels, statistics and the like must be whole; only the time limit holds for them."""
    everything = "SELECT * WHERE { ?s ?p ?o }"
    whole = engine.prepare(everything, cap_rows=False)
    assert whole.row_cap is None
    assert len(bindings(engine.execute(whole, JSON))) > 50
    labels = engine.select(
        "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label }"
    )
    assert len(labels) > 50
    with pytest.raises(QueryTimeout):
        engine.select(SLOW)


def test_select_binds_terms_and_answers_terms(engine: Engine) -> None:
    malaysia = pyoxigraph.NamedNode(f"{ID}country/my")
    (row,) = engine.select(
        f"SELECT ?country ?code WHERE {{ ?country <{AK.iso3166Alpha2}> ?code }}",
        country=malaysia,
    )
    assert row == {"country": malaysia, "code": pyoxigraph.Literal("MY")}


@pytest.mark.parametrize("syntax", [JSON, SPARQL_CSV, SPARQL_TSV, SPARQL_XML])
def test_solutions_are_counted_in_every_results_syntax(engine: Engine, syntax: Syntax) -> None:
    query = 'SELECT ?s ?text WHERE { ?s ?p ?o BIND("two,\\nlines" AS ?text) } LIMIT 7'
    assert engine.execute(engine.prepare(query), syntax).solution_count() == 7


def test_oversized_query_is_refused(engine: Engine) -> None:
    with pytest.raises(QueryTooLong, match="the limit is 2000"):
        engine.prepare("SELECT * WHERE { ?s ?p ?o }" + " " * 2_000)


def test_syntax_error_names_the_position_in_the_users_text(engine: Engine) -> None:
    with pytest.raises(QuerySyntaxError, match=r"^error at 1:25: "):
        run(engine, "SELECT * WHERE { ?s ?p }")


@pytest.mark.slow
def test_slow_query_is_stopped_while_others_are_answered(engine: Engine) -> None:
    outcome: dict[str, BaseException] = {}

    def slow() -> None:
        try:
            engine.execute(engine.prepare(SLOW), JSON, caller=Caller("another client"))
        except QueryTimeout as error:
            outcome["error"] = error

    runner = threading.Thread(target=slow)
    runner.start()
    answered = count(engine, "SELECT (COUNT(*) AS ?n) WHERE { ?s a ?type }")
    still_running = runner.is_alive()
    runner.join()
    assert answered > 0
    assert still_running, "the quick query had to wait for the slow one"
    assert "exceeded the time limit of 2 s" in str(outcome["error"])
    assert count(engine, "SELECT (COUNT(*) AS ?n) WHERE { ?s a ?type }") == answered


def test_workers_cannot_reach_the_network_even_past_the_guard(engine: Engine) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(0.5)
    port = listener.getsockname()[1]
    job = QueryJob(
        text=f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
        media_type=JSON.media_type,
    )
    pool = WorkerPool(engine.backend, 1)
    try:
        reply = pool.run(job, 5.0)
    finally:
        pool.close()
    with pytest.raises(TimeoutError):
        listener.accept()
    listener.close()
    assert reply.error == "failure"


def test_workers_do_not_hold_the_parents_sockets(engine: Engine) -> None:
    """A worker forked while its parent serves requests must not keep their connections open."""
    parent_side, peer = socket.socketpair()
    pool = WorkerPool(engine.backend, 1)
    try:
        pool.start()
        parent_side.close()
        peer.settimeout(10)
        assert peer.recv(1) == b"", "the worker kept its parent's socket open"
    finally:
        pool.close()
        peer.close()


def test_a_repeated_query_is_answered_from_the_result_cache(engine: Engine) -> None:
    prepared = engine.prepare("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o } # cache test")
    first = engine.execute(prepared, JSON)
    entries = len(engine.results)
    assert engine.execute(prepared, JSON) == first
    assert len(engine.results) == entries
    other_format = engine.execute(prepared, SPARQL_CSV)
    assert len(engine.results) == entries + 1
    assert other_format.payload.startswith(b"n\r\n")


@pytest.mark.parametrize(
    ("text", "media_type", "kind", "says"),
    [
        (
            "SELECT ?a WHERE { ?a ?b ?c } ORDER BY ?a <http://example.org/f>(?b)",
            JSON.media_type,
            "query",
            "The custom function <http://example.org/f> is not supported",
        ),
        (
            "SELECT (<http://www.w3.org/2001/XMLSchema#integer>('1', '2') AS ?x) {}",
            JSON.media_type,
            "query",
            "requires between 1 and 1 arguments, but 2 were given",
        ),
        (
            "CONSTRUCT { ?s ?p <<( ?s ?p ?o )>> } WHERE { ?s ?p ?o } LIMIT 1",
            "application/ld+json",
            "format",
            "JSON-LD does not support RDF 1.2",
        ),
    ],
)
def test_what_the_store_cannot_evaluate_or_write_is_told_apart_from_failures(
    engine: Engine, text: str, media_type: str, kind: str, says: str
) -> None:
    """Past the guard, the store's own refusals are the query's fault (400, 406), not 500."""
    reply = answer(engine.backend, QueryJob(text=text, media_type=media_type))
    assert (reply.error, says in reply.message) == (kind, True), reply.message
