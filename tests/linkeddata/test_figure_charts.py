"""An event's figures as bar charts, one for each unit in which it states several."""

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from aseankg.rdf.namespaces import ID
from tests.support.pictures import app_with_pictures_story, pictures

HTML = {"Accept": "text/html"}


@pytest.fixture(scope="module")
def pictures_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FlaskClient]:
    app: Flask
    with app_with_pictures_story(Path(tmp_path_factory.mktemp("figures"))) as app:
        yield app.test_client()


def charts(client: FlaskClient, path: str) -> tuple[str, list[ET.Element]]:
    reply = client.get(path, headers=HTML)
    assert reply.status_code == 200
    return reply.text, pictures(reply.text, "bars")


def bars(chart: ET.Element) -> list[tuple[str, str, str, float]]:
    """(figure, value as stated, bound, bar width) of each bar, top to bottom."""
    found = []
    for figure in chart.iter():
        if figure.get("data-iri"):
            rect = figure.find("rect[@class='bar']")
            assert rect is not None
            found.append(
                (
                    figure.get("data-iri", "").removeprefix(f"{ID}outcome/"),
                    figure.findtext("text[@class='value']", ""),
                    figure.get("data-bound", ""),
                    float(rect.get("width", "")),
                )
            )
    return found


def test_figures_in_one_unit_share_a_chart_with_their_qualifiers(
    pictures_client: FlaskClient,
) -> None:
    page, drawn = charts(pictures_client, "/id/event/trade-fair")
    assert [chart.get("data-unit") for chart in drawn] == ["CNY", "project"]
    money, projects = (bars(chart) for chart in drawn)
    assert [bar[:3] for bar in projects] == [
        ("trade-fair-signed-projects", "more than 120", "lower"),
        ("trade-fair-planned-projects", "nearly 80", "upper"),
        ("trade-fair-finished-projects", "45", ""),
    ]
    assert [bar[:3] for bar in money] == [
        ("trade-fair-deals", "300,000,000", ""),
        ("trade-fair-grants", "approximately 100,000,000", ""),
    ]
    # Bar lengths are in proportion to the figures, from zero.
    longest = projects[0][3]
    assert longest > 0
    assert projects[1][3] == pytest.approx(longest * 80 / 120, abs=0.01)
    assert projects[2][3] == pytest.approx(longest * 45 / 120, abs=0.01)
    assert money[1][3] == pytest.approx(money[0][3] / 3, abs=0.01)
    # A bound is marked at the bar's end: above it for "more than", at it for "nearly".
    (signed, planned, finished) = (figure for figure in drawn[1].iter() if figure.get("data-iri"))
    assert signed.find("path[@class='bound']") is not None
    assert planned.find("path[@class='bound']") is not None
    assert finished.find("path[@class='bound']") is None
    assert signed.get("href") == "http://localhost/id/outcome/trade-fair-signed-projects"
    # A figure alone in its unit has no chart, only its row in the table of figures.
    assert "trade-fair-visits" not in "".join(ET.tostring(chart, "unicode") for chart in drawn)
    assert "Visits to the trade fair" in page


def test_figures_of_different_units_are_not_charted(client: FlaskClient) -> None:
    # The expo states five counts, each in a unit of its own.
    page, drawn = charts(client, "/id/event/22nd-china-asean-expo")
    assert drawn == []
    assert "<h2>Figures</h2>" in page


def test_only_an_events_own_figures_are_charted(pictures_client: FlaskClient) -> None:
    # The unit's page lists the project counts of three events, but charts none of them.
    _, drawn = charts(pictures_client, "/id/unit/project")
    assert drawn == []
