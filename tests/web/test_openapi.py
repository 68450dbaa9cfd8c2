"""The OpenAPI document: valid OpenAPI 3.1, true to the decorators, and a generated client
driven from it (Schemathesis) against the live server finds no server error."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from openapi_spec_validator import OpenAPIV31SpecValidator

from aseankg import bundle
from aseankg.canned import Catalogue
from aseankg.namespaces import ID
from tests.support.http import fetch


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
