"""The forms a linked-data resource can be sent in, and how RDF is written in each.

TriG and N-Quads keep the named graph, that is the story, of every fact. The
triple syntaxes carry the union of a description's graphs, and so does JSON-LD,
though it could keep graphs: it is compacted with the dataset's own context so
that it reads as plain JSON.
"""

from rdflib import Dataset, Graph

from aseankg.formats import GRAPH_SYNTAXES, HTML, JSON_LD, RDF_SYNTAXES, Format, Syntax
from aseankg.namespaces import bind_prefixes
from aseankg.web.linkeddata.context import dataset_context


def union_graph(dataset: Dataset) -> Graph:
    """All triples of every graph merged into one graph (graph names dropped)."""
    union = bind_prefixes(Graph())
    for triple in dataset.triples((None, None, None)):
        union.add(triple)
    return union


def keeps_graphs(syntax: Syntax) -> bool:
    """Whether a description written in ``syntax`` keeps the graph of each fact."""
    return syntax not in GRAPH_SYNTAXES


#: What an entity IRI answers with: a page for people, then every RDF syntax.
RESOURCE_OFFERS: tuple[Format, ...] = (HTML, *RDF_SYNTAXES)
#: What the ontology and shapes documents answer with (one graph each).
DOCUMENT_OFFERS: tuple[Format, ...] = (HTML, *GRAPH_SYNTAXES)


def serialize(data: Graph, syntax: Syntax) -> bytes:
    """``data`` in an RDF syntax; a Dataset keeps its graphs as ``keeps_graphs`` says."""
    if isinstance(data, Dataset) and not keeps_graphs(syntax):
        data = union_graph(data)
    if syntax is JSON_LD:
        return data.serialize(
            format=syntax.rdflib, context=dataset_context(), auto_compact=True, encoding="utf-8"
        )
    return data.serialize(format=syntax.rdflib, encoding="utf-8")
