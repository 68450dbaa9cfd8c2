"""The ``#+`` decorators at the top of a ``.rq`` file, read strictly.

As in grlc, the lines that start with ``#+`` form a YAML document. Unlike grlc, a
header that is not valid YAML, has an unknown key, a value of the wrong kind or the
same key twice is an error that names the file and line: a typo must not silently
turn a parameter's default or allowed values off.
"""

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from aseankg.canned.errors import CatalogueError

PREFIX = "#+"
#: Largest page a paginated query may return; ``pagination`` and ``limit`` stay within it.
MAX_PAGE_SIZE = 1000
DEFAULT_PAGE_SIZE = 100

KEYS = ("summary", "description", "tags", "defaults", "enumerate", "pagination")


@dataclass(frozen=True)
class Decorators:
    """What a query's header says about it."""

    summary: str
    description: str
    tags: tuple[str, ...]
    defaults: dict[str, str]
    """Parameter name -> default value, as written."""
    enumerate: dict[str, tuple[str, ...]]
    """Parameter name -> the values it allows."""
    pagination: int
    """Default page size (the ``limit`` when the caller gives none)."""
    header_lines: int
    """How many lines the header takes; the query proper starts after them."""


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


def split_header(path: Path, text: str) -> tuple[list[str], str]:
    """The YAML lines of the header and the query text after it."""
    lines = text.splitlines(keepends=True)
    header: list[str] = []
    for line in lines:
        if not line.startswith(PREFIX):
            break
        content = line[len(PREFIX) :].rstrip("\r\n")
        if content and not content.startswith(" "):
            raise CatalogueError(path, f"'{PREFIX}' must be followed by a space", len(header) + 1)
        header.append(content[1:])
    if not header:
        raise CatalogueError(path, f"the file must start with '{PREFIX} summary: ...'", 1)
    for number, line in enumerate(lines[len(header) :], start=len(header) + 1):
        if line.lstrip().startswith(PREFIX):
            raise CatalogueError(
                path, f"'{PREFIX}' decorators belong in the header at the top of the file", number
            )
    return header, "".join(lines[len(header) :])


def _line_of(header: list[str], key: str) -> int:
    """The header line (1-based) where a top-level key is set."""
    pattern = re.compile(rf"{re.escape(key)}\s*:")
    return next((i for i, line in enumerate(header, 1) if pattern.match(line)), 1)


class _Reader:
    """Checks the parsed header key by key, reporting problems at the key's line."""

    def __init__(self, path: Path, header: list[str], document: dict[str, Any]) -> None:
        self.path = path
        self.header = header
        self.document = document

    def fail(self, key: str, message: str) -> CatalogueError:
        return CatalogueError(self.path, f"{key}: {message}", _line_of(self.header, key))

    def text(self, key: str, *, required: bool = False) -> str:
        value = self.document.get(key)
        if value is None:
            if required:
                raise self.fail(key, "is required")
            return ""
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, "must be a non-empty text")
        return value.strip()

    def texts(self, key: str, value: Any) -> tuple[str, ...]:
        if not isinstance(value, list) or not value:
            raise self.fail(key, "must be a non-empty list")
        if not all(isinstance(item, str) and item.strip() for item in value):
            raise self.fail(key, "every item must be a non-empty text")
        if len(set(value)) != len(value):
            raise self.fail(key, "lists a value twice")
        return tuple(value)

    def per_parameter(self, key: str) -> dict[str, Any]:
        """A mapping of parameter name -> value; grlc's list of one-key mappings also works."""
        value = self.document.get(key)
        if value is None:
            return {}
        if isinstance(value, list):
            merged: dict[str, Any] = {}
            for item in value:
                if not isinstance(item, dict) or len(item) != 1:
                    raise self.fail(key, "each list item must map one parameter name to a value")
                name = next(iter(item))
                if name in merged:
                    raise self.fail(key, f"parameter '{name}' is given twice")
                merged.update(item)
            value = merged
        if not isinstance(value, dict) or not value:
            raise self.fail(key, "must map parameter names to values")
        return value

    def defaults(self) -> dict[str, str]:
        found = self.per_parameter("defaults")
        for name, value in found.items():
            if not isinstance(value, str):
                raise self.fail("defaults", f"the default of '{name}' must be a single value")
        return found

    def enumerate(self) -> dict[str, tuple[str, ...]]:
        return {
            name: self.texts("enumerate", values)
            for name, values in self.per_parameter("enumerate").items()
        }

    def pagination(self) -> int:
        value = self.document.get("pagination")
        if value is None:
            return DEFAULT_PAGE_SIZE
        if not isinstance(value, str) or not re.fullmatch(r"[0-9]+", value):
            raise self.fail("pagination", "must be a whole number of results per page")
        size = int(value)
        if not 1 <= size <= MAX_PAGE_SIZE:
            raise self.fail("pagination", f"must be between 1 and {MAX_PAGE_SIZE}")
        return size


def parse(path: Path, text: str) -> tuple[Decorators, str]:
    """The decorators of a query file and the query text that follows them."""
    header, body = split_header(path, text)
    try:
        document = yaml.load("\n".join(header), Loader=_StrictLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        message = f"the {PREFIX} header is not valid YAML: {error.problem}"
        raise CatalogueError(path, message, line) from None
    if not isinstance(document, dict):
        raise CatalogueError(path, f"the {PREFIX} header must be a YAML mapping of keys", 1)
    reader = _Reader(path, header, document)
    for key in document:
        if key not in KEYS:
            raise reader.fail(str(key), f"unknown decorator; the known ones are {', '.join(KEYS)}")
    tags = document.get("tags")
    decorators = Decorators(
        summary=reader.text("summary", required=True),
        description=reader.text("description"),
        tags=() if tags is None else reader.texts("tags", tags),
        defaults=reader.defaults(),
        enumerate=reader.enumerate(),
        pagination=reader.pagination(),
        header_lines=len(header),
    )
    if "\n" in decorators.summary:
        raise reader.fail("summary", "must fit on one line")
    return decorators, body
