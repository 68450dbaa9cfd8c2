"""The JSON-LD context that makes aseankg's JSON-LD read as plain JSON.

It is derived from the data itself: every property used gets a short key (its
local name) and, when all its values agree, the coercion that lets values be
bare strings: ``"@type": "@id"`` for links, the datatype for typed literals,
the language for tagged text. Every class used gets a short key too, so
``"type": "Forum"`` reads naturally. Values that do not fit their property's
coercion (a date at another precision) stay as typed value objects.
"""

from collections import defaultdict
from typing import Any

from rdflib import RDF, XSD

from aseankg.engine import Engine
from aseankg.own_queries import query_text
from aseankg.rdf.namespaces import AK, ENTITY_KINDS, PREFIXES, compact, local_name

#: Prefixes the context declares: vocabularies, not entity kinds (whose names are also
#: property names, such as ``topic``); entity IRIs are written in full.
CONTEXT_PREFIXES = {name: iri for name, iri in PREFIXES.items() if name not in ENTITY_KINDS}

PROPERTY_VALUES_QUERY = query_text("property-value-kinds")

CLASSES_QUERY = query_text("classes-used")

_KEYWORD_ALIASES = {"id": "@id", "type": "@type"}

#: Datatypes JSON writes natively (``20``, ``true``): no coercion needed, none wanted.
_NATIVE_JSON = frozenset({str(XSD.integer), str(XSD.boolean)})


def compact_iri(iri: str) -> str:
    """``ak:Forum`` for an IRI in a declared vocabulary, else the IRI itself."""
    return compact(iri, CONTEXT_PREFIXES) or iri


def _coercion(kinds: set[tuple[bool, str, str]]) -> dict[str, str]:
    """The value coercion for a property whose values are all of one kind, else none."""
    if len(kinds) != 1:
        return {}
    is_iri, datatype, language = next(iter(kinds))
    if is_iri:
        return {"@type": "@id"}
    if language:
        return {"@language": language}
    if datatype and datatype != str(XSD.string) and datatype not in _NATIVE_JSON:
        return {"@type": compact_iri(datatype)}
    return {}


def _ours_first(iri: str) -> tuple[bool, str]:
    return (not iri.startswith(str(AK)), iri)


def build_context(
    properties: dict[str, set[tuple[bool, str, str]]], classes: set[str]
) -> dict[str, Any]:
    """The context object for these properties (with their value kinds) and classes."""
    terms: dict[str, Any] = {**_KEYWORD_ALIASES, **CONTEXT_PREFIXES}
    for prop in sorted(properties, key=_ours_first):
        key = local_name(prop)
        if prop == str(RDF.type) or key in terms:
            continue
        terms[key] = {"@id": compact_iri(prop), **_coercion(properties[prop])}
    for cls in sorted(classes, key=_ours_first):
        key = local_name(cls)
        if key not in terms:
            terms[key] = compact_iri(cls)
    return terms


def derive_context(engine: Engine) -> dict[str, Any]:
    """The context for the data ``engine`` holds (``/context.jsonld`` is ``{"@context": …}``)."""
    properties: dict[str, set[tuple[bool, str, str]]] = defaultdict(set)
    for row in engine.select(PROPERTY_VALUES_QUERY):
        datatype, language = row.get("datatype"), row.get("language")
        kind = (
            row["iri"].value == "true",
            datatype.value if datatype else "",
            language.value if language else "",
        )
        properties[row["p"].value].add(kind)
    classes = {row["class"].value for row in engine.select(CLASSES_QUERY)}
    return build_context(properties, classes)
