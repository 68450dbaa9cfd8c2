"""The walk-through of docs/adding-an-article.md, step by step, with the real command and a
real server: scaffold, fill, validate, find, load, query, and see the new events on the
timeline and on an entity's page, while every story graph published before is unchanged.

The commands are the ones the guide shows (the test checks that it shows them), and the
filled files are the fixture ``tests/fixtures/articles/example-gazette``, which must be
exactly the scaffold with the facts written in.
"""

import json
import shlex
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from rdflib import Dataset, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from aseankg.authoring.scaffold import FACTS_MARKER
from aseankg.rdf.namespaces import story_graph
from tests.support.http import fetch
from tests.support.server import running_server

#: The walk-through runs the command line and a real server.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).parents[1]
GUIDE = ROOT / "docs" / "adding-an-article.md"
FILLED = ROOT / "tests" / "fixtures" / "articles" / "example-gazette"
STORY_FILE = "01-an-invented-port-forum-in-kuala.ttl"

#: Where the guide writes the new article: a scratch folder, not the bundled data.
ARTICLES = "scratch/articles"
FOLDER = f"{ARTICLES}/example-gazette"

NEW_ARTICLE = [
    "aseankg", "new", "article", "example-gazette",
    "--title", "Example Gazette: a fictional port forum, for testing aseankg",
    "--date", "2025-11-05", "--url", "https://example.org/example-gazette/port-forum",
    "--articles", ARTICLES,
]  # fmt: skip
NEW_STORY = [
    "aseankg", "new", "story", "example-gazette", "01",
    "--title", "An invented port forum in Kuala Lumpur, hosted by Malaysia with China attending",
    "--articles", ARTICLES,
]  # fmt: skip
VALIDATE = ["aseankg", "validate", "--article", FOLDER]
FIND = ["aseankg", "find", "malaysia"]
SERVE = ["aseankg", "serve", "--article", FOLDER]

EVENTS_QUERY = """\
PREFIX ak: <https://w3id.org/aseankg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?event ?label ?start WHERE {
  ?story dcterms:isPartOf <https://w3id.org/aseankg/id/article/example-gazette> .
  ?event ak:statedIn ?story ; a/rdfs:subClassOf* ak:Event ;
         rdfs:label ?label ; ak:startDate ?start .
}
ORDER BY ?start ?event"""

FORUM = "https://w3id.org/aseankg/id/event/lantern-bay-port-forum"
SESSION = "https://w3id.org/aseankg/id/event/lantern-bay-harbour-safety-session"


@dataclass(frozen=True)
class Done:
    status: int
    stdout: str
    stderr: str


def aseankg(command: list[str], cwd: Path) -> Done:
    """Run a command of the guide (``aseankg ...``) as the installed program would."""
    assert command[0] == "aseankg"
    done = subprocess.run(
        [sys.executable, "-m", "aseankg", *command[1:]],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    return Done(done.returncode, done.stdout, done.stderr)


def test_the_guide_shows_the_commands_this_test_runs() -> None:
    guide = " ".join(GUIDE.read_text(encoding="utf-8").replace("\\\n", " ").split())
    for command in (NEW_ARTICLE, NEW_STORY, VALIDATE, FIND, SERVE):
        assert shlex.join(command) in guide
    assert " ".join(EVENTS_QUERY.split()) in guide


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The working folder once the article is scaffolded, checked, filled and checked again."""
    work = tmp_path_factory.mktemp("work")
    article = aseankg(NEW_ARTICLE, work)
    assert article.status == 0, article.stderr
    story = aseankg(NEW_STORY, work)
    assert story.status == 0, story.stderr
    folder = work / FOLDER
    assert sorted(path.name for path in (folder / "stories").iterdir()) == [STORY_FILE]

    bare = aseankg(VALIDATE, work)
    assert bare.status == 1
    assert bare.stdout.splitlines()[0].startswith(
        "Violation  event:example-gazette-01-first-event  rdfs:label  -  Has no English rdfs:label"
    )

    found = aseankg(FIND, work)
    assert found.status == 0
    assert found.stdout.startswith("https://w3id.org/aseankg/id/country/my\tak:Country\tMalaysia\n")

    fill(folder / "article.ttl", FILLED / "article.ttl", after="")
    fill(folder / "stories" / STORY_FILE, FILLED / "stories" / STORY_FILE, after=FACTS_MARKER)
    checked = aseankg([*VALIDATE, "--strict"], work)
    assert checked.status == 0, checked.stdout
    assert checked.stdout.startswith(
        "Conforms (strict: warnings fail): 0 violations, 0 warnings, 0 infos. Checked 2 files"
    )
    yield work


def fill(scaffolded: Path, filled: Path, after: str) -> None:
    """Write the facts in: the filled file is the scaffold up to ``after`` (all of it when
    empty), then what the author wrote."""
    scaffold = scaffolded.read_text(encoding="utf-8")
    kept = scaffold[: scaffold.index(after) + len(after)] if after else scaffold
    text = filled.read_text(encoding="utf-8")
    assert text.startswith(kept), f"{filled} is not {scaffolded} filled in"
    assert text != kept
    scaffolded.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def served(written: Path) -> Iterator[str]:
    folder = str(written / FOLDER)
    with running_server("--article", folder, "--workers", "1", "--query-workers", "1") as base:
        yield base


def test_the_new_events_answer_a_sparql_query(served: str) -> None:
    reply = fetch(
        served,
        "GET",
        "/sparql?" + urlencode({"query": EVENTS_QUERY}),
        headers={"Accept": "application/sparql-results+json"},
    )
    assert reply.status == 200
    rows = json.loads(reply.body)["results"]["bindings"]
    assert [(row["event"]["value"], row["start"]["value"]) for row in rows] == [
        (FORUM, "2025-11-03"),
        (SESSION, "2025-11-04"),
    ]


def test_the_new_events_are_on_the_timeline(served: str) -> None:
    data = fetch(served, "GET", "/api/queries/events-timeline.json?limit=1000")
    assert data.status == 200
    events = {row["event"]["value"] for row in json.loads(data.body)["results"]["bindings"]}
    assert {FORUM, SESSION} <= events
    page = fetch(served, "GET", "/timeline", headers={"Accept": "text/html"})
    assert page.status == 200
    assert "Lantern Bay Port Forum (fictional)" in page.text
    assert f'href="{served}/id/event/lantern-bay-port-forum"' in page.text


def test_the_new_events_are_on_the_pages_of_what_they_involve(served: str) -> None:
    malaysia = fetch(served, "GET", "/id/country/my", headers={"Accept": "text/html"})
    assert malaysia.status == 200
    assert "Lantern Bay Port Forum (fictional)" in malaysia.text
    story = fetch(served, "GET", "/id/story/example-gazette/01", headers={"Accept": "text/html"})
    assert story.status == 200
    assert "Lantern Bay harbour safety session (fictional)" in story.text
    graph = fetch(
        served,
        "GET",
        "/graph/story/example-gazette/01",
        headers={"Accept": "application/n-quads"},
    )
    assert graph.status == 200
    assert f"<{FORUM}>" in graph.text
    landing = fetch(served, "GET", "/", headers={"Accept": "text/html"}).text
    tenth = landing.index("Story 10: ")
    assert landing.index("Story 1: An invented port forum in Kuala Lumpur") > tenth
    # Every fact is named with the new story's graph (and stated once more in the
    # document's default graph, for clients that read triples only).
    quads = Dataset()
    quads.parse(data=graph.text, format="nquads")
    named = {context.identifier for context in quads.graphs() if len(context)}
    assert named == {URIRef(story_graph(1, "example-gazette")), DATASET_DEFAULT_GRAPH_ID}


def test_what_was_published_before_is_untouched(served: str, live_server: str) -> None:
    """Each of the first article's story graphs is the same, quad for quad, and the shared
    reference data only grows by the new article's description."""
    for number in range(1, 11):
        path = "/graph/story/" + quote(f"{number:02d}")
        before = fetch(live_server, "GET", path, headers={"Accept": "application/n-quads"})
        after = fetch(served, "GET", path, headers={"Accept": "application/n-quads"})
        assert (before.status, after.status) == (200, 200)
        assert sorted(after.text.splitlines()) == sorted(before.text.splitlines())
    before = fetch(
        live_server, "GET", "/graph/reference", headers={"Accept": "application/n-quads"}
    )
    after = fetch(served, "GET", "/graph/reference", headers={"Accept": "application/n-quads"})
    added = set(after.text.splitlines()) - set(before.text.splitlines())
    assert set(before.text.splitlines()) <= set(after.text.splitlines())
    assert added and all("/id/article/example-gazette>" in line for line in added)
    for path in ("/id/story/01", "/id/article/top-10-china-asean-cooperation-2025"):
        assert fetch(served, "GET", path, headers={"Accept": "text/turtle"}).status == 200
