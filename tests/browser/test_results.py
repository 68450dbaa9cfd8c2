"""Results as pages: escaped, labelled, linked only where a link is safe; the plain form."""

from urllib.parse import urlencode

from playwright.sync_api import Page, expect

HOSTILE_QUERY = """SELECT ?text ?script ?ours WHERE {
  BIND("<b>bold</b><script>alert(1)</script>" AS ?text)
  BIND(<javascript:alert(1)> AS ?script)
  BIND(<https://w3id.org/aseankg/id/country/my> AS ?ours)
}"""


def test_html_results_escape_and_link(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/sparql?{urlencode({'query': HOSTILE_QUERY, 'format': 'html'})}")
    table = page.locator("table.results")
    expect(table.locator("td").nth(1)).to_have_text("<b>bold</b><script>alert(1)</script>")
    assert table.locator("b, script").count() == 0
    expect(table.get_by_text("javascript:alert(1)")).to_be_visible()
    assert table.locator('a[href^="javascript"]').count() == 0
    malaysia = table.get_by_role("link", name="country:my")
    expect(malaysia).to_have_attribute("href", f"{site_url}/id/country/my")
    expect(table).to_contain_text("Malaysia")
    expect(page.locator(".result-summary")).to_contain_text("1 row.")
    as_csv = page.request.get(page.get_by_role("link", name="CSV").get_attribute("href"))
    assert as_csv.headers["content-type"] == "text/csv; charset=utf-8"
    assert "<b>bold</b>" in as_csv.text()


def test_a_construct_result_shows_triples(page: Page, site_url: str) -> None:
    query = (
        "CONSTRUCT { ?s ?p ?o } WHERE { VALUES ?s { <https://w3id.org/aseankg/id/country/th> } "
        "?s ?p ?o }"
    )
    page.goto(f"{site_url}/sparql?{urlencode({'query': query, 'format': 'html'})}")
    expect(page.locator("table.results th").nth(1)).to_have_text("subject")
    expect(page.locator("table.results")).to_contain_text("Thailand")
    expect(page.get_by_role("link", name="Turtle")).to_be_visible()


def test_the_plain_form_works_without_javascript(page_without_scripts: Page, site_url: str) -> None:
    page = page_without_scripts
    page.goto(site_url + "/sparql")
    expect(page.locator("#editor-tools")).to_be_hidden()
    page.get_by_role("button", name="Run query").click()
    expect(page.locator("h1")).to_have_text("Query result")
    expect(page.locator("table.results")).to_contain_text("28th China-ASEAN Summit")
