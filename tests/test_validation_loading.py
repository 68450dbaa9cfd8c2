"""Reading files for validation: one graph per file, and which file said what."""

import json
import os
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, URIRef

from aseankg import validation
from aseankg.errors import LayoutError, SourceError
from aseankg.rdf.namespaces import AK, ID, REFERENCE_GRAPH
from aseankg.sources import bundle
from aseankg.sources.files import ontology_sources, reference_sources, user_sources
from aseankg.validation.loading import Inverse, load

EXAMPLE = "https://example.org/"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_each_user_file_gets_a_graph_named_by_its_file_uri(tmp_path: Path) -> None:
    turtle = write(tmp_path / "a.ttl", f"<{EXAMPLE}a> <{EXAMPLE}p> 1 .\n")
    trig = write(
        tmp_path / "b.trig",
        f"<{EXAMPLE}b> <{EXAMPLE}p> 2 .\n<{EXAMPLE}graph> {{ <{EXAMPLE}c> <{EXAMPLE}p> 3 . }}\n",
    )
    quads = write(tmp_path / "c.nq", f"<{EXAMPLE}d> <{EXAMPLE}p> <{EXAMPLE}e> <{EXAMPLE}g2> .\n")
    loaded = load(user_sources([turtle, trig, quads]))
    graphs = {graph.identifier: len(graph) for graph in loaded.dataset.graphs() if len(graph)}
    assert graphs == {
        URIRef(turtle.resolve().as_uri()): 1,
        URIRef(trig.resolve().as_uri()): 1,  # TriG's default graph
        URIRef(f"{EXAMPLE}graph"): 1,  # and the graph it names
        URIRef(f"{EXAMPLE}g2"): 1,
    }
    assert loaded.files == [turtle, trig, quads]


def test_rdf_xml_files_are_read(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    rdf_xml = write(
        folder / "a.rdf",
        f"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="{EXAMPLE}">
  <rdf:Description rdf:about="{EXAMPLE}a"><ex:p>1</ex:p></rdf:Description>
</rdf:RDF>
""",
    )
    loaded = load(user_sources([folder]))
    assert loaded.files == [rdf_xml]
    assert len(loaded.dataset.graph(URIRef(rdf_xml.resolve().as_uri()))) == 1


def test_a_file_named_twice_is_read_once(tmp_path: Path) -> None:
    file = write(tmp_path / "data" / "a.ttl", f"<{EXAMPLE}a> <{EXAMPLE}p> 1 .\n")
    sources = user_sources([file, tmp_path / "data", tmp_path / "data" / ".." / "data" / "a.ttl"])
    assert [source.path for source in sources] == [file]


def test_hidden_folders_are_not_searched(tmp_path: Path) -> None:
    write(tmp_path / ".venv" / "lib" / "vocabulary.ttl", "")
    kept = write(tmp_path / "stories" / "11-new.ttl", "")
    assert [source.path for source in user_sources([tmp_path])] == [kept]


def test_a_broken_user_file_names_file_and_line(tmp_path: Path) -> None:
    broken = write(
        tmp_path / "b.ttl", f"<{EXAMPLE}a> <{EXAMPLE}p> 1 .\n<{EXAMPLE}a> <{EXAMPLE}p> .\n"
    )
    with pytest.raises(SourceError) as caught:
        load(user_sources([broken]))
    assert (caught.value.path, caught.value.line) == (broken, 2)


def test_deep_nesting_names_file_and_line_rather_than_a_recursion_error(tmp_path: Path) -> None:
    nested = write(
        tmp_path / "nested.ttl",
        f"<{EXAMPLE}a> <{EXAMPLE}p> 1 .\n<{EXAMPLE}a> <{EXAMPLE}p> "
        + "(" * 10_000
        + ")" * 10_000
        + " .\n",
    )
    with pytest.raises(SourceError) as caught:
        load(user_sources([nested]))
    assert (caught.value.path, caught.value.line) == (nested, 2)
    assert "nested more than 64 deep" in caught.value.message


def test_a_term_too_long_to_locate_still_names_the_file(tmp_path: Path) -> None:
    """rdflib fails on the unclosed string; Oxigraph, asked for the line, cannot hold it."""
    broken = write(tmp_path / "long.ttl", f'<{EXAMPLE}a> <{EXAMPLE}p> "{"x" * 17_000_000} .\n')
    with pytest.raises(SourceError) as caught:
        load(user_sources([broken]))
    assert caught.value.path == broken
    assert caught.value.message.startswith("a term too long to parse")


@pytest.fixture
def context_server() -> Iterator[tuple[str, list[bytes]]]:
    """A listener on 127.0.0.1 that would serve a JSON-LD context, recording every request."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    requests: list[bytes] = []
    stop = threading.Event()

    def answer() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            with connection:
                requests.append(connection.recv(4096))
                body = json.dumps({"@context": {"name": f"{EXAMPLE}name"}}).encode()
                connection.sendall(
                    b"HTTP/1.0 200 OK\r\nContent-Type: application/ld+json\r\n"
                    b"Content-Length: %d\r\n\r\n%s" % (len(body), body)
                )

    thread = threading.Thread(target=answer, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/ctx.jsonld", requests
    finally:
        stop.set()
        thread.join()
        listener.close()


def test_json_ld_with_a_remote_context_is_refused_without_fetching_it(
    tmp_path: Path, context_server: tuple[str, list[bytes]]
) -> None:
    url, requests = context_server
    document = write(
        tmp_path / "remote.jsonld",
        f'{{\n  "@context": "{url}",\n  "@id": "{EXAMPLE}a",\n  "name": "A"\n}}\n',
    )
    with pytest.raises(SourceError) as caught:
        load(user_sources([document]))
    assert (caught.value.path, caught.value.line) == (document, 2)
    assert "never fetches" in caught.value.message
    assert requests == []


def test_json_ld_with_its_context_inline_is_read(tmp_path: Path) -> None:
    document = write(
        tmp_path / "inline.jsonld",
        json.dumps(
            {
                "@context": {"name": f"{EXAMPLE}name"},
                "@graph": [
                    {"@id": "relative", "name": "A"},
                    {"@id": "_:b0", "name": "B"},
                    {"@id": f"{EXAMPLE}g", "@graph": [{"@id": f"{EXAMPLE}c", "name": "C"}]},
                ],
            }
        ),
    )
    loaded = load(user_sources([document]))
    file_graph = loaded.dataset.graph(URIRef(document.resolve().as_uri()))
    assert (URIRef((tmp_path / "relative").as_uri()), URIRef(f"{EXAMPLE}name"), None) in file_graph
    assert len(file_graph) == 2
    assert len(loaded.dataset.graph(URIRef(f"{EXAMPLE}g"))) == 1


def test_an_unknown_suffix_named_explicitly_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LayoutError, match=r"notes\.md: not an RDF file"):
        user_sources([write(tmp_path / "notes.md", "")])


def test_a_fifo_named_explicitly_is_refused_without_opening_it(tmp_path: Path) -> None:
    fifo = tmp_path / "story.ttl"
    os.mkfifo(fifo)
    with pytest.raises(LayoutError, match=r"story\.ttl: neither a regular file nor a folder"):
        user_sources([fifo])


def test_reference_data_goes_into_the_reference_graph() -> None:
    sources = reference_sources(bundle.data_dir())
    assert {source.graph for source in sources} == {REFERENCE_GRAPH}
    assert "countries.ttl" in {source.path.name for source in sources}


def test_origin_is_the_file_holding_the_statement_then_the_one_typing_the_node(
    tmp_path: Path,
) -> None:
    initiative = ID["initiative/china-asean-community-with-a-shared-future"]
    extra = write(
        tmp_path / "extra.ttl",
        f"<{initiative}> <{AK.topic}> <{EXAMPLE}not-a-topic> .\n",
    )
    sources = ontology_sources(bundle.ontology_dir()) + reference_sources(bundle.data_dir())
    origins = load(sources + user_sources([extra])).origins
    reference = bundle.data_dir() / "reference" / "initiatives.ttl"
    assert origins.file_of(initiative, AK.topic, URIRef(f"{EXAMPLE}not-a-topic")) == extra
    assert origins.file_of(initiative, AK.party, None) == reference
    assert origins.file_of(URIRef(f"{EXAMPLE}not-a-topic")) == extra
    assert origins.file_of(initiative, Inverse(RDF.type), AK.Partnership) == reference
    assert origins.file_of(AK.Partnership, RDFS.label) == bundle.ontology_dir() / "aseankg.ttl"
    assert origins.file_of(URIRef(f"{EXAMPLE}nowhere")) is None


@pytest.mark.slow
def test_user_graphs_outside_the_aseankg_namespace_count_as_story_data(tmp_path: Path) -> None:
    trig = write(
        tmp_path / "mine.trig",
        "PREFIX ak: <https://w3id.org/aseankg/ontology#>\n"
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        f"<{EXAMPLE}graphs/1> {{\n"
        "  <https://w3id.org/aseankg/id/place/hanoi> a ak:Settlement ;\n"
        '    rdfs:label "Hanoi"@en ;\n'
        "    ak:locatedIn <https://w3id.org/aseankg/id/country/vn> .\n"
        "}\n",
    )
    sources = ontology_sources(bundle.ontology_dir()) + reference_sources(bundle.data_dir())
    report = validation.validate(sources + user_sources([trig]))
    assert report.results == []
