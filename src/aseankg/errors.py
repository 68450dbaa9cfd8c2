"""Errors about input files and folders, shared by every part that reads them.

The loaders, the validator, the engine and the command line all report a file that
cannot be read, parsed or placed the same way: ``path:line: message``.
"""

from pathlib import Path


class LayoutError(Exception):
    """A data folder is not laid out as aseankg expects."""


class SourceError(Exception):
    """A file that cannot be read or parsed; ``str()`` reads ``path:line: message``."""

    def __init__(self, path: Path, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.message = message
        self.line = line

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.message}"
