"""``/``: what the dataset is, with its counts and every way in.

The page also carries the dataset's schema.org description as JSON-LD, which is what
dataset search engines read from a page.
"""

from flask import Blueprint, Response

from aseankg.dumps import DUMPS
from aseankg.namespaces import ENTITY_KINDS
from aseankg.web.linkeddata.about import about
from aseankg.web.linkeddata.documents import shapes_document
from aseankg.web.linkeddata.dumps import last_modified
from aseankg.web.linkeddata.iris import current_iri_map
from aseankg.web.linkeddata.present import Presenter, story_index
from aseankg.web.linkeddata.representations import HTML
from aseankg.web.linkeddata.responses import negotiate, send_page
from aseankg.web.linkeddata.schema_dataset import schema_dataset
from aseankg.web.linkeddata.statistics import statistics
from aseankg.web.linkeddata.views.site import TEMPLATES, render_page
from aseankg.web.linkeddata.void import DESCRIPTION, TITLE

blueprint = Blueprint("landing", __name__, template_folder=TEMPLATES)


@blueprint.get("/")
def landing() -> Response:
    negotiate([HTML])
    iri_map = current_iri_map()
    presenter = Presenter(iri_map)
    stories = sorted(
        (presenter.story(graph) for graph in story_index()),
        key=lambda story: (story.graph.rpartition("/")[0], story.position),
    )  # article by article (graph/story/NN, then graph/story/{article}/NN), in order
    counts = statistics()
    body = render_page(
        "landing.html",
        title=TITLE,
        description=DESCRIPTION,
        counts=counts,
        stories=stories,
        kinds=ENTITY_KINDS,
        dumps=DUMPS,
        shapes=shapes_document() is not None,
        iri_map=iri_map,
        dataset=schema_dataset(about(), iri_map.served_base, last_modified().date().isoformat()),
    )
    return send_page(body, "landing", iri_map.served_base)
