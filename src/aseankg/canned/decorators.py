"""What the ``#+`` header of a canned query may say (read by ``aseankg.canned.header``).

Besides a summary and description, it sets parameter defaults and allowed values and
the page size; a typo must not silently turn a parameter's default or allowed values off.
"""

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aseankg.canned.errors import CatalogueError
from aseankg.canned.header import Header, read_header

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


class _Reader:
    """Checks the parsed header key by key, reporting problems at the key's line."""

    def __init__(self, header: Header) -> None:
        self.header = header
        self.document = header.document
        self.fail = header.fail

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
    header, body = read_header(path, text, KEYS, CatalogueError)
    reader = _Reader(header)
    tags = header.document.get("tags")
    decorators = Decorators(
        summary=header.text("summary", required=True),
        description=header.text("description"),
        tags=() if tags is None else reader.texts("tags", tags),
        defaults=reader.defaults(),
        enumerate=reader.enumerate(),
        pagination=reader.pagination(),
        header_lines=len(header.lines),
    )
    if "\n" in decorators.summary:
        raise header.fail("summary", "must fit on one line")
    return decorators, body
