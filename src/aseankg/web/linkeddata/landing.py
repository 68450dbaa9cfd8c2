"""``/``: what the dataset is, with its counts and every way in.

The page also carries the dataset's schema.org ``Dataset`` as JSON-LD, which is what
dataset search engines read from a page. It says what VoID says, in the vocabulary
those engines read: the same dataset IRI, title and description, the licence and
creator of the ontology header, a ``DataDownload`` per dump, the SPARQL endpoint, the
cooperation areas as keywords, and the source article the facts are based on. URLs
are on the served base.
"""

from typing import Any

from flask import Blueprint, Response
from rdflib.namespace import SDO, VOID

from aseankg.publish.dumps import DUMPS
from aseankg.rdf.namespaces import ENTITY_KINDS
from aseankg.web.linkeddata.about import About, about
from aseankg.web.linkeddata.dumps import last_modified
from aseankg.web.linkeddata.iris import current_iri_map
from aseankg.web.linkeddata.ontology import shapes_document
from aseankg.web.linkeddata.page_rendering import TEMPLATES, render_page
from aseankg.web.linkeddata.representations import HTML
from aseankg.web.linkeddata.responses import negotiate, send_page
from aseankg.web.linkeddata.statistics import statistics
from aseankg.web.linkeddata.term_display import Presenter, story_index
from aseankg.web.linkeddata.void import DATASET, DESCRIPTION, TITLE, YEAR

blueprint = Blueprint("landing", __name__, template_folder=TEMPLATES)

#: Plain strings for search engines; the context makes the URLs IRIs for RDF readers.
CONTEXT = {
    "@vocab": str(SDO),
    "void": str(VOID),
    "url": {"@type": "@id"},
    "license": {"@type": "@id"},
    "contentUrl": {"@type": "@id"},
    "void:sparqlEndpoint": {"@type": "@id"},
}


def schema_dataset(about: About, served_base: str, modified: str) -> dict[str, Any]:
    """The ``Dataset`` node of the dataset served at ``served_base``, last ``modified`` then."""
    dataset: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Dataset",
        "@id": str(DATASET),
        "name": TITLE,
        "description": DESCRIPTION,
        "url": served_base,
        "temporalCoverage": YEAR,
        "dateModified": modified,
        "keywords": [str(keyword) for keyword in about.keywords],
        "creator": [{"@type": "Organization", "name": str(name)} for name in about.creators],
        "isBasedOn": [
            {"@type": "NewsArticle", "@id": str(article.iri), "headline": str(article.title)}
            for article in about.articles
        ],
        "distribution": [
            {
                "@type": "DataDownload",
                "name": dump.filename,
                "description": dump.label,
                "encodingFormat": dump.media_type,
                "contentUrl": served_base + dump.path,
            }
            for dump in DUMPS
        ],
        "void:sparqlEndpoint": served_base + "sparql",
    }
    if about.license is not None:
        dataset["license"] = str(about.license)
    return dataset


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
