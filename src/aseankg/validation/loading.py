"""Read the files to validate into one Dataset, remembering which file said what.

Reports must name the file a problem comes from, but the Dataset only knows
graphs, and one graph (the reference data) is made of several files. So each
file is parsed on its own, kept as a graph of its triples, and then added to
the Dataset under the graph its Source names.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, BNode, Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.term import IdentifiedNode, Node

from aseankg.sources.files import Source
from aseankg.sources.rdflib_dataset import new_dataset, parse_source


@dataclass(frozen=True)
class Inverse:
    """An inverse property path, ``^predicate``."""

    predicate: URIRef


#: A predicate as it appears in a result: a property, its inverse, or unknown (a complex path).
Step = URIRef | Inverse | None


@dataclass
class Origins:
    """The triples of every file, in load order, to find where a statement came from."""

    files: list[tuple[Path, Graph]] = field(default_factory=list)

    def add(self, path: Path, triples: Graph) -> None:
        self.files.append((path, triples))

    def file_of(self, focus: Node, step: Step = None, value: Node | None = None) -> Path | None:
        """The file that most likely holds what a result is about.

        Preference: the file holding the offending statement itself, then the
        one that types the focus node, then any that describes it, then any
        that mentions it.
        """
        patterns: list[tuple[Node | None, Node | None, Node | None]] = []
        if isinstance(step, URIRef) and value is not None:
            patterns.append((focus, step, value))
        if isinstance(step, Inverse) and value is not None:
            patterns.append((value, step.predicate, focus))
        patterns += [(focus, RDF.type, None), (focus, None, None), (None, None, focus)]
        if isinstance(focus, URIRef):
            patterns.append((None, focus, None))
        for pattern in patterns:
            for path, triples in self.files:
                if next(iter(triples.triples(pattern)), None) is not None:
                    return path
        return None


@dataclass
class Loaded:
    """What validation runs on: the Dataset and where its triples came from."""

    dataset: Dataset
    origins: Origins

    @property
    def files(self) -> list[Path]:
        return [path for path, _ in self.origins.files]


def load(sources: Iterable[Source]) -> Loaded:
    """Parse every source once; triples outside any named graph go to the source's graph.

    TriG, N-Quads and JSON-LD files keep the named graphs they declare; their
    default graph, like the whole of a Turtle file, becomes the graph the
    Source names (for a user's file, its file URI).
    """
    dataset = new_dataset()
    graphs: dict[IdentifiedNode | None, Graph] = {}
    origins = Origins()
    for source in sources:
        parsed = Dataset(default_union=True)
        parse_source(parsed, source)
        triples = Graph()
        for subject, predicate, obj, name in _quads(parsed):
            if name == DATASET_DEFAULT_GRAPH_ID:
                name = source.graph
            if name not in graphs:
                graphs[name] = dataset.graph(name)
            graphs[name].add((subject, predicate, obj))
            triples.add((subject, predicate, obj))
        origins.add(source.path, triples)
    return Loaded(dataset, origins)


def _quads(parsed: Dataset) -> Iterator[tuple[Node, Node, Node, IdentifiedNode | None]]:
    for subject, predicate, obj, graph in parsed.quads((None, None, None, None)):
        name = graph.identifier if isinstance(graph, Graph) else graph
        if isinstance(name, BNode):  # a graph name rdflib invented for an unnamed graph
            name = DATASET_DEFAULT_GRAPH_ID
        yield subject, predicate, obj, name
