"""What the data says about the dataset, for its descriptions (VoID, the landing page's
schema.org ``Dataset``, the service description).

The licence and creator are the ontology header's, the source article and the
cooperation areas are in the reference data, and the example resources are the most
described entities of a few kinds: nothing is restated in Python, so the descriptions
follow the data.
"""

from dataclasses import dataclass

from rdflib import DCTERMS, Literal, URIRef

from aseankg.own_queries import query_text
from aseankg.rdf.namespaces import ID, ONTOLOGY
from aseankg.web.linkeddata.app_cache import app_cached
from aseankg.web.linkeddata.select_rows import as_iri, select

#: The kinds an example resource is chosen from: an event with its participants, an
#: agreement, a reported figure and a country linked to Wikidata show most of the model.
EXAMPLE_KINDS = ("event", "document", "outcome", "country")

HEADER_QUERY = query_text("ontology-header")

ARTICLES_QUERY = query_text("articles")

KEYWORDS_QUERY = query_text("top-concept-labels")

MOST_DESCRIBED_QUERY = query_text("most-described-entity")


@dataclass(frozen=True)
class Article:
    """A source of the facts, as the data names it."""

    iri: URIRef
    title: Literal


@dataclass(frozen=True)
class About:
    license: URIRef | None
    creators: tuple[Literal, ...]
    articles: tuple[Article, ...]
    """Where the facts come from; the stories are parts of them."""
    keywords: tuple[Literal, ...]
    """The cooperation areas: the top concepts of the topic scheme."""
    examples: tuple[URIRef, ...]
    """The most described entity of each of ``EXAMPLE_KINDS`` that has one."""


def _most_described(kind: str) -> URIRef | None:
    found = select(MOST_DESCRIBED_QUERY, space=Literal(f"{ID}{kind}/"))
    return as_iri(found[0]["entity"]) if found else None


@app_cached
def about() -> About:
    header = select(HEADER_QUERY, ontology=ONTOLOGY)
    licenses = [row["value"] for row in header if row["property"] == DCTERMS.license]
    examples = (_most_described(kind) for kind in EXAMPLE_KINDS)
    return About(
        license=licenses[0] if licenses else None,  # type: ignore[arg-type]
        creators=tuple(row["value"] for row in header if row["property"] == DCTERMS.creator),  # type: ignore[misc]
        articles=tuple(
            Article(row["article"], row["title"])  # type: ignore[arg-type]
            for row in select(ARTICLES_QUERY)
        ),
        keywords=tuple(
            row["label"]  # type: ignore[misc]
            for row in select(KEYWORDS_QUERY, space=Literal(f"{ID}topic/"))
        ),
        examples=tuple(example for example in examples if example is not None),
    )
