"""Structural checks: SPARQL queries that return one row per problem.

Some rules are about the graph as a whole rather than about one node: terms
the ontology does not declare, labels shared by two entities, statements that
sit outside any story's graph. Each is a SELECT query in ``ontology/checks``,
in the style of the ROBOT/ODK "violation" queries: any row it returns is a
result. Its ``#+`` header (strict YAML, read like a canned query's) says how severe a
row is and what to tell the user:

    #+ summary: Two entities of one kind with the same label
    #+ severity: Violation
    #+ message: "{focus} has the same label as {other}"

The query binds ``?focus`` (required), and may bind ``?path`` (a property) and
``?value``; the message may name any variable of the row in braces. Queries
run on Oxigraph, where they take milliseconds; rdflib's evaluator needs
seconds for the same joins.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, URIRef
from rdflib.term import Node

from aseankg.canned.header import read_header
from aseankg.errors import SourceError
from aseankg.rdf.namespaces import CHECKS, SH
from aseankg.rdf.terms import Terms
from aseankg.sources import bundle

CHECKS_FOLDER = "checks"
SEVERITIES = {"Violation": SH.Violation, "Warning": SH.Warning, "Info": SH.Info}
KEYS = ("summary", "severity", "message", "description")


class CheckError(SourceError):
    """A check file that is not usable: a bad header, or a query that is not a check."""


@dataclass(frozen=True)
class Check:
    name: str
    path: Path
    query: str
    severity: URIRef
    message: str
    summary: str

    @property
    def iri(self) -> URIRef:
        """The check's IRI, given as sh:sourceShape of its results."""
        return CHECKS[self.name]


@dataclass(frozen=True)
class Row:
    """One problem a check found; variables other than focus, path and value fill the message."""

    check: Check
    focus: Node
    path: URIRef | None
    value: Node | None
    bindings: dict[str, Node]


def checks_dir(ontology_dir: Path | None = None) -> Path:
    return (ontology_dir or bundle.ontology_dir()) / CHECKS_FOLDER


def load_checks(folder: Path) -> list[Check]:
    """Every ``*.rq`` file of ``folder``, by name."""
    return [_read_check(path) for path in sorted(folder.glob("*.rq"))]


def _read_check(path: Path) -> Check:
    text = path.read_text(encoding="utf-8")
    header, _ = read_header(path, text, KEYS, CheckError)
    severity = SEVERITIES.get(header.text("severity", required=True))
    if severity is None:
        raise header.fail("severity", f"must be one of {', '.join(SEVERITIES)}")
    return Check(
        name=path.stem,
        path=path,
        query=text,
        severity=severity,
        message=header.text("message", required=True),
        summary=header.text("summary", required=True),
    )


def run_checks(dataset: Dataset, checks: Iterable[Check]) -> list[Row]:
    """The rows of every check, over the union of all graphs and with ``GRAPH`` access to each."""
    terms = Terms()
    store = ox.Store()
    store.extend(
        terms.to_oxigraph_quad(s, p, o, g) for s, p, o, g in dataset.quads((None, None, None, None))
    )
    rows: list[Row] = []
    for check in checks:
        solutions = store.query(check.query, use_default_graph_as_union=True)
        if not isinstance(solutions, ox.QuerySolutions):
            raise CheckError(check.path, "a check must be a SELECT query")
        names = [variable.value for variable in solutions.variables]
        if "focus" not in names:
            raise CheckError(check.path, "a check must select ?focus")
        for solution in solutions:
            bound = {
                name: terms.to_rdflib(solution[name])
                for name in names
                if solution[name] is not None
            }
            path = bound.pop("path", None)
            rows.append(
                Row(
                    check=check,
                    focus=bound.pop("focus"),
                    path=path if isinstance(path, URIRef) else None,
                    value=bound.pop("value", None),
                    bindings=bound,
                )
            )
    return rows
