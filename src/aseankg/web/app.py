"""The application factory."""

from flask import Flask

from aseankg.engine.bounded_cache import BoundedCache
from aseankg.web import (
    api,
    cors,
    errors,
    navigation,
    robots,
    security_headers,
    sitemap,
    sparql,
    timeline,
)
from aseankg.web.linkeddata.blueprints import register as register_linked_data
from aseankg.web.proxy import deployed
from aseankg.web.response_cache import ResponseCache
from aseankg.web.settings import Settings, largest_body
from aseankg.web.site import Site, attach


def create_app(settings: Settings | None = None, *, testing: bool = False) -> Flask:
    """An app serving what ``settings`` name (the bundled dataset by default).

    ``testing`` is Flask's testing mode: errors propagate to the test client.
    """
    settings = settings or Settings()
    app = Flask(__name__)
    app.testing = testing
    body = largest_body(settings.limits.max_query_length)
    app.config.update(MAX_CONTENT_LENGTH=body, MAX_FORM_MEMORY_SIZE=body)
    app.json.sort_keys = False  # type: ignore[attr-defined]
    attach(app, Site.build(settings))
    errors.register(app)
    cors.register(app)
    security_headers.register(app)
    navigation.register(app)
    app.register_blueprint(sparql.blueprint)
    app.register_blueprint(api.blueprint)
    register_linked_data(app)
    app.register_blueprint(timeline.blueprint)
    app.register_blueprint(sitemap.blueprint)
    app.register_blueprint(robots.blueprint)
    cached = ResponseCache(app.wsgi_app, BoundedCache(settings.cache_bytes))
    app.wsgi_app = deployed(cached, settings.served_base, settings.proxy_hops)  # type: ignore[method-assign,assignment]
    return app
