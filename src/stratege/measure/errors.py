"""Why an import or a measurement was refused, worded in the reader's language."""

from __future__ import annotations

from stratege.i18n import Lang
from stratege.i18n.catalogue import N_, translator
from stratege.i18n.refusal import Refusal

MESSAGES = {
    "not_recognised": N_(
        "{file}: not a known export. Known formats: {formats}. For another tool, write a "
        "mapping file (column → field, date format, decimal separator) and pass it with "
        "--mapping; the first headers seen were: {headers}."
    ),
    "unreadable": N_("{file}: cannot be read ({reason})."),
    "bad_cells": N_(
        "{file}: {count} bad cells, nothing imported. First ones:\n{cells}\nCorrect them, "
        "or add --skip-bad-rows to import the other rows and list the rejected ones."
    ),
    "no_account": N_(
        "{file}: the file does not say which {platform} account it is about. Name it with "
        "--account (the strategy's {platform} channels: {channels})."
    ),
    "unknown_competitor": N_("Unknown competitor '{name}'. The strategy's audit names: {names}."),
    "needs_year": N_("{file}: the dates have no year (e.g. '{example}'). Give it with --year."),
    "ambiguous_dates": N_(
        "{file}: column '{column}' holds dates such as '{example}' that read both day first "
        "and month first. Add date_format: '%d/%m/%Y' (or '%m/%d/%Y') to the mapping file."
    ),
    "bad_mapping": N_("{file}: the mapping is not valid: {reason}"),
    "unknown_mention": N_(
        "No mention '{mention}' in {path}. A mention is known by the id or the link its "
        "export gives (stratege listen --format json lists them)."
    ),
    "unknown_daily_metric": N_(
        "{file}: the daily metric '{title}' feeds no field of the KPI catalogue, so it is not "
        "imported. The daily metrics imported are: {known}."
    ),
    "store_busy": N_(
        "The data file {path} is being written by another Stratège command; try again when "
        "it has finished."
    ),
    "no_data": N_(
        "No measured data in {path}. Import the platforms' exports first: stratege import "
        "STRATEGY FILE…"
    ),
}

REASONS = {
    "too_large": N_("larger than {limit} bytes"),
    "binary": N_("not a text, workbook or ZIP file"),
    "bad_archive": N_("a damaged ZIP archive"),
    "empty_archive": N_("a ZIP archive without a CSV file"),
    "bad_workbook": N_("a damaged workbook: {detail}"),
    "xls_unsupported": N_("old Excel files need the xlrd package"),
    "header_not_found": N_("no header row"),
    "bad_csv": N_("the CSV structure is broken: {detail}"),
    "bad_encoding": N_("the text is neither UTF-8, UTF-16 nor Windows-1252"),
}

EXPECTED = {
    "number": N_("a number"),
    "percent": N_("a percentage"),
    "duration": N_("a duration (H:MM:SS or seconds)"),
    "datetime": N_("a date and time"),
    "date": N_("a date"),
    "required": N_("a value (this column identifies the row)"),
}


class MeasureError(Refusal):
    """An import or a measurement that cannot be done as asked; ``message(lang)`` says why."""

    messages = MESSAGES

    def worded_values(self, lang: Lang) -> dict[str, object]:
        """A reason and the bad cells, worded in ``lang`` too."""
        _ = translator(lang)
        values = dict(self.values)
        if "reason" in values and str(values["reason"]) in REASONS:
            detail = values.pop("reason_values", {})
            values["reason"] = _(REASONS[str(values["reason"])], **dict(detail))  # type: ignore[call-overload]
        cells = values.get("cells")
        if isinstance(cells, list):
            values["cells"] = "\n".join(f"  {cell.describe(lang)}" for cell in cells)
        return values


def expected_text(kind: str, lang: Lang) -> str:
    return translator(lang)(EXPECTED.get(kind, kind))
