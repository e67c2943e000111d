"""Account use cases."""

from __future__ import annotations

from functools import lru_cache

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.http import HttpRequest

LOCAL_RUNNER = "runner"


_RUNNER_FIELDS = ("id", "username", "is_active", "is_staff", "is_superuser")
"""What a request asks of personal mode's runner; the other fields load when read."""


def local_runner() -> User:
    """The single user of personal mode, created the first time it is needed.

    Read on every request in personal mode, so by one fixed statement rather than a
    query built by the ORM (about 0.2 ms of CPU a request, bench/log_throughput.py)."""
    with connection.cursor() as cursor:
        cursor.execute(_runner_sql(), [LOCAL_RUNNER])
        found = cursor.fetchone()
    if found is not None:
        return User.from_db(connection.alias, _runner_fields(), [*found])
    with transaction.atomic():
        user, _ = User.objects.get_or_create(username=LOCAL_RUNNER)
    return user


@lru_cache(maxsize=1)
def _runner_fields() -> tuple[str, ...]:
    """`_RUNNER_FIELDS` in the model's own order, as `Model.from_db` takes them."""
    return tuple(f.attname for f in User._meta.concrete_fields if f.attname in _RUNNER_FIELDS)


@lru_cache(maxsize=4)
def _runner_sql() -> str:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(name) for name in _runner_fields())
    # Only names from the model are formatted in; the username is a parameter.
    table = quote(User._meta.db_table)
    return f"SELECT {columns} FROM {table} WHERE {quote('username')} = %s"  # noqa: S608


def create_user(
    *,
    username: str,
    password: str,
    email: str = "",
    clinic: str | None = None,
    staff: bool = False,
) -> User:
    """A multi-user-mode account; the password is validated and hashed with Argon2.

    With `clinic` the account is a clinician of that clinic; `staff` opens Django's admin.
    """
    from django.contrib.auth.password_validation import validate_password

    from footcore.web.clinic.models import Clinic, Clinician

    validate_password(password, user=User(username=username, email=email))
    found = None
    if clinic is not None:
        found = Clinic.objects.filter(name__iexact=clinic.strip()).first()
        if found is None:
            raise Clinic.DoesNotExist(
                f"no clinic named {clinic!r}: add it with `footcore clinic add`"
            )
    with transaction.atomic():
        user = User.objects.create_user(
            username=username, email=email, password=password, is_staff=staff
        )
        if found is not None:
            Clinician.objects.create(user=user, clinic=found)
        return user


def role_of(user: User) -> str:
    """`staff`, `clinician` or `runner` (a runner may also be a clinic's client)."""
    from footcore.web.clinic.models import Clinician

    if user.is_staff:
        return "staff"
    if Clinician.objects.filter(user=user).exists():
        return "clinician"
    return "runner"


def find_user(username: str) -> User:
    try:
        return User.objects.get(username=username)
    except User.DoesNotExist:
        raise User.DoesNotExist(f"no user named {username!r}") from None


def disable_user(*, username: str) -> User:
    """The account can no longer sign in, and its open sessions stop working (Django's
    model backend answers no user for an inactive account). Records stay."""
    user = find_user(username)
    user.is_active = False
    user.save(update_fields=["is_active"])
    return user


def set_password(*, username: str, password: str) -> User:
    from django.contrib.auth.password_validation import validate_password

    user = find_user(username)
    validate_password(password, user=user)
    user.set_password(password)
    user.save(update_fields=["password"])
    return user


def current_user(request: HttpRequest) -> User:
    """The signed-in user (or personal mode's runner) behind a request.

    Login is enforced by middleware; this turns the type from "user or anonymous"
    into a user and refuses, rather than trusts, an anonymous request that slipped by.
    """
    user = request.user
    if not user.is_authenticated or not isinstance(user, User):
        raise PermissionDenied("sign in first")
    return user
