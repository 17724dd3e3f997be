"""Problems that stop a strategy file from being read, worded for people, in FR and EN.

pydantic's error types are translated here into plain sentences; the file position is
added by the loader. Nothing in this module raises a traceback at the user.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stratege.i18n import Lang, tr

MESSAGES: dict[str, dict[str, str]] = {
    "not_found": {"fr": "fichier introuvable", "en": "file not found"},
    "not_utf8": {
        "fr": "le fichier n’est pas encodé en UTF-8",
        "en": "the file is not UTF-8 encoded",
    },
    "too_large": {
        "fr": "fichier trop volumineux (2 Mo au plus)",
        "en": "file too large (2 MB at most)",
    },
    "unreadable": {"fr": "lecture impossible : {detail}", "en": "cannot read the file: {detail}"},
    "yaml_syntax": {
        "fr": "erreur de syntaxe YAML : {detail}",
        "en": "YAML syntax error: {detail}",
    },
    "not_a_mapping": {
        "fr": "le fichier doit contenir des sections « clé : valeur » (organisation, period, …)",
        "en": "the file must contain 'key: value' sections (organisation, period, …)",
    },
    "missing": {"fr": "champ obligatoire manquant", "en": "required field is missing"},
    "extra_forbidden": {
        "fr": "champ inconnu « {field} » (faute de frappe ?)",
        "en": "unknown field '{field}' (a typo?)",
    },
    "wrong_type": {
        "fr": "{expected_fr} attendu, trouvé « {input} »",
        "en": "expected {expected_en}, found '{input}'",
    },
    "literal_error": {
        "fr": "valeur « {input} » non autorisée ; valeurs possibles : {expected}",
        "en": "value '{input}' is not allowed; possible values: {expected}",
    },
    "pattern": {
        "fr": "format invalide « {input} » ({rule_fr})",
        "en": "invalid format '{input}' ({rule_en})",
    },
    "too_short": {"fr": "ne doit pas être vide", "en": "must not be empty"},
    "too_long": {"fr": "trop long", "en": "too long"},
    "ge": {"fr": "doit être supérieur ou égal à {limit}", "en": "must be at least {limit}"},
    "gt": {"fr": "doit être strictement supérieur à {limit}", "en": "must be more than {limit}"},
    "le": {"fr": "doit être inférieur ou égal à {limit}", "en": "must be at most {limit}"},
    "lt": {"fr": "doit être strictement inférieur à {limit}", "en": "must be less than {limit}"},
    "finite": {"fr": "doit être un nombre fini", "en": "must be a finite number"},
    "invalid": {"fr": "valeur invalide : {detail}", "en": "invalid value: {detail}"},
}

EXPECTED: dict[str, tuple[str, str]] = {
    "int": ("un nombre entier", "a whole number"),
    "float": ("un nombre", "a number"),
    "bool": ("oui ou non (true / false)", "yes or no (true / false)"),
    "string": ("un texte", "a text"),
    "list": ("une liste (lignes commençant par « - »)", "a list (lines starting with '-')"),
    "dict": ("une section « clé : valeur »", "a 'key: value' section"),
    "model": ("une section « clé : valeur »", "a 'key: value' section"),
    "date": ("une date AAAA-MM-JJ", "a date YYYY-MM-DD"),
    "time": ("une heure HH:MM", "a time HH:MM"),
}

PATTERN_RULES: dict[str, tuple[str, str]] = {
    "^[A-Z]{2}$": ("code pays ISO à deux lettres, ex. FR", "two-letter ISO country code, e.g. FR"),
    "^[A-Z]{3}$": ("code devise à trois lettres, ex. EUR", "three-letter currency code, e.g. EUR"),
}
ID_RULE = (
    "identifiant : lettres, chiffres, « _ », « - », « . »",
    "identifier: letters, digits, '_', '-', '.'",
)


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
        return tr(MESSAGES[self.code], lang, **self.values)

    def location(self) -> str:
        where = str(self.file)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where

    def render(self, lang: Lang) -> str:
        field_label = {"fr": "champ", "en": "field"}[lang]
        at = f" [{field_label} {self.path}]" if self.path else ""
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


class StrategyFileError(Exception):
    """The strategy file cannot be read, parsed or validated."""

    def __init__(self, problems: list[FileProblem], language: str | None = None):
        super().__init__("; ".join(p.render("en") for p in problems))
        self.problems = problems
        self.language = language  # the file's own `language:`, when it could be read


def translate_pydantic_error(error: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """A pydantic error → (message code, values) from MESSAGES."""
    kind: str = error["type"]
    context = error.get("ctx") or {}
    shown = _shorten(error.get("input"))
    if kind in ("missing", "too_short", "too_long"):
        return kind, {}
    if kind == "extra_forbidden":
        return kind, {"field": error["loc"][-1] if error["loc"] else ""}
    if kind == "literal_error":
        return kind, {"input": shown, "expected": context.get("expected", "")}
    if kind == "string_pattern_mismatch":
        rule = PATTERN_RULES.get(context.get("pattern", ""), ID_RULE)
        return "pattern", {"input": shown, "rule_fr": rule[0], "rule_en": rule[1]}
    for bound in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        if kind == bound:
            short = {"greater_than_equal": "ge", "greater_than": "gt"}.get(kind)
            short = short or {"less_than_equal": "le", "less_than": "lt"}[kind]
            return short, {"limit": context.get(short, "")}
    if kind == "finite_number":
        return "finite", {}
    expected = _expected_type(kind)
    if expected:
        fr, en = EXPECTED[expected]
        return "wrong_type", {"expected_fr": fr, "expected_en": en, "input": shown}
    return "invalid", {"detail": error.get("msg", kind)}


def _expected_type(kind: str) -> str | None:
    for prefix in ("datetime", "date", "time", "int", "float", "bool", "string", "list", "dict"):
        if kind.startswith(prefix):
            return "date" if prefix == "datetime" else prefix
    if kind in ("model_type", "model_attributes_type"):
        return "model"
    return None


def _shorten(value: Any) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= 60 else text[:57] + "…"
