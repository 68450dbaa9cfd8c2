"""The canned queries for people: the gallery at ``/api/queries`` and the form above a result.

A parameter's field follows its decorators and type: a choice for allowed values,
a month or date picker for months and dates, a number for integers, text with a
hint otherwise. Values a field shows are those of the request, else the default.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from rdflib import URIRef

from aseankg.canned import CannedQuery
from aseankg.canned.parameters import Parameter
from aseankg.web.linkeddata.labels import label_index

#: Type name -> (input type, what a value looks like).
_INPUTS: dict[str, tuple[str, str]] = {
    "iri": ("text", "an IRI, such as https://w3id.org/aseankg/id/country/my"),
    "string": ("text", "text"),
    "integer": ("number", "a whole number"),
    "decimal": ("text", "a decimal number, such as 2.5"),
    "boolean": ("text", "true or false"),
    "date": ("date", "a date, YYYY-MM-DD"),
    "gYear": ("text", "a year, YYYY"),
    "gYearMonth": ("month", "a month, YYYY-MM"),
}


@dataclass(frozen=True)
class Choice:
    value: str
    text: str


@dataclass(frozen=True)
class Field:
    """One parameter as a form field."""

    name: str
    input_type: str
    """``select`` for allowed values, else an HTML input type."""
    hint: str
    required: bool
    value: str
    choices: tuple[Choice, ...] = ()


def _choice(value: str) -> Choice:
    label = label_index().get(URIRef(value))
    return Choice(value, f"{label} ({value})" if label else value)


def field(parameter: Parameter, given: Mapping[str, str]) -> Field:
    """The field of ``parameter``, showing the value ``given`` for it (or its default)."""
    value = given.get(parameter.name, parameter.default or "")
    if parameter.language:
        input_type, hint = "text", f"text in the language tagged '{parameter.language}'"
    else:
        input_type, hint = _INPUTS.get(parameter.type.name, ("text", parameter.type.name))
    if parameter.default is not None:
        hint = f"{hint}; {parameter.default} when left empty"
    elif parameter.optional:
        hint = f"{hint}; optional"
    if parameter.allowed:
        return Field(
            parameter.name,
            "select",
            "optional" if parameter.optional else "",
            parameter.required,
            value,
            tuple(_choice(allowed) for allowed in parameter.allowed),
        )
    return Field(parameter.name, input_type, hint, parameter.required, value)


def fields(query: CannedQuery, given: Mapping[str, str]) -> tuple[Field, ...]:
    return tuple(field(parameter, given) for parameter in query.parameters)
