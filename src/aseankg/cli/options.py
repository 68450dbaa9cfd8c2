"""Options and option types that several subcommands share, defined once."""

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from aseankg.backends.kinds import NAMES as STORE_KINDS
from aseankg.engine import Limits
from aseankg.rdf.formats import Syntax, find, names
from aseankg.sources import bundle
from aseankg.sources.files import Source, dataset_sources

F = TypeVar("F", bound=Callable[..., Any])

#: The engine's own defaults, so that every command and the server agree on them.
LIMITS = Limits()


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


#: ``--data FOLDER``: the data to use instead of the bundled data (query, serve, export, validate).
data_option: Callable[[F], F] = click.option(
    "--data",
    "data_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="A folder laid out like data/ (reference/ and stories/). Default: the bundled data.",
)

#: ``--article FOLDER``: article folders to read besides the data (query, serve, export,
#: validate, find).
articles_option: Callable[[F], F] = click.option(
    "--article",
    "article_dirs",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="An article folder (article.ttl and stories/) to read besides the data; repeat "
    "for several.",
)


def data_sources_of(data_dir: Path | None, article_dirs: Sequence[Path] = ()) -> list[Source]:
    """The files of the dataset the options ``--data`` and ``--article`` name."""
    return dataset_sources(data_dir or bundle.data_dir(), bundle.ontology_dir(), article_dirs)


#: ``--store-kind KIND``: what kind of store server ``--store URL`` is (load, serve).
store_kind_option: Callable[[F], F] = click.option(
    "--store-kind",
    type=click.Choice(STORE_KINDS),
    help="The kind of store server --store names (see docs/stores.md); by default recognised "
    "from its answers, and plain SPARQL 1.1 when not.",
)

#: ``--max-rows N``: the engine's row cap.
max_rows_option: Callable[[F], F] = click.option(
    "--max-rows",
    default=LIMITS.max_rows,
    show_default=True,
    type=click.IntRange(min=1),
    help="Most solutions one query returns.",
)


def timeout_option(when_stopped: str) -> Callable[[F], F]:
    """``--timeout S``: the engine's time limit; ``when_stopped`` says what the user sees."""
    return click.option(
        "--timeout",
        default=LIMITS.timeout,
        show_default=True,
        type=click.FloatRange(min=0.1),
        help=f"Seconds a query may run before it is stopped ({when_stopped}).",
    )
