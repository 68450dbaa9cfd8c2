"""The hostile corpus as data: one YAML file per case.

Long generated inputs are written compactly: a text field may be given as a list
of parts, each a string or ``{text: ..., times: N}``, which are joined. Placeholders
such as ``{canary}`` are filled in by the runner that sends the case. A request body
is sent as UTF-8 unless its ``body_encoding`` names another codec (``utf-16``).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).parent


@dataclass(frozen=True)
class Case:
    name: str
    spec: dict[str, Any]

    def __str__(self) -> str:
        return self.name

    def uses(self, placeholder: str) -> bool:
        """Whether ``{placeholder}`` appears anywhere in the case."""
        return "{" + placeholder + "}" in yaml.safe_dump(self.spec)


def text(value: str | list[Any], placeholders: Mapping[str, str]) -> str:
    """A text field: a string, or a list of parts joined, with placeholders filled."""
    parts = value if isinstance(value, list) else [value]
    joined = "".join(
        part if isinstance(part, str) else str(part["text"]) * int(part["times"]) for part in parts
    )
    for name, replacement in placeholders.items():
        joined = joined.replace("{" + name + "}", replacement)
    return joined


def load(folder: str) -> list[Case]:
    """Every case in ``tests/hostile/FOLDER``, by file name."""
    return [
        Case(path.stem, yaml.safe_load(path.read_text(encoding="utf-8")))
        for path in sorted((HERE / folder).glob("*.yaml"))
    ]
