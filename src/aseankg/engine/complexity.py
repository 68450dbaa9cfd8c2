"""Limits on how deep a query nests and how long its chains of operators run.

Oxigraph parses and evaluates a query recursively, so a query nested or chained
deep enough overflows the stack of the process that runs it. Measured with
pyoxigraph 0.5 on an 8 MiB stack, the lowest crash points are 703 levels of
``EXISTS { FILTER(``, 820 nested ``FILTER EXISTS {``, 937 nested function calls,
2,187 nested braces, 4,531 nested parentheses, 2,578 ``BIND`` or ``MINUS`` one
after the other in a group, and about 9,000 operators in one ``&&`` or ``||``
chain (each operator is one more level of the expression tree). Deeply nested
``[`` or ``(`` in triple patterns also take polynomial time to parse (1.7 s at
100 levels).

The limits sit far below all of these and far above what written or generated
queries use, and are checked on tokens, before any parser sees the text: at most
``MAX_NESTING`` brackets of any kind open at once, and at most ``MAX_CHAIN``
chained items on the path from the outside of the query to any point in it,
counting operators inside parentheses (reset by each ``,`` between arguments) and
the keywords that chain graph patterns.
"""

from aseankg.engine.errors import QueryTooComplex
from aseankg.rdf.sparql_lexer import Token, position

MAX_NESTING = 64
MAX_CHAIN = 500

_OPENING = frozenset("([{")
_CLOSING = frozenset(")]}")
#: One-character operators; the two-character ones are tokens of kind "operator".
_OPERATORS = frozenset("=<>+-*/!|^")
_CHAINING_KEYWORDS = frozenset(
    {"UNION", "OPTIONAL", "MINUS", "FILTER", "BIND", "GRAPH", "SERVICE", "VALUES"}
)


def _chains(token: Token, in_parentheses: bool) -> bool:
    if token.kind == "word":
        return token.text.upper() in _CHAINING_KEYWORDS
    if not in_parentheses:
        return False
    return token.kind == "operator" or (token.kind == "other" and token.text in _OPERATORS)


def check(text: str, found: list[Token]) -> None:
    """Raise ``QueryTooComplex`` where ``found`` (the tokens of ``text``) passes a limit."""
    levels: list[tuple[str, int]] = [("", 0)]  # (opening bracket, chained items so far)
    chained = 0
    for token in found:
        if token.text in _OPENING and token.kind in ("open", "other"):
            levels.append((token.text, 0))
            if len(levels) - 1 > MAX_NESTING:
                raise QueryTooComplex(
                    f"brackets nest {len(levels) - 1} deep at {position(text, token.start)}; "
                    f"the limit is {MAX_NESTING}"
                )
        elif token.text in _CLOSING and token.kind in ("close", "other"):
            if len(levels) > 1:
                chained -= levels.pop()[1]
        elif token.text == "," and levels[-1][0] == "(":
            chained -= levels[-1][1]
            levels[-1] = ("(", 0)
        elif _chains(token, levels[-1][0] == "("):
            bracket, count = levels[-1]
            levels[-1] = (bracket, count + 1)
            chained += 1
            if chained > MAX_CHAIN:
                raise QueryTooComplex(
                    f"operators or graph patterns chain {chained} deep at "
                    f"{position(text, token.start)}; the limit is {MAX_CHAIN} (for long lists "
                    "of alternatives, use VALUES or IN)"
                )
