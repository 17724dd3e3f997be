"""The strategy document as one self-contained HTML5 file.

Everything the page needs is inside it: the stylesheet in ``<style>``, the charts as
``data:image/png;base64`` URIs, system fonts only. It opens offline, can be e-mailed as a
single attachment, and prints to A4 (WeasyPrint or Chromium turn it into the PDF, see
``stratege.reports.pdf``). A Content-Security-Policy forbids any script and any resource
that is not inline, so nothing in it can reach the network.

Every piece of text from the document is escaped: a content pillar called
``<script>alert(1)</script>`` is shown as those characters, never run.
"""

from __future__ import annotations

import base64
import datetime as dt
import re
from collections.abc import Sequence
from html import escape

from stratege.i18n import LANGUAGES
from stratege.i18n.catalogue import translator
from stratege.i18n.numbers import day
from stratege.reports.document import (
    Bullets,
    Cell,
    Code,
    Document,
    Figure,
    Paragraph,
    Section,
    Table,
)

# Placeholders put into a translated sentence, then replaced by markup (never by raw text).
_SLOT = "\x00{}\x00"
_SLOT_RE = re.compile("\x00([0-9]+)\x00")

CONTENT_SECURITY_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"

# System fonts only: nothing to download, a sober sans-serif everywhere.
FONTS = (
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, '
    '"Liberation Sans", "DejaVu Sans", sans-serif'
)

STYLESHEET = """
:root {
  --ink: #1f2933; --muted: #52606d; --rule: #cbd2d9; --accent: #1d4e89;
  --header: #e9eef4; --stripe: #f7f9fb;
}
html { background: #fff; color: var(--ink); }
body {
  font-family: FONTS;
  font-size: 16px; line-height: 1.5; margin: 0 auto; max-width: 60rem; padding: 0 1.5rem 3rem;
  hyphens: auto; overflow-wrap: break-word;
}
h1, h2, h3, h4, h5, h6 { color: var(--accent); line-height: 1.25; margin: 1.6em 0 .5em; }
h1 { font-size: 1.75em; border-bottom: 2px solid var(--accent); padding-bottom: .2em; }
h2 { font-size: 1.3em; }
h3 { font-size: 1.1em; }
p, ul { margin: 0 0 .8em; }
p.emphasis {
  font-weight: 600; border-left: 4px solid var(--accent); padding: .1em 0 .1em .8em;
}
.cover {
  border-bottom: 1px solid var(--rule); margin-bottom: 2rem; min-height: 50vh;
  display: flex; flex-direction: column; justify-content: center; padding: 4rem 0 3rem;
}
.cover-title {
  color: var(--accent); font-size: 2.6em; font-weight: 700; line-height: 1.15; margin: 0;
}
.cover-subtitle { color: var(--muted); font-size: 1.5em; margin: .4em 0 1.6em; }
.cover-meta { display: grid; grid-template-columns: max-content 1fr; gap: .3em 1.5em; margin: 0; }
.cover-meta dt { color: var(--muted); font-weight: 600; }
.cover-meta dd { margin: 0; }
.generated { color: var(--muted); font-size: .85em; margin-top: 3em; }
.toc { margin-bottom: 2rem; }
.toc-title { color: var(--accent); font-size: 1.5em; font-weight: 700; margin: 0 0 .6em; }
.toc ol { list-style: none; padding-left: 0; margin: 0; }
.toc ol ol { padding-left: 1.5em; }
.toc li { margin: .25em 0; }
.toc > ol > li > a { font-weight: 600; }
.toc a { color: var(--ink); text-decoration: none; }
.toc a:hover, .toc a:focus { color: var(--accent); text-decoration: underline; }
.table-wrap { margin: 1em 0 1.4em; }
@media screen { .table-wrap { overflow-x: auto; } }
table { border-collapse: collapse; width: 100%; font-size: .9em; }
caption, figcaption { color: var(--muted); font-size: .9em; text-align: left; }
caption { caption-side: top; padding-bottom: .4em; }
.caption-label { color: var(--ink); font-weight: 700; }
th, td { border-bottom: 1px solid var(--rule); padding: .35em .6em; text-align: left;
  vertical-align: top; }
thead th { background: var(--header); border-bottom: 2px solid var(--accent); }
tbody tr:nth-child(even) td { background: var(--stripe); }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
code { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace;
  font-size: .9em; }
figure { margin: 1.4em 0; text-align: center; }
figure img { max-width: 100%; height: auto; }
figcaption { margin-top: .4em; text-align: center; }
@media print {
  html { font-size: 10.5pt; }
  body { font-size: 10.5pt; max-width: none; padding: 0; margin: 0; }
  html, body, thead th, tbody td { -webkit-print-color-adjust: exact; }
  .cover {
    break-after: page; border: 0; min-height: 0; display: block; padding: 70mm 0 0; margin: 0;
  }
  .toc { break-after: page; }
  .toc a::after { content: leader(".") target-counter(attr(href), page); color: var(--muted); }
  section.level-1 { break-before: page; }
  h1, h2, h3, h4, h5, h6, caption { break-after: avoid; }
  p { orphans: 3; widows: 3; }
  table { font-size: 9pt; }
  thead { display: table-header-group; }
  tr, th, td, figure, figure img, p.emphasis { break-inside: avoid; }
  figure img { max-height: 170mm; }
  a { color: inherit; text-decoration: none; }
}
""".replace("FONTS", FONTS)


def render_html(document: Document, *, generated: dt.date | None = None) -> str:
    """The whole document as one HTML5 page. ``generated`` is the date printed as the
    generation date: the document's own date unless given."""
    return _Renderer(document, generated or document.day).render()


class _Renderer:
    def __init__(self, document: Document, generated: dt.date) -> None:
        self.document = document
        self.lang = document.lang if document.lang in LANGUAGES else "en"
        self._ = translator(self.lang)
        self.generated = day(generated, self.lang)
        self.tables = 0
        self.figures = 0

    def render(self) -> str:
        document, _ = self.document, self._
        generated = _("Generated by Stratège on {date}", date=self.generated)
        parts = [
            "<!DOCTYPE html>",
            f'<html lang="{escape(document.lang)}">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="generator" content="Stratège">',
            f"<title>{escape(document.title)}</title>",
            f"<style>{STYLESHEET}{self._page_css(generated)}</style>",
            "</head>",
            "<body>",
            self._cover(generated),
            self._contents(),
            "<main>",
            *(self._section(section, 1) for section in document.sections),
            "</main>",
            "</body>",
            "</html>",
        ]
        return "\n".join(parts) + "\n"

    # --- page furniture -----------------------------------------------------------------

    def _page_css(self, generated: str) -> str:
        """A4 pages with a running footer (generation line, page x of y); none on the cover.
        Page-margin boxes are drawn by WeasyPrint and by Chromium 131 or newer."""
        pages = self._("Page {page} of {pages}", page=_SLOT.format(0), pages=_SLOT.format(1))
        counters = ["counter(page)", "counter(pages)"]
        content = " ".join(
            counters[int(piece)] if index % 2 else _css_string(piece)
            for index, piece in enumerate(_SLOT_RE.split(pages))
            if piece or index % 2
        )
        content = content or '""'
        footer = f"font-family: {FONTS}; font-size: 8pt; color: #52606d;"
        return (
            "\n@page { size: A4; margin: 20mm 18mm 22mm 18mm;\n"
            f"  @bottom-left {{ content: {_css_string(generated)}; {footer} }}\n"
            f"  @bottom-right {{ content: {content}; {footer} }}\n"
            "}\n"
            "@page :first { @bottom-left { content: none; } @bottom-right { content: none; } }\n"
        )

    def _cover(self, generated: str) -> str:
        document = self.document
        lines = [
            '<header class="cover" id="stratege-cover">',
            f'<p class="cover-title" role="heading" aria-level="1">{_text(document.title)}</p>',
        ]
        if document.subtitle:
            lines.append(f'<p class="cover-subtitle">{_text(document.subtitle)}</p>')
        if document.meta:
            lines.append('<dl class="cover-meta">')
            for label, value in document.meta:
                lines.append(f"<dt>{_text(label)}</dt><dd>{_text(value)}</dd>")
            lines.append("</dl>")
        lines.append(f'<p class="generated">{_text(generated)}</p>')
        lines.append("</header>")
        return "\n".join(lines)

    def _contents(self) -> str:
        title = _text(self._("Contents"))
        return "\n".join(
            [
                '<nav class="toc" id="stratege-contents" '
                'aria-labelledby="stratege-contents-title">',
                f'<p class="toc-title" id="stratege-contents-title" role="heading" aria-level="1">'
                f"{title}</p>",
                _toc_list(self.document.sections),
                "</nav>",
            ]
        )

    # --- content ------------------------------------------------------------------------

    def _section(self, section: Section, level: int) -> str:
        tag = f"h{min(level, 6)}"
        parts = [
            f'<section class="level-{level}" id="{escape(section.id)}">',
            f"<{tag}>{_text(section.title)}</{tag}>",
        ]
        for block in section.blocks:
            parts.append(self._block(block))
        parts.extend(self._section(sub, level + 1) for sub in section.subsections)
        parts.append("</section>")
        return "\n".join(parts)

    def _block(self, block: Paragraph | Bullets | Table | Figure) -> str:
        if isinstance(block, Paragraph):
            css = ' class="emphasis"' if block.emphasis else ""
            return f"<p{css}>{_text(block.text)}</p>"
        if isinstance(block, Bullets):
            if not block.items:
                return ""
            items = "".join(f"<li>{_text(item)}</li>" for item in block.items)
            return f"<ul>{items}</ul>"
        if isinstance(block, Table):
            return self._table(block)
        if isinstance(block, Figure):
            return self._figure(block)
        raise TypeError(f"unknown block {block!r}")  # pragma: no cover - closed union

    def _caption(self, label: str, text: str) -> str:
        """``Tableau 3 : Budget`` with the label in bold, as the language punctuates it."""
        label_html = f'<span class="caption-label">{_text(label)}</span>'
        if not text:
            return label_html
        sentence = self._("{label}: {text}", label=_SLOT.format(0), text=_SLOT.format(1))
        filled = [label_html, f'<span class="caption-text">{_text(text)}</span>']
        return "".join(
            filled[int(piece)] if index % 2 else _text(piece)
            for index, piece in enumerate(_SLOT_RE.split(sentence))
        )

    def _table(self, table: Table) -> str:
        self.tables += 1
        number = self.tables
        columns = max(len(table.header), *(len(row) for row in table.rows), 0)

        def cells(row: Sequence[Cell], tag: str) -> str:
            padded = [*row, *([""] * (columns - len(row)))]
            out = []
            for index, value in enumerate(padded):
                numeric = index < len(table.numeric) and table.numeric[index]
                css = ' class="num"' if numeric else ""
                scope = ' scope="col"' if tag == "th" else ""
                out.append(f"<{tag}{scope}{css}>{_cell(value)}</{tag}>")
            return "".join(out)

        caption = self._caption(self._("Table {number}", number=number), table.caption)
        head = f"<thead><tr>{cells(table.header, 'th')}</tr></thead>" if table.header else ""
        body = "".join(f"<tr>{cells(row, 'td')}</tr>" for row in table.rows)
        return (
            f'<div class="table-wrap"><table id="stratege-table-{number}">'
            f"<caption>{caption}</caption>{head}<tbody>{body}</tbody></table></div>"
        )

    def _figure(self, figure: Figure) -> str:
        self.figures += 1
        number = self.figures
        alt = figure.alt or figure.caption or self._("Chart")
        data = base64.b64encode(figure.png).decode("ascii")
        caption = self._caption(self._("Figure {number}", number=number), figure.caption)
        return (
            f'<figure id="stratege-figure-{number}">'
            f'<img src="data:image/png;base64,{data}" alt="{escape(alt)}">'
            f"<figcaption>{caption}</figcaption></figure>"
        )


def _toc_list(sections: list[Section]) -> str:
    if not sections:
        return ""
    items = []
    for section in sections:
        link = f'<a href="#{escape(section.id)}">{_text(section.title)}</a>'
        items.append(f"<li>{link}{_toc_list(section.subsections)}</li>")
    return f"<ol>{''.join(items)}</ol>"


def _cell(value: Cell) -> str:
    return f"<code>{_text(value.text)}</code>" if isinstance(value, Code) else _text(value)


def _text(value: str) -> str:
    """Escaped text; line breaks inside a paragraph or a cell are kept."""
    return escape(value).replace("\r\n", "\n").replace("\n", "<br>")


def _css_string(value: str) -> str:
    """A CSS string literal that cannot close the string, the rule or the <style> element."""
    out = []
    for char in value:
        if char in '"\\<>&' or ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\{ord(char):x} ")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'
