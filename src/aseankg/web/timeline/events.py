"""The events the timeline draws, from the canned query ``events-timeline``, and the
actors, countries and topics it can be filtered by.

The page runs the same query as ``/api/queries/events-timeline``, bound the same way,
so what it draws is exactly what the API answers for the same filters.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rdflib import Literal, URIRef
from rdflib.term import Node
from werkzeug.exceptions import BadRequest, NotFound

from aseankg.canned import ParameterError, UnknownQuery, bind
from aseankg.own_queries import query_text
from aseankg.rdf.periods import Period, period_of, span
from aseankg.web.api import current_catalogue, max_limit
from aseankg.web.linkeddata.labels import label_of
from aseankg.web.linkeddata.select_rows import select
from aseankg.web.linkeddata.term_display import readable_date

QUERY = "events-timeline"
#: The filters, in the order the page offers them; each is a parameter of the query.
FACETS = ("country", "actor", "topic")

CHOICES_QUERY = query_text("timeline-choices")


@dataclass(frozen=True)
class TimelineEvent:
    """One row of the query: an event, its kind and its dates as the data gives them."""

    iri: URIRef
    label: str
    kind: URIRef | None
    kind_label: str
    start: Node | None
    end: Node | None
    date_note: str
    parent: URIRef | None

    @property
    def period(self) -> Period | None:
        """The days the event's own dates stand for; None when it has none (or bad ones)."""
        return None if self.start is None else span(self.start, self.end)

    @property
    def dates(self) -> str:
        """The dates as people read them: ``17-21 September 2025``, ``2025 (early 2025)``."""
        text = _date_range(self.start, self.end) if self.start is not None else ""
        return f"{text} ({self.date_note})" if self.date_note else text


def _readable(date: Node) -> str:
    datatype = str(date.datatype) if isinstance(date, Literal) and date.datatype else ""
    return readable_date(str(date), datatype)


def _date_range(start: Node, end: Node | None) -> str:
    """Two dates, written once where they agree (the same day, or days of one month)."""
    first = _readable(start)
    last = _readable(end) if end is not None else first
    if last == first:
        return first
    begins, ends = period_of(start), period_of(end) if end is not None else None
    if (
        begins is not None
        and ends is not None
        and begins.precision == ends.precision == "day"
        and (begins.first.year, begins.first.month) == (ends.first.year, ends.first.month)
    ):
        return f"{begins.first.day}\N{EN DASH}{last}"
    return f"{first} \N{EN DASH} {last}"


@dataclass(frozen=True)
class Selection:
    """The events one run of the query gives, and whether the row limit cut them short."""

    events: tuple[TimelineEvent, ...]
    cut_at: int | None


def _iri(row: Mapping[str, Node], name: str) -> URIRef | None:
    value = row.get(name)
    return value if isinstance(value, URIRef) else None


def _event(row: Mapping[str, Node]) -> TimelineEvent | None:
    iri, kind = _iri(row, "event"), _iri(row, "kind")
    if iri is None:
        return None
    return TimelineEvent(
        iri=iri,
        label=str(row.get("eventLabel") or label_of(iri)),
        kind=kind,
        kind_label=str(row.get("kindLabel") or (label_of(kind) if kind else "event")),
        start=row.get("start"),
        end=row.get("end"),
        date_note=str(row.get("dateNote") or ""),
        parent=_iri(row, "parent"),
    )


def select_events(filters: Sequence[tuple[str, str]] = ()) -> Selection:
    """The events that match ``filters`` (facet, IRI), one each, in the query's order.

    A value that is not an IRI, or a filter given twice, is the client's error (400),
    named as the API names it.
    """
    try:
        query = current_catalogue()[QUERY]
    except UnknownQuery:
        raise NotFound(f"this server's catalogue has no query '{QUERY}' to draw") from None
    limit = max_limit()
    try:
        bound = bind(query, [*filters, ("limit", str(limit))], max_limit=limit)
    except ParameterError as error:
        raise BadRequest(str(error)) from None
    found = select(bound.text)
    events: dict[URIRef, TimelineEvent] = {}
    for row in found:
        event = _event(row)
        if event is not None:
            events.setdefault(event.iri, event)
    return Selection(tuple(events.values()), limit if len(found) >= limit else None)


def choices() -> dict[str, list[URIRef]]:
    """Facet -> the values it can take, by label."""
    found: dict[str, list[URIRef]] = {facet: [] for facet in FACETS}
    for row in select(CHOICES_QUERY):
        facet, value = str(row["facet"]), row["value"]
        if facet in found and isinstance(value, URIRef):
            found[facet].append(value)
    return {
        facet: sorted(values, key=lambda value: label_of(value).casefold())
        for facet, values in found.items()
    }
