"""``/timeline``: every event drawn over the days its dates stand for, in date order."""

import datetime
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from aseankg.rdf.namespaces import ID
from tests.support.pictures import app_with_pictures_story, pictures

HTML = {"Accept": "text/html"}
EVENT = f"{ID}event/"

#: The bundled events in the order the timeline draws them, sub-events under their
#: parents, with the days each bar covers. An event the article does not date is drawn
#: over the dates of the event it is part of (``within``).
DRAWN = [
    ("china-asean-year-of-people-to-people-exchanges-2024-2025", "2024-01-01", "2025-12-31"),
    ("3rd-china-asean-conference-physical-fitness-health-promotion", "within", ""),
    ("2025-asean-china-gba-economic-cooperation-qianhai-forum", "2025-01-01", "2025-12-31"),
    ("china-myanmar-thailand-ministerial-coordination-mechanism", "2025-01-01", "2025-12-31"),
    ("coordinated-enforcement-operations-2025", "within", ""),
    ("xi-jinping-southeast-asia-trip-2025", "2025-04-14", "2025-04-18"),
    ("xi-jinping-state-visit-cambodia-2025", "within", ""),
    ("xi-jinping-state-visit-malaysia-2025", "within", ""),
    ("xi-jinping-state-visit-vietnam-2025", "within", ""),
    ("22nd-china-asean-expo", "2025-09-17", "2025-09-21"),
    ("22nd-china-asean-expo-opening-ceremony", "within", ""),
    ("china-asean-business-and-investment-summit-2025", "2025-09-17", "2025-09-21"),
    ("28th-china-asean-summit", "2025-10-28", "2025-10-28"),
    ("2nd-regional-workshop-bwc-biosafety-southeast-asia", "2025-11-18", "2025-11-20"),
    ("joint-crackdown-december-2025", "2025-12-01", "2025-12-31"),
]


def timeline(client: FlaskClient, query: str = "") -> tuple[str, ET.Element]:
    reply = client.get(f"/timeline{query}", headers=HTML)
    assert reply.status_code == 200, reply.text
    assert reply.content_type.startswith("text/html")
    (svg,) = pictures(reply.text, "timeline")
    return reply.text, svg


def rows(svg: ET.Element) -> list[ET.Element]:
    return [element for element in svg.iter() if element.get("data-event")]


def slugs(svg: ET.Element) -> list[str]:
    return [row.get("data-event", "").removeprefix(EVENT) for row in rows(svg)]


def bar(row: ET.Element) -> ET.Element:
    found = row.find("rect[@class='bar']")
    assert found is not None
    return found


def label_left(row: ET.Element) -> float:
    label = row.find("text[@class='label']")
    assert label is not None
    return float(label.get("x", ""))


class Axis:
    """Days to x as the picture draws them, read from its first year's lines."""

    def __init__(self, svg: ET.Element) -> None:
        lines = sorted(
            float(line.get("x1", "")) for line in svg.iter("line") if line.get("class") == "year"
        )
        years = sorted(
            int(text.text or "") for text in svg.iter("text") if text.get("class") == "year"
        )
        self.origin = datetime.date(years[0], 1, 1)
        self.left = lines[0]
        year_days = (datetime.date(years[0] + 1, 1, 1) - self.origin).days
        self.per_day = (lines[1] - lines[0]) / year_days

    def x(self, day: datetime.date) -> float:
        return self.left + (day - self.origin).days * self.per_day


def test_every_event_is_drawn_in_date_order_with_sub_events_under_their_parents(
    client: FlaskClient,
) -> None:
    page, svg = timeline(client)
    assert slugs(svg) == [slug for slug, _, _ in DRAWN]
    within = [
        row.get("data-event", "").removeprefix(EVENT)
        for row in rows(svg)
        if "within" in row.get("class", "")
    ]
    assert within == [slug for slug, first, _ in DRAWN if first == "within"]
    # Sub-events are indented under their parents.
    label_x = {slug: label_left(row) for slug, row in zip(slugs(svg), rows(svg), strict=True)}
    assert (
        label_x["xi-jinping-state-visit-malaysia-2025"]
        > label_x["xi-jinping-southeast-asia-trip-2025"]
    )
    assert label_x["22nd-china-asean-expo"] == label_x["28th-china-asean-summit"]
    # The one event with no date, of its own or of an event it is part of, is listed apart.
    assert "Not dated" in page
    assert "Previous ASEAN-China GBA Economic Cooperation (Qianhai) Forum" in page
    assert "previous-asean-china-gba" not in " ".join(slugs(svg))


def test_each_bar_covers_the_days_its_dates_stand_for(client: FlaskClient) -> None:
    _, svg = timeline(client)
    axis = Axis(svg)
    assert axis.origin == datetime.date(2024, 1, 1)
    # An undated sub-event is drawn over the dates of the dated event right above it.
    dates = ("", "")
    for (slug, first, last), row in zip(DRAWN, rows(svg), strict=True):
        if first == "within":
            first, last = dates
        dates = (first, last)
        start, end = datetime.date.fromisoformat(first), datetime.date.fromisoformat(last)
        assert (row.get("data-first"), row.get("data-last")) == (first, last), slug
        drawn = bar(row)
        assert float(drawn.get("x", "")) == pytest.approx(axis.x(start), abs=0.01), slug
        width = ((end - start).days + 1) * axis.per_day
        assert float(drawn.get("width", "")) == pytest.approx(width, abs=0.01), slug


def test_a_year_or_a_month_spans_the_whole_year_or_month(client: FlaskClient) -> None:
    _, svg = timeline(client)
    axis = Axis(svg)
    by_slug = dict(zip(slugs(svg), rows(svg), strict=True))
    forum = by_slug["2025-asean-china-gba-economic-cooperation-qianhai-forum"]
    crackdown = by_slug["joint-crackdown-december-2025"]
    assert forum.get("data-precision") == "year"
    assert crackdown.get("data-precision") == "month"
    # Not a point on 1 January or on 1 December: the bar runs to the end of the axis.
    for row, start, days in (
        (forum, datetime.date(2025, 1, 1), 365),
        (crackdown, datetime.date(2025, 12, 1), 31),
    ):
        x, width = float(bar(row).get("x", "")), float(bar(row).get("width", ""))
        assert x == pytest.approx(axis.x(start), abs=0.01)
        assert width == pytest.approx(days * axis.per_day, abs=0.01)
        assert x + width == pytest.approx(axis.x(datetime.date(2026, 1, 1)), abs=0.01)
    summit = bar(by_slug["28th-china-asean-summit"])
    assert float(summit.get("width", "")) == pytest.approx(axis.per_day, abs=0.01)
    assert by_slug["28th-china-asean-summit"].find("path[@class='mark']") is not None


def test_each_event_links_to_its_page_and_kinds_keep_one_colour(client: FlaskClient) -> None:
    page, svg = timeline(client)
    colours: dict[str, str] = {}
    for row in rows(svg):
        assert row.tag == "a"
        assert row.get("href") == "http://localhost/id/event/" + row.get(
            "data-event", ""
        ).removeprefix(EVENT)
        kind = row.get("data-kind", "")
        assert colours.setdefault(kind, bar(row).get("fill", "")) == bar(row).get("fill")
    assert len(set(colours.values())) == len(colours) == 12
    legend = page.split('<ul class="legend"', 1)[1].split("</ul>", 1)[0]
    assert legend.count("<li>") == 12
    for fill in colours.values():
        assert f'fill="{fill}"' in legend


def test_filters_keep_the_matching_events_and_the_events_they_are_part_of(
    client: FlaskClient,
) -> None:
    _, everything = timeline(client)
    fills = {row.get("data-event"): bar(row).get("fill") for row in rows(everything)}
    page, svg = timeline(client, f"?country={ID}country/my&actor=&topic=")
    assert slugs(svg) == [
        "xi-jinping-southeast-asia-trip-2025",
        "xi-jinping-state-visit-malaysia-2025",
        "28th-china-asean-summit",
        "2nd-regional-workshop-bwc-biosafety-southeast-asia",
    ]
    context = [
        slug
        for slug, row in zip(slugs(svg), rows(svg), strict=True)
        if "context" in row.get("class", "")
    ]
    assert context == ["xi-jinping-southeast-asia-trip-2025"]
    assert all(bar(row).get("fill") == fills[row.get("data-event")] for row in rows(svg))
    assert "3 events match these filters" in page
    assert f'<option value="{ID}country/my" selected>Malaysia</option>' in page
    # Only 2025 is drawn now.
    assert Axis(svg).origin == datetime.date(2025, 1, 1)

    _, topical = timeline(client, f"?topic={ID}topic/law-enforcement-cooperation")
    assert slugs(topical) == [
        "china-myanmar-thailand-ministerial-coordination-mechanism",
        "coordinated-enforcement-operations-2025",
        "joint-crackdown-december-2025",
    ]


def test_a_filter_nothing_matches_draws_nothing(client: FlaskClient) -> None:
    reply = client.get("/timeline?actor=https://example.org/nobody", headers=HTML)
    assert reply.status_code == 200
    assert pictures(reply.text, "timeline") == []
    assert "No event matches these filters." in reply.text
    assert '<option value="https://example.org/nobody" selected>nobody</option>' in reply.text


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?country=Malaysia", "parameter 'country': not an absolute IRI"),
        ("?limit=5", "parameter 'limit': the timeline is filtered by country, actor, topic only"),
        (f"?topic={ID}topic/a&topic={ID}topic/b", "parameter 'topic': is given more than once"),
    ],
)
def test_bad_filters_are_refused_with_a_message(
    client: FlaskClient, query: str, message: str
) -> None:
    reply = client.get(f"/timeline{query}", headers=HTML)
    assert reply.status_code == 400
    assert message in reply.text
    assert reply.text.count("\n") == 1


def test_the_timeline_is_a_page_only(client: FlaskClient) -> None:
    assert client.get("/timeline", headers={"Accept": "text/turtle"}).status_code == 406


@pytest.fixture(scope="module")
def pictures_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    with app_with_pictures_story(Path(tmp_path_factory.mktemp("timeline"))) as app:
        yield app


def test_a_month_long_event_and_its_dated_sub_event(pictures_app: Flask) -> None:
    page, svg = timeline(pictures_app.test_client())
    by_slug = dict(zip(slugs(svg), rows(svg), strict=True))
    fair, forum = by_slug["trade-fair"], by_slug["trade-fair-forum"]
    assert slugs(svg).index("trade-fair-forum") == slugs(svg).index("trade-fair") + 1
    assert (fair.get("data-first"), fair.get("data-last")) == ("2025-06-01", "2025-06-30")
    assert (forum.get("data-first"), forum.get("data-last")) == ("2025-06-10", "2025-06-12")
    assert "within" not in forum.get("class", "")
    axis = Axis(svg)
    assert float(bar(forum).get("x", "")) == pytest.approx(
        axis.x(datetime.date(2025, 6, 10)), abs=0.01
    )
    assert float(bar(forum).get("width", "")) == pytest.approx(3 * axis.per_day, abs=0.01)
    # The name is text, escaped, never markup.
    assert fair.findtext("title", "").startswith('Trade fair <b>&</b> "expo" (Expo)')
    assert "<b>&" not in page
    assert "Trade fair &lt;b&gt;&amp;&lt;/b&gt;" in page
