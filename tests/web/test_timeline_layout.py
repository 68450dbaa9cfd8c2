"""The timeline's layout on its own: odd data still gives a picture, never an error."""

from rdflib import XSD, Literal, URIRef

from aseankg.web.timeline.events import TimelineEvent
from aseankg.web.timeline.layout import DEEPEST_INDENT, INDENT, LABEL_LEFT, layout

EX = "https://example.org/"


def event(
    name: str, start: str | None = None, parent: str | None = None, **more: str
) -> TimelineEvent:
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(start or ""), XSD.date)
    return TimelineEvent(
        iri=URIRef(EX + name),
        label=name,
        kind=URIRef(EX + more.get("kind", "Meeting")),
        kind_label=more.get("kind", "Meeting"),
        start=None if start is None else Literal(start, datatype=datatype),
        end=Literal(more["end"], datatype=datatype) if "end" in more else None,
        date_note="",
        parent=None if parent is None else URIRef(EX + parent),
    )


def href(iri: str) -> str:
    return "https://site.example/" + iri.removeprefix(EX)


def names(events: list[TimelineEvent]) -> list[str]:
    drawn = layout(events, None, href)
    return [str(row.event.label) for row in drawn.rows]


def test_events_that_are_part_of_each_other_in_a_loop_are_each_drawn_once() -> None:
    events = [event("a", "2025", parent="b"), event("b", parent="a"), event("c", parent="c")]
    drawn = layout(events, None, href)
    assert sorted(row.event.label for row in drawn.rows) == ["a", "b"]
    assert [item[0].label for item in drawn.undated] == ["c"]


def test_a_long_chain_of_sub_events_is_drawn_with_bounded_indentation() -> None:
    chain = [event("e0", "2025-03")] + [event(f"e{n}", parent=f"e{n - 1}") for n in range(1, 3000)]
    drawn = layout(chain, None, href)
    assert [row.event.label for row in drawn.rows] == [f"e{n}" for n in range(3000)]
    assert drawn.rows[-1].depth == 2999
    assert drawn.rows[-1].label_x == LABEL_LEFT + DEEPEST_INDENT * INDENT
    assert all(row.within is not None and row.within.label == "e0" for row in drawn.rows[1:])


def test_dates_that_are_not_dates_leave_an_event_undated() -> None:
    events = [
        event("good", "2025-04-14"),
        event("impossible", "2025-02-30"),
        event("backwards", "2025-05-02", end="2025-05-01"),
    ]
    drawn = layout(events, None, href)
    assert [row.event.label for row in drawn.rows] == ["good"]
    assert [item[0].label for item in drawn.undated] == ["backwards", "impossible"]


def test_a_span_of_millennia_is_drawn_without_a_grid_of_its_months() -> None:
    drawn = layout([event("first", "0001"), event("last", "9999")], None, href)
    first, last = drawn.rows
    assert first.x < last.x and first.width == last.width > 0
    assert drawn.gridlines == () and drawn.axis_labels == ()


def test_nothing_to_draw_is_an_empty_picture() -> None:
    drawn = layout([], None, href)
    assert drawn.rows == () and drawn.undated == () and drawn.kinds == ()
    matching_nothing = layout([event("a", "2025")], set(), href)
    assert matching_nothing.rows == ()


def test_an_iri_a_browser_must_not_follow_is_not_linked() -> None:
    events = [event("a", "2025")]
    drawn = layout(events, None, lambda iri: None)
    assert drawn.rows[0].href is None
