"""The web application's journeys through Django's test client, on the real database
(SQLite here; PostgreSQL when CI runs them with DATABASE_URL)."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from stratege.services import strategies
from stratege.web.models import Invitation, Membership, PlanRun, PostDraft, SetupLink, Workspace
from stratege.web.roles import Role
from stratege.web.views.common import EDITED_SECTIONS
from tests.web.conftest import PASSWORD, World

pytestmark = pytest.mark.django_db


def test_the_setup_link_creates_the_first_administrator_once(client: Client, settings) -> None:
    from stratege.web import settings as production

    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS  # Argon2, as served
    link = SetupLink.objects.create()
    url = reverse("web:setup", args=[link.token])
    assert client.get(url).status_code == 200
    form = {"username": "claire", "password1": PASSWORD, "password2": PASSWORD}
    assert client.post(url, form).status_code == 302
    admin = get_user_model().objects.get(username="claire")
    assert admin.is_superuser and admin.password.startswith("argon2")
    assert Client().get(url).status_code == 404  # once


def test_sign_in_is_throttled_after_five_failures(world: World) -> None:
    client = Client()
    for _ in range(5):
        client.post(reverse("web:login"), {"username": "editor", "password": "wrong"})
    response = client.post(reverse("web:login"), {"username": "editor", "password": PASSWORD})
    assert response.status_code in (403, 429)  # locked out, even with the right password


def test_an_invitation_link_makes_a_member_with_its_role(world: World) -> None:
    invite = Invitation.objects.create(
        workspace=world.own, role=Role.CONTRIBUTOR, created_by=world.users[Role.OWNER]
    )
    client = Client()
    form = {"username": "nina", "password1": PASSWORD, "password2": PASSWORD}
    response = client.post(reverse("web:invitation", args=[invite.token]), form)
    assert response.status_code == 302
    member = Membership.objects.get(workspace=world.own, user__username="nina")
    assert member.role == Role.CONTRIBUTOR
    assert Client().get(reverse("web:invitation", args=[invite.token])).context["expired"]


def test_the_dashboard_counts_findings_per_question(world: World) -> None:
    response = world.client(Role.VIEWER).get(reverse("web:dashboard", args=[world.own.slug]))
    assert response.status_code == 200
    rows = response.context["rows"]
    assert len(rows) == 11
    assert sum(r["errors"] + r["warnings"] + r["infos"] for r in rows) > 0


def _question(world: World, number: int, role: str = Role.EDITOR) -> dict:
    response = world.client(role).get(reverse("web:question", args=[world.own.slug, number]))
    assert response.status_code == 200
    return response.context


def test_live_diagnostics_appear_and_disappear_as_the_text_changes(world: World) -> None:
    text = _question(world, 7)["text"]
    url = reverse("web:diagnose_question", args=[world.own.slug, 7])
    editor = world.client(Role.EDITOR)
    before = editor.post(url, {"text": text}).context["findings"]
    broken = editor.post(url, {"text": "cadence: [\n"})
    assert broken.context["problems"] and "YAML" in broken.content.decode()
    emptied = editor.post(url, {"text": ""}).context["findings"]
    assert {f["code"] for f in emptied} != {f["code"] for f in before}
    again = editor.post(url, {"text": text}).context["findings"]
    assert [f["code"] for f in again] == [f["code"] for f in before]


def test_saving_a_question_makes_a_version_and_keeps_comments(world: World) -> None:
    context = _question(world, 7)
    text = context["text"].replace("posts: 1\n", "posts: 2\n", 1)
    assert "# " in text  # the example's comments are in the editor
    url = reverse("web:save_question", args=[world.own.slug, 7])
    response = world.client(Role.EDITOR).post(url, {"text": text, "base": 1, "message": "m"})
    assert response.status_code == 302
    head = world.own.head()
    assert head is not None and head.number == 2 and head.message == "m"
    assert strategies.sections_text(head.yaml_text, EDITED_SECTIONS[7]) == text
    first = world.own.versions.get(number=1).yaml_text
    # every other question is untouched, byte for byte
    for number, keys in EDITED_SECTIONS.items():
        if number != 7:
            assert strategies.sections_text(head.yaml_text, keys) == strategies.sections_text(
                first, keys
            )


def test_a_save_from_an_older_version_never_overwrites_the_same_question(world: World) -> None:
    text = _question(world, 8)["text"]
    url = reverse("web:save_question", args=[world.own.slug, 8])
    first = text + "\n# theirs\n"
    assert world.client(Role.EDITOR).post(url, {"text": first, "base": 1}).status_code == 302
    second = text + "\n# mine\n"
    refused = world.client(Role.OWNER).post(url, {"text": second, "base": 1})
    assert refused.status_code == 409
    assert refused.context["conflict"] and refused.context["theirs"]
    assert world.own.head().number == 2  # nothing overwritten
    # a save of another question from the same old version goes through (merged)
    other = _question(world, 2)["text"] + "\n# ok\n"
    url2 = reverse("web:save_question", args=[world.own.slug, 2])
    assert world.client(Role.OWNER).post(url2, {"text": other, "base": 1}).status_code == 302
    head = world.own.head()
    assert head.number == 3 and "# ok" in head.yaml_text and "# theirs" in head.yaml_text


def test_upload_and_download_keep_the_file_as_written(world: World) -> None:
    text = strategies.example_text("mairie-rives")
    upload = io.BytesIO(text.encode("utf-8"))
    upload.name = "mairie.yaml"
    response = world.client(Role.EDITOR).post(
        reverse("web:upload", args=[world.own.slug]), {"file": upload}
    )
    assert response.status_code == 302
    downloaded = world.client(Role.VIEWER).get(reverse("web:download", args=[world.own.slug]))
    assert downloaded.content.decode("utf-8") == text


def test_a_broken_upload_is_refused_with_located_problems(world: World) -> None:
    upload = io.BytesIO(b"period: {start: 2027-02-30}\n")
    upload.name = "bad.yaml"
    response = world.client(Role.EDITOR).post(
        reverse("web:upload", args=[world.own.slug]), {"file": upload}
    )
    assert response.status_code == 400
    assert "bad.yaml:1" in response.content.decode()
    assert world.own.versions.count() == 1


@pytest.mark.django_db(transaction=True)
def test_submit_approve_then_plan_calendar_draft_pack_and_feed(world: World) -> None:
    slug = world.own.slug
    editor, approver = world.client(Role.EDITOR), world.client(Role.APPROVER)
    assert editor.post(reverse("web:submit", args=[slug, 1])).status_code == 302
    response = approver.post(
        reverse("web:review", args=[slug, 1]), {"decision": "approve", "comment": "OK"}
    )
    assert response.status_code == 302
    world.own.refresh_from_db()
    assert world.own.approved().number == 1
    run = PlanRun.objects.get(workspace=world.own)  # computed on approval
    assert run.status == PlanRun.Status.DONE, run.error
    plan_page = world.client(Role.VIEWER).get(reverse("web:plan", args=[slug]))
    assert plan_page.context["summary"]["posts"] > 100
    calendar = world.client(Role.VIEWER).get(reverse("web:calendar", args=[slug]))
    assert calendar.status_code == 200 and b'id="calendar"' in calendar.content
    month = world.client(Role.VIEWER).get(reverse("web:month", args=[slug, 2027, 1]))
    assert month.status_code == 200
    first_post = next(p for week in month.context["weeks"] for _, _, posts in week for p in posts)
    draft_url = reverse("web:save_draft", args=[slug, first_post["id"]])
    form = {"idea": "Galette", "text": "La galette est de retour !", "status": "drafted"}
    assert world.client(Role.CONTRIBUTOR).post(draft_url, form).status_code == 302
    assert PostDraft.objects.get(workspace=world.own, slot_id=first_post["id"]).status == "drafted"
    assert world.client(Role.VIEWER).post(draft_url, form).status_code == 403
    pack = world.client(Role.VIEWER).get(reverse("web:pack", args=[slug]))
    archive = zipfile.ZipFile(io.BytesIO(pack.content))
    assert "fr/strategie.html" in archive.namelist() and "plan/calendar.ics" in archive.namelist()
    cover = archive.read("fr/strategie.html").decode().replace("\u00a0", " ").replace("\u202f", " ")
    assert "version 1, validée par approver le" in cover and "« OK »" in cover
    feed = Client().get(reverse("web:feed", args=[Workspace.objects.get(slug=slug).ics_token]))
    assert feed.status_code == 200 and feed.content.startswith(b"BEGIN:VCALENDAR")


def test_pages_are_in_the_user_language(world: World) -> None:
    viewer = world.client(Role.VIEWER)
    viewer.post(reverse("web:language"), {"language": "en", "next": "/"})
    english = viewer.get(reverse("web:dashboard", args=[world.own.slug])).content.decode()
    viewer.post(reverse("web:language"), {"language": "fr", "next": "/"})
    french = viewer.get(reverse("web:dashboard", args=[world.own.slug])).content.decode()
    assert "Diagnostics per question" in english and "Diagnostics per question" not in french
    assert 'lang="fr"' in french and 'lang="en"' in english


def test_every_page_sends_a_strict_content_security_policy(world: World) -> None:
    response = world.client(Role.OWNER).get(reverse("web:dashboard", args=[world.own.slug]))
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response.headers["X-Frame-Options"] == "DENY"
    body = response.content.decode()
    assert "<script>" not in body and "style=" not in body
