"""The events timeline in a browser: what is drawn where, and where a click leads."""

import datetime
import json
import urllib.request
from typing import Any

import pytest
from playwright.sync_api import Page, expect

ROWS = "svg.timeline [data-event]"


def drawn_rows(page: Page) -> list[dict[str, Any]]:
    """Each row as the browser lays it out: its event, dates and bar, in CSS pixels."""
    return page.eval_on_selector_all(
        ROWS,
        """rows => rows.map(row => {
            const bar = row.querySelector('rect.bar').getBoundingClientRect();
            return {event: row.dataset.event, first: row.dataset.first, last: row.dataset.last,
                    within: row.classList.contains('within'), left: bar.left, width: bar.width};
        })""",
    )


def year_lines(page: Page) -> list[float]:
    return page.eval_on_selector_all(
        "svg.timeline line.year", "lines => lines.map(l => l.getBoundingClientRect().left)"
    )


def dated_events(site_url: str) -> list[str]:
    """The events the canned query gives dates of their own, in its order."""
    request = urllib.request.Request(
        site_url + "/api/queries/events-timeline",
        headers={"Accept": "application/sparql-results+json"},
    )
    with urllib.request.urlopen(request, timeout=30) as reply:
        bindings = json.load(reply)["results"]["bindings"]
    return [row["event"]["value"] for row in bindings if "start" in row]


def test_every_event_in_date_order_over_the_days_it_stands_for(page: Page, site_url: str) -> None:
    page.goto(site_url + "/timeline")
    expect(page.locator(ROWS)).to_have_count(15)
    rows = drawn_rows(page)
    # Every event the article dates is drawn with its own dates, in date order.
    own = [row["event"] for row in rows if not row["within"]]
    assert own == dated_events(site_url)
    firsts = [row["first"] for row in rows]
    assert firsts == sorted(firsts)
    # Days to pixels, from where 2024 and 2025 begin.
    start_2024, start_2025, end_2025 = year_lines(page)
    per_day = (start_2025 - start_2024) / 366

    def x(day: datetime.date) -> float:
        return start_2024 + (day - datetime.date(2024, 1, 1)).days * per_day

    def near(value: float) -> Any:
        return pytest.approx(value, abs=0.5)

    assert end_2025 == near(x(datetime.date(2026, 1, 1)))
    for row in rows:
        first = datetime.date.fromisoformat(row["first"])
        after_last = datetime.date.fromisoformat(row["last"]) + datetime.timedelta(days=1)
        assert row["left"] == near(x(first))
        assert row["left"] + row["width"] == near(x(after_last))
    by_event = {row["event"].rsplit("/", 1)[1]: row for row in rows}
    # A year is the whole year, a month the whole month, not their first day.
    for event, first, after_last in (
        ("2025-asean-china-gba-economic-cooperation-qianhai-forum", start_2025, end_2025),
        ("joint-crackdown-december-2025", x(datetime.date(2025, 12, 1)), end_2025),
        ("china-asean-year-of-people-to-people-exchanges-2024-2025", start_2024, end_2025),
        ("28th-china-asean-summit", x(datetime.date(2025, 10, 28)), x(datetime.date(2025, 10, 29))),
    ):
        drawn = by_event[event]
        assert drawn["left"] == near(first)
        assert drawn["left"] + drawn["width"] == near(after_last)


def test_clicking_an_event_opens_its_page(page: Page, site_url: str) -> None:
    page.goto(site_url + "/timeline")
    page.locator(f"{ROWS}[data-event$='/22nd-china-asean-expo'] text.label").click()
    page.wait_for_url(site_url + "/id/event/22nd-china-asean-expo")
    expect(page.locator("h1")).to_have_text("22nd China-ASEAN Expo")


def test_filtering_by_country_keeps_its_events(page: Page, site_url: str) -> None:
    page.goto(site_url + "/timeline")
    page.get_by_label("Country").select_option(label="Malaysia")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**/timeline?country=*")
    expect(page.locator(ROWS)).to_have_count(4)
    expect(page.locator(f"{ROWS}.context")).to_have_count(1)
    expect(page.get_by_text("3 events match these filters")).to_be_visible()
