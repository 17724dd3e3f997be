"""Problems that stop a strategy file from being read, worded for people, in FR and EN.

A problem is a code and its values; the wording lives in the gettext catalogues
(``locale/*/LC_MESSAGES/errors.po``), keyed by the English sentence, and is chosen only
when the problem is shown, so one problem renders in either language. pydantic's error
types are translated here into plain sentences (with a "did you mean …?" where the model
knows the valid names); the file position is added by the loader. Nothing in this module
raises a traceback at the user.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from stratege.i18n import Lang
from stratege.i18n.catalogue import N_, translator
from stratege.strategy.suggest import closest, field_names, literal_values


class Phrase(str):
    """A value that is itself a message id, translated with the message that shows it."""

    __slots__ = ()


MESSAGES: dict[str, str] = {
    "not_found": N_("file not found"),
    "not_utf8": N_("the file is not UTF-8 encoded: save it as UTF-8"),
    "too_large": N_("file too large (2 MB at most)"),
    "unreadable": N_("cannot read the file: {detail}"),
    "yaml_syntax": N_("YAML syntax error: {detail}"),
    "too_deep": N_("YAML syntax error: too deeply nested (at most {limit} levels)"),
    "alias": N_("anchors and aliases (&, *) are not supported: write the value out"),
    "merge_key": N_("merge keys (<<) are not supported: write the keys out"),
    "tag": N_("the YAML tag '{tag}' is not supported: write a plain value"),
    "bad_tagged_value": N_("'{input}' is not a valid value for the YAML tag '{tag}'"),
    "not_a_mapping": N_("the file must contain 'key: value' sections (organisation, period, …)"),
    "missing": N_("required field is missing"),
    "extra_forbidden": N_("unknown field '{field}' (a typo?)"),
    "wrong_type": N_("expected {expected}, found '{input}'"),
    "bad_date": N_("impossible date '{input}': no such day in the calendar"),
    "literal_error": N_("value '{input}' is not allowed"),
    "pattern": N_("invalid format '{input}' ({rule})"),
    "too_short": N_("must not be empty"),
    "too_long": N_("too long ({limit} at most)"),
    "ge": N_("must be at least {limit}"),
    "gt": N_("must be more than {limit}"),
    "le": N_("must be at most {limit}"),
    "lt": N_("must be less than {limit}"),
    "finite": N_("must be a finite number"),
    "out_of_range": N_("number out of range: at most 10¹⁵ in absolute value"),
    "period_years": N_("date {date} is out of range: a period lies between {first} and {last}"),
    "period_order": N_("the period ends ({end}) before it starts ({start})"),
    "period_too_long": N_("the period is too long: three years at most, ending by {latest}"),
    "date_window": N_(
        "date {date} is too far from the period: give a date between {low} and {high}"
    ),
    "cadence_order": N_("the reference cadence must satisfy min ≤ typical ≤ max"),
    "invalid": N_("invalid value: {detail}"),
}

# The same problems worded with what would have been accepted (chosen by their values).
SUGGESTED: dict[str, str] = {
    "extra_forbidden": N_("unknown field '{field}' — did you mean '{suggestion}'?"),
    "literal_error": N_("value '{input}' is not allowed — did you mean '{suggestion}'?"),
}
LISTED: dict[str, str] = {
    "extra_forbidden": N_("unknown field '{field}'; possible fields: {allowed}"),
    "literal_error": N_("value '{input}' is not allowed; possible values: {allowed}"),
}

EXPECTED: dict[str, str] = {
    "int": N_("a whole number"),
    "float": N_("a number"),
    "bool": N_("yes or no (true / false)"),
    "string": N_("a text"),
    "list": N_("a list (lines starting with '-')"),
    "dict": N_("a 'key: value' section"),
    "model": N_("a 'key: value' section"),
    "date": N_("a date YYYY-MM-DD"),
    "time": N_("a time HH:MM"),
}

PATTERN_RULES: dict[str, str] = {
    "^[A-Z]{2}$": N_("two-letter ISO country code, e.g. FR"),
    "^[A-Z]{3}$": N_("three-letter currency code, e.g. EUR"),
}
ID_RULE = N_("identifier: letters, digits, '_', '-', '.'")
FIELD_LABEL = N_("[field {path}]")

BOUNDS = {
    "greater_than_equal": "ge",
    "greater_than": "gt",
    "less_than_equal": "le",
    "less_than": "lt",
}
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class FileProblem:
    """Why a file cannot be used, where, in a form that can be worded in either language."""

    file: Path
    line: int | None
    column: int | None
    path: str
    code: str
    values: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def at(cls, file: Path, node: Any, code: str) -> FileProblem:
        lc = getattr(node, "lc", None)
        line = lc.line + 1 if lc is not None and lc.line is not None else None
        return cls(file, line, 1 if line else None, "", code, {})

    def message(self, lang: Lang) -> str:
        _ = translator(lang)
        values = {k: _(v) if isinstance(v, Phrase) else v for k, v in self.values.items()}
        return _(_template(self.code, self.values), **values)

    def location(self) -> str:
        where = str(self.file)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where

    def render(self, lang: Lang) -> str:
        at = " " + translator(lang)(FIELD_LABEL, path=self.path) if self.path else ""
        return f"{self.location()}:{at} {self.message(lang)}"

    def as_dict(self, lang: Lang) -> dict[str, Any]:
        return {
            "file": str(self.file),
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "code": self.code,
            "message": self.message(lang),
        }


def _template(code: str, values: dict[str, Any]) -> str:
    """The sentence for a code: with a suggestion, with the allowed list, or plain."""
    if "suggestion" in values and code in SUGGESTED:
        return SUGGESTED[code]
    if "allowed" in values and code in LISTED:
        return LISTED[code]
    return MESSAGES.get(code, MESSAGES["invalid"])


class StrategyFileError(Exception):
    """The strategy file cannot be read, parsed or validated."""

    def __init__(self, problems: list[FileProblem], language: str | None = None):
        super().__init__("; ".join(p.render("en") for p in problems))
        self.problems = problems
        self.language = language  # the file's own `language:`, when it could be read


def translate_pydantic_error(
    error: Any, root: type[BaseModel] | None = None
) -> tuple[str, dict[str, Any]]:
    """A pydantic error → (message code, values); ``root`` is the model the error's
    location starts from, to suggest the field or value that was probably meant."""
    kind: str = error["type"]
    context = error.get("ctx") or {}
    loc = [p for p in error["loc"] if p != "[key]"]
    shown = _shorten(error.get("input"))
    if kind in ("missing", "too_short", "string_too_short"):
        return kind.removeprefix("string_"), {}
    if kind in ("too_long", "string_too_long"):
        return "too_long", {"limit": context.get("max_length", "")}
    if kind == "extra_forbidden":
        return kind, _unknown_field(root, loc)
    if kind == "literal_error":
        return kind, _not_allowed(root, loc, error.get("input"), str(context.get("expected", "")))
    if kind == "string_pattern_mismatch":
        rule = PATTERN_RULES.get(context.get("pattern", ""), ID_RULE)
        return "pattern", {"input": shown, "rule": Phrase(rule)}
    if kind in BOUNDS:
        short = BOUNDS[kind]
        return short, {"limit": context.get(short, "")}
    if kind == "finite_number":
        return "finite", {}
    if kind == "int_parsing_size":
        return "out_of_range", {}
    if kind.startswith("date") and ISO_DATE.fullmatch(shown):
        return "bad_date", {"input": shown}
    expected = _expected_type(kind)
    if expected:
        return "wrong_type", {"expected": Phrase(EXPECTED[expected]), "input": shown}
    if kind in MESSAGES and not _has_placeholders(MESSAGES[kind]):
        return kind, {}  # a validator's own PydanticCustomError, worded in the catalogue
    return "invalid", {"detail": error.get("msg", kind)}


def _unknown_field(root: type[BaseModel] | None, loc: list[Any]) -> dict[str, Any]:
    name = str(loc[-1]) if loc else ""
    allowed = field_names(root, loc[:-1]) if root is not None else []
    return _with_choices({"field": name}, name, allowed)


def _not_allowed(
    root: type[BaseModel] | None, loc: list[Any], value: Any, expected: str
) -> dict[str, Any]:
    allowed = literal_values(root, loc) if root is not None else []
    allowed = allowed or re.findall(r"'([^']*)'", expected)
    shown = _shorten(value)
    return _with_choices({"input": shown}, value if isinstance(value, str) else "", allowed)


def _with_choices(values: dict[str, Any], typed: str, allowed: list[str]) -> dict[str, Any]:
    suggestion = closest(typed, allowed) if typed and allowed else None
    if suggestion:
        return {**values, "suggestion": suggestion}
    return {**values, "allowed": ", ".join(allowed)} if allowed else values


def _has_placeholders(message: str) -> bool:
    return "{" in message


def _expected_type(kind: str) -> str | None:
    for prefix in ("datetime", "date", "time", "int", "float", "bool", "string", "list", "dict"):
        if kind.startswith(prefix):
            return "date" if prefix == "datetime" else prefix
    if kind in ("model_type", "model_attributes_type"):
        return "model"
    return None


def _shorten(value: Any) -> str:
    try:
        text = "" if value is None else str(value)
    except ValueError:  # an integer too long for str(): never shown in full anyway
        text = type(value).__name__
    return text if len(text) <= 60 else text[:57] + "…"
