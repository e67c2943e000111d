"""`footcore user ...` and `footcore clinic ...`: accounts, roles and clinics."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from footcore.cli.django_setup import setup
from footcore.cli.output import console, fail

user_app = typer.Typer(help="Manage sign-in accounts (multi-user mode).", no_args_is_help=True)
clinic_app = typer.Typer(help="Manage clinics (multi-user mode).", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(user_app, name="user")
    app.add_typer(clinic_app, name="clinic")


def _password(password_stdin: bool) -> str:
    if password_stdin:
        return sys.stdin.readline().rstrip("\n")
    return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))


PasswordStdin = Annotated[
    bool, typer.Option("--password-stdin", help="Read the password from standard input.")
]


@user_app.command("add")
def add_user(
    username: Annotated[str, typer.Argument(help="Sign-in name.")],
    email: Annotated[str, typer.Option(help="E-mail address (for password reset).")] = "",
    clinician: Annotated[
        bool, typer.Option("--clinician", help="A clinician of --clinic.")
    ] = False,
    clinic: Annotated[str | None, typer.Option(help="The clinician's clinic.")] = None,
    staff: Annotated[bool, typer.Option("--staff", help="May use Django's admin.")] = False,
    password_stdin: PasswordStdin = False,
) -> None:
    """Create a sign-in account (the password is hashed with Argon2)."""
    if clinician and not clinic:
        fail("--clinic: a clinician needs a clinic (footcore clinic add NAME)")
    if clinic and not clinician:
        fail("--clinic: only with --clinician")
    password = _password(password_stdin)
    setup(migrate=True)
    from django.core.exceptions import ValidationError
    from django.db import IntegrityError

    from footcore.web.accounts.services import create_user
    from footcore.web.clinic.models import Clinic

    try:
        create_user(username=username, password=password, email=email, clinic=clinic, staff=staff)
    except ValidationError as exc:
        fail("password: " + " ".join(exc.messages))
    except Clinic.DoesNotExist as exc:
        fail(f"--clinic: {exc}")
    except IntegrityError:
        fail(f"username: {username!r} is already taken")
    console.print(f"[green]created[/] {username}")


@user_app.command("list")
def list_users() -> None:
    """Accounts with their role, clinic and whether they can sign in."""
    setup(migrate=True)
    from django.contrib.auth.models import User

    from footcore.web.accounts.services import role_of

    table = Table("username", "role", "clinic", "active", "e-mail")
    users = User.objects.select_related("clinician__clinic").order_by("username")
    for user in users.exclude(username__startswith="client-"):
        clinician = getattr(user, "clinician", None)
        table.add_row(
            user.username,
            role_of(user),
            clinician.clinic.name if clinician else "",
            "yes" if user.is_active else "no",
            user.email,
        )
    console.print(table)


@user_app.command("disable")
def disable(username: Annotated[str, typer.Argument(help="Sign-in name.")]) -> None:
    """Stop an account from signing in (its records stay)."""
    setup(migrate=True)
    from django.contrib.auth.models import User

    from footcore.web.accounts.services import disable_user

    try:
        disable_user(username=username)
    except User.DoesNotExist as exc:
        fail(f"username: {exc}")
    console.print(f"[yellow]disabled[/] {username}")


@user_app.command("set-password")
def set_password(
    username: Annotated[str, typer.Argument(help="Sign-in name.")],
    password_stdin: PasswordStdin = False,
) -> None:
    """Set a new password for an account."""
    password = _password(password_stdin)
    setup(migrate=True)
    from django.contrib.auth.models import User
    from django.core.exceptions import ValidationError

    from footcore.web.accounts import services

    try:
        services.set_password(username=username, password=password)
    except User.DoesNotExist as exc:
        fail(f"username: {exc}")
    except ValidationError as exc:
        fail("password: " + " ".join(exc.messages))
    console.print(f"[green]password set[/] for {username}")


@clinic_app.command("add")
def add_clinic(
    name: Annotated[str, typer.Argument(help="The clinic's name.")],
    booking_url: Annotated[str, typer.Option(help="Where its clients book a visit.")] = "",
    contact: Annotated[str, typer.Option(help="Phone or e-mail for its clients.")] = "",
) -> None:
    """Create a clinic; then add its clinicians with `footcore user add --clinician`."""
    setup(migrate=True)
    from footcore.domain.problems import Invalid
    from footcore.web.clinic.services import add_clinic as add

    try:
        add(name=name, booking_url=booking_url, contact=contact)
    except Invalid as exc:
        fail(str(exc))
    console.print(f"[green]created[/] clinic {name}")


@clinic_app.command("audit")
def export_audit(
    name: Annotated[str, typer.Argument(help="The clinic's name.")],
    out: Annotated[
        Path | None, typer.Option(help="Write the export here (default: standard output).")
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="Only entries from this day on (YYYY-MM-DD, UTC).")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="csv or json.")] = "csv",
) -> None:
    """Export the clinic's audit log (every clinician read and write); the export is logged."""
    import datetime as dt

    if fmt not in ("csv", "json"):
        fail(f"--format: {fmt!r} is not one of: csv, json")
    try:
        day = None if since is None else dt.date.fromisoformat(since)
    except ValueError:
        fail(f"--since: {since!r} is not a date (YYYY-MM-DD)")
    setup(migrate=True)
    from footcore.web.clinic import audit
    from footcore.web.clinic.models import Clinic

    clinic = Clinic.objects.filter(name__iexact=name).first()
    if clinic is None:
        fail(f"name: no clinic named {name!r}")
    rows = audit.entries(clinic, day)
    text = audit.to_json(rows) if fmt == "json" else audit.to_csv(rows)
    audit.exported(
        clinic,
        actor=None,
        actor_name="command line",
        what=f"exported the audit log ({fmt})" + (f" since {day.isoformat()}" if day else ""),
    )
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
        console.print(f"wrote {out}")
