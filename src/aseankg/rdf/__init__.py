"""RDF vocabulary and syntax: the namespaces, term conversion between rdflib and
Oxigraph, the table of every syntax aseankg reads or writes, and what dates stand for.
"""
