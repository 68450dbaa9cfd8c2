"""An OpenAPI 3.1 description of the canned-query API, generated from the decorators.

Each query is one operation at ``/api/queries/{name}`` whose parameters carry the
schema of their type, their allowed values and their default, so clients and
generated code see exactly what the server will accept.
"""

from typing import Any

from aseankg import __version__
from aseankg.canned.binding import MAX_OFFSET, default_page_size
from aseankg.canned.catalogue import CannedQuery, Catalogue
from aseankg.canned.parameters import Parameter
from aseankg.formats import SPARQL_QUERY, syntaxes_for

_PROBLEM = "application/problem+json"
_TEXT = {"schema": {"type": "string"}}

_SCHEMAS: dict[str, Any] = {
    "Problem": {
        "type": "object",
        "description": "An error as RFC 9457 problem details.",
        "required": ["title", "status", "detail"],
        "properties": {
            "title": {"type": "string"},
            "status": {"type": "integer"},
            "detail": {"type": "string"},
        },
    },
    "SparqlResults": {
        "type": "object",
        "description": "SPARQL 1.1 Query Results JSON: solutions of a SELECT, or an ASK's boolean.",
        "required": ["head"],
        "properties": {
            "head": {"type": "object"},
            "results": {
                "type": "object",
                "properties": {"bindings": {"type": "array", "items": {"type": "object"}}},
            },
            "boolean": {"type": "boolean"},
        },
    },
    "Parameter": {
        "type": "object",
        "required": ["name", "type", "required", "default", "allowed", "variable"],
        "properties": {
            "name": {"type": "string"},
            "type": {"type": "string"},
            "language": {"type": ["string", "null"]},
            "required": {"type": "boolean"},
            "default": {"type": ["string", "null"]},
            "allowed": {"type": "array", "items": {"type": "string"}},
            "variable": {"type": "string"},
        },
    },
    "Catalogue": {
        "type": "object",
        "required": ["queries"],
        "properties": {
            "queries": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["name", "summary", "description", "tags", "form", "parameters"],
                    "properties": {
                        "name": {"type": "string"},
                        "summary": {"type": "string"},
                        "description": {"type": "string"},
                        "tags": {"type": "array", "items": {"type": "string"}},
                        "form": {"enum": ["SELECT", "ASK", "CONSTRUCT", "DESCRIBE"]},
                        "parameters": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/Parameter"},
                        },
                        "pagination": {
                            "type": ["object", "null"],
                            "properties": {"limit": {"type": "integer"}},
                        },
                    },
                },
            }
        },
    },
}


def _error(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {
            _PROBLEM: {"schema": {"$ref": "#/components/schemas/Problem"}},
            "text/plain": _TEXT,
        },
    }


_ERRORS = {
    "400": _error("A parameter is missing, unknown, repeated or does not fit its type."),
    "406": _error("None of the media types in Accept is offered."),
    "413": _error("The bound query is longer than the server accepts."),
    "503": _error("The query ran past the time limit, or every query worker was busy."),
    "414": {"description": "The request line is longer than the web server accepts."},
}


def _body(format_name: str) -> dict[str, Any]:
    """The schema of a result body: JSON formats are described, the others are text."""
    if format_name == "json":
        return {"schema": {"$ref": "#/components/schemas/SparqlResults"}}
    if format_name == "jsonld":
        return {"schema": {"type": ["object", "array"]}}
    return _TEXT


def _parameter(parameter: Parameter) -> dict[str, Any]:
    kind = f"a literal tagged @{parameter.language}" if parameter.language else parameter.type.name
    return {
        "name": parameter.name,
        "in": "query",
        "required": parameter.required,
        "description": f"Bound to ?{parameter.variable} as {kind}.",
        "schema": parameter.schema(),
    }


def _operation(query: CannedQuery, max_limit: int) -> dict[str, Any]:
    offers = syntaxes_for(query.form)
    parameters = [_parameter(parameter) for parameter in query.parameters]
    if query.paginated:
        parameters += [
            {
                "name": "limit",
                "in": "query",
                "description": "Most solutions in one page.",
                "schema": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": max_limit,
                    "default": default_page_size(query, max_limit),
                },
            },
            {
                "name": "offset",
                "in": "query",
                "description": "Solutions to skip; the Link header names the next page.",
                "schema": {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET, "default": 0},
            },
        ]
    parameters.append(
        {
            "name": "format",
            "in": "query",
            "description": "Result format, overriding Accept; rq returns the bound query text.",
            "schema": {"type": "string", "enum": [offer.name for offer in (*offers, SPARQL_QUERY)]},
        }
    )
    content: dict[str, Any] = {offer.media_type: _body(offer.name) for offer in offers}
    content[SPARQL_QUERY.media_type] = _TEXT
    operation: dict[str, Any] = {
        "operationId": query.name,
        "summary": query.decorators.summary,
        "parameters": parameters,
        "responses": {"200": {"description": f"The {query.form} result.", "content": content}},
    }
    operation["responses"].update(_ERRORS)
    if query.decorators.description:
        operation["description"] = query.decorators.description
    if query.decorators.tags:
        operation["tags"] = list(query.decorators.tags)
    return operation


def document(catalogue: Catalogue, *, max_limit: int) -> dict[str, Any]:
    """The OpenAPI 3.1 document for ``catalogue`` with pages of at most ``max_limit``."""
    paths: dict[str, Any] = {
        "/api/queries": {
            "get": {
                "operationId": "listQueries",
                "summary": "The catalogue of canned queries and their parameters",
                "responses": {
                    "200": {
                        "description": "Every canned query.",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/Catalogue"}
                            }
                        },
                    }
                },
            }
        }
    }
    for query in catalogue.values():
        paths[f"/api/queries/{query.name}"] = {"get": _operation(query, max_limit)}
    tags = sorted({tag for query in catalogue.values() for tag in query.decorators.tags})
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "aseankg canned queries",
            "version": __version__,
            "description": (
                "Ready-made SPARQL queries over the China-ASEAN cooperation knowledge graph. "
                "Parameters are typed and bound as RDF terms, never pasted into the query. "
                "Results are negotiated with Accept or chosen with format= or a suffix "
                "(/api/queries/NAME.csv); Accept: application/sparql-query returns the query "
                "with its parameters bound."
            ),
            "license": {"name": "MIT", "identifier": "MIT"},
        },
        "tags": [{"name": tag} for tag in tags],
        "paths": paths,
        "components": {"schemas": _SCHEMAS},
    }
