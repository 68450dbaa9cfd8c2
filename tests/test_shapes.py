"""The shapes themselves: valid SHACL, complete, and explicit about severity and message."""

import pytest
from pyshacl.entrypoints import meta_validate
from rdflib import OWL, RDF, Dataset, Graph, URIRef, term
from rdflib.collection import Collection

from aseankg import validation
from aseankg.rdf.namespaces import ONTOLOGY, SH, SHAPES
from aseankg.sources import bundle
from aseankg.sources.files import dataset_sources
from aseankg.validation.render import short_name
from aseankg.validation.shapes import (
    constraints,
    load_shapes,
    node_shapes,
    property_shapes,
    shapes_file,
)


def shapes() -> Graph:
    return load_shapes(shapes_file())


@pytest.mark.slow
def test_shapes_pass_shacl_shacl_meta_validation() -> None:
    # Meta-validation runs RDFS inference, and OWL-RL then swaps rdflib's literal
    # converters for the whole process; put them back for the tests that follow.
    converters = dict(term._toPythonMapping)
    try:
        conforms, _, text = meta_validate(shapes())
    finally:
        term._toPythonMapping.clear()
        term._toPythonMapping.update(converters)
    assert conforms, text


def test_every_class_of_the_ontology_and_the_data_has_a_node_shape(dataset: Dataset) -> None:
    targeted = set(shapes().objects(None, SH.targetClass))
    declared = set(dataset.graph(ONTOLOGY).subjects(RDF.type, OWL.Class))
    used = {
        cls
        for graph in dataset.graphs()
        if graph.identifier != ONTOLOGY
        for cls in graph.objects(None, RDF.type)
    }
    assert len(declared) > 50
    assert sorted(map(short_name, (declared | used) - targeted)) == []


def _predicates(graph: Graph, path: URIRef) -> set[URIRef]:
    """Every property a SHACL path mentions, however nested."""
    if isinstance(path, URIRef):
        return {path}
    found: set[URIRef] = set()
    if (path, RDF.first, None) in graph:
        for part in Collection(graph, path):
            found |= _predicates(graph, part)
    for _, inner in graph.predicate_objects(path):
        if inner != RDF.nil:
            found |= _predicates(graph, inner)
    return found - {RDF.first, RDF.rest, SH.inversePath, SH.alternativePath}


def test_every_property_of_the_ontology_and_the_data_has_a_property_shape(
    dataset: Dataset,
) -> None:
    graph = shapes()
    constrained = {
        predicate
        for shape in property_shapes(graph)
        for predicate in _predicates(graph, graph.value(shape, SH.path))
    }
    ontology = dataset.graph(ONTOLOGY)
    declared = {
        prop
        for kind in (OWL.ObjectProperty, OWL.DatatypeProperty)
        for prop in ontology.subjects(RDF.type, kind)
    }
    used = {
        predicate
        for graph_ in dataset.graphs()
        if graph_.identifier != ONTOLOGY
        for predicate in graph_.predicates()
    }
    assert len(declared) > 40
    assert sorted(map(short_name, (declared | used) - constrained - {RDF.type})) == []


def test_every_reportable_shape_states_its_severity_and_a_message() -> None:
    graph = shapes()
    for constraint in constraints(graph):
        assert graph.value(constraint.shape, SH.severity) in (SH.Violation, SH.Warning), short_name(
            constraint.shape
        )
        if constraint.sparql is not None:
            assert graph.value(constraint.sparql, SH.message), short_name(constraint.shape)
        else:
            assert graph.value(constraint.shape, SH.message), short_name(constraint.shape)


def test_severities_are_used_deliberately() -> None:
    graph = shapes()
    severities = {graph.value(shape, SH.severity) for shape in graph.subjects(SH.severity, None)}
    assert severities == {SH.Violation, SH.Warning}
    # Broken data: missing participants, wrong types, reversed dates are violations.
    for name in ("Participation-participant-actor", "Event-dates-ordered", "stated-by-a-story"):
        assert graph.value(SHAPES[name], SH.severity) == SH.Violation


@pytest.mark.slow
def test_shape_counts_are_those_reported() -> None:
    graph = shapes()
    report = validation.validate(dataset_sources(bundle.data_dir(), bundle.ontology_dir()))
    assert report.statistics.node_shapes == len(node_shapes(graph)) > 50
    assert report.statistics.property_shapes == len(property_shapes(graph)) > 100
    assert report.statistics.constraints == len(constraints(graph)) > 150
    assert report.statistics.checks == 9
