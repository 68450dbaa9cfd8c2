"""Where each event of the timeline is drawn: one row per event, a bar over its days.

Rows go in date order, each event's sub-events right under it and indented. A bar
covers every day the event's dates stand for (see ``aseankg.rdf.periods``); an event the
data does not date is drawn, dashed, over the dates of the event it is part of, as
that is all that is known of it. Coordinates are in the SVG's own units.
"""

import datetime
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from rdflib import URIRef

from aseankg.rdf.periods import Period, month_period, year_period
from aseankg.web.svg import colour, shorten, text_width
from aseankg.web.timeline.events import TimelineEvent

WIDTH = 1200
LABEL_LEFT = 8
PLOT_LEFT = 430
PLOT_RIGHT = 1188
AXIS_HEIGHT = 44
ROW_HEIGHT = 24
BAR_HEIGHT = 14
INDENT = 18
#: Sub-events nested deeper than this are indented no further.
DEEPEST_INDENT = 6
LABEL_SIZE = 13
DATE_SIZE = 11
#: Bars narrower than this also get a marker, so that a one-day event can be seen.
THIN = 5
#: Months narrower than this are not named on the axis.
NAMED_MONTH = 22
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
#: Gridlines closer than this are left out: months first, then years.
SPARSEST_GRID = 4


@dataclass(frozen=True)
class Gridline:
    """A line across the plot where a month begins, or a year (``major``)."""

    x: float
    major: bool


@dataclass(frozen=True)
class AxisLabel:
    """A year's or a month's name, centred over it."""

    x: float
    text: str
    year: bool


@dataclass(frozen=True)
class Row:
    event: TimelineEvent
    href: str | None
    depth: int
    y: float
    """The top of the row."""
    period: Period
    """The days the bar covers: the event's own, or those of the event it is part of."""
    within: TimelineEvent | None
    """The event whose dates the bar shows, when the event has none of its own."""
    context: bool
    """Shown only because a matching event is part of it."""
    x: float
    width: float
    colour: str
    label: str
    label_x: float
    dates: str
    dates_x: float
    dates_anchor: str
    """Where the dates are written: after the bar, before it, or inside it (``inside``)."""

    height = ROW_HEIGHT
    bar_height = BAR_HEIGHT

    @property
    def bar_y(self) -> float:
        return self.y + (ROW_HEIGHT - BAR_HEIGHT) / 2

    @property
    def text_y(self) -> float:
        """The baseline of the row's text, which centres it on the bar."""
        return self.y + ROW_HEIGHT / 2 + 4.5

    @property
    def mark(self) -> str | None:
        """A diamond over a bar too thin to see (a path), or None."""
        if self.width >= THIN:
            return None
        x, y, r = self.x + self.width / 2, self.y + ROW_HEIGHT / 2, BAR_HEIGHT / 2
        return f"M{x:g},{y - r:g} L{x + r:g},{y:g} L{x:g},{y + r:g} L{x - r:g},{y:g} Z"

    @property
    def elbow(self) -> str | None:
        """The line that hangs a sub-event's label under its parent's (a path), or None."""
        if not self.depth:
            return None
        x, top, middle = self.label_x - INDENT / 2 - 2, self.y - 4, self.y + ROW_HEIGHT / 2
        return f"M{x:g},{top:g} V{middle:g} H{self.label_x - 3:g}"


@dataclass(frozen=True)
class Kind:
    label: str
    colour: str


@dataclass(frozen=True)
class Timeline:
    rows: tuple[Row, ...]
    gridlines: tuple[Gridline, ...]
    axis_labels: tuple[AxisLabel, ...]
    undated: tuple[tuple[TimelineEvent, str | None], ...]
    """Events with no dates of their own or of any event they are part of, with links."""
    kinds: tuple[Kind, ...]
    """The kinds of the events drawn, with their colours."""
    width: int = WIDTH
    plot_top: int = AXIS_HEIGHT - 6

    @property
    def height(self) -> float:
        return AXIS_HEIGHT + len(self.rows) * ROW_HEIGHT + 8


def kind_colours(events: Iterable[TimelineEvent]) -> dict[URIRef | None, Kind]:
    """A colour for each kind of event, by the kinds' labels (so a filter keeps colours)."""
    labels = {event.kind: event.kind_label for event in events}
    ordered = sorted(labels, key=lambda kind: (labels[kind].casefold(), str(kind)))
    return {kind: Kind(labels[kind], colour(index)) for index, kind in enumerate(ordered)}


class _Scale:
    """Days to x: whole years, from the first year drawn to the last.

    Days are counted as ordinals, so that the day after the last one (9999-12-31) has a
    place too.
    """

    def __init__(self, periods: list[Period]) -> None:
        self.first_year = min(period.first.year for period in periods)
        self.last_year = max(period.last.year for period in periods)
        self.origin = datetime.date(self.first_year, 1, 1).toordinal()
        end = _after(datetime.date(self.last_year, 12, 31))
        self.per_day = (PLOT_RIGHT - PLOT_LEFT) / (end - self.origin)

    def x(self, ordinal: int) -> float:
        return round(PLOT_LEFT + (ordinal - self.origin) * self.per_day, 3)

    def span(self, period: Period) -> tuple[float, float]:
        """Where the bar of ``period`` begins and ends: from its first day to after its last."""
        return self.x(period.first.toordinal()), self.x(_after(period.last))

    def years(self) -> list[tuple[int, float, float]]:
        """Each year with its x range (none when years would be too narrow to draw)."""
        if self.per_day * 365 < SPARSEST_GRID:
            return []
        years = range(self.first_year, self.last_year + 1)
        return [(year, *self.span(year_period(year))) for year in years]

    def months(self) -> list[tuple[datetime.date, float, float]]:
        """Each month with its x range (none when months would be too narrow to draw)."""
        if self.per_day * 28 < SPARSEST_GRID:
            return []
        months = [
            month_period(year, month)
            for year in range(self.first_year, self.last_year + 1)
            for month in range(1, 13)
        ]
        return [(month.first, *self.span(month)) for month in months]

    def gridlines(self) -> list[Gridline]:
        """A line where each year begins and where the last one ends; one per month between."""
        years = [Gridline(left, True) for _, left, _ in self.years()]
        if years:
            years.append(Gridline(self.x(_after(datetime.date(self.last_year, 12, 31))), True))
        months = [Gridline(left, False) for month, left, _ in self.months() if month.month != 1]
        return years + months

    def labels(self) -> list[AxisLabel]:
        """Each year's number, and the months' names, where they are wide enough."""
        years = [
            AxisLabel((left + right) / 2, str(year), year=True)
            for year, left, right in self.years()
            if right - left >= NAMED_MONTH
        ]
        months = [
            AxisLabel((left + right) / 2, MONTHS[month.month - 1], year=False)
            for month, left, right in self.months()
            if right - left >= NAMED_MONTH
        ]
        return years + months


def _after(day: datetime.date) -> int:
    """The ordinal of the day after ``day``."""
    return day.toordinal() + 1


def _parent(events: Mapping[URIRef, TimelineEvent], iri: URIRef) -> URIRef | None:
    """The event ``iri`` is part of, when that is among ``events``."""
    parent = events[iri].parent
    return parent if parent is not None and parent in events else None


def _on_loops(events: Mapping[URIRef, TimelineEvent]) -> set[URIRef]:
    """The events on a loop of events each part of the next (the data should have none)."""
    done: set[URIRef] = set()
    on_loops: set[URIRef] = set()
    for start in events:
        path: dict[URIRef, None] = {}
        node: URIRef | None = start
        while node is not None and node not in done and node not in path:
            path[node] = None
            node = _parent(events, node)
        if node is not None and node in path:
            walked = list(path)
            on_loops.update(walked[walked.index(node) :])
        done.update(path)
    return on_loops


class _Forest:
    """The events shown, each under the event it is part of when that is shown too; an
    event on a loop stands at the top, so that every event is drawn once."""

    def __init__(self, events: Mapping[URIRef, TimelineEvent], shown: set[URIRef]) -> None:
        self.events = events
        self.children: dict[URIRef, list[TimelineEvent]] = {}
        self.roots: list[TimelineEvent] = []
        self._dated: dict[URIRef, tuple[Period | None, TimelineEvent | None]] = {}
        on_loops = _on_loops(events)
        for iri in shown:
            parent = _parent(events, iri)
            if parent is not None and parent in shown and iri not in on_loops:
                self.children.setdefault(parent, []).append(events[iri])
            else:
                self.roots.append(events[iri])

    def dated_by(self, event: TimelineEvent) -> tuple[Period | None, TimelineEvent | None]:
        """The event's own days, or those of the nearest event it is part of that has some
        (and that event); remembered for every event on the way."""
        if event.period is not None:
            return event.period, None
        path: dict[URIRef, None] = {}
        found: tuple[Period | None, TimelineEvent | None] = (None, None)
        node: URIRef | None = event.iri
        while node is not None and node not in path:
            if node in self._dated:
                found = self._dated[node]
                break
            path[node] = None
            node = _parent(self.events, node)
            if node is not None and self.events[node].period is not None:
                found = (self.events[node].period, self.events[node])
                break
        for undated in path:
            self._dated[undated] = found
        return found

    def order(self, event: TimelineEvent) -> tuple[datetime.date, datetime.date, str, str]:
        """Date order; undated last; then by label."""
        period = self.dated_by(event)[0]
        first, last = (period.first, period.last) if period else (datetime.date.max,) * 2
        return first, last, event.label.casefold(), str(event.iri)


def layout(
    events: Iterable[TimelineEvent],
    matching: set[URIRef] | None,
    href: Callable[[str], str | None],
) -> Timeline:
    """The timeline of ``events``; with ``matching``, only those and the events they are
    part of (drawn as context). ``href`` gives where an event links to, or None."""
    by_iri = {event.iri: event for event in events}
    colours = kind_colours(by_iri.values())
    shown = set(by_iri) if matching is None else matching & set(by_iri)
    for iri in list(shown):
        parent = _parent(by_iri, iri)
        while parent is not None and parent not in shown:
            shown.add(parent)
            parent = _parent(by_iri, parent)
    tree = _Forest(by_iri, shown)
    placed: list[tuple[TimelineEvent, int, Period, TimelineEvent | None]] = []
    undated: list[TimelineEvent] = []

    # Depth first, each event before its sub-events; a stack, as nesting has no bound.
    stack = [(root, 0) for root in reversed(sorted(tree.roots, key=tree.order))]
    while stack:
        event, depth = stack.pop()
        period, within = tree.dated_by(event)
        if period is None:
            undated.append(event)
        else:
            placed.append((event, depth, period, within))
        children = sorted(tree.children.get(event.iri, []), key=tree.order)
        stack.extend((child, depth + (period is not None)) for child in reversed(children))
    links = _links(undated, href)
    if not placed:
        return Timeline((), (), (), links, ())
    scale = _Scale([period for _, _, period, _ in placed])
    rows = tuple(
        _row(event, depth, period, within, index, scale, matching, colours, href)
        for index, (event, depth, period, within) in enumerate(placed)
    )
    drawn = {row.event.kind for row in rows}
    return Timeline(
        rows=rows,
        gridlines=tuple(scale.gridlines()),
        axis_labels=tuple(scale.labels()),
        undated=links,
        kinds=tuple(kind for key, kind in colours.items() if key in drawn),
    )


def _links(
    events: list[TimelineEvent], href: Callable[[str], str | None]
) -> tuple[tuple[TimelineEvent, str | None], ...]:
    return tuple((event, href(str(event.iri))) for event in events)


def _row(
    event: TimelineEvent,
    depth: int,
    period: Period,
    within: TimelineEvent | None,
    index: int,
    scale: _Scale,
    matching: set[URIRef] | None,
    colours: Mapping[URIRef | None, Kind],
    href: Callable[[str], str | None],
) -> Row:
    left, right = scale.span(period)
    dates = event.dates if within is None else "date not given"
    room = text_width(dates, DATE_SIZE) + 6
    if right + room <= PLOT_RIGHT:
        dates_x, anchor = right + 6, "start"
    elif left - room >= PLOT_LEFT:
        dates_x, anchor = left - 6, "end"
    else:
        dates_x, anchor = left + 6, "inside"
    label_x = LABEL_LEFT + min(depth, DEEPEST_INDENT) * INDENT
    return Row(
        event=event,
        href=href(str(event.iri)),
        depth=depth,
        y=AXIS_HEIGHT + index * ROW_HEIGHT,
        period=period,
        within=within,
        context=matching is not None and event.iri not in matching,
        x=left,
        width=round(right - left, 3),
        colour=colours[event.kind].colour,
        label=shorten(event.label, PLOT_LEFT - label_x - 12, LABEL_SIZE),
        label_x=label_x,
        dates=dates,
        dates_x=dates_x,
        dates_anchor=anchor,
    )
