"""The OpenAPI document: valid OpenAPI 3.1, true to the decorators and to the answers and
errors the server sends, and a client driven from it (Schemathesis) against the live server
finds no server error."""

import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from flask.testing import FlaskClient
from jsonschema import ValidationError
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import OpenAPIV31SpecValidator

from aseankg.canned import Catalogue
from aseankg.rdf.namespaces import ID
from aseankg.sources import bundle
from aseankg.web import Settings, create_app
from aseankg.web.site import site_of
from tests.support.http import fetch

PROBLEM = "application/problem+json"


@pytest.fixture(scope="module")
def document(live_server: str) -> dict:
    reply = fetch(live_server, "GET", "/api/openapi.json")
    assert reply.status == 200
    assert reply.headers["Content-Type"] == "application/json"
    return json.loads(reply.body)


def test_the_document_is_valid_openapi_3_1(document: dict) -> None:
    assert document["openapi"] == "3.1.0"
    OpenAPIV31SpecValidator(document).validate()


def test_every_canned_query_is_an_operation(document: dict) -> None:
    names = set(Catalogue.load(bundle.queries_dir()))
    paths = {path.removeprefix("/api/queries/") for path in document["paths"]}
    assert paths == names | {"/api/queries"}


def test_parameters_carry_type_enum_and_default(document: dict) -> None:
    def parameters(name: str) -> dict[str, dict]:
        operation = document["paths"][f"/api/queries/{name}"]["get"]
        return {p["name"]: p for p in operation["parameters"]}

    country = parameters("events-by-country")
    assert country["country"]["required"] is True
    assert country["country"]["schema"]["enum"][0] == f"{ID}country/cn"
    assert country["limit"]["schema"] == {
        "type": "integer",
        "minimum": 1,
        "maximum": 1000,
        "default": 100,
    }
    assert country["format"]["schema"]["enum"] == ["json", "xml", "csv", "tsv", "rq"]
    months = parameters("events-by-month")
    assert months["from"]["required"] is False
    assert months["from"]["schema"] == {
        "type": "string",
        "pattern": "^[0-9]{4}-(?:0[1-9]|1[0-2])$",
        "default": "2025-01",
    }
    assert parameters("co-participation")["minEvents"]["schema"]["default"] == 1
    assert parameters("actor-record")["actor"]["schema"]["format"] == "iri"
    story = parameters("story-facts")
    assert "limit" not in story
    assert (
        "text/turtle"
        in (document["paths"]["/api/queries/story-facts"]["get"]["responses"]["200"]["content"])
    )


def test_the_document_names_the_server_it_came_from(document: dict, live_server: str) -> None:
    assert document["servers"] == [{"url": live_server}]


def test_the_server_is_the_host_asked_for_or_the_served_base(client: FlaskClient) -> None:
    """Paths start with /api/, so the server is the site's root, wherever it is reached."""
    asked = client.get("/api/openapi.json", headers={"Host": "kg.example.org:8080"})
    assert asked.get_json()["servers"] == [{"url": "http://kg.example.org:8080"}]
    app = create_app(Settings(served_base="https://example.org/aseankg/"), testing=True)
    try:
        served = app.test_client().get("/api/openapi.json").get_json()
    finally:
        site_of(app).engine.close()
    assert served["servers"] == [{"url": "https://example.org/aseankg"}]


QUERY_ERRORS = {"400", "406", "413", "414", "429", "500", "503"}


def test_every_error_of_every_operation_is_a_shared_problem_response(document: dict) -> None:
    responses = document["components"]["responses"]
    problem = {"$ref": "#/components/schemas/Problem"}
    for path, item in document["paths"].items():
        declared = item["get"]["responses"]
        errors = {status for status in declared if int(status) >= 400}
        assert errors == ({"400", "406", "500"} if path == "/api/queries" else QUERY_ERRORS)
        for status in errors:
            name = declared[status]["$ref"].removeprefix("#/components/responses/")
            response = responses[name]
            if status == "414":  # answered by the web server before the app, without a body
                assert "content" not in response
                continue
            assert response["content"][PROBLEM] == {"schema": problem}
            assert list(response["content"]) == [PROBLEM, "text/plain"]
            if status in ("429", "503"):
                assert response["headers"] == {
                    "Retry-After": {"$ref": "#/components/headers/RetryAfter"}
                }


def conforms(document: dict, schema: str, body: bytes) -> None:
    """Validate ``body`` against a schema of the document's components, formats included."""
    validator = OAS31Validator(
        {"$ref": f"#/components/schemas/{schema}", "components": document["components"]},
        format_checker=OAS31Validator.FORMAT_CHECKER,
    )
    validator.validate(json.loads(body))


def test_what_the_server_sends_conforms_to_the_schemas(document: dict, live_server: str) -> None:
    refused = fetch(live_server, "GET", "/api/queries/co-participation?minEvents=two")
    assert (refused.status, refused.media_type) == (400, PROBLEM)
    conforms(document, "Problem", refused.body)
    with pytest.raises(ValidationError):
        conforms(document, "Problem", b'{"title": "Bad Request", "status": 400}')
    answer = fetch(live_server, "GET", f"/api/queries/find-entity?name={quote('Han Zheng')}")
    assert answer.status == 200
    conforms(document, "SparqlResults", answer.body)
    assert json.loads(answer.body)["results"]["bindings"][0]["label"] == {
        "type": "literal",
        "value": "Han Zheng",
        "xml:lang": "en",
    }


@pytest.mark.slow
def test_a_client_driven_by_the_document_finds_no_server_error(
    live_server: str, tmp_path: Path
) -> None:
    """Schemathesis generates valid and invalid requests for every operation from the
    document and checks each response: no 5xx, and status, content type and body as
    documented. Schemathesis keeps a cache in its working folder, so it runs in a temporary one."""
    result = subprocess.run(
        [
            str(Path(sys.executable).with_name("schemathesis")),
            "run",
            f"{live_server}/api/openapi.json",
            "--checks",
            "all",
            "--max-examples",
            "10",
            "--seed",
            "20250828",
            "--workers",
            "1",
            "--no-color",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-2000:]
    assert f"Tested: {len(Catalogue.load(bundle.queries_dir())) + 1}" in result.stdout
