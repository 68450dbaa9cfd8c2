"""What every linked-data page shares: where its templates are and how one is rendered."""

from pathlib import Path
from typing import Any

from flask import render_template

#: The templates of every linked-data blueprint (``linkeddata/*.html``).
TEMPLATES = str(Path(__file__).resolve().parent / "templates")


def render_page(template: str, **context: Any) -> str:
    """Render a page of the site, autoescaped (its header comes from ``aseankg.web.navigation``)."""
    return render_template(f"linkeddata/{template}", **context)
