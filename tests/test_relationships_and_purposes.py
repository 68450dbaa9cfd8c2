"""Relationships, places, purposes and ordered priorities are data that one query reaches.

The canned queries have their exact answers in ``test_canned_answers``; these tests pin
the modelling itself: which story graph holds each statement, what is marked as an
inference, and what the article leaves unsaid and the data therefore does not say.
"""

import pytest
from rdflib import RDF, SKOS, Dataset, URIRef

from aseankg.rdf.namespaces import AK, ID, REFERENCE_GRAPH, story_graph

ONE_QUERY_PREFIXES = """
PREFIX ak: <https://w3id.org/aseankg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX country: <https://w3id.org/aseankg/id/country/>
PREFIX characterisation: <https://w3id.org/aseankg/id/characterisation/>
PREFIX initiative: <https://w3id.org/aseankg/id/initiative/>
"""


def entity(name: str) -> URIRef:
    """``place:x`` -> the IRI of that entity."""
    kind, local = name.split(":", 1)
    return ID[f"{kind}/{local}"]


MECHANISM = entity("event:china-myanmar-thailand-ministerial-coordination-mechanism")
CRACKDOWN = entity("event:joint-crackdown-december-2025")
MYAWADDY = entity("place:myawaddy")
CRIME = entity("event:gambling-and-fraud-crime-in-myawaddy")
FACILITIES = entity("place:gambling-and-fraud-facilities")


def test_one_query_names_the_countries_china_calls_socialist_partners(dataset: Dataset) -> None:
    found = dataset.query(
        ONE_QUERY_PREFIXES
        + """
        SELECT DISTINCT ?country WHERE {
          ?relationship a ak:BilateralRelationship ;
                        ak:party country:cn, ?country ;
                        ak:characterisation/skos:broader* characterisation:socialist-partners .
          FILTER (?country != country:cn)
        }
        """
    )
    assert {row[0] for row in found} == {entity("country:vn")}


def test_one_query_names_the_relationships_tied_to_the_belt_and_road(dataset: Dataset) -> None:
    found = dataset.query(
        ONE_QUERY_PREFIXES
        + """
        SELECT ?relationship WHERE {
          ?relationship ak:framedBy initiative:belt-and-road-initiative .
        }
        """
    )
    assert {row[0] for row in found} == {entity("relationship:china-cambodia")}


@pytest.mark.parametrize("partner", ["vn", "my", "kh"])
def test_each_relationship_is_stated_in_story_1_between_china_and_its_host(
    dataset: Dataset, partner: str
) -> None:
    names = {"vn": "vietnam", "my": "malaysia", "kh": "cambodia"}
    relationship = entity(f"relationship:china-{names[partner]}")
    graph = dataset.graph(story_graph(1))
    assert (relationship, RDF.type, AK.BilateralRelationship) in graph
    assert set(graph.objects(relationship, AK.party)) == {
        entity("country:cn"),
        entity(f"country:{partner}"),
    }
    assert graph.value(relationship, AK.statedIn) == entity("story:01")
    kind = entity("relationship-kind:community-with-a-shared-future")
    assert graph.value(relationship, AK.relationshipKind) == kind
    community = entity(f"initiative:china-{names[partner]}-community-with-a-shared-future")
    assert community in set(graph.objects(relationship, AK.framedBy))


def test_golden_50_years_keeps_its_name(dataset: Dataset) -> None:
    aim = entity("aim:new-golden-50-years")
    assert str(dataset.value(aim, SKOS.altLabel)) == "Golden 50 Years"
    assert (entity("relationship:china-malaysia"), AK.aim, aim) in dataset.graph(story_graph(1))


def test_the_summit_priorities_are_numbered_in_the_order_given(dataset: Dataset) -> None:
    priorities = entity("outcome:28th-china-asean-summit-li-qiang-priorities")
    graph = dataset.graph(story_graph(2))
    numbered = sorted(
        (graph.value(item, AK.ordinal).toPython(), graph.value(item, AK.aim))
        for item in graph.objects(priorities, AK.item)
    )
    assert numbered == [
        (1, entity("aim:strategic-mutual-trust")),
        (2, entity("aim:convergence-of-interests")),
        (3, entity("aim:people-to-people-bonds")),
    ]


# Story 8 opens with crime tied to gambling and fraud in Myawaddy, a town of Myanmar.


def test_myawaddy_lies_in_myanmar_as_story_8_says(dataset: Dataset) -> None:
    # Where a shared place lies is stated once, with the place in the reference graph: a
    # triple in two graphs would be counted twice in the union default graph.
    assert (MYAWADDY, AK.locatedIn, entity("country:mm")) in dataset.graph(REFERENCE_GRAPH)
    assert (MYAWADDY, AK.locatedIn, None) not in dataset.graph(story_graph(8))
    assert (CRIME, AK.location, MYAWADDY) in dataset.graph(story_graph(8))
    assert dataset.value(MYAWADDY, SKOS.exactMatch) is None


def test_the_crackdown_hits_facilities_in_myawaddy_by_inference(dataset: Dataset) -> None:
    assert dataset.value(CRACKDOWN, AK.location) == MYAWADDY
    assert dataset.value(CRACKDOWN, AK.targets) == FACILITIES
    assert dataset.value(FACILITIES, AK.locatedIn) == MYAWADDY
    for inferred in (CRACKDOWN, FACILITIES):
        assert "inference" in str(dataset.value(inferred, SKOS.note))


def test_the_crime_in_myawaddy_endangers_chinese_nationals_and_other_travellers(
    dataset: Dataset,
) -> None:
    graph = dataset.graph(story_graph(8))
    assert graph.value(CRIME, AK.location) == MYAWADDY
    assert set(graph.objects(CRIME, AK.endangers)) == {
        entity("group:chinese-nationals"),
        entity("group:other-international-travellers"),
    }
    assert graph.value(entity("group:chinese-nationals"), AK.basedIn) == entity("country:cn")


# Story 8 names the same three countries for the mechanism set up early in 2025 and for the
# task force of December 2025, and links the two no further than that.


def test_the_crackdown_is_linked_to_the_mechanism_only_by_its_three_countries(
    dataset: Dataset,
) -> None:
    assert (CRACKDOWN, AK.subEventOf, MECHANISM) not in dataset
    assert (CRACKDOWN, AK.subEventOf, None) not in dataset
    founders = {
        dataset.value(participation, AK.participant)
        for participation in dataset.objects(MECHANISM, AK.hasParticipation)
    }
    task_force = entity("organisation:china-myanmar-thailand-joint-task-force")
    assert set(dataset.objects(task_force, AK.member)) == founders
    assert "without saying it was one of them" in str(dataset.value(CRACKDOWN, SKOS.note))


def test_the_mechanism_is_for_fighting_fraud_together(dataset: Dataset) -> None:
    aims = set(dataset.graph(story_graph(8)).objects(MECHANISM, AK.aim))
    assert aims == {entity("aim:combat-telecom-and-online-fraud")}


def test_aims_and_characterisations_come_from_their_schemes(dataset: Dataset) -> None:
    for prop, scheme in (
        (AK.aim, entity("scheme:aims")),
        (AK.characterisation, entity("scheme:characterisations")),
        (AK.relationshipKind, entity("scheme:relationship-kinds")),
    ):
        values = set(dataset.objects(None, prop))
        assert values
        assert all((value, SKOS.inScheme, scheme) in dataset for value in values)
