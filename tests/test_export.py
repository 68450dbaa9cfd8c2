"""``aseankg export``: every syntax re-parses, by rdflib and by Oxigraph, to the same quads."""

import io
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph

from aseankg.cli import main
from aseankg.namespaces import ONTOLOGY, REFERENCE_GRAPH, story_graph

ALL_GRAPHS = {ONTOLOGY, REFERENCE_GRAPH} | {story_graph(n) for n in range(1, 11)}


def run_export(*args: str) -> bytes:
    result = CliRunner().invoke(main, ["export", *args])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def quad_count(dataset: Dataset) -> int:
    return sum(len(graph) for graph in dataset.graphs())


@pytest.mark.parametrize(
    ("format_name", "rdflib_format", "oxigraph_format"),
    [
        ("trig", "trig", pyoxigraph.RdfFormat.TRIG),
        ("nquads", "nquads", pyoxigraph.RdfFormat.N_QUADS),
        ("nq", "nquads", pyoxigraph.RdfFormat.N_QUADS),
        ("jsonld", "json-ld", pyoxigraph.RdfFormat.JSON_LD),
    ],
)
def test_dataset_exports_keep_every_named_graph(
    dataset: Dataset, format_name: str, rdflib_format: str, oxigraph_format: pyoxigraph.RdfFormat
) -> None:
    payload = run_export("--format", format_name)
    expected = quad_count(dataset)

    reparsed = Dataset()
    reparsed.parse(data=payload, format=rdflib_format)
    assert {g.identifier for g in reparsed.graphs() if len(g)} == ALL_GRAPHS
    assert quad_count(reparsed) == expected

    quads = list(pyoxigraph.parse(io.BytesIO(payload), format=oxigraph_format))
    assert len(quads) == expected
    assert {q.graph_name.value for q in quads} == {str(g) for g in ALL_GRAPHS}


@pytest.mark.parametrize("format_name", ["turtle", "ttl", "TTL", "text/turtle"])
def test_turtle_export_is_the_union(dataset: Dataset, format_name: str) -> None:
    payload = run_export("--format", format_name)
    union = Graph().parse(data=payload, format="turtle")
    assert len(union) == len(set(dataset.triples((None, None, None))))
    triples = list(pyoxigraph.parse(io.BytesIO(payload), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(triples) == len(union)


def test_export_to_file(tmp_path: Path, dataset: Dataset) -> None:
    target = tmp_path / "kg.nq"
    run_export("--format", "nquads", "-o", str(target))
    assert len(target.read_bytes().strip().splitlines()) == quad_count(dataset)
    assert [p.name for p in tmp_path.iterdir()] == ["kg.nq"]


def test_export_of_broken_data_exits_2_naming_file_and_line(
    data_copy: Path, tmp_path: Path
) -> None:
    broken = data_copy / "reference" / "countries.ttl"
    lines = broken.read_text(encoding="utf-8").splitlines()
    bad_line = len(lines) + 1
    lines += ['country:xx ak:iso3166Alpha2 "XX .', "country:yy a ak:Country ."]
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    target = tmp_path / "out.trig"
    target.write_text("previous export\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["export", "--data", str(data_copy), "-o", str(target)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {broken}:{bad_line}: ")
    assert target.read_text(encoding="utf-8") == "previous export\n"


@pytest.mark.parametrize("format_name", ["nt", "rdfxml"])
def test_triple_syntaxes_export_the_union(dataset: Dataset, format_name: str) -> None:
    syntax = {"nt": "nt", "rdfxml": "xml"}[format_name]
    union = Graph().parse(data=run_export("--format", format_name), format=syntax)
    assert len(union) == len(set(dataset.triples((None, None, None))))


def test_an_unknown_format_is_refused_with_the_names_to_use() -> None:
    result = CliRunner().invoke(main, ["export", "--format", "yaml"])
    assert result.exit_code == 2
    assert "'yaml' is not one of" in result.stderr
    assert "ttl" in result.stderr and "nq" in result.stderr
