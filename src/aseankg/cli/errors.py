"""Exit codes and error reporting shared by every subcommand."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, TypeVar

import click

from aseankg.errors import LayoutError, SourceError

#: A file could not be read, parsed or written.
EXIT_INPUT = 2

P = ParamSpec("P")
R = TypeVar("R")


class InputError(click.ClickException):
    """A file that cannot be read, parsed or written: exit status 2, one ``path:line: message``."""

    exit_code = EXIT_INPUT


@contextmanager
def input_errors() -> Iterator[None]:
    try:
        yield
    except (SourceError, LayoutError) as error:
        raise InputError(str(error)) from error


def reports_input_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Decorate a command so unreadable input exits 2 with a one-line message."""

    @wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with input_errors():
            return command(*args, **kwargs)

    return wrapper
