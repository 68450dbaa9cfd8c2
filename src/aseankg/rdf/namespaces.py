"""Every IRI namespace aseankg mints or reuses, defined once so modules agree."""

import re
from collections.abc import Mapping
from typing import TypeVar

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD

BASE = "https://w3id.org/aseankg/"
"""The base of every IRI the data mints; a server answers for all of them."""

AK = Namespace(BASE + "ontology#")
ONTOLOGY = URIRef(BASE + "ontology")
ID = Namespace(BASE + "id/")
STORY_GRAPH = Namespace(BASE + "graph/story/")
REFERENCE_GRAPH = URIRef(BASE + "graph/reference")
SHAPES_DOCUMENT = URIRef(BASE + "shapes")
SHAPES = Namespace(BASE + "shapes#")
CHECKS = Namespace(BASE + "checks/")

SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
ORG = Namespace("http://www.w3.org/ns/org#")
TIME = Namespace("http://www.w3.org/2006/time#")
VANN = Namespace("http://purl.org/vocab/vann/")
SH = Namespace("http://www.w3.org/ns/shacl#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
"""W3C's IRIs for RDF and SPARQL result syntaxes, as used by service descriptions."""

#: Kinds of entity IRI (``{BASE}id/{kind}/{slug}``); each gets a prefix of its own name.
ENTITY_KINDS = (
    "article",
    "story",
    "country",
    "person",
    "organisation",
    "group",
    "position",
    "place",
    "event",
    "participation",
    "document",
    "initiative",
    "relationship",
    "outcome",
    "topic",
    "role",
    "qualifier",
    "unit",
    "relationship-kind",
    "characterisation",
    "aim",
    "scheme",
)

#: Prefixes used when writing RDF or showing IRIs to people.
PREFIXES: dict[str, str] = {
    "ak": str(AK),
    **{kind: f"{ID}{kind}/" for kind in ENTITY_KINDS},
    "storygraph": str(STORY_GRAPH),
    "shapes": str(SHAPES),
    "check": str(CHECKS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "schema": str(SDO),
    "sem": str(SEM),
    "org": str(ORG),
    "time": str(TIME),
    "vann": str(VANN),
    "sh": str(SH),
}


#: What may follow a prefix in a name people read: letters, digits, ``_``, ``-`` and ``.``.
_LOCAL_NAME = re.compile(r"[\w.-]*(?<!\.)")


def story_graph(number: int, article: str | None = None) -> URIRef:
    """The named graph holding the facts of story ``number`` (1-based).

    Stories of the first article have the graphs they were published with
    (``graph/story/NN``); every other article's are scoped by its slug
    (``graph/story/{article}/NN``). Either way the graph IRI is the story IRI
    with ``id/`` turned into ``graph/``.
    """
    return STORY_GRAPH[f"{number:02d}" if article is None else f"{article}/{number:02d}"]


def article_iri(article: str) -> URIRef:
    """The IRI of the article whose slug is ``article``."""
    return ID[f"article/{article}"]


def local_name(iri: str) -> str:
    """The last segment of an IRI, after ``#`` or ``/``: a fallback name for people."""
    return iri.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]


G = TypeVar("G", bound=Graph)


def bind_prefixes(graph: G) -> G:
    """Give ``graph`` aseankg's prefixes (replacing rdflib's defaults), for readable output."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, replace=True)
    return graph


def compact(iri: str, prefixes: Mapping[str, str] = PREFIXES) -> str | None:
    """``event:x`` for an IRI in a namespace of ``prefixes``, or None when none fits.

    The longest matching namespace wins (``event:`` over a shorter one it extends), and
    what follows it must be a plain local name (``event:a/b`` would mislead).
    """
    for prefix, namespace in sorted(prefixes.items(), key=lambda item: -len(item[1])):
        local = iri.removeprefix(namespace)
        if local != iri and _LOCAL_NAME.fullmatch(local):
            return f"{prefix}:{local}"
    return None
