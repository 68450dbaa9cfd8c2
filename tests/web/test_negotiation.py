"""One rule for choosing formats on every route, and one Content-Type rule.

``format=`` that is empty, names nothing here, or names two different formats is 400;
a URL suffix that names no form of the resource is 404; repeated values that agree
(as SPARQLWrapper sends them) are fine.
"""

from urllib.parse import quote

import pytest
from flask.testing import FlaskClient

from aseankg.rdf.namespaces import ID

MALAYSIA = f"{ID}country/my"
JSON_LD = "application/ld+json"
ASK = "/sparql?query=" + quote("ASK { ?s ?p ?o }")
CONSTRUCT = "/sparql?query=" + quote("CONSTRUCT WHERE { ?s a ?o } LIMIT 2")
API = "/api/queries/events-by-country?country=" + quote(MALAYSIA, safe="")
#: Each route with two formats it offers.
ROUTES = {
    "sparql": (ASK, "csv", "tsv"),
    "service description": ("/sparql?", "ttl", "nt"),
    "api": (API, "csv", "tsv"),
    "entity": ("/id/country/my?", "ttl", "nt"),
    "ontology": ("/ontology?", "ttl", "nt"),
    "void": ("/.well-known/void?", "ttl", "nt"),
}


def with_format(target: str, *values: str) -> str:
    separator = "" if target.endswith("?") else "&"
    return target + separator + "&".join(f"format={quote(value, safe='')}" for value in values)


@pytest.mark.parametrize(("target", "one", "other"), ROUTES.values(), ids=ROUTES.keys())
def test_a_bad_format_parameter_is_400_everywhere(
    client: FlaskClient, target: str, one: str, other: str
) -> None:
    for values, message in (
        ([""], "parameter 'format': is empty"),
        (["yaml"], "format 'yaml' is not available here; choose one of:"),
        ([one, other], "naming different formats"),
    ):
        response = client.get(with_format(target, *values))
        assert response.status_code == 400, values
        assert message in response.get_data(as_text=True)
    assert client.get(with_format(target, one)).status_code == 200


@pytest.mark.parametrize(
    ("target", "values", "media_type"),
    [
        (ASK, ["tsv", "text/tab-separated-values"], "text/tab-separated-values"),
        (
            CONSTRUCT,
            ["json-ld", "application/ld+json,application/x-json+ld"],
            "application/ld+json",
        ),
        (API, ["csv", "text/csv"], "text/csv"),
        ("/id/country/my?", ["rdfxml", "application/rdf+xml"], "application/rdf+xml"),
    ],
)
def test_repeated_format_values_that_agree_are_accepted(
    client: FlaskClient, target: str, values: list[str], media_type: str
) -> None:
    response = client.get(with_format(target, *values))
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == media_type


@pytest.mark.parametrize(
    ("path", "named"),
    [
        ("/api/queries/events-by-country.xyz", "query 'events-by-country'"),
        ("/id/country/my.xyz", f"<{MALAYSIA}>"),
        ("/ontology.xyz", "<https://w3id.org/aseankg/ontology>"),
        ("/.well-known/void.xyz", "the VoID description"),
    ],
)
def test_a_suffix_that_names_no_form_is_404(client: FlaskClient, path: str, named: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert f"there is no '.xyz' form of {named}" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("target", "media_type"),
    [
        (with_format(CONSTRUCT, "rdfxml"), "application/rdf+xml"),
        (with_format(ASK, "csv"), "text/csv"),
        ("/id/country/my.rdf", "application/rdf+xml"),
        ("/id/country/my.nt", "application/n-triples"),
        ("/id/country/my.html", "text/html"),
        ("/ontology.rdf", "application/rdf+xml"),
        ("/.well-known/void.ttl", "text/turtle"),
        ("/context.jsonld", "application/ld+json"),
        ("/dumps/aseankg.trig", "application/trig"),
        (API + "&format=rq", "application/sparql-query"),
        ("/", "text/html"),
    ],
)
def test_every_text_body_says_utf_8(client: FlaskClient, target: str, media_type: str) -> None:
    response = client.get(target)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.headers["Content-Type"] == f"{media_type}; charset=utf-8"


def test_a_gzipped_dump_has_no_charset(client: FlaskClient) -> None:
    response = client.get("/dumps/aseankg.nq.gz")
    assert response.headers["Content-Type"] == "application/gzip"
