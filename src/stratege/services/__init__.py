"""Use cases: one function per user operation, returning data or bytes, never printing.

The command line and the web application call the core only through these modules, so an
operation is assembled once, the same way for both:

- ``strategies``: :func:`~strategies.load` a file, :func:`~strategies.parse` text,
  :func:`~strategies.example` a bundled example;
- ``checking``: :func:`~checking.check` → findings and their JSON records;
- ``planning``: :func:`~planning.plan` (dates checked) → the plan with its findings, which
  round-trips to JSON for storage;
- ``documents``: :func:`~documents.document_files` → the document in one format, as bytes;
- ``exports``: :func:`~exports.export_files` → every export of the plan, as bytes;
- ``pack``: :func:`~pack.pack_files` → the whole pack, and :func:`~pack.zip_bytes` as one ZIP;
- ``outputs``: :func:`~outputs.write_files` → files written safely (atomic, no symlink,
  never over the input or over a file Stratège did not write);
- ``schema``: :func:`~schema.strategy_schema` → the JSON Schema with the vocabularies.

Submodules are imported by their callers, not here: `stratege check` must not load the
planner, the spreadsheet writer or the chart library.
"""
