"""What the query editor starts with: this endpoint, the dataset's prefixes, the canned queries.

The editor (YASGUI, served from ``/static/``) is configured from the page, so it asks
nothing of any other site: prefixes come from ``aseankg.rdf.namespaces`` instead of
prefix.cc, and the only endpoint is this one. A query reaches the editor in a link
of the form YASGUI itself shares (``/sparql#query=...&tabTitle=...``).
"""

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote, urlencode

from aseankg.canned import CannedQuery, Catalogue, ParameterError, bind
from aseankg.rdf.namespaces import PREFIXES
from aseankg.web.linkeddata.iris import IriMap

#: The example a new query starts from: every event with its label and start date.
EXAMPLE_BODY = """SELECT ?event ?label ?start WHERE {
  ?event ak:startDate ?start ;
         rdfs:label ?label .
}
ORDER BY ?start ?label
"""
#: The prefixes the plain form's example needs (the editor declares them all).
EXAMPLE_PREFIXES = {name: PREFIXES[name] for name in ("ak", "rdfs")}


def example_query(prefixes: Mapping[str, str]) -> str:
    """The example, after a PREFIX declaration for each of ``prefixes``."""
    declarations = "".join(
        f"PREFIX {name}: <{namespace}>\n" for name, namespace in prefixes.items()
    )
    return f"{declarations}\n{EXAMPLE_BODY}"


def example_text(query: CannedQuery, max_limit: int) -> str:
    """A canned query ready to run: defaults bound, and a required parameter without one
    bound to its first allowed value; as written when a required value is still missing
    (its ``?_name_type`` variable then shows what to fill in)."""
    pairs = [(p.name, p.allowed[0]) for p in query.parameters if p.required and p.allowed]
    try:
        return bind(query, pairs, max_limit=max_limit).text
    except ParameterError:
        return query.text


def editor_link(editor: str, query: str, title: str) -> str:
    """A link that opens ``query`` in a new tab of the editor at ``editor``."""
    return f"{editor}#{urlencode({'query': query, 'tabTitle': title}, quote_via=quote)}"


def editor_config(
    endpoint: str, iri_map: IriMap, catalogue: Catalogue, max_limit: int
) -> dict[str, Any]:
    """What the editor script reads from the page."""
    return {
        "endpoint": endpoint,
        "publicBase": iri_map.public_base,
        "servedBase": iri_map.served_base,
        "query": example_query(PREFIXES),
        "prefixes": PREFIXES,
        "examples": [
            {
                "name": query.name,
                "title": query.decorators.summary,
                "query": example_text(query, max_limit),
            }
            for query in catalogue.values()
        ],
    }
