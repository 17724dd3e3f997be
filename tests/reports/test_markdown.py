"""The Markdown renderer: headings, a table of contents that links, pipe tables, images."""

from __future__ import annotations

import re

import pytest

from stratege.i18n.catalogue import translator
from stratege.reports.document import Bullets, Code, Document, Paragraph, Section, Table
from stratege.reports.markdown import Slugger, cell, pipe_table, render_markdown
from tests.reports.sample_docx import figures, sample_document, tables

LINK = re.compile(r"\]\(#([^)]+)\)")
IMAGE = re.compile(r"!\[((?:\\.|[^\]])*)\]\(([^)]+)\)")
UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def github_slug(text: str, seen: dict[str, int]) -> str:
    """GitHub's heading anchor, written independently of the renderer's."""
    base = "".join(ch for ch in text.lower() if ch.isalnum() or ch in "_- ").replace(" ", "-")
    slug, n = base, 0
    while slug in seen:
        n += 1
        slug = f"{base}-{n}"
    seen[slug] = 0
    return slug


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def headings(markdown: str) -> list[tuple[int, str]]:
    found = []
    for line in markdown.splitlines():
        match = re.match(r"(#{1,6}) (.*)", line)
        if match:
            found.append((len(match[1]), unescape(match[2])))
    return found


def table_blocks(markdown: str) -> list[list[str]]:
    blocks, current = [], []
    for line in markdown.splitlines():
        if line.startswith("|"):
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def split_row(line: str) -> list[str]:
    assert line.startswith("| ") and line.endswith(" |"), line
    return [c.strip() for c in UNESCAPED_PIPE.split(line[1:-1])]


@pytest.fixture(params=["fr", "en"])
def document(request) -> Document:
    return sample_document(request.param)


@pytest.fixture
def rendered(document, tmp_path):
    """The Markdown and its figures, saved as the service layer would."""
    text, figures_files = render_markdown(document, "strategie-figures")
    (tmp_path / "strategie.md").write_text(text, encoding="utf-8")
    for name, png in figures_files.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_bytes(png)
    return text, tmp_path


def test_title_meta_and_every_section_heading(document, rendered):
    text, _ = rendered
    expected = [(1, document.title)]
    for section in document.sections:
        expected.append((1, section.title))
        expected.extend((2, sub.title) for sub in section.subsections)
    assert headings(text) == expected
    for label, value in document.meta:
        assert re.search(rf"^- \*\*{re.escape(label)}\*\*.*{re.escape(value)}$", text, re.M)
    assert f"*{document.subtitle}*" in text


def test_contents_links_match_heading_anchors(document, rendered):
    text, _ = rendered
    _ = translator(document.lang)
    assert f"**{_('Contents')}**" in text
    seen: dict[str, int] = {}
    anchors = [github_slug(title, seen) for _level, title in headings(text)]
    links = LINK.findall(text)
    assert links == anchors[1:]  # every section, in order; the title is not listed
    assert len(set(links)) == len(links)
    assert "qui-est-responsable-" in links  # "?" dropped, the space before it kept
    toc_lines = [line for line in text.splitlines() if LINK.search(line)]
    assert [len(line) - len(line.lstrip()) for line in toc_lines] == [
        indent for section in document.sections for indent in [0] + [2] * len(section.subsections)
    ]


def test_slugs_follow_github_for_accents_punctuation_and_repeats():
    slugs = Slugger()
    assert slugs.slug("Quelle est votre stratégie\u202f?") == "quelle-est-votre-stratégie"
    assert slugs.slug("Positionnement & concurrence") == "positionnement--concurrence"
    assert slugs.slug("Budget") == "budget"
    assert slugs.slug("Budget") == "budget-1"
    assert slugs.slug("Budget") == "budget-2"
    assert slugs.slug("Budget 1") == "budget-1-1"


def test_pipe_tables_have_one_cell_per_column(document, rendered):
    text, _ = rendered
    blocks = table_blocks(text)
    assert len(blocks) == len(tables(document))
    for lines, table in zip(blocks, tables(document), strict=True):
        assert len(lines) == 2 + len(table.rows)  # a cell's line break does not split its row
        widths = {len(split_row(line)) for line in lines}
        assert widths == {len(table.header)}
        align = split_row(lines[1])
        numeric = [i < len(table.numeric) and table.numeric[i] for i in range(len(align))]
        assert align == ["---:" if n else "---" for n in numeric]
        assert [unescape(c) for c in split_row(lines[0])] == table.header


def test_pipes_and_line_breaks_in_cells_are_escaped(rendered):
    text, _ = rendered
    assert "| X \\| Twitter |" in text
    assert "| Blog<br>(articles longs) |" in text


def test_pipe_table_pads_short_rows_and_escapes_markup():
    table = Table(
        caption="",
        header=["a", "b|c", "n"],
        rows=[["*x*"], ["1", "2", "3"]],
        numeric=[False, False, True],
    )
    lines = pipe_table(table).splitlines()
    assert lines[0] == "| a | b\\|c | n |"
    assert lines[1] == "| --- | --- | ---: |"
    assert lines[2] == "| \\*x\\* |  |  |"


def test_captions_are_numbered_across_the_document(document, rendered):
    text, _ = rendered
    _ = translator(document.lang)
    for n, table in enumerate(tables(document), start=1):
        caption = _("{label}: {text}", label=_("Table {number}", number=n), text=table.caption)
        assert f"*{caption}*" in text
    for n, figure in enumerate(figures(document), start=1):
        label = _("Figure {number}", number=n)
        assert f"*{_('{label}: {text}', label=label, text=figure.caption)}*" in text


def test_figures_are_written_and_linked_with_alt_text(document, rendered):
    text, folder = rendered
    images = IMAGE.findall(text)
    assert len(images) == len(figures(document))
    for (alt, link), figure in zip(images, figures(document), strict=True):
        assert unescape(alt) == figure.alt
        assert link.startswith("strategie-figures/") and link.endswith(".png")
        assert (folder / link).read_bytes() == figure.png  # relative to the .md file
    files = sorted(p.name for p in (folder / "strategie-figures").iterdir())
    assert files == ["q7-calendar-2.png", "q7-frequency-1.png"]


def test_without_an_image_folder_figures_are_their_alt_text(document):
    text, figures_files = render_markdown(document)
    assert "![" not in text
    for figure in figures(document):
        assert figure.alt in unescape(text)
    assert figures_files == {}


def test_folder_with_a_trailing_slash(document):
    text, figures_files = render_markdown(document, "img/")
    assert "](img/q7-frequency-1.png)" in text
    assert sorted(figures_files) == ["img/q7-calendar-2.png", "img/q7-frequency-1.png"]


def test_code_is_shown_as_code_even_with_backticks_and_pipes():
    assert cell(Code("sum(a) / sum(b)")) == "`sum(a) / sum(b)`"
    assert cell(Code("a`b|c")) == "``a`b\\|c``"
    assert cell(Code("`x`")) == "`` `x` ``"


def test_markup_in_text_is_shown_as_written(rendered):
    text, _ = rendered
    assert "des \\*astérisques\\*, un\\_souligné et un \\<chevron\\>." in text
    lead = "**Notre mission : faire découvrir des cafés d'exception à Lyon.**"
    assert lead.replace(" :", "\u00a0:") in text


def test_text_that_looks_like_markdown_syntax_is_escaped():
    section = Section(
        id="s",
        title="# pas un titre",
        blocks=[Bullets(["1. pas une liste", "- ni celle-ci"]), Paragraph("> ni une citation")],
        subsections=[Section(id="t", title="1. Un titre numéroté\u202f?")],
    )
    document = Document(lang="fr", title="T", subtitle="", meta=[], sections=[section])
    text, _ = render_markdown(document)
    assert "# \\# pas un titre" in text
    assert headings(text)[1:] == [(1, "# pas un titre"), (2, "1. Un titre numéroté\u202f?")]
    assert "## 1. Un titre numéroté\u202f?" in text  # inside a heading "1." is plain text
    assert "- 1\\. pas une liste\n- \\- ni celle-ci" in text
    assert "\\> ni une citation" in text


def test_output_is_stable_and_ends_with_one_newline(document):
    first, first_figures = render_markdown(document, "a")
    second, second_figures = render_markdown(document, "a")
    assert (first, first_figures) == (second, second_figures)
    assert first.endswith("\n") and not first.endswith("\n\n")
    assert "\n\n\n" not in first
