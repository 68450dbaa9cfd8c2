"""Adding an article leaves every published IRI answering as it did.

The first article's IRIs (``id/story/NN``, ``graph/story/NN``, ``id/article/...``)
were published before there were other articles, and SPARQL queries name its graphs:
cool IRIs do not change. So every subject and graph IRI of a dump of the bundled
data must still answer, on a server that also serves another article, with 200, or
301 to a URL that answers 200, in every representation asked for.
"""

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient

from aseankg.cli import main
from aseankg.rdf.namespaces import BASE
from aseankg.web import Settings, create_app
from aseankg.web.linkeddata.iris import url_path
from aseankg.web.site import site_of

#: Every published IRI is asked for again, beside a second article.
pytestmark = pytest.mark.slow

EXAMPLE = Path(__file__).parents[1] / "fixtures" / "articles" / "example-gazette"
ACCEPTS = ("text/html", "text/turtle", "application/ld+json", "application/n-triples")


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Every subject and graph IRI under the public base, from an N-Quads dump of the
    bundled data made by ``aseankg export``."""
    dump = tmp_path_factory.mktemp("dump") / "aseankg.nq"
    result = CliRunner().invoke(main, ["export", "--format", "nquads", "-o", str(dump)])
    assert result.exit_code == 0, result.output
    iris = set()
    for quad in ox.parse(path=dump, format=ox.RdfFormat.N_QUADS):
        for term in (quad.subject, quad.graph_name):
            if isinstance(term, ox.NamedNode) and term.value.startswith(BASE):
                iris.add(term.value)
    return sorted(iris)


@pytest.fixture(scope="module")
def with_another_article() -> Iterator[Flask]:
    app = create_app(Settings(article_dirs=[EXAMPLE]), testing=True)
    yield app
    site_of(app).engine.close()


def test_the_dump_holds_the_first_articles_iris(published: list[str]) -> None:
    assert f"{BASE}id/article/top-10-china-asean-cooperation-2025" in published
    assert {f"{BASE}id/story/{n:02d}" for n in range(1, 11)} <= set(published)
    assert {f"{BASE}graph/story/{n:02d}" for n in range(1, 11)} <= set(published)
    assert f"{BASE}graph/reference" in published
    assert len(published) > 300


def answers(client: FlaskClient, path: str, accept: str) -> int:
    """The final status for ``path``: 200 directly, or 200 after one permanent redirect."""
    response = client.get(path, headers={"Accept": accept})
    if response.status_code == 301:
        location = response.headers["Location"]
        return client.get(location, headers={"Accept": accept}).status_code
    return response.status_code


def test_every_published_iri_still_answers_beside_another_article(
    published: list[str], with_another_article: Flask
) -> None:
    client = with_another_article.test_client()
    paths = sorted({"/" + url_path(iri[len(BASE) :].partition("#")[0]) for iri in published})
    failures = [
        f"{path} ({accept}): {status}"
        for path in paths
        for accept in ACCEPTS
        if (status := answers(client, path, accept)) != 200
    ]
    assert failures == []
    assert client.get("/id/story/example-gazette/01").status_code == 200
