"""Write a report for people (text) or machines (JSON, Turtle).

Text: one line per result, then a summary line::

    Violation  event:x  ak:startDate  "2025-05-01"^^xsd:date  The start ...  (stories/05-x.ttl)

JSON: ``conforms``, ``strict``, ``summary`` (counts by severity), ``checked``
(files and their triples, the context files read with them, shapes, constraints
and checks) and ``results``, each with ``severity``, ``focusNode``,
``resultPath``, ``value``, ``message``,
``sourceShape``, ``constraints`` and ``file``. Terms are written as in SPARQL
1.1 Query Results JSON (``{"type": "uri", "value": ...}``); paths in SPARQL
property path syntax with full IRIs.

Turtle: the SHACL validation report graph.
"""

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from aseankg.rdf.namespaces import compact
from aseankg.validation.report import Report, Result

FORMATS = ("text", "json", "turtle")

_LONGEST_VALUE = 80
_SEVERITY_WIDTH = len("Violation")


def short_name(node: Node) -> str:
    """A prefixed name where aseankg has a prefix for the IRI, otherwise Turtle syntax."""
    if isinstance(node, URIRef):
        return compact(node) or f"<{node}>"
    if isinstance(node, Literal):
        lexical = json.dumps(str(node), ensure_ascii=False)
        if node.language:
            return f"{lexical}@{node.language}"
        if node.datatype:
            return f"{lexical}^^{short_name(node.datatype)}"
        return lexical
    return node.n3()


def relative(path: Path | None) -> str | None:
    """A file as a user would type it: relative to the working folder when inside it."""
    if path is None:
        return None
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def text_line(result: Result) -> str:
    path = result.path.render(short_name) if result.path else "-"
    value = "-" if result.value is None else _shorten(short_name(result.value))
    where = relative(result.file) or "unknown file"
    return "  ".join(
        [
            result.severity_name.ljust(_SEVERITY_WIDTH),
            short_name(result.focus),
            path,
            value,
            result.message,
            f"({where})",
        ]
    )


def summary_line(report: Report, strict: bool) -> str:
    verdict = "Conforms" if report.conforms(strict) else "Does not conform"
    if strict:
        verdict += " (strict: warnings fail)"
    counts = ", ".join(
        _plural(report.counts[name], name.lower()) for name in ("Violation", "Warning", "Info")
    )
    stats = report.statistics
    context = (
        f", with {_plural(stats.context_files, 'more file')} read as context,"
        if stats.context_files
        else ""
    )
    return (
        f"{verdict}: {counts}. Checked {_plural(stats.files, 'file')} "
        f"({_plural(stats.triples, 'triple')}){context} against {stats.node_shapes} node shapes, "
        f"{stats.property_shapes} property shapes ({stats.constraints} constraints) "
        f"and {_plural(stats.checks, 'structural check')}."
    )


def render_text(report: Report, strict: bool) -> str:
    lines = [text_line(result) for result in report.results]
    return "\n".join([*lines, summary_line(report, strict)]) + "\n"


def render_json(report: Report, strict: bool) -> str:
    stats = report.statistics
    document: dict[str, Any] = {
        "conforms": report.conforms(strict),
        "strict": strict,
        "summary": {
            "violations": report.counts["Violation"],
            "warnings": report.counts["Warning"],
            "infos": report.counts["Info"],
        },
        "checked": {
            "files": stats.files,
            "triples": stats.triples,
            "contextFiles": stats.context_files,
            "nodeShapes": stats.node_shapes,
            "propertyShapes": stats.property_shapes,
            "constraints": stats.constraints,
            "checks": stats.checks,
        },
        "results": [_json_result(result) for result in report.results],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def render_turtle(report: Report, strict: bool) -> str:
    return report.report_graph(strict).serialize(format="turtle")


RENDERERS: dict[str, Callable[[Report, bool], str]] = {
    "text": render_text,
    "json": render_json,
    "turtle": render_turtle,
}


def _json_result(result: Result) -> dict[str, Any]:
    return {
        "severity": result.severity_name,
        "focusNode": json_term(result.focus),
        "resultPath": result.path.render(lambda iri: f"<{iri}>") if result.path else None,
        "value": json_term(result.value) if result.value is not None else None,
        "message": result.message,
        "sourceShape": str(result.source_shape)
        if isinstance(result.source_shape, URIRef)
        else result.source_shape.n3(),
        "constraints": [str(constraint) for constraint in result.constraints],
        "file": relative(result.file),
    }


def json_term(node: Node) -> dict[str, str]:
    """A term as SPARQL 1.1 Query Results JSON writes it."""
    if isinstance(node, URIRef):
        return {"type": "uri", "value": str(node)}
    if isinstance(node, BNode):
        return {"type": "bnode", "value": str(node)}
    assert isinstance(node, Literal)
    term = {"type": "literal", "value": str(node)}
    if node.language:
        term["xml:lang"] = node.language
    elif node.datatype:
        term["datatype"] = str(node.datatype)
    return term


def _shorten(text: str) -> str:
    return text if len(text) <= _LONGEST_VALUE else text[: _LONGEST_VALUE - 1] + "…"


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" + ("" if count == 1 else "s")
