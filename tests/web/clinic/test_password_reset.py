"""Password reset by e-mail through Django's mail backend."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from pytest_django.fixtures import Settings as SettingsWrapper

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def multi_user(settings: SettingsWrapper) -> None:
    settings.PERSONAL_MODE = False
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def test_a_reset_link_by_mail_sets_a_new_password(client: Client) -> None:
    User.objects.create_user(username="ana", email="ana@example.org", password="old long words 1")
    response = client.post("/accounts/password-reset/", {"email": "ana@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ana@example.org"]
    assert "ana" in message.body
    link = re.search(r"https?://[^/]+(/accounts/reset/\S+)", str(message.body))
    assert link is not None
    form = client.get(link.group(1), follow=True)
    assert form.status_code == 200
    assert b"Choose a new password" in form.content
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "fresh long words 2", "new_password2": "fresh long words 2"},
    )
    assert done.status_code == 302
    assert User.objects.get(username="ana").check_password("fresh long words 2")


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client: Client) -> None:
    response = client.post("/accounts/password-reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password-reset/sent/"
    assert mail.outbox == []


def test_a_used_link_no_longer_works(client: Client) -> None:
    User.objects.create_user(username="ana", email="ana@example.org", password="old long words 1")
    client.post("/accounts/password-reset/", {"email": "ana@example.org"})
    link = re.search(r"(/accounts/reset/\S+)", str(mail.outbox[0].body))
    assert link is not None
    form = client.get(link.group(1), follow=True)
    new = {"new_password1": "fresh long words 2", "new_password2": "fresh long words 2"}
    client.post(form.redirect_chain[-1][0], new)
    again = client.get(link.group(1), follow=True)
    assert b"has been used or has expired" in again.content


def test_the_reset_pages_need_no_sign_in(client: Client) -> None:
    assert client.get("/accounts/password-reset/").status_code == 200


def test_the_reset_mail_goes_out_over_smtp(client: Client, settings: SettingsWrapper) -> None:
    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Message as MessageHandler

    received: list[str] = []

    class Keep(MessageHandler):
        def handle_message(self, message: object) -> None:
            received.append(str(message))

    controller = Controller(Keep(), hostname="127.0.0.1", port=8121)
    controller.start()
    try:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = 8121
        settings.EMAIL_USE_TLS = False
        settings.DEFAULT_FROM_EMAIL = "clinic@example.org"
        User.objects.create_user(username="ana", email="ana@example.org", password="old words 1!")
        client.post("/accounts/password-reset/", {"email": "ana@example.org"})
    finally:
        controller.stop()
    assert len(received) == 1
    assert "To: ana@example.org" in received[0]
    assert "From: clinic@example.org" in received[0]
    assert "/accounts/reset/" in received[0]
