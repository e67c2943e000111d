"""Account use cases."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

LOCAL_RUNNER = "runner"


def local_runner() -> AbstractBaseUser:
    """The single user of personal mode, created the first time it is needed."""
    user_model = get_user_model()
    try:
        return user_model.objects.get(username=LOCAL_RUNNER)
    except user_model.DoesNotExist:
        with transaction.atomic():
            user, _ = user_model.objects.get_or_create(username=LOCAL_RUNNER)
        return user


def create_user(*, username: str, password: str, email: str = "") -> AbstractBaseUser:
    """A multi-user-mode account; the password is validated and hashed with Argon2."""
    from django.contrib.auth.password_validation import validate_password

    user_model = get_user_model()
    candidate = user_model(username=username, email=email)
    validate_password(password, user=candidate)
    with transaction.atomic():
        user = user_model.objects.create_user(username=username, email=email, password=password)
    return user
