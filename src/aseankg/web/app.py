"""The application factory."""

from collections.abc import Mapping
from typing import Any

from flask import Flask

from aseankg import bundle
from aseankg.engine import Engine, Limits
from aseankg.layout import dataset_sources
from aseankg.web import api, errors
from aseankg.web.extension import attach
from aseankg.web.settings import DEFAULTS, as_path


def build_engine(config: Mapping[str, Any]) -> Engine:
    """Load the configured data into an engine (once per server, before workers fork)."""
    data_dir = as_path(config["ASEANKG_DATA_DIR"]) or bundle.data_dir()
    ontology_dir = as_path(config["ASEANKG_ONTOLOGY_DIR"]) or bundle.ontology_dir()
    return Engine.from_sources(
        dataset_sources(data_dir, ontology_dir),
        limits=Limits(
            timeout=float(config["ASEANKG_QUERY_TIMEOUT"]),
            max_rows=int(config["ASEANKG_MAX_ROWS"]),
            max_query_length=int(config["ASEANKG_MAX_QUERY_LENGTH"]),
        ),
        workers=int(config["ASEANKG_QUERY_WORKERS"]),
    )


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """An app serving the dataset named by ``config`` (the bundled one by default)."""
    app = Flask(__name__)
    app.config.update(DEFAULTS)
    app.config.update(config or {})
    app.json.sort_keys = False
    attach(app, build_engine(app.config))
    errors.register(app)
    api.register(app)
    return app
