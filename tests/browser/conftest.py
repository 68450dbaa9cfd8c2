"""A real browser against a real ``aseankg serve``, with nothing else reachable.

Debian's Chromium is driven by Playwright. Every request that is not for the server
under test is aborted and recorded, and console errors (a refused script or style
under the Content-Security-Policy among them) and uncaught page errors are collected;
a test fails at teardown when any were seen. Each test leaves a screenshot of its
page in ``screenshots/`` to look at.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright, Route, sync_playwright

from tests.support.server import running_server

CHROMIUM = "/usr/bin/chromium"
#: Headless, and quiet: no update checks, sync, or other traffic of the browser's own.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
#: Long enough for any page here to settle on a busy machine; only a hang runs into it.
PATIENCE_MS = 30_000


@dataclass
class Watch:
    """What a page did that a test must not see: requests elsewhere, console and page errors."""

    site_url: str
    outside_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def route(self, route: Route) -> None:
        url = route.request.url
        if url == self.site_url or url.startswith(self.site_url + "/"):
            route.continue_()
        else:
            self.outside_requests.append(url)
            route.abort("blockedbyclient")

    def console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(f"{message.text} ({message.location.get('url', '')})")


@pytest.fixture(scope="session")
def site_url() -> Iterator[str]:
    """Base URL of the server under test: default options, the bundled data."""
    with running_server() as base:
        yield base


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def watch(site_url: str) -> Watch:
    """The record of the current test's page; tests may assert on it before teardown does."""
    return Watch(site_url)


def screenshot_name(test_name: str) -> str:
    """A file name from a test's name (parameters included): ``test_x-a-b.png``."""
    return re.sub(r"[^\w.-]+", "-", test_name).strip("-") + ".png"


def watched_page(
    browser: Browser, watch: Watch, test_name: str, *, scripts: bool
) -> Iterator[Page]:
    """A fresh page that can reach only the server; checked and photographed at the end."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900},
        service_workers="block",
        java_script_enabled=scripts,
    )
    context.set_default_timeout(PATIENCE_MS)
    context.route("**/*", watch.route)
    page = context.new_page()
    page.on("console", watch.console)
    page.on("pageerror", lambda error: watch.page_errors.append(str(error)))
    page.on("dialog", lambda dialog: watch.page_errors.append(f"a dialog opened: {dialog.message}"))
    yield page
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / screenshot_name(test_name), full_page=True)
    context.close()
    assert watch.outside_requests == [], "requests left the server under test"
    assert watch.console_errors == [], "the browser console reported errors"
    assert watch.page_errors == [], "scripts on the page raised errors"


@pytest.fixture
def page(browser: Browser, watch: Watch, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A page with JavaScript, as most visitors have it."""
    yield from watched_page(browser, watch, request.node.name, scripts=True)


@pytest.fixture
def page_without_scripts(
    browser: Browser, watch: Watch, request: pytest.FixtureRequest
) -> Iterator[Page]:
    """A page with JavaScript turned off: what every page must still do without it."""
    yield from watched_page(browser, watch, request.node.name, scripts=False)
