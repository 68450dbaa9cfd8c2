"""The catalogue: every ``queries/*.rq`` file, checked once when it is loaded.

Loading reads the decorators, finds the parameters among the query's variables and
checks the structure that safe binding and pagination rely on, so a request never
meets a query that could not be bound or paged correctly.
"""

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph

from aseankg.canned import decorators
from aseankg.canned.decorators import Decorators
from aseankg.canned.errors import CatalogueError, ParameterError, UnknownQuery
from aseankg.canned.parameters import TYPES, VARIABLE, Parameter, ParameterType, type_named
from aseankg.engine import guard
from aseankg.engine.errors import EngineError

#: Query names appear in URLs and OpenAPI operation ids.
NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
#: Request parameters the API itself uses; no query parameter may take these names.
RESERVED = frozenset({"limit", "offset", "format"})
#: Solution modifiers the API adds; a query that set them itself could not be paged.
_API_OWNED = ("LIMIT", "OFFSET", "VALUES")
_OXIGRAPH_POSITION = re.compile(r"error at (\d+):(\d+)")


@dataclass(frozen=True)
class CannedQuery:
    """One decorated query, ready to be bound and run."""

    name: str
    path: Path
    decorators: Decorators
    form: str
    """SELECT, ASK, CONSTRUCT or DESCRIBE."""
    text: str
    """The query without its header."""
    parameters: tuple[Parameter, ...]
    values_at: tuple[int, ...]
    """Offsets in ``text`` where bindings go: just inside the outermost WHERE group, and
    just inside each UNION branch directly in it (see ``binding``)."""

    @property
    def paginated(self) -> bool:
        """SELECT results come in pages; graphs and booleans come whole."""
        return self.form == "SELECT"

    def describe(self) -> dict[str, Any]:
        """The query as the catalogue lists it (``GET /api/queries``, ``aseankg query --list``)."""
        header = self.decorators
        return {
            "name": self.name,
            "summary": header.summary,
            "description": header.description,
            "tags": list(header.tags),
            "form": self.form,
            "parameters": [parameter.describe() for parameter in self.parameters],
            "pagination": {"limit": header.pagination} if self.paginated else None,
        }


class _Checker:
    """Structural checks of one query's text, reporting lines of the whole file."""

    def __init__(self, path: Path, body: str, first_line: int) -> None:
        self.path = path
        self.body = body
        self.first_line = first_line
        self.tokens = guard.lex(body)

    def fail(self, message: str, offset: int | None = None) -> CatalogueError:
        line = None if offset is None else self.line(offset)
        return CatalogueError(self.path, message, line)

    def line(self, offset: int) -> int:
        return self.first_line + self.body.count("\n", 0, offset)

    def form(self) -> str:
        try:
            form = guard.inspect(self.body).form
        except EngineError as error:
            raise self.fail(str(error)) from None
        try:
            pyoxigraph.Store().query(self.body)
        except SyntaxError as error:
            found = _OXIGRAPH_POSITION.search(str(error))
            line = self.first_line + int(found.group(1)) - 1 if found else None
            raise CatalogueError(self.path, f"SPARQL syntax: {error}", line) from None
        return form

    def values_at(self) -> tuple[int, ...]:
        """Just inside ``WHERE {`` of the outermost query, which must be spelt out, and just
        inside each UNION branch directly in that group."""
        where = next(
            (
                index + 1
                for index, token in enumerate(self.tokens[:-1])
                if token.depth == 0
                and token.text.upper() == "WHERE"
                and self.tokens[index + 1].kind == "open"
            ),
            None,
        )
        if where is None:
            raise self.fail(
                "a canned query needs an explicit 'WHERE {' (parameters are bound there)"
            )
        return (self.tokens[where].start + 1, *self._union_branches(where))

    def _union_branches(self, where: int) -> list[int]:
        """Offsets just inside each group at depth 1 that is an operand of UNION."""
        groups: list[tuple[int, int]] = []  # (index of "{", index just past its "}")
        for index in range(where + 1, len(self.tokens)):
            token = self.tokens[index]
            if token.depth == 0:
                break
            if token.depth == 1 and token.kind == "open":
                groups.append((index, guard.after_block(self.tokens, index)))

        def is_union(index: int) -> bool:
            token = self.tokens[index] if index < len(self.tokens) else None
            return token is not None and token.kind == "word" and token.text.upper() == "UNION"

        return [
            self.tokens[opened].start + 1
            for opened, closed in groups
            if is_union(opened - 1) or is_union(closed)
        ]

    def check_modifiers(self, form: str) -> None:
        top = [t for t in self.tokens if t.depth == 0 and t.kind == "word"]
        for token in top:
            if token.text.upper() in _API_OWNED:
                raise self.fail(
                    f"{token.text.upper()} after the WHERE group: the API adds LIMIT/OFFSET "
                    "for pagination and binds parameters itself",
                    token.start,
                )
        if form == "SELECT" and not any(t.text.upper() == "ORDER" for t in top):
            raise self.fail("a SELECT query needs ORDER BY so that its pages do not overlap")

    def parameter_tokens(self) -> list[guard.Token]:
        return [t for t in self.tokens if t.kind == "var" and t.text[1:].startswith("_")]

    def check_not_in_subqueries(self, variables: set[str]) -> None:
        """A value bound in the outer WHERE group does not reach into a subquery."""
        for index, token in enumerate(self.tokens):
            if token.kind != "word" or token.text.upper() != "SELECT" or token.depth == 0:
                continue
            for inner in self.tokens[index + 1 :]:
                if inner.kind == "close" and inner.depth == token.depth - 1:
                    break
                if inner.kind == "var" and inner.text[1:] in variables:
                    raise self.fail(
                        f"parameter {inner.text} is used inside a subquery, which a bound "
                        "value does not reach; use it in the outer query",
                        inner.start,
                    )


def _declared(checker: _Checker) -> dict[str, tuple[str, ParameterType, bool]]:
    """Parameter name -> (variable, type, optional), from the query's variables."""
    found: dict[str, tuple[str, ParameterType, bool]] = {}
    for token in checker.parameter_tokens():
        variable = token.text[1:]
        match = VARIABLE.fullmatch(variable)
        if not match:
            raise checker.fail(
                f"variable {token.text} starts with '_' but is not a parameter name of the form "
                "?_name_type or ?__name_type (name and type without underscores)",
                token.start,
            )
        kind = type_named(match.group("type"))
        if kind is None:
            raise checker.fail(
                f"variable {token.text}: unknown type '{match.group('type')}'; use one of "
                f"{', '.join(TYPES)} or a language tag such as 'en'",
                token.start,
            )
        name, optional = match.group("name"), match.group("marker") == "__"
        if name in RESERVED:
            raise checker.fail(f"parameter name '{name}' is reserved by the API", token.start)
        if name in found and found[name][0] != variable:
            raise checker.fail(
                f"parameter '{name}' is declared by both ?{found[name][0]} and {token.text}",
                token.start,
            )
        found[name] = (variable, kind, optional)
    return found


def _parameters(
    path: Path, header: Decorators, declared: dict[str, tuple[str, ParameterType, bool]]
) -> tuple[Parameter, ...]:
    """Combine the variables with the header's defaults and allowed values, checking both."""
    for key, named in (("defaults", header.defaults), ("enumerate", header.enumerate)):
        for name in named:
            if name not in declared:
                known = ", ".join(declared) or "none"
                raise CatalogueError(
                    path, f"{key}: '{name}' is not a parameter of this query (parameters: {known})"
                )
    parameters = []
    for name, (variable, kind, optional) in declared.items():
        default = header.defaults.get(name)
        if optional and default is not None:
            raise CatalogueError(
                path, f"defaults: '{name}' is optional (?__) and so cannot have a default"
            )
        parameter = Parameter(
            name, variable, kind, optional, default, header.enumerate.get(name, ())
        )
        try:
            for value in parameter.allowed:
                Parameter(name, variable, kind, optional).term(value)
            if default is not None:
                parameter.term(default)
        except ParameterError as error:
            raise CatalogueError(path, f"header: {error}") from None
        parameters.append(parameter)
    return tuple(parameters)


def load_query(path: Path) -> CannedQuery:
    """Read and check one ``.rq`` file."""
    if not NAME.fullmatch(path.stem):
        raise CatalogueError(path, "a query file is named like events-by-country.rq")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CatalogueError(path, f"cannot be read: {error}") from error
    header, body = decorators.parse(path, text)
    checker = _Checker(path, body, header.header_lines + 1)
    form = checker.form()
    values_at = checker.values_at()
    checker.check_modifiers(form)
    declared = _declared(checker)
    checker.check_not_in_subqueries({variable for variable, _, _ in declared.values()})
    return CannedQuery(
        name=path.stem,
        path=path,
        decorators=header,
        form=form,
        text=body,
        parameters=_parameters(path, header, declared),
        values_at=values_at,
    )


class Catalogue(Mapping[str, CannedQuery]):
    """The canned queries of one folder, by name."""

    def __init__(self, queries: list[CannedQuery]) -> None:
        self._queries = {query.name: query for query in queries}

    @classmethod
    def load(cls, directory: Path) -> "Catalogue":
        paths = sorted(directory.glob("*.rq"))
        if not paths:
            raise CatalogueError(directory, "no canned queries (*.rq files) in this folder")
        return cls([load_query(path) for path in paths])

    def __getitem__(self, name: str) -> CannedQuery:
        try:
            return self._queries[name]
        except KeyError:
            raise UnknownQuery(name, list(self._queries)) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._queries)

    def __len__(self) -> int:
        return len(self._queries)
