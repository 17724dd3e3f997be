"""The forms of a question page: its sections' fields generated from the strategy schema,
read back into the sections' YAML (so a form's save takes the same path as the text's: a
new version, the same refusal of lost updates), live diagnostics from the fields, and the
knowledge base's suggestions with their buttons.
"""

from __future__ import annotations

import functools
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from stratege.services import strategies, suggestions
from stratege.strategy import StrategyFileError
from stratege.strategy.sections import ORDER
from stratege.web.access import workspace_view
from stratege.web.derived import EDITED_SECTIONS, sections_of
from stratege.web.forms.posted import Posted, Rows, read_form
from stratege.web.forms.render import FormRenderer
from stratege.web.forms.spec import Spec, section_specs
from stratege.web.language import gettext_for, lang_of
from stratege.web.models import Membership, StrategyVersion, Workspace
from stratege.web.roles import EDIT
from stratege.web.views.common import question_or_404

FORM_MODE = "form"  # the value of `mode` a form's save and diagnosis send


class FormUnreadable(ValueError):
    """The posted fields hold values that are not numbers or dates where they must be."""

    def __init__(self, posted: Posted) -> None:
        super().__init__(", ".join(posted.errors))
        self.posted = posted


def is_form(request: HttpRequest) -> bool:
    return bool(request.POST.get("mode") == FORM_MODE)


def saved_sections(workspace: Workspace, base: int, number: int) -> str:
    """The question's sections in the version a form was made from."""
    version = workspace.versions.filter(number=base).first()
    return (sections_of(version, number) or "") if version else ""


def posted_text(request: HttpRequest, workspace: Workspace, number: int, base: int) -> str:
    """The question's sections as YAML after the posted form's changes, written into the
    text the form was made from (comments and order of the rest kept). Raises
    :class:`FormUnreadable` when a field cannot be read."""
    saved_text = saved_sections(workspace, base, number)
    keys = EDITED_SECTIONS[number]
    saved = _values(saved_text, keys)
    specs = section_specs(lang_of(request), _whole(workspace, saved))
    posted = read_form(request.POST, specs, keys, saved)
    if posted.errors:
        raise FormUnreadable(posted)
    return strategies.sections_text(
        strategies.with_section_values_text(saved_text, posted.values), keys
    )


def problems_of(request: HttpRequest, posted: Posted) -> list[str]:
    _ = gettext_for(request)
    return [
        _("{field}: {problem}", field=name, problem=_(error))
        for name, error in posted.errors.items()
    ]


def form_context(
    request: HttpRequest,
    workspace: Workspace,
    number: int,
    text: str,
    posted: Posted | None = None,
    focus: str = "",
) -> dict[str, Any]:
    """What the page needs to show the form: its HTML and the ids of its fields by path
    (``form_html`` is None when the sections' text is not YAML: the text must be fixed)."""
    keys = EDITED_SECTIONS[number]
    if posted is not None:
        values = posted.values
    else:
        try:
            values = _values(text, keys)
        except StrategyFileError:
            return {"form_html": None, "anchors": {}}
    lang = lang_of(request)
    whole = _whole(workspace, _plain(values))
    renderer = FormRenderer(
        lang,
        reverse("web:question_form", args=[workspace.slug, number]),
        errors=_messages(request, posted),
        suggestions=suggestions.suggestions(whole, lang),
        focus=focus,
    )
    html = renderer.sections(section_specs(lang, whole), keys, values)
    return {"form_html": html, "anchors": renderer.anchors}


def anchored(findings: list[dict[str, Any]], anchors: dict[str, str]) -> list[dict[str, Any]]:
    """Each finding with the id of the field it is about (its nearest shown ancestor)."""
    return [{**f, "anchor": _anchor(str(f.get("path") or ""), anchors)} for f in findings]


def _anchor(path: str, anchors: dict[str, str]) -> str:
    while path:
        if path in anchors:
            return anchors[path]
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return ""


@workspace_view(EDIT)
@require_POST
def question_form(
    request: HttpRequest, workspace: Workspace, membership: Membership, number: int
) -> HttpResponse:
    """The form again after a row is added or removed or a suggestion applied (nothing is
    saved), with the findings of what it now holds."""
    question_or_404(number)
    try:
        base = int(request.POST.get("base", "0"))
    except ValueError:
        base = 0
    keys = EDITED_SECTIONS[number]
    saved_text = saved_sections(workspace, base, number)
    saved = _values(saved_text, keys)
    lang = lang_of(request)
    specs = section_specs(lang, _whole(workspace, saved))
    posted = read_form(request.POST, specs, keys, saved, keep_empty_rows=True)
    op, _, target = request.POST.get("op", "").partition(":")
    focus = ""
    if op == "add":
        focus = _add_row(posted.values, target, specs)
    elif op == "remove":
        _remove_row(posted.values, target)
    elif op == "apply" and not posted.errors:
        whole = suggestions.apply_suggestion(_whole(workspace, _plain(posted.values)), target, lang)
        posted.values = {k: whole.get(k) for k in keys if k in posted.values or whole.get(k)}
    context = form_context(request, workspace, number, "", posted, focus)
    findings, problems = _diagnosis(request, workspace, number, saved_text, posted)
    return render(
        request,
        "web/_section_fields.html",
        {
            **context,
            "workspace": workspace,
            "findings": anchored(findings, context["anchors"]),
            "problems": problems,
            "oob": True,
        },
    )


def _diagnosis(
    request: HttpRequest, workspace: Workspace, number: int, saved_text: str, posted: Posted
) -> tuple[list[dict[str, Any]], list[str]]:
    from stratege.web.views.strategy import _diagnose_sections

    if posted.errors:
        return [], problems_of(request, posted)
    text = strategies.sections_text(
        strategies.with_section_values_text(saved_text, _plain(posted.values)),
        EDITED_SECTIONS[number],
    )
    return _diagnose_sections(request, workspace.head(), text, number)


# --- rows ----------------------------------------------------------------------------------


def _container(values: dict[str, Any], target: str) -> tuple[Any, str]:
    """The list or mapping holding the element at the dotted ``target`` and its last part."""
    parts = target.split(".")
    node: Any = values
    for part in parts[:-1]:
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return None, ""
    return node, parts[-1]


def _add_row(values: dict[str, Any], target: str, specs: dict[str, Spec]) -> str:
    """Adds an empty row to the list (or mapping) at ``target``; the new row's name."""
    parent, last = _container(values, target)
    spec = _spec_at(specs, target)
    if not isinstance(parent, dict) or spec is None or spec.kind not in ("list", "map"):
        return ""
    current = parent.get(last)
    if spec.kind == "map":
        entries = dict(current) if isinstance(current, dict) else {}
        entries[f"?{len(entries)}"] = ""
        parent[last] = entries
        return f"{target}.{len(entries) - 1}.key"
    rows = current if isinstance(current, list) else []
    origins = rows.origins if isinstance(rows, Rows) else list(range(len(rows)))
    item = spec.item
    empty: Any = {} if item is not None and item.kind in ("object", "map") else ""
    parent[last] = Rows([*rows, empty], [*origins, None])
    return f"{target}.{len(rows)}"


def _spec_at(specs: dict[str, Spec], target: str) -> Spec | None:
    """The spec of the field at the dotted ``target`` (row indexes step into items)."""
    parts = target.split(".")
    spec = specs.get(parts[0])
    for part in parts[1:]:
        if spec is None:
            return None
        if part.isdigit():
            spec = spec.item
        else:
            spec = next((p for p in spec.properties if p.name == part), None)
    return spec


def _remove_row(values: dict[str, Any], target: str) -> None:
    parent, last = _container(values, target)
    if not last.isdigit():
        return
    index = int(last)
    if isinstance(parent, Rows) and index < len(parent):
        del parent[index]
        del parent.origins[index]
    elif isinstance(parent, list) and index < len(parent):
        del parent[index]
    elif isinstance(parent, dict) and index < len(parent):
        del parent[list(parent)[index]]


# --- values --------------------------------------------------------------------------------


def _values(text: str, keys: tuple[str, ...]) -> dict[str, Any]:
    return strategies.section_values(text, keys) if text.strip() else {}


def _whole(workspace: Workspace, sections: dict[str, Any]) -> dict[str, Any]:
    """The whole strategy's values (the latest version's), with ``sections`` as edited."""
    head: StrategyVersion | None = workspace.head()
    whole = dict(_version_values(head.id, head.yaml_text)) if head is not None else {}
    whole.update({k: v for k, v in sections.items() if v is not None})
    return whole


@functools.lru_cache(maxsize=64)
def _version_values(version_id: int, text: str) -> dict[str, Any]:
    """A saved version's values, read once per process (a version never changes; the
    result is shared: never change it in place)."""
    try:
        return strategies.section_values(text, ORDER)
    except StrategyFileError:
        return {}


def _plain(value: Any) -> Any:
    """Values read for showing (new rows kept empty) as a strategy holds them."""
    if isinstance(value, dict):
        return {
            k: _plain(v)
            for k, v in value.items()
            if not str(k).startswith("?") and v not in ("", {}, None)
        }
    if isinstance(value, list):
        return [_plain(v) for v in value if v not in ("", {}, None)]
    return value


def _messages(request: HttpRequest, posted: Posted | None) -> dict[str, str]:
    if posted is None:
        return {}
    _ = gettext_for(request)
    return {name: _(error) for name, error in posted.errors.items()}


__all__ = ["FORM_MODE", "anchored", "form_context", "posted_text"]
