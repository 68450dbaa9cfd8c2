"""How files on disk map to the graphs of the dataset.

The ontology goes into a graph named by the ontology IRI, every file under
``reference/`` into the reference graph, and ``stories/NN-*.ttl`` into the
named graph of story NN (``graph/story/NN``, digits as written). Keeping this
mapping in one place lets the rdflib loader, the query engine and the validator
read the same files the same way.
"""

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import URIRef

from aseankg.formats import RDF_SYNTAXES, Syntax
from aseankg.namespaces import ONTOLOGY, REFERENCE_GRAPH, STORY_GRAPH

ONTOLOGY_FILE = "aseankg.ttl"
SHAPES_FILE = "shapes.ttl"

#: File suffix -> syntax, for every RDF syntax we read.
SYNTAX_OF_SUFFIX: dict[str, Syntax] = {syntax.suffix: syntax for syntax in RDF_SYNTAXES}

_STORY_FILE = re.compile(r"^(\d{2,})-[a-z0-9-]+\.ttl$")


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


@dataclass(frozen=True)
class Source:
    """One RDF file and the named graph its triples belong to."""

    path: Path
    graph: URIRef

    @property
    def syntax(self) -> Syntax:
        return SYNTAX_OF_SUFFIX[self.path.suffix]


def shapes_path(ontology_dir: Path) -> Path:
    """The SHACL shapes of an ontology folder (the file may be absent from other folders)."""
    return ontology_dir / SHAPES_FILE


def ontology_sources(ontology_dir: Path) -> list[Source]:
    path = ontology_dir / ONTOLOGY_FILE
    if not path.is_file():
        raise LayoutError(f"{path}: ontology file not found")
    return [Source(path, ONTOLOGY)]


def _require_folder(folder: Path) -> None:
    if not folder.is_dir():
        raise LayoutError(
            f"{folder}: folder not found (a data folder holds reference/ and stories/)"
        )


def reference_sources(data_dir: Path) -> list[Source]:
    """The files of ``reference/``: entities and vocabularies that every story may use."""
    reference = data_dir / "reference"
    _require_folder(reference)
    return [Source(path, REFERENCE_GRAPH) for path in sorted(reference.glob("*.ttl"))]


def data_sources(data_dir: Path) -> list[Source]:
    """The reference files and story files of a folder laid out like ``data/``."""
    stories = data_dir / "stories"
    sources = reference_sources(data_dir)
    _require_folder(stories)
    seen: dict[int, Path] = {}
    for path in sorted(stories.iterdir()):
        if path.name.startswith("."):
            continue
        match = _STORY_FILE.match(path.name)
        if not match:
            raise LayoutError(
                f"{path}: a story file is named NN-slug.ttl (a story number of two or more digits)"
            )
        number = int(match.group(1))
        if number in seen:
            raise LayoutError(f"{path}: story {number:02d} is already given by {seen[number]}")
        seen[number] = path
        sources.append(Source(path, STORY_GRAPH[match.group(1)]))
    if not seen:
        raise LayoutError(f"{stories}: no story files (NN-slug.ttl)")
    return sources


def dataset_sources(data_dir: Path, ontology_dir: Path) -> list[Source]:
    """Every file of a dataset: the ontology first, then reference data, then stories."""
    return ontology_sources(ontology_dir) + data_sources(data_dir)


def user_sources(paths: Iterable[Path]) -> list[Source]:
    """RDF files named by a user, each in a graph named by its file URI.

    A folder stands for every RDF file under it (by suffix, hidden files and
    folders skipped); a file named explicitly must have a known suffix, so a
    typo cannot make a check pass by reading nothing. A file named twice is
    read once.
    """
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = _rdf_files(path)
            if not found:
                raise LayoutError(f"{path}: no RDF files ({_suffixes()}) in this folder")
            files.extend(found)
        elif path.is_file():
            if path.suffix not in SYNTAX_OF_SUFFIX:
                raise LayoutError(f"{path}: not an RDF file (expected one of {_suffixes()})")
            files.append(path)
        elif path.exists():
            raise LayoutError(f"{path}: neither a regular file nor a folder")
        else:
            raise LayoutError(f"{path}: no such file or folder")
    sources: dict[Path, Source] = {}
    for file in files:
        resolved = file.resolve()
        sources.setdefault(resolved, Source(file, URIRef(resolved.as_uri())))
    return list(sources.values())


def _rdf_files(folder: Path) -> list[Path]:
    """RDF files under ``folder`` in path order, never descending into hidden folders."""
    found = []
    for parent, folders, names in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".")]
        found += [
            Path(parent, name)
            for name in names
            if not name.startswith(".") and Path(name).suffix in SYNTAX_OF_SUFFIX
        ]
    return sorted(found)


def _suffixes() -> str:
    return ", ".join(SYNTAX_OF_SUFFIX)
