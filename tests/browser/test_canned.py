"""The canned-query gallery: run a query with its form, or open it in the editor."""

from playwright.sync_api import Page, expect

MALAYSIA = "https://w3id.org/aseankg/id/country/my"


def test_a_canned_query_runs_from_the_gallery(page: Page, site_url: str) -> None:
    page.goto(site_url + "/api/queries")
    entry = page.locator("li#events-by-country")
    entry.get_by_label("country").select_option(MALAYSIA)
    entry.get_by_role("button", name="Run").click()
    page.wait_for_url(f"{site_url}/api/queries/events-by-country.html?country=*")
    expect(page.locator("h1")).to_contain_text("Events a country took part in")
    table = page.locator("table.results")
    expect(table).to_contain_text("28th China-ASEAN Summit")
    expect(page.get_by_label("country")).to_have_value(MALAYSIA)


def test_an_optional_parameter_left_empty_is_not_sent(page: Page, site_url: str) -> None:
    page.goto(site_url + "/api/queries")
    page.locator("li#quantified-outcomes").get_by_role("button", name="Run").click()
    page.wait_for_url(f"{site_url}/api/queries/quantified-outcomes.html*")
    assert "event=" not in page.url
    expect(page.locator("table.results")).to_contain_text("yuan")


def test_a_canned_query_opens_in_the_editor(page: Page, site_url: str) -> None:
    page.goto(site_url + "/api/queries")
    entry = page.locator("li#events-by-month")
    entry.get_by_role("link", name="Open in the query editor").click()
    expect(page.locator(".yasqe .CodeMirror")).to_contain_text("VALUES")
    expect(page.locator(".tabsList .tab.active")).to_contain_text("events-by-month")
    page.locator(".yasqe_queryButton").click()
    expect(page.locator(".yasr table.dataTable")).to_contain_text("2025")


def test_the_gallery_lists_every_query(page: Page, site_url: str) -> None:
    listed = page.request.get(site_url + "/api/queries", headers={"Accept": "application/json"})
    names = [query["name"] for query in listed.json()["queries"]]
    page.goto(site_url + "/api/queries")
    expect(page.locator("ul.gallery > li")).to_have_count(len(names))
    for name in names:
        expect(page.locator(f"li#{name} form.parameters button")).to_have_text("Run")
