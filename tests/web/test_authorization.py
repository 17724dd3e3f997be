"""Authorisation on every URL, generated from the URL configuration: each URL is called as
an anonymous visitor, as each role of its own workspace, and by the same users for another
workspace, by GET and by POST; the status must be the one the view's declared permission
and the role table give. A URL whose view declares no permission fails the test, so a new
page cannot escape it."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import URLPattern, reverse

from stratege.web import urls
from stratege.web.access import PUBLIC, SIGNED_IN, permission_of
from stratege.web.models import Membership, PlanRun
from stratege.web.roles import PERMISSIONS, Role
from stratege.web.tasks import compute_plan
from tests.web.conftest import World

ROLES = [None, *Role.values]  # None: not signed in


def _arguments(pattern: URLPattern, world: World, workspace: Any, slot: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in pattern.pattern.converters:
        values[name] = {
            "slug": workspace.slug,
            "number": 1,
            "old": 1,
            "new": 1,
            "member_id": Membership.objects.filter(workspace=workspace).first().id,  # type: ignore[union-attr]
            "slot_id": slot,
            "year": 2027,
            "token": world.own.ics_token,
            "name": "workload",  # a chart of the plan
        }[name]
    return values


def _expected(permission: str, role: str | None, own: bool, method: str, allowed: int) -> set[int]:
    if permission == PUBLIC:
        return {allowed}
    if role is None:
        return {302}  # to the login page
    if permission == SIGNED_IN:
        return {allowed}
    if not own:
        return {404}  # another workspace does not exist for you
    if permission not in PERMISSIONS[role]:
        return {403}
    return {allowed}


class _NotRun:
    """Asking for a plan queues it and is authorised like any action; computing it again
    for every role would only slow this test down (the journeys compute plans)."""

    @staticmethod
    def enqueue(*_: object) -> None:
        return None


@pytest.mark.django_db(transaction=True)
def test_every_url_answers_every_role_as_the_role_table_says(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    run = PlanRun.objects.create(workspace=world.own, version=world.own.head())
    compute_plan.enqueue(run.id)  # the immediate backend of the tests: computed now
    run.refresh_from_db()
    monkeypatch.setattr("stratege.web.tasks.compute_plan", _NotRun)
    assert run.status == PlanRun.Status.DONE, run.error
    slot = _first_slot(run)
    checked, failures = 0, []
    for pattern in urls.urlpatterns:
        permission = permission_of(pattern.callback)
        assert permission is not None, f"{pattern.name} declares no permission"
        for own in (True, False):
            if "slug" not in pattern.pattern.converters and not own:
                continue
            workspace = world.own if own else world.other
            url = reverse(f"web:{pattern.name}", kwargs=_arguments(pattern, world, workspace, slot))
            for method in ("get", "post"):
                allowed = _allowed_status(world, url, method, pattern.name, own)
                for role in ROLES:
                    response = getattr(world.client(role), method)(url)
                    wanted = _expected(permission, role, own, method, allowed)
                    checked += 1
                    if response.status_code not in wanted:
                        failures.append((pattern.name, method, role, own, response.status_code))
    assert not failures, failures
    # URLs × methods × identities × workspaces (reported by the note of the issue)
    print(f"authorisation matrix: {checked} requests")
    assert checked >= 300


def _allowed_status(world: World, url: str, method: str, name: str, own: bool) -> int:
    """What a permitted user gets (the owner has every permission): 200 for a page, 302
    after an action, 405 for the other method, 400 for an action without its data."""
    status = getattr(world.client(Role.OWNER), method)(url).status_code
    assert status in (200, 302, 400, 404, 405, 409), (name, method, status)
    if own and name not in ("setup", "invitation"):  # their tokens are not in the URL
        assert status != 404, (name, method)
    return status


def _first_slot(run: PlanRun) -> str:
    from stratege.services import planning, strategies

    document = strategies.parse(run.version.yaml_text, "v.yaml")
    return planning.plan_from_stored(document, run.plan_json).plan.slots[0].id
