"""Which function calls by IRI Oxigraph can run.

Oxigraph implements the XSD casts (``xsd:integer(?x)``) and a few extension
functions, and raises for any other function IRI, or for a cast with the wrong
number of arguments, only when the query runs, as a failure that does not say
the query was at fault. Rather than keep a copy of its list, ask Oxigraph
itself: plan a tiny query that only makes the call, on an empty store of its
own, and keep the answer.
"""

from functools import cache, lru_cache

import pyoxigraph


@cache
def _empty_store() -> pyoxigraph.Store:
    return pyoxigraph.Store()


@lru_cache(maxsize=1024)
def refusal(iri: str, arity: int) -> str | None:
    """Why Oxigraph cannot call ``iri`` with ``arity`` arguments, or None if it can.

    The reason completes "the function <IRI> at POSITION ...". An IRI that is not
    valid is left to the parser, which reports it in place.
    """
    try:
        function = pyoxigraph.NamedNode(iri)
    except ValueError:
        return None
    arguments = ", ".join(f"?a{index}" for index in range(arity))
    try:
        _empty_store().query(f"SELECT * WHERE {{ BIND({function}({arguments}) AS ?r) }}")
    except (RuntimeError, SyntaxError) as error:
        if "is not supported" in str(error):
            return (
                "is not implemented here: queries can call SPARQL's built-in functions and "
                "the XSD casts such as xsd:integer(...)"
            )
        return f"cannot be called with {arity} argument{'' if arity == 1 else 's'} ({error})"
    return None
