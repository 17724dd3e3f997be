"""``{% t "English text" name=value %}``: the text in the page's language, from the core's
catalogues (escaped like any other value)."""

from __future__ import annotations

from typing import Any

from django import template

from stratege.i18n.catalogue import translator

register = template.Library()


@register.simple_tag(takes_context=True)
def t(context: template.Context, message: str, **values: Any) -> str:
    lang = context.get("lang", "fr")
    return translator(lang if lang in ("fr", "en") else "fr")(message, **values)


@register.filter
def get_item(mapping: Any, key: Any) -> Any:
    """``mapping|get_item:key`` (a dict's value by a variable key)."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.filter
def can(membership: Any, permission: str) -> bool:
    """``membership|can:"edit"``: whether the member's role grants the permission."""
    from stratege.web.roles import allows

    return membership is not None and allows(membership.role, permission)


@register.filter
def get_pair(pairs: Any, key: str) -> Any:
    """The value paired with ``key`` in a list of (key, value) pairs."""
    return next((value for k, value in pairs if k == key), None)
