"""The strategy document as Markdown that reads well in a repository (GitHub flavour).

Sections are ``#`` headings and subsections ``##``; the table of contents links to the
heading anchors GitHub generates; tables are pipe tables with numeric columns aligned
right; charts are PNG files next to the Markdown, linked with their alternative text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from stratege.i18n.catalogue import translator
from stratege.reports.document import Bullets, Document, Figure, Paragraph, Section, Table

Gettext = Callable[..., str]

# Characters that would otherwise start Markdown syntax inside running text.
_INLINE = re.compile(r"([\\`*_\[\]<>])")
# What GitHub keeps in a heading anchor: letters, marks, digits, connectors, space, hyphen.
_NOT_IN_SLUG = re.compile(r"[^\w\- ]")
# A line break and the ordinary spaces around it (not the no-break spaces of French).
_LINE_BREAK = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*")


def render_markdown(
    document: Document, image_dir: Path | None = None, image_prefix: str = ""
) -> str:
    """``document`` as Markdown text.

    Figures are written as PNG files into ``image_dir`` (created if needed), named after
    their section id and number, and linked as ``image_prefix`` + file name: pass the path
    of ``image_dir`` relative to where the Markdown will be saved. Without ``image_dir`` a
    figure is shown as its alternative text.
    """
    _ = translator(document.lang)  # type: ignore[arg-type]
    slugs = Slugger()
    slugs.slug(document.title)  # the title is a heading too, and comes first
    anchors = {id(section): slugs.slug(section.title) for section in document.all_sections()}

    out: list[str] = ["# " + heading(document.title)]
    if document.subtitle:
        out.append("*" + inline(document.subtitle) + "*")
    if document.meta:
        items = []
        for label, value in document.meta:
            bold = "**" + inline(label) + "**"
            items.append("- " + _("{label}: {text}", label=bold, text=inline(value)))
        out.append("\n".join(items))

    contents = ["**" + inline(_("Contents")) + "**"]
    toc: list[str] = []
    for section in document.sections:
        toc.append(f"- [{inline(section.title)}](#{anchors[id(section)]})")
        toc.extend(f"  - [{inline(sub.title)}](#{anchors[id(sub)]})" for sub in section.subsections)
    if toc:
        contents.append("\n".join(toc))
    out.extend(contents)

    counters = {"table": 0, "figure": 0}
    if image_dir is not None:
        image_dir = Path(image_dir)
        image_dir.mkdir(parents=True, exist_ok=True)
    prefix = image_prefix if not image_prefix or image_prefix.endswith("/") else image_prefix + "/"
    for section in document.sections:
        for level, part in [(1, section), *((2, sub) for sub in section.subsections)]:
            out.append("#" * level + " " + heading(part.title))
            out.extend(_blocks(part, counters, image_dir, prefix, _))
    return "\n\n".join(out) + "\n"


def _blocks(
    section: Section,
    counters: dict[str, int],
    image_dir: Path | None,
    prefix: str,
    _: Gettext,
) -> list[str]:
    out: list[str] = []
    for block in section.blocks:
        if isinstance(block, Paragraph):
            text = escape(block.text)
            out.append(f"**{text}**" if block.emphasis and text else text)
        elif isinstance(block, Bullets):
            out.append("\n".join("- " + escape(item).replace("\n", "\n  ") for item in block.items))
        elif isinstance(block, Table):
            counters["table"] += 1
            label = _("Table {number}", number=counters["table"])
            out.append(_caption(label, block.caption, _))
            out.append(pipe_table(block))
        elif isinstance(block, Figure):
            counters["figure"] += 1
            number = counters["figure"]
            alt = block.alt or _("Chart")
            if image_dir is not None:
                name = f"{_file_part(section.id)}-{number}.png"
                (image_dir / name).write_bytes(block.png)
                out.append(f"![{_alt(alt)}]({prefix}{name})")
            else:
                out.append(escape(alt))
            out.append(_caption(_("Figure {number}", number=number), block.caption, _))
        else:  # pragma: no cover - the Block union is closed
            raise TypeError(f"unknown block {block!r}")
    return out


def _caption(label: str, text: str, _: Gettext) -> str:
    sentence = _("{label}: {text}", label=label, text=text) if text else label
    return "*" + inline(sentence) + "*"


def pipe_table(table: Table) -> str:
    """A GitHub pipe table; ``|`` and line breaks inside cells are escaped."""
    columns = max(len(table.header), *(len(row) for row in table.rows), 1)

    def line(values: list[str]) -> str:
        cells = [cell(values[i]) if i < len(values) else "" for i in range(columns)]
        return "| " + " | ".join(cells) + " |"

    align = [
        "---:" if i < len(table.numeric) and table.numeric[i] else "---" for i in range(columns)
    ]
    return "\n".join(
        [line(table.header), "| " + " | ".join(align) + " |"] + [line(row) for row in table.rows]
    )


def cell(text: str) -> str:
    text = inline(text.strip()).replace("|", "\\|")
    return _LINE_BREAK.sub("<br>", text)


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
