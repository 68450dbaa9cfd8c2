"""Turn RDF terms into what a page shows: labelled links, readable dates and figures.

Templates receive plain values from here and escape all of them; nothing
taken from the data is ever marked safe.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from rdflib import XSD, Literal, URIRef
from rdflib.term import Node

from aseankg.own_queries import query_text
from aseankg.rdf.namespaces import AK, ONTOLOGY, local_name
from aseankg.web.linkeddata.app_cache import app_cached
from aseankg.web.linkeddata.iris import IriMap
from aseankg.web.linkeddata.labels import label_of
from aseankg.web.linkeddata.select_rows import as_int, as_iri, select

STORIES_QUERY = query_text("story-graphs")

_DATE_PRECISION = {
    str(XSD.date): "day",
    str(XSD.gYearMonth): "month",
    str(XSD.gYear): "year",
    str(XSD.dateTime): "time",
}
#: Numbers with more digits than this either side of the point are shown as written.
_SPELLED_OUT_DIGITS = 40
_NUMBERS = frozenset({str(XSD.integer), str(XSD.decimal), str(XSD.double), str(XSD.float)})


@dataclass(frozen=True)
class Link:
    """An IRI as people see it: its label, and where to follow it."""

    href: str | None
    """None for an IRI a browser must not follow (``javascript:``, ``data:``): shown as text."""
    text: str
    iri: str


@dataclass(frozen=True)
class Shown:
    """One value in a page: a link, or literal text with a note (precision, language, type)."""

    text: str
    link: Link | None = None
    note: str = ""


@dataclass(frozen=True)
class Story:
    """A story graph, shown by its story's number and linked to the story's page."""

    graph: str
    link: Link
    position: int
    """Place in the article; 0 for graphs that are not stories."""
    title: str


@app_cached
def story_index() -> dict[str, tuple[URIRef, int]]:
    """Story graph IRI -> (story IRI, position in the article)."""
    return {
        str(row["graph"]): (as_iri(row["story"]), as_int(row["position"]))
        for row in select(STORIES_QUERY)
    }


class Presenter:
    """Renders terms for one request (links depend on the host being served)."""

    def __init__(self, iri_map: IriMap) -> None:
        self.iri_map = iri_map

    def link(self, iri: URIRef) -> Link:
        """A link to the term's own page; ontology terms land on their documentation anchor."""
        text = str(label_of(iri))
        href: str | None
        if iri.startswith(str(AK)):
            href = self.iri_map.served(str(ONTOLOGY)) + "#" + local_name(iri)
        else:
            href = self.iri_map.href(str(iri))
        return Link(href, text, str(iri))

    def story(self, graph: str) -> Story:
        """The story a graph holds, or the graph itself (reference data, the ontology)."""
        key = str(graph)
        if key in story_index():
            story, position = story_index()[key]
            link = Link(self.iri_map.href(str(story)), f"story {position}", str(story))
            return Story(key, link, position, label_of(story))
        name = "ontology" if key == str(ONTOLOGY) else local_name(key)
        return Story(key, Link(self.iri_map.href(key), name, key), 0, f"{name} graph")

    def value(self, term: Node) -> Shown:
        if isinstance(term, URIRef):
            link = self.link(term)
            return Shown(link.text, link)
        if isinstance(term, Literal):
            return shown_literal(term)
        return Shown(str(term))


def shown_literal(literal: Literal) -> Shown:
    """Dates by their precision, numbers with digit grouping, text with its language."""
    datatype = str(literal.datatype or "")
    text = str(literal)
    if datatype in _DATE_PRECISION:
        return Shown(readable_date(text, datatype), note=_DATE_PRECISION[datatype])
    if datatype in _NUMBERS:
        return Shown(readable_number(text))
    if literal.language:
        return Shown(text, note="" if literal.language == "en" else literal.language)
    if datatype and datatype != str(XSD.string):
        return Shown(text, note=local_name(datatype))
    return Shown(text)


def readable_date(text: str, datatype: str) -> str:
    """``14 April 2025``, ``April 2025`` or ``2025``; the lexical form if it does not parse."""
    try:
        if datatype == str(XSD.date):
            return datetime.date.fromisoformat(text).strftime("%-d %B %Y")
        if datatype == str(XSD.gYearMonth):
            return datetime.datetime.strptime(text, "%Y-%m").strftime("%B %Y")
    except ValueError:
        return text
    return text


def readable_number(text: str) -> str:
    """``40,000,000,000``; the lexical form if it is not a number."""
    try:
        number = Decimal(text)
    except InvalidOperation:
        return text
    if not number.is_finite() or abs(number.adjusted()) > _SPELLED_OUT_DIGITS:
        return text  # written out in full it would be endless (1e999999999): keep its form
    return f"{int(number):,}" if number == number.to_integral_value() else f"{number:,f}"
