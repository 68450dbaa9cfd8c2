"""Linked data: entity IRIs that dereference, ontology documentation, dumps, VoID, a context.

Everything here answers from the query engine or from the files the engine
was loaded from; the IRIs in the data stay canonical while pages link to
wherever the server runs (see ``iris``). The blueprints are in ``views``.
"""
