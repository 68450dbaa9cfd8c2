"""Screening files before any parser: nesting, XML entities, files that are not files."""

import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import URIRef

from aseankg.errors import SourceError
from aseankg.sources import screening
from aseankg.sources.files import Source
from aseankg.sources.screening import MAX_NESTING, screen

GRAPH = URIRef("https://example.org/graph")
TRIPLE = "<https://example.org/s> <https://example.org/p> "
XML_DECLARATION = '<?xml version="1.0"?>\n'
RDF_OPEN = (
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
    'xmlns:ex="https://example.org/">\n'
)
DESCRIPTION = (
    '<rdf:Description rdf:about="https://example.org/s"><ex:p>{}</ex:p></rdf:Description>\n'
)


def screened(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    screen(Source(path, GRAPH))


def refusal(tmp_path: Path, name: str, content: str) -> SourceError:
    with pytest.raises(SourceError) as caught:
        screened(tmp_path, name, content)
    assert caught.value.path == tmp_path / name
    return caught.value


def collections(depth: int) -> str:
    return f"{TRIPLE}{'(' * depth}{')' * depth} .\n"


@pytest.mark.parametrize(
    ("name", "nested"),
    [
        ("collections.ttl", lambda depth: collections(depth)),
        (
            "blank-nodes.ttl",
            lambda depth: TRIPLE + "[ <https://example.org/p> " * depth + "1" + " ]" * depth + " .",
        ),
        ("graph.trig", lambda depth: "<https://example.org/g> { " + collections(depth - 1) + "}"),
        (
            "triple-terms.nt",
            lambda depth: (
                TRIPLE
                + "<<( <https://example.org/s> <https://example.org/p> " * (depth // 2)
                + "1"
                + " )>>" * (depth // 2)
                + " ."
            ),
        ),
        ("objects.jsonld", lambda depth: '{"@id": "https://example.org/s", "p": ' * depth + "1"),
        (
            "arrays.jsonld",
            lambda depth: '{"@id": "https://example.org/s", "p": ' + "[" * (depth - 1),
        ),
    ],
)
def test_nesting_up_to_the_limit_is_read_and_deeper_refused(
    tmp_path: Path, name: str, nested: Callable[[int], str]
) -> None:
    screened(tmp_path, name, nested(MAX_NESTING))
    error = refusal(tmp_path, name, "\n\n" + nested(MAX_NESTING + 2))
    assert error.line == 3
    assert f"nested more than {MAX_NESTING} deep" in error.message


def test_a_million_open_brackets_are_refused_at_once(tmp_path: Path) -> None:
    error = refusal(tmp_path, "brackets.ttl", TRIPLE + "[" * 1_000_000)
    assert error.line == 1


def test_openers_are_counted_across_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(screening, "_CHUNK_BYTES", 3)  # splits many a "<<" in two
    term = "<< <https://example.org/s> <https://example.org/p> "
    error = refusal(tmp_path, "quoted.ttl", TRIPLE + term * (MAX_NESTING + 1) + "1")
    assert error.line == 1


@pytest.mark.parametrize(
    "text",
    [
        '"((((" ',
        "'[[[[' ",
        '"""\n((((\n""" ',
        "'''[[[['''",
        '"\\"((((" ',
        '"""a""((((\\"""" ',
        "<https://example.org/((((> ",
        "# ((((\n",
    ],
)
def test_brackets_in_strings_iris_and_comments_do_not_count(tmp_path: Path, text: str) -> None:
    screened(tmp_path, "brackets.ttl", f"{TRIPLE}{text}.\n" * MAX_NESTING)


def test_brackets_in_json_strings_do_not_count(tmp_path: Path) -> None:
    document = '{"@id": "https://example.org/s", "https://example.org/p": "' + "[{" * 1000 + '"}'
    screened(tmp_path, "strings.jsonld", document)


def billion_laughs() -> str:
    """Ten entities, each ten of the one before: 3 GB of text from under a kilobyte."""
    entities = [' <!ENTITY lol0 "lol">'] + [
        f' <!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)
    ]
    return (
        XML_DECLARATION
        + "<!DOCTYPE rdf:RDF [\n"
        + "\n".join(entities)
        + "\n]>\n"
        + RDF_OPEN
        + DESCRIPTION.format("&lol9;")
        + "</rdf:RDF>\n"
    )


def test_xml_entity_declarations_are_refused_before_any_expansion(tmp_path: Path) -> None:
    error = refusal(tmp_path, "laughs.rdf", billion_laughs())
    assert error.line == 3
    assert "declares the entity 'lol0'" in error.message


def test_external_entities_are_refused(tmp_path: Path) -> None:
    system = '<!DOCTYPE rdf:RDF SYSTEM "https://example.org/rdf.dtd">\n'
    error = refusal(tmp_path, "external.rdf", XML_DECLARATION + system + RDF_OPEN + "</rdf:RDF>\n")
    assert error.line == 2
    assert "https://example.org/rdf.dtd" in error.message


def test_a_document_type_without_entities_is_read(tmp_path: Path) -> None:
    content = XML_DECLARATION + "<!DOCTYPE rdf:RDF>\n" + RDF_OPEN + DESCRIPTION.format("1 &amp; 2")
    screened(tmp_path, "plain.rdf", content + "</rdf:RDF>\n")


def test_deeply_nested_xml_elements_are_refused(tmp_path: Path) -> None:
    depth = MAX_NESTING
    content = (
        XML_DECLARATION
        + RDF_OPEN
        + '<rdf:Description rdf:about="https://example.org/s">\n'
        + "<ex:p><rdf:Description>" * depth
        + "</rdf:Description></ex:p>" * depth
        + "</rdf:Description>\n</rdf:RDF>\n"
    )
    error = refusal(tmp_path, "deep.rdf", content)
    assert error.line == 4
    assert f"nested more than {MAX_NESTING} deep" in error.message


def test_malformed_xml_names_the_line(tmp_path: Path) -> None:
    error = refusal(tmp_path, "broken.rdf", XML_DECLARATION + RDF_OPEN + "<ex:p>\n</rdf:RDF>\n")
    assert error.line == 4
    assert "mismatched tag" in error.message


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "story.ttl"
    os.mkfifo(fifo)
    link = tmp_path / "link.ttl"
    link.symlink_to(fifo)
    errors: list[SourceError] = []

    def screen_both() -> None:
        for path in (fifo, link):
            try:
                screen(Source(path, GRAPH))
            except SourceError as error:
                errors.append(error)

    reader = threading.Thread(target=screen_both, daemon=True)
    reader.start()
    reader.join(timeout=30)  # only detects a hang
    assert not reader.is_alive()
    assert [(error.path, error.message) for error in errors] == [
        (path, "not a regular file (a device, FIFO, socket or folder)") for path in (fifo, link)
    ]


def test_a_missing_file_is_reported_as_such(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="No such file or directory"):
        screen(Source(tmp_path / "gone.ttl", GRAPH))
