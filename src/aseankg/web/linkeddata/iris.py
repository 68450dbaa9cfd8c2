"""Where the IRIs the data mints are served.

The data names things under a public base (``https://w3id.org/aseankg/``),
while a server answers wherever it is deployed. RDF keeps the public IRIs;
pages for people link to the served URLs, so the same data can be browsed on
any host.

Every path served here is the served form of a public IRI, so a path that
cannot be part of an IRI (a space, a control character, a stray ``%``, bytes
that are not UTF-8) names nothing: it is refused with 404 where the IRI is
built, before any query sees it.
"""

from dataclasses import dataclass
from urllib.parse import quote

import pyoxigraph
from flask import request
from rdflib import URIRef
from werkzeug.exceptions import NotFound

from aseankg.rdf.namespaces import BASE
from aseankg.web.site import current_settings

#: Schemes a page may link to; any other IRI (``javascript:``, ``data:``, ``urn:``) is text.
LINK_SCHEMES = frozenset({"http", "https"})
#: Characters a URL path may hold as they are (RFC 3986 ``pchar`` and ``/``, besides letters,
#: digits and ``-._~``); ``%``, ``?``, ``#``, spaces and anything not ASCII are percent-encoded.
_PATH_CHARACTERS = "/:@!$&'()*+,;=~"


def url_path(path: str) -> str:
    """``path`` as a URL path that a server decodes back to ``path``: plain ASCII, one line."""
    return quote(path, safe=_PATH_CHARACTERS)


@dataclass(frozen=True)
class IriMap:
    """A two-way mapping between public IRIs and the URLs that serve them."""

    served_base: str
    """Where the public base is served, ending in ``/``."""
    public_base: str = BASE

    def is_public(self, iri: str) -> bool:
        return iri.startswith(self.public_base)

    def served(self, iri: str) -> str:
        """The URL a browser should follow for ``iri``: served here when it is ours.

        The path is percent-encoded so that the request names ``iri`` again (an IRI may
        hold ``%``, ``?`` or letters that HTTP headers cannot); a fragment stays one, as
        ``ontology#Event`` is an entry of the page ``ontology``.
        """
        if not self.is_public(iri):
            return iri
        path, hash_mark, fragment = iri[len(self.public_base) :].partition("#")
        fragment = quote(fragment, safe=_PATH_CHARACTERS + "?")
        return self.served_base + url_path(path) + hash_mark + fragment

    def href(self, iri: str) -> str | None:
        """Where a page may link for ``iri``: its served URL when that is http(s) or a place
        in the same page (``#term``); None when it must be shown as text instead."""
        url = self.served(iri)
        scheme, colon, _ = url.partition(":")
        if url.startswith("#") or (colon and scheme.lower() in LINK_SCHEMES):
            return url
        return None

    def public(self, path: str) -> URIRef:
        """The public IRI of a path relative to the served base (``id/event/x``).

        Raises 404 when the path cannot be part of an IRI (RFC 3987, as the query engine
        checks it): no IRI, so nothing, has that name.
        """
        relative = path.lstrip("/")
        iri = self.public_base + relative
        try:
            pyoxigraph.NamedNode(iri)
        except ValueError:
            message = f"/{url_path(relative)} names nothing: it cannot be part of an IRI"
            raise NotFound(message) from None
        return URIRef(iri)


def current_iri_map() -> IriMap:
    """The mapping for the current request (the request's own root when none is configured)."""
    configured = current_settings().served_base
    if configured:
        return IriMap(configured.rstrip("/") + "/")
    return IriMap(request.host_url.rstrip("/") + request.script_root + "/")
