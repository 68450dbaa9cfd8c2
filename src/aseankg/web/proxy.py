"""Where clients reach the server: the URL it is served at, as configured or as proxies say.

The WSGI environ is settled once, before the app and its response cache see the
request, so that everything that builds an absolute URL (``url_for``, the request's
root, the linked-data links, the service description, VoID) agrees on it. A
configured served base is a fact about the deployment and wins. Without one,
forwarded headers say where the request came in, but only from proxies the operator
trusts: anyone can send ``X-Forwarded-Host``, so by default those headers are ignored.
"""

from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from werkzeug.exceptions import BadRequest
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.sansio.utils import host_is_trusted

from aseankg.web.linkeddata.iris import LINK_SCHEMES, url_path
from aseankg.web.response_cache import WSGIApp


class ServedAt:
    """WSGI middleware: every request is seen as made to ``base`` (scheme, host, path)."""

    def __init__(self, app: WSGIApp, base: str) -> None:
        parts = urlsplit(base)
        self.app = app
        self.scheme = parts.scheme
        self.host = parts.netloc
        self.root = parts.path.rstrip("/")

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        environ["wsgi.url_scheme"] = self.scheme
        environ["HTTP_HOST"] = self.host
        environ["SCRIPT_NAME"] = self.root
        return self.app(environ, start_response)


def url_problem(environ: dict[str, Any]) -> str | None:
    """Why the request's URL cannot be written into a link, or None when it can."""
    scheme, host = environ.get("wsgi.url_scheme", ""), environ.get("HTTP_HOST")
    prefix = environ.get("SCRIPT_NAME", "")
    if scheme not in LINK_SCHEMES:
        return f"the scheme '{scheme}' is not http or https"
    if host is not None and not host_is_trusted(host):
        return "the host is not a host name or address with an optional port"
    if prefix and (not prefix.startswith("/") or url_path(prefix) != prefix):
        return "the path prefix is not a plain URL path"
    return None


class UsableUrl:
    """WSGI middleware: 400 for a request whose URL, as the client or a trusted proxy
    gives it, cannot be written into the links of a page or a description."""

    def __init__(self, app: WSGIApp) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        problem = url_problem(environ)
        if problem is not None:
            refusal = BadRequest(f"this request names no usable URL: {problem}")
            return refusal(environ, start_response)
        return self.app(environ, start_response)


def deployed(app: WSGIApp, served_base: str | None, proxy_hops: int) -> WSGIApp:
    """``app`` seeing the URL clients used: ``served_base`` when given, and the
    ``X-Forwarded-*`` headers of the nearest ``proxy_hops`` proxies (0: none believed).

    Forwarded headers are read first, so a client address from ``X-Forwarded-For`` counts
    even when the served base decides the URL.
    """
    app = UsableUrl(app)
    if served_base:
        app = ServedAt(app, served_base)
    if proxy_hops:
        hops = proxy_hops
        app = ProxyFix(app, x_for=hops, x_proto=hops, x_host=hops, x_port=hops, x_prefix=hops)
    return app
