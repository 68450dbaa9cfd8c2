"""Queries whose answers the article states, shared by the endpoint tests."""

from rdflib import Literal, URIRef
from rdflib.namespace import RDFS, XSD

from aseankg.canned.binding import bind
from aseankg.canned.catalogue import Catalogue
from aseankg.rdf.namespaces import AK, ID
from aseankg.sources import bundle

SUMMIT = URIRef(f"{ID}event/28th-china-asean-summit")
KUALA_LUMPUR = URIRef(f"{ID}place/kuala-lumpur")
SUMMIT_DATE = Literal("2025-10-28", datatype=XSD.date)

#: When and where the 28th China-ASEAN Summit was held: one row, 2025-10-28, Kuala Lumpur.
SUMMIT_QUERY = f"""PREFIX ak: <{AK}>
PREFIX rdfs: <{RDFS}>
SELECT ?date ?place WHERE {{
  <{SUMMIT}> ak:startDate ?date ;
      ak:location/rdfs:label ?place .
}}"""
SUMMIT_ROW = {"date": "2025-10-28", "place": "Kuala Lumpur"}

#: The same facts as a graph: two triples about the summit.
SUMMIT_CONSTRUCT = f"""PREFIX ak: <{AK}>
CONSTRUCT {{ <{SUMMIT}> ak:startDate ?date ; ak:location ?place }}
WHERE {{ <{SUMMIT}> ak:startDate ?date ; ak:location ?place }}"""

#: The countries Xi Jinping visited on his first trip of 2025, by label.
XI_VISITED = ["Cambodia", "Malaysia", "Vietnam"]


def xi_trip_query() -> str:
    """The canned query for a first trip of 2025, bound to its default person, Xi Jinping."""
    catalogue = Catalogue.load(bundle.queries_dir())
    return bind(catalogue["first-trip-abroad-2025"], []).text
