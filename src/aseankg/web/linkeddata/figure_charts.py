"""An event's figures as bar charts: one chart for each unit that several figures share.

Figures in different units cannot share an axis (visits and enterprises, yuan and US
dollars), so a chart is drawn only where an event states more than one count or amount
in the same unit. Each bar keeps its qualifier: the words ("more than 500"), and a mark
at its end where the stated figure is a bound, an open arrow when the true figure is
above it, a bar across when it is below.
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from rdflib import Literal, URIRef
from rdflib.term import Node

from aseankg.rdf.namespaces import AK, ID
from aseankg.web.linkeddata.describe import Description
from aseankg.web.linkeddata.labels import label_of
from aseankg.web.linkeddata.term_display import Link, Presenter, readable_number
from aseankg.web.svg import colour, shorten

#: The qualifier that adds nothing to the number, so the bar shows the number alone.
AS_STATED = ID["qualifier/as-stated"]
_VALUES = (AK["count"], AK.amount)  # AK.count is str.count

WIDTH = 760
LABEL_WIDTH = 330
BAR_LEFT = LABEL_WIDTH + 10
BAR_RIGHT = 600
ROW_HEIGHT = 28
BAR_HEIGHT = 16
TOP = 6
LABEL_SIZE = 13


@dataclass(frozen=True)
class Bar:
    link: Link
    label: str
    value: Decimal
    text: str
    """The value as the article states it: ``more than 500``."""
    bound: str
    """``lower`` when the true figure is above the value, ``upper`` when below, else ``""``."""
    y: float
    width: float

    height = BAR_HEIGHT
    x = BAR_LEFT

    @property
    def end(self) -> float:
        return BAR_LEFT + self.width

    @property
    def text_y(self) -> float:
        return self.y + BAR_HEIGHT / 2 + 4.5

    @property
    def mark(self) -> str | None:
        """The path that marks a bound at the bar's end, or None."""
        end, top, bottom = self.end, self.y - 3, self.y + BAR_HEIGHT + 3
        middle = self.y + BAR_HEIGHT / 2
        if self.bound == "lower":
            return f"M{end + 3:g},{top + 4:g} L{end + 10:g},{middle:g} L{end + 3:g},{bottom - 4:g}"
        if self.bound == "upper":
            return f"M{end:g},{top:g} V{bottom:g}"
        return None

    @property
    def text_x(self) -> float:
        return self.end + (16 if self.bound == "lower" else 8)


@dataclass(frozen=True)
class BarChart:
    unit: str
    unit_link: Link | None
    bars: tuple[Bar, ...]
    colour: str
    width: int = WIDTH
    label_width: int = LABEL_WIDTH

    @property
    def height(self) -> float:
        return TOP * 2 + len(self.bars) * ROW_HEIGHT


@dataclass(frozen=True)
class _Figure:
    node: URIRef
    value: Decimal
    unit: Node
    qualifier: URIRef | None
    bound: str


def _number(term: Node) -> Decimal | None:
    try:
        return Decimal(str(term)) if isinstance(term, Literal) else None
    except InvalidOperation:
        return None


def _figure(node: URIRef, facts: dict[Node, Node]) -> _Figure | None:
    """The figure ``node`` states with ``facts`` (property -> value), if it is a number."""
    numbers = [_number(facts[predicate]) for predicate in _VALUES if predicate in facts]
    value = next((number for number in numbers if number is not None), None)
    unit = facts.get(AK.unit) or facts.get(AK.currency)
    if value is None or unit is None or not value.is_finite():
        return None
    qualifier = facts.get(AK.qualifier)
    bound = "lower" if AK.lowerBound in facts else "upper" if AK.upperBound in facts else ""
    return _Figure(node, value, unit, qualifier if isinstance(qualifier, URIRef) else None, bound)


def figure_charts(description: Description, presenter: Presenter) -> tuple[BarChart, ...]:
    """A chart for each unit in which the described event states several figures."""
    resource = description.resource
    own = {quad[0] for quad in description.pointing_at(resource) if quad[1] == AK.outcomeOf}
    facts: dict[Node, dict[Node, Node]] = defaultdict(dict)
    for subject, predicate, obj, _ in description.quads:
        if subject in own:
            facts[subject][predicate] = obj
    by_unit: dict[Node, list[_Figure]] = defaultdict(list)
    for node in sorted(own, key=str):
        figure = _figure(node, facts[node]) if isinstance(node, URIRef) else None
        if figure is not None:
            by_unit[figure.unit].append(figure)
    shared = [(unit, figures) for unit, figures in by_unit.items() if len(figures) > 1]
    return tuple(
        _chart(unit, figures, colour(index), presenter)
        for index, (unit, figures) in enumerate(sorted(shared, key=lambda item: str(item[0])))
    )


def _chart(unit: Node, figures: list[_Figure], fill: str, presenter: Presenter) -> BarChart:
    figures.sort(key=lambda figure: (-figure.value, str(figure.node)))
    largest = max(figure.value for figure in figures)
    bars = []
    for index, figure in enumerate(figures):
        link = presenter.link(figure.node)
        words = label_of(figure.qualifier) if figure.qualifier not in (None, AS_STATED) else ""
        number = readable_number(str(figure.value))
        bars.append(
            Bar(
                link=link,
                label=shorten(link.text, LABEL_WIDTH - 8, LABEL_SIZE),
                value=figure.value,
                text=f"{words} {number}".strip(),
                bound=figure.bound,
                y=TOP + index * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2,
                width=_length(figure.value, largest),
            )
        )
    unit_link = presenter.link(unit) if isinstance(unit, URIRef) else None
    return BarChart(unit_link.text if unit_link else str(unit), unit_link, tuple(bars), fill)


def _length(value: Decimal, largest: Decimal) -> float:
    """How long the bar of ``value`` is when the largest figure spans the whole axis."""
    if largest <= 0 or value <= 0:
        return 0.0
    return round(float(value / largest) * (BAR_RIGHT - BAR_LEFT), 3)
