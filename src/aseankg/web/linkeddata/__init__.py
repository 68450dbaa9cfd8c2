"""Linked data: entity IRIs that dereference, ontology documentation, dumps, VoID, a context.

Everything here answers from the query engine or from the files the engine
was loaded from; the IRIs in the data stay canonical while pages link to
wherever the server runs (see ``iris``).

Each resource has one module holding its blueprint and what only it needs:
``landing`` (``/``), ``entities`` (``/id/...``), ``graphs`` (``/graph/...``),
``ontology`` (``/ontology``, ``/shapes``), ``checks``, ``dumps``, ``void`` and
``context``; ``blueprints`` registers them all. The other modules are shared by
several of them: IRIs, labels, queries, counts, how terms and pages are shown, and
how RDF documents are negotiated and sent.
"""
