"""An entity's neighbourhood: what it names and what names it, one hop away.

A participation is an n-ary node (an event, an actor, a role), so the neighbourhood
goes through it: an event's neighbours are its participants, each with its roles,
and an actor's are the events it took part in. Every other entity the resource links
to or is linked from is a neighbour as it is: an event's outcomes and documents, its
place and topics, the story that states it. Classes are not neighbours.
"""

from collections import defaultdict
from dataclasses import dataclass

from rdflib import SKOS, URIRef

from aseankg.own_queries import query_text
from aseankg.rdf.namespaces import AK
from aseankg.web.linkeddata.labels import label_of
from aseankg.web.linkeddata.select_rows import Row, select
from aseankg.web.linkeddata.term_display import Link, Presenter

#: Broad kinds of neighbour, most telling first; a node of several (a country is an
#: actor and a place) counts as the first. Each has its colour in the picture. The
#: queries ``neighbours`` and ``category-classes`` ask for exactly these classes.
CATEGORIES: dict[str, tuple[URIRef, ...]] = {
    "event": (AK.Event,),
    "actor": (AK.Actor,),
    "document": (AK.Document,),
    "outcome": (AK.Outcome,),
    "initiative": (AK.Initiative,),
    "participation": (AK.Participation,),
    "place": (AK.Place,),
    "office": (AK.Position,),
    "concept": (SKOS.Concept, SKOS.ConceptScheme),
    "source": (AK.Story, AK.Article),
    "other": (),
}

NEIGHBOURS_QUERY = query_text("neighbours")

CATEGORY_QUERY = query_text("category-classes")


@dataclass(frozen=True)
class Neighbour:
    link: Link
    category: str
    relations: tuple[str, ...]
    """How the entity and the neighbour are linked: properties, or the roles taken."""
    direction: str
    """``out`` when the entity names the neighbour, ``in`` when the neighbour names it,
    ``""`` through a participation or both ways."""


@dataclass(frozen=True)
class Neighbourhood:
    centre: Link
    category: str
    neighbours: tuple[Neighbour, ...]
    """Every neighbour, most telling first (by category, then label)."""


def category_of(roots: set[URIRef]) -> str:
    """The first category whose classes include one of ``roots``."""
    return next(
        (name for name, classes in CATEGORIES.items() if roots.intersection(classes)), "other"
    )


class _Found:
    """What the query says about one neighbour, gathered over its rows."""

    def __init__(self) -> None:
        self.roots: set[URIRef] = set()
        self.relations: set[str] = set()
        self.directions: set[str] = set()

    def add(self, row: Row) -> None:
        root = row.get("root")
        if isinstance(root, URIRef):
            self.roots.add(root)
        direction = str(row.get("direction", ""))
        named = row.get("link") if direction else row.get("role")
        if isinstance(named, URIRef):
            self.relations.add(label_of(named))
        elif not direction:
            self.relations.add("participant")
        self.directions.add(direction)


def neighbourhood(resource: URIRef, presenter: Presenter) -> Neighbourhood:
    """The neighbourhood of ``resource``, its links made by ``presenter``."""
    found: dict[URIRef, _Found] = defaultdict(_Found)
    for row in select(NEIGHBOURS_QUERY, resource=resource):
        node = row["node"]
        if isinstance(node, URIRef):
            found[node].add(row)
    neighbours = [
        Neighbour(
            presenter.link(node),
            category_of(facts.roots),
            tuple(sorted(facts.relations)),
            next(iter(facts.directions)) if len(facts.directions) == 1 else "",
        )
        for node, facts in found.items()
    ]
    ranks = {name: rank for rank, name in enumerate(CATEGORIES)}
    neighbours.sort(key=lambda n: (ranks[n.category], n.link.text.casefold(), n.link.iri))
    roots = {row["root"] for row in select(CATEGORY_QUERY, resource=resource)}
    return Neighbourhood(
        presenter.link(resource),
        category_of({root for root in roots if isinstance(root, URIRef)}),
        tuple(neighbours),
    )
