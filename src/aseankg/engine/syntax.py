"""Oxigraph's syntax errors in plain words.

Oxigraph's parser says where it stopped and what its grammar tried there, in the
grammar's own notation (``expected one of "?", ['0'..='9'], [_]``), and it stops at
the furthest point any rule reached, which can lie past the real mistake: ``{ ?s
ex:p ?o }`` without ``PREFIX ex:`` is reported at ``?o`` as "expected OPTIONAL".
Two mistakes can be named exactly from the query's own tokens, and are named first
when they stand before that point: a prefix that was never declared, and text in
``<...>`` that is not an IRI (or a relative IRI with nothing to resolve it against).
Otherwise the message keeps Oxigraph's position and says what was found there and
what may come instead, by kind of token.
"""

import re
from urllib.parse import urljoin

import pyoxigraph

from aseankg.rdf.sparql_lexer import Token, lex

_ERROR = re.compile(r"error at (\d+):(\d+): expected (?:one of )?(.*)", re.DOTALL)
#: An item of Oxigraph's list: a quoted token, a character class, or words.
_ITEM = re.compile(r'"(?:[^"\\]|\\.)*"|\[(?:[^\]\']|\'(?:[^\'\\]|\\.)*\')*\]|[A-Za-z][\w ]*')
#: Text in angle brackets that a reader takes for an IRI (a comparison has spaces or ``?``).
_BRACKETED = re.compile(r"<[^<>\s?$]*>")
_PREFIX = re.compile(r"PREFIX\s+([^\s:]*):\s*<([^<>\s]*)>", re.IGNORECASE)
#: Quoted tokens that stand for a kind of term.
_KINDS = {
    '"?"': "a variable",
    '"$"': "a variable",
    '"<"': "an IRI",
    '":"': "a prefixed name",
    '"_:"': "a blank node",
    '"\\""': "a string",
    '"\'"': "a string",
    "\"'''\"": "a string",
    '"\\"\\"\\""': "a string",
    '"<<"': "a triple term",
    '"<<("': "a triple term",
    '"true"': "a boolean",
    '"false"': "a boolean",
}


def explain(text: str, message: str, base_iri: str | None) -> str:
    """``message`` (Oxigraph's, for ``text``) in plain words; unchanged when it is not the
    parser's "error at L:C: expected ..." form."""
    match = _ERROR.fullmatch(message.strip())
    if match is None:
        return message
    line, column = int(match.group(1)), int(match.group(2))
    offset = _offset(text, line, column)
    items = _ITEM.findall(match.group(3))
    named = (
        _undeclared_prefix(text, offset)
        or _not_an_iri(text, offset, base_iri)
        or (_broken_iri(text, offset) if "IRI parsing failed" in items else None)
    )
    if named is not None:
        return named
    found = _found(text, offset)
    expected = _expected(items)
    if not expected:
        return f"error at {line}:{column}: the query cannot be parsed at {found}"
    return f"error at {line}:{column}: at {found}, the parser expected {expected}"


def _offset(text: str, line: int, column: int) -> int:
    """The character offset of Oxigraph's 1-based line and column."""
    start = 0
    for _ in range(line - 1):
        start = text.find("\n", start) + 1
    return min(start + column - 1, len(text))


def _at(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    return f"{line}:{offset - (text.rfind(chr(10), 0, offset) + 1) + 1}"


def _undeclared_prefix(text: str, offset: int) -> str | None:
    declared = {name for name, _ in _PREFIX.findall(text)}
    for token in _tokens_before(text, offset):
        if token.kind == "pname":
            prefix = token.text.split(":", 1)[0]
            before = text[: token.start]
            in_brackets = before.endswith("<")  # what the lexer took for one is no IRI
            declaring = before.rstrip().upper().endswith("PREFIX")
            if prefix not in declared and not (in_brackets or declaring):
                return (
                    f"error at {_at(text, token.start)}: the prefix '{prefix}:' of "
                    f"{token.text} is not declared; declare it first with "
                    f"PREFIX {prefix}: <...>"
                )
    return None


def _not_an_iri(text: str, offset: int, base_iri: str | None) -> str | None:
    for found in _BRACKETED.finditer(text, 0, max(offset, 0) + 1):
        iri = found.group()[1:-1]
        try:
            pyoxigraph.NamedNode(urljoin(base_iri, iri) if base_iri else iri)
        except ValueError as error:
            where = f"error at {_at(text, found.start())}: {found.group()}"
            if base_iri is None and ":" not in iri:
                return f"{where} is a relative IRI, and there is no BASE to resolve it against"
            return f"{where} is not a valid IRI ({error})"
    return None


def _broken_iri(text: str, offset: int) -> str | None:
    """The ``<...>`` that ends just before where Oxigraph failed to read an IRI."""
    start = text.rfind("<", 0, offset)
    end = text.find(">", start)
    if start < 0 or end < 0:
        return None
    bracketed = text[start : end + 1]
    try:
        pyoxigraph.NamedNode(bracketed[1:-1])
    except ValueError as error:
        return f"error at {_at(text, start)}: {bracketed} is not a valid IRI ({error})"
    return None


def _tokens_before(text: str, offset: int) -> list[Token]:
    return [token for token in lex(text) if token.start <= offset]


def _found(text: str, offset: int) -> str:
    """What stands at ``offset``, for the message."""
    after = [token for token in lex(text) if token.start >= offset]
    if not after:
        return "the end of the query"
    return f"'{after[0].text[:40]}'"


def _expected(items: list[str]) -> str:
    """Oxigraph's expected items as kinds of token, keywords and punctuation."""
    said: list[str] = []
    for item in items:
        if item in _KINDS:
            word = _KINDS[item]
        elif item.startswith('"'):
            word = f"'{item[1:-1]}'"
        elif item == "[_]":
            continue  # "any character": says nothing
        elif item.startswith("["):
            word = "a digit" if item.startswith("['0'") else "a letter"
        elif item == "IRI parsing failed":
            word = "a valid IRI"
        else:
            word = item.strip()
        if word not in said:
            said.append(word)
    if len(said) <= 1:
        return "".join(said)
    return ", ".join(said[:-1]) + " or " + said[-1]
