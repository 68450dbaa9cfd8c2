"""Every constraint and every structural check fails on a small fixture, exactly as expected.

Each file in ``fixtures/invalid`` is validated on its own, with the bundled
ontology and reference data, the way ``aseankg validate FILE`` would. Its
``# expect:`` lines list every result it must produce::

    # expect: Violation | event:end-before-start | ak:startDate | is after the end date

(severity, focus node, result path or ``-``, a fragment of the message). A result
nobody expected fails the test as much as an expected one that is missing.
Together the fixtures must set off every constraint of the shapes and every check.
"""

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import RDFS, Graph

from aseankg import validation
from aseankg.rdf.namespaces import AK, SH
from aseankg.sources import bundle
from aseankg.sources.files import dataset_sources, ontology_sources, reference_sources, user_sources
from aseankg.validation.checks import checks_dir, load_checks
from aseankg.validation.render import short_name
from aseankg.validation.report import Report, Result
from aseankg.validation.shapes import constraints, load_shapes, shapes_file

#: The fixtures are validated with SHACL, each against the whole ontology.
pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).parent / "fixtures"
INVALID = sorted((FIXTURES / "invalid").iterdir())
VALID = sorted((FIXTURES / "valid").iterdir())
_EXPECT = re.compile(r"^# expect: (Violation|Warning|Info) \| (\S+) \| (\S+) \| (.+)$")


@dataclass(frozen=True)
class Expected:
    severity: str
    focus: str
    path: str
    message: str

    def matches(self, result: Result) -> bool:
        path = result.path.render(short_name) if result.path else "-"
        return (
            result.severity_name == self.severity
            and short_name(result.focus) == self.focus
            and path == self.path
            and self.message in result.message
        )


def expectations(fixture: Path) -> list[Expected]:
    found = []
    for line in fixture.read_text(encoding="utf-8").splitlines():
        if line.startswith("# expect:"):
            match = _EXPECT.match(line)
            assert match, f"{fixture.name}: malformed expectation: {line}"
            found.append(Expected(*match.groups()))
    return found


def validate_files(*paths: Path) -> Report:
    """What ``aseankg validate PATH...`` validates: the paths plus ontology and reference data."""
    sources = ontology_sources(bundle.ontology_dir()) + reference_sources(bundle.data_dir())
    return validation.validate(sources + user_sources(paths))


def describe(result: Result) -> str:
    path = result.path.render(short_name) if result.path else "-"
    return f"{result.severity_name} | {short_name(result.focus)} | {path} | {result.message}"


@pytest.fixture(scope="module")
def reports() -> dict[Path, Report]:
    return {fixture: validate_files(fixture) for fixture in INVALID}


@pytest.mark.parametrize("fixture", INVALID, ids=lambda path: path.name)
def test_fixture_fails_exactly_as_expected(fixture: Path, reports: dict[Path, Report]) -> None:
    expected = expectations(fixture)
    assert expected, f"{fixture.name} declares no expected results"
    report = reports[fixture]
    missing = [e for e in expected if not any(e.matches(r) for r in report.results)]
    unexpected = [r for r in report.results if not any(e.matches(r) for e in expected)]
    assert not missing, f"expected but not reported: {missing}"
    assert not unexpected, "reported but not expected:\n" + "\n".join(map(describe, unexpected))
    violations = any(e.severity == "Violation" for e in expected)
    assert report.conforms() is not violations
    assert not report.conforms(strict=True)


@pytest.mark.parametrize("fixture", INVALID, ids=lambda path: path.name)
def test_results_name_the_fixture_as_their_file(fixture: Path, reports: dict[Path, Report]) -> None:
    """Results about the fixture's own nodes point at it; the rest at the bundled file."""
    for result in reports[fixture].results:
        assert result.file is not None, describe(result)
        if result.file != fixture:
            assert bundle.data_dir() in result.file.resolve().parents, describe(result)


def test_fixtures_set_off_every_constraint_and_every_check(
    reports: dict[Path, Report], ontology_without_subclass_links: Report
) -> None:
    fired = {
        (result.source_shape, constraint)
        for report in [*reports.values(), ontology_without_subclass_links]
        for result in report.results
        for constraint in result.constraints
    }
    shapes = load_shapes(shapes_file())
    untested = sorted(
        f"{short_name(c.shape)} {short_name(c.component)}"
        for c in constraints(shapes)
        if (c.shape, c.component) not in fired
    )
    assert not untested, f"constraints no fixture sets off: {untested}"
    unchecked = [
        check.name
        for check in load_checks(checks_dir())
        if (check.iri, SH.SPARQLConstraintComponent) not in fired
    ]
    assert not unchecked, f"checks no fixture sets off: {unchecked}"


@pytest.fixture(scope="module")
def ontology_without_subclass_links(tmp_path_factory: pytest.TempPathFactory) -> Report:
    """The bundled graph with an ontology that lost the subclass links of its classes."""
    folder = tmp_path_factory.mktemp("ontology")
    ontology = Graph().parse(bundle.ontology_dir() / "aseankg.ttl", format="turtle")
    for subclass, superclass in list(ontology.subject_objects(RDFS.subClassOf)):
        if superclass.startswith(AK):
            ontology.remove((subclass, RDFS.subClassOf, superclass))
    ontology.serialize(folder / "aseankg.ttl", format="turtle")
    return validation.validate(dataset_sources(bundle.data_dir(), folder), bundle.ontology_dir())


@pytest.mark.parametrize(
    ("focus", "message"),
    [
        ("event:28th-china-asean-summit", "A summit must also be an event"),
        ("event:22nd-china-asean-expo", "An expo must also be an event"),
        ("organisation:unoda", "must also be an organisation"),
        ("place:southeast-asia", "A geographic region must also be a place"),
        ("document:biological-weapons-convention", "A treaty must also be an agreement"),
    ],
)
def test_subclass_shapes_catch_an_ontology_that_lost_its_hierarchy(
    ontology_without_subclass_links: Report, focus: str, message: str
) -> None:
    assert any(
        short_name(r.focus) == focus and message in r.message and r.path is None
        for r in ontology_without_subclass_links.results
    )
    assert not ontology_without_subclass_links.conforms()


@pytest.mark.parametrize("fixture", VALID, ids=lambda path: path.name)
def test_valid_extension_has_no_results_at_all(fixture: Path) -> None:
    report = validate_files(fixture)
    assert [describe(r) for r in report.results] == []
    assert report.conforms(strict=True)
