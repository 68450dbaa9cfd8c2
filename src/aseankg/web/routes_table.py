"""The table of every URL rule the app answers, for ``docs/routes.md``.

The table is rendered from the app's own URL map, so the page lists exactly the routes that
exist; a test renders it again and fails when the page is not current. Regenerate it with
``python -m aseankg.web.routes_table > docs/routes.md``.
"""

from flask import Flask

from aseankg.web.app import create_app
from aseankg.web.site import site_of

#: What each endpoint serves, in a few words; every endpoint of the app needs one.
WHAT_IT_SERVES: dict[str, str] = {
    "api.catalogue": "the catalogue of canned queries: JSON, or a page with a form per query",
    "api.openapi": "the OpenAPI 3.1 document of the canned-query API",
    "api.run": "one canned query, run with the values given; format by suffix or Accept",
    "linkeddata.checks.check": "a structural check: its SPARQL query",
    "linkeddata.context.context": "the JSON-LD context the JSON-LD outputs are compacted with",
    "linkeddata.ontology.ontology": "the ontology: pyLODE documentation or RDF",
    "linkeddata.ontology.ontology_version": "the ontology's version IRI, while it is served",
    "linkeddata.ontology.shapes": "the SHACL shapes: a page or RDF",
    "linkeddata.dumps.dump": "a dump of the whole dataset",
    "linkeddata.graphs.graph": "a named graph: its triples in any RDF syntax, or a page",
    "linkeddata.landing.landing": "the landing page",
    "linkeddata.entities.article_story": "a story of a further article: a page or RDF",
    "linkeddata.entities.kind_index": "every entity of one kind, by label",
    "linkeddata.entities.resource": "one entity: a page or RDF, by suffix or Accept",
    "linkeddata.void.void": "the VoID description of the dataset",
    "robots.robots": "robots.txt for crawlers",
    "sitemap.sitemap": "the sitemap, or an index of sitemaps past one sitemap's size",
    "sitemap.sitemap_part": "one sitemap of the index",
    "sparql.endpoint": "the SPARQL 1.1 endpoint, its service description and the query editor",
    "static": "the site's own styles, scripts and the vendored YASGUI build",
    "timeline.timeline": "every event on a time axis, optionally filtered",
}

HEADER = """\
# Routes

Every URL rule of the web app, from `create_app().url_map`: the rule, the HTTP methods it
answers and the endpoint (view) that serves it. [Linked data](linked-data.md), [SPARQL
endpoint](sparql-endpoint.md) and [Canned queries](canned-queries.md) say what each answers
in full.

This page is generated: after adding or changing a route, describe its endpoint in
`WHAT_IT_SERVES` (`src/aseankg/web/routes_table.py`) and run
`python -m aseankg.web.routes_table > docs/routes.md`. `tests/web/test_routes_table.py`
fails while the page is not current.

| rule | methods | endpoint | what it serves |
| --- | --- | --- | --- |
"""


def render(app: Flask) -> str:
    """The Markdown page listing every URL rule of ``app``, sorted by rule."""
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    if endpoints != WHAT_IT_SERVES.keys():
        undescribed = sorted(endpoints - WHAT_IT_SERVES.keys())
        stale = sorted(WHAT_IT_SERVES.keys() - endpoints)
        raise ValueError(
            f"WHAT_IT_SERVES does not match the app: undescribed {undescribed}, stale {stale}"
        )
    rows = [
        f"| `{rule.rule}` | {', '.join(sorted(rule.methods or ()))} | `{rule.endpoint}` "
        f"| {WHAT_IT_SERVES[rule.endpoint]} |\n"
        for rule in sorted(app.url_map.iter_rules(), key=lambda rule: rule.rule)
    ]
    return HEADER + "".join(rows)


def main() -> None:
    """Print the page for the app over the bundled data."""
    app = create_app()
    try:
        print(render(app), end="")
    finally:
        site_of(app).engine.close()


if __name__ == "__main__":
    main()
