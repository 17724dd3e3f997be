"""Who may do what in a workspace: five roles, each a set of permissions.

Every view names the one permission it needs (:func:`stratege.web.access.workspace_view`);
the authorisation test walks the URL configuration and checks each URL against this table
for every role, so a new page cannot escape it.
"""

from __future__ import annotations

from django.db import models

from stratege.i18n.catalogue import N_


class Role(models.TextChoices):
    OWNER = "owner", N_("Workspace owner")
    EDITOR = "editor", N_("Editor")
    APPROVER = "approver", N_("Strategy approver")
    CONTRIBUTOR = "contributor", N_("Contributor")
    VIEWER = "viewer", N_("Viewer")


VIEW = "view"  # read the strategy, its diagnostics, versions, plan and downloads
DRAFT = "draft"  # write post ideas and drafts on the calendar
EDIT = "edit"  # change the strategy, upload it, ask for a plan, submit for approval
APPROVE = "approve"  # approve a submitted version or request changes
MANAGE = "manage"  # invite and remove members, change roles, the calendar feed's secret

PERMISSIONS: dict[str, frozenset[str]] = {
    "owner": frozenset({VIEW, DRAFT, EDIT, APPROVE, MANAGE}),
    "editor": frozenset({VIEW, DRAFT, EDIT}),
    "approver": frozenset({VIEW, DRAFT, APPROVE}),
    "contributor": frozenset({VIEW, DRAFT}),
    "viewer": frozenset({VIEW}),
}

EXPLANATIONS = {
    VIEW: N_("read the strategy, its diagnostics, its versions, the plan and the downloads"),
    DRAFT: N_("write post ideas and drafts in the calendar"),
    EDIT: N_("change the strategy, upload it, compute the plan, submit it for approval"),
    APPROVE: N_("approve a submitted version or ask for changes"),
    MANAGE: N_("invite members, change their roles, renew the calendar feed's secret"),
}


def allows(role: str, permission: str) -> bool:
    return permission in PERMISSIONS.get(role, frozenset())
