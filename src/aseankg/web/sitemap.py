"""``/sitemap.xml``: every page of the site, for search engines (the sitemaps.org protocol).

The pages are the site's main ones, one per named graph, one per kind of entity and
one per entity the data names, each at its URL on the served base. A sitemap file may
list at most 50,000 URLs, so past ``Settings.sitemap_size`` URLs ``/sitemap.xml`` becomes
an index of ``/sitemap-1.xml``, ``/sitemap-2.xml``... that list them in turn. Every URL
changes only when the data does, so each entry's ``lastmod`` is the data's.
"""

from collections.abc import Sequence
from xml.etree.ElementTree import Element, SubElement, tostring

from flask import Blueprint, Response, abort
from rdflib import Literal, URIRef

from aseankg.rdf.namespaces import ENTITY_KINDS, ID, ONTOLOGY
from aseankg.web.conditional_requests import conditional
from aseankg.web.linkeddata.app_cache import app_cached
from aseankg.web.linkeddata.dumps import last_modified
from aseankg.web.linkeddata.entities import KIND_QUERY
from aseankg.web.linkeddata.iris import IriMap, current_iri_map
from aseankg.web.linkeddata.ontology import shapes_document
from aseankg.web.linkeddata.select_rows import as_iri, select
from aseankg.web.navigation import site_links
from aseankg.web.negotiation import content_type
from aseankg.web.site import current_engine, current_settings

blueprint = Blueprint("sitemap", __name__)

NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
MEDIA_TYPE = "application/xml"


def _kind(entity: str) -> str:
    return entity.removeprefix(str(ID)).split("/", 1)[0]


@app_cached
def listed_iris() -> tuple[URIRef, ...]:
    """The public IRIs with a page: every named graph but the ontology's (the ontology has a
    page of its own), the index of every kind of entity, and every entity of a kind served."""
    entities = sorted(
        as_iri(row["entity"])
        for row in select(KIND_QUERY, space=Literal(str(ID)))
        if _kind(str(row["entity"])) in ENTITY_KINDS
    )
    kinds = sorted({_kind(entity) for entity in entities})
    graphs = sorted(URIRef(graph) for graph in current_engine().graphs if graph != str(ONTOLOGY))
    return (*graphs, *(ID[f"{kind}/"] for kind in kinds), *entities)


def page_urls(iri_map: IriMap) -> list[str]:
    """Every page of the site, as served at ``iri_map``'s base."""
    site = site_links(iri_map)
    main = [site.home, site.sparql, site.queries, site.timeline, site.ontology]
    shapes = shapes_document()
    if shapes is not None:
        main.append(iri_map.served(str(shapes.iri)))
    return [*main, *(iri_map.served(str(iri)) for iri in listed_iris())]


def _document(root: str, entry: str, locations: Sequence[str]) -> bytes:
    """A sitemaps.org document: ``root`` holding an ``entry`` per location."""
    modified = last_modified().date().isoformat()
    tree = Element(root, xmlns=NAMESPACE)
    for location in locations:
        element = SubElement(tree, entry)
        SubElement(element, "loc").text = location
        SubElement(element, "lastmod").text = modified
    return tostring(tree, encoding="utf-8", xml_declaration=True)


def _send(body: bytes, *cache_key: str) -> Response:
    response = Response(body, content_type=content_type(MEDIA_TYPE))
    return conditional(response, *cache_key)


def _parts(urls: Sequence[str]) -> list[Sequence[str]]:
    size = current_settings().sitemap_size
    return [urls[start : start + size] for start in range(0, len(urls), size)]


def _part_url(iri_map: IriMap, number: int) -> str:
    return f"{iri_map.served_base}sitemap-{number}.xml"


@blueprint.get("/sitemap.xml")
def sitemap() -> Response:
    """The URLs of every page; past the size of one sitemap, an index of sitemaps."""
    iri_map = current_iri_map()
    parts = _parts(page_urls(iri_map))
    if len(parts) <= 1:
        body = _document("urlset", "url", parts[0] if parts else [])
    else:
        numbers = range(1, len(parts) + 1)
        body = _document("sitemapindex", "sitemap", [_part_url(iri_map, n) for n in numbers])
    return _send(body, "sitemap", iri_map.served_base)


@blueprint.get("/sitemap-<int:number>.xml")
def sitemap_part(number: int) -> Response:
    """One of the sitemaps the index lists (there are some only when one would be too long)."""
    iri_map = current_iri_map()
    parts = _parts(page_urls(iri_map))
    if len(parts) <= 1 or not 1 <= number <= len(parts):
        abort(404, description=f"there is no sitemap {number}: the sitemap is at /sitemap.xml")
    return _send(
        _document("urlset", "url", parts[number - 1]), "sitemap", iri_map.served_base, str(number)
    )
