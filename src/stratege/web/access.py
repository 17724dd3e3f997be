"""Authorisation on every page: a view names the permission it needs, and the decorator
checks it for the workspace in the URL.

Anonymous visitors go to the login page; a signed-in user who is not a member of the
workspace gets 404 (a workspace's existence is not disclosed); a member whose role lacks
the permission gets 403 with the explanation of who may do it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from stratege.web.models import Membership, Workspace
from stratege.web.roles import EXPLANATIONS, PERMISSIONS, allows

View = Callable[..., HttpResponse]
PUBLIC = "public"  # no sign-in needed (login, setup link, invitation, calendar feed)
SIGNED_IN = "signed_in"  # any signed-in user (the list of their workspaces)


def permission_of(view: Any) -> str | None:
    """The permission a view declared (None: it declared none, which the test refuses)."""
    return getattr(view, "stratege_permission", None)


def public(view: View) -> View:
    view.stratege_permission = PUBLIC  # type: ignore[attr-defined]
    return view


def signed_in(view: View) -> View:
    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    wrapped.stratege_permission = SIGNED_IN  # type: ignore[attr-defined]
    return wrapped


def workspace_view(permission: str) -> Callable[[View], View]:
    """The view receives ``(request, workspace, membership, **the URL's other values)``."""

    def decorate(view: View) -> View:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, slug: str, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            membership = (
                Membership.objects.select_related("workspace")
                .filter(workspace__slug=slug, user=request.user)
                .first()
            )
            if membership is None:
                raise Http404
            if not allows(membership.role, permission):
                return forbidden(request, membership.workspace, membership, permission)
            return view(request, membership.workspace, membership, *args, **kwargs)

        wrapped.stratege_permission = permission  # type: ignore[attr-defined]
        return wrapped

    return decorate


def forbidden(
    request: HttpRequest, workspace: Workspace, membership: Membership, permission: str
) -> HttpResponse:
    roles = [role for role, granted in PERMISSIONS.items() if permission in granted]
    return render(
        request,
        "web/forbidden.html",
        {
            "workspace": workspace,
            "membership": membership,
            "explanation": EXPLANATIONS.get(permission, permission),
            "roles": roles,
        },
        status=403,
    )
