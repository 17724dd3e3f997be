"""No English in the French document, no French in the English one, and no raw ids.

Every bundled example is rendered in HTML, Markdown and DOCX in both languages. What the
user wrote (names, statements, ids) and the titles of published sources are theirs and
are set aside; in the rest:

- no label of the other language appears, for every value of the vocabulary whose labels
  differ between the languages (whole words, case-sensitive), unless the language's own
  texts use that word too ("Facebook", "Stories");
- no raw identifier of the vocabulary appears (``create_content``, ``short_video``) except
  as code (between backticks): a value the reader may have to type.
"""

from __future__ import annotations

import functools
import io
import re
from html.parser import HTMLParser
from typing import Any

import docx
import pytest

from stratege.i18n import french_typography
from stratege.i18n.catalogue import translations
from stratege.knowledge import Knowledge
from stratege.reports.docx import CODE_FONT, render_docx
from stratege.reports.html import render_html
from stratege.reports.markdown import render_markdown
from stratege.vocabulary import KNOWLEDGE_KINDS, MODEL_KINDS, knowledge_ids, label
from tests.reports.examples import EXAMPLES, document, plan, strategy

OTHER = {"fr": "en", "en": "fr"}
SPACES = re.compile(r"[ \t\r\n]+")
CODE = re.compile(r"`[^`]*`")
PLACEHOLDER = re.compile(r"\{\w+\}")


# --- the text a reader sees, in each format -------------------------------------------------


class _Text(HTMLParser):
    """The visible text of a page (and the images' alternative text); code in backticks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hidden += tag in ("style", "head")
        self.parts.append("`" if tag == "code" else " ")
        self.parts += [f" {value} " for name, value in attrs if name == "alt" and value]

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in ("style", "head")
        self.parts.append("`" if tag == "code" else " ")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def html_text(name: str, lang: str) -> str:
    reader = _Text()
    reader.feed(render_html(document(name, lang)))
    return "".join(reader.parts)


def markdown_text(name: str, lang: str) -> str:
    text, _ = render_markdown(document(name, lang), "figures")
    text = re.sub(r"\]\([^)]*\)", "] ", text)  # link targets are addresses, not text
    return re.sub(r"\\(.)", r"\1", text)  # the escapes are not what a reader sees


def docx_text(name: str, lang: str) -> str:
    word = docx.Document(io.BytesIO(render_docx(document(name, lang))))
    parts = []
    for run in word.element.body.iter(f"{W}r"):
        text = "".join(t.text or "" for t in run.iter(f"{W}t"))
        fonts = run.find(f"{W}rPr/{W}rFonts")
        code = fonts is not None and fonts.get(f"{W}ascii") == CODE_FONT
        parts.append(f"`{text}`" if code else text)
        parts.append(" " if run.getnext() is None else "")
    descriptions = [p.get("descr", "") for p in word.element.body.iter(f"{WP}docPr")]
    return "".join(parts) + " " + " ".join(descriptions)


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
FORMATS = {"html": html_text, "md": markdown_text, "docx": docx_text}


# --- what belongs to the user ---------------------------------------------------------------


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    return []


@functools.cache
def own_texts(name: str) -> re.Pattern[str]:
    """What the user wrote, and the titles of the sources as published, as whole words;
    not the vocabulary's values the user chose (``short_video``): those must be named."""
    texts = set(_strings(strategy(name).model_dump(mode="json", exclude={"knowledge"})))
    for source in plan(name).knowledge.sources.values():
        texts |= {source.title, source.publisher, source.url, source.note}
    texts -= {value for _, value in _values(plan(name).knowledge)}
    variants = {SPACES.sub(" ", v).strip() for t in texts for v in (t, french_typography(t))}
    longest = sorted((re.escape(t) for t in variants if t), key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(longest)})(?!\w)")


@functools.cache
def own_ids(name: str) -> frozenset[str]:
    model = strategy(name).model_dump(mode="json", exclude={"knowledge"})
    return frozenset(s for key, s in _keyed(model) if key == "id")


def _keyed(value: Any, key: str = "") -> list[tuple[str, str]]:
    if isinstance(value, str):
        return [(key, value)]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _keyed(v, k)]
    if isinstance(value, list):
        return [p for v in value for p in _keyed(v, key)]
    return []


def readers_text(name: str, lang: str, fmt: str) -> str:
    """The rendered text without the user's own texts, nor code."""
    text = own_texts(name).sub(" ¶ ", SPACES.sub(" ", FORMATS[fmt](name, lang)))
    return CODE.sub(" ¶ ", text)


# --- the vocabulary -----------------------------------------------------------------------


def _values(knowledge: Knowledge) -> list[tuple[str, str]]:
    pairs = [(kind, value) for kind, values in MODEL_KINDS.items() for value in values]
    pairs += [(kind, v) for kind in KNOWLEDGE_KINDS for v in knowledge_ids(knowledge, kind)]
    return pairs


@functools.cache
def own_words(lang: str) -> str:
    """Every text of the language's catalogues, without placeholders and code: words it
    uses itself."""
    catalogue = translations(lang)._catalog  # type: ignore[attr-defined]
    text = "\n".join(str(text) for key, text in catalogue.items() if key)
    return PLACEHOLDER.sub(" ", CODE.sub(" ", text))


@functools.cache
def _in_own_words(lang: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", own_words(lang)) is not None


def foreign_labels(name: str, lang: str) -> dict[str, str]:
    """The other language's labels that must not appear: label → (kind, value)."""
    knowledge, other = plan(name).knowledge, OTHER[lang]
    found = {}
    for kind, value in _values(knowledge):
        mine, theirs = label(kind, value, lang, knowledge), label(kind, value, other, knowledge)  # type: ignore[arg-type]
        if mine != theirs and not _in_own_words(lang, theirs):
            found[theirs] = f"{kind}:{value}"
    return found


def raw_ids(name: str, lang: str) -> set[str]:
    """Identifiers of the vocabulary a reader should see as their label instead."""
    knowledge, users = plan(name).knowledge, own_ids(name)
    return {
        value
        for kind, value in _values(knowledge)
        if label(kind, value, lang, knowledge) != value  # type: ignore[arg-type]
        and value not in users
        and ("_" in value or not _in_own_words(lang, value))
    }


def _occurrences(words: set[str] | dict[str, str], text: str) -> list[str]:
    return sorted(w for w in words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text))


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("name", EXAMPLES)
def test_no_label_of_the_other_language(name: str, lang: str, fmt: str) -> None:
    text = readers_text(name, lang, fmt)
    labels = foreign_labels(name, lang)
    leaks = [f"{w!r} ({labels[w]})" for w in _occurrences(labels, text)]
    assert leaks == []


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("name", EXAMPLES)
def test_no_raw_identifier(name: str, lang: str, fmt: str) -> None:
    assert _occurrences(raw_ids(name, lang), readers_text(name, lang, fmt)) == []


def test_the_check_finds_a_leak() -> None:
    """The checks above can fail: an English label and a raw id in a French text."""
    text = "Publication : Short video, create_content et `short_video`."
    assert "Short video" in _occurrences(foreign_labels("boulangeries-martin", "fr"), text)
    assert _occurrences(raw_ids("boulangeries-martin", "fr"), CODE.sub(" ", text)) == [
        "create_content"
    ]
