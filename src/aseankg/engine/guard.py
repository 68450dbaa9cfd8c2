"""Inspect SPARQL text before it reaches the store.

Oxigraph executes ``SERVICE`` with its own HTTP client and offers no hook to stop
it, so a query has to be judged from its text. The judgement is lexical: the
query is split into tokens with strings, IRIs and comments recognised, and the
keywords that remain decide. The tokenizer cannot always know whether ``<``
opens an IRI or compares two values (``?a<'>'``), nor whether ``\\u`` escapes
are applied before parsing, so SERVICE is looked for in every reading and one
sighting is enough. The query workers also
run without network access where the platform allows (see ``sandbox``); the
guard is what gives users a clear message.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

from aseankg.engine.errors import READ_ONLY, QueryRefused, QuerySyntaxError, UpdateRefused

QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "ADD", "MOVE", "COPY", "WITH"}
)

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")

_TOKEN = r"""
    (?P<space>\s+)
  | (?P<comment>\#[^\r\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\r\n]|\\.)*'|"(?:[^"\\\r\n]|\\.)*")
  | (?P<iri>{iri})
  | (?P<var>[?$][\w\u00B7]+)
  | (?P<pname>(?:[^\W\d][\w.\-]*)?:(?:[\w.\-:%]|\\.)*)
  | (?P<word>[^\W\d]\w*)
  | (?P<number>\d[\w.]*)
  | (?P<open>\{{)
  | (?P<close>\}})
  | (?P<other>.)
"""
#: An IRI may hold any character but these; the quote variant leaves out ``'``.
_IRI_ANY = r"<[^<>\"{}|^`\\\x00-\x20]*>"
_IRI_NO_QUOTE = r"<[^<>\"'{}|^`\\\x00-\x20]*>"
_READINGS = (
    re.compile(_TOKEN.format(iri=_IRI_ANY), re.VERBOSE | re.DOTALL),
    re.compile(_TOKEN.format(iri=_IRI_NO_QUOTE), re.VERBOSE | re.DOTALL),
)


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    start: int
    depth: int


@dataclass(frozen=True)
class QueryInfo:
    """What the guard learnt about an accepted query."""

    form: str
    """SELECT, ASK, CONSTRUCT or DESCRIBE."""
    from_graphs: tuple[str, ...]
    from_named_graphs: tuple[str, ...]


def unescape(text: str) -> str:
    """Apply SPARQL's ``\\uXXXX`` codepoint escapes, which may appear anywhere."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


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


def lex(text: str) -> list[Token]:
    """The query's tokens in the reading the engine itself follows, for callers that inspect
    structure (where a group opens, which variables appear) without parsing SPARQL again."""
    return list(tokens(text, _READINGS[0]))


def position(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"line {line}, column {column}"


def _check_strings_closed(text: str, found: list[Token]) -> None:
    for token in found:
        if token.kind == "other" and token.text in "'\"":
            raise QuerySyntaxError(f"unterminated string at {position(text, token.start)}")


def after_block(found: list[Token], index: int) -> int:
    """The index just past the ``}`` closing the block opened at ``index``."""
    depth = found[index].depth
    for later in range(index + 1, len(found)):
        if found[later].kind == "close" and found[later].depth == depth:
            return later + 1
    return len(found)


def _resolve(token: Token, prefixes: dict[str, str], base: str) -> str | None:
    if token.kind == "iri":
        return urljoin(base, token.text[1:-1]) if base else token.text[1:-1]
    if token.kind == "pname":
        prefix, local = token.text.split(":", 1)
        if prefix in prefixes:
            return prefixes[prefix] + local
    return None


def _refuse_service(text: str) -> None:
    """Refuse SERVICE as seen by any reading: raw or unescaped, either meaning of ``<``."""
    for variant in dict.fromkeys((text, unescape(text))):
        if "SERVICE" not in variant.upper():
            continue  # no token can read SERVICE, so the readings need not be tokenized
        for reading in _READINGS:
            for token in tokens(variant, reading):
                if token.kind == "word" and token.text.upper() == "SERVICE":
                    raise QueryRefused(
                        f"SERVICE at {position(variant, token.start)} is not allowed: queries "
                        "are answered from this dataset alone, which never calls other services"
                    )


def inspect(text: str) -> QueryInfo:
    """Accept a read-only, self-contained query or raise with a message that says why."""
    _refuse_service(text)
    source = text
    main = list(tokens(source, _READINGS[0]))
    _check_strings_closed(source, main)
    prefixes: dict[str, str] = {}
    base = ""
    form = None
    from_graphs: list[str] = []
    from_named: list[str] = []
    index = 0
    while index < len(main):
        token = main[index]
        keyword = token.text.upper() if token.kind == "word" else ""
        if form is None:
            if keyword == "PREFIX" and index + 2 < len(main):
                name, iri = main[index + 1], main[index + 2]
                if name.kind == "pname" and iri.kind == "iri":
                    prefixes[name.text[:-1]] = iri.text[1:-1]
                index += 3
                continue
            if keyword == "BASE" and index + 1 < len(main) and main[index + 1].kind == "iri":
                base = main[index + 1].text[1:-1]
                index += 2
                continue
            if keyword in UPDATE_KEYWORDS:
                raise UpdateRefused(f"{keyword} at {position(source, token.start)}: {READ_ONLY}")
            if keyword in QUERY_FORMS:
                form = keyword
                index += 1
                if form == "CONSTRUCT" and index < len(main) and main[index].kind == "open":
                    index = after_block(main, index)
                continue
            raise QuerySyntaxError(
                f"expected SELECT, ASK, CONSTRUCT or DESCRIBE at {position(source, token.start)}"
            )
        if token.kind == "open":
            break
        if keyword == "FROM" and index + 1 < len(main):
            named = main[index + 1].kind == "word" and main[index + 1].text.upper() == "NAMED"
            target = main[index + 2] if named and index + 2 < len(main) else main[index + 1]
            graph = _resolve(target, prefixes, base)
            if graph is None:
                raise QuerySyntaxError(
                    f"FROM at {position(source, token.start)} must name a graph IRI"
                )
            (from_named if named else from_graphs).append(graph)
            index += 3 if named else 2
            continue
        index += 1
    if form is None:
        raise QuerySyntaxError("the query is empty: expected SELECT, ASK, CONSTRUCT or DESCRIBE")
    return QueryInfo(form, tuple(from_graphs), tuple(from_named))


def limit_rows(text: str, cap: int) -> tuple[str, bool]:
    """Make the outermost query return at most ``cap`` solutions.

    Returns the text to run and whether the cap is what limits it. An existing
    top-level LIMIT at or under the cap is kept; a larger one is lowered; a
    missing one is added before a trailing VALUES block or at the end.
    """
    source = text
    main = [t for t in tokens(source, _READINGS[0]) if t.depth == 0]
    values_at = None
    for index, token in enumerate(main):
        keyword = token.text.upper() if token.kind == "word" else ""
        if keyword == "LIMIT" and index + 1 < len(main) and main[index + 1].kind == "number":
            number = main[index + 1]
            if int(number.text) <= cap:
                return source, False
            end = number.start + len(number.text)
            return f"{source[: number.start]}{cap}{source[end:]}", True
        if keyword == "VALUES":
            values_at = token.start
    if values_at is not None:
        return f"{source[:values_at]}LIMIT {cap}\n{source[values_at:]}", True
    return f"{source}\nLIMIT {cap}", True
