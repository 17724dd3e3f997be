"""The JSON Schema of strategy files, with the knowledge base's vocabularies as enums.

Editors (VS Code's YAML extension, IntelliJ) complete and check a strategy with it: the
platform, format, skill, tone, objective-kind and metric fields list the known ids — a
strategy's own `knowledge:` additions included when the schema is made for it — each with
its label in the reader's language.
"""

from __future__ import annotations

from typing import Any

from stratege.i18n import Lang
from stratege.knowledge import Knowledge, load_knowledge
from stratege.strategy import Strategy
from stratege.vocabulary import label

# (model in $defs, property) → (vocabulary kind, where the ids sit in the property)
KNOWLEDGE_FIELDS: dict[tuple[str, str], tuple[str, str]] = {
    ("Channel", "platform"): ("platform", "value"),
    ("AuditedAccount", "platform"): ("platform", "value"),
    ("Audience", "platforms"): ("platform", "items"),
    ("Campaign", "platforms"): ("platform", "items"),
    ("FormatMix", "mix"): ("format", "keys"),
    ("Person", "skills"): ("skill", "items"),
    ("Person", "training"): ("skill", "items"),
    ("Content", "tones"): ("tone", "items"),
    ("Objective", "kind"): ("objective-kind", "value"),
    ("Kpi", "metric"): ("metric", "value"),
}
SECTIONS = {
    "platform": "platforms",
    "format": "formats",
    "skill": "skills",
    "tone": "tones",
    "objective-kind": "objectives",
    "metric": "kpis",
}


def strategy_schema(lang: Lang, knowledge: Knowledge | None = None) -> dict[str, Any]:
    """The schema; ``knowledge`` (with a strategy's additions) gives the enums' ids."""
    knowledge = knowledge or load_knowledge()
    schema = Strategy.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Stratège strategy"
    for (model, prop), (kind, where) in KNOWLEDGE_FIELDS.items():
        ids = sorted(getattr(knowledge, SECTIONS[kind]))
        names = [label(kind, i, lang, knowledge) for i in ids]
        _restrict(schema["$defs"][model]["properties"][prop], where, ids, names)
    return schema


def _restrict(node: dict[str, Any], where: str, ids: list[str], names: list[str]) -> None:
    enum = {"enum": ids, "enumDescriptions": names}
    if where == "value":
        node.update(enum)
    elif where == "keys":
        node["propertyNames"] = {"enum": ids}
    else:  # items of a list (a single value is accepted too: `skills: copywriting`)
        _items_of(node).update(enum)


def _items_of(node: dict[str, Any]) -> dict[str, Any]:
    holder = next((o for o in node.get("anyOf", []) if "items" in o), node)
    items: dict[str, Any] = holder.setdefault("items", {})
    return items
