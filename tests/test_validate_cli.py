"""``aseankg validate``: exit status, the three report formats, and what the reports point at."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rdflib import RDF, Graph, Literal

from aseankg import validation
from aseankg.cli import main
from aseankg.rdf.namespaces import SH
from aseankg.validation import ShaclError

#: Each test runs a SHACL validation of the whole bundle, most through the command line.
pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).parent / "fixtures"
WARNINGS_ONLY = FIXTURES / "invalid" / "initiatives.ttl"
PARTICIPATIONS = FIXTURES / "invalid" / "participations.ttl"

RESULT_FIELDS = {
    "severity",
    "focusNode",
    "resultPath",
    "value",
    "message",
    "sourceShape",
    "constraints",
    "file",
}


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["validate", *args])


def violation_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("Violation")]


def test_bundled_graph_conforms_without_any_result() -> None:
    result = run()
    assert result.exit_code == 0, result.output
    (summary,) = result.stdout.splitlines()
    assert summary.startswith("Conforms: 0 violations, 0 warnings, 0 infos. Checked 20 files")


def test_bundled_graph_conforms_when_run_as_a_program() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "aseankg", "validate", "--strict"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("Conforms (strict: warnings fail): 0 violations")


def mutate(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("file", "old", "new", "focus", "message"),
    [
        (
            "stories/05-china-asean-expo.ttl",
            'ak:startDate "2025-09-17"^^xsd:date',
            'ak:startDate "2025-09-31"^^xsd:date',
            "event:22nd-china-asean-expo",
            'ak:startDate  "2025-09-31"^^xsd:date  The start date must be a valid xsd:date',
        ),
        (
            "stories/02-china-asean-summit.ttl",
            'ak:endDate "2025-10-28"^^xsd:date',
            'ak:endDate "2025-10-27"^^xsd:date',
            "event:28th-china-asean-summit",
            'ak:startDate  "2025-10-28"^^xsd:date  The start date is after the end date',
        ),
        (
            "reference/places.ttl",
            '    rdfs:label "Nanning"@en ;\n',
            "",
            "place:nanning",
            "rdfs:label  -  Has no English rdfs:label",
        ),
        (
            "stories/02-china-asean-summit.ttl",
            "ak:participant person:li-qiang",
            'ak:participant "Li Qiang"',
            "participation:28th-china-asean-summit-li-qiang-attendee",
            'ak:participant  "Li Qiang"  The participant must be an actor',
        ),
        (
            "stories/05-china-asean-expo.ttl",
            "ak:count 3260 ;",
            'ak:count "3260" ;',
            "outcome:22nd-china-asean-expo-enterprises",
            'ak:count  "3260"  ak:count must be a whole number of 0 or more',
        ),
    ],
    ids=["ill-typed-date", "end-before-start", "deleted-label", "literal-participant", "string"],
)
def test_a_mutated_bundle_fails_naming_the_node_and_file(
    data_copy: Path, file: str, old: str, new: str, focus: str, message: str
) -> None:
    mutate(data_copy / file, old, new)
    result = run("--data", str(data_copy))
    assert result.exit_code == 1, result.output
    lines = violation_lines(result.stdout)
    assert lines
    assert all(line.startswith(f"Violation  {focus}  ") for line in lines)
    assert all(line.endswith(f"/{file})") for line in lines)
    assert any(line.startswith(f"Violation  {focus}  {message}") for line in lines)
    assert result.stdout.splitlines()[-1].startswith("Does not conform: ")


def test_a_story_file_no_story_describes_fails(data_copy: Path) -> None:
    """A new story file whose story node was never added: its facts have no source."""
    new_story = data_copy / "stories" / "11-extra.ttl"
    new_story.write_text(
        "@prefix ak: <https://w3id.org/aseankg/ontology#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "<https://w3id.org/aseankg/id/place/hanoi> a ak:Settlement ;\n"
        '    rdfs:label "Hanoi"@en ;\n'
        "    ak:locatedIn <https://w3id.org/aseankg/id/country/vn> .\n",
        encoding="utf-8",
    )
    result = run("--data", str(data_copy))
    assert result.exit_code == 1
    (line,) = violation_lines(result.stdout)
    assert line.startswith(
        "Violation  place:hanoi  -  -  place:hanoi is described in storygraph:11"
    )
    assert line.endswith("11-extra.ttl)")


@pytest.mark.parametrize("as_path", [False, True], ids=["--data", "PATH"])
def test_a_syntax_error_exits_2_naming_file_and_line(data_copy: Path, as_path: bool) -> None:
    broken = data_copy / "stories" / "03-plan-of-action.ttl"
    lines = broken.read_text(encoding="utf-8").splitlines()
    lines += ["", 'document:x ak:periodStart "2026 .', "document:y a ak:Report ."]
    broken.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(str(broken)) if as_path else run("--data", str(data_copy))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"Error: {broken}:{len(lines) - 1}: ")


def test_user_files_pass_or_fail_on_their_own_merits() -> None:
    clean = run(str(FIXTURES / "valid"))
    assert clean.exit_code == 0, clean.output
    assert clean.stdout.startswith(
        "Conforms: 0 violations, 0 warnings, 0 infos. Checked 1 file (31 triples), "
        "with 10 more files read as context, against "
    )
    broken = run(str(PARTICIPATIONS))
    assert broken.exit_code == 1
    assert len(violation_lines(broken.stdout)) == 9
    assert all(line.endswith("participations.ttl)") for line in violation_lines(broken.stdout))


def test_warnings_pass_unless_strict() -> None:
    relaxed = run(str(WARNINGS_ONLY))
    assert relaxed.exit_code == 0
    assert relaxed.stdout.splitlines()[-1].startswith("Conforms: 0 violations, 3 warnings")
    strict = run("--strict", str(WARNINGS_ONLY))
    assert strict.exit_code == 1
    assert strict.stdout.splitlines()[-1].startswith(
        "Does not conform (strict: warnings fail): 0 violations, 3 warnings"
    )


def test_json_report_has_the_documented_fields() -> None:
    result = run("--format", "json", str(PARTICIPATIONS))
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert set(report) == {"conforms", "strict", "summary", "checked", "results"}
    assert report["conforms"] is False
    assert report["strict"] is False
    assert report["summary"] == {"violations": 9, "warnings": 0, "infos": 0}
    assert set(report["checked"]) == {
        "files",
        "triples",
        "contextFiles",
        "nodeShapes",
        "propertyShapes",
        "constraints",
        "checks",
    }
    assert report["checked"]["files"] == 1
    assert report["checked"]["contextFiles"] == 10
    assert len(report["results"]) == 9
    for item in report["results"]:
        assert set(item) == RESULT_FIELDS
        assert item["severity"] == "Violation"
        assert item["focusNode"]["type"] == "uri"
        assert item["file"].endswith("participations.ttl")
        assert item["sourceShape"].startswith("https://w3id.org/aseankg/shapes#")
        assert all(c.startswith(str(SH)) for c in item["constraints"])
    literal = next(r for r in report["results"] if r["value"] and r["value"]["type"] == "literal")
    assert literal == {
        "severity": "Violation",
        "focusNode": {
            "type": "uri",
            "value": "https://w3id.org/aseankg/id/participation/participant-is-a-literal",
        },
        "resultPath": "<https://w3id.org/aseankg/ontology#participant>",
        "value": {"type": "literal", "value": "China"},
        "message": "The participant must be an actor (ak:Actor: a person, organisation, group or "
        "country), not a literal or another kind of thing",
        "sourceShape": "https://w3id.org/aseankg/shapes#Participation-participant-actor",
        "constraints": ["http://www.w3.org/ns/shacl#ClassConstraintComponent"],
        "file": literal["file"],
    }
    inverse = {r["resultPath"] for r in report["results"]}
    assert "^<https://w3id.org/aseankg/ontology#hasParticipation>" in inverse


def test_json_report_of_a_structural_check() -> None:
    result = run("--format", "json", str(FIXTURES / "invalid" / "duplicate-labels.ttl"))
    results = json.loads(result.stdout)["results"]
    assert {r["sourceShape"] for r in results} == {
        "https://w3id.org/aseankg/checks/duplicate-labels"
    }
    assert {r["constraints"][0] for r in results} == {str(SH.SPARQLConstraintComponent)}
    assert {r["file"].rsplit("/", 1)[-1] for r in results} == {
        "duplicate-labels.ttl",
        "countries.ttl",
    }


def test_turtle_report_is_the_shacl_validation_report() -> None:
    result = run("--format", "turtle", str(FIXTURES / "invalid" / "counts.ttl"))
    assert result.exit_code == 1
    graph = Graph().parse(data=result.stdout, format="turtle")
    (report,) = graph.subjects(RDF.type, SH.ValidationReport)
    assert graph.value(report, SH.conforms) == Literal(False)
    results = list(graph.objects(report, SH.result))
    assert len(results) >= 23
    for node in results:
        assert graph.value(node, SH.focusNode) is not None
        assert graph.value(node, SH.resultSeverity) in (SH.Violation, SH.Warning)
        assert graph.value(node, SH.sourceShape) is not None
        assert graph.value(node, SH.resultMessage) is not None


def test_turtle_report_conforms_with_warnings_unless_strict() -> None:
    for args, conforms in ([(), True], [("--strict",), False]):
        result = run("--format", "turtle", *args, str(WARNINGS_ONLY))
        graph = Graph().parse(data=result.stdout, format="turtle")
        (report,) = graph.subjects(RDF.type, SH.ValidationReport)
        assert graph.value(report, SH.conforms) == Literal(conforms)


def test_the_summary_counts_the_files_asked_for_and_the_context_apart(tmp_path: Path) -> None:
    """One file asked for is one file checked; the ontology and reference data it is read
    with are counted as context, not as files checked."""
    one = tmp_path / "one.ttl"
    one.write_text(
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        '<https://example.org/a> rdfs:comment "a"@en, "b"@en .\n',
        encoding="utf-8",
    )
    single = run(str(one))
    assert single.exit_code == 0, single.output
    assert "Checked 1 file (2 triples), with 10 more files read as context, against " in (
        single.stdout
    )
    both = run(str(one), str(WARNINGS_ONLY))
    assert "Checked 2 files (" in both.stdout
    assert ", with 10 more files read as context, " in both.stdout
    everything = run()
    assert "Checked 20 files (" in everything.stdout
    assert "context" not in everything.stdout


def test_folders_are_searched_recursively_skipping_hidden_and_other_files(tmp_path: Path) -> None:
    (tmp_path / "nested" / "deeper").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "broken.ttl").write_text("not turtle at all", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not RDF", encoding="utf-8")
    (tmp_path / "nested" / "deeper" / "bad.ttl").write_bytes(PARTICIPATIONS.read_bytes())
    result = run(str(tmp_path))
    assert result.exit_code == 1, result.output
    assert "Checked 1 file (" in result.stdout
    assert all(line.endswith("deeper/bad.ttl)") for line in violation_lines(result.stdout))


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("notes.txt", "not an RDF file (expected one of .ttl, .nt, .jsonld, .rdf, .trig, .nq)"),
        ("missing.ttl", "no such file or folder"),
        ("empty", "no RDF files (.ttl, .nt, .jsonld, .rdf, .trig, .nq) in this folder"),
    ],
)
def test_unusable_paths_exit_2(tmp_path: Path, name: str, message: str) -> None:
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    result = run(str(tmp_path / name))
    assert result.exit_code == 2
    assert result.stderr == f"Error: {tmp_path / name}: {message}\n"


def test_data_that_pyshacl_cannot_evaluate_does_not_conform(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(*_: object, **__: object) -> None:
        raise ShaclError("Value of sh:lessThanOrEquals MUST be a URI Identifier.")

    monkeypatch.setattr(validation, "validate", refuse)
    result = run()
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: the data cannot be validated: "
        "Value of sh:lessThanOrEquals MUST be a URI Identifier.\n"
    )


def test_help_documents_exit_status_formats_and_reasoning() -> None:
    result = CliRunner().invoke(main, ["validate", "--help"])
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    for phrase in (
        "0 the data conforms (warnings are allowed unless --strict)",
        "1 the data does not conform",
        "2 a file cannot be read or parsed",
        "RDFS subclass reasoning from the ontology",
        "--format [text|json|turtle]",
        "--strict",
        "--data DIRECTORY",
        '"severity", "focusNode", "resultPath", "value", "message", "sourceShape", '
        '"constraints", "file"',
    ):
        assert phrase in text, phrase
