"""Refuse RDF files that would crash, hang or exhaust a parser, before any parser reads them.

The parsers aseankg uses take large files in their stride, but not every shape of file:
rdflib's Turtle parser recurses once per nested bracket and fails at 150 to 250 levels,
Oxigraph's JSON-LD parser needs memory that grows with the square of the nesting depth
(1.7 GB at 3,000 levels) and crashes the process near 10,000, deeply nested RDF 1.2 triple
terms crash Oxigraph's Turtle and N-Triples parsers, Oxigraph's RDF/XML parser takes
minutes over 100,000 nested elements, and the entities of an XML document type
declaration let a kilobyte of RDF/XML expand into gigabytes ("billion laughs"), in rdflib
and in Oxigraph.

So every file is screened here first, whichever command reads it and whichever parser
follows: it must be a regular file (a FIFO would block, a device never end), nest no
deeper than :data:`MAX_NESTING`, and, in RDF/XML, declare no entities.
"""

import os
import re
import stat
from pathlib import Path
from typing import BinaryIO
from xml.sax import SAXParseException
from xml.sax.handler import ContentHandler

from defusedxml import EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.expatreader import DefusedExpatParser

from aseankg.errors import SourceError
from aseankg.rdf.formats import JSON_LD, RDF_XML
from aseankg.sources.files import Source

MAX_NESTING = 64
"""Most brackets, braces or XML elements a file may have open at once.

Real data stays within a handful; the parsers above fail far beyond this.
"""

#: What can hold a bracket without opening anything in Turtle, TriG, N-Triples and
#: N-Quads (strings, IRIs, comments, escaped characters), and the brackets themselves:
#: blank nodes ``[ ]``, collections ``( )``, graphs and annotations ``{ }``, quoted
#: triples ``<< >>``. Strings follow the grammar's rules, so that the scan reads every
#: bracket of a valid file as its parser does; the first difference is a syntax error,
#: where the parser stops.
_TURTLE_TOKENS = re.compile(
    rb'"""(?:"{0,2}(?:[^"\\]|\\.))*+"""'
    rb"|'''(?:'{0,2}(?:[^'\\]|\\.))*+'''"
    rb'|"(?:[^"\\\n\r]|\\.)*+"'
    rb"|'(?:[^'\\\n\r]|\\.)*+'"
    rb'|<(?:[^<>"{}|^`\\\x00-\x20]|\\.)*+>'
    rb"|#[^\n\r]*+"
    rb"|\\."
    rb"|<<|>>|[\[\](){}]",
    re.DOTALL,
)
#: JSON strings, escaped characters outside them (so that an unclosed string is scanned
#: once, not again from each escaped quote it holds), and the brackets of arrays and objects.
_JSON_TOKENS = re.compile(rb'"(?:[^"\\]|\\.)*+"|\\.|[\[\]{}]', re.DOTALL)

_OPENERS = (b"[", b"(", b"{", b"<<")
_CLOSERS = (b"]", b")", b"}", b">>")
#: Every byte but those of openers, and ``>``: deleting them leaves every opener of a file
#: (``>`` keeps the ``<`` of adjacent IRIs apart), to count them quickly.
_ALL_BUT_OPENERS = bytes(byte for byte in range(256) if byte not in b"[({<>")
#: Bytes read at a time while counting openers.
_CHUNK_BYTES = 16 * 1024 * 1024


def screen(source: Source) -> None:
    """Raise SourceError unless ``source``'s file is safe to give a parser.

    The file is read in chunks, so that screening a large file takes little memory; only
    a file with more than MAX_NESTING openers is read whole, to follow its nesting.
    """
    try:
        with open_regular_file(source.path) as handle:
            if source.syntax is RDF_XML:
                _screen_xml(source.path, handle)
            elif _more_openers_than_nesting_allows(handle):
                handle.seek(0)
                tokens = _JSON_TOKENS if source.syntax is JSON_LD else _TURTLE_TOKENS
                _screen_nesting(source.path, handle.read(), tokens)
    except OSError as error:
        raise SourceError(source.path, error.strerror or str(error)) from error


def open_regular_file(path: Path) -> BinaryIO:
    """Open ``path`` if it is a regular file, without opening anything else.

    Opening is non-blocking, and the opened file is checked again, so that a FIFO put in
    the file's place meanwhile cannot block the read.
    """
    if stat.S_ISREG(os.stat(path).st_mode):
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        if stat.S_ISREG(os.fstat(descriptor).st_mode):
            return open(descriptor, "rb")
        os.close(descriptor)
    raise SourceError(path, "not a regular file (a device, FIFO, socket or folder)")


def _more_openers_than_nesting_allows(handle: BinaryIO) -> bool:
    """Whether the file holds more openers, in strings or not, than MAX_NESTING.

    If not, it cannot nest too deep, and need not be tokenized: most files stop here.
    """
    count, previous = 0, b""
    while chunk := handle.read(_CHUNK_BYTES):
        openers = chunk.translate(None, _ALL_BUT_OPENERS)
        count += sum(openers.count(opener) for opener in _OPENERS)
        count += previous.endswith(b"<") and openers.startswith(b"<")  # a "<<" split in two
        if count > MAX_NESTING:
            return True
        previous = openers
    return False


def _screen_nesting(path: Path, content: bytes, tokens: re.Pattern[bytes]) -> None:
    depth = 0
    for token in tokens.finditer(content):
        text = token[0]
        if text in _OPENERS:
            depth += 1
            if depth > MAX_NESTING:
                raise SourceError(
                    path,
                    f"brackets nested more than {MAX_NESTING} deep; aseankg refuses deeper "
                    "nesting, which can crash RDF parsers",
                    content.count(b"\n", 0, token.start()) + 1,
                )
        elif text in _CLOSERS:
            depth = max(depth - 1, 0)


class _TooDeep(Exception):
    """An XML element opened more than MAX_NESTING elements deep."""


class _ElementDepth(ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self.depth = 0

    def startElement(self, name: str, attrs: object) -> None:
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise _TooDeep

    def endElement(self, name: str) -> None:
        self.depth -= 1


def _screen_xml(path: Path, handle: BinaryIO) -> None:
    """Read the XML with an expat parser that refuses entity declarations, tracking depth."""
    parser = DefusedExpatParser(forbid_dtd=False, forbid_entities=True, forbid_external=True)
    parser.setContentHandler(_ElementDepth())
    try:
        parser.parse(handle)
    except SAXParseException as error:
        raise SourceError(path, error.getMessage(), error.getLineNumber()) from error
    except EntitiesForbidden as error:
        message = (
            f"the XML declares the entity '{error.name}'; aseankg refuses entity declarations, "
            "which can expand a small file into gigabytes or read other files"
        )
        raise SourceError(path, message, parser.getLineNumber()) from error
    except ExternalReferenceForbidden as error:
        message = f"the XML refers to '{error.sysid}'; aseankg reads no other document"
        raise SourceError(path, message, parser.getLineNumber()) from error
    except _TooDeep as error:
        message = (
            f"XML elements nested more than {MAX_NESTING} deep; aseankg refuses deeper "
            "nesting, which can exhaust RDF parsers"
        )
        raise SourceError(path, message, parser.getLineNumber()) from error
