"""``/sitemap.xml`` and ``/robots.txt``: every page listed on the served base, split into an
index past the size of one sitemap, and crawlers told where it is and what to leave alone."""

import math
from collections.abc import Iterator
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from flask import Flask
from flask.testing import FlaskClient
from protego import Protego
from rdflib import URIRef

from aseankg.publish.dumps import DUMPS
from aseankg.web import Settings, create_app
from aseankg.web.site import site_of
from tests.support.server import SERVED

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def read(client: FlaskClient, path: str) -> ElementTree.Element:
    response = client.get(path)
    assert response.status_code == 200, response.data[:300]
    assert response.content_type == "application/xml; charset=utf-8"
    root = ElementTree.fromstring(response.data)
    assert root.tag.startswith("{" + NS["s"] + "}")
    return root


def locations(root: ElementTree.Element, entry: str) -> list[str]:
    found = [element.text or "" for element in root.findall(f"s:{entry}/s:loc", NS)]
    assert len(root.findall(f"s:{entry}/s:lastmod", NS)) == len(found)
    return found


@pytest.fixture(scope="module")
def listed(served_app: Flask) -> list[str]:
    root = read(served_app.test_client(), "/sitemap.xml")
    assert root.tag == f"{{{NS['s']}}}urlset"
    return locations(root, "url")


def test_every_entity_has_its_page_listed(listed: list[str], entities: list[URIRef]) -> None:
    prefix = "https://w3id.org/aseankg/"
    assert {SERVED + str(entity).removeprefix(prefix) for entity in entities} <= set(listed)


def test_the_main_pages_and_every_graph_are_listed(listed: list[str]) -> None:
    for path in ("", "sparql", "api/queries", "timeline", "ontology", "shapes", "id/event/"):
        assert SERVED + path in listed, path
    for number in range(1, 11):
        assert f"{SERVED}graph/story/{number:02d}" in listed
    assert SERVED + "graph/reference" in listed
    assert len(listed) == len(set(listed))
    assert all(url.startswith(SERVED) for url in listed)


@pytest.mark.slow
def test_every_listed_page_is_there(served_app: Flask, listed: list[str]) -> None:
    client = served_app.test_client()
    for url in listed:
        path = "/" + url.removeprefix(SERVED)
        assert client.get(path, headers={"Accept": "text/html"}).status_code == 200, url


@pytest.fixture(scope="module")
def split_app() -> Iterator[Flask]:
    app = create_app(Settings(sitemap_size=40, query_workers=1), testing=True)
    yield app
    site_of(app).engine.close()


def test_a_long_sitemap_becomes_an_index(split_app: Flask, listed: list[str]) -> None:
    client = split_app.test_client()
    index = read(client, "/sitemap.xml")
    assert index.tag == f"{{{NS['s']}}}sitemapindex"
    parts = locations(index, "sitemap")
    assert len(parts) == math.ceil(len(listed) / 40) > 1
    assert parts == [f"http://localhost/sitemap-{n}.xml" for n in range(1, len(parts) + 1)]
    together: list[str] = []
    for part in parts:
        urls = locations(read(client, urlsplit(part).path), "url")
        assert 0 < len(urls) <= 40
        together += urls
    assert together == [url.replace(SERVED, "http://localhost/") for url in listed]
    assert client.get("/sitemap-0.xml").status_code == 404
    assert client.get(f"/sitemap-{len(parts) + 1}.xml").status_code == 404


def test_a_short_sitemap_has_no_parts(client: FlaskClient) -> None:
    response = client.get("/sitemap-1.xml")
    assert response.status_code == 404
    assert "/sitemap.xml" in response.get_data(as_text=True)


@pytest.fixture(scope="module")
def robots(served_app: Flask) -> Protego:
    """robots.txt read as crawlers do (RFC 9309)."""
    response = served_app.test_client().get("/robots.txt")
    assert response.status_code == 200
    assert response.content_type == "text/plain; charset=utf-8"
    return Protego.parse(response.get_data(as_text=True))


def test_robots_names_the_sitemap(robots: Protego) -> None:
    assert list(robots.sitemaps) == [SERVED + "sitemap.xml"]


def test_robots_lets_crawlers_reach_every_listed_page(robots: Protego, listed: list[str]) -> None:
    assert all(robots.can_fetch(url, "AnyBot") for url in listed)


def test_robots_keeps_crawlers_off_queries_and_heavy_dumps(robots: Protego) -> None:
    for path in (
        "sparql?query=ASK%7B%7D",
        "api/queries/events-in-country?country=x",
        "timeline?country=x",
    ):
        assert not robots.can_fetch(SERVED + path, "AnyBot"), path
    for dump in DUMPS:
        assert robots.can_fetch(SERVED + dump.path, "AnyBot") == dump.gzipped, dump.filename
