"""Errors under /api/ are RFC 9457 problem details unless the client prefers text; elsewhere
they stay text unless JSON is preferred."""

import json
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from aseankg.engine import (
    CallerBusy,
    EngineBusy,
    EngineError,
    EngineFailure,
    Limits,
    QueryCancelled,
    QueryResourcesExceeded,
    QueryTimeout,
)
from aseankg.web import Settings, create_app
from aseankg.web.site import site_of
from tests.support.http import fetch
from tests.support.server import SERVED

PROBLEM = "application/problem+json"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
BAD_MONTH = "/api/queries/events-by-month?to=December"
BAD_MONTH_DETAIL = "parameter 'to': 'December' is not a month (YYYY-MM)"


def problem_of(response: TestResponse, status: int) -> dict[str, Any]:
    """The problem details ``response`` carries, checked against its status."""
    assert response.status_code == status, response.text
    assert response.mimetype == PROBLEM
    assert "Accept" in response.vary
    problem = json.loads(response.text)
    assert problem["type"] == "about:blank"
    assert problem["status"] == status
    assert problem["title"] and problem["detail"]
    return problem


def test_a_problem_names_status_title_detail_and_the_url_asked_for(client: FlaskClient) -> None:
    problem = problem_of(client.get(BAD_MONTH), 400)
    assert problem == {
        "type": "about:blank",
        "title": "Bad Request",
        "status": 400,
        "detail": BAD_MONTH_DETAIL,
        "instance": "http://localhost/api/queries/events-by-month",
    }


def test_the_instance_is_where_the_api_is_served(served_app: Flask) -> None:
    problem = problem_of(served_app.test_client().get(BAD_MONTH), 400)
    assert problem["instance"] == f"{SERVED}api/queries/events-by-month"


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        (None, PROBLEM),
        ("*/*", PROBLEM),
        (PROBLEM, PROBLEM),
        ("application/json", PROBLEM),
        ("text/csv", PROBLEM),  # no error comes as CSV: problem details are the default
        ("text/plain", "text/plain"),
        ("application/json;q=0.5, text/plain", "text/plain"),
        ("text/*", "text/plain"),
        (BROWSER, "text/plain"),
    ],
)
def test_under_api_problem_details_unless_text_is_preferred(
    client: FlaskClient, accept: str | None, media_type: str
) -> None:
    response = client.get("/api/queries/atlantis", headers={"Accept": accept} if accept else {})
    assert response.status_code == 404
    assert response.mimetype == media_type
    detail = "no canned query is named 'atlantis'; the catalogue has: actor-record, "
    if media_type == "text/plain":
        assert response.text.startswith(f"404 Not Found: {detail}")
    else:
        assert json.loads(response.text)["detail"].startswith(detail)


@pytest.mark.parametrize(
    ("path", "accept", "media_type"),
    [
        ("/sparql?query=SELEC", None, "text/plain"),
        ("/sparql?query=SELEC", "*/*", "text/plain"),
        ("/sparql?query=SELEC", BROWSER, "text/plain"),
        ("/sparql?query=SELEC", "application/json", PROBLEM),
        ("/id/country/atlantis", "*/*", "text/plain"),
        ("/apis/queries", None, "text/plain"),
    ],
)
def test_outside_api_errors_stay_text_unless_json_is_preferred(
    client: FlaskClient, path: str, accept: str | None, media_type: str
) -> None:
    response = client.get(path, headers={"Accept": accept} if accept else {})
    assert 400 <= response.status_code < 500
    assert response.mimetype == media_type


@pytest.mark.parametrize(
    ("method", "target", "accept", "status", "detail"),
    [
        ("GET", "/api/queries/co-participation?minEvents=two", None, 400, "'minEvents'"),
        ("GET", "/api/queries?format=xml", None, 400, "format 'xml' is not available"),
        ("GET", "/api/queries/no-such-query", None, 404, "no canned query is named"),
        ("GET", "/api/queries/find-entity.docx", None, 404, "no '.docx' form"),
        ("GET", "/api/no-such-thing", None, 404, "not found"),
        ("POST", "/api/queries/find-entity?name=Malaysia", None, 405, "not allowed"),
        ("DELETE", "/api/openapi.json", None, 405, "not allowed"),
        ("GET", "/api/queries/find-entity?name=Malaysia", "image/png", 406, "offered:"),
        ("GET", "/api/queries", "image/png", 406, "offered:"),
    ],
)
def test_every_refusal_under_api_is_problem_details(
    client: FlaskClient, method: str, target: str, accept: str | None, status: int, detail: str
) -> None:
    response = client.open(target, method=method, headers={"Accept": accept} if accept else {})
    assert detail.lower() in problem_of(response, status)["detail"].lower()
    if status == 405:
        assert "GET" in response.headers["Allow"]


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (CallerBusy("this client already runs 2 queries"), 429),
        (EngineBusy("every query worker is busy"), 503),
        (QueryTimeout("the query exceeded the time limit of 3 s"), 503),
        (QueryResourcesExceeded("the result is larger than 1 MB"), 503),
        (QueryCancelled("the client went away"), 503),
        (EngineFailure("a query process died"), 500),
    ],
)
def test_engine_errors_under_api_are_problem_details(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch, error: EngineError, status: int
) -> None:
    def fail(*args: object) -> None:
        raise error

    monkeypatch.setattr(site_of(client.application).engine, "execute", fail)
    # A name no other test asks for, so that no kept response answers instead of the engine.
    response = client.get(f"/api/queries/find-entity?name=engine+error+{status}+{error!r}")
    assert problem_of(response, status)["detail"] == str(error)
    assert ("Retry-After" in response.headers) is (status in (429, 503))


SLOW = """#+ summary: Counts a cross join of every triple three times over, slowly
SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?n
"""
BY_NAME = """#+ summary: Things with an English label
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?thing WHERE { ?thing rdfs:label ?_name_en } ORDER BY ?thing
"""


@pytest.fixture(scope="module")
def tight_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """An app with queries of its own, a 1 s time limit and 400-character queries."""
    queries = tmp_path_factory.mktemp("queries")
    (queries / "slow.rq").write_text(SLOW, encoding="utf-8")
    (queries / "by-name.rq").write_text(BY_NAME, encoding="utf-8")
    app = create_app(
        Settings(queries_dir=queries, limits=Limits(timeout=1, max_query_length=400)),
        testing=True,
    )
    yield app
    site_of(app).engine.close()


def test_a_bound_query_too_long_is_problem_details(tight_app: Flask) -> None:
    client = tight_app.test_client()
    assert client.get("/api/queries/by-name?name=Malaysia").status_code == 200
    response = client.get(f"/api/queries/by-name?name={'x' * 400}")
    assert problem_of(response, 413)["detail"].endswith("characters long; the limit is 400")


@pytest.mark.slow
def test_a_query_past_the_time_limit_is_problem_details(tight_app: Flask) -> None:
    response = tight_app.test_client().get("/api/queries/slow")
    assert "time limit" in problem_of(response, 503)["detail"]
    assert int(response.headers["Retry-After"]) > 0


def test_a_live_server_answers_problem_details_to_any_client(live_server: str) -> None:
    reply = fetch(live_server, "GET", BAD_MONTH, headers={"Accept": "*/*"})
    assert reply.status == 400
    assert reply.headers["Content-Type"] == PROBLEM
    problem = json.loads(reply.body)
    assert problem["detail"] == BAD_MONTH_DETAIL
    assert problem["instance"] == f"{live_server}/api/queries/events-by-month"
