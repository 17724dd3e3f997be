"""A workspace exported as one ZIP (its owners), and a ZIP imported as a new workspace
(anyone signed in, who becomes its only member): see :mod:`stratege.web.archive`."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_POST

from stratege.web.access import signed_in, workspace_view
from stratege.web.archive import (
    ArchiveRefused,
    export_workspace,
    read_archive,
    restore,
    unmatched_people,
)
from stratege.web.archive_checks import megabytes
from stratege.web.language import gettext_for, lang_of
from stratege.web.models import Membership, Workspace
from stratege.web.roles import MANAGE, Role


@workspace_view(MANAGE)
@require_GET
def export(request: HttpRequest, workspace: Workspace, membership: Membership) -> HttpResponse:
    response = HttpResponse(export_workspace(workspace), content_type="application/zip")
    name = f"{workspace.slug}-workspace.zip"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@signed_in
@require_POST
def import_archive(request: HttpRequest) -> HttpResponse:
    """The uploaded archive as a new workspace, or the page that says why it is refused
    (nothing is then written)."""
    _ = gettext_for(request)
    uploaded = request.FILES.get("file")
    limit = settings.MAX_WORKSPACE_ARCHIVE_BYTES
    if uploaded is None:
        return _refused(request, _("Choose a ZIP file exported by Stratège."))
    if uploaded.size is None or uploaded.size > limit:
        size = megabytes(uploaded.size or 0)
        refusal = ArchiveRefused("too_large", size=size, limit=megabytes(limit))
        return _refused(request, refusal.message(lang_of(request)))
    try:
        archive = read_archive(uploaded.read(limit + 1))
    except ArchiveRefused as refused:
        return _refused(request, refused.message(lang_of(request)))
    name = request.POST.get("name", "").strip()[:200] or None
    workspace = restore(archive, request.user, name)
    roles = dict(Role.choices)
    return render(
        request,
        "web/archive_imported.html",
        {
            "workspace": workspace,
            "archive": archive,
            "members": [(m.username, _(roles[m.role])) for m in archive.members],
            "unmatched": unmatched_people(archive),
        },
    )


def _refused(request: HttpRequest, problem: str) -> HttpResponse:
    return render(request, "web/archive_refused.html", {"problems": [problem]}, status=400)
