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

import docx
import pytest

from stratege.reports.docx import CODE_FONT, render_docx
from stratege.reports.html import render_html
from stratege.reports.markdown import render_markdown
from tests.language import Guard, _occurrences
from tests.reports.examples import EXAMPLES, document, plan, strategy

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


# --- the guard -------------------------------------------------------------------------------


@functools.cache
def guard(name: str, lang: str) -> Guard:
    return Guard(strategy(name), plan(name).knowledge, lang)  # type: ignore[arg-type]


def readers_text(name: str, lang: str, fmt: str) -> str:
    return guard(name, lang).readers_text(FORMATS[fmt](name, lang))


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("name", EXAMPLES)
def test_no_label_of_the_other_language(name: str, lang: str, fmt: str) -> None:
    text = readers_text(name, lang, fmt)
    found = guard(name, lang).foreign
    assert [f"{w!r} ({found[w]})" for w in _occurrences(found, text)] == []


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("name", EXAMPLES)
def test_no_raw_identifier(name: str, lang: str, fmt: str) -> None:
    assert _occurrences(guard(name, lang).raw, readers_text(name, lang, fmt)) == []


def test_the_check_finds_a_leak() -> None:
    """The checks above can fail: an English label and a raw id in a French text."""
    text = "Publication : Short video, create_content et `short_video`."
    leaks = guard("boulangeries-martin", "fr").leaks(text)
    assert any("'Short video'" in leak for leak in leaks)
    assert "raw id 'create_content'" in leaks and not any("'short_video'" in x for x in leaks)
