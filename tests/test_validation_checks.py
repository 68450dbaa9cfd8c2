"""Structural checks: how check files are read, and what a check row becomes."""

from pathlib import Path

import pytest

from aseankg import validation
from aseankg.rdf.namespaces import CHECKS, SH
from aseankg.sources import bundle
from aseankg.sources.files import dataset_sources
from aseankg.validation.checks import CheckError, checks_dir, load_checks, run_checks
from aseankg.validation.loading import load
from aseankg.validation.render import short_name

HEADER = '#+ summary: Labels\n#+ severity: Warning\n#+ message: "{focus} is labelled {value}"\n'
QUERY = (
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    "SELECT ?focus ?path ?value WHERE { ?focus rdfs:label ?value BIND (rdfs:label AS ?path) }\n"
)


def write_check(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.rq"
    path.write_text(text, encoding="utf-8")
    return path


def test_decorators_are_read_with_folded_descriptions(tmp_path: Path) -> None:
    write_check(
        tmp_path,
        "labels",
        HEADER + "#+ description: >\n#+   Every label,\n#+   listed.\n" + QUERY,
    )
    (check,) = load_checks(tmp_path)
    assert (check.name, check.summary, check.severity) == ("labels", "Labels", SH.Warning)
    assert check.message == "{focus} is labelled {value}"
    assert check.iri == CHECKS.labels


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("#+ summary: Labels\n#+ message: m\n" + QUERY, "bad.rq:1: severity: is required"),
        (HEADER.replace("Warning", "Fatal") + QUERY, "bad.rq:2: severity: must be one of"),
        (HEADER + "#+ severity: Info\n" + QUERY, "bad.rq:4: .*key 'severity' appears twice"),
        (HEADER + "#+ serverity: Info\n" + QUERY, "bad.rq:4: serverity: unknown decorator"),
        (HEADER.replace('"', "") + QUERY, "bad.rq:3: the #\\+ header is not valid YAML"),
        (HEADER + QUERY + "#+ summary: late\n", "bad.rq:6: '#\\+' decorators belong in the header"),
    ],
)
def test_a_check_without_usable_decorators_is_refused(
    tmp_path: Path, text: str, error: str
) -> None:
    write_check(tmp_path, "bad", text)
    with pytest.raises(CheckError, match=error):
        load_checks(tmp_path)


@pytest.mark.parametrize(
    ("query", "error"),
    [
        ("ASK { ?s ?p ?o }", "must be a SELECT query"),
        ("SELECT ?s WHERE { ?s ?p ?o }", "must select \\?focus"),
    ],
)
def test_a_check_must_select_focus_nodes(tmp_path: Path, query: str, error: str) -> None:
    check = write_check(tmp_path, "bad", HEADER + query)
    with pytest.raises(CheckError, match=error):
        run_checks(
            load(dataset_sources(bundle.data_dir(), bundle.ontology_dir())).dataset,
            load_checks(check.parent),
        )


@pytest.mark.slow
def test_every_bundled_check_is_documented_and_finds_nothing_in_the_bundle() -> None:
    checks = load_checks(checks_dir())
    assert len(checks) == 9
    dataset = load(dataset_sources(bundle.data_dir(), bundle.ontology_dir())).dataset
    assert run_checks(dataset, checks) == []
    for check in checks:
        assert check.severity in (SH.Violation, SH.Warning)
        assert check.summary and check.message


@pytest.mark.slow
def test_a_modified_ontology_header_is_caught(tmp_path: Path) -> None:
    ontology = (bundle.ontology_dir() / "aseankg.ttl").read_text(encoding="utf-8")
    (tmp_path / "aseankg.ttl").write_text(
        ontology.replace('    vann:preferredNamespacePrefix "ak" ;\n', "").replace(
            "<https://w3id.org/aseankg/ontology>\n    a owl:Ontology ;",
            "<https://w3id.org/aseankg/ontology>",
        ),
        encoding="utf-8",
    )
    report = validation.validate(
        dataset_sources(bundle.data_dir(), tmp_path), bundle.ontology_dir()
    )
    found = {(short_name(r.focus), r.message) for r in report.results}
    assert found == {
        ("<https://w3id.org/aseankg/ontology>", "The ontology header has no rdf:type"),
        (
            "<https://w3id.org/aseankg/ontology>",
            "The ontology header has no vann:preferredNamespacePrefix",
        ),
    }
    assert all(r.file == tmp_path / "aseankg.ttl" for r in report.results)
