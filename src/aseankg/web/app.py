"""The application factory."""

from collections.abc import Mapping
from typing import Any

from flask import Flask

from aseankg.bounded_cache import BoundedCache
from aseankg.engine import Engine, Limits
from aseankg.web import (
    api,
    cors,
    errors,
    robots,
    security_headers,
    site,
    sitemap,
    sparql,
    timeline,
)
from aseankg.web.extension import attach
from aseankg.web.linkeddata.blueprints import register as register_linked_data
from aseankg.web.proxy import deployed
from aseankg.web.response_cache import ResponseCache
from aseankg.web.settings import DEFAULTS, body_limits, sources_of


def build_engine(config: Mapping[str, Any]) -> Engine:
    """Load the configured data into an engine, or open the configured store (once per
    server, before workers fork)."""
    limits = Limits(
        timeout=float(config["ASEANKG_QUERY_TIMEOUT"]),
        max_rows=int(config["ASEANKG_MAX_ROWS"]),
        max_query_length=int(config["ASEANKG_MAX_QUERY_LENGTH"]),
        max_result_bytes=int(config["ASEANKG_MAX_RESULT_BYTES"]),
        query_memory_bytes=int(config["ASEANKG_QUERY_MEMORY_BYTES"]),
        share_by_client=bool(config["ASEANKG_SHARE_BY_CLIENT"]),
    )
    workers = int(config["ASEANKG_QUERY_WORKERS"])
    cache_bytes = int(config["ASEANKG_CACHE_BYTES"])
    if config["ASEANKG_STORE"]:
        return Engine.from_store(
            str(config["ASEANKG_STORE"]),
            kind=config["ASEANKG_STORE_KIND"],
            limits=limits,
            workers=workers,
            cache_bytes=cache_bytes,
        )
    return Engine.from_sources(
        sources_of(config), limits=limits, workers=workers, cache_bytes=cache_bytes
    )


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """An app serving the dataset named by ``config`` (the bundled one by default)."""
    app = Flask(__name__)
    app.config.update(DEFAULTS)
    app.config.update(config or {})
    app.config.update(body_limits(int(app.config["ASEANKG_MAX_QUERY_LENGTH"])))
    app.json.sort_keys = False
    attach(app, build_engine(app.config))
    errors.register(app)
    cors.register(app)
    security_headers.register(app)
    site.register(app)
    app.register_blueprint(sparql.blueprint)
    api.register(app)
    register_linked_data(app)
    app.register_blueprint(timeline.blueprint)
    app.register_blueprint(sitemap.blueprint)
    app.register_blueprint(robots.blueprint)
    cached = ResponseCache(app.wsgi_app, BoundedCache(int(app.config["ASEANKG_CACHE_BYTES"])))
    app.wsgi_app = deployed(  # type: ignore[method-assign]
        cached, app.config["ASEANKG_SERVED_BASE"], int(app.config["ASEANKG_PROXY_HOPS"])
    )
    return app
