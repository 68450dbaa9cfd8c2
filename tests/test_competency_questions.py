"""The competency questions of the knowledge graph, answered exactly as the article states.

Each question is a query in ``queries/``; each runs on both the production store
(Oxigraph) and rdflib's evaluator, and both must give the article's answer.
"""

from collections.abc import Callable

import pyoxigraph
import pytest
from rdflib import Dataset

from aseankg import bundle
from aseankg.layout import dataset_sources
from aseankg.namespaces import PREFIXES
from aseankg.store import load_store

Row = tuple[str | None, ...]
Answer = Callable[[str], list[Row]]


def expand(value: str | None) -> str | None:
    """``event:x`` -> the full IRI; anything else unchanged."""
    if value is None or ":" not in value or value.startswith("http"):
        return value
    prefix, local = value.split(":", 1)
    return PREFIXES[prefix] + local if prefix in PREFIXES else value


def rows(*expected: tuple[str | None, ...]) -> list[Row]:
    return [tuple(expand(cell) for cell in row) for row in expected]


@pytest.fixture(scope="module")
def store() -> pyoxigraph.Store:
    return load_store(dataset_sources(bundle.data_dir(), bundle.ontology_dir()))


@pytest.fixture(params=["oxigraph", "rdflib"])
def answer(request: pytest.FixtureRequest, store: pyoxigraph.Store, dataset: Dataset) -> Answer:
    def run(name: str) -> list[Row]:
        text = (bundle.queries_dir() / f"{name}.rq").read_text(encoding="utf-8")
        if request.param == "oxigraph":
            result = store.query(text, use_default_graph_as_union=True)
            names = [variable.value for variable in result.variables]
            return [tuple(None if s[n] is None else s[n].value for n in names) for s in result]
        return [tuple(None if c is None else str(c) for c in row) for row in dataset.query(text)]

    return run


def test_countries_xi_jinping_visited_on_his_first_trip_of_2025(answer: Answer) -> None:
    visits = "event:xi-jinping-state-visit-"
    assert answer("xi-jinping-first-trip-2025") == rows(
        ("country:kh", "Cambodia", "KH", visits + "cambodia-2025", "2025-04-14", "2025-04-18"),
        ("country:my", "Malaysia", "MY", visits + "malaysia-2025", "2025-04-14", "2025-04-18"),
        ("country:vn", "Vietnam", "VN", visits + "vietnam-2025", "2025-04-14", "2025-04-18"),
    )


def test_events_of_2025_in_date_order(answer: Answer) -> None:
    year = "event:china-asean-year-of-people-to-people-exchanges-2024-2025"
    forum = "event:2025-asean-china-gba-economic-cooperation-qianhai-forum"
    mechanism = "event:china-myanmar-thailand-ministerial-coordination-mechanism"
    trip = "event:xi-jinping-southeast-asia-trip-2025"
    expo = "event:22nd-china-asean-expo"
    cabis = "event:china-asean-business-and-investment-summit-2025"
    summit = "event:28th-china-asean-summit"
    workshop = "event:2nd-regional-workshop-bwc-biosafety-southeast-asia"
    crackdown = "event:joint-crackdown-december-2025"
    timeline = [(row[1], row[2], row[3], row[4], row[6]) for row in answer("events-2025-timeline")]
    assert timeline == rows(
        ("2024-2025 China-ASEAN Year of People-to-People Exchanges", "2024", "2025", year, None),
        ("2025 ASEAN-China GBA Economic Cooperation (Qianhai) Forum", "2025", "2025", forum, None),
        (
            "China-Myanmar-Thailand ministerial coordination mechanism against telecom and "
            "online fraud",
            "2025",
            None,
            mechanism,
            None,
        ),
        (
            "Xi Jinping's Southeast Asia trip, April 2025",
            "2025-04-14",
            "2025-04-18",
            trip,
            "Southeast Asia",
        ),
        (
            "Xi Jinping's state visit to Cambodia, 2025",
            "2025-04-14",
            "2025-04-18",
            trip,
            "Cambodia",
        ),
        (
            "Xi Jinping's state visit to Malaysia, 2025",
            "2025-04-14",
            "2025-04-18",
            trip,
            "Malaysia",
        ),
        ("Xi Jinping's state visit to Vietnam, 2025", "2025-04-14", "2025-04-18", trip, "Vietnam"),
        ("22nd China-ASEAN Expo", "2025-09-17", "2025-09-21", expo, "Nanning"),
        (
            "China-ASEAN Business and Investment Summit",
            "2025-09-17",
            "2025-09-21",
            cabis,
            "Nanning",
        ),
        (
            "Opening ceremony of the 22nd China-ASEAN Expo",
            "2025-09-17",
            "2025-09-21",
            expo,
            "Nanning",
        ),
        ("28th China-ASEAN Summit", "2025-10-28", "2025-10-28", summit, "Kuala Lumpur"),
        (
            "2nd Regional Workshop on Implementing the Biological Weapons Convention and "
            "Promoting Biosafety and Biosecurity in Southeast Asia",
            "2025-11-18",
            "2025-11-20",
            workshop,
            "Guangzhou",
        ),
        (
            "Joint crackdown on gambling and fraud facilities, December 2025",
            "2025-12",
            None,
            crackdown,
            None,
        ),
    )


def test_documents_signed_released_or_endorsed_in_2025(answer: Answer) -> None:
    found = {
        (
            row[1],
            row[2],
            row[3],
            row[4],
            row[5],
            frozenset(filter(None, (row[6] or "").split("; "))),
        )
        for row in answer("documents-2025")
    }
    assert found == {
        (
            "Plan of Action to Implement the ASEAN-China Comprehensive Strategic Partnership "
            "(2026-2030)",
            "released",
            "2025-08-29",
            None,
            None,
            frozenset({"China", "ASEAN"}),
        ),
        (
            "China-ASEAN Free Trade Area 3.0 Upgrade Protocol",
            "signed",
            "2025-10-28",
            None,
            None,
            frozenset({"China", "ASEAN"}),
        ),
        (
            "Tianjin Biosecurity Guidelines for Codes of Conduct for Scientists",
            "endorsed",
            "2025-11-18",
            "2025-11-20",
            "2nd Regional Workshop on Implementing the Biological Weapons Convention and "
            "Promoting Biosafety and Biosecurity in Southeast Asia",
            frozenset(
                {
                    "China",
                    "Malaysia",
                    "United Nations Office for Disarmament Affairs",
                    "Representatives of ASEAN countries at the 2nd regional biosafety workshop",
                    "Major international organisations at the 2nd regional biosafety workshop",
                }
            ),
        ),
        (
            "2025 Greater Bay Area-ASEAN Industrial Cooperation Frontier Report",
            "released",
            "2025",
            None,
            "2025 ASEAN-China GBA Economic Cooperation (Qianhai) Forum",
            frozenset(),
        ),
    }


def test_events_with_malaysia_as_host_co_chair_or_location(answer: Answer) -> None:
    assert answer("events-with-malaysia") == rows(
        ("event:28th-china-asean-summit", "28th China-ASEAN Summit", "location"),
        (
            "event:2nd-regional-workshop-bwc-biosafety-southeast-asia",
            "2nd Regional Workshop on Implementing the Biological Weapons Convention and "
            "Promoting Biosafety and Biosecurity in Southeast Asia",
            "co-chair",
        ),
        (
            "event:xi-jinping-state-visit-malaysia-2025",
            "Xi Jinping's state visit to Malaysia, 2025",
            "host",
        ),
        (
            "event:xi-jinping-state-visit-malaysia-2025",
            "Xi Jinping's state visit to Malaysia, 2025",
            "location",
        ),
    )


def test_quantified_outcomes_of_each_event(answer: Answer) -> None:
    found = [
        (row[1], row[4], row[5], row[6], row[7], row[8]) for row in answer("quantified-outcomes")
    ]
    year = "2024-2025 China-ASEAN Year of People-to-People Exchanges"
    forum = "2025 ASEAN-China GBA Economic Cooperation (Qianhai) Forum"
    expo = "22nd China-ASEAN Expo"
    mechanism = (
        "China-Myanmar-Thailand ministerial coordination mechanism against telecom and online fraud"
    )
    crackdown = "Joint crackdown on gambling and fraud facilities, December 2025"
    assert found == [
        (year, "160", "activity", "more than", "160", None),
        (year, "2000000000", "person", "more than", "2000000000", None),
        (forum, "5730000000", "USD", "as stated", None, None),
        (forum, "40000000000", "CNY", "nearly", None, "40000000000"),
        (forum, "20", "project", "more than", "20", None),
        (expo, "700", "cooperation outcome", "more than", "700", None),
        (expo, "60", "country or region", "as stated", None, None),
        (expo, "500", "project", "more than", "500", None),
        (expo, "3260", "enterprise", "as stated", None, None),
        (expo, "226000", "visit", "as stated", None, None),
        (mechanism, "7600", "criminal suspect", "more than", "7600", None),
        (crackdown, "7600", "criminal suspect", "more than", "7600", None),
    ]


def test_who_attended_the_22nd_china_asean_expo_in_which_role(answer: Answer) -> None:
    found = [(row[1], row[2], row[3], row[4]) for row in answer("expo-attendees")]
    ceremony = "Opening ceremony of the 22nd China-ASEAN Expo"
    assert found == [
        (
            "ASEAN Secretary-General in 2025",
            "attendee",
            "Secretary-General of ASEAN",
            "22nd China-ASEAN Expo",
        ),
        ("Han Zheng", "attendee", "Vice President of China", ceremony),
        ("Han Zheng", "keynote speaker", "Vice President of China", ceremony),
        (
            "Senior officials from several countries at the 22nd China-ASEAN Expo",
            "attendee",
            None,
            "22nd China-ASEAN Expo",
        ),
    ]


def test_cooperation_areas_of_the_plan_of_action(answer: Answer) -> None:
    found = [(row[1], row[2], row[3]) for row in answer("plan-of-action-areas")]
    listed = "listed in the plan"
    assert found == [
        ("connectivity", listed, "3"),
        ("digital development", listed, "3"),
        ("green development", listed, "3"),
        ("people-to-people exchange", listed, "3"),
        ("political and security affairs", listed, "3"),
        ("trade and investment", listed, "3"),
        ("biosafety and biosecurity", "agreed to be added as a priority", "7"),
    ]


def test_stories_that_mention_thailand(answer: Answer) -> None:
    assert [(row[0], row[1]) for row in answer("stories-mentioning-thailand")] == rows(
        ("story:08", "8"),
        ("story:09", "9"),
    )


def test_qianhai_contract_value_in_yuan_and_dollars_and_its_change(answer: Answer) -> None:
    assert answer("qianhai-contract-value") == [
        (
            "40000000000",
            "nearly",
            "5730000000",
            "as stated",
            "32",
            "Previous ASEAN-China GBA Economic Cooperation (Qianhai) Forum",
        )
    ]
