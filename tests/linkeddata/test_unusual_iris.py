"""IRIs that pages must treat with care: schemes a browser would run, and IRIs whose
characters a URL path or an HTTP header cannot hold as they are."""

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from flask import Flask

from aseankg.sources import bundle
from aseankg.web import Settings, create_app
from aseankg.web.linkeddata.iris import IriMap
from aseankg.web.site import site_of

#: IRIs a browser would run or open as a document if a page linked to them.
UNSAFE = (
    "javascript:alert(document.domain)",
    "JavaScript:alert(2)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
)
#: Entity IRIs (after ``id/place/``) that answer only if their served URL is encoded.
AWKWARD = {"a%20b": "Percent", "q?x=1": "Query", "北京": "Beijing", "sp@ce:colon": "Colon"}


@pytest.fixture
def unusual_app(data_copy: Path) -> Iterator[Flask]:
    """The bundled data with Malaysia pointing at unsafe IRIs (one of them labelled and
    pointing back) and places with awkward IRIs."""
    unsafe = " , ".join(f"<{iri}>" for iri in UNSAFE)
    places = "\n".join(
        f'<https://w3id.org/aseankg/id/place/{slug}> a ak:Place ; rdfs:label "{label}"@en .'
        for slug, label in AWKWARD.items()
    )
    with (data_copy / "reference" / "countries.ttl").open("a", encoding="utf-8") as turtle:
        turtle.write(
            f"\ncountry:my rdfs:seeAlso {unsafe} .\n"
            f'<{UNSAFE[0]}> rdfs:label "Run me"@en ; ak:about country:my .\n'
            f"{places}\n"
        )
    app = create_app(Settings(data_dir=data_copy), testing=True)
    yield app
    site_of(app).engine.close()


@pytest.fixture
def unusual_ontology_app(tmp_path: Path) -> Iterator[Flask]:
    """The bundled ontology and shapes, each seeing also an unsafe IRI, and a term aligned
    with another."""
    folder = tmp_path / "ontology"
    shutil.copytree(bundle.ontology_dir(), folder)
    with (folder / "aseankg.ttl").open("a", encoding="utf-8") as turtle:
        turtle.write(
            f"\n<https://w3id.org/aseankg/ontology> rdfs:seeAlso <{UNSAFE[0]}> .\n"
            f"<https://w3id.org/aseankg/ontology#Event> skos:exactMatch <{UNSAFE[3]}> .\n"
        )
    with (folder / "shapes.ttl").open("a", encoding="utf-8") as turtle:
        turtle.write(
            f"\n<https://w3id.org/aseankg/shapes> rdfs:seeAlso <{UNSAFE[0]}> .\n"
            f"shapes:Actor rdfs:seeAlso <{UNSAFE[3]}> .\n"
        )
    app = create_app(Settings(ontology_dir=folder), testing=True)
    yield app
    site_of(app).engine.close()


def hrefs(page: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', page)


def test_unsafe_iris_are_shown_as_text_never_as_links(unusual_app: Flask) -> None:
    page = unusual_app.test_client().get("/id/country/my", headers={"Accept": "text/html"})
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    for href in hrefs(text):
        assert urlsplit(href).scheme in ("http", "https", ""), href
    assert f'<span title="{UNSAFE[0]}">Run me</span>' in text
    assert f'<span title="{UNSAFE[3]}">{UNSAFE[3]}</span>' in text
    assert "javascript:" not in " ".join(hrefs(text)).lower()


@pytest.mark.slow
@pytest.mark.parametrize("path", ["/ontology", "/shapes"])
def test_unsafe_iris_in_the_ontology_are_shown_as_text(
    unusual_ontology_app: Flask, path: str
) -> None:
    page = unusual_ontology_app.test_client().get(path, headers={"Accept": "text/html"})
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert f"<li>See also: {UNSAFE[0]}</li>" in text
    assert UNSAFE[3] in text
    assert not [href for href in hrefs(text) if href.lower().startswith(("javascript", "vbscript"))]


def test_awkward_iris_are_linked_where_they_answer(unusual_app: Flask) -> None:
    client = unusual_app.test_client()
    index = client.get("/id/place/", headers={"Accept": "text/html"}).get_data(as_text=True)
    for slug, label in AWKWARD.items():
        match = re.search(rf'<a href="([^"]*)" title="[^"]*">{label}</a>', index)
        assert match, label
        url = match.group(1)
        assert url.isascii() and "?" not in url and "#" not in url
        page = client.get(urlsplit(url).path, headers={"Accept": "text/html"})
        assert page.status_code == 200, url
        assert f"https://w3id.org/aseankg/id/place/{slug}" in page.get_data(as_text=True)


def test_headers_name_awkward_iris_in_ascii(unusual_app: Flask) -> None:
    response = unusual_app.test_client().get("/id/place/%E5%8C%97%E4%BA%AC.ttl")
    assert response.status_code == 200
    assert response.headers["Content-Location"] == (
        "http://localhost/id/place/%E5%8C%97%E4%BA%AC.ttl"
    )
    assert response.headers["Link"].isascii()
    assert "<http://localhost/id/place/%E5%8C%97%E4%BA%AC.nt>" in response.headers["Link"]
    assert (
        'anchor="https://w3id.org/aseankg/id/place/%E5%8C%97%E4%BA%AC"' in response.headers["Link"]
    )
    page = unusual_app.test_client().get("/id/place/%E5%8C%97%E4%BA%AC.html")
    assert page.headers["Link"].startswith(
        '<https://w3id.org/aseankg/id/place/%E5%8C%97%E4%BA%AC>; rel="canonical", '
    )


@pytest.mark.parametrize(
    ("iri", "href"),
    [
        ("https://w3id.org/aseankg/id/country/my", "https://kg.example/id/country/my"),
        ("https://w3id.org/aseankg/ontology#Event", "https://kg.example/ontology#Event"),
        ("https://w3id.org/aseankg/id/place/a%20b", "https://kg.example/id/place/a%2520b"),
        ("http://www.wikidata.org/entity/Q833", "http://www.wikidata.org/entity/Q833"),
        ("HTTPS://example.org/x", "HTTPS://example.org/x"),
        ("#EventShape", "#EventShape"),
        ("javascript:alert(1)", None),
        ("data:text/html,x", None),
        ("urn:isbn:9780000000000", None),
        ("mailto:someone@example.org", None),
        ("file:///etc/passwd", None),
    ],
)
def test_only_web_iris_become_links(iri: str, href: str | None) -> None:
    assert IriMap("https://kg.example/").href(iri) == href
