"""Loading the repository into one Dataset, and reporting broken files."""

from pathlib import Path

import pytest
from rdflib import RDF, SDO, Dataset, Graph, Literal

from aseankg.errors import LayoutError, SourceError
from aseankg.rdf.namespaces import (
    AK,
    ID,
    ONTOLOGY,
    REFERENCE_GRAPH,
    bind_prefixes,
    compact,
    story_graph,
)
from aseankg.sources.rdflib_dataset import load_dataset


def test_one_named_graph_per_story_plus_ontology_and_reference(dataset: Dataset) -> None:
    names = {graph.identifier for graph in dataset.graphs() if len(graph)}
    assert names == {ONTOLOGY, REFERENCE_GRAPH} | {story_graph(n) for n in range(1, 11)}


def test_every_story_graph_holds_facts_stated_by_that_story(dataset: Dataset) -> None:
    for number in range(1, 11):
        graph = dataset.graph(story_graph(number))
        stated = set(graph.objects(None, AK.statedIn))
        assert len(stated) == 1, f"story {number} graph cites {stated}"
        (story,) = stated
        assert dataset.value(story, AK.positionInArticle).toPython() == number


def test_story_nodes_point_at_their_graphs(dataset: Dataset) -> None:
    stories = set(dataset.subjects(RDF.type, AK.Story))
    assert len(stories) == 10
    graphs = {dataset.value(story, AK.storyGraph) for story in stories}
    assert graphs == {story_graph(n) for n in range(1, 11)}


def test_turtle_syntax_error_names_file_and_line(data_copy: Path) -> None:
    broken = data_copy / "stories" / "03-plan-of-action.ttl"
    lines = broken.read_text(encoding="utf-8").splitlines()
    lines.append('document:x ak:periodStart "2026 .')
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load_dataset(data_copy)
    assert caught.value.path == broken
    assert caught.value.line == len(lines)
    assert str(caught.value).startswith(f"{broken}:{len(lines)}: ")


def test_badly_named_story_file_is_refused(data_copy: Path) -> None:
    (data_copy / "stories" / "story-eleven.ttl").write_text("", encoding="utf-8")
    with pytest.raises(LayoutError, match=r"story-eleven\.ttl: a story file is named NN-slug\.ttl"):
        load_dataset(data_copy)


def test_duplicate_story_number_is_refused(data_copy: Path) -> None:
    (data_copy / "stories" / "03-again.ttl").write_text("", encoding="utf-8")
    with pytest.raises(LayoutError, match="story 03 is already given by"):
        load_dataset(data_copy)


def test_compact_names_take_the_longest_namespace() -> None:
    assert compact(f"{ID}event/28th-china-asean-summit") == "event:28th-china-asean-summit"
    assert compact(f"{AK}startDate") == "ak:startDate"
    assert compact(f"{ID}event/a/b") is None
    assert compact("https://example.org/x") is None
    assert compact(f"{AK}startDate", {"a": "https://w3id.org/", "ont": str(AK)}) == "ont:startDate"


def test_bound_prefixes_replace_rdflibs_defaults() -> None:
    graph = bind_prefixes(Graph())
    graph.add((ID["country/my"], SDO.name, Literal("Malaysia")))
    turtle = graph.serialize(format="turtle")
    assert "country:my schema:name" in turtle
