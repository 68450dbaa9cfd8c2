"""The query editor at /sparql: YASGUI from the package itself, talking only to this server."""

from playwright.sync_api import Page, expect

from tests.browser.conftest import Watch

SUMMIT_QUERY = """PREFIX ak: <https://w3id.org/aseankg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?summit ?label WHERE { ?summit a ak:Summit ; rdfs:label ?label } ORDER BY ?label"""


def open_editor(page: Page, site_url: str) -> None:
    page.goto(site_url + "/sparql")
    expect(page.locator(".yasqe .CodeMirror")).to_be_visible()


def test_the_editor_loads_from_the_server_alone(page: Page, site_url: str, watch: Watch) -> None:
    open_editor(page, site_url)
    page.wait_for_load_state("networkidle")
    assert watch.outside_requests == []
    expect(page.locator("#plain-query")).to_be_hidden()
    editor = page.locator(".yasqe .CodeMirror")
    expect(editor).to_contain_text("PREFIX")
    navigation = page.get_by_role("navigation", name="Site")
    expect(navigation.get_by_role("link", name="Query editor")).to_have_attribute(
        "aria-current", "page"
    )


def test_a_typed_query_shows_its_rows(page: Page, site_url: str) -> None:
    open_editor(page, site_url)
    page.locator(".yasqe .CodeMirror").click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(SUMMIT_QUERY)
    page.locator(".yasqe_queryButton").click()
    table = page.locator(".yasr table.dataTable")
    expect(table).to_contain_text("28th China-ASEAN Summit")
    link = table.get_by_role("link", name="event:28th-china-asean-summit")
    expect(link).to_have_attribute("href", site_url + "/id/event/28th-china-asean-summit")
