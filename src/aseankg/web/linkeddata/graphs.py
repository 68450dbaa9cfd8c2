"""``/graph/...``: every named graph of the dataset dereferences.

RDF requests get the graph's triples: TriG and N-Quads in the named graph and in
the default graph (see ``representations``), the other syntaxes as plain triples.
A person gets a short page saying what the graph holds, how much, which story it
belongs to, and where its data is. (The ontology's graph is named by the ontology
IRI and answers at ``/ontology``.)
"""

from flask import Blueprint, Response
from rdflib import URIRef

from aseankg.rdf.formats import N_TRIPLES, RDF_SYNTAXES, Syntax
from aseankg.sources.rdflib_dataset import new_dataset
from aseankg.web.linkeddata.iris import current_iri_map
from aseankg.web.linkeddata.labels import graph_title
from aseankg.web.linkeddata.page_rendering import TEMPLATES, render_page
from aseankg.web.linkeddata.representations import RESOURCE_OFFERS, serialize
from aseankg.web.linkeddata.responses import (
    alternates,
    negotiate,
    not_found,
    send,
    split_extension,
)
from aseankg.web.linkeddata.statistics import statistics
from aseankg.web.linkeddata.term_display import Presenter, story_index
from aseankg.web.site import current_engine

blueprint = Blueprint("graphs", __name__, template_folder=TEMPLATES)


def _exists(iri: str) -> bool:
    """Whether ``iri`` names a graph of the loaded dataset."""
    return iri in current_engine().graphs


@blueprint.get("/graph/<path:name>")
def graph(name: str) -> Response:
    """The graph's triples, or a page about it, by ``format=``, suffix or Accept."""
    iri_map = current_iri_map()
    stem, extension = split_extension(name, RESOURCE_OFFERS)
    iri = iri_map.public(f"graph/{stem}")
    if not _exists(str(iri)):
        not_found(
            name, RESOURCE_OFFERS, lambda found: str(iri_map.public(f"graph/{found}")), _exists
        )
    representation = negotiate(RESOURCE_OFFERS, extension)
    url = iri_map.served(str(iri))
    if isinstance(representation, Syntax):
        dataset = new_dataset()
        named = dataset.graph(URIRef(iri))
        named.parse(data=current_engine().dump(N_TRIPLES, graph=str(iri)), format=N_TRIPLES.rdflib)
        body: str | bytes = serialize(dataset, representation)
    else:
        count = next(count for count in statistics().graphs if count.graph == iri)
        known = story_index().get(str(iri))
        body = render_page(
            "graph.html",
            iri=str(iri),
            title=graph_title(iri),
            count=count,
            story=Presenter(iri_map).link(known[0]) if known else None,
            alternates=alternates(url, RDF_SYNTAXES),
        )
    return send(
        body, representation, url=url, offers=RESOURCE_OFFERS, cache_key=("graph", iri), iri=iri
    )
