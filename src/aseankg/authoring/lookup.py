"""Find entities by name, so that an author reuses an IRI instead of minting a second one.

A name is an ``rdfs:label``, a ``skos:altLabel`` or ``skos:prefLabel``, or an
ISO 3166 code. Names are compared without regard to case or accents ("viet"
finds "Việt Nam", "my" finds Malaysia by its code), and the closest come first:
a whole name, then names that begin with the text, then names with a word that
does, then names that merely contain it.
"""

import unicodedata
from collections import defaultdict
from dataclasses import dataclass

import pyoxigraph as ox

from aseankg.own_queries import query_text
from aseankg.rdf.namespaces import ONTOLOGY, REFERENCE_GRAPH, compact

NAMES_QUERY = query_text("entity-names")

TYPES_QUERY = query_text("entity-types")

_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


@dataclass(frozen=True)
class Match:
    """An entity whose name matches, with what people need to pick it."""

    iri: str
    types: tuple[str, ...]
    """Its classes, as prefixed names where aseankg has a prefix."""
    label: str
    matched: str
    """The name that matched (the label, an alternative label or a code)."""
    rank: int
    """0 the whole name, 1 its beginning, 2 the beginning of a word, 3 anywhere."""


@dataclass
class _Entity:
    names: list[tuple[str, ox.Literal]]
    """(property IRI, name) pairs."""
    shared: bool


def fold(text: str) -> str:
    """``text`` for comparing: accents dropped, case folded, white space single."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.casefold().split())


def rank(text: str, name: str) -> int | None:
    """How closely ``name`` matches ``text`` (both folded), or None when it does not."""
    if name == text:
        return 0
    if name.startswith(text):
        return 1
    if any(word.startswith(text) for word in name.split()):
        return 2
    if text in name:
        return 3
    return None


def find(store: ox.Store, text: str, everywhere: bool = False) -> list[Match]:
    """Entities named like ``text``, closest first.

    By default only shared entities: those named in the reference graph, which
    every story may use. ``everywhere`` adds what the stories themselves name
    (events, documents, outcomes). Ontology terms are never matched.
    """
    wanted = fold(text)
    entities = _named(store)
    types = _types(store)
    matches = []
    for iri, entity in entities.items():
        if not (entity.shared or everywhere):
            continue
        found = [
            (found_rank, name.value)
            for _, name in entity.names
            if (found_rank := rank(wanted, fold(name.value))) is not None
        ]
        if not found:
            continue
        best, matched = min(found)
        matches.append(Match(iri, types.get(iri, ()), _label(entity), matched, best))
    return sorted(matches, key=lambda match: (match.rank, fold(match.label), match.iri))


def _named(store: ox.Store) -> dict[str, _Entity]:
    entities: dict[str, _Entity] = {}
    for solution in store.query(NAMES_QUERY):  # type: ignore[union-attr]
        graph = solution["graph"].value
        if graph == str(ONTOLOGY):
            continue
        iri = solution["entity"].value
        entity = entities.setdefault(iri, _Entity([], False))
        entity.names.append((solution["property"].value, solution["name"]))
        entity.shared = entity.shared or graph == str(REFERENCE_GRAPH)
    return entities


def _types(store: ox.Store) -> dict[str, tuple[str, ...]]:
    found: defaultdict[str, list[str]] = defaultdict(list)
    solutions = store.query(TYPES_QUERY, use_default_graph_as_union=True)
    for solution in solutions:  # type: ignore[union-attr]
        kind = solution["type"].value
        found[solution["entity"].value].append(compact(kind) or f"<{kind}>")
    return {iri: tuple(sorted(kinds)) for iri, kinds in found.items()}


def _label(entity: _Entity) -> str:
    """The entity's English rdfs:label, else another label, else its first name."""
    preference = sorted(
        (prop != _LABEL, name.language != "en", name.value) for prop, name in entity.names
    )
    return preference[0][2]
