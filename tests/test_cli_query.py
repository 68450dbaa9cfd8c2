"""``aseankg query``: SPARQL text, files and canned queries, formats, and exit statuses."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rdflib import Graph

from aseankg.canned import Catalogue
from aseankg.cli import main
from aseankg.cli.query import query
from aseankg.cli.serve import serve
from aseankg.engine import Limits
from aseankg.rdf.namespaces import ID
from aseankg.sources import bundle
from aseankg.web import Settings

SUMMITS = "SELECT ?s WHERE { ?s a <https://w3id.org/aseankg/ontology#Summit> } ORDER BY ?s"
# Counts a cross join of every triple three times over: slow, in constant memory.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def run(*args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, ["query", *args], input=stdin)


def values(result: Result) -> list[dict[str, str]]:
    rows = json.loads(result.stdout)["results"]["bindings"]
    return [{name: cell["value"] for name, cell in row.items()} for row in rows]


def test_select_text_gives_sparql_json_by_default() -> None:
    result = run(SUMMITS)
    assert result.exit_code == 0, result.output
    assert values(result) == [{"s": f"{ID}event/28th-china-asean-summit"}]


@pytest.mark.parametrize(
    ("name", "first_line"),
    [
        ("csv", "s"),
        ("tsv", "?s"),
        ("xml", '<?xml version="1.0"?>'),
        ("srj", '{"head":'),
        ("text/csv", "s"),
        ("application/sparql-results+xml", '<?xml version="1.0"?>'),
    ],
)
def test_select_formats(name: str, first_line: str) -> None:
    result = run(SUMMITS, "--format", name)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(first_line)


def test_ask_gives_a_boolean() -> None:
    result = run("ASK { ?s a <https://w3id.org/aseankg/ontology#Expo> }")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["boolean"] is True


@pytest.mark.parametrize(
    ("name", "syntax"), [(None, "turtle"), ("jsonld", "json-ld"), ("nt", "nt")]
)
def test_construct_gives_rdf(name: str | None, syntax: str) -> None:
    query = f"DESCRIBE <{ID}country/my>"
    result = run(query, *(["--format", name] if name else []))
    assert result.exit_code == 0, result.output
    graph = Graph().parse(data=result.stdout, format=syntax)
    assert len(graph) >= 3


def test_a_format_that_cannot_hold_the_result_exits_1() -> None:
    result = run(SUMMITS, "--format", "ttl")
    assert result.exit_code == 1
    assert "format 'ttl' cannot hold a SELECT result; use one of: json, xml, csv, tsv" in (
        result.output
    )


def test_query_from_a_file_and_from_standard_input(tmp_path: Path) -> None:
    path = tmp_path / "summits.rq"
    path.write_text(SUMMITS, encoding="utf-8")
    assert values(run("--file", str(path))) == values(run("--file", "-", stdin=SUMMITS))


def test_a_syntax_error_exits_1_naming_file_and_position(tmp_path: Path) -> None:
    path = tmp_path / "broken.rq"
    path.write_text("SELECT ?s WHERE {\n  ?s ?p\n}\n", encoding="utf-8")
    result = run("--file", str(path))
    assert result.exit_code == 1
    assert f"Error: {path}: error at 4:1" in result.output
    inline = run("SELECT ?s WHERE { ?s ?p }")
    assert inline.exit_code == 1
    assert "Error: query: error at 1:" in inline.output


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("INSERT DATA { <a:b> <a:c> <a:d> }", "read-only: SPARQL Update is not accepted"),
        ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE"),
        ("SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }", "not in this dataset"),
    ],
)
def test_refused_queries_exit_1(query: str, message: str) -> None:
    result = run(query)
    assert result.exit_code == 1
    assert message in result.output


@pytest.mark.slow
def test_a_query_past_its_time_limit_exits_1() -> None:
    result = run(SLOW, "--timeout", "0.5")
    assert result.exit_code == 1
    assert "exceeded the time limit of 0.5 s" in result.output


def test_the_row_cap_applies_and_is_reported() -> None:
    result = run("SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s", "--max-rows", "3")
    assert result.exit_code == 0
    assert len(values(result)) == 3
    assert "the result stops at 3 rows" in result.stderr


def test_unreadable_input_exits_2(tmp_path: Path, data_copy: Path) -> None:
    missing = run("--file", str(tmp_path / "absent.rq"))
    assert missing.exit_code == 2
    assert f"{tmp_path / 'absent.rq'}: No such file or directory" in missing.output
    story = data_copy / "stories" / "03-plan-of-action.ttl"
    story.write_text(story.read_text(encoding="utf-8") + "\nthis is not turtle\n")
    broken = run(SUMMITS, "--data", str(data_copy))
    assert broken.exit_code == 2
    assert f"{story}:" in broken.output


def test_another_data_folder_is_queried(data_copy: Path) -> None:
    (data_copy / "stories" / "02-china-asean-summit.ttl").unlink()
    result = run(SUMMITS, "--data", str(data_copy))
    assert result.exit_code == 0
    assert values(result) == []


def test_a_canned_query_runs_with_its_parameters() -> None:
    result = run(
        "--canned", "events-by-country", "--param", f"country={ID}country/th", "--format", "csv"
    )
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "event,eventLabel,relation,via,viaLabel,start"
    assert len(lines) == 4
    paged = run("--canned", "topic-items", "-p", "limit=5", "-p", "offset=5")
    assert len(values(paged)) == 5


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ((), "parameter 'country': is required"),
        (("country=Malaysia",), "parameter 'country': 'Malaysia' is not one of"),
        ((f"country={ID}country/my", "colour=red"), "parameter 'colour': is not a parameter"),
        ((f"country={ID}country/my", "limit=0"), "parameter 'limit'"),
    ],
)
def test_canned_parameters_are_checked_as_by_the_api(params: tuple[str, ...], message: str) -> None:
    arguments = [item for param in params for item in ("--param", param)]
    result = run("--canned", "events-by-country", *arguments)
    assert result.exit_code == 1
    assert f"Error: {message}" in result.output


def test_an_unknown_canned_query_exits_1() -> None:
    result = run("--canned", "no-such-query")
    assert result.exit_code == 1
    assert "no canned query is named 'no-such-query'" in result.output


def test_show_query_prints_the_bound_text() -> None:
    result = run("--canned", "find-entity", "--param", 'name=Kuala "KL" Lumpur', "--show-query")
    assert result.exit_code == 0
    assert '  VALUES (?_name_en) { ("Kuala \\"KL\\" Lumpur"@en) }' in result.stdout


def test_list_shows_every_canned_query_and_its_parameters() -> None:
    result = run("--list")
    assert result.exit_code == 0
    for name in Catalogue.load(bundle.queries_dir()):
        assert f"{name}  (" in result.stdout
    assert "--param from=...  (gYearMonth; optional; default 2025-01)" in result.stdout
    assert "--param name=...  (text@en; required)" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        (),
        (SUMMITS, "--canned", "find-entity"),
        ("--param", "a=b", SUMMITS),
        ("--canned", "x", "-p", "ab"),
    ],
)
def test_usage_mistakes_are_reported(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert "Error:" in result.output


def test_help_documents_the_options_and_exit_statuses() -> None:
    result = run("--help")
    assert result.exit_code == 0
    for text in ("--file", "--canned", "--param", "--format", "--data", "--timeout", "--list"):
        assert text in result.output
    assert "2  an input file could not be read or parsed" in result.output


def test_query_and_serve_take_their_limits_from_the_engine() -> None:
    """One set of defaults: the options of both commands show the engine's own Limits."""
    limits = Limits()
    for command in (query, serve):
        defaults = {param.name: param.default for param in command.params}
        assert defaults["timeout"] == limits.timeout
        assert defaults["max_rows"] == limits.max_rows
        assert "data_dir" in defaults
    assert Settings().limits == limits
    help_text = CliRunner().invoke(main, ["serve", "--help"]).stdout
    assert "(the client gets 503)" in help_text


@pytest.mark.slow
def test_a_query_file_that_is_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    """A FIFO would block the read for ever (a device would never end): neither is opened."""
    path = tmp_path / "query.rq"
    os.mkfifo(path)
    finished = subprocess.run(
        [sys.executable, "-m", "aseankg", "query", "--file", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert finished.returncode == 2
    assert (
        finished.stderr.strip()
        == f"Error: {path}: not a regular file (a device, FIFO, socket or folder)"
    )
