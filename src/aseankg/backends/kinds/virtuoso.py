"""OpenLink Virtuoso: ``/sparql`` for queries; ``/sparql-auth`` for updates and
``/sparql-graph-crud-auth`` for graphs (``?graph-uri=``), both behind HTTP Digest.

Its default graph, when a query names none, is every graph it holds, its own system
graphs too. Listing this dataset's graphs (``default-graph-uri``) makes its cost estimate
refuse ordinary queries at a thousand graphs, so the default graph leaves out the graphs
that are not this dataset's instead (``DEFINE input:default-graph-exclude``), which are
few; the named graphs are listed (``named-graph-uri``) for a query with a ``GRAPH``
pattern, and only then, since every request grows with them. It takes a time limit per
query (``timeout``, in milliseconds), past which it answers with the rows found so far
and says so in ``X-SQL-State``: aseankg refuses such an answer (504). An update request
of several operations is not one transaction, so a load replaces graph by graph (Graph
Store Protocol PUTs).

What Virtuoso only spells otherwise is put right: an ASK query comes back as a
one-column table (``__ASK_RETVAL``), and boolean literals as 1 and 0. Where it answers
otherwise than SPARQL 1.1 says, aseankg passes its answer on rather than guess: a
property path with ``*``, ``+`` or ``?`` joined with other patterns can lose every row
(agreement-parties, events-timeline), ``EXISTS`` makes the integer 1 or 0, not a
boolean (topic-items), and counts over ``BIND`` with ``GROUP BY`` differ (the VoID
figures, the figures of entity pages). It orders terms of different kinds
otherwise (strings before IRIs), and cuts results at its ``ResultSetMaxRows`` without
an error: keep that above aseankg's ``--max-rows``. Plain patterns, FILTER, OPTIONAL,
VALUES and aggregates over them agree; the equivalence tests list the queries that do
not.
"""

import json

import pyoxigraph

from aseankg.backends.kinds.kind import Results, StoreKind

_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
_STRING = "http://www.w3.org/2001/XMLSchema#string"
#: The one column Virtuoso answers an ASK query with, 1 or 0.
_ASK_COLUMN = "__ASK_RETVAL"


def _json_term(term: pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal) -> dict:
    if isinstance(term, pyoxigraph.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, pyoxigraph.BlankNode):
        return {"type": "bnode", "value": term.value}
    if term.datatype.value == _BOOLEAN and term.value in ("0", "1"):
        return {
            "type": "literal",
            "value": "true" if term.value == "1" else "false",
            "datatype": _BOOLEAN,
        }
    found = {"type": "literal", "value": term.value}
    if term.language:
        found["xml:lang"] = term.language
    elif term.datatype.value != _STRING:
        found["datatype"] = term.datatype.value
    return found


def read_results(results: Results) -> Results:
    """SPARQL's own answer: a boolean for ASK, and booleans spelled true and false."""
    if not isinstance(results, pyoxigraph.QuerySolutions):
        return results
    names = [variable.value for variable in results.variables]
    rows = [
        {name: _json_term(term) for name in names if (term := solution[name]) is not None}
        for solution in results
    ]
    if names == [_ASK_COLUMN]:
        answer = bool(rows) and rows[0].get(_ASK_COLUMN, {}).get("value") in ("1", "true")
        payload = {"head": {}, "boolean": answer}
    else:
        payload = {"head": {"vars": names}, "results": {"bindings": rows}}
    return pyoxigraph.parse_query_results(
        json.dumps(payload).encode(), format=pyoxigraph.QueryResultsFormat.JSON
    )


def _exclude(graphs: list[str]) -> str:
    """Virtuoso's pragmas leaving ``graphs`` (its own system graphs, and any others not of
    this dataset) out of the union it queries by default. (Its ``named-graph-exclude``
    would be the twin for ``GRAPH``, but with it a ``GRAPH <iri>`` pattern matches
    nothing: the named graphs are listed instead.)"""
    return "".join(f"DEFINE input:default-graph-exclude <{iri}>\n" for iri in graphs)


def _timeout(seconds: float) -> tuple[str, str]:
    return "timeout", str(int(seconds * 1000))


KIND = StoreKind(
    name="virtuoso",
    server="Virtuoso",
    timeout_parameter=_timeout,
    exclude_graphs=_exclude,
    partial_header="X-SQL-State",
    read_results=read_results,
    update_path="sparql-auth",
    gsp_path="sparql-graph-crud-auth",
    gsp_graph_parameter="graph-uri",
)
