"""The bundled data says what the article says, no more, and in its own words.

Each test pins one reading of the article that the data once got wrong: a figure
qualified differently from the text, a name given to the wrong thing, a total credited
to the wrong event, a description that adds what the article does not say, wording
copied from the article, or a fact kept only in free text where no query can reach it.
"""

import hashlib
import re
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, SKOS, Dataset, Literal, URIRef

from aseankg.rdf.namespaces import AK, ID

ARTICLE_DIR = Path(__file__).parent / "fixtures" / "article"
#: Digests of the article's runs of ``RUN`` words: the article itself is not part of the project.
ARTICLE_RUNS = ARTICLE_DIR / "eight-word-runs.txt"
OFFICIAL_NAMES = ARTICLE_DIR / "official-names.txt"

#: The length, in words, of a run shared with the article that counts as copied wording.
RUN = 8
_WORD = re.compile(r"[a-z0-9]+")

Words = tuple[str, ...]


def entity(name: str) -> URIRef:
    """``outcome:x`` -> the IRI of that entity."""
    kind, local = name.split(":", 1)
    return ID[f"{kind}/{local}"]


def words(text: str) -> Words:
    return tuple(_WORD.findall(text.lower()))


def runs(tokens: Words) -> set[Words]:
    return {tokens[i : i + RUN] for i in range(len(tokens) - RUN + 1)}


def digest(run: Words) -> str:
    """How a run is listed in ``ARTICLE_RUNS``."""
    return hashlib.blake2b(" ".join(run).encode(), digest_size=8).hexdigest()


def official_names() -> list[Words]:
    lines = OFFICIAL_NAMES.read_text(encoding="utf-8").splitlines()
    return [words(line) for line in lines if line.strip() and not line.startswith("#")]


def own_wording(text: str, names: list[Words]) -> list[Words]:
    """The stretches of ``text`` left once the official names in it are cut out."""
    tokens = words(text)
    quoted = [False] * len(tokens)
    for name in names:
        for start in range(len(tokens) - len(name) + 1):
            if tokens[start : start + len(name)] == name:
                quoted[start : start + len(name)] = [True] * len(name)
    stretches: list[Words] = [()]
    for token, is_quoted in zip(tokens, quoted, strict=True):
        if is_quoted:
            stretches.append(())
        else:
            stretches[-1] += (token,)
    return [stretch for stretch in stretches if stretch]


def copied_runs(text: str, article: set[str], names: list[Words]) -> list[str]:
    """Runs of ``RUN`` words that ``text`` shares with the article outside official names."""
    found = []
    for stretch in own_wording(text, names):
        found += [" ".join(run) for run in sorted(runs(stretch)) if digest(run) in article]
    return found


@pytest.fixture(scope="module")
def article_runs() -> set[str]:
    lines = ARTICLE_RUNS.read_text(encoding="utf-8").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def test_the_wording_check_finds_a_copied_phrase_and_spares_official_names(
    article_runs: set[str],
) -> None:
    names = official_names()
    copied = (
        "The conference was recognised as one of the Top 10 Projects of the 2024-2025 "
        "China-ASEAN Year of People-to-People Exchanges."
    )
    assert "as one of the top 10 projects of" in copied_runs(copied, article_runs, names)
    quoted = "Release of the 2025 Greater Bay Area-ASEAN Industrial Cooperation Frontier Report"
    assert copied_runs(quoted, article_runs, names) == []
    assert copied_runs(quoted, article_runs, []) != []


def test_no_literal_copies_eight_words_of_the_article(
    dataset: Dataset, article_runs: set[str]
) -> None:
    names = official_names()
    copies = {
        f"{subject.n3()} {predicate.n3()}: {run}"
        for subject, predicate, value, _ in dataset.quads((None, None, None, None))
        if isinstance(value, Literal) and isinstance(value.value, str)
        for run in copied_runs(str(value), article_runs, names)
    }
    assert not copies, "\n".join(sorted(copies))


# Story 10 gives the signed projects' value once, vaguely, in yuan and again in dollars:
# one vague figure in two currencies, for those projects.


def test_the_dollar_figure_is_as_vague_as_the_yuan_figure(dataset: Dataset) -> None:
    usd = entity("outcome:qianhai-forum-2025-contract-value-usd")
    cny = entity("outcome:qianhai-forum-2025-contract-value-cny")
    assert dataset.value(usd, AK.qualifier) == entity("qualifier:nearly")
    assert dataset.value(usd, AK.upperBound).toPython() == 5_730_000_000
    assert dataset.value(usd, AK.lowerBound) is None
    signed = entity("outcome:qianhai-forum-2025-signed-projects")
    assert set(dataset.objects(usd, AK.concerns)) == {signed}
    assert set(dataset.objects(cny, AK.concerns)) == {signed}


# "the Version 3.0 China-ASEAN Free Trade Area" is the trade area, not the protocol.


def test_version_3_0_names_the_upgraded_trade_area_not_the_protocol(dataset: Dataset) -> None:
    protocol = entity("document:china-asean-fta-3-0-upgrade-protocol")
    name = Literal("Version 3.0 China-ASEAN Free Trade Area", lang="en")
    assert name not in set(dataset.objects(protocol, SKOS.altLabel))
    (area,) = set(dataset.subjects(RDFS.label, name))
    assert area == entity("document:version-3-0-china-asean-free-trade-area")
    assert (area, RDF.type, AK.TradeAgreement) in dataset
    assert (protocol, AK.implements, area) in dataset


# Story 8's totals (suspects handed over, parks dismantled) are counted to date, for the
# cooperation as a whole.

MECHANISM = entity("event:china-myanmar-thailand-ministerial-coordination-mechanism")
CRACKDOWN = entity("event:joint-crackdown-december-2025")


@pytest.mark.parametrize(
    "outcome",
    ["outcome:criminal-suspects-escorted-to-china", "outcome:gambling-and-fraud-parks-dismantled"],
)
def test_totals_to_date_belong_to_the_cooperation_not_the_crackdown(
    dataset: Dataset, outcome: str
) -> None:
    assert set(dataset.objects(entity(outcome), AK.outcomeOf)) == {MECHANISM}


def test_the_joint_task_force_names_its_three_countries(dataset: Dataset) -> None:
    task_force = entity("organisation:china-myanmar-thailand-joint-task-force")
    members = set(dataset.objects(task_force, AK.member))
    assert members == {entity("country:cn"), entity("country:mm"), entity("country:th")}


def test_the_mechanism_is_against_fraud_with_myawaddy_as_background(dataset: Dataset) -> None:
    assert set(dataset.objects(MECHANISM, AK.geographicFocus)) == set()
    topics = set(dataset.objects(MECHANISM, AK.topic))
    assert entity("topic:telecom-and-online-fraud") in topics
    assert entity("topic:online-gambling") not in topics


def test_the_crackdown_targets_the_gambling_and_fraud_facilities(dataset: Dataset) -> None:
    (facilities,) = set(dataset.objects(CRACKDOWN, AK.targets))
    assert facilities == entity("place:gambling-and-fraud-facilities")
    assert (facilities, RDF.type, AK.Place) in dataset


# Descriptions say only what the article says; an inference is marked as one.


@pytest.mark.parametrize(
    ("subject", "claim"),
    [
        ("initiative:belt-and-road-initiative", "infrastructure"),
        ("initiative:belt-and-road-initiative", "connectivity"),
        ("initiative:asean-china-comprehensive-strategic-partnership", "multi-year"),
        ("document:sports-science-cooperation-agreements", "at the conference"),
    ],
)
def test_descriptions_do_not_add_what_the_article_does_not_say(
    dataset: Dataset, subject: str, claim: str
) -> None:
    comment = str(dataset.value(entity(subject), RDFS.comment))
    assert claim not in comment.lower()


def test_the_report_has_no_release_date_of_its_own(dataset: Dataset) -> None:
    report = entity("document:2025-gba-asean-industrial-cooperation-frontier-report")
    assert dataset.value(report, AK.dateReleased) is None
    assert "2025 forum" in str(dataset.value(report, SKOS.note))


@pytest.mark.parametrize(
    "outcome",
    ["outcome:fitness-conference-signing-of-agreements", "outcome:ciss-nationfit-ai-launch"],
)
def test_story_9_results_linked_to_the_conference_are_marked_as_inferred(
    dataset: Dataset, outcome: str
) -> None:
    assert "inference" in str(dataset.value(entity(outcome), SKOS.note))


def test_the_agreements_are_not_said_to_be_signed(dataset: Dataset) -> None:
    agreements = entity("outcome:fitness-conference-signing-of-agreements")
    assert (agreements, RDF.type, AK.Signing) not in dataset


# Facts the article states, as data rather than free text.


def test_the_april_trip_is_xi_jinpings_first_abroad_of_2025(dataset: Dataset) -> None:
    trip = entity("event:xi-jinping-southeast-asia-trip-2025")
    assert str(dataset.value(trip, AK.firstTripOfYear)) == "2025"


def test_china_and_cambodia_built_the_first_bilateral_community(dataset: Dataset) -> None:
    community = entity("initiative:china-cambodia-community-with-a-shared-future")
    assert dataset.value(community, AK.firstOfItsKind).toPython() is True
    assert entity("country:kh") in set(dataset.objects(community, AK.party))
    firsts = set(dataset.subjects(AK.firstOfItsKind, Literal(True)))
    assert firsts == {community, entity("initiative:ai-str-international-open-laboratory")}


def test_li_qiangs_three_priorities_are_three_items(dataset: Dataset) -> None:
    priorities = entity("outcome:28th-china-asean-summit-li-qiang-priorities")
    items = set(dataset.objects(priorities, AK.item))
    assert {str(dataset.value(item, RDFS.label)) for item in items} == {
        "Consolidating strategic mutual trust",
        "Promoting deeper convergence of interests",
        "Forging stronger people-to-people bonds",
    }
    for item in items:
        assert dataset.value(item, AK.proposedBy) == entity("person:li-qiang")


def test_the_escorted_suspects_are_chinese_nationals(dataset: Dataset) -> None:
    suspects = entity("outcome:criminal-suspects-escorted-to-china")
    assert dataset.value(suspects, AK.nationality) == entity("country:cn")
