"""RDF terms between rdflib and Oxigraph.

Files are read and pages built with rdflib, queries run on Oxigraph; values cross
between the two here, and only here.
"""

from typing import overload

import pyoxigraph
from rdflib import XSD, BNode, Literal, URIRef
from rdflib.term import Node

#: An RDF term as Oxigraph holds it: what queries are bound to and answer with.
Term = pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal


class Terms:
    """Converts terms both ways, keeping each blank node the same node on either side.

    A blank node first met on the Oxigraph side gets a fresh rdflib node, so the labels
    of two documents (``_:b0`` in each) never merge two nodes.
    """

    def __init__(self) -> None:
        self._to_oxigraph: dict[BNode, pyoxigraph.BlankNode] = {}
        self._to_rdflib: dict[pyoxigraph.BlankNode, BNode] = {}

    def to_oxigraph(self, node: Node) -> Term:
        if isinstance(node, URIRef):
            return pyoxigraph.NamedNode(node)
        if isinstance(node, BNode):
            if node not in self._to_oxigraph:
                blank = pyoxigraph.BlankNode()
                self._to_oxigraph[node] = blank
                self._to_rdflib[blank] = node
            return self._to_oxigraph[node]
        if not isinstance(node, Literal):
            raise TypeError(f"{node!r} is not an RDF term")
        if node.language:
            return pyoxigraph.Literal(str(node), language=node.language)
        if node.datatype:
            return pyoxigraph.Literal(str(node), datatype=pyoxigraph.NamedNode(node.datatype))
        return pyoxigraph.Literal(str(node))

    def to_oxigraph_quad(
        self, subject: Node, predicate: Node, value: Node, graph: Node | None
    ) -> pyoxigraph.Quad:
        """A statement as Oxigraph holds it (``graph`` None: the default graph)."""
        oxigraph_subject = self.to_oxigraph(subject)
        oxigraph_predicate = self.to_oxigraph(predicate)
        oxigraph_graph = pyoxigraph.DefaultGraph() if graph is None else self.to_oxigraph(graph)
        if (
            isinstance(oxigraph_subject, pyoxigraph.Literal)
            or not isinstance(oxigraph_predicate, pyoxigraph.NamedNode)
            or isinstance(oxigraph_graph, pyoxigraph.Literal)
        ):
            raise TypeError(f"{subject!r} {predicate!r} in {graph!r} is not an RDF statement")
        return pyoxigraph.Quad(
            oxigraph_subject, oxigraph_predicate, self.to_oxigraph(value), oxigraph_graph
        )

    @overload
    def to_rdflib(self, term: pyoxigraph.NamedNode) -> URIRef: ...
    @overload
    def to_rdflib(self, term: pyoxigraph.BlankNode) -> BNode: ...
    @overload
    def to_rdflib(self, term: Term) -> Node: ...

    def to_rdflib(self, term: Term) -> Node:
        if isinstance(term, pyoxigraph.NamedNode):
            return URIRef(term.value)
        if isinstance(term, pyoxigraph.BlankNode):
            if term not in self._to_rdflib:
                blank = BNode()
                self._to_rdflib[term] = blank
                self._to_oxigraph[blank] = term
            return self._to_rdflib[term]
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == str(XSD.string):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
