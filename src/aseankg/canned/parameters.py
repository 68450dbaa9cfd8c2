"""Typed query parameters, named in the BASIL convention grlc uses.

A variable ``?_country_iri`` is a parameter ``country`` whose value must be an IRI;
``?__topic_iri`` is the same but optional (left unbound when not given);
``?_name_en`` takes a literal tagged ``@en``. A value is turned into an RDF term here,
checked against its type, and never reaches the query text any other way than as that
term's own serialization.
"""

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pyoxigraph
from rdflib.namespace import XSD

from aseankg.canned.errors import ParameterError
from aseankg.engine import Term

#: ``?_name``, ``?_name_type`` or ``?__name_type``; names and types have no underscores.
VARIABLE = re.compile(r"(?P<marker>__?)(?P<name>[A-Za-z][A-Za-z0-9]*)(?:_(?P<type>[A-Za-z0-9]+))?")
#: A language subtag used as the type: ``?_name_en``.
LANGUAGE = re.compile(r"[a-z]{2,3}")


@dataclass(frozen=True)
class ParameterType:
    """How values of one kind are checked and turned into terms."""

    name: str
    convert: Callable[[str], Term]
    schema: dict[str, Any]
    """The JSON Schema of the value as it appears in a URL (OpenAPI ``schema``)."""
    language: str | None = None
    """The tag of the literals this type makes, for ``?_name_en``-style parameters."""


def _iri(value: str) -> Term:
    try:
        return pyoxigraph.NamedNode(value)
    except ValueError as error:
        raise ValueError(f"not an absolute IRI ({error})") from None


def _typed(pattern: str, datatype: str, what: str) -> Callable[[str], Term]:
    """A converter for an XSD datatype whose lexical form ``pattern`` describes."""
    compiled = re.compile(pattern)
    node = pyoxigraph.NamedNode(str(XSD[datatype]))

    def convert(value: str) -> Term:
        if not compiled.fullmatch(value):
            raise ValueError(f"'{value}' is not {what}")
        return pyoxigraph.Literal(value, datatype=node)

    return convert


def _date(value: str) -> Term:
    term = _typed(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", "date", "a date (YYYY-MM-DD)")(value)
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"'{value}' is not a date of the calendar") from None
    return term


def _string(value: str) -> Term:
    return pyoxigraph.Literal(value)


_DECIMAL = r"[+-]?(?:[0-9]{1,18}(?:\.[0-9]{0,18})?|\.[0-9]{1,18})"
_YEAR = r"[0-9]{4}"
_MONTH = r"[0-9]{4}-(?:0[1-9]|1[0-2])"

TYPES: dict[str, ParameterType] = {
    kind.name: kind
    for kind in (
        ParameterType("iri", _iri, {"type": "string", "format": "iri"}),
        ParameterType("string", _string, {"type": "string"}),
        ParameterType(
            "integer",
            _typed(r"[+-]?[0-9]{1,18}", "integer", "an integer"),
            {"type": "integer", "minimum": -(10**18) + 1, "maximum": 10**18 - 1},
        ),
        ParameterType(
            "decimal",
            _typed(_DECIMAL, "decimal", "a decimal number"),
            {"type": "string", "pattern": f"^{_DECIMAL}$"},
        ),
        ParameterType(
            "boolean",
            _typed("true|false", "boolean", "true or false"),
            {"type": "boolean"},
        ),
        ParameterType("date", _date, {"type": "string", "format": "date"}),
        ParameterType(
            "gYear",
            _typed(_YEAR, "gYear", "a year (YYYY)"),
            {"type": "string", "pattern": f"^{_YEAR}$"},
        ),
        ParameterType(
            "gYearMonth",
            _typed(_MONTH, "gYearMonth", "a month (YYYY-MM)"),
            {"type": "string", "pattern": f"^{_MONTH}$"},
        ),
    )
}


def language_type(tag: str) -> ParameterType:
    """Values become literals tagged ``tag``."""
    return ParameterType(
        tag,
        lambda value: pyoxigraph.Literal(value, language=tag),
        {"type": "string"},
        language=tag,
    )


def type_named(name: str | None) -> ParameterType | None:
    """The type a variable's suffix names (``None``: plain string), or None if unknown."""
    if name is None:
        return TYPES["string"]
    if name in TYPES:
        return TYPES[name]
    if LANGUAGE.fullmatch(name):
        return language_type(name)
    return None


@dataclass(frozen=True)
class Parameter:
    """One parameter of a canned query."""

    name: str
    """The name callers use (``country`` for ``?_country_iri``)."""
    variable: str
    """The query variable, without ``?``."""
    type: ParameterType
    optional: bool
    """Declared with ``?__``: left unbound when not given."""
    default: str | None = None
    allowed: tuple[str, ...] = ()

    @property
    def required(self) -> bool:
        return not self.optional and self.default is None

    @property
    def language(self) -> str | None:
        return self.type.language

    def term(self, value: str) -> Term:
        """``value`` as an RDF term, or ParameterError saying why it does not fit."""
        if self.allowed and value not in self.allowed:
            raise ParameterError(self.name, f"'{value}' is not one of {', '.join(self.allowed)}")
        try:
            return self.type.convert(value)
        except ValueError as error:
            raise ParameterError(self.name, str(error)) from None

    def describe(self) -> dict[str, Any]:
        """The parameter as the catalogue lists it."""
        return {
            "name": self.name,
            "type": "string" if self.language else self.type.name,
            "language": self.language,
            "required": self.required,
            "default": self.default,
            "allowed": list(self.allowed),
            "variable": f"?{self.variable}",
        }

    def schema(self) -> dict[str, Any]:
        """JSON Schema of the value: its type's, narrowed by allowed values and default."""
        schema = dict(self.type.schema)
        if self.allowed:
            schema = {"type": "string", "enum": list(self.allowed)}
        if self.default is not None:
            schema["default"] = _json_value(self.default, schema)
        return schema


def _json_value(value: str, schema: dict[str, Any]) -> Any:
    """A default as the JSON value its schema describes (``5`` for an integer, not ``"5"``)."""
    if schema.get("type") == "integer":
        return int(value)
    if schema.get("type") == "boolean":
        return value == "true"
    return value
