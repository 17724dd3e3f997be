"""One vocabulary: the words for every fixed value of the model and every knowledge id.

A label is looked up in the gettext catalogues by a *kind* (the msgctxt: ``activity``,
``platform``, ``unit``…) and the value itself (the msgid: ``create_content``,
``facebook``, ``percent``), in ``vocabulary.po`` (the model's fixed values) and
``knowledge.po`` (the knowledge base's entries). Every output — terminal, exports,
documents, web pages — names things through :func:`label` or :class:`Words`, so French
output never shows an English label or a raw identifier, and the other way round.

The values of each kind are read from the model's own types, so a value added to the model
without its labels fails ``tests/i18n/test_vocabulary.py``. An entry a strategy adds to
its knowledge base brings its own name (``name: {fr: …, en: …}``), used before the
catalogue.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel

from stratege.i18n import LANGUAGES, Lang, french_typography
from stratege.i18n.catalogue import in_context
from stratege.knowledge.models import DataField, Knowledge, KpiDefinition, Named
from stratege.severity import Severity
from stratege.strategy import model
from stratege.strategy.suggest import literal_values
from stratege.timewindow import WEEK_DAYS

# Fixed values the code defines (not model fields), each with its labels in vocabulary.po.
BUDGET_FIGURES = ("planned", "declared")
PAID_UNITS = ("impressions", "clicks", "conversions", "views", "engagements")
TRAJECTORIES = ("linear", "compound")


def _literal(owner: type[BaseModel], field: str) -> tuple[str, ...]:
    """The allowed values of a model field typed ``Literal[...]`` (or a list of them)."""
    return tuple(literal_values(owner, [field]))


def _budget_categories() -> tuple[str, ...]:
    money = [n for n in model.Budget.model_fields if n not in ("currency", "covers", "total")]
    return ("people", *money)


MODEL_KINDS: dict[str, tuple[str, ...]] = {
    "activity": _literal(model.RaciRow, "activity"),
    "audience-kind": _literal(model.Audience, "kind"),
    "information-source": _literal(model.Audience, "information_sources"),
    "channel-purpose": _literal(model.Channel, "purpose"),
    "priority": _literal(model.Objective, "priority"),
    "frequency": _literal(model.Kpi, "frequency"),
    "cadence-per": _literal(model.Cadence, "per"),
    "tool-category": _literal(model.Tool, "category"),
    "budget-covers": _literal(model.Budget, "covers"),
    "pricing-model": _literal(model.Campaign, "pricing_model"),
    "occasion-kind": _literal(model.Occasion, "kind"),
    "language": _literal(model.Strategy, "language"),
    "weekday": WEEK_DAYS,
    "weekday-short": WEEK_DAYS,
    "kpi-family": _literal(KpiDefinition, "family"),
    "kpi-scope": _literal(DataField, "scope"),
    "unit": _literal(KpiDefinition, "unit"),
    "direction": _literal(KpiDefinition, "direction"),
    "growth": _literal(KpiDefinition, "growth"),
    "trajectory": TRAJECTORIES,
    "severity": tuple(s.value for s in Severity),
    "budget-category": _budget_categories(),
    "budget-figure": BUDGET_FIGURES,
    "paid-unit": PAID_UNITS,
    "raci-role": ("responsible", "accountable", "consulted", "informed"),
}

# kind → the section of the knowledge base whose ids it names (and which word of an entry
# a strategy's own addition carries).
KNOWLEDGE_KINDS: dict[str, tuple[str, str]] = {
    "platform": ("platforms", "name"),
    "platform-notes": ("platforms", "audience_notes"),
    "format": ("formats", "name"),
    "format-description": ("formats", "description"),
    "skill": ("skills", "name"),
    "tone": ("tones", "name"),
    "metric": ("kpis", "name"),
    "metric-description": ("kpis", "description"),
    "objective-kind": ("objectives", "name"),
    "objective-kind-description": ("objectives", "description"),
    "field-description": ("fields", "description"),
}


def label(kind: str, value: str, lang: Lang, knowledge: Knowledge | None = None) -> str:
    """The ``lang`` word for ``value`` of ``kind``; an unknown value is shown as itself."""
    own = _own_words(kind, value, knowledge, lang)
    if own:
        return own
    found = in_context(lang, kind, value)
    if found is None:
        return value
    return french_typography(found) if lang == "fr" else found


def has_label(kind: str, value: str, lang: Lang) -> bool:
    return in_context(lang, kind, value) is not None


def _own_words(kind: str, value: str, knowledge: Knowledge | None, lang: Lang) -> str | None:
    if knowledge is None or kind not in KNOWLEDGE_KINDS:
        return None
    section, word = KNOWLEDGE_KINDS[kind]
    entry = getattr(knowledge, section).get(value)
    words = getattr(entry, word, None) if isinstance(entry, Named) else None
    return (words.get(lang) or words.get("en") or words.get("fr")) if words else None


def knowledge_ids(knowledge: Knowledge, kind: str) -> Iterable[str]:
    section, _ = KNOWLEDGE_KINDS[kind]
    entries: dict[str, object] = getattr(knowledge, section)
    return entries.keys()


class Words:
    """The vocabulary of one language, with a strategy's knowledge additions."""

    def __init__(self, lang: Lang, knowledge: Knowledge | None = None):
        self.lang = lang
        self.knowledge = knowledge

    def __call__(self, kind: str, value: str) -> str:
        return label(kind, value, self.lang, self.knowledge)

    def many(self, kind: str, values: Iterable[str]) -> list[str]:
        return [self(kind, v) for v in values]

    def platform(self, value: str) -> str:
        return self("platform", value)

    def format(self, value: str) -> str:
        return self("format", value)

    def skill(self, value: str) -> str:
        return self("skill", value)

    def metric(self, value: str) -> str:
        return self("metric", value)

    def activity(self, value: str) -> str:
        return self("activity", value)


__all__ = ["KNOWLEDGE_KINDS", "LANGUAGES", "MODEL_KINDS", "Words", "has_label", "label"]
