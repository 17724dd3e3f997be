"""The boolean query language of listening tools: what a brand's mentions must say.

``"boulangeries martin" OR (martin AND (pain OR viennoiserie*)) NOT lumière``: quoted
phrases, AND / OR / NOT (or ``-word``), parentheses, ``*`` and ``?`` wildcards, #hashtags
and @handles, matched whole-word, whatever the accents and the case. Parsed with luqum
(a Lucene syntax parser), compiled into regular expressions once.

A package of its own, below the checks (which judge the strategy's queries) and the
listening code (which matches mentions against them): both need it, neither owns it.
"""

from __future__ import annotations

from stratege.queries.matcher import Query, compile_query, match_many
from stratege.queries.syntax import QueryError

__all__ = ["Query", "QueryError", "compile_query", "match_many"]
