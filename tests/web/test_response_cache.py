"""Repeated GETs are replayed from memory, without entering the app."""

from flask import Flask, Response, abort, request
from werkzeug.test import Client

from aseankg.engine.bounded_cache import BoundedCache
from aseankg.web.response_cache import ResponseCache


def counting_app() -> tuple[Flask, list[str]]:
    app = Flask(__name__)
    calls: list[str] = []

    @app.get("/tagged")
    def tagged() -> Response:
        calls.append(request.headers.get("Accept", ""))
        response = Response(f"body for {request.headers.get('Accept')}", mimetype="text/plain")
        response.set_etag("v1")
        response.headers["Vary"] = "Accept"
        return response.make_conditional(request)

    @app.get("/untagged")
    def untagged() -> str:
        calls.append("untagged")
        return "no etag"

    @app.get("/missing")
    def missing() -> Response:
        calls.append("missing")
        abort(404)

    @app.post("/tagged")
    def post() -> Response:
        calls.append("post")
        response = Response("posted")
        response.set_etag("v1")
        return response

    app.wsgi_app = ResponseCache(app.wsgi_app, BoundedCache(1 << 20))  # type: ignore[method-assign]
    return app, calls


def test_a_repeated_get_is_answered_without_the_app() -> None:
    app, calls = counting_app()
    client = Client(app)
    first = client.get("/tagged", headers={"Accept": "text/plain"})
    second = client.get("/tagged", headers={"Accept": "text/plain"})
    assert first.status_code == second.status_code == 200
    assert first.data == second.data == b"body for text/plain"
    assert second.headers["ETag"] == '"v1"'
    assert second.headers["Vary"] == "Accept"
    assert calls == ["text/plain"]


def test_another_accept_header_is_another_entry() -> None:
    app, calls = counting_app()
    client = Client(app)
    client.get("/tagged", headers={"Accept": "text/plain"})
    other = client.get("/tagged", headers={"Accept": "text/csv"})
    assert other.data == b"body for text/csv"
    assert calls == ["text/plain", "text/csv"]


def test_if_none_match_gets_304_from_the_cache() -> None:
    app, calls = counting_app()
    client = Client(app)
    client.get("/tagged")
    revalidated = client.get("/tagged", headers={"If-None-Match": '"v1"'})
    assert revalidated.status_code == 304
    assert revalidated.data == b""
    assert revalidated.headers["ETag"] == '"v1"'
    assert "Content-Type" not in revalidated.headers
    assert len(calls) == 1


def test_only_tagged_successful_gets_are_kept() -> None:
    app, calls = counting_app()
    client = Client(app)
    for _ in range(2):
        assert client.get("/untagged").status_code == 200
        assert client.get("/missing").status_code == 404
        assert client.post("/tagged").status_code == 200
    assert calls == ["untagged", "missing", "post"] * 2
