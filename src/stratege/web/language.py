"""The language of each page: the user's choice, else the browser's (French or English).

Page text comes from the core's gettext catalogues (``locale/*/LC_MESSAGES/web.po`` and the
others), through the ``{% t %}`` tag and :func:`gettext_for`; Django's own messages (forms,
validation) follow the same language through Django's translation machinery.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import translation

from stratege.i18n import Lang
from stratege.i18n.catalogue import Gettext, translator

SESSION_KEY = "stratege_lang"


def request_language(request: HttpRequest) -> Lang:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        profile = getattr(user, "profile", None)
        if profile is not None and profile.language in ("fr", "en"):
            return "en" if profile.language == "en" else "fr"
    chosen = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
    if chosen in ("fr", "en"):
        return chosen  # type: ignore[no-any-return]
    accepted = request.headers.get("Accept-Language", "").lower()
    if accepted.startswith("en"):
        return "en"
    return "fr"


def gettext_for(request: HttpRequest) -> Gettext:
    return translator(lang_of(request))


def lang_of(request: HttpRequest) -> Lang:
    lang = getattr(request, "lang", None)
    if lang == "en":
        return "en"
    if lang == "fr":
        return "fr"
    return request_language(request)


class UserLanguageMiddleware:
    """Sets ``request.lang`` and activates it for Django's own texts."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.lang = request_language(request)
        translation.activate(request.lang)
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", lang_of(request))
        translation.deactivate()
        return response


def language_context(request: HttpRequest) -> dict[str, Any]:
    return {"lang": lang_of(request)}
