"""The hostile requests of the soak: malformed, aimed at the canary, or runaway queries.

Each carries the statuses that are a right answer: a 4xx for malformed requests; a
refusal, or an answer that never fetched it, for requests naming the canary; for
runaways, a 503 once a limit stops them (time, result size or memory) or a 429 when
the server has no room for them.
"""

from dataclasses import replace
from urllib.parse import urlencode

from aseankg.bench.soak.traffic import (
    CANARY,
    DIRECT,
    FORM,
    MALFORMED,
    RUNAWAY,
    RUNAWAY_HUNG_UP,
    Request,
    sparql_get,
    sparql_post,
)


def malformed() -> list[Request]:
    """Requests the server must refuse with a 4xx and a readable message."""
    bad = MALFORMED

    def post(case: str, content_type: str, body: bytes, status: int) -> Request:
        headers = {"Content-Type": content_type}
        return Request(bad, case, "/sparql", "POST", headers, body, frozenset({status}))

    nested = "SELECT * {" + "{" * 20_000 + "}" * 20_000 + "}"
    return [
        sparql_get(bad, "syntax-error", "SELECT ?s WHERE { ?s ?p }", expect={400}),
        sparql_get(bad, "unknown-prefix", "SELECT * { ?s nope:p ?o }", expect={400}),
        sparql_get(bad, "bad-accept", "ASK {}", expect={406}, accept="image/png"),
        Request(bad, "unknown-format", "/sparql?query=ASK%7B%7D&format=xlsx", expect={400}),
        Request(bad, "bad-utf8-url", "/sparql?query=ASK%20%7B%7D%C3%28", expect={400}),
        post("bad-utf8-body", DIRECT["Content-Type"], b"ASK { \xff }", 400),
        post("oversized-body", DIRECT["Content-Type"], b"#" * 2_000_000, 413),
        sparql_post(bad, "overlong-query", "ASK {}" + " " * 150_000, expect={413}),
        # Valid SPARQL: answered, or refused as too deep, but never a crash.
        sparql_post(bad, "deep-nesting", nested, expect={200, 400}),
        Request(bad, "target-too-long", "/sparql?query=" + "A" * 70_000, expect={414}),
        Request(bad, "update", "/sparql?update=CLEAR%20ALL", expect={403}),
        post("wrong-content-type", "text/plain", b"ASK {}", 415),
        post("no-query", FORM["Content-Type"], b"", 400),
        Request(bad, "wrong-method", "/sparql", "DELETE", expect={405}),
        Request(bad, "canned-missing-value", "/api/queries/find-entity", expect={400}),
        Request(
            bad, "canned-bad-iri", "/api/queries/events-by-country?country=a%20b", expect={400}
        ),
        Request(bad, "canned-unknown", "/api/queries/no-such-query", expect={404}),
        Request(bad, "entity-unknown", "/id/country/no-such-country", expect={404}),
    ]


def aimed_at(canary: str) -> list[Request]:
    """Queries naming the canary's URL: refused, or answered without ever fetching it."""
    kind = CANARY
    pattern = "{ ?s ?p ?o }"
    graph_parameters = ("default-graph-uri", "named-graph-uri")
    return [
        sparql_get(kind, "service", f"SELECT * {{ SERVICE <{canary}> {pattern} }}", {400}),
        sparql_get(
            kind, "service-silent", f"SELECT * {{ SERVICE SILENT <{canary}> {pattern} }}", {400}
        ),
        sparql_post(
            kind, "service-escaped", f"SELECT * {{ SERV\\u0049CE <{canary}> {pattern} }}", {400}
        ),
        sparql_get(kind, "from", f"SELECT * FROM <{canary}> {pattern}", {400}),
        sparql_get(kind, "from-named", f"SELECT * FROM NAMED <{canary}> {{}}", {400}),
        *(
            Request(
                kind, name, f"/sparql?{urlencode({'query': 'ASK {}', name: canary})}", expect={400}
            )
            for name in graph_parameters
        ),
        sparql_get(kind, "load", f"LOAD <{canary}/data.ttl>", {403}),
        sparql_get(kind, "describe", f"DESCRIBE <{canary}/thing>"),
        Request(kind, "canned-value", f"/api/queries/actor-record?{urlencode({'actor': canary})}"),
    ]


#: Builds a 4096 times longer string on each of the 2.7 million pairs of triples.
_DOUBLING = " ".join(f"BIND(CONCAT(?x{i}, ?x{i}) AS ?x{i + 1})" for i in range(12))
#: Doubles a string 29 times: a gigabyte, past the memory a query may take.
_MEMORY = " ".join(f"BIND(CONCAT(?m{i}, ?m{i}) AS ?m{i + 1})" for i in range(29))
#: Counts the 4.5 billion triples of triples (of the bundled data).
_CROSS_JOIN = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
#: A thousand triples per solution, each on a fresh blank node: ten million triples
#: from ten thousand solutions, unless the row cap counts triples.
_TEMPLATE = " ".join(f"[] <urn:soak:p{i}> ?f ." for i in range(1000))
#: Stopped by a limit (time, result size, memory), or refused for want of capacity.
_RUNAWAY_ANSWERS = frozenset({429, 503})


def runaways() -> list[Request]:
    """Queries that run far past any reasonable limit: stopped (503) or refused (429).

    The big CONSTRUCT may also be answered, cut to the row cap, when the cap counts
    its triples rather than its solutions.
    """
    doubling = (
        "SELECT (SUM(STRLEN(?x12)) AS ?n) { ?a ?b ?c . ?d ?e ?f "
        f"BIND(CONCAT(STR(?c), STR(?f)) AS ?x0) {_DOUBLING} }}"
    )
    memory = f'SELECT (STRLEN(?m29) AS ?n) {{ BIND("ab" AS ?m0) {_MEMORY} }}'
    construct = f"CONSTRUCT {{ {_TEMPLATE} }} {{ ?a ?b ?c . ?d ?e ?f }}"
    return [
        sparql_post(RUNAWAY, "cross-join", _CROSS_JOIN, _RUNAWAY_ANSWERS),
        sparql_post(RUNAWAY, "concat-doubling", doubling, _RUNAWAY_ANSWERS),
        sparql_post(RUNAWAY, "concat-memory", memory, _RUNAWAY_ANSWERS),
        sparql_post(RUNAWAY, "big-construct", construct, _RUNAWAY_ANSWERS | {200}),
    ]


def hung_up(runaway: Request, after: float) -> Request:
    """``runaway`` from a client that closes its connection ``after`` seconds.

    Hanging up is the expected outcome; an answer that comes first must be one the
    runaway may get.
    """
    return replace(runaway, kind=RUNAWAY_HUNG_UP, hang_up_after=after)
