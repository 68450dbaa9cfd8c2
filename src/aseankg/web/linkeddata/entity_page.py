"""What the HTML page of a resource shows, built from its description.

Facts are grouped by property, each value with the stories that state it;
participations and figures, which the data keeps as n-ary nodes, are drawn as
tables so that a role or a qualifier is read together with what it qualifies.
"""

from collections import defaultdict
from dataclasses import dataclass

from rdflib import RDF, RDFS, SKOS, URIRef
from rdflib.term import Node

from aseankg.rdf.namespaces import AK
from aseankg.web.linkeddata.describe import Description, Quad
from aseankg.web.linkeddata.term_display import Link, Presenter, Shown, Story

_HEADER_TEXT = (RDFS.comment, SKOS.definition)
_FIGURE_VALUES = (AK["count"], AK.amount, AK.percentageChange)  # AK.count is str.count
#: Properties whose facts come first, in this order; the rest follow by label.
_FIRST = (RDFS.label, RDF.type, RDFS.comment, SKOS.definition)


@dataclass(frozen=True)
class Fact:
    value: Shown
    stories: tuple[Story, ...]


@dataclass(frozen=True)
class FactRow:
    """One property and its values (outgoing), or one property and who uses it (incoming)."""

    property: Link
    facts: tuple[Fact, ...]


@dataclass(frozen=True)
class Participation:
    node: Link
    event: Shown | None
    participant: Shown | None
    role: Shown | None
    stories: tuple[Story, ...]


@dataclass(frozen=True)
class Figure:
    """A quantity or change: ``more than 20 project``, ``+32 % compared with …``."""

    node: Link
    qualifier: Shown | None
    number: Shown
    unit: Shown | None
    compared_with: Shown | None
    is_change: bool
    stories: tuple[Story, ...]


@dataclass(frozen=True)
class ResourcePage:
    iri: str
    title: str
    types: tuple[Link, ...]
    texts: tuple[str, ...]
    facts: tuple[FactRow, ...]
    incoming: tuple[FactRow, ...]
    participations: tuple[Participation, ...]
    figures: tuple[Figure, ...]
    stories: tuple[Story, ...]
    truncated: bool


class PageBuilder:
    """Builds the page of one description with one presenter."""

    def __init__(self, description: Description, presenter: Presenter) -> None:
        self.description = description
        self.present = presenter
        self.graphs: dict[tuple[Node, Node, Node], set[URIRef]] = defaultdict(set)
        for subject, predicate, obj, graph in description.quads:
            self.graphs[(subject, predicate, obj)].add(graph)

    def stories_of(self, quads: list[Quad]) -> tuple[Story, ...]:
        graphs = {graph for s, p, o, _ in quads for graph in self.graphs[(s, p, o)]}
        return self._sorted_stories(graphs)

    def _sorted_stories(self, graphs: set[URIRef]) -> tuple[Story, ...]:
        stories = {self.present.story(graph) for graph in graphs}
        return tuple(sorted(stories, key=lambda story: (story.position == 0, story.position)))

    def first(self, subject: Node, predicate: URIRef) -> Quad | None:
        return next(
            (quad for quad in self.description.about(subject) if quad[1] == predicate), None
        )

    def shown(self, quad: Quad | None, position: int = 2) -> Shown | None:
        return None if quad is None else self.present.value(quad[position])

    def rows(self, quads: list[Quad], value_position: int) -> tuple[FactRow, ...]:
        by_property: dict[URIRef, dict[Node, list[Quad]]] = defaultdict(lambda: defaultdict(list))
        for quad in quads:
            by_property[quad[1]][quad[value_position]].append(quad)

        def order(prop: URIRef) -> tuple[int, str]:
            rank = _FIRST.index(prop) if prop in _FIRST else len(_FIRST)
            return rank, self.present.link(prop).text.lower()

        return tuple(
            FactRow(
                self.present.link(prop),
                tuple(
                    Fact(self.present.value(value), self.stories_of(value_quads))
                    for value, value_quads in sorted(
                        by_property[prop].items(), key=lambda item: self.present.value(item[0]).text
                    )
                ),
            )
            for prop in sorted(by_property, key=order)
        )

    def nodes_with(self, predicates: tuple[URIRef, ...]) -> list[URIRef]:
        found = {quad[0] for quad in self.description.quads if quad[1] in predicates}
        return sorted(node for node in found if isinstance(node, URIRef))

    def participation(self, node: URIRef) -> Participation:
        event = next(
            (quad for quad in self.description.pointing_at(node) if quad[1] == AK.hasParticipation),
            None,
        )
        own = list(self.description.about(node))
        return Participation(
            self.present.link(node),
            self.shown(event, 0),
            self.shown(self.first(node, AK.participant)),
            self.shown(self.first(node, AK.role)),
            self.stories_of(own + ([event] if event else [])),
        )

    def figure(self, node: URIRef) -> Figure:
        number = next(quad for p in _FIGURE_VALUES if (quad := self.first(node, p)))
        unit = self.first(node, AK.unit) or self.first(node, AK.currency)
        return Figure(
            self.present.link(node),
            self.shown(self.first(node, AK.qualifier)),
            self.present.value(number[2]),
            self.shown(unit),
            self.shown(self.first(node, AK.comparedWith)),
            number[1] == AK.percentageChange,
            self.stories_of(list(self.description.about(node))),
        )

    def build(self) -> ResourcePage:
        resource = self.description.resource
        outgoing = list(self.description.about(resource))
        incoming = [quad for quad in self.description.pointing_at(resource) if quad[0] != resource]
        types = sorted({quad[2] for quad in outgoing if quad[1] == RDF.type}, key=str)
        texts = sorted({str(quad[2]) for quad in outgoing if quad[1] in _HEADER_TEXT})
        return ResourcePage(
            iri=str(resource),
            title=self.present.link(resource).text,
            types=tuple(self.present.link(t) for t in types if isinstance(t, URIRef)),
            texts=tuple(texts),
            facts=self.rows(outgoing, 2),
            incoming=self.rows(incoming, 0),
            participations=tuple(
                self.participation(node) for node in self.nodes_with((AK.participant,))
            ),
            figures=tuple(self.figure(node) for node in self.nodes_with(_FIGURE_VALUES)),
            stories=tuple(
                story
                for story in self._sorted_stories({quad[3] for quad in self.description.quads})
                if story.position
            ),
            truncated=self.description.row_cap is not None,
        )
