"""The strategy document in French or English: HTML, DOCX, Markdown and PDF."""
