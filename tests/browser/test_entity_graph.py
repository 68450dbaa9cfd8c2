"""An entity page's pictures in a browser: its neighbourhood, and an event's figure bars.

The server here has one more story than the bundled data (``tests/fixtures/pictures``),
with an event that states several figures in one unit.
"""

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from aseankg.rdf.namespaces import ID
from tests.support.pictures import data_with_pictures_story
from tests.support.server import running_server

NEIGHBOURS = "svg.neighbourhood .node[data-category]"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data = data_with_pictures_story(tmp_path_factory.mktemp("entity-graph"))
    with running_server("--data", str(data)) as base:
        yield base


def test_an_event_page_draws_its_neighbourhood(page: Page, site_url: str) -> None:
    page.goto(site_url + "/id/event/xi-jinping-state-visit-malaysia-2025")
    picture = page.locator("svg.neighbourhood")
    expect(picture).to_be_visible()
    drawn = page.eval_on_selector_all(
        NEIGHBOURS,
        "nodes => nodes.map(n => [n.dataset.iri, n.querySelector('text.relation').textContent])",
    )
    assert sorted(drawn) == sorted(
        [
            [f"{ID}country/my", "host, location"],
            [f"{ID}event/xi-jinping-southeast-asia-trip-2025", "sub-event of"],
            [f"{ID}initiative/china-malaysia-community-with-a-shared-future", "advances"],
            [f"{ID}person/xi-jinping", "visitor"],
            [f"{ID}story/01", "stated in"],
        ]
    )
    for node in page.locator(NEIGHBOURS).all():
        expect(node).to_be_visible()
    # Nodes are links to the neighbours' pages.
    page.locator(f"{NEIGHBOURS}[data-iri='{ID}country/my'] text.name").click()
    page.wait_for_url(site_url + "/id/country/my")
    expect(page.locator("h1")).to_have_text("Malaysia")
    events = page.locator(f"{NEIGHBOURS}[data-category='event']")
    expect(events).to_have_count(2)
    assert sorted(events.evaluate_all("nodes => nodes.map(n => n.dataset.iri)")) == [
        f"{ID}event/2nd-regional-workshop-bwc-biosafety-southeast-asia",
        f"{ID}event/xi-jinping-state-visit-malaysia-2025",
    ]


def test_a_busy_entity_shows_its_closest_neighbours_and_counts_the_rest(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + "/id/country/cn")
    expect(page.locator(NEIGHBOURS)).to_have_count(14)
    # The exact count is pinned against the data in tests/linkeddata/test_neighbourhood.py.
    expect(page.locator("svg.neighbourhood text.more")).to_have_text(
        re.compile(r"^and \d+ more, all in the tables below$")
    )


def test_an_event_page_charts_figures_that_share_a_unit(page: Page, site_url: str) -> None:
    page.goto(site_url + "/id/event/trade-fair")
    projects = page.locator("svg.bars[data-unit='project']")
    expect(projects).to_be_visible()
    values = projects.locator("text.value")
    expect(values).to_have_text(["more than 120", "nearly 80", "45"])
    widths = projects.locator("rect.bar").evaluate_all(
        "bars => bars.map(b => b.getBoundingClientRect().width)"
    )
    assert widths[1] == pytest.approx(widths[0] * 80 / 120, abs=0.5)
    assert widths[2] == pytest.approx(widths[0] * 45 / 120, abs=0.5)
    expect(page.locator("svg.bars[data-unit='CNY'] text.value")).to_have_text(
        ["300,000,000", "approximately 100,000,000"]
    )
    # The neighbour whose IRI is not a web address is drawn, but not as a link.
    script = page.locator(f"{NEIGHBOURS}[data-iri='javascript:alert(1)']")
    expect(script).to_be_visible()
    assert script.evaluate("node => node.tagName") == "g"
