"""The pages every visitor passes through: the landing page and the site's header."""

from playwright.sync_api import Page, expect


def test_landing_page_has_the_site_navigation(page: Page, site_url: str) -> None:
    page.goto(site_url + "/")
    navigation = page.get_by_role("navigation", name="Site")
    for label in ("Query editor", "Queries", "Timeline", "Ontology", "Downloads"):
        expect(navigation.get_by_role("link", name=label)).to_be_visible()
    expect(page.locator("h1")).to_contain_text("China")


def test_header_marks_the_current_page(page: Page, site_url: str) -> None:
    navigation = page.get_by_role("navigation", name="Site")
    page.goto(site_url + "/id/country/my")
    expect(page.locator("h1")).to_have_text("Malaysia")
    expect(navigation.locator("[aria-current]")).to_have_count(0)
    navigation.get_by_role("link", name="Queries").click()
    page.wait_for_url(site_url + "/api/queries")
    expect(navigation.locator("[aria-current]")).to_have_text("Queries")
    navigation.get_by_role("link", name="Downloads").click()
    expect(page.locator("#dumps")).to_be_visible()
