"""One vocabulary: a French export holds no English label and no raw vocabulary id, and an
English one no French (issue 7), on every bundled example, every file, cell and header.

What is scanned is what Stratège writes: the user's own words (names of pillars, people,
campaigns…, handles, statements) may be in any language and are masked first, and so are
ids of the user's own items in id columns (channel, post and KPI ids). The column names of
bulk-import.csv are fixed English, documented, machine-facing names: that header row is
exempt, and so are its id columns (platform and format ids are what a scheduler maps).
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Iterable, Iterator

import pytest
from babel.messages.pofile import read_po
from openpyxl import load_workbook

from stratege.bundled import example_names
from stratege.exports import export_files
from stratege.exports import wording as w
from stratege.exports.bulk import ID_COLUMNS
from stratege.i18n import LANGUAGES, Lang
from stratege.i18n.catalogue import catalogue_files, translator
from stratege.planning.plan import Plan
from stratege.vocabulary import KNOWLEDGE_KINDS, knowledge_ids, label
from tests.exports.conftest import example_plan, raci_findings

SLOT_ID = r"[A-Za-z0-9][A-Za-z0-9_.\-]*-\d{8}-\d+"  # <channel>-<YYYYMMDD>-<rank>
MASK = "\x00"


@functools.cache
def vocabulary() -> tuple[tuple[str, str], ...]:
    """Every (kind, value) the catalogues name: each entry with a context."""
    pairs = set()
    for lang in LANGUAGES:
        for path in catalogue_files(lang):
            with path.open("rb") as source:
                pairs |= {(m.context, m.id) for m in read_po(source) if m.id and m.context}
    return tuple(sorted(pairs))


@functools.cache
def language_words(lang: Lang) -> frozenset[str]:
    """Every word of every translation of ``lang``: an id that is also a word of the
    language ('en' in French, 'image') cannot be told apart from that word."""
    words: set[str] = set()
    for path in catalogue_files(lang):
        with path.open("rb") as source:
            for message in read_po(source, locale=lang):
                strings = message.string if isinstance(message.string, tuple) else [message.string]
                for string in strings:  # prose only: not `code`, {placeholders}, addresses
                    prose = re.sub(r"`[^`]*`|\{[^}]*\}|\S+://\S+", " ", string or "")
                    words.update(re.findall(r"\w+", prose))
    return frozenset(words)


def export_words() -> list[str]:
    """The exports' own words without placeholders (headers, sheet names, yes/no…)."""
    return [v for k, v in vars(w).items() if k.isupper() and isinstance(v, str) and "{" not in v]


def _words(texts: Iterable[str]) -> re.Pattern[str]:
    alternatives = sorted({t for t in texts if t}, key=len, reverse=True)
    if not alternatives:
        return re.compile("(?!x)x")
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, alternatives)) + r")(?!\w)")


class Scanner:
    """Finds the other language's labels and raw vocabulary ids in text of ``lang``."""

    def __init__(self, plan: Plan, lang: Lang):
        other: Lang = "en" if lang == "fr" else "fr"
        pairs = list(vocabulary())
        pairs += [(k, v) for k in KNOWLEDGE_KINDS for v in knowledge_ids(plan.knowledge, k)]
        own, foreign, raw = set(), set(), set()
        for kind, value in pairs:
            mine = label(kind, value, lang, plan.knowledge)
            theirs = label(kind, value, other, plan.knowledge)
            own.add(mine)
            if mine != theirs:
                foreign.add(theirs)
            if "_" in value or mine != value:
                raw.add(value)
        _, __ = translator(lang), translator(other)
        for message in export_words():
            own.add(_(message))
            if _(message) != __(message):
                foreign.add(__(message))
        self.foreign = _words(foreign - own)
        self.raw = _words(raw - own - language_words(lang))
        self.own = _words(own)
        self.user = _words(user_words(plan))
        self.slot_id = re.compile(SLOT_ID)

    def problems(self, texts: Iterable[str]) -> list[tuple[str, str]]:
        found = []
        for text in set(texts):
            masked = self.slot_id.sub(MASK, self.user.sub(MASK, text))
            masked = self.own.sub(MASK, masked)
            found += [(m.group(), text) for m in self.foreign.finditer(masked)]
            found += [(m.group(), text) for m in self.raw.finditer(masked)]
        return sorted(found)


def user_words(plan: Plan) -> list[str]:
    """What the user wrote, in whatever language: names, statements, handles, own ids."""
    strategy = plan.strategy
    organisation = strategy.organisation
    words = [organisation.name, *(g.statement for g in organisation.business_goals)]
    words += [p.name for p in strategy.content.pillars]
    words += [a.name for a in strategy.audiences]
    words += [o.name for o in strategy.occasions]
    words += [c.name for c in strategy.advertising.campaigns]
    words += [p.name for p in strategy.resources.people]
    words += [o.statement for o in strategy.objectives]
    words += [c.handle for c in strategy.channels] + [c.id for c in strategy.channels]
    words += [k.id for k in strategy.kpis]
    words += [s.title for s in plan.knowledge.sources.values()]  # cited titles
    return words


# --- the texts of each file --------------------------------------------------------------------


def csv_texts(data: bytes, delimiter: str, skip: Iterable[str] = (), header: bool = True):
    """Every cell, except the columns named in ``skip`` (and the header if not ``header``)."""
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=delimiter))
    skipped = {i for i, name in enumerate(rows[0]) if name in set(skip)}
    for row in rows if header else rows[1:]:
        yield from (cell for i, cell in enumerate(row) if i not in skipped)


def xlsx_texts(data: bytes, id_columns: dict[str, set[str]]) -> Iterator[str]:
    """Every text cell and sheet name; ``id_columns``: sheet → headers of id columns."""
    workbook = load_workbook(io.BytesIO(data), read_only=True)
    for sheet in workbook:
        yield sheet.title
        rows = sheet.iter_rows(values_only=True)
        header = next(rows)
        skipped = {i for i, name in enumerate(header) if name in id_columns.get(sheet.title, ())}
        for row in [header, *rows]:
            yield from (v for i, v in enumerate(row) if isinstance(v, str) and i not in skipped)


def ics_texts(data: bytes) -> Iterator[str]:
    """The values people read: calendar name, summaries, descriptions, categories (the
    UID is an id; the rest is protocol)."""
    unfolded = data.decode("utf-8").replace("\r\n ", "")
    for line in unfolded.split("\r\n"):
        name, _, value = line.partition(":")
        if name in ("X-WR-CALNAME", "SUMMARY", "DESCRIPTION", "CATEGORIES"):
            parts = re.split(r"(?<!\\),|\\n", value) if name != "SUMMARY" else [value]
            yield from (re.sub(r"\\(.)", r"\1", p) for p in parts)


def export_texts(plan: Plan, lang: Lang) -> Iterator[tuple[str, str]]:
    """(file, text) of every text of every export in ``lang``."""
    _ = translator(lang)
    files = export_files(plan, lang, raci_findings(plan))
    delimiter = ";" if lang == "fr" else ","
    calendar_ids = [_(c) for c in w.CALENDAR_ID_COLUMNS]
    for name, data in files.items():
        if name == "calendar.csv":
            texts: Iterable[str] = csv_texts(data, delimiter, calendar_ids)
        elif name == "bulk-import.csv":
            texts = csv_texts(data, ",", ID_COLUMNS, header=False)
        elif name.endswith(".csv"):  # hootsuite/…: date, message, link
            texts = csv_texts(data, ",")
        elif name == "plan.xlsx":
            ids = {_(w.CALENDAR_SHEET): set(calendar_ids), _(w.KPI_SHEET): {_(w.KPI)}}
            texts = xlsx_texts(data, ids)
        elif name == "calendar.ics":
            texts = ics_texts(data)
        else:
            assert name == "hootsuite.zip"
            continue
        yield from ((name, t) for t in texts)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", example_names())
def test_exports_speak_one_language(name, lang):
    plan = example_plan(name)
    scanner = Scanner(plan, lang)
    by_file: dict[str, list[str]] = {}
    for file, text in export_texts(plan, lang):
        by_file.setdefault(file, []).append(text)
    assert {"calendar.csv", "plan.xlsx", "calendar.ics", "bulk-import.csv"} <= set(by_file)
    problems = {file: scanner.problems(texts)[:5] for file, texts in by_file.items()}
    assert not any(problems.values()), problems


def test_the_scanner_finds_leaks():
    """The test above can fail: an English label, a raw id in French text are caught; the
    user's own words, own labels and post ids are not."""
    plan = example_plan("boulangeries-martin")
    french = Scanner(plan, "fr")
    assert french.problems(["Rédaction : Copywriting"]) == [
        ("Copywriting", "Rédaction : Copywriting")
    ]
    assert french.problems(["Format : short_video"]) == [("short_video", "Format : short_video")]
    assert french.problems(["[Vidéo courte] à rédiger · réf. facebook-20270102-1"]) == []
    pillar = plan.strategy.content.pillars[0].name
    assert french.problems([pillar, "Publicité en ligne"]) == []
    english = Scanner(plan, "en")
    assert english.problems(["Staffed: oui"]) == [("oui", "Staffed: oui")]
    assert english.problems(["Producers: Rédaction"]) == [("Rédaction", "Producers: Rédaction")]


def test_exports_words_agree_with_the_other_catalogues():
    """A header that is also a message of another catalogue (the document's 'KPI',
    'Target'…) must be translated the same way: the catalogues are merged into one, where
    only one translation of a message id can win."""
    for lang in LANGUAGES:
        mine: dict[str, object] = {}
        elsewhere: list[tuple[str, str, object]] = []
        for path in catalogue_files(lang):
            with path.open("rb") as source:
                for message in read_po(source, locale=lang):
                    if not message.id or message.context:
                        continue
                    key = message.id if isinstance(message.id, str) else message.id[0]
                    if path.name == "exports.po":
                        mine[key] = message.string
                    else:
                        elsewhere.append((key, path.name, message.string))
        clashes = [(k, f, s, mine[k]) for k, f, s in elsewhere if k in mine and s != mine[k]]
        assert not clashes, (lang, clashes)
