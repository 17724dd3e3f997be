"""The question pages' forms: generated from the schema for every section of every
example, saved through the same path as the YAML text (a new version, no lost update),
comments and order kept, live diagnostics, findings linked to fields, suggestions."""

from __future__ import annotations

import difflib
import html
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from stratege.knowledge import load_knowledge
from stratege.services import strategies
from stratege.services.schema import strategy_schema
from stratege.web.derived import EDITED_SECTIONS
from stratege.web.forms.labels import DESCRIPTIONS, FIELD_LABELS
from stratege.web.models import StrategyVersion, Workspace
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


def _ops(client: Client, workspace: Workspace, number: int, fields: _Fields, op: str) -> _Fields:
    """A row added or removed, or a suggestion applied: the form as the server sends it back."""
    url = reverse("web:question_form", args=[workspace.slug, number])
    response = client.post(url, fields.post(op=op))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'hx-swap-oob="true"' in page  # the findings come along
    start = _Fields(_page(client, workspace, number)).html.split('<div id="section-fields">')[0]
    return _Fields(start + page.split('<div id="findings"')[0] + "</form>")


def _changed(before: str, after: str) -> list[str]:
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def test_changing_one_field_changes_only_its_line_and_keeps_the_number_a_number(
    world: World,
) -> None:
    client, workspace = world.client(Role.EDITOR), world.own
    before = workspace.head().yaml_text
    fields = _Fields(_page(client, workspace, 8))
    assert fields.get("resources.people.1.hours_per_week") == "14"
    fields.set("resources.people.1.hours_per_week", "15,5")  # a decimal comma, as typed in French
    assert _save(client, workspace, 8, fields, message="Karim +1,5 h").status_code == 302
    after = workspace.head().yaml_text
    assert _changed(before, after) == ["-      hours_per_week: 14", "+      hours_per_week: 15.5"]
    assert workspace.head().message == "Karim +1,5 h"
    assert strategies.parse(after).strategy.resources.people[1].hours_per_week == 15.5


def test_a_date_stays_a_date_and_an_emptied_optional_field_is_removed(world: World) -> None:
    client, workspace = world.client(Role.EDITOR), world.own
    before = workspace.head().yaml_text
    fields = _Fields(_page(client, workspace, 2))
    fields.set("objectives.0.deadline", "2027-07-31")
    fields.set("objectives.1.deadline", "")
    assert _save(client, workspace, 2, fields).status_code == 302
    assert _changed(before, workspace.head().yaml_text) == [
        "-    deadline: 2027-06-30",
        "+    deadline: 2027-07-31",
        "-    deadline: 2027-12-31",
    ]


def test_a_row_added_and_another_removed_change_only_those_rows(world: World) -> None:
    client, workspace = world.client(Role.EDITOR), world.own
    before = workspace.head().yaml_text
    fields = _Fields(_page(client, workspace, 8))
    fields = _ops(client, workspace, 8, fields, "remove:resources.people.2")
    assert "Léa Fontaine" not in fields.html
    fields = _ops(client, workspace, 8, fields, "add:resources.tools")
    assert 'name="resources.tools.4.name"' in fields.html and " autofocus" in fields.html
    fields.set("resources.tools.4.name", "Figma")
    fields.set("resources.tools.4.category", "creation")
    assert _save(client, workspace, 8, fields).status_code == 302
    changed = _changed(before, workspace.head().yaml_text)
    assert "+    - {name: Figma, category: creation}" in changed
    assert [line for line in changed if line.startswith("+")] == [
        "+    - {name: Figma, category: creation}"
    ]
    assert len(changed) == 7 and "-      name: Léa Fontaine" in changed


def test_a_value_that_is_not_a_number_is_refused_at_its_field(world: World) -> None:
    client, workspace = world.client(Role.EDITOR), world.own
    fields = _Fields(_page(client, workspace, 7))
    fields.set("cadence.0.posts", "beaucoup")
    response = _save(client, workspace, 7, fields)
    assert response.status_code == 400
    assert workspace.versions.count() == 1
    page = response.content.decode()
    assert re.search(r'id="f-cadence-0-posts"[^>]*aria-invalid="true"', page)
    assert 'id="f-cadence-0-posts-error"' in page and "Écrivez un nombre" in page
    assert 'value="beaucoup"' in page  # what was typed is shown again, to correct


def test_a_value_the_model_refuses_is_reported_where_the_text_is(world: World) -> None:
    client, workspace = world.client(Role.EDITOR), world.own
    fields = _Fields(_page(client, workspace, 8))
    fields.set("resources.people.0.hours_per_week", "200")
    response = _save(client, workspace, 8, fields)
    assert response.status_code == 400
    assert any("resources.people[0].hours_per_week" in p for p in response.context["problems"])


def test_a_form_saved_from_an_older_version_is_refused_when_the_section_changed(
    world: World,
) -> None:
    workspace = world.own
    first, second = world.client(Role.EDITOR), world.client(Role.OWNER)
    mine, theirs = _Fields(_page(first, workspace, 7)), _Fields(_page(second, workspace, 7))
    theirs.set("cadence.2.posts", "3")
    assert _save(second, workspace, 7, theirs).status_code == 302
    mine.set("cadence.2.posts", "4")
    response = _save(first, workspace, 7, mine)
    assert response.status_code == 409 and workspace.versions.count() == 2
    assert "posts: 3" in response.context["theirs"]
    assert 'value="4"' in response.content.decode()  # the form still holds my change


def test_findings_link_to_fields_that_exist_on_the_page(
    world: World, examples: list[Workspace]
) -> None:
    client = world.client(Role.OWNER)
    linked = 0
    for workspace in [world.own, *examples]:
        for number in NUMBERS:
            response = client.get(reverse("web:question", args=[workspace.slug, number]))
            page = response.content.decode()
            for finding in response.context["findings"]:
                if finding["path"]:
                    assert finding["anchor"], (workspace.slug, finding["path"])
                    assert f'id="{finding["anchor"]}"' in page
                    assert f'href="#{finding["anchor"]}"' in page
                    linked += 1
    assert linked >= 2


def test_live_diagnostics_follow_the_fields(world: World) -> None:
    client, workspace = world.client(Role.EDITOR), world.own
    url = reverse("web:diagnose_question", args=[workspace.slug, 9])
    fields = _Fields(_page(client, workspace, 9))
    codes = {f["code"] for f in client.post(url, fields.post()).context["findings"]}
    fields.set("responsibilities.1.accountable.0", "")  # approving: nobody accountable any more
    response = client.post(url, fields.post())
    found = response.context["findings"]
    assert {f["code"] for f in found} - codes
    new = next(f for f in found if f["code"] not in codes)
    assert new["anchor"].startswith("f-responsibilities-1")
    assert f'href="#{new["anchor"]}"' in response.content.decode()
    bad = _Fields(_page(client, workspace, 7))
    bad.set("cadence.0.posts", "x")
    url7 = reverse("web:diagnose_question", args=[workspace.slug, 7])
    assert client.post(url7, bad.post()).context["problems"]


@pytest.mark.parametrize(("number", "kind"), [(7, "cadence"), (4, "kpis"), (6, "formats")])
def test_applied_suggestions_give_a_strategy_the_core_accepts(
    world: World, number: int, kind: str
) -> None:
    client, workspace = world.client(Role.EDITOR), world.own
    fields = _Fields(_page(client, workspace, number))
    keys = re.findall(r'name="op" value="apply:([^"]+)"', fields.html)
    wanted = [k for k in keys if k.split(":")[0].startswith(kind)]
    assert wanted, keys
    before = workspace.head().yaml_text
    for key in wanted[:2]:
        fields = _ops(client, workspace, number, fields, "apply:" + key)
    assert _save(client, workspace, number, fields).status_code == 302
    after = workspace.head().yaml_text
    assert after != before
    strategies.parse(after)  # valid
    assert all(line.startswith("+") or kind != "kpis" for line in _changed(before, after))


def test_the_kpi_suggestion_adds_the_recommended_indicators_of_the_objective(world: World) -> None:
    client, workspace = world.client(Role.EDITOR), world.own
    fields = _Fields(_page(client, workspace, 4))
    fields = _ops(client, workspace, 4, fields, "apply:kpis:notoriete-locale")
    assert _save(client, workspace, 4, fields).status_code == 302
    kpis = strategies.parse(workspace.head().yaml_text).strategy.kpis
    added = [k for k in kpis if k.objective == "notoriete-locale"]
    recommended = set(load_knowledge().objectives["visibility"].recommended_kpis)
    assert recommended <= {k.metric for k in added}


def test_every_field_of_the_model_has_its_words() -> None:
    schema = strategy_schema("en")
    names = set(schema["properties"])
    descriptions: set[str] = set()
    for model in schema["$defs"].values():
        names |= set(model.get("properties", {}))

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("description"), str):
                descriptions.add(node["description"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    assert names <= set(FIELD_LABELS), names - set(FIELD_LABELS)
    assert descriptions <= set(DESCRIPTIONS), descriptions - set(DESCRIPTIONS)


def test_the_form_pages_are_in_english_too(world: World) -> None:
    client = world.client(Role.EDITOR)
    client.post(reverse("web:language"), {"language": "en"})
    page = _page(client, world.own, 8)
    assert "Hours per week given to social media." in page and "Add: Person" in page


def test_only_editors_see_the_form(world: World) -> None:
    page = _page(world.client(Role.VIEWER), world.own, 8)
    assert 'id="fields-form"' not in page
    assert StrategyVersion.objects.filter(workspace=world.own).count() == 1
