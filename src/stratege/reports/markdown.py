"""The strategy document as Markdown that reads well in a repository (GitHub flavour).

Sections are ``#`` headings and subsections ``##``; the table of contents links to the
heading anchors GitHub generates; tables are pipe tables with numeric columns aligned
right; charts are PNG files next to the Markdown, linked with their alternative text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from stratege.i18n.catalogue import Gettext, translator
from stratege.reports.document import (
    Block,
    Bullets,
    Cell,
    Code,
    Document,
    Figure,
    Paragraph,
    Section,
    Table,
)

# Characters that would otherwise start Markdown syntax inside running text.
_INLINE = re.compile(r"([\\`*_\[\]<>])")
# What GitHub keeps in a heading anchor: letters, marks, digits, connectors, space, hyphen.
_NOT_IN_SLUG = re.compile(r"[^\w\- ]")
# A line break and the ordinary spaces around it (not the no-break spaces of French).
_LINE_BREAK = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*")


def render_markdown(
    document: Document, figures_folder: str | None = None
) -> tuple[str, dict[str, bytes]]:
    """``document`` as Markdown text, and the figures it links (path → PNG bytes).

    Figures are named after their section id and number inside ``figures_folder``, a
    path relative to where the Markdown will be saved (``strategie-figures``). Without a
    folder, each figure is shown as its alternative text and none is returned.
    """
    _ = translator(document.lang)  # type: ignore[arg-type]
    out = [*_front(document, _), *_contents(document, _)]
    folder = figures_folder.rstrip("/") if figures_folder else None
    writer = _Blocks(_, folder)
    for section in document.sections:
        for level, part in [(1, section), *((2, sub) for sub in section.subsections)]:
            out.append("#" * level + " " + heading(part.title))
            out.extend(writer.blocks(part))
    return "\n\n".join(out) + "\n", writer.figures


def _front(document: Document, _: Gettext) -> list[str]:
    """Title, subtitle and the cover facts."""
    out = ["# " + heading(document.title)]
    if document.subtitle:
        out.append("*" + inline(document.subtitle) + "*")
    if document.meta:
        facts = [
            "- " + _("{label}: {text}", label="**" + inline(label) + "**", text=inline(value))
            for label, value in document.meta
        ]
        out.append("\n".join(facts))
    return out


def _contents(document: Document, _: Gettext) -> list[str]:
    """The table of contents, linked to the anchors GitHub gives the headings."""
    slugs = Slugger()
    slugs.slug(document.title)  # the title is a heading too, and comes first
    anchors = {id(section): slugs.slug(section.title) for section in document.all_sections()}
    toc: list[str] = []
    for section in document.sections:
        toc.append(f"- [{inline(section.title)}](#{anchors[id(section)]})")
        toc.extend(f"  - [{inline(sub.title)}](#{anchors[id(sub)]})" for sub in section.subsections)
    return ["**" + inline(_("Contents")) + "**", *(["\n".join(toc)] if toc else [])]


class _Blocks:
    """Writes blocks, numbering tables and figures across the document."""

    def __init__(self, _: Gettext, folder: str | None) -> None:
        self._, self.folder = _, folder
        self.tables = 0
        self.figures: dict[str, bytes] = {}
        self.figure_count = 0

    def blocks(self, section: Section) -> list[str]:
        out: list[str] = []
        for block in section.blocks:
            out.extend(self.block(block, section.id))
        return out

    def block(self, block: Block, section_id: str) -> list[str]:
        if isinstance(block, Paragraph):
            text = escape(block.text)
            return [f"**{text}**" if block.emphasis and text else text]
        if isinstance(block, Bullets):
            return ["\n".join("- " + escape(item).replace("\n", "\n  ") for item in block.items)]
        if isinstance(block, Table):
            self.tables += 1
            label = self._("Table {number}", number=self.tables)
            return [_caption(label, block.caption, self._), pipe_table(block)]
        return self.figure(block, section_id)

    def figure(self, block: Figure, section_id: str) -> list[str]:
        self.figure_count += 1
        number = self.figure_count
        alt = block.alt or self._("Chart")
        shown = escape(alt)
        if self.folder is not None:
            path = f"{self.folder}/{_file_part(section_id)}-{number}.png"
            self.figures[path] = block.png
            shown = f"![{_alt(alt)}]({path})"
        return [shown, _caption(self._("Figure {number}", number=number), block.caption, self._)]


def _caption(label: str, text: str, _: Gettext) -> str:
    sentence = _("{label}: {text}", label=label, text=text) if text else label
    return "*" + inline(sentence) + "*"


def pipe_table(table: Table) -> str:
    """A GitHub pipe table; ``|`` and line breaks inside cells are escaped."""
    columns = max(len(table.header), *(len(row) for row in table.rows), 1)

    def line(values: Sequence[Cell]) -> str:
        cells = [cell(values[i]) if i < len(values) else "" for i in range(columns)]
        return "| " + " | ".join(cells) + " |"

    align = [
        "---:" if i < len(table.numeric) and table.numeric[i] else "---" for i in range(columns)
    ]
    return "\n".join(
        [line(table.header), "| " + " | ".join(align) + " |"] + [line(row) for row in table.rows]
    )


def cell(value: Cell) -> str:
    if isinstance(value, Code):
        return code_span(_LINE_BREAK.sub(" ", value.text.strip())).replace("|", "\\|")
    text = inline(value.strip()).replace("|", "\\|")
    return _LINE_BREAK.sub("<br>", text)


def code_span(text: str) -> str:
    """Text shown as code, as written: a fence longer than any run of backticks in it."""
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {text} " if text.startswith("`") or text.endswith("`") else text
    return f"{fence}{padded}{fence}"


def inline(text: str) -> str:
    """Text inside a line (heading, link, cell, caption) that Markdown shows as written:
    no accidental emphasis, code, links or HTML."""
    return _INLINE.sub(r"\\\1", text)


def heading(text: str) -> str:
    """A heading's text: a leading or trailing ``#`` would be read as heading syntax."""
    text = _LINE_BREAK.sub(" ", inline(text)).strip(" ")
    text = re.sub(r"^#", r"\\#", text)
    return re.sub(r"#$", r"\\#", text)


def escape(text: str) -> str:
    """A block of text (paragraph, list item) that Markdown shows as written: inline
    markup escaped, and no line that starts like a heading, list item or quote."""
    text = inline(text)
    # A line that starts like a heading, list item, quote or numbered item.
    text = re.sub(r"(?m)^(\s*)(#{1,6}|[>+]|-+|=+)(?=\s|$)", r"\1\\\2", text)
    return re.sub(r"(?m)^(\s*\d+)([.)])(?=\s|$)", r"\1\\\2", text)


def _alt(text: str) -> str:
    return _LINE_BREAK.sub(" ", text).replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def _file_part(section_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", section_id).strip("-") or "section"


class Slugger:
    """Heading anchors as GitHub makes them (github-slugger): lower case, punctuation
    dropped, spaces to hyphens, accents kept, ``-1``, ``-2``… added to repeated ones."""

    def __init__(self) -> None:
        self.occurrences: dict[str, int] = {}

    def slug(self, title: str) -> str:
        original = slug = _NOT_IN_SLUG.sub("", title.lower()).replace(" ", "-")
        while slug in self.occurrences:
            self.occurrences[original] += 1
            slug = f"{original}-{self.occurrences[original]}"
        self.occurrences[slug] = 0
        return slug
