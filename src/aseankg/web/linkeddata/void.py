"""``/.well-known/void``: the dataset's VoID description, what it is, where to get it and
what is in it.

``void:triples`` counts facts per named graph and sums them (see
``statistics``): the dataset's figure equals the quads in the store and in the
dumps, and the subsets for the graphs (one per graph: the ontology, the reference
data and each story) add up to it, as the property partitions do. One more subset,
the linkset, holds the ``skos:exactMatch`` links to Wikidata.

The dataset and its subsets keep their public IRIs, like everything the data
names; the places to get the data from (endpoint, dumps, home page) are URLs on
the served base, where this server answers.
"""

from flask import Blueprint, Response
from rdflib import DCTERMS, FOAF, RDF, SKOS, XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import VOID

from aseankg.publish.dumps import DUMPS
from aseankg.rdf.formats import GRAPH_SYNTAXES, RDF_SYNTAXES
from aseankg.rdf.namespaces import BASE, ID, ONTOLOGY, PREFIXES, SD
from aseankg.web.linkeddata.about import About, about
from aseankg.web.linkeddata.dumps import last_modified
from aseankg.web.linkeddata.iris import current_iri_map
from aseankg.web.linkeddata.labels import graph_title
from aseankg.web.linkeddata.representations import serialize
from aseankg.web.linkeddata.responses import negotiate, send
from aseankg.web.linkeddata.statistics import Statistics, exact_matches, statistics
from aseankg.web.negotiation import by_suffix

blueprint = Blueprint("void", __name__)

#: The year whose China-ASEAN cooperation the dataset covers.
YEAR = "2025"
TITLE = f"aseankg: China-ASEAN cooperation in {YEAR}"
DESCRIPTION = (
    f"A knowledge graph of China-ASEAN cooperation in {YEAR}, built from the ten stories of "
    "the article 'Top 10 news stories on China-ASEAN cooperation 2025 unveiled': the actors, "
    "events, agreements and outcomes each story reports, one named graph per story, with an "
    "OWL ontology."
)

#: Where the VoID description is served, relative to the base (RFC 5785 well-known path).
VOID_PATH = ".well-known/void"
DATASET = URIRef(f"{BASE}{VOID_PATH}#dataset")
WIKIDATA = URIRef(f"{BASE}{VOID_PATH}#wikidata")
WIKIDATA_LINKS = URIRef(f"{BASE}{VOID_PATH}#wikidata-links")
#: Where Wikidata's entity IRIs live: the objects of the linkset's links.
WIKIDATA_ENTITIES = "http://www.wikidata.org/entity/"


def _subset_iri(graph: URIRef) -> URIRef:
    name = "ontology" if graph == ONTOLOGY else str(graph).removeprefix(BASE).replace("/", "-")
    return URIRef(f"{BASE}{VOID_PATH}#{name}")


def _vocabularies(statistics: Statistics) -> list[URIRef]:
    """The namespaces (among the known prefixes) of the properties and classes used."""
    used = [str(term) for term, _ in (*statistics.properties, *statistics.classes)]
    return sorted(
        URIRef(namespace)
        for name, namespace in PREFIXES.items()
        if any(term.startswith(namespace) for term in used) and "/id/" not in namespace
    )


def _count(value: int) -> Literal:
    return Literal(value, datatype=XSD.integer)


def _add_wikidata_linkset(void: Graph, links: int) -> None:
    """The linkset of ``skos:exactMatch`` links from the dataset's entities to Wikidata."""
    add = void.add
    add((DATASET, VOID.subset, WIKIDATA_LINKS))
    add((WIKIDATA_LINKS, RDF.type, VOID.Linkset))
    add((WIKIDATA_LINKS, DCTERMS.title, Literal("Links to Wikidata", lang="en")))
    add((WIKIDATA_LINKS, VOID.subjectsTarget, DATASET))
    add((WIKIDATA_LINKS, VOID.objectsTarget, WIKIDATA))
    add((WIKIDATA_LINKS, VOID.linkPredicate, SKOS.exactMatch))
    add((WIKIDATA_LINKS, VOID.triples, _count(links)))
    add((WIKIDATA, RDF.type, VOID.Dataset))
    add((WIKIDATA, DCTERMS.title, Literal("Wikidata", lang="en")))
    add((WIKIDATA, FOAF.homepage, URIRef("https://www.wikidata.org/")))
    add((WIKIDATA, VOID.uriSpace, Literal(WIKIDATA_ENTITIES)))


def void_graph(
    statistics: Statistics,
    about: About,
    *,
    served_base: str,
    modified: Literal,
    wikidata_links: int,
) -> Graph:
    """The VoID graph of a dataset with ``statistics`` and ``about`` served at ``served_base``."""
    void = Graph()
    void.bind("void", VOID)
    void.bind("sd", SD)
    dataset = DATASET
    add = void.add
    add((dataset, RDF.type, VOID.Dataset))
    add((dataset, DCTERMS.title, Literal(TITLE, lang="en")))
    add((dataset, DCTERMS.description, Literal(DESCRIPTION, lang="en")))
    add((dataset, DCTERMS.temporal, Literal(YEAR, datatype=XSD.gYear)))
    if about.license is not None:
        add((dataset, DCTERMS.license, about.license))
    for creator in about.creators:
        add((dataset, DCTERMS.creator, creator))
    add((dataset, DCTERMS.modified, modified))
    add((dataset, FOAF.homepage, URIRef(served_base)))
    add((dataset, VOID.sparqlEndpoint, URIRef(served_base + "sparql")))
    for dump in DUMPS:
        add((dataset, VOID.dataDump, URIRef(served_base + dump.path)))
    for syntax in RDF_SYNTAXES:
        add((dataset, VOID.feature, syntax.w3c))
    add((dataset, VOID.uriSpace, Literal(str(ID))))
    for vocabulary in _vocabularies(statistics):
        add((dataset, VOID.vocabulary, vocabulary))
    for article in about.articles:
        add((dataset, VOID.rootResource, article.iri))
    for example in about.examples:
        add((dataset, VOID.exampleResource, example))
    add((dataset, VOID.triples, _count(statistics.triples)))
    add((dataset, VOID.entities, _count(statistics.entities)))
    add((dataset, VOID.distinctSubjects, _count(statistics.subjects)))
    add((dataset, VOID.distinctObjects, _count(statistics.objects)))
    add((dataset, VOID.properties, _count(len(statistics.properties))))
    add((dataset, VOID.classes, _count(len(statistics.classes))))
    for cls, entities in statistics.classes:
        partition = BNode()
        add((dataset, VOID.classPartition, partition))
        add((partition, VOID["class"], cls))
        add((partition, VOID.entities, _count(entities)))
    for prop, triples in statistics.properties:
        partition = BNode()
        add((dataset, VOID.propertyPartition, partition))
        add((partition, VOID.property, prop))
        add((partition, VOID.triples, _count(triples)))
    for count in statistics.graphs:
        subset = _subset_iri(count.graph)
        add((dataset, VOID.subset, subset))
        add((subset, RDF.type, VOID.Dataset))
        add((subset, RDF.type, SD.NamedGraph))
        add((subset, SD.name, count.graph))
        add((subset, DCTERMS.title, Literal(graph_title(count.graph), lang="en")))
        add((subset, VOID.triples, _count(count.triples)))
        add((subset, VOID.entities, _count(count.entities)))
    if wikidata_links:
        _add_wikidata_linkset(void, wikidata_links)
    return void


@blueprint.get(f"/{VOID_PATH}")
@blueprint.get(f"/{VOID_PATH}.<extension>")
def void(extension: str | None = None) -> Response:
    offer = by_suffix(GRAPH_SYNTAXES, extension, "the VoID description") if extension else None
    representation = negotiate(GRAPH_SYNTAXES, offer)
    served_base = current_iri_map().served_base
    graph = void_graph(
        statistics(),
        about(),
        served_base=served_base,
        modified=Literal(last_modified().date().isoformat(), datatype=XSD.date),
        wikidata_links=exact_matches(WIKIDATA_ENTITIES),
    )
    return send(
        serialize(graph, representation),
        representation,
        url=served_base + VOID_PATH,
        offers=GRAPH_SYNTAXES,
        cache_key=("void", served_base),
    )
