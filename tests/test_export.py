"""``aseankg export``: every syntax re-parses, by rdflib and by Oxigraph, to the same quads."""

import errno
import io
import os
import socket
import stat
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner, Result
from rdflib import Dataset, Graph

from aseankg.cli import main
from aseankg.rdf.namespaces import ONTOLOGY, REFERENCE_GRAPH, story_graph

ALL_GRAPHS = {ONTOLOGY, REFERENCE_GRAPH} | {story_graph(n) for n in range(1, 11)}


def run_export(*args: str) -> bytes:
    result = CliRunner().invoke(main, ["export", *args])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def quad_count(dataset: Dataset) -> int:
    return sum(len(graph) for graph in dataset.graphs())


@pytest.mark.slow
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


@pytest.mark.slow
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


def export_to(target: Path) -> Result:
    return CliRunner().invoke(main, ["export", "--format", "nquads", "-o", str(target)])


def assert_refused(result: Result, message: str) -> None:
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
    assert message in result.stderr


def test_a_new_file_gets_the_permissions_the_umask_allows(tmp_path: Path) -> None:
    previous = os.umask(0o027)
    try:
        assert export_to(tmp_path / "kg.nq").exit_code == 0
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "kg.nq").stat().st_mode) == 0o640


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path, dataset: Dataset) -> None:
    target = tmp_path / "kg.nq"
    target.write_text("previous export\n", encoding="utf-8")
    target.chmod(0o604)
    assert export_to(target).exit_code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o604
    assert len(target.read_bytes().splitlines()) == quad_count(dataset)


def test_a_symbolic_link_is_refused_and_left_alone(tmp_path: Path) -> None:
    pointed_at = tmp_path / "elsewhere.nq"
    pointed_at.write_text("kept\n", encoding="utf-8")
    link = tmp_path / "kg.nq"
    link.symlink_to(pointed_at)
    assert_refused(export_to(link), f"{link}: is a symbolic link; only a regular file is replaced")
    assert link.is_symlink() and pointed_at.read_text(encoding="utf-8") == "kept\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["elsewhere.nq", "kg.nq"]


def test_a_fifo_is_refused_without_opening_it(tmp_path: Path) -> None:
    fifo = tmp_path / "kg.nq"
    os.mkfifo(fifo)
    assert_refused(export_to(fifo), f"{fifo}: is a FIFO")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert [path.name for path in tmp_path.iterdir()] == ["kg.nq"]


def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "kg.nq"
    with socket.socket(socket.AF_UNIX) as listener:
        listener.bind(str(path))
        assert_refused(export_to(path), f"{path}: is a socket")
    assert stat.S_ISSOCK(path.lstat().st_mode)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    assert_refused(export_to(tmp_path), f"{tmp_path}: is a folder")


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "kg.nq"
    assert_refused(export_to(target), f"{target}: the folder {target.parent} does not exist")


def test_dash_writes_to_standard_output(dataset: Dataset) -> None:
    result = CliRunner().invoke(main, ["export", "--format", "nquads", "-o", "-"])
    assert result.exit_code == 0
    assert len(result.stdout_bytes.splitlines()) == quad_count(dataset)


@pytest.mark.parametrize(
    ("failure", "exit_code"),
    [(OSError(errno.ENOSPC, "No space left on device"), 2), (KeyboardInterrupt(), 1)],
)
def test_no_temporary_file_is_left_when_the_write_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException, exit_code: int
) -> None:
    target = tmp_path / "kg.nq"
    target.write_text("previous export\n", encoding="utf-8")

    def fail(*args: object) -> None:
        raise failure

    monkeypatch.setattr(os, "fsync", fail)
    result = export_to(target)
    assert result.exit_code == exit_code
    if exit_code == 2:
        assert_refused(result, f"{target}: No space left on device")
    assert [path.name for path in tmp_path.iterdir()] == ["kg.nq"]
    assert target.read_text(encoding="utf-8") == "previous export\n"
