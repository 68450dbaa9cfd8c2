"""``aseankg new``: scaffolds that parse, say where their facts go, and never overwrite."""

from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from aseankg.cli import main
from aseankg.rdf.namespaces import AK, ID, article_iri, story_graph

TITLE = 'The "Example" Gazette:\n a  fictional article'
ONE_LINE = 'The "Example" Gazette: a fictional article'
STORY_TITLE = "Ports of Ñowhere meet in a forum"


def new(*args: str) -> Result:
    return CliRunner().invoke(main, ["new", *args])


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    return tmp_path / "articles"


@pytest.fixture
def gazette(articles: Path) -> Path:
    """A new article ``gazette`` with a date and a web address."""
    result = new(
        "article", "gazette", "--title", TITLE, "--date", "2025-12-01",
        "--url", "https://example.org/gazette/1", "--articles", str(articles),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Wrote {articles / 'gazette' / 'article.ttl'}\n")
    return articles / "gazette"


def test_a_new_article_is_the_article_node_with_title_date_and_address(gazette: Path) -> None:
    text = (gazette / "article.ttl").read_text(encoding="utf-8")
    assert text.startswith(f"# Article gazette: {ONE_LINE}\n")
    assert "# Checklist:" in text
    graph = Graph().parse(data=text, format="turtle")
    article = article_iri("gazette")
    assert set(graph.subjects()) == {article}
    assert graph.value(article, RDF.type) == AK.Article
    assert graph.value(article, DCTERMS.title) == Literal(ONE_LINE, lang="en")
    assert graph.value(article, RDFS.label) == Literal(ONE_LINE, lang="en")
    assert graph.value(article, AK.datePublished) == Literal("2025-12-01", datatype=XSD.date)
    assert graph.value(article, AK.url) == URIRef("https://example.org/gazette/1")


def test_a_new_story_describes_itself_its_graph_and_one_unfinished_event(gazette: Path) -> None:
    result = new("story", "gazette", "7", "--title", STORY_TITLE, "--articles", str(gazette.parent))
    assert result.exit_code == 0, result.output
    path = gazette / "stories" / "07-ports-of-nowhere-meet-in-a.ttl"
    assert result.stdout.startswith(f"Wrote {path}\n")
    text = path.read_text(encoding="utf-8")
    assert f"#   {story_graph(7, 'gazette')}\n" in text
    graph = Graph().parse(data=text, format="turtle")
    story, article = ID["story/gazette/07"], article_iri("gazette")
    assert graph.value(story, RDF.type) == AK.Story
    assert graph.value(story, DCTERMS.title) == Literal(STORY_TITLE, lang="en")
    assert graph.value(story, RDFS.label) == Literal(f"Story 7: {STORY_TITLE}", lang="en")
    assert graph.value(story, AK.positionInArticle) == Literal(7)
    assert graph.value(story, DCTERMS.isPartOf) == article
    assert graph.value(story, AK.storyGraph) == story_graph(7, "gazette")
    assert (article, DCTERMS.hasPart, story) in graph
    event = ID["event/gazette-07-first-event"]
    assert set(graph.subjects(AK.statedIn, story)) == {event}
    assert graph.value(event, RDF.type) == AK.Event
    assert graph.value(event, RDFS.label) is None


@pytest.mark.slow
def test_a_fresh_scaffold_validates_to_what_is_still_missing(articles: Path, gazette: Path) -> None:
    runner = CliRunner()
    bare = runner.invoke(main, ["validate", "--article", str(gazette)])
    assert bare.exit_code == 0, bare.output
    (warning, summary) = bare.stdout.splitlines()
    assert warning.startswith("Warning    article:gazette  ^dcterms:isPartOf  -  ")
    assert "The article has no stories yet: add one with `aseankg new story" in warning
    assert summary.startswith("Conforms: 0 violations, 1 warning, 0 infos. Checked 1 file (")

    assert new("story", "gazette", "01", "--title", "x", "--articles", str(articles)).exit_code == 0
    started = runner.invoke(main, ["validate", "--article", str(gazette)])
    assert started.exit_code == 1
    (violation, summary) = started.stdout.splitlines()
    assert violation.startswith("Violation  event:gazette-01-first-event  rdfs:label  -  ")
    assert "Has no English rdfs:label: give it one" in violation
    assert violation.endswith("stories/01-x.ttl)")
    assert summary.startswith("Does not conform: 1 violation, 0 warnings, 0 infos. Checked 2 files")


def test_nothing_is_ever_overwritten(articles: Path, gazette: Path) -> None:
    before = (gazette / "article.ttl").read_bytes()
    again = new("article", "gazette", "--title", "Another", "--articles", str(articles))
    assert again.exit_code == 1
    assert again.stderr == f"Error: {gazette} exists already; aseankg new never overwrites\n"
    assert (gazette / "article.ttl").read_bytes() == before

    assert (
        new("story", "gazette", "3", "--title", "First", "--articles", str(articles)).exit_code == 0
    )
    (first,) = (gazette / "stories").iterdir()
    taken = new("story", "gazette", "03", "--title", "Second", "--articles", str(articles))
    assert taken.exit_code == 1
    assert taken.stderr == f"Error: story 03 of gazette is {first} already\n"
    assert [path.name for path in (gazette / "stories").iterdir()] == [first.name]


def test_a_story_needs_its_article(articles: Path) -> None:
    result = new("story", "missing", "1", "--title", "x", "--articles", str(articles))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {articles / 'missing' / 'article.ttl'} not found: start the article with "
        'aseankg new article missing --title "..."\n'
    )
    assert not articles.exists()


def test_an_article_the_data_has_already_is_refused(articles: Path) -> None:
    slug = "top-10-china-asean-cooperation-2025"
    result = new("article", slug, "--title", "x", "--articles", str(articles))
    assert result.exit_code == 1
    assert result.stderr == f"Error: the data already has an article {slug}: choose another slug\n"
    assert not articles.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["article", "Gazette"], "Invalid value for 'SLUG': 'Gazette': an article slug is"),
        (["article", "2025-news"], "'2025-news': an article slug is lower-case letters"),
        (["article", "a--b"], "'a--b': an article slug is"),
        (["article", "a" * 61], "an article slug has at most 60 characters"),
        (["article", "ok", "--url", "ftp://example.org/x"], "is not an http(s) URL"),
        (["article", "ok", "--url", "https://example.org/a b"], "is not an http(s) URL"),
        (["article", "ok", "--date", "2025-02-30"], "'2025-02-30' does not match the format"),
        (["story", "ok", "0"], "'0': a story number is a whole number from 1 to 999"),
        (["story", "ok", "1000"], "'1000': a story number is a whole number"),
        (["story", "ok", "3a"], "'3a': a story number"),
        (["story", "ok", "\u0663"], "a story number is a whole number"),
        (["story", "../x", "1"], "Invalid value for 'ARTICLE': '../x': an article slug is"),
        (["story", "ok", "1", "--title", " \n "], "Invalid value for '--title': give a title"),
    ],
)
def test_a_bad_slug_number_date_or_address_is_one_clear_error(
    articles: Path, args: list[str], message: str
) -> None:
    title = [] if "--title" in args else ["--title", "x"]
    result = new(*args, *title, "--articles", str(articles))
    assert result.exit_code == 2
    assert message in result.stderr.splitlines()[-1]
    assert not articles.exists()


def test_a_folder_that_cannot_be_made_is_one_error_line(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("a file, not a folder", encoding="utf-8")
    articles = tmp_path / "taken" / "articles"
    result = new("article", "gazette", "--title", "x", "--articles", str(articles))
    assert result.exit_code == 2
    assert result.stderr == f"Error: {articles / 'gazette'}: Not a directory\n"
