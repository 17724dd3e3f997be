"""The calendar of a computed plan: the posts feed, filters, the month table, and moving a
post — told what the move breaks before anything is saved, and the feed following it."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.test import Client
from django.urls import reverse

from stratege.services import planning, strategies
from stratege.web.models import PlanRun, PostDraft
from stratege.web.roles import Role
from stratege.web.tasks import compute_plan
from tests.web.conftest import World

JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def run(world: World) -> PlanRun:
    computed = PlanRun.objects.create(workspace=world.own, version=world.own.head())
    compute_plan.enqueue(computed.id)  # the tests' task backend runs it now
    computed.refresh_from_db()
    assert computed.status == PlanRun.Status.DONE, computed.error
    return computed


def _events(client: Client, slug: str, **query: str) -> list[dict[str, object]]:
    response = client.get(reverse("web:events", args=[slug]), query)
    assert response.status_code == 200
    return json.loads(response.content)


def _free_move(run: PlanRun) -> tuple[str, dt.datetime]:
    """A post and a time it can move to without breaking anything (found by the core)."""
    result = planning.plan_from_stored(strategies.parse(run.version.yaml_text), run.plan_json)
    for slot in result.plan.slots[5:]:
        for days in (1, 2, 3, -1, -2, 7):
            when = slot.start + dt.timedelta(days=days)
            if not planning.check_move(result, slot.id, when):
                return slot.id, when
    raise AssertionError("no free move in the plan")


@pytest.mark.django_db(transaction=True)
def test_the_feed_gives_the_posts_of_the_range_and_honours_filters(
    world: World, run: PlanRun
) -> None:
    viewer, slug = world.client(Role.VIEWER), world.own.slug
    january = _events(
        viewer, slug, start="2027-01-01T00:00:00+01:00", end="2027-02-01T00:00:00+01:00"
    )
    assert january and all(e["start"].startswith("2027-01") for e in january)  # type: ignore[union-attr]
    records = {r["id"]: r for r in run.slots}
    assert {e["id"] for e in january} == {
        i for i, r in records.items() if r["start"].startswith("2027-01")
    }
    assert all(str(e["url"]).endswith(f"/slots/{e['id']}/") for e in january)
    channel = str(records[str(january[0]["id"])]["channel"])
    only = _events(viewer, slug, start="2027-01-01", end="2027-02-01", channel=channel)
    assert only and all(records[str(e["id"])]["channel"] == channel for e in only)
    assert len(only) < len(january)
    person = next(p for r in run.slots for p in r["producers"].values() if p)
    theirs = _events(viewer, slug, start="2027-01-01", end="2027-02-01", person=person)
    assert theirs and all(
        person
        in {
            *records[str(e["id"])]["producers"].values(),
            records[str(e["id"])]["approver"],
            records[str(e["id"])]["publisher"],
        }
        for e in theirs
    )
    assert viewer.get(reverse("web:events", args=[slug]), {"start": "soon"}).status_code == 400


@pytest.mark.django_db(transaction=True)
def test_pages_read_the_stored_posts_not_the_plan(world: World, run: PlanRun) -> None:
    PlanRun.objects.filter(id=run.id).update(plan_json="")  # nothing left to read back
    viewer, slug = world.client(Role.VIEWER), world.own.slug
    slot_id = run.slots[0]["id"]
    assert viewer.get(reverse("web:calendar", args=[slug])).status_code == 200
    month = viewer.get(reverse("web:month", args=[slug, 2027, 1]))
    assert month.status_code == 200 and slot_id in month.content.decode()
    brief = viewer.get(reverse("web:slot", args=[slug, slot_id]))
    assert brief.status_code == 200 and run.slots[0]["channel"] in brief.content.decode()
    assert viewer.get(reverse("web:plan", args=[slug])).context["summary"]["posts"] == len(
        run.slots
    )


@pytest.mark.django_db(transaction=True)
def test_a_move_that_breaks_a_rule_is_explained_and_saved_only_when_confirmed(
    world: World, run: PlanRun
) -> None:
    editor, slug = world.client(Role.EDITOR), world.own.slug
    record = run.slots[3]
    planned = dt.datetime.fromisoformat(record["start"])
    url = reverse("web:move", args=[slug, record["id"]])
    odd = (planned + dt.timedelta(minutes=3)).strftime("%Y-%m-%dT%H:%M")
    refused = json.loads(editor.post(url, {"start": odd}, **JSON).content)
    assert refused["saved"] is False and any("5" in p for p in refused["problems"])
    assert not PostDraft.objects.filter(slot_id=record["id"], moved_to__isnull=False).exists()
    forced = json.loads(editor.post(url, {"start": odd, "force": "1"}, **JSON).content)
    assert forced["saved"] is True
    event = next(
        e
        for e in _events(editor, slug, start="2027-01-01", end="2028-01-01")
        if e["id"] == record["id"]
    )
    assert event["start"] == odd + ":00" and "moved" in str(event["className"]).split()  # type: ignore[operator]
    # back where the plan had it: nothing moved any more
    back = planned.strftime("%Y-%m-%dT%H:%M")
    assert json.loads(editor.post(url, {"start": back}, **JSON).content)["saved"] is True
    assert PostDraft.objects.get(slot_id=record["id"]).moved_to is None
    assert editor.post(url, {"start": "tomorrow"}, **JSON).status_code == 400


@pytest.mark.django_db(transaction=True)
def test_a_free_move_is_saved_and_the_brief_feed_and_table_follow_it(
    world: World, run: PlanRun
) -> None:
    editor, slug = world.client(Role.EDITOR), world.own.slug
    slot_id, when = _free_move(run)
    page = editor.post(
        reverse("web:move", args=[slug, slot_id]), {"start": when.strftime("%Y-%m-%dT%H:%M")}
    )
    assert page.status_code == 302  # without script: back to the brief
    brief = editor.get(reverse("web:slot", args=[slug, slot_id])).content.decode()
    assert when.strftime("%Y-%m-%d %H:%M") in brief
    month = editor.get(reverse("web:month", args=[slug, when.year, when.month])).content.decode()
    assert slot_id in month
    token = run.workspace.ics_token
    feed = Client().get(reverse("web:feed", args=[token])).content.decode()
    assert _event_start(feed, slot_id) == when.strftime("%Y%m%dT%H%M%S")
    assert _event_start(bytes(run.ics).decode(), slot_id) != when.strftime("%Y%m%dT%H%M%S")


def _event_start(ics: str, slot_id: str) -> str:
    """The DTSTART of the event whose UID is the post's."""
    event = ics.split(f"UID:{slot_id}@", 1)[1].split("END:VEVENT", 1)[0]
    return event.split("DTSTART", 1)[1].split(":", 1)[1].split("\r\n", 1)[0].strip()


@pytest.mark.django_db(transaction=True)
def test_the_brief_form_explains_a_refused_move_and_offers_to_confirm(
    world: World, run: PlanRun
) -> None:
    editor, slug = world.client(Role.EDITOR), world.own.slug
    record = run.slots[3]
    sunday_night = dt.datetime.fromisoformat(record["start"]).replace(hour=2, minute=30)
    page = editor.post(
        reverse("web:move", args=[slug, record["id"]]),
        {"start": sunday_night.strftime("%Y-%m-%dT%H:%M")},
    )
    body = page.content.decode()
    assert page.status_code == 200 and 'name="force"' in body
    assert "02:30" in body  # the refused time, said in the problem and kept in the field
    assert (
        world.client(Role.CONTRIBUTOR)
        .post(reverse("web:move", args=[slug, record["id"]]), {"start": "2027-01-05T09:30"})
        .status_code
        == 403
    )
