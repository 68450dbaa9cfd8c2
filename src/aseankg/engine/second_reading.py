"""A second, independent reading of a query: rdflib's SPARQL parser.

The guard settles what its tokens show plainly; where they leave a doubt (a name
that could be read as SERVICE, a call to a function it does not know) it asks
another parser, whose syntax tree names every SERVICE and every function call.
The syntax tree is walked rather than rdflib's algebra: it holds the same nodes,
and building the algebra takes quadratic time on long object lists (36 s for
1,600 objects).

rdflib's parser is slow, up to about 0.9 ms per token (4.3 s for a 5,000-character
``IN`` list), and gives up on deep or long queries (Python's recursion limit, at
30 to 40 nested brackets, or 100 triple patterns in one group), so it is asked only
about queries of at most ``MAX_TOKENS`` tokens, which it reads in well under a
second. A query it cannot read, for whatever reason, gets None.
"""

from collections.abc import Iterable
from dataclasses import dataclass

MAX_TOKENS = 1_000


@dataclass(frozen=True)
class Call:
    """A call of a function named by IRI, as in ``xsd:integer(?x)``."""

    iri: str
    arity: int


@dataclass(frozen=True)
class Reading:
    """What the second reading found."""

    services: int
    """How many SERVICE patterns the query holds."""
    calls: tuple[Call, ...]


def read(text: str) -> Reading | None:
    """rdflib's reading of the query ``text``, or None if rdflib cannot read it."""
    # Imported here: the parser builds its grammar on import, and most queries never need it.
    from rdflib.plugins.sparql.algebra import translatePrologue
    from rdflib.plugins.sparql.parser import parseQuery
    from rdflib.plugins.sparql.parserutils import CompValue

    services = 0
    calls: list[Call] = []
    try:
        tree = parseQuery(text)
        prologue = translatePrologue(tree[0], None)
        pending: list[object] = [tree]
        while pending:  # not recursive: the tree of a long expression is deep
            node = pending.pop()
            if isinstance(node, CompValue):
                if node.name == "ServiceGraphPattern":
                    services += 1
                elif node.name == "Function":
                    iri = str(prologue.absolutize(node["iri"]))
                    calls.append(Call(iri, len(node["expr"]) if "expr" in node else 0))
                pending.extend(node.values())
            elif isinstance(node, Iterable) and not isinstance(node, str | bytes):
                pending.extend(node)
    except Exception:  # a parse error, an unknown prefix, Python's recursion limit: no reading
        return None
    return Reading(services, tuple(calls))
