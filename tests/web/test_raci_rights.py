"""The RACI drives rights on posts: the member linked to the person the plan names as a
post's approver is the only one who approves it, its publisher's the only one who
schedules or publishes it; unlinked, the roles decide. Members see their own queue."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from stratege.web.models import Membership, PlanRun, PostDraft
from stratege.web.roles import Role
from stratege.web.tasks import compute_plan
from tests.web.conftest import World


@pytest.fixture
def run(world: World) -> PlanRun:
    computed = PlanRun.objects.create(workspace=world.own, version=world.own.head())
    compute_plan.enqueue(computed.id)
    computed.refresh_from_db()
    assert computed.status == PlanRun.Status.DONE, computed.error
    return computed


def _member(world: World, role: str) -> Membership:
    return Membership.objects.get(workspace=world.own, user=world.users[role])


def _link(world: World, role: str, person: str) -> None:
    url = reverse("web:link_person", args=[world.own.slug, _member(world, role).id])
    assert world.client(Role.OWNER).post(url, {"person": person}).status_code == 302


def _set_status(world: World, role: str, record: dict[str, Any], status: str) -> Any:
    url = reverse("web:save_draft", args=[world.own.slug, record["id"]])
    return world.client(role).post(url, {"idea": "x", "text": "y", "status": status})


def _with_approver(run: PlanRun) -> dict[str, Any]:
    return next(r for r in run.slots if r["approver"] and r["publisher"])


@pytest.mark.django_db(transaction=True)
def test_only_the_linked_approver_approves_a_post(world: World, run: PlanRun) -> None:
    record = _with_approver(run)
    _link(world, Role.CONTRIBUTOR, record["approver"])
    refused = _set_status(world, Role.APPROVER, record, "approved")  # the role is not enough
    assert refused.status_code == 403
    name = run.summary["people"][record["approver"]]
    assert name in refused.content.decode() and record["channel"] in refused.content.decode()
    assert not PostDraft.objects.filter(slot_id=record["id"], status="approved").exists()
    assert _set_status(world, Role.CONTRIBUTOR, record, "approved").status_code == 302
    assert PostDraft.objects.get(slot_id=record["id"]).status == "approved"
    # drafting stays open to whoever drafts
    other = next(r for r in run.slots if r["id"] != record["id"])
    assert _set_status(world, Role.APPROVER, other, "drafted").status_code == 302


@pytest.mark.django_db(transaction=True)
def test_unlinked_the_roles_decide(world: World, run: PlanRun) -> None:
    record = _with_approver(run)
    assert _set_status(world, Role.CONTRIBUTOR, record, "approved").status_code == 403
    assert _set_status(world, Role.APPROVER, record, "approved").status_code == 302
    assert _set_status(world, Role.APPROVER, record, "published").status_code == 403
    assert _set_status(world, Role.EDITOR, record, "published").status_code == 302


@pytest.mark.django_db(transaction=True)
def test_the_linked_publisher_publishes(world: World, run: PlanRun) -> None:
    record = _with_approver(run)
    _link(world, Role.VIEWER, record["publisher"])  # a viewer cannot draft at all
    _link(world, Role.CONTRIBUTOR, record["publisher"])  # moves the link from the viewer
    assert _member(world, Role.VIEWER).person == ""
    assert _set_status(world, Role.EDITOR, record, "scheduled").status_code == 403
    assert _set_status(world, Role.CONTRIBUTOR, record, "scheduled").status_code == 302


@pytest.mark.django_db(transaction=True)
def test_members_page_says_who_approves_and_publishes_each_channel(
    world: World, run: PlanRun
) -> None:
    record = _with_approver(run)
    _link(world, Role.EDITOR, record["approver"])
    page = world.client(Role.VIEWER).get(reverse("web:members", args=[world.own.slug]))
    duties = {d["channel"]: d for d in page.context["duties"]}
    approvers = duties[record["channel"]]["approvers"]
    assert {"name": run.summary["people"][record["approver"]], "user": "editor"} in approvers
    bad = reverse("web:link_person", args=[world.own.slug, _member(world, Role.EDITOR).id])
    assert world.client(Role.OWNER).post(bad, {"person": "nobody"}).status_code == 400


@pytest.mark.django_db(transaction=True)
def test_my_posts_follow_the_raci(world: World, run: PlanRun) -> None:
    record = _with_approver(run)
    person = record["approver"]
    _link(world, Role.CONTRIBUTOR, person)
    queue_url = reverse("web:queue", args=[world.own.slug])
    before = world.client(Role.CONTRIBUTOR).get(queue_url).context["lists"]
    assert dict((n, total) for n, _, total in before)["approve"] == 0
    assert _set_status(world, Role.EDITOR, record, "drafted").status_code == 302
    after = dict(
        (n, posts) for n, posts, _ in world.client(Role.CONTRIBUTOR).get(queue_url).context["lists"]
    )
    assert [p["id"] for p in after["approve"]] == [record["id"]]
    produced = [r for r in run.slots if person in r["producers"].values()]
    assert bool(after["produce"]) == bool(produced)
    unlinked = world.client(Role.VIEWER).get(queue_url)
    assert unlinked.status_code == 200 and "members" in unlinked.content.decode()
