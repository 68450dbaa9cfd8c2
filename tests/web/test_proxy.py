"""Behind a proxy: the served base, or the forwarded headers of a trusted proxy, decide every
absolute URL the service description, the query page, VoID and the sitemap give; forwarded
headers from anyone else change nothing."""

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from click.testing import CliRunner
from flask import Flask
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, VOID
from werkzeug.test import Client

from aseankg.cli import main
from aseankg.cli.serve import serve
from aseankg.rdf.namespaces import SD
from aseankg.web import Settings, create_app
from aseankg.web.linkeddata.void import DATASET
from aseankg.web.proxy import deployed
from aseankg.web.site import site_of
from tests.support.http import fetch
from tests.support.server import SERVED, running_server

FORWARDED = {
    "X-Forwarded-Proto": "https",
    "X-Forwarded-Host": "kg.example.org",
    "X-Forwarded-Prefix": "/aseankg",
}
SPOOFED = {
    "X-Forwarded-Proto": "https",
    "X-Forwarded-Host": "spoofed.example",
    "X-Forwarded-Prefix": "/spoofed",
}
BROWSER = {"Accept": "text/html"}
TURTLE = {"Accept": "text/turtle"}

Get = Callable[[str, dict[str, str]], tuple[int, str]]


def endpoint_of(description: str) -> URIRef:
    graph = Graph().parse(data=description, format="turtle")
    service = graph.value(predicate=RDF.type, object=SD.Service)
    endpoint = graph.value(service, SD.endpoint)
    assert isinstance(endpoint, URIRef)
    return endpoint


def form_action(page: str) -> str:
    found = re.search(r'<form method="get" action="([^"]+)" id="plain-query">', page)
    assert found, page[:500]
    return found.group(1)


def editor_endpoint(page: str) -> str:
    found = re.search(r'<script type="application/json" id="editor-config">(.*?)</script>', page)
    assert found
    return json.loads(found.group(1))["endpoint"]


def absolute_urls(get: Get, headers: dict[str, str]) -> dict[str, str]:
    """Every absolute URL of ours that the endpoint, the query page, VoID and robots.txt give."""
    description = Graph().parse(data=get("/sparql", {**TURTLE, **headers})[1], format="turtle")
    page = get("/sparql", {**BROWSER, **headers})[1]
    void = Graph().parse(data=get("/.well-known/void", {**TURTLE, **headers})[1], format="turtle")
    robots = get("/robots.txt", headers)[1]
    return {
        "sd:endpoint": str(endpoint_of(description.serialize(format="turtle"))),
        "VoID link": str(description.value(DATASET, RDFS.seeAlso)),
        "form action": form_action(page),
        "editor endpoint": editor_endpoint(page),
        "void:sparqlEndpoint": str(void.value(DATASET, VOID.sparqlEndpoint)),
        "void:dataDump": str(sorted(void.objects(DATASET, VOID.dataDump))[0]),
        "sitemap": robots.split("Sitemap: ", 1)[1].strip(),
    }


def expected_urls(base: str) -> dict[str, str]:
    return {
        "sd:endpoint": base + "sparql",
        "VoID link": base + ".well-known/void",
        "form action": base + "sparql",
        "editor endpoint": base + "sparql",
        "void:sparqlEndpoint": base + "sparql",
        "void:dataDump": base + "dumps/aseankg.jsonld",
        "sitemap": base + "sitemap.xml",
    }


def client_get(app: Flask) -> Get:
    client = app.test_client()

    def get(path: str, headers: dict[str, str]) -> tuple[int, str]:
        response = client.get(path, headers=headers)
        return response.status_code, response.get_data(as_text=True)

    return get


def server_get(base: str) -> Get:
    def get(path: str, headers: dict[str, str]) -> tuple[int, str]:
        reply = fetch(base, "GET", path, headers=headers)
        return reply.status, reply.text

    return get


@pytest.fixture(scope="module")
def trusting_app() -> Iterator[Flask]:
    app = create_app(Settings(proxy_hops=1, query_workers=1), testing=True)
    yield app
    site_of(app).engine.close()


def test_the_served_base_decides_every_url(served_app: Flask) -> None:
    assert absolute_urls(client_get(served_app), {}) == expected_urls(SERVED)


def test_the_served_base_wins_over_forwarded_headers(served_app: Flask) -> None:
    assert absolute_urls(client_get(served_app), SPOOFED) == expected_urls(SERVED)


@pytest.mark.slow
def test_a_trusted_proxy_decides_the_urls(trusting_app: Flask) -> None:
    get = client_get(trusting_app)
    assert absolute_urls(get, FORWARDED) == expected_urls(SERVED)
    # Each host gets its own answer: the response cache keys on the URL the proxy gave.
    assert absolute_urls(get, SPOOFED) == expected_urls("https://spoofed.example/spoofed/")
    assert absolute_urls(get, {}) == expected_urls("http://localhost/")


def test_forwarded_headers_are_ignored_without_trust(app: Flask) -> None:
    get = client_get(app)
    assert absolute_urls(get, SPOOFED) == expected_urls("http://localhost/")


def test_a_trusted_proxy_must_name_a_usable_url(trusting_app: Flask) -> None:
    client = trusting_app.test_client()
    for headers in (
        {"X-Forwarded-Proto": "javascript"},
        {"X-Forwarded-Host": "kg.example.org:99999"},
        {"X-Forwarded-Prefix": "/a b"},
    ):
        response = client.get("/sparql", headers={**TURTLE, **headers})
        assert response.status_code == 400, headers
        assert "names no usable URL" in response.get_data(as_text=True)


def recorded_environ(hops: int, served_base: str | None, headers: dict[str, str]) -> dict[str, Any]:
    """The environ the app behind ``deployed`` sees for a request with ``headers``."""
    seen: dict[str, Any] = {}

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        seen.update(environ)
        start_response("204 No Content", [])
        return []

    client = Client(deployed(app, served_base, hops))
    client.get("/x", headers=headers, environ_base={"REMOTE_ADDR": "127.0.0.1"})
    return seen


def test_hops_count_proxies_from_the_nearest() -> None:
    headers = {"X-Forwarded-For": "203.0.113.9, 198.51.100.7", "X-Forwarded-Host": "a.test, b.test"}
    one = recorded_environ(1, None, headers)
    assert (one["REMOTE_ADDR"], one["HTTP_HOST"]) == ("198.51.100.7", "b.test")
    two = recorded_environ(2, None, headers)
    assert (two["REMOTE_ADDR"], two["HTTP_HOST"]) == ("203.0.113.9", "a.test")
    untrusted = recorded_environ(0, None, headers)
    assert (untrusted["REMOTE_ADDR"], untrusted["HTTP_HOST"]) == ("127.0.0.1", "localhost")


def test_the_client_address_comes_from_a_trusted_proxy_even_with_a_served_base() -> None:
    seen = recorded_environ(1, SERVED, {"X-Forwarded-For": "203.0.113.9"})
    assert seen["REMOTE_ADDR"] == "203.0.113.9"
    assert (seen["wsgi.url_scheme"], seen["HTTP_HOST"], seen["SCRIPT_NAME"]) == (
        "https",
        "kg.example.org",
        "/aseankg",
    )


@pytest.mark.parametrize(
    ("arguments", "hops"),
    [
        ([], None),
        (["--trust-proxy"], 1),
        (["--trust-proxy", "2"], 2),
        (["--trust-proxy", "--dev"], 1),
    ],
)
def test_trust_proxy_takes_an_optional_number(arguments: list[str], hops: int | None) -> None:
    context = serve.make_context("serve", arguments)
    assert context.params["proxy_hops"] == hops


def test_trust_proxy_refuses_zero() -> None:
    result = CliRunner().invoke(main, ["serve", "--trust-proxy", "0"])
    assert result.exit_code == 2
    assert "--trust-proxy" in result.stderr


@pytest.fixture(scope="module")
def served_server() -> Iterator[str]:
    options = ("--workers", "1", "--query-workers", "1", "--served-base", SERVED)
    with running_server(*options) as base:
        yield base


@pytest.fixture(scope="module")
def trusting_server() -> Iterator[str]:
    with running_server("--workers", "1", "--query-workers", "1", "--trust-proxy") as base:
        yield base


@pytest.mark.slow
def test_a_server_with_a_served_base(served_server: str) -> None:
    get = server_get(served_server)
    assert absolute_urls(get, {}) == expected_urls(SERVED)
    assert absolute_urls(get, SPOOFED) == expected_urls(SERVED)


@pytest.mark.slow
def test_a_server_trusting_its_proxy(trusting_server: str) -> None:
    get = server_get(trusting_server)
    assert absolute_urls(get, FORWARDED) == expected_urls(SERVED)
    assert absolute_urls(get, {}) == expected_urls(trusting_server + "/")


def test_a_server_ignores_forwarded_headers_by_default(live_server: str) -> None:
    get = server_get(live_server)
    assert absolute_urls(get, SPOOFED) == expected_urls(live_server + "/")
