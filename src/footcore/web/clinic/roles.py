"""Who may do what on the clinic side.

A clinician sees the clients of their own clinic, and only while the client is linked.
Everything else answers 404, the same whether the client exists or not.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.http import Http404, HttpRequest

from footcore.web.clinic.models import Client, Clinician


def clinician_for(user: AbstractBaseUser | AnonymousUser) -> Clinician | None:
    if not user.is_authenticated or not isinstance(user, User) or not user.is_active:
        return None
    try:
        return Clinician.objects.select_related("clinic", "user").get(user=user)
    except Clinician.DoesNotExist:
        return None


def require_clinician(request: HttpRequest) -> Clinician:
    """The clinician behind `request`, or 404 for anyone else (no hint the page exists)."""
    clinician = clinician_for(request.user)
    if clinician is None:
        raise Http404("not found")
    return clinician


def client_of(clinician: Clinician, client_id: int) -> Client:
    """A linked client of `clinician`'s clinic, else 404 (also for another clinic's client)."""
    try:
        return Client.objects.select_related("runner", "clinic").get(
            pk=client_id, clinic=clinician.clinic, unlinked_at__isnull=True
        )
    except Client.DoesNotExist:
        raise Http404("not found") from None


def client_record_for(user: AbstractBaseUser | AnonymousUser) -> Client | None:
    """The linked client record of a runner, if a clinic looks after them."""
    if not user.is_authenticated or not isinstance(user, User):
        return None
    try:
        return Client.objects.select_related("clinic").get(runner=user, unlinked_at__isnull=True)
    except Client.DoesNotExist:
        return None


def physio_change(user: AbstractBaseUser | AnonymousUser) -> dict[str, object] | None:
    """What the runner sees: who changed their program, when, why, and the notes."""
    from footcore.web.custom_exercises.selectors import runner_catalog
    from footcore.web.training.selectors import current_prescription

    if not isinstance(user, User):
        return None
    rx = current_prescription(user)
    if rx is None or not rx.by_clinician:
        return None
    change = rx.history[-1]
    catalog = runner_catalog(user, [i.exercise for i in rx.items])
    return {
        "by": change.by,
        "on": change.on,
        "why": change.why,
        "notes": [(catalog.get(i.exercise).name, i.note) for i in rx.items if i.note],
    }
