"""Every linked-data route refuses, with 404 and one readable line, a path that cannot be
part of an IRI, wherever the bad character sits (kind, slug, suffix, file name)."""

import pytest
from flask.testing import FlaskClient
from werkzeug.exceptions import NotFound

from aseankg.web.linkeddata.iris import IriMap

#: Characters no IRI may hold, percent-encoded as a client sends them.
BAD = ("%00", "%FF", "%C0%AF", "%ED%A0%80", "%20", "%3E", "%3C", "%22", "%7B", "%5C", "%7F", "%25")
#: Routes, with ``{}`` where the bad character goes.
ROUTES = (
    "/id/country/my{}",
    "/id/country/{}my.ttl",
    "/id/country/my.t{}l",
    "/id/coun{}try/my",
    "/id/{}/",
    "/graph/story/01{}",
    "/graph/story/01.{}",
    "/checks/x{}.rq",
    "/ontology.{}",
    "/ontology/{}",
    "/shapes.{}",
    "/dumps/aseankg.ttl{}",
    "/.well-known/void.{}",
)


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("bad", BAD)
def test_a_path_that_cannot_be_an_iri_names_nothing(
    client: FlaskClient, route: str, bad: str
) -> None:
    response = client.get(route.format(bad), headers={"Accept": "text/html"})
    assert response.status_code == 404
    message = response.get_data(as_text=True)
    assert message.endswith("names nothing: it cannot be part of an IRI\n")
    assert message.isascii() and message.count("\n") == 1


def test_the_message_shows_the_path_as_it_could_be_typed(client: FlaskClient) -> None:
    response = client.get("/id/country/my%00%20%25%E4%B8%AD%FF.ttl")
    assert response.get_data(as_text=True) == (
        "404 Not Found: /id/country/my%00%20%25%E4%B8%AD%EF%BF%BD.ttl names nothing:"
        " it cannot be part of an IRI\n"
    )


@pytest.mark.parametrize("path", ["id/country/my\r\n", "id/place/a b", "graph/%zz", "x\\y"])
def test_no_public_iri_is_built_from_a_path_that_cannot_be_part_of_one(path: str) -> None:
    with pytest.raises(NotFound, match="cannot be part of an IRI"):
        IriMap("http://localhost/").public(path)
