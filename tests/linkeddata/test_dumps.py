"""Dumps re-parse, with rdflib and with Oxigraph, to exactly the quads of the store."""

import gzip
from datetime import UTC, datetime

import pyoxigraph
import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient

from aseankg.cli import main
from aseankg.web.site import site_of
from tests.linkeddata.conftest import oxigraph_quads, parse

DATASET_DUMPS = [
    ("aseankg.trig", "application/trig"),
    ("aseankg.nq", "application/n-quads"),
    ("aseankg.jsonld", "application/ld+json"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("filename", "media_type"), DATASET_DUMPS)
def test_dataset_dump_holds_exactly_the_quads_of_the_store(
    client: FlaskClient, store_quads: set[pyoxigraph.Quad], filename: str, media_type: str
) -> None:
    response = client.get(f"/dumps/{filename}")
    assert response.status_code == 200
    assert response.mimetype == media_type
    assert oxigraph_quads(response.data, media_type) == store_quads
    reparsed = parse(response.data, media_type)
    assert sum(len(graph) for graph in reparsed.graphs()) == len(store_quads)


def test_gzipped_nquads_is_the_nquads_dump(
    client: FlaskClient, store_quads: set[pyoxigraph.Quad]
) -> None:
    response = client.get("/dumps/aseankg.nq.gz")
    assert response.mimetype == "application/gzip"
    assert "Content-Encoding" not in response.headers
    plain = gzip.decompress(response.data)
    assert plain == client.get("/dumps/aseankg.nq").data
    assert oxigraph_quads(plain, "application/n-quads") == store_quads


def test_turtle_dump_is_the_union_of_all_graphs(
    client: FlaskClient, store_quads: set[pyoxigraph.Quad]
) -> None:
    payload = client.get("/dumps/aseankg.ttl").data
    union = {pyoxigraph.Triple(q.subject, q.predicate, q.object) for q in store_quads}
    assert oxigraph_quads(payload, "text/turtle") == {
        pyoxigraph.Quad(t.subject, t.predicate, t.object) for t in union
    }
    assert len(parse(payload, "text/turtle")) == len(union)


@pytest.mark.parametrize(
    "filename", ["aseankg.trig", "aseankg.nq", "aseankg.nq.gz", "aseankg.jsonld", "aseankg.ttl"]
)
def test_dump_headers_are_stable(app: Flask, client: FlaskClient, filename: str) -> None:
    first = client.get(f"/dumps/{filename}")
    second = client.get(f"/dumps/{filename}")
    assert first.headers["Content-Disposition"] == f'attachment; filename="{filename}"'
    assert first.headers["ETag"] == second.headers["ETag"]
    assert first.headers["Last-Modified"] == second.headers["Last-Modified"]
    assert first.data == second.data
    newest = max(source.path.stat().st_mtime for source in site_of(app).settings.sources())
    assert first.last_modified == datetime.fromtimestamp(int(newest), UTC)
    cached = client.get(f"/dumps/{filename}", headers={"If-None-Match": first.headers["ETag"]})
    assert cached.status_code == 304
    later = client.get(
        f"/dumps/{filename}", headers={"If-Modified-Since": first.headers["Last-Modified"]}
    )
    assert later.status_code == 304


def test_unknown_dump_is_404(client: FlaskClient) -> None:
    response = client.get("/dumps/aseankg.xlsx")
    assert response.status_code == 404
    assert "aseankg.xlsx" in response.get_data(as_text=True)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("format_name", "filename"),
    [
        ("trig", "aseankg.trig"),
        ("nq", "aseankg.nq"),
        ("jsonld", "aseankg.jsonld"),
        ("ttl", "aseankg.ttl"),
    ],
)
def test_export_writes_the_bytes_of_the_dump(
    client: FlaskClient, format_name: str, filename: str
) -> None:
    result = CliRunner().invoke(main, ["export", "--format", format_name])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == client.get(f"/dumps/{filename}").data
