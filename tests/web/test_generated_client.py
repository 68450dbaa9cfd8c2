"""A Python client generated from the live server's OpenAPI document works: answers are
parsed into the document's models, and an error into its problem details, not a crash.

The client is made by openapi-python-client, the way a user of the API would make it,
into a temporary folder that is on ``sys.path`` only while these tests run.
"""

import importlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from aseankg.rdf.namespaces import AK, ID

PACKAGE = "aseankg_client"


@pytest.fixture(scope="module")
def generated(live_server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The name of the client package, generated from ``/api/openapi.json`` and importable."""
    folder = tmp_path_factory.mktemp("generated")
    config = folder / "config.yaml"
    # No formatting hooks: the code is imported, not read.
    config.write_text(f"package_name_override: {PACKAGE}\npost_hooks: []\n", encoding="utf-8")
    result = subprocess.run(
        [
            str(Path(sys.executable).with_name("openapi-python-client")),
            "generate",
            "--url",
            f"{live_server}/api/openapi.json",
            "--meta",
            "none",
            "--output-path",
            str(folder / PACKAGE),
            "--config",
            str(config),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Warning" not in output, output  # every part of the document was understood
    sys.path.insert(0, str(folder))
    try:
        yield PACKAGE
    finally:
        sys.path.remove(str(folder))
        for name in [name for name in sys.modules if name.partition(".")[0] == PACKAGE]:
            del sys.modules[name]


def module(package: str, name: str) -> ModuleType:
    return importlib.import_module(f"{package}.{name}")


@pytest.fixture
def client(generated: str, live_server: str) -> Any:
    """A client that raises on any status the document does not declare."""
    return module(generated, "client").Client(base_url=live_server, raise_on_unexpected_status=True)


def test_a_query_without_parameters(generated: str, client: Any) -> None:
    operation = module(generated, "api.competency.qianhai_contract_value")
    results = operation.sync(client=client)
    assert isinstance(results, module(generated, "models").SparqlResults)
    assert results.head.vars_[:2] == ["amountCny", "qualifierCny"]
    (row,) = results.results.bindings
    assert row["amountCny"].value == "40000000000"
    assert row["qualifierCny"].value == "nearly"
    assert row["percentageChange"].value == "32"


def test_a_query_with_a_string_parameter(generated: str, client: Any) -> None:
    results = module(generated, "api.lookup.find_entity").sync(client=client, name="Malaysia")
    (row,) = results.results.bindings
    assert row["entity"].value == f"{ID}country/my"
    assert row["entity"].type_.value == "uri"
    assert (row["label"].value, row["label"].xmllang) == ("Malaysia", "en")
    assert row["type"].value == str(AK.Country)


def test_a_query_with_an_integer_parameter(generated: str, client: Any) -> None:
    results = module(generated, "api.actors.co_participation").sync(client=client, min_events=2)
    pairs = [
        (row["actorLabel"].value, row["partnerLabel"].value, row["events"].value)
        for row in results.results.bindings
    ]
    assert pairs == [
        ("China", "Myanmar", "2"),
        ("China", "Thailand", "2"),
        ("Myanmar", "Thailand", "2"),
    ]


def test_a_bad_parameter_comes_back_as_problem_details(
    generated: str, client: Any, live_server: str
) -> None:
    operation = module(generated, "api.actors.co_participation")
    response = operation.sync_detailed(client=client, min_events="two")  # not an integer
    assert response.status_code == 400
    problem = response.parsed
    assert isinstance(problem, module(generated, "models").Problem)
    assert (problem.type_, problem.title, problem.status) == ("about:blank", "Bad Request", 400)
    assert problem.detail.startswith("parameter 'minEvents': 'two' is not")
    assert problem.instance == f"{live_server}/api/queries/co-participation"
