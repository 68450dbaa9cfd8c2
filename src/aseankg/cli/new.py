"""``aseankg new``: start the files of a new article or story, never overwriting one."""

import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import click
import pyoxigraph

from aseankg.authoring.scaffold import StoryName, article_turtle, story_file_name, story_turtle
from aseankg.cli.errors import InputError, reports_input_errors
from aseankg.cli.options import data_option, data_sources_of
from aseankg.rdf.namespaces import article_iri
from aseankg.sources.files import ARTICLE_FILE, STORIES_FOLDER, slug_problem, story_number
from aseankg.sources.oxigraph_store import load_store

#: Highest story number: three digits are plenty for one article.
MOST_STORIES = 999


class Refused(click.ClickException):
    """A file that exists, or an article that does not: exit status 1, one line."""


def _slug(ctx: click.Context, param: click.Parameter, value: str) -> str:
    problem = slug_problem(value)
    if problem:
        raise click.BadParameter(f"'{value}': {problem}")
    return value


def _number(ctx: click.Context, param: click.Parameter, value: str) -> int:
    if not value.isascii() or not value.isdigit() or not 1 <= int(value) <= MOST_STORIES:
        raise click.BadParameter(
            f"'{value}': a story number is a whole number from 1 to {MOST_STORIES}, such as 01"
        )
    return int(value)


def _title(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """The title on one line, single-spaced: what a label must be."""
    title = " ".join(value.split())
    if not title:
        raise click.BadParameter("give a title: some words that say what it is")
    return title


class WebAddress(click.ParamType):
    """An absolute http(s) URL that is also an IRI (no spaces, quotes or angle brackets)."""

    name = "URL"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = str(value)
        parts = urlsplit(text)
        if parts.scheme not in ("http", "https") or not parts.netloc or not _is_iri(text):
            self.fail(
                f"'{text}' is not an http(s) URL such as https://example.org/news/1", param, ctx
            )
        return text


def _is_iri(text: str) -> bool:
    try:
        pyoxigraph.NamedNode(text)
    except ValueError:
        return False
    return True


articles_folder_option = click.option(
    "--articles",
    "articles_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("data/articles"),
    show_default=True,
    help="The folder that holds one folder per article.",
)


@click.group()
def new() -> None:
    """Start the Turtle of a new article or story, ready to fill in.

    Files are only ever created: an existing file is never overwritten. Then
    `aseankg validate --article FOLDER` says what is still missing.
    """


@new.command()
@click.argument("slug", callback=_slug)
@click.option("--title", required=True, callback=_title, help="The article's title as published.")
@click.option(
    "--date",
    "published",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The day the article was published, YYYY-MM-DD.",
)
@click.option("--url", type=WebAddress(), help="Where the article can be read.")
@articles_folder_option
@data_option
@reports_input_errors
def article(
    slug: str,
    title: str,
    published: datetime.datetime | None,
    url: str | None,
    articles_dir: Path,
    data_dir: Path | None,
) -> None:
    """Create ARTICLES/SLUG/article.ttl for a new article.

    SLUG names the article's folder and ends its IRIs: the article is
    https://w3id.org/aseankg/id/article/SLUG, its stories
    https://w3id.org/aseankg/id/story/SLUG/NN in the named graphs
    https://w3id.org/aseankg/graph/story/SLUG/NN. It is lower-case letters,
    digits and hyphens, and no article of the data may have it already.

    \b
    Exit status: 0 the file was written; 1 the folder or the article exists
    already; 2 a SLUG, --date or --url that does not fit.
    """
    folder = articles_dir / slug
    if folder.exists():
        raise Refused(f"{folder} exists already; aseankg new never overwrites")
    if _known_article(slug, data_dir):
        raise Refused(f"the data already has an article {slug}: choose another slug")
    _make_folder(folder)
    target = _create(
        folder / ARTICLE_FILE,
        article_turtle(slug, title, published.date() if published else None, url),
    )
    click.echo(f"Wrote {target}")
    click.echo(f'Next: aseankg new story {slug} 01 --title "..." --articles {articles_dir}')


@new.command()
@click.argument("article_slug", metavar="ARTICLE", callback=_slug)
@click.argument("number", metavar="NN", callback=_number)
@click.option(
    "--title", required=True, callback=_title, help="What the story reports, in your own words."
)
@articles_folder_option
def story(article_slug: str, number: int, title: str, articles_dir: Path) -> None:
    """Create story NN of ARTICLE in ARTICLES/ARTICLE/stories/.

    The file describes the story (its title, its position NN, its article and
    its named graph) and holds one unfinished event, stated in the story, to
    replace with the story's facts.

    \b
    Exit status: 0 the file was written; 1 no such article, or the article has
    a story NN already; 2 an ARTICLE or NN that does not fit.
    """
    folder = articles_dir / article_slug
    if not (folder / ARTICLE_FILE).is_file():
        raise Refused(
            f"{folder / ARTICLE_FILE} not found: start the article with "
            f'aseankg new article {article_slug} --title "..."'
        )
    stories = folder / STORIES_FOLDER
    name = StoryName(article_slug, number)
    taken = [path for path in _story_files(stories) if int(story_number(path.name) or 0) == number]
    if taken:
        raise Refused(f"story {name.digits} of {article_slug} is {taken[0]} already")
    _make_folder(stories)
    target = _create(stories / story_file_name(name, title), story_turtle(name, title))
    click.echo(f"Wrote {target}")
    click.echo(f"Next: fill it in, then aseankg validate --article {folder}")


def _story_files(stories: Path) -> list[Path]:
    if not stories.is_dir():
        return []
    return [path for path in stories.iterdir() if story_number(path.name) is not None]


def _known_article(slug: str, data_dir: Path | None) -> bool:
    """Whether the data (with its article folders) describes an article with this slug."""
    store = load_store(data_sources_of(data_dir))
    subject = pyoxigraph.NamedNode(str(article_iri(slug)))
    return any(True for _ in store.quads_for_pattern(subject, None, None))


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(f"{folder}: {error.strerror or error}") from None


def _create(path: Path, text: str) -> Path:
    """Write a new file; one that appeared meanwhile is refused, not replaced."""
    try:
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise Refused(f"{path} exists already; aseankg new never overwrites") from None
    except OSError as error:
        raise InputError(f"{path}: {error.strerror or error}") from None
    return path
