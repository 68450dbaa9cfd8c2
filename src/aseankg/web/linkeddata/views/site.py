"""What every linked-data page shares: the links of the site's header."""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import render_template

from aseankg.namespaces import ONTOLOGY
from aseankg.web.linkeddata.iris import IriMap, current_iri_map

#: The templates of every linked-data blueprint (``linkeddata/*.html``).
TEMPLATES = str(Path(__file__).resolve().parent.parent / "templates")


@dataclass(frozen=True)
class SiteLinks:
    home: str
    ontology: str
    sparql: str
    queries: str
    void: str
    context: str


def site_links(iri_map: IriMap) -> SiteLinks:
    base = iri_map.served_base
    return SiteLinks(
        home=base,
        ontology=iri_map.served(str(ONTOLOGY)),
        sparql=base + "sparql",
        queries=base + "api/queries",
        void=base + ".well-known/void",
        context=base + "context.jsonld",
    )


def render_page(template: str, **context: Any) -> str:
    """Render a page of the site (autoescaped) with the header links filled in."""
    return render_template(f"linkeddata/{template}", site=site_links(current_iri_map()), **context)
