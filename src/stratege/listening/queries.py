"""The brand and competitor queries of listening, compiled: see :mod:`stratege.queries`.

The query language itself lives in a package below the checks, which judge the strategy's
queries too; listening code imports it from here.
"""

from __future__ import annotations

from stratege.queries import Query, QueryError, compile_query, match_many

__all__ = ["Query", "QueryError", "compile_query", "match_many"]
