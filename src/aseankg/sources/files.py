"""How files on disk map to the graphs of the dataset.

The ontology goes into a graph named by the ontology IRI, every file under
``reference/`` into the reference graph, and ``stories/NN-*.ttl`` into the
named graph of story NN (``graph/story/NN``, digits as written). Those are the
first article's stories, whose IRIs were published before there were others.

Every other article is a folder of its own, named by the article's slug, under
``articles/`` of the data folder or named on the command line::

    articles/{slug}/article.ttl          the article and where it was published
    articles/{slug}/stories/NN-*.ttl     story NN, in graph/story/{slug}/NN

Files beside ``article.ttl`` go into the reference graph with it. Keeping this
mapping in one place lets the rdflib loader, the query engine and the validator
read the same files the same way.
"""

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import URIRef

from aseankg.errors import LayoutError
from aseankg.rdf.formats import RDF_SYNTAXES, RdfSyntax
from aseankg.rdf.namespaces import ONTOLOGY, REFERENCE_GRAPH, STORY_GRAPH

ONTOLOGY_FILE = "aseankg.ttl"
SHAPES_FILE = "shapes.ttl"
ARTICLES_FOLDER = "articles"
ARTICLE_FILE = "article.ttl"
STORIES_FOLDER = "stories"

#: An article's slug names its folder and ends its IRIs: ``harbour-gazette-2025``.
ARTICLE_SLUG = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
#: Longest slug: IRIs stay readable and file names portable.
ARTICLE_SLUG_LENGTH = 60

#: File suffix -> syntax, for every RDF syntax we read.
SYNTAX_OF_SUFFIX: dict[str, RdfSyntax] = {syntax.suffix: syntax for syntax in RDF_SYNTAXES}

_STORY_FILE = re.compile(r"^(\d{2,})-[a-z0-9-]+\.ttl$")


@dataclass(frozen=True)
class Source:
    """One RDF file and the named graph its triples belong to."""

    path: Path
    graph: URIRef

    @property
    def syntax(self) -> RdfSyntax:
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


def slug_problem(slug: str) -> str | None:
    """Why ``slug`` cannot name an article, or None when it can."""
    if not ARTICLE_SLUG.fullmatch(slug):
        return (
            "an article slug is lower-case letters, digits and single hyphens, "
            "starting with a letter, such as harbour-gazette-2025"
        )
    if len(slug) > ARTICLE_SLUG_LENGTH:
        return f"an article slug has at most {ARTICLE_SLUG_LENGTH} characters"
    return None


def story_number(name: str) -> str | None:
    """The story number of a story file name as written (``"07"``), or None if misnamed."""
    match = _STORY_FILE.match(name)
    return match.group(1) if match else None


def story_file_graph(path: Path, article: str | None) -> URIRef:
    """The named graph of a story file: ``graph/story/NN``, or ``graph/story/{article}/NN``."""
    number = story_number(path.name)
    if number is None:
        raise LayoutError(
            f"{path}: a story file is named NN-slug.ttl (a story number of two or more digits)"
        )
    return STORY_GRAPH[number if article is None else f"{article}/{number}"]


def story_sources(stories: Path, article: str | None = None) -> list[Source]:
    """The story files of a ``stories/`` folder, each in its story's graph."""
    sources: list[Source] = []
    seen: dict[int, Path] = {}
    for path in sorted(stories.iterdir()):
        if path.name.startswith("."):
            continue
        graph = story_file_graph(path, article)
        number = int(story_number(path.name) or 0)
        if number in seen:
            raise LayoutError(f"{path}: story {number:02d} is already given by {seen[number]}")
        seen[number] = path
        sources.append(Source(path, graph))
    return sources


def data_sources(data_dir: Path, articles: Iterable[Path] = ()) -> list[Source]:
    """The reference files, stories and article folders of a folder laid out like ``data/``,
    and the article folders ``articles`` names besides."""
    stories = data_dir / STORIES_FOLDER
    sources = reference_sources(data_dir)
    _require_folder(stories)
    found = story_sources(stories)
    if not found:
        raise LayoutError(f"{stories}: no story files (NN-slug.ttl)")
    return sources + found + articles_sources([*_article_folders(data_dir), *articles])


def _article_folders(data_dir: Path) -> list[Path]:
    """The article folders under ``articles/`` of a data folder, if it has one."""
    articles = data_dir / ARTICLES_FOLDER
    if not articles.is_dir():
        return []
    folders = sorted(path for path in articles.iterdir() if not path.name.startswith("."))
    for path in folders:
        if not path.is_dir():
            raise LayoutError(f"{path}: {articles} holds one folder per article, and nothing else")
    return folders


def article_sources(folder: Path) -> list[Source]:
    """The files of one article folder: ``article.ttl`` and the files beside it in the
    reference graph, then its stories, each in a graph scoped by the article's slug."""
    slug = article_slug(folder)
    if not (folder / ARTICLE_FILE).is_file():
        raise LayoutError(f"{folder}: an article folder holds {ARTICLE_FILE} (and stories/)")
    sources = [Source(path, REFERENCE_GRAPH) for path in sorted(folder.glob("*.ttl"))]
    stories = folder / STORIES_FOLDER
    return sources + (story_sources(stories, slug) if stories.is_dir() else [])


def articles_sources(folders: Iterable[Path]) -> list[Source]:
    """The files of several article folders; two folders may not give one article."""
    sources: list[Source] = []
    seen: dict[str, Path] = {}
    for folder in folders:
        slug = article_slug(folder)
        if slug in seen:
            raise LayoutError(f"{folder}: article {slug} is already given by {seen[slug]}")
        seen[slug] = folder
        sources += article_sources(folder)
    return sources


def article_slug(folder: Path) -> str:
    """The slug an article folder is named by, checked."""
    slug = folder.resolve().name
    problem = slug_problem(slug)
    if problem:
        raise LayoutError(f"{folder}: {problem}")
    return slug


def dataset_sources(
    data_dir: Path, ontology_dir: Path, articles: Iterable[Path] = ()
) -> list[Source]:
    """Every file of a dataset: the ontology, reference data, stories, then articles."""
    return ontology_sources(ontology_dir) + data_sources(data_dir, articles)


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
        if resolved not in sources:
            graph = _article_graph(resolved) or URIRef(resolved.as_uri())
            sources[resolved] = Source(file, graph)
    return list(sources.values())


def _article_graph(file: Path) -> URIRef | None:
    """The graph the article layout gives a Turtle file of an article folder, if it is one."""
    if file.suffix != ".ttl":
        return None
    if (file.parent / ARTICLE_FILE).is_file():
        article_slug(file.parent)
        return REFERENCE_GRAPH
    folder = file.parent.parent
    if file.parent.name == STORIES_FOLDER and (folder / ARTICLE_FILE).is_file():
        return story_file_graph(file, article_slug(folder))
    return None


def article_companions(sources: Iterable[Source]) -> list[Source]:
    """What stories of an article named without their article need beside them: the
    article's ``article.ttl`` and the files next to it, where those were not named too."""
    named = {source.path.resolve() for source in sources}
    folders = {
        path.parent.parent
        for path in named
        if path.parent.name == STORIES_FOLDER and (path.parent.parent / ARTICLE_FILE).is_file()
    }
    return [
        Source(path, REFERENCE_GRAPH)
        for folder in sorted(folders)
        for path in sorted(folder.glob("*.ttl"))
        if path.resolve() not in named
    ]


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
