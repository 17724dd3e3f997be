"""A query's text → a small tree of terms, AND, OR and NOT, or a located :class:`QueryError`.

luqum parses the Lucene syntax; this module keeps the part of it that listening tools share
and refuses the rest (fields, fuzzy and proximity search, ranges, regular expressions,
boosts) with its position, rather than silently matching something else. Juxtaposed terms
(``martin pain``) mean AND, as in Brandwatch and Talkwalker; ``-word`` means NOT.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from luqum import tree
from luqum.exceptions import IllegalCharacterError, ParseError
from luqum.parser import parser

from stratege.i18n import Lang
from stratege.i18n.catalogue import N_, translator
from stratege.i18n.refusal import Refusal

MAX_QUERY_CHARS = 4000


@dataclass(frozen=True)
class Term:
    """A word (wildcards allowed) or a quoted phrase, as written, at ``position`` (0-based)."""

    text: str
    phrase: bool
    position: int


@dataclass(frozen=True)
class AllOf:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class AnyOf:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    child: Node


Node = Term | AllOf | AnyOf | Not

MESSAGES = {
    "empty": N_("the query is empty: write the words a mention must contain"),
    "too_long": N_("the query is longer than {limit} characters"),
    "syntax": N_("at character {column}, {found}: {expected} was expected"),
    "unsupported": N_("at character {column}, {construct} is not supported: {advice}"),
}
EXPECTED = {
    "closing_paren": N_("a closing parenthesis ')'"),
    "closing_quote": N_("a closing quote '\"'"),
    "term_after": N_('a word, a "phrase" or a (group) after the operator'),
    "term_before": N_('a word, a "phrase" or a (group) before the operator'),
    "term_inside": N_('a word or a "phrase" inside the parentheses'),
    "opening_paren": N_("an opening parenthesis '(' before it"),
    "escaped": N_("a character after the backslash"),
    "term": N_('a word, a "phrase", AND, OR, NOT or parentheses'),
}
FOUND = {
    "end": N_("the query ends"),
    "token": N_("'{token}' is unexpected"),
}
CONSTRUCTS = {
    tree.SearchField: N_("a field (name:value)"),
    tree.Fuzzy: N_("fuzzy matching (word~)"),
    tree.Proximity: N_('proximity ("…"~N)'),
    tree.Regex: N_("a regular expression (/…/)"),
    tree.Range: N_("a range ([a TO b])"),
    tree.Boost: N_("a boost (^N)"),
    tree.Term: N_("a wildcard alone (it would match every mention)"),
}
ADVICE = N_('write words, "phrases", AND, OR, NOT, parentheses, * and ?')
OPERATORS = ("AND", "OR", "NOT")


class QueryError(Refusal):
    """A query that cannot be read; ``position`` (0-based) says where, when known."""

    messages = MESSAGES

    @property
    def position(self) -> int | None:
        column = self.values.get("column")
        return int(str(column)) - 1 if column is not None else None

    def worded_values(self, lang: Lang) -> dict[str, object]:
        _ = translator(lang)
        values = dict(self.values)
        if "expected" in values:
            values["expected"] = _(EXPECTED[str(values["expected"])])
        for key in ("construct", "advice"):  # message ids themselves
            if key in values:
                values[key] = _(str(values[key]))
        if "found" in values:
            token = values.pop("token", "")
            values["found"] = _(FOUND[str(values["found"])], token=token)
        return values


def parse(text: str) -> Node:
    """The tree of ``text``; raises :class:`QueryError` with the position of the problem."""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError("too_long", limit=MAX_QUERY_CHARS)
    if not text.strip():
        raise QueryError("empty")
    try:
        parsed = parser.parse(text)
    except IllegalCharacterError as error:
        raise _illegal(text, str(error)) from error
    except ParseError as error:
        raise _unexpected(text, str(error)) from error
    return _convert(parsed)


_POSITION = re.compile(r"at position (\d+)")
_TOKEN = re.compile(r"unexpected\s+'(.*)' at position")


def _illegal(text: str, detail: str) -> QueryError:
    match = _POSITION.search(detail)
    position = int(match.group(1)) if match else 0
    expected = "closing_quote" if text[position : position + 1] == '"' else "escaped"
    if expected == "escaped" and text[position : position + 1] != "\\":
        expected = "term"
    return QueryError(
        "syntax", column=position + 1, found="token", token=text[position], expected=expected
    )


def _unexpected(text: str, detail: str) -> QueryError:
    match = _POSITION.search(detail)
    if match is None:  # the end of the query came too early
        expected = "closing_paren" if text.count("(") > text.count(")") else "term_after"
        return QueryError("syntax", column=len(text.rstrip()) + 1, found="end", expected=expected)
    position = int(match.group(1))
    token_match = _TOKEN.search(detail)
    token = token_match.group(1) if token_match else text[position]
    before = text[:position].rstrip()
    if token == ")":
        opened = before.count("(") > before.count(")")
        expected = "term_inside" if opened else "opening_paren"
    elif token in OPERATORS:
        expected = "term_before"
    else:
        expected = "term"
    return QueryError("syntax", column=position + 1, found="token", token=token, expected=expected)


def _convert(node: tree.Item) -> Node:
    if isinstance(node, tree.Group):
        return _convert(node.children[0])
    if isinstance(node, tree.AndOperation | tree.UnknownOperation | tree.Plus):
        return _flat(AllOf, [_convert(child) for child in node.children])
    if isinstance(node, tree.OrOperation):
        return _flat(AnyOf, [_convert(child) for child in node.children])
    if isinstance(node, tree.Not | tree.Prohibit):
        return Not(_convert(node.children[0]))
    if isinstance(node, tree.Phrase):
        return Term(node.value[1:-1], True, node.pos or 0)
    if isinstance(node, tree.Word) and node.value.strip("*?"):
        return Term(node.value, False, node.pos or 0)
    kind = next((k for k in CONSTRUCTS if isinstance(node, k)), tree.Term)
    construct = CONSTRUCTS[kind]
    raise QueryError("unsupported", column=(node.pos or 0) + 1, construct=construct, advice=ADVICE)


def _flat(kind: type[AllOf] | type[AnyOf], children: list[Node]) -> Node:
    """One level for ``a AND b AND c``; a single child stands for itself."""
    merged: list[Node] = []
    for child in children:
        merged.extend(child.children if isinstance(child, kind) else (child,))
    return merged[0] if len(merged) == 1 else kind(tuple(merged))
