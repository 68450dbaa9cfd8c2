"""What every HTML page of the site shares: the header's links and where static files are.

Links point at the served base (see ``linkeddata.iris``), so pages work behind a
proxy that serves the site under a path of its own. Every template gets ``site``
from the context processor registered here; nothing needs to pass it.
"""

from dataclasses import dataclass
from typing import Any

from flask import Flask, request

from aseankg.rdf.namespaces import ONTOLOGY
from aseankg.web.editor import editor_link
from aseankg.web.linkeddata.iris import IriMap, current_iri_map


@dataclass(frozen=True)
class NavItem:
    """One link of the site's navigation."""

    label: str
    href: str
    current: bool
    """The page being shown is this item's page (or one below it)."""


@dataclass(frozen=True)
class SiteLinks:
    home: str
    ontology: str
    sparql: str
    queries: str
    timeline: str
    downloads: str
    void: str
    context: str
    static: str
    """The URL of the static folder, ending in ``/``: ``{{ site.static }}site.css``."""
    nav: tuple[NavItem, ...]

    def editor(self, query: str, title: str) -> str:
        """A link that opens ``query`` in a new tab of the query editor."""
        return editor_link(self.sparql, query, title)


def _is_under(path: str) -> bool:
    """Whether the request is for ``path`` or a page below it."""
    return request.path == path or request.path.startswith(path.rstrip("/") + "/")


def site_links(iri_map: IriMap) -> SiteLinks:
    base = iri_map.served_base
    ontology = iri_map.served(str(ONTOLOGY))
    sections = (
        ("Query editor", base + "sparql", "/sparql"),
        ("Queries", base + "api/queries", "/api/queries"),
        ("Timeline", base + "timeline", "/timeline"),
        ("Ontology", ontology, "/ontology"),
        ("Downloads", base + "#dumps", "/dumps"),
    )
    return SiteLinks(
        home=base,
        ontology=ontology,
        sparql=base + "sparql",
        queries=base + "api/queries",
        timeline=base + "timeline",
        downloads=base + "#dumps",
        void=base + ".well-known/void",
        context=base + "context.jsonld",
        static=base + "static/",
        nav=tuple(NavItem(label, href, _is_under(path)) for label, href, path in sections),
    )


def _site_context() -> dict[str, Any]:
    return {"site": site_links(current_iri_map())}


def register(app: Flask) -> None:
    """Give every template the site's links."""
    app.context_processor(_site_context)
