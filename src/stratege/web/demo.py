"""``stratege serve --demo``: one workspace per bundled example, each with its strategy
as a first version, owned by the administrators (and by the first one, once created)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction

from stratege.services import strategies
from stratege.web.models import Membership, StrategyVersion, Workspace
from stratege.web.roles import Role


def create_demo() -> list[str]:
    created = []
    with transaction.atomic():
        for name in strategies.examples():
            slug = f"demo-{name}"
            if Workspace.objects.filter(slug=slug).exists():
                continue
            workspace = Workspace.objects.create(slug=slug, name=f"Démo — {name}")
            StrategyVersion.objects.create(
                workspace=workspace,
                number=1,
                yaml_text=strategies.example_text(name),
                message=name,
            )
            created.append(f"demo: /w/{slug}/")
        adopt_orphans()
    return created


def adopt_orphans() -> None:
    """Every administrator owns the workspaces that have no owner (the demo's)."""
    admins = list(get_user_model().objects.filter(is_superuser=True))
    for workspace in Workspace.objects.exclude(members__role=Role.OWNER):
        for admin in admins:
            Membership.objects.get_or_create(
                workspace=workspace, user=admin, defaults={"role": Role.OWNER}
            )
