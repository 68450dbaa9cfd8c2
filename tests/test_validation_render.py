"""How terms and results are written for people and machines."""

from pathlib import Path

from rdflib import XSD, BNode, Literal, URIRef

from aseankg.rdf.namespaces import AK, ID, SH, SHAPES
from aseankg.validation.render import json_term, relative, short_name, text_line
from aseankg.validation.report import PropertyPath, Result


def test_short_names_use_the_aseankg_prefixes() -> None:
    assert short_name(ID["event/28th-china-asean-summit"]) == "event:28th-china-asean-summit"
    assert short_name(ID["story/01"]) == "story:01"
    assert short_name(AK.startDate) == "ak:startDate"
    assert short_name(URIRef("https://example.org/x")) == "<https://example.org/x>"
    assert short_name(ID["event/a/b"]) == "<https://w3id.org/aseankg/id/event/a/b>"


def test_literals_keep_their_datatype_or_language() -> None:
    assert short_name(Literal("2025-01-01", datatype=XSD.date)) == '"2025-01-01"^^xsd:date'
    assert short_name(Literal("Nanning", lang="en")) == '"Nanning"@en'
    assert short_name(Literal('say "hi"')) == '"say \\"hi\\""'


def test_json_terms_follow_sparql_results_json() -> None:
    assert json_term(AK.Event) == {"type": "uri", "value": str(AK.Event)}
    assert json_term(Literal("x", lang="en")) == {"type": "literal", "value": "x", "xml:lang": "en"}
    assert json_term(Literal(3)) == {"type": "literal", "value": "3", "datatype": str(XSD.integer)}
    assert json_term(BNode("b1")) == {"type": "bnode", "value": "b1"}


def test_paths_are_written_in_sparql_property_path_syntax() -> None:
    inverse = PropertyPath(operator="^", parts=(PropertyPath(AK.hasParticipation),))
    sequence = PropertyPath(operator="/", parts=(PropertyPath(AK.iso3166Alpha2), inverse))
    assert sequence.render(short_name) == "ak:iso3166Alpha2/(^ak:hasParticipation)"
    assert inverse.render(lambda iri: f"<{iri}>") == f"^<{AK.hasParticipation}>"


def test_a_text_line_says_severity_node_path_value_message_and_file() -> None:
    result = Result(
        severity=SH.Violation,
        focus=ID["event/foo"],
        path=PropertyPath(AK.endDate),
        value=Literal("2025-01-01", datatype=XSD.date),
        message="End date is before the start date",
        source_shape=SHAPES["Event-dates-ordered"],
        constraints=(SH.LessThanOrEqualsConstraintComponent,),
        file=Path.cwd() / "data" / "stories" / "05-x.ttl",
    )
    assert text_line(result) == (
        'Violation  event:foo  ak:endDate  "2025-01-01"^^xsd:date  '
        "End date is before the start date  (data/stories/05-x.ttl)"
    )


def test_files_outside_the_working_folder_keep_their_full_path() -> None:
    assert relative(Path("/nowhere/x.ttl")) == "/nowhere/x.ttl"
    assert relative(None) is None
