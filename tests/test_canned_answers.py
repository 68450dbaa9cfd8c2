"""Every canned query gives its exact answer on the bundled data, through the HTTP API.

Each query runs twice: as ``GET /api/queries/NAME`` on a live server (Oxigraph), and as
the bound query text that the same URL returns for ``Accept: application/sparql-query``,
run on rdflib's evaluator. Both must give the answer the article states. The first
nine queries are the competency questions of the knowledge graph.
"""

import json
from collections.abc import Callable
from urllib.parse import urlencode

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from aseankg.canned import Catalogue
from aseankg.rdf.namespaces import AK, ID, PREFIXES
from aseankg.sources import bundle
from tests.support.http import fetch

JSON = "application/sparql-results+json"
QUERY = "application/sparql-query"
Row = tuple[str | None, ...]
Answer = Callable[..., list[Row]]

#: Names of the queries this module tests; checked against the catalogue below.
COVERED: set[str] = set()


def covers(name: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    COVERED.add(name)
    return lambda test: test


def expand(value: str | None) -> str | None:
    """``event:x`` -> the full IRI; anything else unchanged."""
    if value is None or ":" not in value or value.startswith("http"):
        return value
    prefix, local = value.split(":", 1)
    return PREFIXES[prefix] + local if prefix in PREFIXES else value


def rows(*expected: tuple[str | None, ...]) -> list[Row]:
    return [tuple(expand(cell) for cell in row) for row in expected]


def query_target(name: str, params: dict[str, str]) -> str:
    return f"/api/queries/{name}?{urlencode(params)}"


@pytest.fixture(params=["api", "rdflib"])
def answer(request: pytest.FixtureRequest, live_server: str, dataset: Dataset) -> Answer:
    def run(name: str, /, **params: str) -> list[Row]:
        target = query_target(name, {key: expand(value) or "" for key, value in params.items()})
        if request.param == "api":
            reply = fetch(live_server, "GET", target, headers={"Accept": JSON})
            assert reply.status == 200, reply.text
            result = json.loads(reply.body)
            names = result["head"]["vars"]
            return [
                tuple(binding.get(n, {}).get("value") for n in names)
                for binding in result["results"]["bindings"]
            ]
        text = fetch(live_server, "GET", target, headers={"Accept": QUERY}).text
        return [tuple(None if c is None else str(c) for c in row) for row in dataset.query(text)]

    return run


def test_every_canned_query_has_an_exact_answer_test() -> None:
    assert set(Catalogue.load(bundle.queries_dir())) == COVERED


@covers("first-trip-abroad-2025")
def test_countries_xi_jinping_visited_on_his_first_trip_of_2025(answer: Answer) -> None:
    visits = "event:xi-jinping-state-visit-"
    expected = rows(
        ("country:kh", "Cambodia", "KH", visits + "cambodia-2025", "2025-04-14", "2025-04-18"),
        ("country:my", "Malaysia", "MY", visits + "malaysia-2025", "2025-04-14", "2025-04-18"),
        ("country:vn", "Vietnam", "VN", visits + "vietnam-2025", "2025-04-14", "2025-04-18"),
    )
    assert answer("first-trip-abroad-2025") == expected
    assert answer("first-trip-abroad-2025", person="person:xi-jinping") == expected
    assert answer("first-trip-abroad-2025", person="person:li-qiang") == []


@covers("events-2025-timeline")
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
            "Myawaddy",
        ),
    )


TIMELINE_EVENTS = {
    "year": ("event:china-asean-year-of-people-to-people-exchanges-2024-2025", "ak:ThematicYear"),
    "forum": ("event:2025-asean-china-gba-economic-cooperation-qianhai-forum", "ak:Forum"),
    "mechanism": (
        "event:china-myanmar-thailand-ministerial-coordination-mechanism",
        "ak:CoordinationMechanism",
    ),
    "trip": ("event:xi-jinping-southeast-asia-trip-2025", "ak:OverseasTrip"),
    "expo": ("event:22nd-china-asean-expo", "ak:Expo"),
    "cabis": ("event:china-asean-business-and-investment-summit-2025", "ak:BusinessSummit"),
    "summit": ("event:28th-china-asean-summit", "ak:Summit"),
    "workshop": ("event:2nd-regional-workshop-bwc-biosafety-southeast-asia", "ak:Workshop"),
    "crackdown": ("event:joint-crackdown-december-2025", "ak:LawEnforcementOperation"),
    "conference": (
        "event:3rd-china-asean-conference-physical-fitness-health-promotion",
        "ak:Conference",
    ),
    "operations": ("event:coordinated-enforcement-operations-2025", "ak:LawEnforcementOperation"),
    "crime": ("event:gambling-and-fraud-crime-in-myawaddy", "ak:Event"),
    "ceremony": ("event:22nd-china-asean-expo-opening-ceremony", "ak:Ceremony"),
    "previous": (
        "event:previous-asean-china-gba-economic-cooperation-qianhai-forum",
        "ak:Forum",
    ),
    "cambodia": ("event:xi-jinping-state-visit-cambodia-2025", "ak:StateVisit"),
    "malaysia": ("event:xi-jinping-state-visit-malaysia-2025", "ak:StateVisit"),
    "vietnam": ("event:xi-jinping-state-visit-vietnam-2025", "ak:StateVisit"),
}


def timeline(answer: Answer, **filters: str) -> list[tuple[str | None, ...]]:
    """The timeline's rows as (name above, kind, start, end, date note, parent's name)."""
    names = {expand(iri): name for name, (iri, _) in TIMELINE_EVENTS.items()}
    found = []
    for event, _, kind, _, start, end, note, parent in answer("events-timeline", **filters):
        assert kind == expand(TIMELINE_EVENTS[names[event]][1])
        found.append((names[event], start, end, note, names.get(parent)))
    return found


@covers("events-timeline")
def test_every_event_with_its_kind_dates_and_parent(answer: Answer) -> None:
    assert timeline(answer) == [
        ("year", "2024", "2025", None, None),
        ("forum", "2025", "2025", None, None),
        ("mechanism", "2025", None, "early 2025", None),
        ("trip", "2025-04-14", "2025-04-18", None, None),
        ("expo", "2025-09-17", "2025-09-21", None, None),
        ("cabis", "2025-09-17", "2025-09-21", None, None),
        ("summit", "2025-10-28", "2025-10-28", None, None),
        ("workshop", "2025-11-18", "2025-11-20", None, None),
        ("crackdown", "2025-12", None, None, None),
        ("conference", None, None, None, "year"),
        ("operations", None, None, None, "mechanism"),
        ("crime", None, None, "in recent years", None),
        ("ceremony", None, None, None, "expo"),
        ("previous", None, None, None, None),
        ("cambodia", None, None, None, "trip"),
        ("malaysia", None, None, None, "trip"),
        ("vietnam", None, None, None, "trip"),
    ]
    labels = {row[0]: (row[1], row[3]) for row in answer("events-timeline")}
    assert labels[expand("event:22nd-china-asean-expo-opening-ceremony")] == (
        "Opening ceremony of the 22nd China-ASEAN Expo",
        "Ceremony",
    )


@covers("events-timeline")
def test_events_on_the_timeline_of_a_country_an_actor_or_a_topic(answer: Answer) -> None:
    def names(**filters: str) -> list[str | None]:
        return [row[0] for row in timeline(answer, **filters)]

    # Located in Malaysia (Kuala Lumpur is in it), co-chaired by it, hosted by it.
    assert names(country="country:my") == ["summit", "workshop", "malaysia"]
    # Thailand takes part itself and through its law-enforcement authorities.
    assert names(country="country:th") == ["mechanism", "crackdown", "operations"]
    assert names(actor="person:han-zheng") == ["ceremony"]
    assert names(actor="country:my") == ["workshop", "malaysia"]
    # Telecom fraud is a narrower topic of non-traditional security.
    assert names(topic="topic:non-traditional-security") == [
        "mechanism",
        "workshop",
        "crackdown",
        "crime",
    ]
    assert names(country="country:th", topic="topic:law-enforcement-cooperation") == [
        "mechanism",
        "crackdown",
        "operations",
    ]
    assert names(actor="person:han-zheng", country="country:th") == []


@covers("documents-2025")
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


MALAYSIA_EVENTS = [
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
]


@covers("events-with-malaysia")
def test_events_with_malaysia_as_host_co_chair_or_location(answer: Answer) -> None:
    assert answer("events-with-malaysia") == rows(*MALAYSIA_EVENTS)


@covers("quantified-outcomes")
def test_quantified_outcomes_of_each_event(answer: Answer) -> None:
    found = [
        (row[1], row[4], row[5], row[6], row[7], row[8], row[9])
        for row in answer("quantified-outcomes")
    ]
    year = "2024-2025 China-ASEAN Year of People-to-People Exchanges"
    forum = "2025 ASEAN-China GBA Economic Cooperation (Qianhai) Forum"
    expo = "22nd China-ASEAN Expo"
    mechanism = (
        "China-Myanmar-Thailand ministerial coordination mechanism against telecom and online fraud"
    )
    assert found == [
        (year, "160", "activity", "more than", "160", None, None),
        (year, "2000000000", "person", "more than", "2000000000", None, None),
        (forum, "5730000000", "USD", "nearly", None, "5730000000", None),
        (forum, "40000000000", "CNY", "nearly", None, "40000000000", None),
        (forum, "20", "project", "more than", "20", None, None),
        (expo, "700", "cooperation outcome", "more than", "700", None, None),
        (expo, "60", "country or region", "as stated", None, None, None),
        (expo, "500", "project", "more than", "500", None, None),
        (expo, "3260", "enterprise", "as stated", None, None, None),
        (expo, "226000", "visit", "as stated", None, None, None),
        (mechanism, "7600", "criminal suspect", "more than", "7600", None, "China"),
    ]


@covers("quantified-outcomes")
def test_quantified_outcomes_filtered_by_event(answer: Answer) -> None:
    found = [
        (row[2], row[4], row[5], row[6])
        for row in answer("quantified-outcomes", event="event:22nd-china-asean-expo")
    ]
    assert found == rows(
        (
            "outcome:22nd-china-asean-expo-cooperation-outcomes",
            "700",
            "cooperation outcome",
            "more than",
        ),
        (
            "outcome:22nd-china-asean-expo-countries-and-regions",
            "60",
            "country or region",
            "as stated",
        ),
        ("outcome:22nd-china-asean-expo-signed-projects", "500", "project", "more than"),
        ("outcome:22nd-china-asean-expo-enterprises", "3260", "enterprise", "as stated"),
        ("outcome:22nd-china-asean-expo-visits", "226000", "visit", "as stated"),
    )
    assert answer("quantified-outcomes", event="event:28th-china-asean-summit") == []


@covers("expo-attendees")
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


@covers("plan-of-action-areas")
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


@covers("stories-mentioning-thailand")
def test_stories_that_mention_thailand(answer: Answer) -> None:
    assert [(row[0], row[1]) for row in answer("stories-mentioning-thailand")] == rows(
        ("story:08", "8"),
        ("story:09", "9"),
    )


@covers("qianhai-contract-value")
def test_qianhai_contract_value_in_yuan_and_dollars_and_its_change(answer: Answer) -> None:
    assert answer("qianhai-contract-value") == [
        (
            "40000000000",
            "nearly",
            "5730000000",
            "nearly",
            "20",
            "more than",
            "32",
            "Previous ASEAN-China GBA Economic Cooperation (Qianhai) Forum",
        )
    ]


@covers("events-by-country")
def test_events_by_country(answer: Answer) -> None:
    malaysia = [
        (row[0], row[1], row[2]) for row in answer("events-by-country", country="country:my")
    ]
    assert malaysia == rows(*MALAYSIA_EVENTS)
    assert answer("events-by-country", country="country:th") == rows(
        (
            "event:china-myanmar-thailand-ministerial-coordination-mechanism",
            "China-Myanmar-Thailand ministerial coordination mechanism against telecom and "
            "online fraud",
            "founding member",
            None,
            None,
            "2025",
        ),
        (
            "event:coordinated-enforcement-operations-2025",
            "Coordinated enforcement operations of China, Myanmar and Thailand",
            "conducting party",
            None,
            None,
            None,
        ),
        (
            "event:joint-crackdown-december-2025",
            "Joint crackdown on gambling and fraud facilities, December 2025",
            "organiser",
            "organisation:law-enforcement-authorities-of-thailand",
            "Law-enforcement authorities of Thailand",
            "2025-12",
        ),
    )
    china = {(row[0], row[2], row[3]) for row in answer("events-by-country", country="country:cn")}
    xi, han = expand("person:xi-jinping"), expand("person:han-zheng")
    assert china == set(
        rows(
            ("event:china-asean-year-of-people-to-people-exchanges-2024-2025", "organiser", None),
            ("event:22nd-china-asean-expo", "location", None),
            ("event:china-asean-business-and-investment-summit-2025", "location", None),
            ("event:22nd-china-asean-expo-opening-ceremony", "location", None),
            ("event:22nd-china-asean-expo-opening-ceremony", "attendee", han),
            ("event:22nd-china-asean-expo-opening-ceremony", "keynote speaker", han),
            ("event:28th-china-asean-summit", "attendee", "person:li-qiang"),
            ("event:2nd-regional-workshop-bwc-biosafety-southeast-asia", "co-chair", None),
            ("event:2nd-regional-workshop-bwc-biosafety-southeast-asia", "location", None),
            (
                "event:china-myanmar-thailand-ministerial-coordination-mechanism",
                "founding member",
                None,
            ),
            ("event:coordinated-enforcement-operations-2025", "conducting party", None),
            (
                "event:joint-crackdown-december-2025",
                "organiser",
                "organisation:law-enforcement-authorities-of-china",
            ),
            ("event:xi-jinping-southeast-asia-trip-2025", "visitor", xi),
            ("event:xi-jinping-state-visit-cambodia-2025", "visitor", xi),
            ("event:xi-jinping-state-visit-malaysia-2025", "visitor", xi),
            ("event:xi-jinping-state-visit-vietnam-2025", "visitor", xi),
        )
    )


@covers("events-by-month")
def test_events_by_month_range(answer: Answer) -> None:
    trip = "event:xi-jinping-southeast-asia-trip-2025"
    expo = "event:22nd-china-asean-expo"
    assert [(row[0], row[2], row[3], row[4]) for row in answer("events-by-month")] == rows(
        (trip, "2025-04-14", "2025-04-18", trip),
        ("event:xi-jinping-state-visit-cambodia-2025", "2025-04-14", "2025-04-18", trip),
        ("event:xi-jinping-state-visit-malaysia-2025", "2025-04-14", "2025-04-18", trip),
        ("event:xi-jinping-state-visit-vietnam-2025", "2025-04-14", "2025-04-18", trip),
        (expo, "2025-09-17", "2025-09-21", expo),
        (
            "event:china-asean-business-and-investment-summit-2025",
            "2025-09-17",
            "2025-09-21",
            "event:china-asean-business-and-investment-summit-2025",
        ),
        ("event:22nd-china-asean-expo-opening-ceremony", "2025-09-17", "2025-09-21", expo),
        (
            "event:28th-china-asean-summit",
            "2025-10-28",
            "2025-10-28",
            "event:28th-china-asean-summit",
        ),
        (
            "event:2nd-regional-workshop-bwc-biosafety-southeast-asia",
            "2025-11-18",
            "2025-11-20",
            "event:2nd-regional-workshop-bwc-biosafety-southeast-asia",
        ),
        (
            "event:joint-crackdown-december-2025",
            "2025-12",
            None,
            "event:joint-crackdown-december-2025",
        ),
    )
    autumn = [row[1] for row in answer("events-by-month", **{"from": "2025-09", "to": "2025-10"})]
    assert autumn == [
        "22nd China-ASEAN Expo",
        "China-ASEAN Business and Investment Summit",
        "Opening ceremony of the 22nd China-ASEAN Expo",
        "28th China-ASEAN Summit",
    ]
    assert answer("events-by-month", **{"from": "2025-05", "to": "2025-08"}) == []


@covers("actor-record")
def test_an_actors_record(answer: Answer) -> None:
    workshop = "event:2nd-regional-workshop-bwc-biosafety-southeast-asia"
    assert [
        (row[0], row[1], row[2], row[4], row[5])
        for row in answer("actor-record", actor="country:my")
    ] == rows(
        (
            "party to",
            None,
            "initiative:china-malaysia-community-with-a-shared-future",
            None,
            "story:01",
        ),
        ("party to", None, "relationship:china-malaysia", None, "story:01"),
        ("took part in", "host", "event:xi-jinping-state-visit-malaysia-2025", None, "story:01"),
        ("took part in", "co-chair", workshop, "2025-11-18", "story:07"),
    )
    assert [
        (row[0], row[1], row[2], row[4], row[5])
        for row in answer("actor-record", actor="person:xi-jinping")
    ] == rows(
        ("holds the office", None, "position:president-of-china", None, "story:01"),
        ("took part in", "visitor", "event:xi-jinping-state-visit-cambodia-2025", None, "story:01"),
        ("took part in", "visitor", "event:xi-jinping-state-visit-malaysia-2025", None, "story:01"),
        ("took part in", "visitor", "event:xi-jinping-state-visit-vietnam-2025", None, "story:01"),
        (
            "took part in",
            "visitor",
            "event:xi-jinping-southeast-asia-trip-2025",
            "2025-04-14",
            "story:01",
        ),
    )
    assert [
        (row[0], row[2], row[4], row[5])
        for row in answer("actor-record", actor="organisation:asean")
    ] == rows(
        ("party to", "initiative:asean-china-comprehensive-strategic-partnership", None, None),
        ("party to", "document:china-asean-free-trade-area", None, "story:04"),
        ("party to", "initiative:china-asean-community-with-a-shared-future", None, None),
        ("party to", "document:version-3-0-china-asean-free-trade-area", None, "story:04"),
        ("party to", "document:asean-china-plan-of-action-2026-2030", "2025-08-29", "story:03"),
        ("party to", "document:china-asean-fta-3-0-upgrade-protocol", "2025-10-28", "story:04"),
        (
            "took part in",
            "event:china-asean-year-of-people-to-people-exchanges-2024-2025",
            "2024",
            "story:06",
        ),
    )


@covers("actor-record")
def test_the_countries_of_the_joint_task_force_are_its_members(answer: Answer) -> None:
    task_force = "organisation:china-myanmar-thailand-joint-task-force"
    for country in ("country:cn", "country:mm", "country:th"):
        memberships = [
            (row[2], row[4], row[5])
            for row in answer("actor-record", actor=country)
            if row[0] == "member of"
        ]
        assert memberships == rows((task_force, "2025-12", "story:08"))


@covers("agreement-parties")
def test_agreements_and_their_parties(answer: Answer) -> None:
    fta = "document:china-asean-free-trade-area"
    protocol = "document:china-asean-fta-3-0-upgrade-protocol"
    version_3 = "document:version-3-0-china-asean-free-trade-area"
    plan = "document:asean-china-plan-of-action-2026-2030"
    sports = "document:sports-science-cooperation-agreements"
    institutions = "group:sports-science-institutions-singapore-thailand-vietnam"
    assert [
        (row[0], row[2], row[3], row[5], row[6]) for row in answer("agreement-parties")
    ] == rows(
        (fta, "Trade agreement", "organisation:asean", None, None),
        (fta, "Trade agreement", "country:cn", None, None),
        (protocol, "Upgrade protocol", "organisation:asean", "2025-10-28", None),
        (protocol, "Upgrade protocol", "country:cn", "2025-10-28", None),
        (plan, "Plan of action", "organisation:asean", None, "2025-08-29"),
        (plan, "Plan of action", "country:cn", None, "2025-08-29"),
        (sports, "Agreement", institutions, None, None),
        (version_3, "Trade agreement", "organisation:asean", None, None),
        (version_3, "Trade agreement", "country:cn", None, None),
    )
    assert [(row[0],) for row in answer("agreement-parties", party="country:cn")] == rows(
        (fta,), (protocol,), (plan,), (version_3,)
    )


@covers("fact-provenance")
def test_the_story_that_states_a_fact(answer: Answer) -> None:
    found = [(row[0], row[3], row[4]) for row in answer("fact-provenance")]
    assert (expand("story:10"), str(AK.amount), "40000000000") in found
    assert {row[0] for row in found} == {expand("story:10")}
    amount = answer(
        "fact-provenance",
        subject="outcome:qianhai-forum-2025-contract-value-cny",
        predicate=str(AK.amount),
    )
    assert amount == rows(
        (
            "story:10",
            "10",
            "The Qianhai forum launches AI and innovation platforms and signs projects worth "
            "nearly 40 billion yuan",
            str(AK.amount),
            "40000000000",
        )
    )
    stated = answer(
        "fact-provenance",
        subject="document:asean-china-plan-of-action-2026-2030",
        predicate=str(AK.statedIn),
    )
    assert [(row[1], row[4]) for row in stated] == rows(
        ("2", "story:02"), ("3", "story:03"), ("7", "story:07")
    )
    assert answer("fact-provenance", subject="person:xi-jinping") == rows(
        (
            "story:01",
            "1",
            "Xi Jinping's first trip abroad of 2025 takes him to Vietnam, Malaysia and Cambodia",
            str(AK.holdsPosition),
            "position:president-of-china",
        )
    )


@covers("topic-items")
def test_topics_and_what_is_tagged_with_them(answer: Answer) -> None:
    biosafety = answer("topic-items", topic="topic:biosafety-and-biosecurity")
    assert [(row[2], row[3], row[5]) for row in biosafety] == rows(
        ("document", "document:tianjin-biosecurity-guidelines", "true"),
        ("event", "event:2nd-regional-workshop-bwc-biosafety-southeast-asia", "true"),
        (
            "outcome",
            "outcome:2nd-regional-workshop-bwc-biosafety-priority-in-plan-of-action",
            "true",
        ),
        ("outcome", "outcome:2nd-regional-workshop-bwc-endorsement-of-tianjin-guidelines", "true"),
    )
    security = answer("topic-items", topic="topic:non-traditional-security")
    assert [(row[2], row[3], row[5]) for row in security] == rows(
        ("document", "document:tianjin-biosecurity-guidelines", "false"),
        ("event", "event:2nd-regional-workshop-bwc-biosafety-southeast-asia", "true"),
        ("event", "event:china-myanmar-thailand-ministerial-coordination-mechanism", "true"),
        ("event", "event:gambling-and-fraud-crime-in-myawaddy", "false"),
        ("event", "event:joint-crackdown-december-2025", "false"),
        (
            "outcome",
            "outcome:2nd-regional-workshop-bwc-biosafety-priority-in-plan-of-action",
            "false",
        ),
        ("outcome", "outcome:gambling-and-fraud-parks-dismantled", "false"),
        ("outcome", "outcome:2nd-regional-workshop-bwc-endorsement-of-tianjin-guidelines", "false"),
        ("outcome", "outcome:2nd-regional-workshop-bwc-multilateral-commitment", "true"),
    )
    everything = answer("topic-items", limit="1000")
    assert len(everything) == 114
    assert len({row[0] for row in everything}) == 30
    connectivity = answer("topic-items", topic="topic:connectivity")
    assert [(row[3], row[5]) for row in connectivity] == rows(
        ("document:asean-china-plan-of-action-2026-2030", "true")
    )


@covers("bilateral-multilateral-events")
def test_bilateral_and_multilateral_events(answer: Answer) -> None:
    found: dict[str, tuple[str | None, str | None, set[str | None]]] = {}
    for event, _, scope, sides, _, side_label in answer("bilateral-multilateral-events"):
        assert event is not None
        found.setdefault(event, (scope, sides, set()))[2].add(side_label)
    three = {"China", "Myanmar", "Thailand"}
    assert found == {
        expand(f"event:{slug}"): facts
        for slug, facts in {
            "2nd-regional-workshop-bwc-biosafety-southeast-asia": (
                "multilateral",
                "3",
                {"China", "Malaysia", "United Nations Office for Disarmament Affairs"},
            ),
            "china-myanmar-thailand-ministerial-coordination-mechanism": (
                "multilateral",
                "3",
                three,
            ),
            "coordinated-enforcement-operations-2025": ("multilateral", "3", three),
            "joint-crackdown-december-2025": ("multilateral", "3", three),
            "china-asean-year-of-people-to-people-exchanges-2024-2025": (
                "bilateral",
                "2",
                {"ASEAN", "China"},
            ),
            "xi-jinping-state-visit-cambodia-2025": ("bilateral", "2", {"Cambodia", "China"}),
            "xi-jinping-state-visit-malaysia-2025": ("bilateral", "2", {"China", "Malaysia"}),
            "xi-jinping-state-visit-vietnam-2025": ("bilateral", "2", {"China", "Vietnam"}),
            "22nd-china-asean-expo": ("undetermined", "1", {"ASEAN"}),
            "28th-china-asean-summit": ("undetermined", "1", {"China"}),
            "22nd-china-asean-expo-opening-ceremony": ("undetermined", "1", {"China"}),
            "xi-jinping-southeast-asia-trip-2025": ("undetermined", "1", {"China"}),
        }.items()
    }
    bilateral = answer("bilateral-multilateral-events", scope="bilateral")
    assert {row[2] for row in bilateral} == {"bilateral"}
    assert len(bilateral) == 8


@covers("co-participation")
def test_co_participation_network(answer: Answer) -> None:
    everyone = answer("co-participation")
    assert len(everyone) == 24
    assert answer("co-participation", minEvents="2") == rows(
        ("country:cn", "China", "country:mm", "Myanmar", "2"),
        ("country:cn", "China", "country:th", "Thailand", "2"),
        ("country:mm", "Myanmar", "country:th", "Thailand", "2"),
    )
    assert everyone[:3] == answer("co-participation", minEvents="2")
    assert {row[4] for row in everyone[3:]} == {"1"}
    assert [
        (row[0], row[2], row[4]) for row in answer("co-participation", actor="country:my")
    ] == rows(
        ("country:my", "country:cn", "1"),
        ("country:my", "group:international-organisations-at-biosafety-workshop", "1"),
        ("country:my", "group:representatives-of-asean-countries-at-biosafety-workshop", "1"),
        ("country:my", "organisation:unoda", "1"),
        ("country:my", "person:xi-jinping", "1"),
    )


@covers("first-of-their-kind")
def test_what_the_article_calls_the_first_of_its_kind(answer: Answer) -> None:
    community = "initiative:china-cambodia-community-with-a-shared-future"
    laboratory = "initiative:ai-str-international-open-laboratory"
    assert [(row[0], row[2], row[3], row[5]) for row in answer("first-of-their-kind")] == rows(
        (laboratory, "Platform", None, "story:10"),
        (community, "Partnership", "country:kh", "story:01"),
        (community, "Partnership", "country:cn", "story:01"),
    )


@covers("proposal-items")
def test_li_qiangs_proposals_one_row_per_item(answer: Answer) -> None:
    call = "outcome:28th-china-asean-summit-li-qiang-call"
    priorities = "outcome:28th-china-asean-summit-li-qiang-priorities"
    expected = [
        (expand(proposal), "Li Qiang", "28th China-ASEAN Summit", label)
        for proposal, labels in (
            (
                call,
                (
                    "Keeping external disturbances out",
                    "Standing up for legitimate rights and interests by backing each other and "
                    "acting in concert",
                    "Staying united and self-reliant",
                    "Steady, sound economic growth from complementary strengths and deeper "
                    "cooperation",
                ),
            ),
            (
                priorities,
                (
                    "Consolidating strategic mutual trust",
                    "Forging stronger people-to-people bonds",
                    "Promoting deeper convergence of interests",
                ),
            ),
        )
        for label in labels
    ]
    found = [(row[0], row[2], row[3], row[5]) for row in answer("proposal-items")]
    assert found == expected
    assert [row[5] for row in answer("proposal-items", proposer="person:li-qiang")] == [
        row[3] for row in expected
    ]
    assert answer("proposal-items", proposer="person:xi-jinping") == []


@covers("find-entity")
def test_find_an_entity_by_name(answer: Answer) -> None:
    assert answer("find-entity", name="Malaysia") == rows(
        ("country:my", "Malaysia", str(AK.Country))
    )
    assert answer("find-entity", name="CAEXPO") == rows(
        ("event:22nd-china-asean-expo", "22nd China-ASEAN Expo", str(AK.Expo))
    )
    assert answer("find-entity", name="malaysia") == []


@covers("story-facts")
@pytest.mark.parametrize("number", [1, 5, 10])
def test_the_facts_of_one_story(live_server: str, dataset: Dataset, number: int) -> None:
    story = f"{ID}story/{number:02d}"
    expected = Graph()
    for triple in dataset.graph(expand(f"storygraph:{number:02d}")).triples((None, None, None)):
        expected.add(triple)
    target = query_target("story-facts", {"story": story})
    reply = fetch(live_server, "GET", target, headers={"Accept": "text/turtle"})
    assert reply.status == 200
    assert reply.headers["Content-Type"].startswith("text/turtle")
    assert isomorphic(Graph().parse(data=reply.text, format="turtle"), expected)
    bound = fetch(live_server, "GET", target, headers={"Accept": QUERY}).text
    assert isomorphic(dataset.query(bound).graph, expected)


RELATIONSHIPS = {
    "Cambodia": "relationship:china-cambodia",
    "Malaysia": "relationship:china-malaysia",
    "Vietnam": "relationship:china-vietnam",
}


@covers("relationship-characterisations")
def test_how_each_bilateral_relationship_is_characterised(answer: Answer) -> None:
    found: dict[str | None, list[str | None]] = {}
    for relationship, _, _, counterpart, kind, _, label, story in answer(
        "relationship-characterisations"
    ):
        assert relationship == expand(RELATIONSHIPS[counterpart or ""])
        assert (kind, story) == ("community with a shared future", expand("story:01"))
        found.setdefault(counterpart, []).append(label)
    assert found == {
        "Cambodia": [
            "first to build a bilateral community with a shared future",
            "model of a new type of international relations",
            "mutual support",
            "pioneers of Belt and Road cooperation",
            "united for international fairness and justice",
        ],
        "Malaysia": [
            "equal treatment",
            "high-level strategic cooperation",
            "major developing countries",
            "members of the Global South",
            "model for relations between states",
            "mutual respect",
            "win-win cooperation",
        ],
        "Vietnam": [
            "close neighbours",
            "mutual learning",
            "mutual support",
            "of strategic significance",
            "showcase of socialism",
            "socialist partners",
        ],
    }


@covers("relationship-characterisations")
def test_the_countries_china_calls_socialist_partners(answer: Answer) -> None:
    socialist = answer(
        "relationship-characterisations", characterisation="characterisation:socialist-partners"
    )
    assert [(row[2], row[3], row[5]) for row in socialist] == rows(
        ("country:vn", "Vietnam", "characterisation:socialist-partners")
    )
    # A broader characterisation finds the relationships characterised by a narrower one.
    models = answer(
        "relationship-characterisations", characterisation="characterisation:model-relations"
    )
    assert [(row[3], row[6]) for row in models] == [
        ("Cambodia", "model of a new type of international relations"),
        ("Malaysia", "model for relations between states"),
    ]
    # Seen from Vietnam's side, the counterpart is China.
    assert {row[3] for row in answer("relationship-characterisations", side="country:vn")} == {
        "China"
    }
    assert answer("relationship-characterisations", side="country:th") == []


@covers("relationship-frameworks")
def test_the_frameworks_each_relationship_is_tied_to(answer: Answer) -> None:
    assert [(row[0], row[4], row[6]) for row in answer("relationship-frameworks")] == rows(
        (RELATIONSHIPS["Cambodia"], "initiative:belt-and-road-initiative", "Initiative"),
        (
            RELATIONSHIPS["Cambodia"],
            "initiative:china-cambodia-community-with-a-shared-future",
            "Partnership",
        ),
        (
            RELATIONSHIPS["Cambodia"],
            "initiative:diamond-hexagon-cooperation-framework",
            "Cooperation framework",
        ),
        (
            RELATIONSHIPS["Malaysia"],
            "initiative:china-malaysia-community-with-a-shared-future",
            "Partnership",
        ),
        (
            RELATIONSHIPS["Vietnam"],
            "initiative:china-vietnam-community-with-a-shared-future",
            "Partnership",
        ),
    )


@covers("relationship-frameworks")
def test_the_relationships_tied_to_the_belt_and_road_initiative(answer: Answer) -> None:
    belt_and_road = answer(
        "relationship-frameworks", framework="initiative:belt-and-road-initiative"
    )
    assert [(row[0], row[2], row[3], row[7]) for row in belt_and_road] == rows(
        (RELATIONSHIPS["Cambodia"], "country:kh", "Cambodia", "story:01")
    )
    hexagon = "initiative:diamond-hexagon-cooperation-framework"
    assert [row[3] for row in answer("relationship-frameworks", framework=hexagon)] == ["Cambodia"]
    plan = "document:asean-china-plan-of-action-2026-2030"
    assert answer("relationship-frameworks", framework=plan) == []


@covers("stated-priorities")
def test_the_priorities_stated_at_the_summit_in_order(answer: Answer) -> None:
    summit = "event:28th-china-asean-summit"
    priorities = "outcome:28th-china-asean-summit-li-qiang-priorities"
    found = [
        (row[2], row[4], row[5], row[7], row[8])
        for row in answer("stated-priorities", event=summit)
        if row[2] == expand(priorities)
    ]
    assert found == rows(
        (
            priorities,
            "Li Qiang",
            "1",
            "Consolidating strategic mutual trust",
            "aim:strategic-mutual-trust",
        ),
        (
            priorities,
            "Li Qiang",
            "2",
            "Promoting deeper convergence of interests",
            "aim:convergence-of-interests",
        ),
        (
            priorities,
            "Li Qiang",
            "3",
            "Forging stronger people-to-people bonds",
            "aim:people-to-people-bonds",
        ),
    )


@covers("stated-priorities")
def test_li_qiangs_call_comes_point_by_point_before_the_priorities(answer: Answer) -> None:
    assert [(row[3], row[5], row[7]) for row in answer("stated-priorities")] == [
        (
            "Li Qiang's call on China and ASEAN in a changing world",
            "1",
            "Staying united and self-reliant",
        ),
        (
            "Li Qiang's call on China and ASEAN in a changing world",
            "2",
            "Standing up for legitimate rights and interests by backing each other and acting "
            "in concert",
        ),
        (
            "Li Qiang's call on China and ASEAN in a changing world",
            "3",
            "Keeping external disturbances out",
        ),
        (
            "Li Qiang's call on China and ASEAN in a changing world",
            "4",
            "Steady, sound economic growth from complementary strengths and deeper cooperation",
        ),
        (
            "Li Qiang's three priorities for China-ASEAN cooperation",
            "1",
            "Consolidating strategic mutual trust",
        ),
        (
            "Li Qiang's three priorities for China-ASEAN cooperation",
            "2",
            "Promoting deeper convergence of interests",
        ),
        (
            "Li Qiang's three priorities for China-ASEAN cooperation",
            "3",
            "Forging stronger people-to-people bonds",
        ),
    ]
    assert answer("stated-priorities", event="event:22nd-china-asean-expo") == []


@covers("purposes")
def test_what_each_initiative_and_mechanism_is_for(answer: Answer) -> None:
    def purposes(item: str) -> list[tuple[str | None, ...]]:
        return [(row[3], row[4], row[6]) for row in answer("purposes", item=item)]

    assert purposes("event:china-myanmar-thailand-ministerial-coordination-mechanism") == rows(
        ("advances", "initiative:china-asean-community-with-a-shared-future", "8"),
        ("aims at", "aim:combat-telecom-and-online-fraud", "8"),
    )
    assert purposes("document:asean-china-plan-of-action-2026-2030") == rows(
        ("aims at", "aim:practical-cooperation-quality", "3"),
        ("aims at", "aim:regional-peace-stability-and-prosperity", "3"),
        ("aims at", "aim:strategic-mutual-trust", "3"),
    )
    assert purposes("initiative:china-asean-collaborative-innovation-base") == rows(
        ("aims at", "aim:cross-regional-innovation-network", "10")
    )
    assert purposes("relationship:china-malaysia") == rows(
        ("aims at", "aim:new-golden-50-years", "1"),
        ("aims at", "aim:common-interests", "1"),
        ("aims at", "aim:cooperation-on-modernization", "1"),
        ("aims at", "aim:mutual-learning-among-civilizations", "1"),
        ("aims at", "aim:regional-peace-stability-and-prosperity", "1"),
    )
    everything = answer("purposes")
    assert len(everything) == 54
    assert [row[6] for row in everything] == sorted((row[6] for row in everything), key=int)
    assert {row[2] for row in everything} == {
        "Agreement",
        "Bilateral relationship",
        "Conference",
        "Coordination mechanism",
        "Initiative",
        "Plan of action",
        "Platform",
        "Proposal",
        "State visit",
        "Summit",
        "Thematic year",
        "Upgrade protocol",
        "Workshop",
    }


@covers("purposes")
def test_what_serves_an_aim_and_its_narrower_aims(answer: Answer) -> None:
    peace = answer("purposes", purpose="aim:regional-peace-and-stability")
    assert [(row[0], row[4]) for row in peace] == rows(
        ("relationship:china-cambodia", "aim:regional-peace-and-stability"),
        ("relationship:china-malaysia", "aim:regional-peace-stability-and-prosperity"),
        (
            "document:asean-china-plan-of-action-2026-2030",
            "aim:regional-peace-stability-and-prosperity",
        ),
    )
    # Li Qiang's first priority and the plan of action share their aim.
    trust = answer("purposes", purpose="aim:strategic-mutual-trust")
    assert [(row[0],) for row in trust] == rows(
        ("outcome:28th-china-asean-summit-priority-strategic-mutual-trust",),
        ("document:asean-china-plan-of-action-2026-2030",),
    )
    home = answer("purposes", purpose="initiative:peaceful-safe-prosperous-beautiful-amicable-home")
    assert [(row[0], row[3], row[6]) for row in home] == rows(
        ("event:china-asean-year-of-people-to-people-exchanges-2024-2025", "advances", "6"),
        ("initiative:china-asean-law-enforcement-cooperation", "advances", "8"),
    )
