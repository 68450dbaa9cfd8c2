"""What the soak sends: its kinds of request, and the valid requests of each.

Valid requests cover the server's public surface: cheap SPARQL, canned queries,
entity pages, dumps, VoID and the landing page (the hostile ones are in
``hostile``). Canned queries and entities are read from the server itself, so the
mix fits whatever data it serves.
"""

from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import quote, urlencode

from aseankg.bench.workload import REQUIRED_VALUES
from aseankg.publish.dumps import DUMPS
from aseankg.rdf.namespaces import AK, BASE, ID, RDFS

OK = frozenset({200})
DIRECT = {"Content-Type": "application/sparql-query"}
FORM = {"Content-Type": "application/x-www-form-urlencoded"}

#: Request kinds, one row each in the report.
CHEAP = "cheap-query"
CANNED = "canned"
ENTITY_HTML = "entity-html"
ENTITY_TURTLE = "entity-turtle"
DUMP = "dump"
VOID = "void"
LANDING = "landing"
MALFORMED = "malformed"
CANARY = "canary"
RUNAWAY = "runaway"
RUNAWAY_HUNG_UP = "runaway-hangup"


@dataclass(frozen=True)
class Request:
    kind: str
    case: str
    target: str
    method: str = "GET"
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes | None = None
    expect: Set[int] = OK
    """Statuses that are a right answer."""
    hang_up_after: float | None = None
    """Seconds after which the client closes the connection without reading the answer."""

    @property
    def should_succeed(self) -> bool:
        """Whether every right answer is a success (not a refusal or a stop)."""
        return all(status < 400 for status in self.expect)

    def fresh(self, number: int) -> "Request":
        """The same query with a comment that makes it new to the server's caches."""
        return replace(self, target=f"{self.target}%0A%23%20soak%20{number}")


def sparql_get(
    kind: str, case: str, query: str, expect: Set[int] = OK, accept: str | None = None
) -> Request:
    headers = {"Accept": accept} if accept else {}
    return Request(kind, case, f"/sparql?query={quote(query)}", headers=headers, expect=expect)


def sparql_post(kind: str, case: str, query: str, expect: Set[int] = OK) -> Request:
    """A query sent as the body of a POST, as long queries must be."""
    return Request(
        kind, case, "/sparql", "POST", headers=DIRECT, body=query.encode(), expect=expect
    )


def cheap_queries() -> list[Request]:
    """Small queries a query process answers in milliseconds; sent ``fresh`` every time."""
    return [
        sparql_get(CHEAP, "ask", "ASK {}"),
        sparql_get(CHEAP, "labels", f"SELECT ?s ?label {{ ?s <{RDFS.label}> ?label }} LIMIT 10"),
        sparql_get(CHEAP, "summits", f"SELECT ?event {{ ?event a <{AK.Summit}> }}"),
        sparql_get(CHEAP, "one-entity", f"SELECT ?p ?o {{ <{ID}country/my> ?p ?o }}"),
    ]


def _required_values(query: Mapping[str, Any]) -> dict[str, str] | None:
    """Values for the required parameters of a catalogue entry; None when one has none."""
    known = REQUIRED_VALUES.get(query["name"], {})
    values = {}
    for parameter in query["parameters"]:
        if parameter["required"]:
            value = known.get(parameter["name"]) or next(iter(parameter["allowed"]), None)
            if value is None:
                return None
            values[parameter["name"]] = value
    return values


def canned_calls(catalogue: Mapping[str, Any]) -> list[Request]:
    """Each canned query of the server's catalogue (``/api/queries``) with valid values.

    A query is called with its required values, and once more for each value a
    parameter allows. A query with a required parameter that has neither a known
    value nor allowed values is left out.
    """
    calls = []
    for query in catalogue["queries"]:
        values = _required_values(query)
        if values is None:
            continue
        variants = [values] + [
            {**values, parameter["name"]: allowed}
            for parameter in query["parameters"]
            for allowed in parameter["allowed"]
        ]
        for variant in variants:
            target = query["url"] + (f"?{urlencode(variant)}" if variant else "")
            calls.append(Request(CANNED, query["name"], target))
    return calls


def entity_pages(iris: Sequence[str]) -> list[Request]:
    """The page and the Turtle of each entity IRI the server mints."""
    pages = []
    for iri in iris:
        path = "/" + iri.removeprefix(BASE)
        pages.append(Request(ENTITY_HTML, "html", path, headers={"Accept": "text/html"}))
        pages.append(Request(ENTITY_TURTLE, "turtle", path, headers={"Accept": "text/turtle"}))
    return pages


#: Lists the entity IRIs to request pages of (a thousand at most, however large the data).
ENTITY_QUERY = (
    f'SELECT DISTINCT ?s {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), "{BASE}id/")) }} LIMIT 1000'
)


def documents() -> dict[str, list[Request]]:
    """Dumps, VoID and the landing page, by kind."""
    return {
        DUMP: [Request(DUMP, dump.filename, f"/{dump.path}") for dump in DUMPS],
        VOID: [Request(VOID, "turtle", "/.well-known/void")],
        LANDING: [Request(LANDING, "html", "/", headers={"Accept": "text/html"})],
    }
