"""Every response forbids content sniffing; every page forbids inline script and framing.

Pages are checked for what the policy would block: a ``<script>`` without ``src`` (other
than a data block such as JSON-LD) or an ``on...=`` attribute would not run.
"""

from html.parser import HTMLParser

import pytest
from flask.testing import FlaskClient

from aseankg.web.security_headers import CONTENT_SECURITY_POLICY, REFERRER_POLICY
from tests.support.http import fetch

PAGES = (
    "/",
    "/id/country/my",
    "/id/country/",
    "/graph/story/01",
    "/ontology",
    "/shapes",
    "/sparql",
)
#: Responses that are not pages: data, query results, dumps, errors, preflight.
OTHERS = (
    ("GET", "/id/country/my.ttl", {}),
    ("GET", "/dumps/aseankg.nq.gz", {}),
    ("GET", "/sparql?query=ASK{}", {"Accept": "application/sparql-results+json"}),
    ("GET", "/api/queries", {"Accept": "application/json"}),
    ("GET", "/context.jsonld", {}),
    ("GET", "/id/country/no-such-country", {}),
    ("GET", "/id/country/my%00", {"Accept": "text/html"}),
    ("DELETE", "/id/country/my", {}),
    (
        "OPTIONS",
        "/sparql",
        {"Origin": "https://example.org", "Access-Control-Request-Method": "POST"},
    ),
)
#: Script types a browser treats as data, never runs.
DATA_BLOCKS = frozenset({"application/ld+json", "application/json"})


class ScriptFinder(HTMLParser):
    """Collects what would run in the page without a script file of the site's own."""

    def __init__(self) -> None:
        super().__init__()
        self.inline: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        handlers = [name for name in attributes if name.startswith("on")]
        self.inline.extend(f"<{tag} {name}=...>" for name in handlers)
        script_type = (attributes.get("type") or "").lower()
        if tag == "script" and not attributes.get("src") and script_type not in DATA_BLOCKS:
            self.inline.append("<script> without src")
        for name in ("href", "src", "action"):
            if (attributes.get(name) or "").strip().lower().startswith("javascript:"):
                self.inline.append(f"<{tag} {name}=javascript:...>")


def directives(policy: str) -> dict[str, list[str]]:
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


@pytest.mark.parametrize("path", PAGES)
def test_pages_forbid_inline_script_and_framing(client: FlaskClient, path: str) -> None:
    response = client.get(path, headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == REFERRER_POLICY
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    finder = ScriptFinder()
    finder.feed(response.get_data(as_text=True))
    assert finder.inline == []


def test_the_policy_runs_only_the_sites_own_scripts() -> None:
    policy = directives(CONTENT_SECURITY_POLICY)
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert "'unsafe-eval'" not in CONTENT_SECURITY_POLICY


@pytest.mark.parametrize(("method", "path", "headers"), OTHERS)
def test_every_response_forbids_sniffing(
    client: FlaskClient, method: str, path: str, headers: dict[str, str]
) -> None:
    response = client.open(path, method=method, headers=headers)
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_replayed_responses_keep_the_headers(client: FlaskClient) -> None:
    first = client.get("/id/country/my", headers={"Accept": "text/html"})
    again = client.get("/id/country/my", headers={"Accept": "text/html"})
    for response in (first, again):
        assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    revalidated = client.get(
        "/id/country/my", headers={"Accept": "text/html", "If-None-Match": first.headers["ETag"]}
    )
    assert revalidated.status_code == 304
    assert revalidated.headers["X-Content-Type-Options"] == "nosniff"


def test_a_live_page_carries_the_policy(live_server: str) -> None:
    reply = fetch(live_server, "GET", "/id/country/my", headers={"Accept": "text/html"})
    assert reply.status == 200
    assert reply.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert reply.headers["X-Content-Type-Options"] == "nosniff"
