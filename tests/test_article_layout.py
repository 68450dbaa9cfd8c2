"""Several sources: every article folder's files land in the graphs their IRIs promise."""

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import URIRef

from aseankg.errors import LayoutError
from aseankg.rdf.namespaces import REFERENCE_GRAPH, STORY_GRAPH, article_iri, story_graph
from aseankg.sources import bundle
from aseankg.sources.files import Source, article_companions, dataset_sources, user_sources

EXAMPLE = Path(__file__).parent / "fixtures" / "articles" / "example-gazette"
EXAMPLE_STORY = EXAMPLE / "stories" / "01-an-invented-port-forum-in-kuala.ttl"


def graphs(sources: list[Source]) -> dict[str, URIRef]:
    """File name -> graph, for the files of one article folder."""
    return {source.path.name: source.graph for source in sources if "example" in str(source.path)}


def test_article_scoped_graphs_keep_the_first_articles_form_for_it() -> None:
    assert story_graph(3) == URIRef("https://w3id.org/aseankg/graph/story/03")
    assert story_graph(3, "harbour") == URIRef("https://w3id.org/aseankg/graph/story/harbour/03")
    assert article_iri("harbour") == URIRef("https://w3id.org/aseankg/id/article/harbour")


def test_an_article_given_besides_the_data_goes_into_its_own_graphs() -> None:
    plain = dataset_sources(bundle.data_dir(), bundle.ontology_dir())
    sources = dataset_sources(bundle.data_dir(), bundle.ontology_dir(), [EXAMPLE])
    assert sources[: len(plain)] == plain
    assert graphs(sources) == {
        "article.ttl": REFERENCE_GRAPH,
        EXAMPLE_STORY.name: story_graph(1, "example-gazette"),
    }


def test_articles_under_the_data_folder_are_read_with_it(data_copy: Path) -> None:
    _copy_example(data_copy)
    (data_copy / "articles" / ".drafts").mkdir()
    sources = dataset_sources(data_copy, bundle.ontology_dir())
    assert graphs(sources)[EXAMPLE_STORY.name] == STORY_GRAPH["example-gazette/01"]
    assert sum(1 for source in sources if source.graph == story_graph(1)) == 1


def _copy_example(data: Path) -> Path:
    return Path(shutil.copytree(EXAMPLE, data / "articles" / "example-gazette"))


def _bad_slug(data: Path) -> None:
    (data / "articles" / "Harbour_News").mkdir(parents=True)


def _no_article_file(data: Path) -> None:
    (data / "articles" / "empty").mkdir(parents=True)


def _stray_file(data: Path) -> None:
    (data / "articles").mkdir()
    (data / "articles" / "notes.md").touch()


def _story_twice(data: Path) -> None:
    (_copy_example(data) / "stories" / "01-again.ttl").touch()


def _misnamed_story(data: Path) -> None:
    (_copy_example(data) / "stories" / "first.ttl").touch()


@pytest.mark.parametrize(
    ("arrange", "message"),
    [
        (_bad_slug, "an article slug is lower-case letters"),
        (_no_article_file, "an article folder holds article.ttl"),
        (_stray_file, "holds one folder per article"),
        (_story_twice, "story 01 is already given by"),
        (_misnamed_story, "a story file is named NN-slug.ttl"),
    ],
    ids=["bad-slug", "no-article-file", "stray-file", "story-twice", "misnamed-story"],
)
def test_a_misshapen_article_folder_is_refused(
    data_copy: Path, arrange: Callable[[Path], None], message: str
) -> None:
    arrange(data_copy)
    with pytest.raises(LayoutError, match=message):
        dataset_sources(data_copy, bundle.ontology_dir())


def test_one_article_given_twice_is_refused(data_copy: Path) -> None:
    _copy_example(data_copy)
    with pytest.raises(LayoutError, match="article example-gazette is already given by"):
        dataset_sources(data_copy, bundle.ontology_dir(), [EXAMPLE])


def test_files_of_an_article_named_by_a_user_keep_the_graphs_they_are_served_in(
    tmp_path: Path,
) -> None:
    loose = tmp_path / "loose.ttl"
    loose.write_text("", encoding="utf-8")
    sources = user_sources([EXAMPLE, loose])
    assert graphs(sources) == {
        "article.ttl": REFERENCE_GRAPH,
        EXAMPLE_STORY.name: story_graph(1, "example-gazette"),
    }
    assert sources[-1].graph == URIRef(loose.resolve().as_uri())


def test_a_story_named_alone_is_read_with_its_article() -> None:
    story = user_sources([EXAMPLE_STORY])
    assert [source.graph for source in story] == [story_graph(1, "example-gazette")]
    assert article_companions(story) == [Source(EXAMPLE / "article.ttl", REFERENCE_GRAPH)]
    assert article_companions(user_sources([EXAMPLE])) == []
