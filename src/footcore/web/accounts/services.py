"""Account use cases."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest

LOCAL_RUNNER = "runner"


def local_runner() -> User:
    """The single user of personal mode, created the first time it is needed."""
    try:
        return User.objects.get(username=LOCAL_RUNNER)
    except User.DoesNotExist:
        with transaction.atomic():
            user, _ = User.objects.get_or_create(username=LOCAL_RUNNER)
        return user


def create_user(*, username: str, password: str, email: str = "") -> User:
    """A multi-user-mode account; the password is validated and hashed with Argon2."""
    from django.contrib.auth.password_validation import validate_password

    validate_password(password, user=User(username=username, email=email))
    with transaction.atomic():
        return User.objects.create_user(username=username, email=email, password=password)


def current_user(request: HttpRequest) -> User:
    """The signed-in user (or personal mode's runner) behind a request.

    Login is enforced by middleware; this turns the type from "user or anonymous"
    into a user and refuses, rather than trusts, an anonymous request that slipped by.
    """
    user = request.user
    if not user.is_authenticated or not isinstance(user, User):
        raise PermissionDenied("sign in first")
    return user
