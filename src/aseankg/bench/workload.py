"""What the benchmark asks: every canned query, and two ad-hoc queries that do real work.

Canned queries run with their defaults; the few with a required parameter get a
value that exists in the bundled data (which every synthetic folder keeps), so
each query has answers at every size.
"""

from dataclasses import dataclass

from aseankg.canned import Catalogue, bind
from aseankg.rdf.namespaces import ID
from aseankg.sources import bundle

#: Values for canned-query parameters that have no default.
REQUIRED_VALUES: dict[str, dict[str, str]] = {
    "actor-record": {"actor": f"{ID}country/cn"},
    "events-by-country": {"country": f"{ID}country/my"},
    "find-entity": {"name": "CAEXPO"},
    "story-facts": {"story": f"{ID}story/05"},
}

#: A join across events, participations, actors and labels.
JOIN = """PREFIX ak: <https://w3id.org/aseankg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?eventLabel ?actorLabel ?roleLabel WHERE {
  ?event ak:hasParticipation ?participation ; rdfs:label ?eventLabel .
  ?participation ak:participant ?actor ; ak:role ?role .
  ?actor rdfs:label ?actorLabel .
  ?role rdfs:label ?roleLabel .
  ?event ak:startDate ?start .
  FILTER (SUBSTR(STR(?start), 1, 4) = "2025")
}
ORDER BY ?eventLabel ?actorLabel ?roleLabel"""

#: An aggregate over the whole graph.
AGGREGATE = """SELECT ?type (COUNT(?s) AS ?n) WHERE { ?s a ?type }
GROUP BY ?type
ORDER BY DESC(?n) ?type"""

#: The canned query the HTTP measurements use.
HTTP_CANNED = "events-2025-timeline"


@dataclass(frozen=True)
class Query:
    name: str
    text: str
    form: str
    canned: bool


def canned_queries() -> list[Query]:
    """Every canned query of the bundled catalogue, bound for the benchmark."""
    catalogue = Catalogue.load(bundle.queries_dir())
    queries = []
    for name, canned in sorted(catalogue.items()):
        bound = bind(canned, REQUIRED_VALUES.get(name, {}).items())
        queries.append(Query(name, bound.text, canned.form, canned=True))
    return queries


def ad_hoc_queries() -> list[Query]:
    return [Query("join", JOIN, "SELECT", False), Query("aggregate", AGGREGATE, "SELECT", False)]


def all_queries() -> list[Query]:
    return canned_queries() + ad_hoc_queries()
