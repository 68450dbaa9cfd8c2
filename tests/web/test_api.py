"""The canned-query API over HTTP: catalogue, negotiation, errors, pages, caching, injection."""

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

import pytest
from flask.testing import FlaskClient
from rdflib import Dataset, Graph

from aseankg.canned import CatalogueError
from aseankg.rdf.namespaces import ID
from aseankg.web import Settings, create_app
from aseankg.web.site import site_of
from tests.support.http import Reply, fetch
from tests.support.server import running_server

MALAYSIA = f"{ID}country/my"
JSON = "application/sparql-results+json"


@dataclass(frozen=True)
class JsonReply(Reply):
    def json(self) -> Any:
        return json.loads(self.body)


def get(address: str, headers: dict[str, str] | None = None) -> JsonReply:
    """GET an absolute URL of a live server."""
    parts = urlsplit(address)
    target = f"{parts.path}?{parts.query}" if parts.query else parts.path
    reply = fetch(f"{parts.scheme}://{parts.netloc}", "GET", target, headers=headers)
    return JsonReply(reply.status, reply.headers, reply.body)


def url(base: str, name: str, suffix: str = "", /, **params: str) -> str:
    return f"{base}/api/queries/{name}{suffix}?{urlencode(params)}"


def test_the_catalogue_lists_every_query_with_its_parameters(live_server: str) -> None:
    reply = get(f"{live_server}/api/queries")
    assert reply.status == 200
    assert reply.headers["Content-Type"] == "application/json"
    queries = {query["name"]: query for query in reply.json()["queries"]}
    assert len(queries) >= 15
    country = queries["events-by-country"]
    assert country["form"] == "SELECT"
    assert country["summary"] and country["description"] and country["tags"]
    assert country["url"] == "/api/queries/events-by-country"
    assert country["pagination"] == {"limit": 100}
    (parameter,) = country["parameters"]
    assert parameter == {
        "name": "country",
        "type": "iri",
        "language": None,
        "required": True,
        "default": None,
        "allowed": [f"{ID}country/{code}" for code in ("cn", "kh", "my", "mm", "sg", "th", "vn")],
        "variable": "?_country_iri",
    }
    months = {p["name"]: p for p in queries["events-by-month"]["parameters"]}
    assert months["from"]["default"] == "2025-01" and not months["from"]["required"]
    assert queries["find-entity"]["parameters"][0]["language"] == "en"
    assert queries["story-facts"]["pagination"] is None


@pytest.mark.parametrize(
    ("accept", "suffix", "media_type"),
    [
        (None, "", JSON),
        (JSON, "", JSON),
        ("application/sparql-results+xml", "", "application/sparql-results+xml"),
        ("text/csv", "", "text/csv"),
        ("text/tab-separated-values", "", "text/tab-separated-values"),
        (None, ".csv", "text/csv"),
        ("text/csv", ".json", JSON),
        (None, ".tsv", "text/tab-separated-values"),
        (None, ".xml", "application/sparql-results+xml"),
    ],
)
def test_results_are_negotiated(
    live_server: str, accept: str | None, suffix: str, media_type: str
) -> None:
    reply = get(
        url(live_server, "events-by-country", suffix, country=MALAYSIA),
        {"Accept": accept} if accept else {},
    )
    assert reply.status == 200
    assert reply.headers["Content-Type"] == f"{media_type}; charset=utf-8"
    assert "Accept" in reply.headers["Vary"]
    assert "state visit to Malaysia, 2025" in reply.text


def test_format_parameter_picks_the_format(live_server: str) -> None:
    reply = get(url(live_server, "events-by-country", country=MALAYSIA, format="csv"))
    assert reply.status == 200
    assert reply.text.splitlines()[0] == "event,eventLabel,relation,via,viaLabel,start"
    assert len(reply.text.splitlines()) == 5


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        (None, "text/turtle"),
        ("application/ld+json", "application/ld+json"),
        ("application/n-triples", "application/n-triples"),
    ],
)
def test_construct_results_are_rdf(live_server: str, accept: str | None, media_type: str) -> None:
    reply = get(
        url(live_server, "story-facts", story=f"{ID}story/03"),
        {"Accept": accept} if accept else {},
    )
    assert reply.status == 200
    assert reply.headers["Content-Type"] == f"{media_type}; charset=utf-8"
    syntax = {"text/turtle": "turtle", "application/ld+json": "json-ld"}.get(media_type, "nt")
    assert len(Graph().parse(data=reply.text, format=syntax)) > 10


def test_sparql_query_media_type_returns_the_bound_query(
    live_server: str, dataset: Dataset
) -> None:
    target = url(live_server, "events-by-country", country=MALAYSIA, limit="2")
    reply = get(target, {"Accept": "application/sparql-query"})
    assert reply.status == 200
    assert reply.headers["Content-Type"] == "application/sparql-query; charset=utf-8"
    assert f"VALUES (?_country_iri) {{ (<{MALAYSIA}>) }}" in reply.text
    assert reply.text.rstrip().endswith("LIMIT 2")
    assert len(list(dataset.query(reply.text))) == 2
    assert get(target.replace("?", ".rq?")).text == reply.text
    assert get(f"{target}&format=rq").text == reply.text


@pytest.mark.parametrize(
    ("params", "status", "message"),
    [
        ({}, 400, "parameter 'country': is required"),
        ({"country": "Malaysia"}, 400, "parameter 'country': 'Malaysia' is not one of"),
        ({"country": MALAYSIA, "colour": "red"}, 400, "parameter 'colour': is not a parameter"),
        ({"country": MALAYSIA, "limit": "5000"}, 400, "parameter 'limit'"),
        ({"country": MALAYSIA, "offset": "-3"}, 400, "parameter 'offset'"),
        ({"country": MALAYSIA, "format": "ttl"}, 400, "format 'ttl' is not available"),
    ],
)
def test_bad_requests_are_refused_naming_the_parameter(
    live_server: str, params: dict[str, str], status: int, message: str
) -> None:
    reply = get(url(live_server, "events-by-country", **params))
    assert reply.status == status
    assert reply.headers["Content-Type"] == "application/problem+json"
    assert message in reply.json()["detail"]


def test_errors_come_as_problem_json_when_asked(live_server: str) -> None:
    reply = get(url(live_server, "events-by-month", to="December"), {"Accept": "application/json"})
    assert reply.status == 400
    assert reply.headers["Content-Type"] == "application/problem+json"
    problem = reply.json()
    assert problem["status"] == 400
    assert problem["detail"] == "parameter 'to': 'December' is not a month (YYYY-MM)"


def test_a_repeated_parameter_is_refused(live_server: str) -> None:
    reply = get(f"{live_server}/api/queries/events-by-month?from=2025-01&from=2025-02")
    assert reply.status == 400
    assert "parameter 'from': is given more than once" in reply.text


def test_an_unknown_query_is_404_and_an_unacceptable_type_406(live_server: str) -> None:
    missing = get(f"{live_server}/api/queries/no-such-query")
    assert missing.status == 404
    assert "no canned query is named 'no-such-query'" in missing.text
    assert "events-by-country" in missing.text
    refused = get(url(live_server, "events-by-country", country=MALAYSIA), {"Accept": "image/png"})
    assert refused.status == 406


def test_pages_link_to_the_next_and_previous_page(live_server: str) -> None:
    first = get(url(live_server, "topic-items"))
    assert first.status == 200
    assert len(first.json()["results"]["bindings"]) == 50
    assert first.headers["Link"] == '</api/queries/topic-items?limit=50&offset=50>; rel="next"'
    second = get(f"{live_server}/api/queries/topic-items?limit=50&offset=50")
    assert len(second.json()["results"]["bindings"]) == 50
    assert second.headers["Link"] == (
        '</api/queries/topic-items?limit=50&offset=100>; rel="next", '
        '</api/queries/topic-items?limit=50&offset=0>; rel="prev"'
    )
    last = get(f"{live_server}/api/queries/topic-items?limit=50&offset=100")
    assert len(last.json()["results"]["bindings"]) == 14
    assert 'rel="next"' not in last.headers["Link"]
    beyond = get(f"{live_server}/api/queries/topic-items?limit=50&offset=150")
    assert beyond.json()["results"]["bindings"] == []
    pages = [
        get(f"{live_server}/api/queries/topic-items.csv?limit=30&offset={offset}").text
        for offset in (0, 30, 60, 90, 120)
    ]
    whole = get(f"{live_server}/api/queries/topic-items.csv?limit=1000").text.splitlines()
    assert [line for page in pages for line in page.splitlines()[1:]] == whole[1:]
    short = get(url(live_server, "events-by-country", country=MALAYSIA))
    assert short.headers.get("Link") is None


@pytest.mark.slow
def test_the_engine_row_cap_bounds_the_page_size() -> None:
    with running_server("--workers", "1", "--query-workers", "1", "--max-rows", "20") as base:
        assert get(f"{base}/api/queries/topic-items?limit=21").status == 400
        reply = get(f"{base}/api/queries/topic-items?limit=20")
        assert len(reply.json()["results"]["bindings"]) == 20
        document = get(f"{base}/api/openapi.json").json()
        limit = next(
            p
            for p in document["paths"]["/api/queries/topic-items"]["get"]["parameters"]
            if p["name"] == "limit"
        )
        assert limit["schema"]["maximum"] == 20
        assert limit["schema"]["default"] == 20


def test_responses_carry_etags_and_answer_304(live_server: str) -> None:
    target = url(live_server, "events-by-country", country=MALAYSIA)
    first = get(target)
    etag = first.headers["ETag"]
    assert get(target, {"If-None-Match": etag}).status == 304
    other = get(url(live_server, "events-by-country", country=f"{ID}country/th"))
    assert other.headers["ETag"] != etag
    csv = get(target, {"Accept": "text/csv"})
    assert csv.headers["ETag"] != etag
    catalogue = get(f"{live_server}/api/queries")
    assert (
        get(f"{live_server}/api/queries", {"If-None-Match": catalogue.headers["ETag"]}).status
        == 304
    )


TEXT_PAYLOADS = [
    '" . ?s ?p ?o . FILTER("',
    "> } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o } #",
    "Malaysia\n} ?s ?p ?o {",
    "Malaysia # ignore the rest",
    'Malaysia"@en } UNION { ?entity ?p ?o',
]


@pytest.mark.parametrize("payload", TEXT_PAYLOADS)
def test_injection_in_a_text_parameter_is_treated_as_a_plain_value(
    live_server: str, payload: str
) -> None:
    target = url(live_server, "find-entity", name=payload)
    reply = get(target)
    assert reply.status == 200
    assert reply.json()["results"]["bindings"] == []
    text = get(target, {"Accept": "application/sparql-query"}).text
    values = [line for line in text.splitlines() if "VALUES" in line]
    assert values == [f"  VALUES (?_name_en) {{ ({json.dumps(payload)}@en) }}"]


@pytest.mark.parametrize(
    "payload",
    [
        f"{MALAYSIA}> }} ; DROP ALL ; #",
        f"{MALAYSIA}> . ?s ?p ?o . FILTER(<x:y",
        f"{MALAYSIA}\n",
        f"{MALAYSIA} #",
        "<https://w3id.org/aseankg/id/country/my>",
        "javascript:alert(1)>",
    ],
)
def test_injection_in_an_iri_parameter_is_refused(live_server: str, payload: str) -> None:
    reply = get(f"{live_server}/api/queries/actor-record?actor={quote(payload, safe='')}")
    assert reply.status == 400
    assert "parameter 'actor'" in reply.text
    assert "not an absolute IRI" in reply.text


def test_injection_in_an_integer_parameter_is_refused(live_server: str) -> None:
    reply = get(url(live_server, "co-participation", minEvents="1) || true || (1"))
    assert reply.status == 400
    assert "parameter 'minEvents'" in reply.text


def test_a_malformed_query_file_stops_the_app(tmp_path: Path) -> None:
    (tmp_path / "broken.rq").write_text("#+ summary: x\n#+ colour: red\nASK {}\n")
    with pytest.raises(CatalogueError, match=r"broken\.rq:2: colour: unknown decorator"):
        create_app(Settings(queries_dir=tmp_path, query_workers=1))


def test_a_client_holding_the_result_gets_304_without_the_query_running(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = f"/api/queries/events-by-country?country={quote(MALAYSIA, safe='')}&limit=3"
    etag = client.head(target).headers["ETag"]  # HEAD: the response cache keeps only GETs
    engine = site_of(client.application).engine
    runs: list[object] = []
    real_execute = engine.execute
    monkeypatch.setattr(engine, "execute", lambda *args: runs.append(args) or real_execute(*args))
    assert client.get(target, headers={"If-None-Match": etag}).status_code == 304
    assert runs == []
    assert client.get(target, headers={"If-None-Match": '"other"'}).status_code == 200
    assert len(runs) == 1


def test_a_form_field_left_empty_means_not_given_on_the_page_only(client: FlaskClient) -> None:
    """A browser form sends every field, empty or not; a program must say what it means."""
    page = client.get("/api/queries/events-timeline.html?country=&actor=&topic=")
    assert page.status_code == 200, page.text
    whole = client.get("/api/queries/events-timeline.html")
    assert page.text.count("<tr") == whole.text.count("<tr") > 1
    strict = client.get("/api/queries/events-timeline.json?country=")
    assert strict.status_code == 400
    assert "country" in strict.text
