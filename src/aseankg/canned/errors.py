"""What can be wrong with a canned query file or with the values a caller gives it."""

from aseankg.errors import SourceError


class CatalogueError(SourceError):
    """A ``.rq`` file whose decorators or structure are invalid; reads ``path:line: message``.

    It is a SourceError because a malformed query file is bad input like a malformed
    data file: commands report it the same way and exit with the same status.
    """


class ParameterError(ValueError):
    """A request value that does not fit its parameter; the message names the parameter."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(f"parameter '{parameter}': {message}")
        self.parameter = parameter


class UnknownQuery(KeyError):
    """No canned query has the requested name (a KeyError, so ``in`` and ``get`` work)."""

    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__(name)
        self.message = f"no canned query is named '{name}'; the catalogue has: {', '.join(known)}"

    def __str__(self) -> str:
        return self.message
