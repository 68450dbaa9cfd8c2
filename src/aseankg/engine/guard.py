"""Judge SPARQL text before it reaches the store.

Oxigraph executes ``SERVICE`` with its own HTTP client and offers no hook to stop
it, and it reads keywords without needing a space after the word before them
(``trueSERVICE`` is ``true`` then ``SERVICE``), so the guard must find every
SERVICE that Oxigraph could find. A SERVICE pattern needs the letters SERVICE in
the text (Oxigraph's keywords are ASCII, matched case-insensitively; rdflib's
parser applies ``\\u`` escapes first), so a text without them, raw or unescaped,
holds none, whatever a parser makes of it. Where the letters appear:

1. The tokens decide what they show plainly, in every reading (see ``lexer``): the
   word SERVICE is refused; the letters inside a string, an IRI, a comment, a
   variable, a language tag or the local part of a prefixed name are data, which
   no SPARQL parser reads as a keyword.
2. The letters in any other word or in a prefix (``SERVICESILENT``, ``SERVICE:x``,
   ``service:label``) leave a doubt, which a second parser settles (see
   ``second_reading``): the query passes only if rdflib reads it without a SERVICE
   pattern. A query rdflib cannot read (a syntax it does not know, over 1,000
   tokens, too deep for its parser) is refused then: such a query needs a prefix
   or word containing "service" as well, which is rare and easily renamed.

A query either reading sees SERVICE in is refused. A query rdflib cannot read
and whose tokens leave no doubt goes on to Oxigraph as it is, which runs it or
reports its syntax error: most queries are never given to rdflib, whose parse
costs more than the whole lexical check (30 ms for a typical query, seconds for
a long one; see ``second_reading``).

The tokens are also held to limits on nesting and chaining that Oxigraph's
recursive parser survives, before any parser sees the text (see ``complexity``).
SPARQL Update is recognised by its first keyword (Oxigraph's query parser would
not run it anyway; the guard says why). Calls of functions by IRI that Oxigraph
cannot run (see ``functions``) are refused with the function named: rdflib tells
a call from a predicate followed by a collection (``?s ex:p (1 2)``); in a query
it cannot read, an IRI followed by ``(`` is taken for a call unless it follows a
term, ``;`` or ``[``. The query workers also run
without network access where the platform allows (see ``sandbox``); the guard is
what gives users a clear message.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

from aseankg.engine import complexity, functions, second_reading
from aseankg.engine.errors import READ_ONLY, QueryRefused, QuerySyntaxError, UpdateRefused
from aseankg.rdf.sparql_lexer import Token, after_block, lex, position, readings, unescape

QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "ADD", "MOVE", "COPY", "WITH"}
)
_NAME_ESCAPE = re.compile(r"\\(.)")
#: Kinds of token that end a term: after one, ``IRI (`` is a predicate and a collection.
_TERM_ENDS = frozenset({"var", "iri", "pname", "string", "number", "langtag"})
_NOT_ALLOWED = (
    "is not allowed: queries are answered from this dataset alone, which never calls other services"
)


@dataclass(frozen=True)
class QueryInfo:
    """What the guard learnt about an accepted query."""

    form: str
    """SELECT, ASK, CONSTRUCT or DESCRIBE."""
    from_graphs: tuple[str, ...]
    from_named_graphs: tuple[str, ...]


@dataclass(frozen=True)
class _Prologue:
    """The form, the dataset clause and the prefixes, as the tokens show them."""

    info: QueryInfo
    prefixes: dict[str, str]
    base: str


@dataclass(frozen=True)
class _Doubt:
    """A name the tokens cannot judge, and where it stands."""

    text: str
    where: str


def _check_strings_closed(text: str, found: list[Token]) -> None:
    for token in found:
        if token.kind == "other" and token.text in "'\"":
            raise QuerySyntaxError(f"unterminated string at {position(text, token.start)}")


def _resolve(token: Token, prefixes: dict[str, str], base: str) -> str | None:
    if token.kind == "iri":
        return urljoin(base, token.text[1:-1]) if base else token.text[1:-1]
    if token.kind == "pname":
        prefix, local = token.text.split(":", 1)
        if prefix in prefixes:
            return prefixes[prefix] + _NAME_ESCAPE.sub(r"\1", local)
    return None


def _service_doubts(text: str, raw_readings: list[list[Token]]) -> list[_Doubt]:
    """Refuse SERVICE as any reading shows it; return the names that might hide one."""
    doubts: list[_Doubt] = []
    for variant in dict.fromkeys((text, unescape(text))):
        if "SERVICE" not in variant.upper():
            continue  # no token can read SERVICE, so the readings need not be looked at
        for found in raw_readings if variant == text else readings(variant):
            for token in found:
                if token.kind == "word" and token.text.upper() == "SERVICE":
                    raise QueryRefused(
                        f"SERVICE at {position(variant, token.start)} {_NOT_ALLOWED}"
                    )
                name = token.text.split(":", 1)[0] if token.kind == "pname" else token.text
                if token.kind in ("word", "pname") and "SERVICE" in name.upper():
                    doubts.append(_Doubt(token.text, position(variant, token.start)))
    return doubts


def _read_prologue(text: str, main: list[Token], base: str) -> _Prologue:
    """Read the prologue, the query form and the dataset clause; refuse updates.

    ``base`` is what relative IRIs resolve against until a BASE declaration says otherwise.
    """
    prefixes: dict[str, str] = {}
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
                declared = main[index + 1].text[1:-1]
                base = urljoin(base, declared) if base else declared
                index += 2
                continue
            if keyword in UPDATE_KEYWORDS:
                raise UpdateRefused(f"{keyword} at {position(text, token.start)}: {READ_ONLY}")
            if keyword in QUERY_FORMS:
                form = keyword
                index += 1
                if form == "CONSTRUCT" and index < len(main) and main[index].kind == "open":
                    index = after_block(main, index)
                continue
            raise QuerySyntaxError(
                f"expected SELECT, ASK, CONSTRUCT or DESCRIBE at {position(text, token.start)}"
            )
        if token.kind == "open":
            break
        if keyword == "FROM" and index + 1 < len(main):
            named = main[index + 1].kind == "word" and main[index + 1].text.upper() == "NAMED"
            target = main[index + 2] if named and index + 2 < len(main) else main[index + 1]
            graph = _resolve(target, prefixes, base)
            if graph is None:
                raise QuerySyntaxError(
                    f"FROM at {position(text, token.start)} must name a graph IRI"
                )
            (from_named if named else from_graphs).append(graph)
            index += 3 if named else 2
            continue
        index += 1
    if form is None:
        raise QuerySyntaxError("the query is empty: expected SELECT, ASK, CONSTRUCT or DESCRIBE")
    return _Prologue(QueryInfo(form, tuple(from_graphs), tuple(from_named)), prefixes, base)


def _arity(found: list[Token], opening: int) -> int:
    """How many arguments the parenthesis at ``opening`` holds, counting top-level commas."""
    if opening + 1 < len(found) and found[opening + 1].text == ")":
        return 0
    depth, arguments = 0, 1
    for token in found[opening + 1 :]:
        if token.kind in ("open", "other") and token.text in ("(", "[", "{"):
            depth += 1
        elif token.kind in ("close", "other") and token.text in (")", "]", "}"):
            if depth == 0:
                break
            depth -= 1
        elif token.text == "," and depth == 0:
            arguments += 1
    return arguments


@dataclass(frozen=True)
class _CallSite:
    """An IRI followed by ``(``: a call, or a predicate followed by a collection."""

    iri: str
    token: Token
    arity: int
    after_term: bool
    """Whether it follows a term, ``;`` or ``[``, where only a collection can follow it."""


def _call_sites(main: list[Token], prologue: _Prologue) -> Iterator[_CallSite]:
    """Each IRI followed by ``(``; undeclared prefixes are left for Oxigraph to report."""
    for index, token in enumerate(main[:-1]):
        if token.kind in ("iri", "pname") and main[index + 1].text == "(":
            iri = _resolve(token, prologue.prefixes, prologue.base)
            if iri is not None:
                before = main[index - 1] if index else None
                after_term = before is not None and (
                    before.kind in _TERM_ENDS
                    or before.text in (")", "]", ";", "[")
                    or (before.kind == "word" and before.text.upper() in ("A", "TRUE", "FALSE"))
                )
                yield _CallSite(iri, token, _arity(main, index + 1), after_term)


def _call_refused(text: str, site: _CallSite, reason: str) -> QueryRefused:
    return QueryRefused(f"the function <{site.iri}> at {position(text, site.token.start)} {reason}")


def _judge_unread(
    text: str, main: list[Token], prologue: _Prologue, services: list[_Doubt], why: str
) -> None:
    """Decide without a second reading: a doubtful name is refused, and so is an IRI
    followed by ``(`` that Oxigraph cannot call, unless it follows a term, ``;`` or ``[``."""
    if services:
        raise QueryRefused(
            f"'{services[0].text}' at {services[0].where} may be read as SERVICE, and {why}; "
            f"SERVICE {_NOT_ALLOWED}"
        )
    for site in _call_sites(main, prologue):
        reason = functions.refusal(site.iri, site.arity)
        if reason is not None and not site.after_term:
            raise _call_refused(text, site, reason)


def _settle(text: str, main: list[Token], prologue: _Prologue, services: list[_Doubt]) -> None:
    """Ask the second reading about the doubts, and refuse what it confirms."""
    if len(main) > second_reading.MAX_TOKENS:
        why = (
            f"queries of more than {second_reading.MAX_TOKENS} tokens are not parsed to show "
            "otherwise"
        )
        _judge_unread(text, main, prologue, services, why)
        return
    reading = second_reading.read(text)
    if reading is None:
        _judge_unread(
            text, main, prologue, services, "the query could not be parsed to show otherwise"
        )
        return
    if reading.services:
        where = f" at {services[0].where}" if services else ""
        raise QueryRefused(f"SERVICE{where} {_NOT_ALLOWED}")
    for call in reading.calls:
        reason = functions.refusal(call.iri, call.arity)
        if reason is not None:
            sites = (site for site in _call_sites(main, prologue) if site.iri == call.iri)
            site = next(sites, None)
            if site is None:
                raise QueryRefused(f"the function <{call.iri}> {reason}")
            raise _call_refused(text, site, reason)


def inspect(text: str, base: str = "") -> QueryInfo:
    """Accept a read-only, self-contained query or raise with a message that says why.

    ``base`` is the IRI that relative IRIs (of FROM, say) resolve against.
    """
    raw_readings = readings(text)
    services = _service_doubts(text, raw_readings)
    main = raw_readings[0]
    _check_strings_closed(text, main)
    for found in raw_readings:
        complexity.check(text, found)
    prologue = _read_prologue(text, main, base)
    doubtful_call = any(
        functions.refusal(site.iri, site.arity) is not None for site in _call_sites(main, prologue)
    )
    if services or doubtful_call:
        _settle(text, main, prologue, services)
    return prologue.info


def limit_rows(text: str, cap: int) -> tuple[str, bool]:
    """Make the outermost query return at most ``cap`` solutions.

    Returns the text to run and whether the cap is what limits it. An existing
    top-level LIMIT at or under the cap is kept; a larger one is lowered; a
    missing one is added before a trailing VALUES block or at the end. A LIMIT
    that is not an integer is left for the parser to report.
    """
    source = text
    main = [t for t in lex(source) if t.depth == 0]
    values_at = None
    for index, token in enumerate(main):
        keyword = token.text.upper() if token.kind == "word" else ""
        if (
            keyword == "LIMIT"
            and index + 1 < len(main)
            and main[index + 1].kind == "number"
            and main[index + 1].text.isdigit()
        ):
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
