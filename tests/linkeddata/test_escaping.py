"""Text from the data never reaches a page unescaped."""

import shutil
from collections.abc import Iterator

import pytest
from flask import Flask

from aseankg.sources import bundle
from aseankg.web import Settings, create_app
from aseankg.web.site import site_of

HOSTILE = "<script>alert('label')</script> & <b>bold</b>"


@pytest.fixture(scope="module")
def hostile_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """The bundled data with a hostile label on Malaysia and a hostile comment on a story."""
    data = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(bundle.data_dir(), data)
    countries = data / "reference" / "countries.ttl"
    text = countries.read_text(encoding="utf-8")
    countries.write_text(
        text
        + f'\ncountry:my rdfs:label "{HOSTILE}"@en ; rdfs:comment "{HOSTILE}"@en ;'
        + f' ak:iso3166Alpha2 "{HOSTILE}" .\n',
        encoding="utf-8",
    )
    app = create_app(Settings(data_dir=data), testing=True)
    yield app
    site_of(app).engine.close()


@pytest.mark.parametrize(
    "path",
    [
        "/id/country/my",  # the label as title, comment and value
        "/id/event/xi-jinping-state-visit-malaysia-2025",  # the label as a link text
        "/id/person/xi-jinping",  # one step further: participation tables
        "/id/country/",
    ],
)
def test_hostile_text_is_escaped(hostile_app: Flask, path: str) -> None:
    response = hostile_app.test_client().get(path, headers={"Accept": "text/html"})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "<script>alert" not in page
    assert "<b>bold</b>" not in page
    if path != "/id/person/xi-jinping":
        assert "&lt;script&gt;alert(&#39;label&#39;)&lt;/script&gt; &amp; &lt;b&gt;" in page


def test_hostile_text_stays_data_in_rdf(hostile_app: Flask) -> None:
    turtle = hostile_app.test_client().get("/id/country/my.ttl").get_data(as_text=True)
    assert "<script>alert('label')</script>" in turtle
