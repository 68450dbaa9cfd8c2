"""Where the IRIs the data mints are served.

The data names things under a public base (``https://w3id.org/aseankg/``),
while a server answers wherever it is deployed. RDF keeps the public IRIs;
pages for people link to the served URLs, so the same data can be browsed on
any host.
"""

from dataclasses import dataclass

from flask import current_app, request
from rdflib import URIRef

from aseankg.namespaces import BASE


@dataclass(frozen=True)
class IriMap:
    """A two-way mapping between public IRIs and the URLs that serve them."""

    served_base: str
    """Where the public base is served, ending in ``/``."""
    public_base: str = BASE

    def is_public(self, iri: str) -> bool:
        return iri.startswith(self.public_base)

    def served(self, iri: str) -> str:
        """The URL a browser should follow for ``iri``: served here when it is ours."""
        if self.is_public(iri):
            return self.served_base + iri[len(self.public_base) :]
        return iri

    def public(self, path: str) -> URIRef:
        """The public IRI of a path relative to the served base (``id/event/x``)."""
        return URIRef(self.public_base + path.lstrip("/"))


def current_iri_map() -> IriMap:
    """The mapping for the current request (the request's own root when none is configured)."""
    configured = current_app.config["ASEANKG_SERVED_BASE"]
    if configured:
        return IriMap(configured.rstrip("/") + "/")
    return IriMap(request.host_url.rstrip("/") + request.script_root + "/")
