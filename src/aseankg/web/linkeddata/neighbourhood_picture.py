"""Where the neighbourhood picture puts things: the entity in the middle, its neighbours
on an ellipse around it, each named with how it is linked.

At most ``MAX_SHOWN`` neighbours are drawn, the most telling first; the picture says
how many more there are, and the tables of the page list them all. Coordinates are in
the SVG's own units.
"""

import math
from dataclasses import dataclass

from aseankg.web.linkeddata.neighbourhood import CATEGORIES, Neighbour, Neighbourhood
from aseankg.web.svg import colour, shorten

WIDTH = 1000
MAX_SHOWN = 14
RADIUS_X = 260
NODE_RADIUS = 9
CENTRE_RADIUS = 15
NAME_SIZE = 13
CENTRE_NAME_SIZE = 14
RELATION_SIZE = 11
MARGIN = 10
#: Room between a node and its name.
GAP = 14

#: A colour for each category of neighbour; the last, ``other``, is grey.
COLOURS = {name: colour(index) for index, name in enumerate(CATEGORIES)}


@dataclass(frozen=True)
class Node:
    neighbour: Neighbour
    x: float
    y: float
    colour: str
    name: str
    relation: str
    text_x: float
    text_y: float
    anchor: str
    """``start``, ``middle`` or ``end``: which side of the node its name is written on."""
    edge: tuple[float, float, float, float]
    """The line between the entity and the node, drawn in the direction of the link."""
    arrow: bool
    """Whether the line ends in an arrow (a link one way, not through a participation)."""

    radius = NODE_RADIUS

    @property
    def relation_y(self) -> float:
        """The baseline of the line under the name that says how the node is linked."""
        return self.text_y + RELATION_SIZE + 3


@dataclass(frozen=True)
class Picture:
    centre_name: str
    centre_iri: str
    centre_colour: str
    nodes: tuple[Node, ...]
    more: int
    """Neighbours left out of the picture."""
    height: float
    cy: float
    categories: tuple[tuple[str, str], ...]
    """The categories drawn, with their colours, for the legend."""
    width: int = WIDTH
    cx: float = WIDTH / 2
    centre_radius: int = CENTRE_RADIUS

    @property
    def centre_text_y(self) -> float:
        return self.cy + CENTRE_RADIUS + CENTRE_NAME_SIZE + 4


def picture(found: Neighbourhood) -> Picture | None:
    """The picture of ``found``; None when the entity has no neighbours to draw."""
    shown = found.neighbours[:MAX_SHOWN]
    if not shown:
        return None
    radius_y = min(210.0, 70.0 + 14.0 * len(shown))
    more = len(found.neighbours) - len(shown)
    height = 2 * radius_y + 4 * (NAME_SIZE + RELATION_SIZE) + (2 * RELATION_SIZE if more else 0)
    cx, cy = WIDTH / 2, radius_y + 2 * (NAME_SIZE + RELATION_SIZE)
    start = -math.pi / 2 if len(shown) > 2 else 0.0
    nodes = tuple(
        _node(neighbour, start + 2 * math.pi * index / len(shown), cx, cy, radius_y)
        for index, neighbour in enumerate(shown)
    )
    drawn = {found.category, *(node.neighbour.category for node in nodes)}
    return Picture(
        # Clear of the names beside it; bold text is about a tenth wider.
        centre_name=shorten(found.centre.text, 2 * (RADIUS_X - 60), CENTRE_NAME_SIZE * 1.1),
        centre_iri=found.centre.iri,
        centre_colour=COLOURS[found.category],
        nodes=nodes,
        more=more,
        height=round(height, 3),
        cy=round(cy, 3),
        categories=tuple((name, colour) for name, colour in COLOURS.items() if name in drawn),
    )


def _node(neighbour: Neighbour, angle: float, cx: float, cy: float, radius_y: float) -> Node:
    x = round(cx + RADIUS_X * math.cos(angle), 3)
    y = round(cy + radius_y * math.sin(angle), 3)
    room: float  # the width its name and relation may take
    if abs(x - cx) < 1:
        anchor, text_x, room = "middle", x, 2 * RADIUS_X
        text_y = y - GAP - RELATION_SIZE - 3 if y < cy else y + GAP + NAME_SIZE
    elif x > cx:
        anchor, text_x, room = "start", x + GAP, WIDTH - MARGIN - x - GAP
        text_y = y + 4
    else:
        anchor, text_x, room = "end", x - GAP, x - GAP - MARGIN
        text_y = y + 4
    length = math.hypot(x - cx, y - cy)
    ux, uy = (x - cx) / length, (y - cy) / length
    near = _point(cx + ux * (CENTRE_RADIUS + 3), cy + uy * (CENTRE_RADIUS + 3))
    far = _point(x - ux * (NODE_RADIUS + 3), y - uy * (NODE_RADIUS + 3))
    ends = (*near, *far) if neighbour.direction != "in" else (*far, *near)
    return Node(
        neighbour=neighbour,
        x=x,
        y=y,
        colour=COLOURS[neighbour.category],
        name=shorten(neighbour.link.text, room, NAME_SIZE),
        relation=shorten(", ".join(neighbour.relations), room, RELATION_SIZE),
        text_x=text_x,
        text_y=text_y,
        anchor=anchor,
        edge=ends,
        arrow=neighbour.direction != "",
    )


def _point(x: float, y: float) -> tuple[float, float]:
    return round(x, 3), round(y, 3)
