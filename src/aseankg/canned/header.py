"""The ``#+`` header at the top of a ``.rq`` file, read strictly.

Canned queries and structural checks both describe themselves this way. As in grlc,
the lines that start with ``#+`` form a YAML document. Unlike grlc, a header that is
not valid YAML, has an unknown key, a value of the wrong kind or the same key twice
is an error that names the file and line: a typo must not silently change what a
query does or says.
"""

import re
from collections.abc import Collection
from pathlib import Path
from typing import Any

import yaml

from aseankg.errors import SourceError

PREFIX = "#+"


class _StrictLoader(yaml.BaseLoader):
    """YAML with every scalar kept as written (no 2025-04 -> date, no ``no`` -> False),
    and a repeated key refused instead of the last one silently winning."""


def _mapping(loader: _StrictLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"key '{key}' appears twice", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


class Header:
    """The parsed header of one file; problems are reported at the line of their key."""

    def __init__(
        self, path: Path, lines: list[str], document: dict[str, Any], error: type[SourceError]
    ) -> None:
        self.path = path
        self.lines = lines
        """The YAML lines, without their ``#+ `` prefix."""
        self.document = document
        self.error = error

    def fail(self, key: str, message: str) -> SourceError:
        """An error naming ``key`` at the line that sets it."""
        pattern = re.compile(rf"{re.escape(key)}\s*:")
        line = next((i for i, text in enumerate(self.lines, 1) if pattern.match(text)), 1)
        return self.error(self.path, f"{key}: {message}", line)

    def text(self, key: str, *, required: bool = False) -> str:
        """A non-empty text value; "" when the key is absent and not required."""
        value = self.document.get(key)
        if value is None:
            if required:
                raise self.fail(key, "is required")
            return ""
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, "must be a non-empty text")
        return value.strip()


def _split(path: Path, text: str, error: type[SourceError]) -> tuple[list[str], str]:
    """The YAML lines of the header and the query text after it."""
    lines = text.splitlines(keepends=True)
    header: list[str] = []
    for line in lines:
        if not line.startswith(PREFIX):
            break
        content = line[len(PREFIX) :].rstrip("\r\n")
        if content and not content.startswith(" "):
            raise error(path, f"'{PREFIX}' must be followed by a space", len(header) + 1)
        header.append(content[1:])
    if not header:
        raise error(path, f"the file must start with '{PREFIX} summary: ...'", 1)
    for number, line in enumerate(lines[len(header) :], start=len(header) + 1):
        if line.lstrip().startswith(PREFIX):
            raise error(
                path, f"'{PREFIX}' decorators belong in the header at the top of the file", number
            )
    return header, "".join(lines[len(header) :])


def read_header(
    path: Path, text: str, keys: Collection[str], error: type[SourceError]
) -> tuple[Header, str]:
    """The header of ``text`` (whose keys must be among ``keys``) and the query after it.

    Every problem raises ``error`` (a SourceError: ``path:line: message``).
    """
    lines, body = _split(path, text, error)
    try:
        document = yaml.load("\n".join(lines), Loader=_StrictLoader)
    except yaml.MarkedYAMLError as problem:
        mark = problem.problem_mark or problem.context_mark
        line = mark.line + 1 if mark else 1
        message = f"the {PREFIX} header is not valid YAML: {problem.problem}"
        raise error(path, message, line) from None
    if not isinstance(document, dict):
        raise error(path, f"the {PREFIX} header must be a YAML mapping of keys", 1)
    header = Header(path, lines, document, error)
    for key in document:
        if key not in keys:
            raise header.fail(str(key), f"unknown decorator; the known ones are {', '.join(keys)}")
    return header, body
