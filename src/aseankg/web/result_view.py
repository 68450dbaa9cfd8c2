"""A query result as a page shows it: terms with labels and safe links, counts, the row cap.

The engine's own result (SPARQL JSON for solutions and booleans, N-Triples for
graphs) is read back here, so a page shows exactly what the other formats hold.
IRIs link as on every page of the site (see ``Presenter.link``): those of this
dataset to the pages that serve them, others only when they are http(s), so no IRI
in the data can become a script link.
"""

from dataclasses import dataclass

import pyoxigraph
from rdflib import URIRef

from aseankg.engine import QueryResult
from aseankg.rdf.formats import GRAPH_FORMS, N_TRIPLES, SPARQL_JSON, ResultsSyntax, Syntax
from aseankg.rdf.namespaces import compact
from aseankg.web.linkeddata.iris import IriMap
from aseankg.web.linkeddata.labels import label_index
from aseankg.web.linkeddata.term_display import Presenter


@dataclass(frozen=True)
class Cell:
    """One term: its text (a compact IRI or a literal's form), a link, a label, a note."""

    text: str
    href: str | None = None
    label: str | None = None
    """What the dataset calls an IRI, shown beside it."""
    note: str = ""
    """A literal's language or datatype; ``blank node`` for a blank node."""
    title: str = ""
    """The full IRI, when the text is its compact form."""


@dataclass(frozen=True)
class ResultView:
    form: str
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Cell | None, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[tuple[Cell, Cell, Cell], ...] = ()
    row_cap: int | None = None
    """The server's row cap, when it cut this result short."""

    @property
    def is_graph(self) -> bool:
        return self.form in GRAPH_FORMS

    @property
    def count(self) -> int:
        return len(self.triples) if self.is_graph else len(self.rows)


def source_syntax(form: str) -> Syntax:
    """What a page of a result of ``form`` is built from."""
    return N_TRIPLES if form in GRAPH_FORMS else SPARQL_JSON


class CellMaker:
    """Renders terms for one request (links depend on the host being served)."""

    def __init__(self, iri_map: IriMap) -> None:
        self.presenter = Presenter(iri_map)
        self.labels = label_index()

    def cell(self, term: object) -> Cell:
        if isinstance(term, pyoxigraph.NamedNode):
            iri = term.value
            short = compact(iri)
            return Cell(
                short or iri,
                href=self.presenter.link(URIRef(iri)).href,
                label=self.labels.get(URIRef(iri)),
                title=iri if short else "",
            )
        if isinstance(term, pyoxigraph.Literal):
            if term.language:
                return Cell(term.value, note=f"@{term.language}")
            datatype = term.datatype.value
            if datatype == "http://www.w3.org/2001/XMLSchema#string":
                return Cell(term.value)
            return Cell(term.value, note=compact(datatype) or datatype)
        if isinstance(term, pyoxigraph.BlankNode):
            return Cell(f"_:{term.value}", note="blank node")
        return Cell(str(term))


def result_view(
    result: QueryResult, form: str, iri_map: IriMap, row_cap: int | None = None
) -> ResultView:
    """What a page shows of ``result``, a result of a query of ``form`` in its source syntax.

    ``row_cap`` is the cap the engine put on the query; the view keeps it only when the
    result reached it, that is when rows may be missing.
    """
    maker = CellMaker(iri_map)
    syntax = result.syntax
    if not isinstance(syntax, ResultsSyntax):
        triples = tuple(
            (maker.cell(triple.subject), maker.cell(triple.predicate), maker.cell(triple.object))
            for triple in pyoxigraph.parse(result.payload, format=pyoxigraph.RdfFormat.N_TRIPLES)
        )
        cut = row_cap if result.truncated else None
        return ResultView(form, triples=triples, row_cap=cut)
    parsed = pyoxigraph.parse_query_results(result.payload, format=syntax.oxigraph)
    if isinstance(parsed, pyoxigraph.QueryBoolean):
        return ResultView(form, boolean=bool(parsed))
    variables = tuple(variable.value for variable in parsed.variables)
    rows = tuple(
        tuple(None if (term := solution[name]) is None else maker.cell(term) for name in variables)
        for solution in parsed
    )
    cut = row_cap if row_cap is not None and len(rows) >= row_cap else None
    return ResultView(form, variables, rows, row_cap=cut)
