"""Options and option types that several subcommands share, defined once."""

from collections.abc import Sequence
from typing import Any

import click

from aseankg.formats import Syntax, find, names


class SyntaxType(click.ParamType):
    """A syntax named as everywhere else: short name, alias, media type or suffix."""

    name = "format"

    def __init__(self, syntaxes: Sequence[Syntax]) -> None:
        self.syntaxes = tuple(syntaxes)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, Syntax):
            return value
        found = find(self.syntaxes, str(value))
        if found is None:
            self.fail(f"'{value}' is not one of {names(self.syntaxes)}", param, ctx)
        return found

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "[" + "|".join(syntax.name for syntax in self.syntaxes) + "]"
