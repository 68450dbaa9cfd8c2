"""docs/routes.md lists every URL rule of the app, and stays current."""

from pathlib import Path

import pytest
from flask import Flask

from aseankg.web.routes_table import WHAT_IT_SERVES, render

ROUTES_PAGE = Path(__file__).parents[2] / "docs" / "routes.md"


def test_routes_page_is_current(app: Flask) -> None:
    assert ROUTES_PAGE.read_text(encoding="utf-8") == render(app), (
        "docs/routes.md is stale: run python -m aseankg.web.routes_table > docs/routes.md"
    )


def test_every_rule_has_a_row(app: Flask) -> None:
    page = render(app)
    for rule in app.url_map.iter_rules():
        assert f"| `{rule.rule}` | " in page


def test_an_undescribed_endpoint_is_named(app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    described = dict(WHAT_IT_SERVES)
    del described["timeline.timeline"]
    described["gone.view"] = "a view the app no longer has"
    monkeypatch.setattr("aseankg.web.routes_table.WHAT_IT_SERVES", described)
    with pytest.raises(
        ValueError, match=r"undescribed \['timeline.timeline'\], stale \['gone.view'\]"
    ):
        render(app)
