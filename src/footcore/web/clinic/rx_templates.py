"""Prescription templates for clinicians: footcore's shipped ones and the clinic's own.

Applying one is a `PrescriptionEdited` change through `apply_change`, like an edit in
the editor: one transaction writes the new version and the replanned sessions, and the
audit log has it. A clinic's own templates are seen by its clinicians only; anyone
else is told the template does not exist.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.http import Http404

from footcore.catalog.loader import default_catalog
from footcore.domain.prescription import Prescription
from footcore.domain.problems import Invalid, Problem
from footcore.domain.profile import Profile
from footcore.domain.runner import PrescriptionEdited
from footcore.domain.templates import (
    SHIPPED,
    SHIPPED_BY_KEY,
    ApplyMode,
    TemplateContent,
    apply_template,
    check_name,
    saved_content,
    shipped_content,
    template_data,
)
from footcore.domain.vocab import Equipment
from footcore.web.clinic import audit
from footcore.web.clinic.models import Client, Clinician, PrescriptionTemplate
from footcore.web.clinic.prescribing import StaleVersion
from footcore.web.runner.services import apply_change
from footcore.web.training import selectors as training

OWN_PREFIX = "own-"
"""A clinic's own template is `own-<id>`; a shipped one is known by its key."""


class NoSuchTemplate(Http404):
    """No template by that id for this clinician (the same for another clinic's)."""

    def __init__(self) -> None:
        super().__init__("not found")


@dataclass(frozen=True, slots=True)
class TemplateView:
    id: str
    name: str
    shipped: bool
    source: str
    """The citation key or seed, or who saved it."""
    summary: str
    exercises: tuple[str, ...]


def _own(clinician: Clinician, template_id: str) -> PrescriptionTemplate:
    number = template_id.removeprefix(OWN_PREFIX)
    if not template_id.startswith(OWN_PREFIX) or not number.isdigit() or len(number) > 18:
        raise NoSuchTemplate
    found = PrescriptionTemplate.objects.filter(pk=int(number), clinic=clinician.clinic).first()
    if found is None:
        raise NoSuchTemplate
    return found


PREVIEW_START = dt.date(2026, 1, 5)
"""Any Monday: a template's exercises and doses do not depend on the start."""


@functools.lru_cache(maxsize=len(SHIPPED))
def _shipped_view(key: str) -> TemplateView:
    """Shown as for an adult with every piece of equipment and no pain (for a client,
    their own profile decides); pure, so worked out once per process."""
    template = SHIPPED_BY_KEY[key]
    everything = Profile(start=PREVIEW_START, equipment=tuple(Equipment))
    content = shipped_content(template, everything, default_catalog())
    return TemplateView(
        template.key,
        template.name,
        True,
        template.citation,
        template.summary,
        _exercises(content),
    )


def _exercises(content: TemplateContent) -> tuple[str, ...]:
    return _names([i.exercise for i in content.items] + list(content.variety or ()))


def _names(ids: list[str]) -> tuple[str, ...]:
    catalog = default_catalog()
    return tuple(dict.fromkeys(catalog.get(i).name for i in ids if i in catalog.ids()))


def _own_view(row: PrescriptionTemplate) -> TemplateView:
    ids = [str(i.get("exercise")) for i in row.data.get("items", [])]
    names = _names(ids + [str(v) for v in row.data.get("variety", [])])
    return TemplateView(
        f"{OWN_PREFIX}{row.pk}",
        row.name,
        False,
        f"saved by {row.by_name}",
        f"{len(row.data.get('items', []))} exercises from a client's prescription",
        names,
    )


def templates_for(clinician: Clinician) -> list[TemplateView]:
    own = PrescriptionTemplate.objects.filter(clinic=clinician.clinic)
    return [*(_shipped_view(t.key) for t in SHIPPED), *(_own_view(r) for r in own)]


def template_for(clinician: Clinician, template_id: str) -> TemplateView:
    if template_id in SHIPPED_BY_KEY:
        return _shipped_view(template_id)
    return _own_view(_own(clinician, template_id))


def save_template(*, clinician: Clinician, client: Client, name: str) -> TemplateView:
    """The client's current prescription as a new template of the clinic."""
    name = check_name(name)
    rx = training.current_prescription(client.runner)
    if rx is None or not (rx.items or rx.variety):
        raise Invalid((Problem("client", "the client has no prescription to save yet"),))
    try:
        with transaction.atomic():
            row = PrescriptionTemplate.objects.create(
                clinic=clinician.clinic,
                name=name,
                data=template_data(rx),
                by=clinician.user,
                by_name=clinician.user.get_username(),
            )
            audit.read(clinician, client, f"saved the prescription as the template {name!r}")
    except IntegrityError:
        raise Invalid((Problem("name", f"the clinic has a template named {name!r}"),)) from None
    return _own_view(row)


def delete_template(*, clinician: Clinician, template_id: str) -> None:
    if template_id in SHIPPED_BY_KEY:
        raise Invalid((Problem("template", "footcore's own templates cannot be deleted"),))
    _own(clinician, template_id).delete()


def start_from_template(
    *,
    clinician: Clinician,
    client: Client,
    template_id: str,
    mode: ApplyMode,
    why: str,
    today: dt.date,
    version: int | None = None,
) -> Prescription:
    """The client's next prescription version, started from the template."""
    runner = client.runner
    catalog = default_catalog()
    with transaction.atomic():
        current = training.current_prescription(runner)
        profile = training.get_profile(runner)
        if current is None or profile is None:
            raise Invalid((Problem("", "no prescription yet: record an intake first"),))
        if version is not None and version != current.version:
            raise StaleVersion(current.version)
        shipped = SHIPPED_BY_KEY.get(template_id)
        if shipped is not None:
            content, label = shipped_content(shipped, profile, catalog), shipped.name
        else:
            row = _own(clinician, template_id)
            content, label = saved_content(row.data, profile, catalog), row.name
        name = clinician.user.get_full_name() or clinician.user.get_username()
        words = why.strip()[:500] or f"started from the template {label!r}"
        rx = apply_template(current, content, mode=mode, by=name, today=today, why=words)
        apply_change(user=runner, change=PrescriptionEdited(rx), today=today)
        audit.wrote(
            clinician,
            client,
            f"started the prescription from the template {label!r} (version {rx.version})",
        )
    return rx
