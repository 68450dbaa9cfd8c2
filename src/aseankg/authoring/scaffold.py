"""The Turtle of a new article or story, before its author fills it in.

A scaffold holds what an author should not have to work out: the prefixes, the
IRIs of the article, the story and the story's graph, the provenance that ties
them together, and a checklist in comments. Where the facts go, it leaves one
unfinished event, so that ``aseankg validate`` says what is still missing.
"""

import datetime
import re
import unicodedata
from dataclasses import dataclass

from rdflib import Literal, URIRef

from aseankg.rdf.namespaces import ID, PREFIXES, REFERENCE_GRAPH, STORY_GRAPH, story_graph
from aseankg.sources.files import STORIES_FOLDER

#: The line after which a story file holds the story's facts.
FACTS_MARKER = "# --- The facts of the story ---"

#: Words of a story's title kept in its file name.
_FILE_NAME_WORDS = 6

#: Prefixes every scaffold declares: the ontology, the vocabularies facts are written
#: with, and every kind of entity, so that reusing an IRI never needs a new prefix.
_COMMON = ("ak", "dcterms", "rdfs", "skos", "xsd")
_KINDS = (
    "article",
    "country",
    "document",
    "event",
    "group",
    "initiative",
    "organisation",
    "outcome",
    "participation",
    "person",
    "place",
    "position",
    "qualifier",
    "role",
    "topic",
    "unit",
)


@dataclass(frozen=True)
class StoryName:
    """Story ``number`` of article ``article``, and the IRIs that follow from it."""

    article: str
    number: int

    @property
    def digits(self) -> str:
        return f"{self.number:02d}"

    @property
    def namespace(self) -> str:
        """Where the article's story IRIs live: ``story:01`` is story 1 in its files."""
        return f"{ID}story/{self.article}/"

    @property
    def graph_namespace(self) -> str:
        return f"{STORY_GRAPH}{self.article}/"

    @property
    def graph(self) -> str:
        return str(story_graph(self.number, self.article))


def article_turtle(slug: str, title: str, published: datetime.date | None, url: str | None) -> str:
    """``article.ttl`` of a new article: the article node, with its title, date and address.

    Titles are on one line (they go into comments as well as labels).
    """
    statements = [
        f"article:{slug} a ak:Article",
        f"rdfs:label {_text(title)}",
        f"dcterms:title {_text(title)}",
    ]
    if published is not None:
        statements.append(f'ak:datePublished "{published.isoformat()}"^^xsd:date')
    if url is not None:
        statements.append(f"ak:url {URIRef(url).n3()}")
    header = f"""\
# Article {slug}: {title}
#
# The article and where it was published. aseankg reads this file into the
# reference graph ({REFERENCE_GRAPH}) with the other sources;
# each story is a file of {STORIES_FOLDER}/, made with
#   aseankg new story {slug} NN --title "..."
#
# Checklist:
#   [ ] dcterms:title is the title as published (rdfs:label may say it shorter).
#   [ ] rdfs:comment says what the article is about, in your own words, @en.
#   [ ] ak:datePublished and ak:url, when the source gives them.
#   [ ] One story file per story, numbered from 01 in the article's order.
"""
    return header + _prefixes((*_COMMON, "article")) + "\n" + _statement(statements)


def story_turtle(story: StoryName, title: str) -> str:
    """A story file: the story node and its graph, then one event for the author to finish."""
    node = [
        "story:" + story.digits + " a ak:Story",
        f"rdfs:label {_text(f'Story {story.number}: {title}')}",
        f"dcterms:title {_text(title)}",
        f"ak:positionInArticle {story.number}",
        f"dcterms:isPartOf article:{story.article}",
        f"ak:storyGraph storygraph:{story.digits}",
    ]
    part = [f"article:{story.article} dcterms:hasPart story:{story.digits}"]
    example = [
        f"event:{story.article}-{story.digits}-first-event a ak:Event",
        f"ak:statedIn story:{story.digits}",
    ]
    header = f"""\
# Story {story.number} of article {story.article}: {title}
#
# aseankg reads every triple of this file into the story's named graph,
#   {story.graph}
# whatever the file says, so the story is the source of all of them.
#
# Checklist:
#   [ ] Reuse what the graph knows: `aseankg find NAME` gives the IRI of a country,
#       person, organisation, place, initiative or topic. Mint a new IRI only for
#       what it does not know.
#   [ ] Replace the unfinished event below with the story's events, documents and
#       outcomes, each with ak:statedIn story:{story.digits}.
#   [ ] Labels and comments in your own words, tagged @en; names, dates and figures
#       exactly as the source gives them, nothing invented.
#   [ ] Dates at the precision the source gives: xsd:date, xsd:gYearMonth or xsd:gYear.
#   [ ] Who took part, and in which role: an ak:Participation with ak:participant
#       and ak:role for each.
#   [ ] A figure the source leaves vague stays vague: a qualifier, or an
#       ak:QualitativeOutcome with no number.
#   [ ] `aseankg validate --article FOLDER` reports nothing.
"""
    prefixes = _prefixes((*_COMMON, *_KINDS), story=story)
    return (
        header
        + prefixes
        + "\n"
        + _statement(node)
        + "\n"
        + _statement(part)
        + "\n"
        + FACTS_MARKER
        + "\n\n"
        + _statement(example)
    )


def story_file_name(story: StoryName, title: str) -> str:
    """``NN-first-words-of-the-title.ttl``, in plain ASCII."""
    words = re.findall(r"[a-z0-9]+", _ascii(title).lower())[:_FILE_NAME_WORDS]
    return f"{story.digits}-{'-'.join(words) or 'story'}.ttl"


def _prefixes(names: tuple[str, ...], story: StoryName | None = None) -> str:
    declared = {name: PREFIXES[name] for name in names}
    if story is not None:
        declared["story"] = story.namespace
        declared["storygraph"] = story.graph_namespace
    return "".join(f"@prefix {name}: <{iri}> .\n" for name, iri in sorted(declared.items()))


def _statement(parts: list[str]) -> str:
    """One Turtle statement: the subject's first line, then one predicate a line."""
    return " ;\n    ".join(parts) + " .\n"


def _text(value: str) -> str:
    return Literal(value, lang="en").n3()


def _ascii(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value)
    return decomposed.encode("ascii", "ignore").decode("ascii")
