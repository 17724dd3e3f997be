"""Names people read for the product's own fixed vocabularies, in French and English.

Reference vocabularies that can grow (platforms, formats, skills, KPIs) live in the
knowledge base; these are the closed lists of the model itself.
"""

from __future__ import annotations

from stratege.i18n import Lang

BUDGET_CATEGORIES: dict[str, tuple[str, str]] = {
    "people": ("Temps des équipes", "Staff time"),
    "tools": ("Outils", "Tools"),
    "advertising": ("Publicité", "Advertising"),
    "outsourcing": ("Sous-traitance", "Outsourcing"),
    "contests": ("Jeux-concours", "Contests"),
    "training": ("Formation", "Training"),
    "other": ("Autre", "Other"),
}


def name(table: dict[str, tuple[str, str]], key: str, lang: Lang) -> str:
    pair = table.get(key)
    return pair[0 if lang == "fr" else 1] if pair else key
