"""``Accept: application/xhtml+xml``, as some browsers and crawlers send it, gets the page
wherever a page is offered: sent as ``text/html``, since the pages are HTML, not XML."""

import pytest
from flask.testing import FlaskClient

XHTML = "application/xhtml+xml"
#: One path of every view that offers a page, besides its other forms.
PAGES = (
    "/id/country/my",
    "/id/country/",
    "/graph/story/03",
    "/ontology",
    "/shapes",
    "/",
    "/timeline",
    "/api/queries",
    "/api/queries/events-timeline",
    "/sparql",
    "/sparql?query=ASK%7B%7D",
)


@pytest.mark.parametrize("path", PAGES)
def test_xhtml_alone_gets_the_page_as_html(client: FlaskClient, path: str) -> None:
    response = client.get(path, headers={"Accept": XHTML})
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.content_type == "text/html; charset=utf-8"
    assert response.get_data(as_text=True).lstrip().lower().startswith("<!doctype html>")
    assert "Accept" in response.headers["Vary"]


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (f"{XHTML}, text/turtle;q=0.5", "text/html"),
        (f"{XHTML};q=0.5, text/turtle", "text/turtle"),
        (f"text/turtle;q=0.5, {XHTML};q=0.9, application/ld+json;q=0.7", "text/html"),
        ("application/xml", None),
    ],
)
def test_xhtml_ranks_like_html(client: FlaskClient, accept: str, expected: str | None) -> None:
    response = client.get("/id/country/my", headers={"Accept": accept})
    if expected is None:
        assert response.status_code == 406
    else:
        assert response.status_code == 200
        assert response.mimetype == expected


def test_xhtml_gets_nothing_where_no_page_is_offered(client: FlaskClient) -> None:
    response = client.get("/.well-known/void", headers={"Accept": XHTML})
    assert response.status_code == 406
