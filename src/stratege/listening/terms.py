"""The words and hashtags that come up most in a brand's mentions, per period.

Each text is cut into words (links, @handles and digits dropped, elisions split:
"l'équipe" → "équipe"), each word put in its dictionary form by simplemma in the mention's
language (French or English; another or none: the strategy's), so that "croissants" and
"croissant" count together; the stop words of both languages (``data/stopwords-*.txt``,
checked on the word and its lemma), words of fewer than three letters and the words of the
brand's own queries (``martin``, ``boulang*``: those mentions say them by construction)
are left out. A term counts the **mentions** that say it, not its occurrences: one text
repeating a word a hundred times weighs one.

Texts are read in Python, one by one: that is the only part of listening that is not a
query (some 30,000 texts a second). So at most :data:`TEXTS_READ` texts are read in all,
shared among the periods (but at least :data:`MIN_PER_PERIOD` per period): a period with
more mentions than its share is read on a sample, drawn by a hash of the mention's identity
(the same sample from run to run); each :class:`PeriodTerms` says how many mentions it read
out of how many. The whole range (``period`` None) adds up the periods' samples, so a
period read on a sample weighs by its sample there, not by its volume. A million mentions
over a year: 60,000 texts read, about two seconds, by month or by week.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources

import duckdb

from stratege.listening.periods import Period, period_label, period_sql
from stratege.queries import compile_query
from stratege.queries.matcher import normalise
from stratege.queries.syntax import AllOf, AnyOf, Node, Not, Term
from stratege.strategy.model import Strategy

TEXTS_READ = 60_000  # texts read in all at most, shared among the periods
MIN_PER_PERIOD = 1000  # … but at least this many per period (when it has them)
TOP = 10
MIN_LETTERS = 3
LEMMA_LANGUAGES = ("fr", "en")

_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_HANDLE = re.compile(r"@[\w.]+")
_HASHTAG = re.compile(r"#(\w+)")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Count:
    term: str
    mentions: int  # mentions that say it (in the texts read)


@dataclass(frozen=True)
class PeriodTerms:
    period: dt.date | None  # None: the whole range
    label: str
    mentions: int  # the brand's mentions with a text in the period
    read: int  # how many of them were read (all, or a sample)
    terms: list[Count]
    hashtags: list[Count]


@functools.cache
def stop_words() -> frozenset[str]:
    words: set[str] = set()
    for lang in LEMMA_LANGUAGES:
        text = (resources.files("stratege.listening") / "data" / f"stopwords-{lang}.txt").read_text(
            "utf-8"
        )
        words |= {
            w.strip().casefold() for w in text.splitlines() if w.strip() and not w.startswith("#")
        }
    return frozenset(words | {normalise(w) for w in words})


class QueryWords:
    """The words of a brand's queries, to leave out of its top terms: a word, a phrase's
    words and the phrase written as one hashtag; ``*`` and ``?`` as in the query."""

    def __init__(self, queries: Iterable[str]) -> None:
        patterns: set[str] = set()
        for query in queries:
            for term in _terms(compile_query(query).tree):
                text = normalise(term.text).lstrip("#@")
                words = [w for w in re.split(r"[^\w*?]+", text) if w.strip("*?")]
                patterns |= {_pattern(w) for w in words}
                if term.phrase and len(words) > 1:
                    patterns.add(_pattern("".join(words)))
        self._regex = re.compile("|".join(sorted(patterns))) if patterns else None

    def __contains__(self, word: object) -> bool:
        return (
            self._regex is not None
            and isinstance(word, str)
            and self._regex.fullmatch(normalise(word)) is not None
        )


def _pattern(word: str) -> str:
    return "".join(r"\w*" if c == "*" else r"\w" if c == "?" else re.escape(c) for c in word)


def _terms(node: Node) -> list[Term]:
    if isinstance(node, Term):
        return [node]
    if isinstance(node, Not):
        return _terms(node.child)
    if isinstance(node, AllOf | AnyOf):
        return [t for child in node.children for t in _terms(child)]
    return []


@functools.lru_cache(maxsize=200_000)
def lemma(word: str, lang: str | tuple[str, ...]) -> str:
    import simplemma

    return str(simplemma.lemmatize(word, lang=lang))


def words_of(
    text: str, lang: str | tuple[str, ...], excluded: QueryWords
) -> tuple[set[str], set[str]]:
    """(terms, hashtags) of one text: lemmas and casefolded ``#tags``, each once."""
    text = text.replace("’", "'").replace("ʼ", "'")
    text = _URL.sub(" ", text)
    text = _HANDLE.sub(" ", text)
    tags = {m.casefold() for m in _HASHTAG.findall(text)}
    hashtags = {f"#{t}" for t in tags if t not in excluded and not t.isdigit()}
    stops = stop_words()
    terms: set[str] = set()
    for raw in _WORD.findall(_HASHTAG.sub(" ", text)):
        word = raw.casefold()
        if len(word) < MIN_LETTERS or word in stops or word in excluded:
            continue
        base = lemma(word, lang).casefold()
        if base in stops or base in excluded or len(base) < MIN_LETTERS:
            continue
        terms.add(base)
    return terms, hashtags


def top_terms(
    con: duckdb.DuckDBPyConnection,
    strategy: Strategy,
    period: Period,
    *,
    owner: str = "own",
    top: int = TOP,
    sample: int | None = None,
) -> list[PeriodTerms]:
    """The ``top`` terms and hashtags of ``owner``'s mentions in each period with any, then
    over the whole range (``period`` None); ties in alphabetical order. ``sample``: the
    texts read per period at most (default: :data:`TEXTS_READ` shared among the periods,
    at least :data:`MIN_PER_PERIOD`)."""
    excluded = QueryWords(q.query for q in strategy.listening.queries if q.owner == owner)
    fallback = _fallback_languages(strategy)
    where = "owner = ? AND text IS NOT NULL AND trim(text) <> ''"
    totals = dict(
        con.execute(
            f"SELECT {period_sql(period)} AS period, count(*) FROM mention WHERE {where} "
            "GROUP BY ALL",
            [owner],
        ).fetchall()
    )
    if sample is None:
        sample = max(MIN_PER_PERIOD, TEXTS_READ // max(len(totals), 1))
    rows = con.execute(
        f"""SELECT period, text, language FROM (
            SELECT {period_sql(period)} AS period, text, language,
                   row_number() OVER (PARTITION BY {period_sql(period)}
                                      ORDER BY hash(platform, mention_id), mention_id) AS n
            FROM mention WHERE {where})
        WHERE n <= ? ORDER BY period""",
        [owner, sample],
    ).fetchall()
    terms: dict[dt.date, Counter[str]] = {}
    hashtags: dict[dt.date, Counter[str]] = {}
    read: Counter[dt.date] = Counter()
    for start, text, language in rows:
        lang = language if language in LEMMA_LANGUAGES else fallback
        found, tags = words_of(text, lang, excluded)
        terms.setdefault(start, Counter()).update(found)
        hashtags.setdefault(start, Counter()).update(tags)
        read[start] += 1
    result = [
        PeriodTerms(
            start,
            period_label(start, period),
            int(totals[start]),
            read[start],
            _top(terms.get(start, Counter()), top),
            _top(hashtags.get(start, Counter()), top),
        )
        for start in sorted(totals)
    ]
    span = con.execute(f"SELECT min(day), max(day) FROM mention WHERE {where}", [owner]).fetchone()
    if totals and span:
        first, last = span
        result.append(
            PeriodTerms(
                None,
                f"{first} → {last}",
                sum(int(v) for v in totals.values()),
                sum(read.values()),
                _top(sum(terms.values(), Counter()), top),
                _top(sum(hashtags.values(), Counter()), top),
            )
        )
    return result


def _fallback_languages(strategy: Strategy) -> str | tuple[str, ...]:
    listened = [lang for lang in strategy.listening.languages if lang in LEMMA_LANGUAGES]
    if not listened and strategy.language in LEMMA_LANGUAGES:
        listened = [strategy.language]
    return tuple(listened) if len(listened) > 1 else (listened[0] if listened else "fr")


def _top(counts: Counter[str], top: int) -> list[Count]:
    ranked: Sequence[tuple[str, int]] = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [Count(term, n) for term, n in ranked[:top]]
