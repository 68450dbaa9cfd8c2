"""``/id/{kind}/{slug}``: every entity IRI answers with data for machines and a page for people.

The stories of articles other than the first have a slug of two segments,
``id/story/{article}/NN``.
"""

from flask import Blueprint, Response, abort
from rdflib import Literal, URIRef

from aseankg.own_queries import query_text
from aseankg.rdf.formats import RDF_SYNTAXES, Syntax
from aseankg.rdf.namespaces import ENTITY_KINDS
from aseankg.web.linkeddata.describe import describe
from aseankg.web.linkeddata.entity_page import PageBuilder
from aseankg.web.linkeddata.figure_charts import figure_charts
from aseankg.web.linkeddata.iris import current_iri_map
from aseankg.web.linkeddata.neighbourhood import neighbourhood
from aseankg.web.linkeddata.neighbourhood_picture import picture
from aseankg.web.linkeddata.page_rendering import TEMPLATES, render_page
from aseankg.web.linkeddata.representations import HTML, RESOURCE_OFFERS, serialize
from aseankg.web.linkeddata.responses import (
    alternates,
    negotiate,
    not_found,
    send,
    send_page,
    split_extension,
)
from aseankg.web.linkeddata.select_rows import as_iri, select
from aseankg.web.linkeddata.term_display import Presenter

blueprint = Blueprint("entities", __name__, template_folder=TEMPLATES)

KIND_QUERY = query_text("entities-in-space")


@blueprint.get("/id/story/<article>/<name>")
def article_story(article: str, name: str) -> Response:
    """A story of an article other than the first, whose IRI is ``id/story/{article}/NN``."""
    return resource("story", f"{article}/{name}")


@blueprint.get("/id/<kind>/<name>")
def resource(kind: str, name: str) -> Response:
    iri_map = current_iri_map()
    slug, extension = split_extension(name, RESOURCE_OFFERS)
    iri = iri_map.public(f"id/{kind}/{slug}")
    description = describe(iri) if kind in ENTITY_KINDS else None
    if description is None:
        not_found(
            name,
            RESOURCE_OFFERS,
            lambda found: str(iri_map.public(f"id/{kind}/{found}")),
            lambda found: kind in ENTITY_KINDS and describe(URIRef(found)) is not None,
        )
    representation = negotiate(RESOURCE_OFFERS, extension)
    url = iri_map.served(str(iri))
    if isinstance(representation, Syntax):
        body: str | bytes = serialize(description.dataset(), representation)
    else:
        presenter = Presenter(iri_map)
        body = render_page(
            "resource.html",
            page=PageBuilder(description, presenter).build(),
            neighbourhood=picture(neighbourhood(iri, presenter)),
            charts=figure_charts(description, presenter),
            alternates=alternates(url, RDF_SYNTAXES),
        )
    return send(
        body,
        representation,
        url=url,
        offers=RESOURCE_OFFERS,
        cache_key=("id", iri),
        row_cap=description.row_cap,
        iri=iri,
    )


@blueprint.get("/id/<kind>/")
def kind_index(kind: str) -> Response:
    """Every entity of one kind, by label: a way in for people browsing."""
    if kind not in ENTITY_KINDS:
        abort(404, description=f"'{kind}' is not a kind of entity here")
    negotiate([HTML])
    iri_map = current_iri_map()
    space = iri_map.public(f"id/{kind}/")
    presenter = Presenter(iri_map)
    links = sorted(
        (
            presenter.link(as_iri(row["entity"]))
            for row in select(KIND_QUERY, space=Literal(str(space)))
        ),
        key=lambda link: link.text.lower(),
    )
    body = render_page("kind.html", kind=kind, links=links)
    return send_page(body, "kind", space)
