"""``aseankg find``: the IRI to reuse, by label, alternative label or code, whatever the case
or accents."""

from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner, Result

from aseankg.authoring import lookup
from aseankg.cli import main
from aseankg.rdf.namespaces import REFERENCE_GRAPH

EXAMPLE = Path(__file__).parent / "fixtures" / "articles" / "example-gazette"
MALAYSIA = "https://w3id.org/aseankg/id/country/my\tak:Country\tMalaysia"


def find(*args: str) -> Result:
    return CliRunner().invoke(main, ["find", *args])


def lines(result: Result) -> list[str]:
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


@pytest.mark.parametrize("text", ["Malaysia", "malaysia", "MALAYSIA", "Malàysia", "MALÁYSIA"])
def test_a_label_is_found_whatever_its_case_and_accents(text: str) -> None:
    found = lines(find(text))
    assert found[0] == MALAYSIA
    assert all("\tMalaysia" not in line for line in found[1:])  # the rest only mention it


def test_a_country_is_found_by_its_iso_code_first() -> None:
    found = lines(find("my"))
    assert found[0] == MALAYSIA + "\t(MY)"
    assert found[1] == "https://w3id.org/aseankg/id/country/mm\tak:Country\tMyanmar"


def test_an_alternative_label_is_found_and_shown() -> None:
    assert lines(find("guangxi"))[0] == (
        "https://w3id.org/aseankg/id/place/guangxi\tak:AdministrativeRegion\t"
        "Guangxi Zhuang Autonomous Region\t(Guangxi)"
    )


def test_what_stories_name_is_found_only_when_asked() -> None:
    shared = find("CAEXPO")
    assert shared.exit_code == 1
    assert shared.stdout == ""
    assert shared.stderr == (
        "Nothing is named like 'CAEXPO' among the shared entities (--all looks further).\n"
    )
    everywhere = lines(find("--all", "caexpo"))
    assert everywhere[0].startswith("https://w3id.org/aseankg/id/event/22nd-china-asean-expo\t")
    assert everywhere[0].endswith("\t(CAEXPO)")


def test_an_added_articles_entities_are_found_with_it() -> None:
    assert find("--all", "lantern bay").exit_code == 1
    found = lines(find("--all", "--article", str(EXAMPLE), "lantern bay"))
    assert len(found) == 4  # and the two participations, whose labels name the forum
    assert found[:2] == [
        "https://w3id.org/aseankg/id/event/lantern-bay-harbour-safety-session\tak:Workshop\t"
        "Lantern Bay harbour safety session (fictional)",
        "https://w3id.org/aseankg/id/event/lantern-bay-port-forum\tak:Forum\t"
        "Lantern Bay Port Forum (fictional)",
    ]
    assert lines(find("--article", str(EXAMPLE), "example gazette")) == [
        "https://w3id.org/aseankg/id/article/example-gazette\tak:Article\t"
        "Example Gazette: a fictional port forum, for testing aseankg"
    ]


def test_blank_text_is_refused() -> None:
    result = find("  ")
    assert result.exit_code == 2
    assert "Invalid value for 'TEXT': give some text to look for" in result.stderr


def test_closest_names_come_first_and_ontology_terms_never() -> None:
    store = ox.Store()
    graph = ox.NamedNode(str(REFERENCE_GRAPH))
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    alt = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
    names = {
        "a": ("Greater Viet Nam Area", label),
        "b": ("Việt Nam", label),
        "c": ("South Vietnamese coast", label),
        "d": ("Bay", label),
        "e": ("Bay of the Viet Nam coast", alt),
    }
    for key, (name, prop) in names.items():
        store.add(
            ox.Quad(ox.NamedNode(f"https://example.org/{key}"), prop, ox.Literal(name), graph)
        )
    store.add(
        ox.Quad(
            ox.NamedNode("https://w3id.org/aseankg/ontology#Viet"),
            label,
            ox.Literal("Viet"),
            ox.NamedNode("https://w3id.org/aseankg/ontology"),
        )
    )
    found = [(match.iri[-1], match.rank, match.matched) for match in lookup.find(store, "VIET")]
    assert found == [
        ("b", 1, "Việt Nam"),
        ("e", 2, "Bay of the Viet Nam coast"),
        ("a", 2, "Greater Viet Nam Area"),
        ("c", 2, "South Vietnamese coast"),
    ]
    assert lookup.fold("  Việt\tNAM ") == "viet nam"
