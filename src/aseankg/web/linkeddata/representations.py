"""The forms a linked-data resource can be sent in, and how RDF is written in each.

The triple syntaxes carry the union of a description's graphs, and so does
JSON-LD, though it could keep graphs: it is compacted with the dataset's own
context so that it reads as plain JSON. TriG and N-Quads carry that union too,
as their default graph, and keep the named graph, that is the story, of every
fact besides: a client that reads triples queries the default graph (Comunica,
which asks for N-Quads first, does), while one that asks which story states a
fact finds it in the named graphs.
"""

from rdflib import Dataset, Graph

from aseankg.rdf.formats import GRAPH_SYNTAXES, HTML, JSON_LD, RDF_SYNTAXES, Format, Syntax
from aseankg.rdf.namespaces import bind_prefixes
from aseankg.sources.rdflib_dataset import new_dataset
from aseankg.web.linkeddata.context import dataset_context


def union_graph(dataset: Dataset) -> Graph:
    """All triples of every graph merged into one graph (graph names dropped)."""
    union = bind_prefixes(Graph())
    for triple in dataset.triples((None, None, None)):
        union.add(triple)
    return union


def quad_document(dataset: Dataset) -> Dataset:
    """``dataset``'s named graphs, with the union of their triples as the default graph."""
    document = new_dataset()
    for subject, predicate, obj, graph in dataset.quads((None, None, None, None)):
        document.graph(graph).add((subject, predicate, obj))
        document.default_graph.add((subject, predicate, obj))
    return document


def keeps_graphs(syntax: Syntax) -> bool:
    """Whether a description written in ``syntax`` keeps the graph of each fact."""
    return syntax not in GRAPH_SYNTAXES


#: What an entity IRI answers with: a page for people, then every RDF syntax.
RESOURCE_OFFERS: tuple[Format, ...] = (HTML, *RDF_SYNTAXES)
#: What the ontology and shapes documents answer with (one graph each).
DOCUMENT_OFFERS: tuple[Format, ...] = (HTML, *GRAPH_SYNTAXES)


def serialize(data: Graph, syntax: Syntax) -> bytes:
    """``data`` in an RDF syntax; a Dataset keeps its graphs as ``keeps_graphs`` says, with
    their union as the default graph."""
    if isinstance(data, Dataset):
        data = quad_document(data) if keeps_graphs(syntax) else union_graph(data)
    if syntax is JSON_LD:
        return data.serialize(
            format=syntax.rdflib, context=dataset_context(), auto_compact=True, encoding="utf-8"
        )
    return data.serialize(format=syntax.rdflib, encoding="utf-8")
