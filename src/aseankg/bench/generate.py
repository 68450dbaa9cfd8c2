"""Synthetic data folders with the shape of the real graph, for measuring growth.

A generated folder is laid out like ``data/``: the bundled data as it is (the
real article, its ten stories and the reference entities, so canned queries
about real entities still have answers), synthetic reference entities, and one
Turtle file per synthetic story, numbered on from the real ones. Each
story mirrors the real ones: an event with dates, a place, an edition and
participations in roles; sometimes a sub-event and a document with parties;
outcomes (counts and amounts with qualifiers and bounds, currency equivalents,
changes compared with earlier events, launches); topics; and provenance. Actors
are a mix of shared ones and new ones, so the graph grows the way years of news
would. The same seed always gives the same files.
"""

import random
import shutil
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from aseankg.rdf.namespaces import PREFIXES
from aseankg.sources import bundle

#: Synthetic stories are numbered after the bundled ones.
FIRST_NUMBER = 11
COUNTRIES = ("cn", "vn", "my", "kh", "mm", "th", "sg")
ROLES = ("attendee", "co-chair", "host", "keynote-speaker", "organiser", "signatory", "supporter")
UNITS = ("enterprise", "visit", "project", "activity", "person", "cooperation-outcome")
TOPICS = (
    "trade-and-investment",
    "digital-economy",
    "green-energy",
    "public-health",
    "connectivity",
    "people-to-people-exchange",
    "artificial-intelligence",
    "law-enforcement-cooperation",
    "biosafety-and-biosecurity",
    "science-and-innovation",
)
EVENT_KINDS = (
    ("Summit", "summit"),
    ("Expo", "expo"),
    ("Forum", "forum"),
    ("Workshop", "workshop"),
    ("Conference", "conference"),
    ("BusinessSummit", "business summit"),
    ("StateVisit", "state visit"),
)
DOCUMENT_KINDS = (
    ("Agreement", "agreement", "dateSigned", "Signing"),
    ("PlanOfAction", "plan of action", "dateReleased", "Release"),
    ("Report", "report", "dateReleased", "Release"),
    ("Guidelines", "guidelines", "dateReleased", "Endorsement"),
)
STORIES_PER_ARTICLE = 10


def _prefix_block() -> str:
    return "".join(f"@prefix {name}: <{iri}> .\n" for name, iri in PREFIXES.items()) + "\n"


@dataclass
class _Pools:
    """Entities already minted, so later stories can reuse them."""

    people: list[str] = field(default_factory=lambda: ["person:xi-jinping", "person:li-qiang"])
    organisations: list[str] = field(default_factory=lambda: ["organisation:asean"])
    places: list[str] = field(
        default_factory=lambda: ["place:kuala-lumpur", "place:nanning", "place:guangzhou"]
    )
    events: list[str] = field(default_factory=list)
    reference: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Summary:
    stories: int
    files: int
    seed: int


class _StoryWriter:
    """Writes one synthetic story; new shared entities go to the reference pool."""

    def __init__(self, rng: random.Random, pools: _Pools, number: int, year: int) -> None:
        self.rng = rng
        self.pools = pools
        self.number = number
        self.year = year
        self.story = f"story:{number:05d}"
        self.lines: list[str] = []

    def node(self, subject: str, kind: str, label: str, *pairs: str) -> None:
        body = [f'rdfs:label "{label}"@en', *pairs]
        self.lines.append(f"{subject} a ak:{kind} ;\n    " + " ;\n    ".join(body) + " .\n")

    def actor(self) -> str:
        draw = self.rng.random()
        if draw < 0.4:
            return self.country()
        pool, kind, prefix = (
            (self.pools.people, "Person", "person")
            if draw < 0.8
            else (self.pools.organisations, "Organisation", "organisation")
        )
        if self.rng.random() < 0.3 or not pool:
            iri = f"{prefix}:synthetic-{len(pool) + 1}-{self.number}"
            label = f"Synthetic {kind.lower()} {len(pool) + 1}"
            self.pools.reference.append(f'{iri} a ak:{kind} ;\n    rdfs:label "{label}"@en .\n')
            pool.append(iri)
            return iri
        return self.rng.choice(pool)

    def place(self) -> str:
        if self.rng.random() < 0.1:
            iri = f"place:synthetic-city-{len(self.pools.places) + 1}"
            label = f"Synthetic city {len(self.pools.places) + 1}"
            country = self.country()
            self.pools.reference.append(
                f'{iri} a ak:Settlement ;\n    rdfs:label "{label}"@en ;\n'
                f"    ak:locatedIn {country} .\n"
            )
            self.pools.places.append(iri)
            return iri
        return self.rng.choice(self.pools.places)

    def topics(self) -> str:
        chosen = self.rng.sample(TOPICS, self.rng.randint(1, 3))
        return "ak:topic " + ", ".join(f"topic:{topic}" for topic in chosen)

    def participations(self, event: str, label: str, count: int, visit: bool = False) -> str:
        """Participations in random roles; a state visit gets a visiting person and a host."""
        links = []
        for index in range(count):
            iri = f"participation:{event.split(':', 1)[1]}-{index + 1}"
            if visit and index < 2:
                role = ("visitor", "host")[index]
                actor = self.rng.choice(self.pools.people) if index == 0 else self.country()
            else:
                role, actor = self.rng.choice(ROLES), self.actor()
            self.node(
                iri,
                "Participation",
                f"Participant {index + 1} of {label}",
                f"ak:participant {actor}",
                f"ak:role role:{role}",
            )
            links.append(iri)
        return "ak:hasParticipation " + ", ".join(links)

    def country(self) -> str:
        return f"country:{self.rng.choice(COUNTRIES)}"

    def event(self) -> tuple[str, date]:
        kind, noun = self.rng.choice(EVENT_KINDS)
        iri = f"event:synthetic-{self.number:05d}"
        label = f"Synthetic {noun} {self.number}"
        start = date(self.year, 1, 1) + timedelta(days=self.rng.randrange(360))
        end = start + timedelta(days=self.rng.randrange(5))
        pairs = [
            f'ak:startDate "{start.isoformat()}"^^xsd:date',
            f'ak:endDate "{end.isoformat()}"^^xsd:date',
            f"ak:location {self.place()}",
            self.participations(iri, label, self.rng.randint(2, 6), visit=kind == "StateVisit"),
            self.topics(),
            f"ak:statedIn {self.story}",
        ]
        if self.rng.random() < 0.5:
            pairs.append(f"ak:edition {self.rng.randint(1, 30)}")
        self.node(iri, kind, label, *pairs)
        if self.rng.random() < 0.3:
            ceremony = f"{iri}-opening"
            ceremony_label = f"Opening ceremony of {label.lower()}"
            self.node(
                ceremony,
                "Ceremony",
                ceremony_label,
                f"ak:subEventOf {iri}",
                f"ak:location {self.place()}",
                self.participations(ceremony, ceremony_label, self.rng.randint(1, 2)),
                f"ak:statedIn {self.story}",
            )
        return iri, start

    def document(self, event: str, day: date) -> None:
        kind, noun, date_property, action = self.rng.choice(DOCUMENT_KINDS)
        iri = f"document:synthetic-{self.number:05d}"
        parties = {self.actor() for _ in range(2)}
        period = (
            [
                f'ak:periodStart "{day.year + 1}"^^xsd:gYear',
                f'ak:periodEnd "{day.year + 5}"^^xsd:gYear',
            ]
            if kind == "PlanOfAction"
            else []
        )
        self.node(
            iri,
            kind,
            f"Synthetic {noun} {self.number}",
            "ak:party " + ", ".join(sorted(parties)),
            f'ak:{date_property} "{day.isoformat()}"^^xsd:date',
            *period,
            self.topics(),
            f"ak:statedIn {self.story}",
        )
        self.node(
            f"outcome:synthetic-{self.number:05d}-{action.lower()}",
            action,
            f"{action} of synthetic {noun} {self.number}",
            f"ak:concerns {iri}",
            f"ak:outcomeOf {event}",
            f"ak:statedIn {self.story}",
        )

    def count(self, event: str, index: int) -> None:
        value = self.rng.choice((12, 60, 160, 500, 700, 3260, 7600, 226000))
        qualifier = self.rng.choice(("as-stated", "more-than", "nearly", "approximately"))
        bounds = {
            "more-than": [f'ak:lowerBound "{value}"^^xsd:decimal'],
            "nearly": [f'ak:upperBound "{value}"^^xsd:decimal'],
        }.get(qualifier, [])
        self.node(
            f"outcome:synthetic-{self.number:05d}-count-{index}",
            "Count",
            f"Figure {index} of synthetic story {self.number}",
            f"ak:count {value}",
            f"ak:unit unit:{self.rng.choice(UNITS)}",
            f"ak:qualifier qualifier:{qualifier}",
            *bounds,
            f"ak:outcomeOf {event}",
            f"ak:statedIn {self.story}",
        )

    def amount(self, event: str) -> None:
        base = f"outcome:synthetic-{self.number:05d}-value"
        yuan = self.rng.randrange(1, 400) * 100_000_000
        pairs = [
            f'ak:amount "{yuan}"^^xsd:decimal',
            'ak:currency "CNY"',
            "ak:qualifier qualifier:nearly",
            f'ak:upperBound "{yuan}"^^xsd:decimal',
            f"ak:outcomeOf {event}",
            f"ak:statedIn {self.story}",
        ]
        if self.rng.random() < 0.5:
            pairs.append(f"ak:equivalentAmount {base}-usd")
            self.node(
                f"{base}-usd",
                "MonetaryAmount",
                f"Contract value of synthetic story {self.number}, in US dollars",
                f'ak:amount "{yuan * 14 // 100}"^^xsd:decimal',
                'ak:currency "USD"',
                "ak:qualifier qualifier:as-stated",
                f"ak:outcomeOf {event}",
                f"ak:statedIn {self.story}",
            )
        self.node(
            base, "MonetaryAmount", f"Contract value of synthetic story {self.number}", *pairs
        )
        if self.pools.events and self.rng.random() < 0.5:
            self.node(
                f"{base}-change",
                "Change",
                f"Change in contract value of synthetic story {self.number}",
                f'ak:percentageChange "{self.rng.randint(-40, 60)}"^^xsd:decimal',
                f"ak:changeOf {base}",
                f"ak:comparedWith {self.rng.choice(self.pools.events)}",
                f"ak:outcomeOf {event}",
                f"ak:statedIn {self.story}",
            )

    def launch(self, event: str) -> None:
        platform = f"initiative:synthetic-platform-{self.number:05d}"
        self.node(
            platform,
            "Platform",
            f"Synthetic platform {self.number}",
            f'rdfs:comment "A platform launched in synthetic story {self.number}."@en',
            self.topics(),
            f"ak:statedIn {self.story}",
        )
        self.node(
            f"outcome:synthetic-{self.number:05d}-launch",
            "Launch",
            f"Launch of synthetic platform {self.number}",
            f"ak:concerns {platform}",
            f"ak:outcomeOf {event}",
            f"ak:statedIn {self.story}",
        )

    def write(self) -> str:
        event, day = self.event()
        if self.rng.random() < 0.4:
            self.document(event, day)
        for index in range(1, self.rng.randint(1, 3) + 1):
            self.count(event, index)
        if self.rng.random() < 0.4:
            self.amount(event)
        if self.rng.random() < 0.2:
            self.launch(event)
        self.pools.events.append(event)
        return "\n".join(self.lines)


def _source(numbers: range, first_year: int) -> str:
    """The synthetic articles and their stories, with the graph of each story."""
    lines = []
    for article, start in enumerate(range(numbers.start, numbers.stop, STORIES_PER_ARTICLE)):
        members = range(start, min(numbers.stop, start + STORIES_PER_ARTICLE))
        parts = ", ".join(f"story:{n:05d}" for n in members)
        lines.append(
            f"article:synthetic-{article + 1:04d} a ak:Article ;\n"
            f'    rdfs:label "Synthetic article {article + 1}"@en ;\n'
            f"    dcterms:hasPart {parts} .\n"
        )
        for position, number in enumerate(members, start=1):
            year = _year(number, numbers, first_year)
            lines.append(
                f"story:{number:05d} a ak:Story ;\n"
                f'    rdfs:label "Synthetic story {number} ({year})"@en ;\n'
                f'    dcterms:title "Synthetic story {number}"@en ;\n'
                f"    ak:positionInArticle {position} ;\n"
                f"    dcterms:isPartOf article:synthetic-{article + 1:04d} ;\n"
                f"    ak:storyGraph storygraph:{number:05d} .\n"
            )
    return "\n".join(lines)


def _year(number: int, numbers: range, first_year: int) -> int:
    """Spread stories over ten years at most, in order."""
    years = min(10, max(1, len(numbers) // STORIES_PER_ARTICLE))
    return first_year + (number - numbers.start) * years // len(numbers)


def generate(out_dir: Path, stories: int, seed: int = 2025, first_year: int = 2016) -> Summary:
    """Write the bundled data plus ``stories`` synthetic stories into ``out_dir``."""
    if stories < 0:
        raise ValueError("the number of synthetic stories cannot be negative")
    shutil.copytree(bundle.data_dir(), out_dir)
    rng = random.Random(seed)
    pools = _Pools()
    header = _prefix_block()
    numbers = range(FIRST_NUMBER, FIRST_NUMBER + stories)
    for number in numbers:
        writer = _StoryWriter(rng, pools, number, _year(number, numbers, first_year))
        (out_dir / "stories" / f"{number:05d}-synthetic.ttl").write_text(
            header + writer.write(), encoding="utf-8"
        )
    if stories:
        (out_dir / "reference" / "synthetic-entities.ttl").write_text(
            header + "\n".join(pools.reference), encoding="utf-8"
        )
        (out_dir / "reference" / "synthetic-source.ttl").write_text(
            header + _source(numbers, first_year), encoding="utf-8"
        )
    files = sum(1 for path in out_dir.rglob("*.ttl"))
    return Summary(stories=10 + stories, files=files, seed=seed)
