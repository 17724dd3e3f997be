"""The question pages' forms: generated from the schema for every section of every
example, saved through the same path as the YAML text (a new version, no lost update),
comments and order kept, live diagnostics, findings linked to fields, suggestions."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from stratege.services import strategies
from stratege.web.derived import EDITED_SECTIONS
from stratege.web.models import Workspace
from stratege.web.roles import Role
from stratege.web.views.workspaces import create_workspace
from tests.web.conftest import World

pytestmark = pytest.mark.django_db
NUMBERS = sorted(EDITED_SECTIONS)


class _Fields:
    """The form's fields as a browser would send them (inputs, checked boxes, selects)."""

    def __init__(self, page: str) -> None:
        form = re.search(r'<form[^>]*id="fields-form".*?</form>', page, re.S)
        assert form, "no form on the page"
        self.html = form.group(0)
        self.data: list[tuple[str, str]] = []
        for tag in re.finditer(
            r"<(input|textarea|select)\b([^>]*)>(.*?)(?=<(?:input|textarea|select|/form)\b)",
            self.html,
            re.S,
        ):
            self._add(tag.group(1), tag.group(2), tag.group(3))

    def _add(self, kind: str, attributes: str, after: str) -> None:
        name = _attribute(attributes, "name")
        if name is None:
            return
        if kind == "textarea":
            self.data.append((name, html.unescape(after.split("</textarea>", 1)[0])))
        elif kind == "select":
            chosen = re.search(r'<option value="([^"]*)" selected>', after.split("</select>", 1)[0])
            self.data.append((name, html.unescape(chosen.group(1)) if chosen else ""))
        elif _attribute(attributes, "type") == "checkbox":
            if re.search(r"\schecked\b", attributes):
                self.data.append((name, html.unescape(_attribute(attributes, "value") or "on")))
        else:
            self.data.append((name, html.unescape(_attribute(attributes, "value") or "")))

    def get(self, name: str) -> str:
        return next(value for key, value in self.data if key == name)

    def set(self, name: str, value: str) -> None:
        self.data = [(k, value if k == name else v) for k, v in self.data]

    def without(self, prefix: str) -> None:
        self.data = [
            (k, v) for k, v in self.data if not (k == prefix or k.startswith(prefix + "."))
        ]

    def post(self, **extra: str) -> dict[str, list[str]]:
        sent: dict[str, list[str]] = {}
        for key, value in [*self.data, *extra.items()]:
            sent.setdefault(key, []).append(value)
        return sent


def _attribute(attributes: str, name: str) -> str | None:
    found = re.search(rf'\s{name}="([^"]*)"', attributes)
    return found.group(1) if found else None


def _page(client: Client, workspace: Workspace, number: int) -> str:
    response = client.get(reverse("web:question", args=[workspace.slug, number]))
    assert response.status_code == 200
    return response.content.decode()


def _save(client: Client, workspace: Workspace, number: int, fields: _Fields, **extra: str) -> Any:
    url = reverse("web:save_question", args=[workspace.slug, number])
    return client.post(url, fields.post(**extra))


@pytest.fixture
def examples(world: World) -> list[Workspace]:
    """A workspace per bundled example, owned by the world's owner."""
    owner = world.users[Role.OWNER]
    return [create_workspace(name, owner, name) for name in strategies.examples()]


def test_every_section_of_every_example_is_a_form_and_saves_back_byte_for_byte(
    world: World, examples: list[Workspace]
) -> None:
    client = world.client(Role.OWNER)
    for workspace in examples:
        before = workspace.head().yaml_text
        for number in NUMBERS:
            fields = _Fields(_page(client, workspace, number))
            assert len(fields.data) > 3, (workspace.slug, number)
            response = _save(client, workspace, number, fields)
            assert response.status_code == 302, (
                workspace.slug,
                number,
                response.context and response.context["problems"],
            )
        assert workspace.versions.count() == 1, workspace.slug  # nothing changed: no version
        assert workspace.head().yaml_text == before
