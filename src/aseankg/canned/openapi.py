"""An OpenAPI 3.1 description of the canned-query API, generated from the decorators.

Each query is one operation at ``/api/queries/{name}`` whose parameters carry the
schema of their type, their allowed values and their default, so clients and
generated code see exactly what the server will accept. Every error an operation can
answer is declared once, under ``components/responses``, as RFC 9457 problem details:
a generated client parses an error as it parses a result.
"""

from collections.abc import Iterable
from typing import Any

from aseankg import __version__
from aseankg.canned.binding import MAX_OFFSET, default_page_size
from aseankg.canned.catalogue import CannedQuery, Catalogue
from aseankg.canned.parameters import Parameter
from aseankg.rdf.formats import SPARQL_QUERY, syntaxes_for

_PROBLEM = "application/problem+json"
_TEXT = {"schema": {"type": "string"}}

_SCHEMAS: dict[str, Any] = {
    "Problem": {
        "type": "object",
        "description": (
            "An error as RFC 9457 problem details. The type is about:blank: the status and "
            "its title say what kind of error it is, detail says what was wrong with this "
            "request (which parameter, which value)."
        ),
        "required": ["type", "title", "status", "detail"],
        "properties": {
            "type": {
                "type": "string",
                "format": "uri-reference",
                "description": "about:blank: the status says what kind of error it is.",
            },
            "title": {"type": "string", "description": "The phrase of the HTTP status."},
            "status": {"type": "integer", "minimum": 400, "maximum": 599},
            "detail": {"type": "string"},
            "instance": {
                "type": "string",
                "format": "uri",
                "description": "The URL that was requested, without its query string.",
            },
        },
    },
    "RdfTerm": {
        "type": "object",
        "description": "One value of a solution: an IRI, a literal or a blank node.",
        "required": ["type", "value"],
        "properties": {
            "type": {"type": "string", "enum": ["uri", "literal", "bnode"]},
            "value": {"type": "string"},
            "datatype": {"type": "string", "format": "iri"},
            "xml:lang": {"type": "string"},
        },
    },
    "SparqlResults": {
        "type": "object",
        "description": "SPARQL 1.1 Query Results JSON: solutions of a SELECT, or an ASK's boolean.",
        "required": ["head"],
        "properties": {
            "head": {
                "type": "object",
                "properties": {"vars": {"type": "array", "items": {"type": "string"}}},
            },
            "results": {
                "type": "object",
                "required": ["bindings"],
                "properties": {
                    "bindings": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "description": "A solution: each bound variable and its value.",
                            "additionalProperties": {"$ref": "#/components/schemas/RdfTerm"},
                        },
                    }
                },
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
                        "url": {"type": "string", "format": "uri-reference"},
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


_RETRY_AFTER = {
    "description": "Seconds to wait before asking again.",
    "schema": {"type": "integer", "minimum": 0},
}


def _problem(description: str, *, retry: bool = False) -> dict[str, Any]:
    """A response whose body is problem details, or the same message as text for a client
    that prefers it."""
    response: dict[str, Any] = {
        "description": description,
        "content": {
            _PROBLEM: {"schema": {"$ref": "#/components/schemas/Problem"}},
            "text/plain": _TEXT,
        },
    }
    if retry:
        response["headers"] = {"Retry-After": {"$ref": "#/components/headers/RetryAfter"}}
    return response


#: Every error an operation can answer: name under components/responses -> (status, response).
_RESPONSES: dict[str, tuple[str, dict[str, Any]]] = {
    "BadRequest": (
        "400",
        _problem(
            "A parameter is missing, unknown, repeated or does not fit its type, "
            "or format= names no form of the result."
        ),
    ),
    "NotAcceptable": ("406", _problem("None of the media types in Accept is offered.")),
    "ContentTooLarge": (
        "413",
        _problem("The query with its parameters bound is longer than the server accepts."),
    ),
    "UriTooLong": (
        "414",
        {
            "description": (
                "The request line is longer than the web server reads; the web server "
                "answers this itself, with no body."
            )
        },
    ),
    "TooManyRequests": (
        "429",
        _problem("This client already has as many queries running as it may.", retry=True),
    ),
    "InternalServerError": ("500", _problem("The query engine failed.")),
    "ServiceUnavailable": (
        "503",
        _problem(
            "The query ran past the time limit or a result or memory limit, "
            "or every query worker was busy.",
            retry=True,
        ),
    ),
}

_CATALOGUE_ERRORS = ("BadRequest", "NotAcceptable", "InternalServerError")


def _errors(names: Iterable[str]) -> dict[str, Any]:
    return {_RESPONSES[name][0]: {"$ref": f"#/components/responses/{name}"} for name in names}


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
    operation["responses"].update(_errors(_RESPONSES))
    if query.decorators.description:
        operation["description"] = query.decorators.description
    if query.decorators.tags:
        operation["tags"] = list(query.decorators.tags)
    return operation


def document(catalogue: Catalogue, *, max_limit: int, server: str) -> dict[str, Any]:
    """The OpenAPI 3.1 document for ``catalogue`` with pages of at most ``max_limit``, as
    served at ``server`` (the URL that the paths, which start with ``/api/``, follow)."""
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
                    },
                    **_errors(_CATALOGUE_ERRORS),
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
                "with its parameters bound. Errors are RFC 9457 problem details "
                "(application/problem+json), or text for a client that prefers text/plain."
            ),
            "license": {"name": "MIT", "identifier": "MIT"},
        },
        "servers": [{"url": server}],
        "tags": [{"name": tag} for tag in tags],
        "paths": paths,
        "components": {
            "schemas": _SCHEMAS,
            "responses": {name: response for name, (_, response) in _RESPONSES.items()},
            "headers": {"RetryAfter": _RETRY_AFTER},
        },
    }
