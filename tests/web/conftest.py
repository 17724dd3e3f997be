"""Users of every role in a workspace made from a bundled example, and another workspace
they are not members of."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from stratege.web.models import Membership, Workspace
from stratege.web.roles import Role
from stratege.web.views.workspaces import create_workspace

PASSWORD = "correct horse battery staple"


@dataclass
class World:
    own: Workspace
    other: Workspace
    users: dict[str, object]  # role → user (a member of ``own`` only)

    def client(self, role: str | None) -> Client:
        client = Client()
        if role is not None:
            client.force_login(self.users[role])
        return client


@pytest.fixture
def world(db: None) -> World:
    users = {role: _user(role) for role in Role.values}
    own = create_workspace("Boulangeries Martin", users[Role.OWNER], "boulangeries-martin")
    for role, user in users.items():
        if role != Role.OWNER:
            Membership.objects.create(workspace=own, user=user, role=role)
    stranger = _user("stranger")
    other = create_workspace("Autre", stranger, "northwind-analytics")
    return World(own, other, users)


def _user(name: str) -> object:
    return get_user_model().objects.create_user(username=name, password=PASSWORD)
