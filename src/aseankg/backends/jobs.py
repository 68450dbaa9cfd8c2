"""What crosses from the engine to a query process and back: jobs and replies.

They are plain data, so that they pickle; a backend (see ``aseankg.backends``) turns
a job into an answer.
"""

from dataclasses import dataclass, field

from aseankg.rdf.terms import Term


@dataclass(frozen=True)
class QueryJob:
    """A query as the store runs it; graph lists of None mean "as the query says"."""

    text: str
    media_type: str
    """The result syntax (format objects do not cross process boundaries)."""
    union_default_graph: bool = True
    default_graphs: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    substitutions: dict[str, Term] = field(default_factory=dict)
    original_text: str | None = None
    """The text as the user wrote it, when ``text`` is a rewrite (for error positions)."""
    max_triples: int | None = None
    """Most triples a CONSTRUCT or DESCRIBE result holds (its LIMIT counts solutions)."""
    max_result_bytes: int | None = None
    """Largest serialized result; a larger one stops the query."""
    base_iri: str | None = None
    """What relative IRIs in the query resolve against; None leaves them errors."""
    timeout: float | None = None
    """The query's time limit in seconds, for a store that takes a hint of its own."""


@dataclass(frozen=True)
class DumpJob:
    """The store in one RDF syntax, named by media type: every quad, or one graph's triples."""

    media_type: str
    graph: str | None = None
    prefixes: dict[str, str] = field(default_factory=dict)


Job = QueryJob | DumpJob


@dataclass(frozen=True)
class Reply:
    """What a worker sends back: the serialized result, or an error kind and message."""

    payload: bytes = b""
    error: str | None = None
    """None on success, else "syntax", "query" (it asks for what cannot be evaluated),
    "format" (the result cannot be written in the asked format), "too-large", "store"
    (a store server could not be reached or failed), "store-slow" (it stopped the query
    at its own time limit) or "failure"."""
    message: str = ""
    truncated: bool = False
    """The triples of a graph result were cut at the job's ``max_triples``."""
