"""The schema.org ``Dataset`` the landing page embeds as JSON-LD, for dataset search engines.

It says what VoID says, in the vocabulary those engines read: the same dataset IRI,
title and description, the licence and creator of the ontology header, a
``DataDownload`` per dump, the SPARQL endpoint, the cooperation areas as keywords,
and the source article the facts are based on. URLs are on the served base.
"""

from typing import Any

from rdflib.namespace import SDO, VOID

from aseankg.dumps import DUMPS
from aseankg.web.linkeddata.about import About
from aseankg.web.linkeddata.void import DATASET, DESCRIPTION, TITLE, YEAR

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
