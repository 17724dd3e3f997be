"""What each field of a form is, read from the strategy's JSON Schema: one walk of the
schema ($ref resolved, optional values' anyOf unwrapped) gives a tree of field specs that
the renderer and the reader of posted forms both follow — no template per section.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from typing import Any

from stratege.i18n import Lang
from stratege.services.schema import strategy_schema
from stratege.services.suggestions import knowledge_of
from stratege.vocabulary import label
from stratege.web.forms.labels import FIELD_LABELS, ITEM, ROW_LABELS, VALUE_KINDS

SCALARS = ("text", "number", "integer", "date", "select", "boolean")


@dataclass(frozen=True)
class Spec:
    """A field: ``kind`` is a scalar kind, ``object``, ``list`` (rows), ``choices`` (a
    list of fixed values: checkboxes), ``map`` (key → number rows) or ``kept`` (edited in
    the YAML text only: the form leaves it as it is)."""

    kind: str
    name: str = ""
    label: str = ""  # message id
    help: str = ""  # message id (the model's description)
    required: bool = False
    model: str = ""  # the $defs name of an object (or of a list's rows)
    properties: tuple[Spec, ...] = ()
    item: Spec | None = None
    key: Spec | None = None
    options: tuple[tuple[str, str], ...] = ()  # (value, label in the form's language)
    minimum: float | None = None
    maximum: float | None = None

    @property
    def row_label(self) -> str:
        return ROW_LABELS.get(self.item.model if self.item else "", ITEM)


def section_specs(lang: Lang, values: dict[str, Any]) -> dict[str, Spec]:
    """The spec of each top-level section, with the enums of the strategy's knowledge base."""
    overrides = values.get("knowledge") if isinstance(values.get("knowledge"), dict) else None
    return _specs(lang, json.dumps(overrides or {}, sort_keys=True, default=str))


@functools.lru_cache(maxsize=16)
def _specs(lang: Lang, overrides: str) -> dict[str, Spec]:
    schema = strategy_schema(lang, knowledge_of({"knowledge": json.loads(overrides)}))
    walker = _Walker(schema.get("$defs", {}), lang)
    required = set(schema.get("required", []))
    return {
        name: walker.field(node, name, "Strategy", name in required)
        for name, node in schema["properties"].items()
    }


class _Walker:
    def __init__(self, defs: dict[str, Any], lang: Lang) -> None:
        self.defs = defs
        self.lang = lang

    def resolve(self, node: dict[str, Any]) -> tuple[dict[str, Any], str]:
        """The node behind a $ref or an optional value's anyOf, and its $defs name."""
        model = ""
        for _ in range(8):
            if "$ref" in node:
                model = node["$ref"].rsplit("/", 1)[-1]
                node = {**self.defs[model], **{k: v for k, v in node.items() if k != "$ref"}}
            elif "anyOf" in node or "oneOf" in node:
                options = node.get("anyOf") or node.get("oneOf") or []
                chosen: dict[str, Any] = next((o for o in options if o.get("type") != "null"), {})
                rest = {k: v for k, v in node.items() if k not in ("anyOf", "oneOf")}
                node = {**chosen, **rest}
            else:
                break
        return node, model

    def field(self, node: dict[str, Any], name: str, owner: str, required: bool) -> Spec:
        node, model = self.resolve(node)
        common = {
            "name": name,
            "label": FIELD_LABELS.get(name, node.get("title", name)),
            "help": node.get("description", ""),
            "required": required,
            "model": model,
        }
        kind = node.get("type")
        if "const" in node:
            return Spec("kept", **common)
        if kind == "object" or "properties" in node:
            return self._object(node, common)
        if kind == "array":
            return self._list(node, name, owner, common)
        if "enum" in node:
            return Spec("select", options=self._options(node, owner, name), **common)
        return self._scalar(node, common)

    def _object(self, node: dict[str, Any], common: dict[str, Any]) -> Spec:
        if "properties" in node:
            needed = set(node.get("required", []))
            props = tuple(
                self.field(child, key, common["model"], key in needed)
                for key, child in node["properties"].items()
            )
            return Spec("object", properties=props, **common)
        values = next(iter(node.get("patternProperties", {}).values()), None)
        if isinstance(node.get("additionalProperties"), dict):
            values = node["additionalProperties"]
        if values is None:
            return Spec("kept", **common)
        names = node.get("propertyNames", {})
        key = (
            Spec("select", options=self._options(names, "", ""))
            if "enum" in names
            else Spec("text")
        )
        return Spec("map", key=key, item=self._scalar(values, {"name": "value"}), **common)

    def _list(self, node: dict[str, Any], name: str, owner: str, common: dict[str, Any]) -> Spec:
        item = self.field(node.get("items", {}), name, owner, False)
        if item.kind == "select":
            return Spec("choices", options=item.options, item=item, **common)
        return Spec("list", item=item, **common)

    def _scalar(self, node: dict[str, Any], common: dict[str, Any]) -> Spec:
        kind = node.get("type")
        if kind in ("number", "integer"):
            return Spec(kind, minimum=node.get("minimum"), maximum=node.get("maximum"), **common)
        if kind == "boolean":
            return Spec("boolean", **common)
        if node.get("format") == "date":
            return Spec("date", **common)
        return Spec("text", **common)

    def _options(self, node: dict[str, Any], owner: str, name: str) -> tuple[tuple[str, str], ...]:
        ids = [str(v) for v in node["enum"]]
        names = node.get("enumDescriptions")
        if names:
            return tuple(zip(ids, names, strict=True))
        kind = VALUE_KINDS.get((owner, name))
        if kind is None:
            return tuple((i, i) for i in ids)
        return tuple((i, label(kind, i, self.lang)) for i in ids)
