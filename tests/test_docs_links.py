"""Every relative link in README.md and docs/ leads somewhere: to a file that exists and,
with a ``#fragment``, to a heading of that page (GitHub's heading anchors)."""

import re
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

ROOT = Path(__file__).parents[1]
DOCS = ROOT / "docs"
PAGES = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]
MARKDOWN = MarkdownIt("commonmark").enable("table")


def tokens(page: Path) -> list[Token]:
    return MARKDOWN.parse(page.read_text(encoding="utf-8"))


def plain_text(inline: Token) -> str:
    """What a heading reads as, without its Markdown: the text GitHub makes its anchor of."""
    return "".join(child.content for child in inline.children or [])


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors(page: Path) -> set[str]:
    """The anchors of every heading of ``page``; a repeated heading gets ``-1``, ``-2``..."""
    found: set[str] = set()
    parsed = tokens(page)
    for opening, inline in pairwise(parsed):
        if opening.type != "heading_open":
            continue
        base = anchor = slug(plain_text(inline))
        repeat = 0
        while anchor in found:
            repeat += 1
            anchor = f"{base}-{repeat}"
        found.add(anchor)
    return found


def links(page: Path) -> Iterator[str]:
    for token in tokens(page):
        for child in token.children or []:
            if child.type == "link_open":
                yield str(child.attrs["href"])


def broken_links(page: Path) -> list[str]:
    """The relative links of ``page`` that lead to no file, or to no heading of it."""
    broken = []
    for href in links(page):
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            continue
        target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
        if not target.exists():
            broken.append(f"{href}: no such file")
        elif parts.fragment and parts.fragment not in anchors(target):
            broken.append(f"{href}: no heading #{parts.fragment} in {target.name}")
    return broken


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(ROOT)))
def test_relative_links_resolve(page: Path) -> None:
    assert broken_links(page) == []


def test_the_docs_index_lists_every_page() -> None:
    index = DOCS / "README.md"
    listed = {(DOCS / href).resolve() for href in links(index)}
    assert {page.resolve() for page in DOCS.glob("*.md")} - listed == {index.resolve()}


def test_a_broken_link_and_a_missing_heading_are_reported(tmp_path: Path) -> None:
    (tmp_path / "other.md").write_text("# The other page\n\n## Its `second` heading\n")
    page = tmp_path / "page.md"
    page.write_text(
        "# A page\n\n"
        "[fine](other.md#its-second-heading), [here](#a-page), [web](https://example.org/x)\n"
        "[gone](missing.md), [astray](other.md#nowhere), [self](#no-such-heading)\n"
    )
    assert broken_links(page) == [
        "missing.md: no such file",
        "other.md#nowhere: no heading #nowhere in other.md",
        "#no-such-heading: no heading #no-such-heading in page.md",
    ]


def test_a_repeated_heading_gets_a_numbered_anchor(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("# Examples\n\n## Examples\n\n## Behind a proxy: (again)\n")
    assert anchors(page) == {"examples", "examples-1", "behind-a-proxy-again"}
