"""How files on disk map to the graphs of the dataset.

The ontology goes into a graph named by the ontology IRI, every file under
``reference/`` into the reference graph, and ``stories/NN-*.ttl`` into the
named graph of story NN (``graph/story/NN``, digits as written). Keeping this
mapping in one place lets the rdflib loader, the query engine and the validator
read the same files the same way.
"""

import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
from rdflib import URIRef

from aseankg.namespaces import ONTOLOGY, REFERENCE_GRAPH, STORY_GRAPH

ONTOLOGY_FILE = "aseankg.ttl"

#: File suffix -> (rdflib parser name, Oxigraph format), for every RDF syntax we read.
RDF_FORMATS: dict[str, tuple[str, pyoxigraph.RdfFormat]] = {
    ".ttl": ("turtle", pyoxigraph.RdfFormat.TURTLE),
    ".trig": ("trig", pyoxigraph.RdfFormat.TRIG),
    ".nq": ("nquads", pyoxigraph.RdfFormat.N_QUADS),
    ".nt": ("nt", pyoxigraph.RdfFormat.N_TRIPLES),
    ".jsonld": ("json-ld", pyoxigraph.RdfFormat.JSON_LD),
}

_STORY_FILE = re.compile(r"^(\d{2,})-[a-z0-9-]+\.ttl$")


class LayoutError(Exception):
    """A data folder is not laid out as aseankg expects."""


@dataclass(frozen=True)
class Source:
    """One RDF file and the named graph its triples belong to."""

    path: Path
    graph: URIRef

    @property
    def format(self) -> str:
        """The rdflib parser name."""
        return RDF_FORMATS[self.path.suffix][0]

    @property
    def oxigraph_format(self) -> pyoxigraph.RdfFormat:
        return RDF_FORMATS[self.path.suffix][1]


def ontology_sources(ontology_dir: Path) -> list[Source]:
    path = ontology_dir / ONTOLOGY_FILE
    if not path.is_file():
        raise LayoutError(f"{path}: ontology file not found")
    return [Source(path, ONTOLOGY)]


def data_sources(data_dir: Path) -> list[Source]:
    """The reference files and story files of a folder laid out like ``data/``."""
    reference = data_dir / "reference"
    stories = data_dir / "stories"
    for folder in (reference, stories):
        if not folder.is_dir():
            raise LayoutError(
                f"{folder}: folder not found (a data folder holds reference/ and stories/)"
            )
    sources = [Source(path, REFERENCE_GRAPH) for path in sorted(reference.glob("*.ttl"))]
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
