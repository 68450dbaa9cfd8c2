"""The picture of an entity's neighbourhood on its page: one hop, through participations."""

import math
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from aseankg.rdf.namespaces import BASE, ID
from tests.support.pictures import app_with_pictures_story, pictures

HTML = {"Accept": "text/html"}
CENTRE = "g[@class='node centre']"


def picture(client: FlaskClient, path: str) -> tuple[str, ET.Element]:
    reply = client.get(path, headers=HTML)
    assert reply.status_code == 200
    (svg,) = pictures(reply.text, "neighbourhood")
    return reply.text, svg


def nodes(svg: ET.Element) -> dict[str, ET.Element]:
    """The neighbours drawn, by IRI (the entity itself is not among them)."""
    return {
        node.get("data-iri", ""): node
        for node in svg
        if "node" in node.get("class", "").split() and "centre" not in node.get("class", "")
    }


def described(svg: ET.Element) -> dict[str, tuple[str, str]]:
    """Neighbour IRI -> (category, how it is linked), as drawn."""
    return {
        iri: (node.get("data-category", ""), node.findtext("text[@class='relation']", ""))
        for iri, node in nodes(svg).items()
    }


def test_an_event_with_its_participants_and_their_roles(client: FlaskClient) -> None:
    _, svg = picture(client, "/id/event/xi-jinping-state-visit-malaysia-2025")
    centre = svg.find(CENTRE)
    assert centre is not None
    assert centre.get("data-iri") == f"{ID}event/xi-jinping-state-visit-malaysia-2025"
    assert centre.findtext("text") == "Xi Jinping's state visit to Malaysia, 2025"
    # The participations are gone through, not drawn: their actors are, with the roles.
    assert described(svg) == {
        f"{ID}event/xi-jinping-southeast-asia-trip-2025": ("event", "sub-event of"),
        f"{ID}country/my": ("actor", "host, location"),
        f"{ID}person/xi-jinping": ("actor", "visitor"),
        f"{ID}initiative/china-malaysia-community-with-a-shared-future": (
            "initiative",
            "advances",
        ),
        f"{ID}story/01": ("source", "stated in"),
    }
    for iri, node in nodes(svg).items():
        assert node.tag == "a"
        assert node.get("href") == "http://localhost/" + iri.removeprefix(BASE)


def test_an_actor_with_the_events_it_took_part_in(client: FlaskClient) -> None:
    _, svg = picture(client, "/id/person/han-zheng")
    assert described(svg)[f"{ID}event/22nd-china-asean-expo-opening-ceremony"] == (
        "event",
        "attendee, keynote speaker",
    )
    assert described(svg)[f"{ID}position/vice-president-of-china"] == ("office", "holds position")


def test_a_participation_shows_its_event_actor_and_role(client: FlaskClient) -> None:
    _, svg = picture(client, "/id/participation/xi-jinping-state-visit-malaysia-2025-host")
    assert described(svg) == {
        f"{ID}event/xi-jinping-state-visit-malaysia-2025": ("event", "has participation"),
        f"{ID}country/my": ("actor", "participant"),
        f"{ID}role/host": ("concept", "role"),
    }


def test_lines_point_the_way_the_link_goes(client: FlaskClient) -> None:
    _, svg = picture(client, "/id/event/22nd-china-asean-expo")
    centre = svg.find(f"{CENTRE}/circle")
    assert centre is not None
    cx, cy = float(centre.get("cx", "")), float(centre.get("cy", ""))
    lines = {line.get("data-iri", ""): line for line in svg.iter("line")}

    def distance_to_centre(line: ET.Element, end: str) -> float:
        return math.hypot(float(line.get(f"x{end}", "")) - cx, float(line.get(f"y{end}", "")) - cy)

    # The expo names its place; an outcome names the expo; a ceremony is part of it.
    for iri, pointing_out in (
        (f"{ID}place/nanning", True),
        (f"{ID}outcome/22nd-china-asean-expo-visits", False),
        (f"{ID}event/22nd-china-asean-expo-opening-ceremony", False),
    ):
        line = lines[iri]
        assert line.get("marker-end") == "url(#arrow)"
        assert (distance_to_centre(line, "1") < distance_to_centre(line, "2")) is pointing_out
    # Through a participation there is no direction to show.
    assert lines[f"{ID}person/asean-secretary-general"].get("marker-end") is None


def test_many_neighbours_are_capped_and_counted(client: FlaskClient) -> None:
    page, svg = picture(client, "/id/country/cn")
    drawn = described(svg)
    assert len(drawn) == 14
    # The most telling first: every event China took part in is drawn.
    assert [category for category, _ in drawn.values()][:4] == ["event"] * 4
    more = svg.find("text[@class='more']")
    assert more is not None and more.text == "and 16 more, all in the tables below"
    for name in ("President of China", "Premier of China", "Diamond Hexagon cooperation framework"):
        assert name in page.split('<svg class="neighbourhood"', 1)[0] + page.split("</svg>")[-1]


@pytest.fixture(scope="module")
def pictures_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FlaskClient]:
    app: Flask
    with app_with_pictures_story(Path(tmp_path_factory.mktemp("neighbourhood"))) as app:
        yield app.test_client()


def test_only_web_links_are_followed_and_names_are_text(pictures_client: FlaskClient) -> None:
    page, svg = picture(pictures_client, "/id/event/trade-fair")
    script = nodes(svg)["javascript:alert(1)"]
    assert script.tag == "g"
    assert script.get("href") is None
    assert described(svg)["javascript:alert(1)"] == ("other", "location")
    assert 'href="javascript:' not in page
    centre = svg.find(f"{CENTRE}/text")
    assert centre is not None and centre.text == 'Trade fair <b>&</b> "expo"'
    assert "Trade fair &lt;b&gt;&amp;&lt;/b&gt;" in page
