"""The strategy document in French or English: HTML, DOCX, Markdown and PDF, as bytes.

The public API (import it from its module; this package imports nothing heavy):

- ``stratege.reports.build``: ``build_document(plan, findings, lang, today=None)`` → a
  :class:`~stratege.reports.document.Document`, the format-free tree every renderer draws
  (one per language: see :class:`~stratege.reports.charting.ChartBook`).
- ``stratege.reports.render``: ``render(document, fmt, stem=None)`` → ``{file name: bytes}``
  for ``fmt`` in ``FORMATS`` (Markdown comes with its figures under ``<stem>-figures/``);
  ``render_documents(documents, formats)`` → ``Rendered(files, problems)`` with every
  file under ``<lang>/`` and the PDFs of all languages printed at once.
- ``stratege.reports.pdf``: ``pdf_bytes(document)``, ``print_pdfs(documents)`` and the
  ``PdfError`` family, whose messages are plain text (no markup).
- ``stratege.reports.shortfalls``: ``describe_shortfall(plan, shortfall, lang)``.

Nothing here writes a file (Chromium's own temporary folder aside): the service layer does.
"""
