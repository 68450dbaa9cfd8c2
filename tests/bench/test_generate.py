"""The synthetic-graph generator: deterministic, loadable, shaped like the real data."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from aseankg.cli import main
from aseankg.rdf.namespaces import AK, STORY_GRAPH
from aseankg.sources import bundle
from aseankg.sources.files import data_sources
from aseankg.sources.rdflib_dataset import load_dataset


def generate(out: Path, *options: str) -> None:
    result = CliRunner().invoke(main, ["bench", "generate", "--out", str(out), *options])
    assert result.exit_code == 0, result.output


def test_same_seed_gives_the_same_files(tmp_path: Path) -> None:
    generate(tmp_path / "a", "--stories", "30", "--seed", "5")
    generate(tmp_path / "b", "--stories", "30", "--seed", "5")
    generate(tmp_path / "c", "--stories", "30", "--seed", "6")
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.ttl"))
    assert len(files) == 30 + 10 + 9 + 2
    assert all(
        (tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files
    )
    assert any(
        (tmp_path / "a" / f).read_bytes() != (tmp_path / "c" / f).read_bytes() for f in files
    )


def test_generated_folder_loads_with_one_graph_per_story(tmp_path: Path) -> None:
    out = tmp_path / "syn"
    generate(out, "--stories", "25")
    assert len(data_sources(out)) == 25 + 10 + 9 + 2
    dataset = load_dataset(out, bundle.ontology_dir())
    assert len(dataset.graph(STORY_GRAPH["05"])) == len(load_dataset().graph(STORY_GRAPH["05"]))
    for number in (11, 23, 35):
        name = STORY_GRAPH[f"{number:05d}"]
        graph = dataset.graph(name)
        assert set(graph.objects(None, AK.statedIn)) == {
            next(dataset.subjects(AK.storyGraph, name))
        }
        assert set(graph.subjects(AK.hasParticipation, None))


def test_existing_folder_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["bench", "generate", "--stories", "3", "--out", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert "already exists" in result.output


@pytest.mark.slow
def test_generated_folder_passes_the_shapes_strictly(tmp_path: Path) -> None:
    out = tmp_path / "syn"
    generate(out, "--stories", "60", "--seed", "11")
    result = CliRunner().invoke(main, ["validate", "--strict", "--data", str(out)])
    assert result.exit_code == 0, result.output
    assert "0 violations, 0 warnings" in result.output
