"""The JSON-LD context: short keys and typed values, so JSON-LD reads as plain JSON."""

import json

from flask.testing import FlaskClient
from rdflib import XSD, Literal

from aseankg.rdf.namespaces import AK, ID
from tests.linkeddata.conftest import parse


def nodes(payload: bytes) -> list[dict]:
    """The node objects of a compacted document (rdflib omits @graph for a single node)."""
    document = json.loads(payload)
    return document.get("@graph", [document])


def test_context_is_served_at_a_stable_url(client: FlaskClient) -> None:
    response = client.get("/context.jsonld")
    assert response.status_code == 200
    assert response.mimetype == "application/ld+json"
    context = json.loads(response.data)["@context"]
    assert context["label"] == {"@id": "rdfs:label", "@language": "en"}
    assert context["holdsPosition"] == {"@id": "ak:holdsPosition", "@type": "@id"}
    assert context["amount"] == {"@id": "ak:amount", "@type": "xsd:decimal"}
    assert context["Forum"] == "ak:Forum"
    assert context["type"] == "@type"


def test_entity_json_ld_uses_the_context(client: FlaskClient) -> None:
    payload = client.get("/id/person/xi-jinping.jsonld").data
    document = json.loads(payload)
    context = json.loads(client.get("/context.jsonld").data)["@context"]
    assert document["@context"] == context
    nodes = {node["id"]: node for node in document["@graph"]}
    xi = nodes["https://w3id.org/aseankg/id/person/xi-jinping"]
    assert xi["label"] == "Xi Jinping"
    assert xi["type"] == "Person"
    assert xi["holdsPosition"] == "https://w3id.org/aseankg/id/position/president-of-china"


def test_json_ld_values_keep_their_types(client: FlaskClient) -> None:
    payload = client.get("/id/outcome/qianhai-forum-2025-contract-value-cny.jsonld").data
    by_id = {node["id"]: node for node in nodes(payload)}
    amount = by_id["https://w3id.org/aseankg/id/outcome/qianhai-forum-2025-contract-value-cny"]
    assert amount["amount"] == "40000000000"
    received = parse(payload, "application/ld+json")
    value = received.value(ID["outcome/qianhai-forum-2025-contract-value-cny"], AK.amount)
    assert value == Literal("40000000000", datatype=XSD.decimal)
    projects = client.get("/id/outcome/qianhai-forum-2025-signed-projects.jsonld").data
    node = next(n for n in nodes(projects) if "count" in n)
    assert node["count"] == 20
    forum = client.get("/id/event/2025-asean-china-gba-economic-cooperation-qianhai-forum.jsonld")
    event = next(n for n in nodes(forum.data) if "startDate" in n)
    assert event["startDate"] == {"@value": "2025", "type": "xsd:gYear"}
