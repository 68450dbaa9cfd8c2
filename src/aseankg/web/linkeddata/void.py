"""The VoID description of the dataset: what it is, where to get it, and what is in it.

``void:triples`` counts facts per named graph and sums them (see
``statistics``): the dataset's figure equals the quads in the store and in the
dumps, and the subsets (one per graph: the ontology, the reference data and
each story) add up to it, as the property partitions do.
"""

from rdflib import DCTERMS, RDF, XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import VOID

from aseankg.dumps import DUMPS
from aseankg.formats import RDF_SYNTAXES
from aseankg.namespaces import BASE, ID, ONTOLOGY, PREFIXES, SD
from aseankg.web.linkeddata.labels import graph_title
from aseankg.web.linkeddata.statistics import Statistics

TITLE = "aseankg: China-ASEAN cooperation in 2025"
DESCRIPTION = (
    "A knowledge graph of China-ASEAN cooperation in 2025, built from the ten stories of the "
    "article 'Top 10 news stories on China-ASEAN cooperation 2025 unveiled': the actors, "
    "events, agreements and outcomes each story reports, one named graph per story, with an "
    "OWL ontology."
)
LICENSE = URIRef("https://creativecommons.org/licenses/by/4.0/")
CREATOR = "aseankg maintainers"


DATASET = URIRef(BASE + ".well-known/void#dataset")


def _subset_iri(graph: URIRef) -> URIRef:
    name = "ontology" if graph == ONTOLOGY else str(graph).removeprefix(BASE).replace("/", "-")
    return URIRef(f"{BASE}.well-known/void#{name}")


def _vocabularies(statistics: Statistics) -> list[URIRef]:
    """The namespaces (among the known prefixes) of the properties and classes used."""
    used = [str(term) for term, _ in (*statistics.properties, *statistics.classes)]
    return sorted(
        URIRef(namespace)
        for name, namespace in PREFIXES.items()
        if any(term.startswith(namespace) for term in used) and "/id/" not in namespace
    )


def void_graph(statistics: Statistics, modified: Literal) -> Graph:
    """The VoID graph for ``statistics``."""
    void = Graph()
    void.bind("void", VOID)
    void.bind("sd", SD)
    dataset = DATASET
    add = void.add
    add((dataset, RDF.type, VOID.Dataset))
    add((dataset, DCTERMS.title, Literal(TITLE, lang="en")))
    add((dataset, DCTERMS.description, Literal(DESCRIPTION, lang="en")))
    add((dataset, DCTERMS.license, LICENSE))
    add((dataset, DCTERMS.creator, Literal(CREATOR)))
    add((dataset, DCTERMS.modified, modified))
    add((dataset, VOID.sparqlEndpoint, URIRef(BASE + "sparql")))
    for dump in DUMPS:
        add((dataset, VOID.dataDump, URIRef(BASE + dump.path)))
    for syntax in RDF_SYNTAXES:
        add((dataset, VOID.feature, syntax.w3c))
    add((dataset, VOID.uriSpace, Literal(str(ID))))
    for vocabulary in _vocabularies(statistics):
        add((dataset, VOID.vocabulary, vocabulary))
    add((dataset, VOID.triples, Literal(statistics.triples, datatype=XSD.integer)))
    add((dataset, VOID.entities, Literal(statistics.entities, datatype=XSD.integer)))
    add((dataset, VOID.distinctSubjects, Literal(statistics.subjects, datatype=XSD.integer)))
    add((dataset, VOID.distinctObjects, Literal(statistics.objects, datatype=XSD.integer)))
    add((dataset, VOID.properties, Literal(len(statistics.properties), datatype=XSD.integer)))
    add((dataset, VOID.classes, Literal(len(statistics.classes), datatype=XSD.integer)))
    for cls, entities in statistics.classes:
        partition = BNode()
        add((dataset, VOID.classPartition, partition))
        add((partition, VOID["class"], cls))
        add((partition, VOID.entities, Literal(entities, datatype=XSD.integer)))
    for prop, triples in statistics.properties:
        partition = BNode()
        add((dataset, VOID.propertyPartition, partition))
        add((partition, VOID.property, prop))
        add((partition, VOID.triples, Literal(triples, datatype=XSD.integer)))
    for count in statistics.graphs:
        subset = _subset_iri(count.graph)
        add((dataset, VOID.subset, subset))
        add((subset, RDF.type, VOID.Dataset))
        add((subset, RDF.type, SD.NamedGraph))
        add((subset, SD.name, count.graph))
        add((subset, DCTERMS.title, Literal(graph_title(count.graph), lang="en")))
        add((subset, VOID.triples, Literal(count.triples, datatype=XSD.integer)))
        add((subset, VOID.entities, Literal(count.entities, datatype=XSD.integer)))
    return void
