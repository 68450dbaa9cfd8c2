"""Split SPARQL text into tokens, for checks that must not depend on a parser.

The tokenizer follows SPARQL's own terminals where a wrong guess would hide a
keyword: a number is digits, one ``.`` and an exponent (``1SERVICE`` is the
number 1 and the word SERVICE), strings end where SPARQL ends them, and a
language tag is one token. Two things it cannot know: whether ``<`` opens an IRI
or compares two values (``?a<'>'``), and whether ``\\u`` escapes are applied
before parsing (rdflib applies them, Oxigraph does not). Callers that must not
be fooled look at every reading: ``READINGS`` for the first, ``unescape`` for
the second.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")

_TOKEN = r"""
    (?P<space>\s+)
  | (?P<comment>\#[^\r\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\r\n]|\\.)*'|"(?:[^"\\\r\n]|\\.)*")
  | (?P<iri>{iri})
  | (?P<var>[?$][\w\u00B7]+)
  | (?P<langtag>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<number>[0-9]+(?:\.[0-9]*)?[eE][+-]?[0-9]+|\.[0-9]+[eE][+-]?[0-9]+
              |[0-9]*\.[0-9]+|[0-9]+)
  | (?P<pname>(?:[^\W\d][\w.\-]*)?:(?:[\w.\-:%]|\\.)*)
  | (?P<word>[^\W\d]\w*)
  | (?P<open>\{{)
  | (?P<close>\}})
  | (?P<operator>\|\||&&|!=|<=|>=)
  | (?P<datatype>\^\^)
  | (?P<other>.)
"""
#: An IRI may hold any character but these; the quote variant leaves out ``'``.
_IRI_ANY = r"<[^<>\"{}|^`\\\x00-\x20]*>"
_IRI_NO_QUOTE = r"<[^<>\"'{}|^`\\\x00-\x20]*>"
READINGS = (
    re.compile(_TOKEN.format(iri=_IRI_ANY), re.VERBOSE | re.DOTALL),
    re.compile(_TOKEN.format(iri=_IRI_NO_QUOTE), re.VERBOSE | re.DOTALL),
)


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    start: int
    depth: int
    """How many ``{`` enclose the token."""


def unescape(text: str) -> str:
    """Apply SPARQL's ``\\uXXXX`` codepoint escapes, which may appear anywhere.

    An escape beyond Unicode's last codepoint stays as written: no parser accepts it.
    """

    def codepoint(match: re.Match[str]) -> str:
        number = int(match.group(1) or match.group(2), 16)
        return chr(number) if number <= 0x10FFFF else match.group()

    return _ESCAPE.sub(codepoint, text)


def tokens(text: str, reading: re.Pattern[str]) -> Iterator[Token]:
    """Tokens outside whitespace and comments, each with its brace depth."""
    depth = 0
    for match in reading.finditer(text):
        kind = match.lastgroup or "other"
        if kind in ("space", "comment"):
            continue
        if kind == "close":
            depth -= 1
        yield Token(kind, match.group(), match.start(), depth)
        if kind == "open":
            depth += 1


def readings(text: str) -> list[list[Token]]:
    """The text's tokens in every reading of ``<``.

    The readings part only where the first takes an IRI holding a quote, so without
    one there is a single reading.
    """
    first = list(tokens(text, READINGS[0]))
    if any(token.kind == "iri" and "'" in token.text for token in first):
        return [first, list(tokens(text, READINGS[1]))]
    return [first]


def lex(text: str) -> list[Token]:
    """The query's tokens in the reading the engine itself follows, for callers that inspect
    structure (where a group opens, which variables appear) without parsing SPARQL again."""
    return list(tokens(text, READINGS[0]))


def position(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"line {line}, column {column}"


def after_block(found: list[Token], index: int) -> int:
    """The index just past the ``}`` closing the block opened at ``index``."""
    depth = found[index].depth
    for later in range(index + 1, len(found)):
        if found[later].kind == "close" and found[later].depth == depth:
            return later + 1
    return len(found)
