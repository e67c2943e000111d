"""Clinic use cases: clinics, clients, codes, joining, consent and unlinking."""

from __future__ import annotations

import datetime as dt
import secrets
import string

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone

from footcore.domain.problems import Invalid, Problem
from footcore.web.clinic import audit
from footcore.web.clinic.models import Client, Clinic, Clinician, JoinAttempt

CODE_LENGTH = 8
# Guessing budget (footcore's choice): 10 wrong tries per address per 15 minutes.
# With 26^8 codes and a birth year to match, that is no way to find a client.
JOIN_FAILURES_ALLOWED = 10
JOIN_WINDOW = dt.timedelta(minutes=15)
EARLIEST_BIRTH_YEAR = 1900


class JoinRefused(Exception):
    """The code and birth year match no linked client (the same answer for any reason)."""


class TooManyAttempts(Exception):
    """This address tried too many wrong codes lately."""


def new_code() -> str:
    """8 lowercase letters from the operating system's secure random source."""
    return "".join(secrets.choice(string.ascii_lowercase) for _ in range(CODE_LENGTH))


def add_clinic(*, name: str, booking_url: str = "", contact: str = "") -> Clinic:
    name = name.strip()
    if not name:
        raise Invalid((Problem("name", "a clinic needs a name"),))
    if Clinic.objects.filter(name__iexact=name).exists():
        raise Invalid((Problem("name", f"a clinic named {name!r} exists already"),))
    return Clinic.objects.create(name=name, booking_url=booking_url, contact=contact)


def make_clinician(*, user: User, clinic: Clinic) -> Clinician:
    return Clinician.objects.create(user=user, clinic=clinic)


def check_birth_year(year: int, today: dt.date) -> None:
    if not EARLIEST_BIRTH_YEAR <= year <= today.year:
        raise Invalid(
            (Problem("birth_year", f"a year from {EARLIEST_BIRTH_YEAR} to {today.year}"),)
        )


def add_client(*, clinician: Clinician, name: str, birth_year: int, today: dt.date) -> Client:
    """A new client of the clinician's clinic with a fresh code, and the runner behind it."""
    name = name.strip()
    problems: list[Problem] = []
    if not name:
        problems.append(Problem("name", "a client needs a name"))
    elif len(name) > 120:
        problems.append(Problem("name", "at most 120 characters"))
    try:
        check_birth_year(birth_year, today)
    except Invalid as exc:
        problems.extend(exc.problems)
    if problems:
        raise Invalid(tuple(problems))
    with transaction.atomic():
        runner = User(username=f"client-{secrets.token_hex(6)}")
        runner.set_unusable_password()
        runner.save()
        client = Client.objects.create(
            clinic=clinician.clinic,
            runner=runner,
            name=name,
            birth_year=birth_year,
            created_by=clinician.user,
        )
        _issue(client)
        audit.wrote(clinician, client, "added the client")
    return client


def _issue(client: Client) -> None:
    for _ in range(5):
        client.code = new_code()
        client.code_issued_at = timezone.now()
        try:
            with transaction.atomic():
                client.save(update_fields=["code", "code_issued_at"])
        except IntegrityError:
            continue
        return
    raise RuntimeError("could not find a free client code")


def rename_client(
    *, clinician: Clinician, client: Client, name: str, birth_year: int, today: dt.date
) -> Client:
    """Edit the client's details; the code stays."""
    name = name.strip()
    if not name:
        raise Invalid((Problem("name", "a client needs a name"),))
    check_birth_year(birth_year, today)
    with transaction.atomic():
        client.name = name
        client.birth_year = birth_year
        client.save(update_fields=["name", "birth_year"])
        audit.wrote(clinician, client, "edited name and birth year")
    return client


def revoke_code(*, clinician: Clinician, client: Client) -> None:
    """The code stops working and every browser that joined with it is signed out."""
    with transaction.atomic():
        client.code = None
        client.code_issued_at = None
        client.save(update_fields=["code", "code_issued_at"])
        _end_code_sessions(client.runner)
        audit.wrote(clinician, client, "revoked the client code")


def reissue_code(*, clinician: Clinician, client: Client) -> str:
    with transaction.atomic():
        _end_code_sessions(client.runner)
        _issue(client)
        audit.wrote(clinician, client, "issued a new client code")
    assert client.code is not None
    return client.code


def _end_code_sessions(runner: User) -> None:
    # A session is bound to the password hash; a runner without an account of their
    # own gets a fresh unusable one, which ends every session started with the code.
    if not runner.has_usable_password():
        runner.set_unusable_password()
        runner.save(update_fields=["password"])


def join(*, code: str, birth_year: int, address: str) -> Client:
    """The linked client with this code and birth year; every miss counts against `address`."""
    since = timezone.now() - JOIN_WINDOW
    failures = JoinAttempt.objects.filter(address=address, succeeded=False, at__gte=since).count()
    if failures >= JOIN_FAILURES_ALLOWED:
        raise TooManyAttempts
    code = code.strip().lower()
    client = (
        Client.objects.select_related("runner", "clinic")
        .filter(code=code, birth_year=birth_year, unlinked_at__isnull=True, runner__is_active=True)
        .first()
        if len(code) == CODE_LENGTH
        else None
    )
    JoinAttempt.objects.create(address=address, succeeded=client is not None)
    if client is None:
        raise JoinRefused
    return client


def set_consent(*, client: Client, share: bool) -> Client:
    """The runner agrees to share their logs with the clinic, or withdraws that."""
    now = timezone.now()
    if share:
        client.consent_at = now
        client.consent_withdrawn_at = None
    elif client.consent_at is not None:
        client.consent_withdrawn_at = now
    client.save(update_fields=["consent_at", "consent_withdrawn_at"])
    return client


def unlink(*, client: Client) -> None:
    """The runner ends the link: the clinic no longer sees the record and the code stops."""
    with transaction.atomic():
        client.unlinked_at = timezone.now()
        client.code = None
        client.consent_withdrawn_at = client.consent_withdrawn_at or client.unlinked_at
        client.save(update_fields=["unlinked_at", "code", "consent_withdrawn_at"])


def attach_account(*, client: Client, username: str, password: str, email: str = "") -> User:
    """Give a code-only runner a sign-in of their own; the program stays theirs."""
    from django.contrib.auth.password_validation import validate_password

    runner = client.runner
    username = username.strip()
    problems: list[Problem] = []
    if runner.has_usable_password():
        problems.append(Problem("username", "this program has an account already"))
    if not username or username.startswith("client-"):
        problems.append(Problem("username", "choose a sign-in name (not starting 'client-')"))
    elif User.objects.filter(username__iexact=username).exclude(pk=runner.pk).exists():
        problems.append(Problem("username", f"{username!r} is taken"))
    from django.core.exceptions import ValidationError

    try:
        validate_password(password, user=User(username=username, email=email))
    except ValidationError as exc:
        problems.append(Problem("password", " ".join(exc.messages)))
    if problems:
        raise Invalid(tuple(problems))
    runner.username = username
    runner.email = email
    runner.set_password(password)
    runner.save(update_fields=["username", "email", "password"])
    return runner
