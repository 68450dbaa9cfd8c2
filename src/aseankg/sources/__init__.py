"""Where the dataset comes from: the bundled files, how files map to graphs, the
screening of files before any parser reads them, and the rdflib and Oxigraph loaders.
"""
