"""Invitations by mail: sent when a mail server is configured, the link shown either way,
and a server that cannot be reached loses nothing (the page says to send the link)."""

from __future__ import annotations

import socket

import pytest
from django.core import mail
from django.urls import reverse

from stratege.web.models import Invitation
from stratege.web.roles import Role
from tests.web.conftest import World

pytestmark = pytest.mark.django_db


def _invite(world: World, email: str) -> str:
    client = world.client(Role.OWNER)
    url = reverse("web:invite", args=[world.own.slug])
    response = client.post(url, {"role": Role.APPROVER, "email": email}, follow=True)
    assert response.status_code == 200
    return response.content.decode()


def test_the_link_goes_by_mail_when_a_server_is_configured(world: World) -> None:
    page = _invite(world, "nina@example.org")  # the tests' in-memory outbox
    invitation = Invitation.objects.filter(workspace=world.own).latest("created_at")
    [message] = mail.outbox
    assert message.to == ["nina@example.org"]
    assert reverse("web:invitation", args=[invitation.token]) in message.body
    assert world.own.name in message.subject
    assert "nina@example.org" in page
    assert invitation.role == Role.APPROVER


def test_an_unreachable_server_loses_nothing(world: World, settings) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    settings.EMAIL_TIMEOUT = 2
    before = Invitation.objects.count()
    settings.LANGUAGE_CODE = "en"
    page = _invite(world, "nina@example.org")
    assert Invitation.objects.count() == before + 1
    assert "could not be sent" in page or "n’a pas pu partir" in page


def test_without_a_server_the_page_says_to_send_the_link(world: World, settings) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = ""
    page = _invite(world, "nina@example.org")
    assert "send the link below yourself" in page or "envoyez vous-même le lien" in page
    assert not mail.outbox
