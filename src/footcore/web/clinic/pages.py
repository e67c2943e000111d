"""The clinician's client page: intake, prescription editor, follow-up and clearance.

Form fields are turned into the same documents the API takes, so both doors share one
validation and one write path.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from footcore.catalog.loader import default_catalog
from footcore.domain.intake import (
    FLAG_NAMES,
    MEASURES,
    AffectedSide,
    FootStrike,
    Irritability,
)
from footcore.domain.prescription import Frequency, PrescribedSide
from footcore.domain.prescription_edit import edit_document
from footcore.domain.problems import Invalid
from footcore.domain.safety import RED_FLAG_QUESTIONS
from footcore.domain.templates import ApplyMode
from footcore.domain.vocab import Concern, PainSite
from footcore.web.clinic import audit, care, prescribing, rx_templates
from footcore.web.clinic import charts as clinic_charts
from footcore.web.clinic.follow import follow_up_for, next_review, open_red_flag
from footcore.web.clinic.roles import client_of, require_clinician
from footcore.web.runner_clock import runner_today
from footcore.web.training import selectors as training

MEASURE_WORDS = {
    "heel_raise_reps": "Single-leg heel raise (reps)",
    "foot_posture_index": "Foot Posture Index (FPI-6, -12 to +12)",
    "navicular_drop_mm": "Navicular drop (mm)",
    "knee_to_wall_cm": "Knee-to-wall (cm)",
    "big_toe_extension_deg": "Big-toe extension (degrees)",
}


def _intake_from(post: QueryDict) -> dict[str, Any]:
    def number(name: str) -> float | None:
        raw = post.get(name, "").strip()
        try:
            return float(raw) if raw else None
        except ValueError:
            return raw  # type: ignore[return-value]  # the domain names the field

    cadence = post.get("cadence_spm", "").strip()
    return {
        "impression": post.get("impression", ""),
        "affected_side": post.get("affected_side", ""),
        "irritability": post.get("irritability", ""),
        "onset_on": post.get("onset_on") or None,
        "concerns": post.getlist("concerns"),
        "pain": post.getlist("pain"),
        "measures": {
            m.name: {"left": number(f"{m.name}.left"), "right": number(f"{m.name}.right")}
            for m in MEASURES
        },
        "heel_raise_surface": post.get("heel_raise_surface") or "flat",
        "cadence_spm": int(cadence) if cadence.isdigit() else (cadence or None),
        "foot_strike": post.get("foot_strike") or None,
        "footwear": post.get("footwear", ""),
        "red_flags": {name: name in post.getlist("red_flags") for name in FLAG_NAMES},
        "review_on": post.get("review_on") or None,
    }


def _edit_from(post: QueryDict, document: dict[str, Any]) -> dict[str, Any]:
    """The editor's form over the current document: each row edits one item."""
    items: list[dict[str, Any]] = []
    for n, item in enumerate(document["items"]):
        if post.get(f"remove-{n}"):
            continue
        dose = dict(item["dose"])
        for key in ("sets", "reps_min", "reps_max", "hold_s", "duration_s"):
            raw = post.get(f"{key}-{n}", "").strip()
            if raw:
                dose[key] = int(raw) if raw.isdigit() else raw
        items.append(
            {
                "exercise": item["exercise"],
                "role": item["role"],
                "variant": post.get(f"variant-{n}") or item["variant"],
                "dose": dose if dose != item["dose"] else None,
                "side": post.get(f"side-{n}") or item["side"],
                "frequency": post.get(f"frequency-{n}") or item["frequency"],
                "per_week": int(post.get(f"per_week-{n}") or item["per_week"]),
                "progression": post.get(f"progression-{n}") or item["progression"],
                "max_variant": post.get(f"max_variant-{n}") or None,
                "pinned": bool(post.get(f"pinned-{n}")),
                "note": post.get(f"note-{n}", item["note"]),
            }
        )
    added = post.get("add", "").strip()
    if added:
        items.append({"exercise": added, "pinned": True, "progression": "auto"})
    return {
        "version": document["version"],
        "start_on": post.get("start_on") or None,
        "review_on": post.get("review_on") or None,
        "why": post.get("why", ""),
        "items": items,
    }


def _context(request: HttpRequest, client_id: int, **extra: Any) -> dict[str, Any]:
    clinician = require_clinician(request)
    client = client_of(clinician, client_id)
    catalog = default_catalog()
    rx = training.current_prescription(client.runner)
    today = runner_today(training.get_profile(client.runner))
    document = edit_document(rx, catalog) if rx is not None else None
    templates = rx_templates.templates_for(clinician)
    if document is not None:
        for item in document["items"]:
            item["rungs"] = [(v.id, v.name) for v in catalog.get(item["exercise"]).variants]
    return {
        "clinician": clinician,
        "client": client,
        "nav": "clinic",
        "document": document,
        "follow": follow_up_for(client, today),
        "timeline": care.timeline(client),
        "charts": clinic_charts.charts_for(client),
        "templates": templates,
        "own_templates": [t for t in templates if not t.shipped],
        "modes": [m.value for m in ApplyMode],
        "red_flag_on": open_red_flag(client),
        "cleared": care.last_clearance(client),
        "next_review": next_review(client),
        "exercises": [(e.id, e.name) for e in sorted(catalog.exercises, key=lambda e: e.name)],
        "sides": [s.value for s in PrescribedSide],
        "frequencies": [
            f.value for f in (Frequency.DAILY, Frequency.EVERY_SECOND_DAY, Frequency.PER_WEEK)
        ],
        "concerns": [(c.value, c.label) for c in Concern],
        "pain_sites": [(p.value, p.value.replace("-", " ")) for p in PainSite],
        "measures": [(m.name, MEASURE_WORDS[m.name]) for m in MEASURES],
        "affected_sides": [s.value for s in AffectedSide],
        "irritabilities": [i.value for i in Irritability],
        "foot_strikes": [f.value for f in FootStrike],
        "flags": [(q.flag.name.lower(), q.summary) for q in RED_FLAG_QUESTIONS],
        **extra,
    }


@require_safe
def client_page(request: HttpRequest, client_id: int) -> HttpResponse:
    context = _context(request, client_id)
    audit.read(context["clinician"], context["client"], "opened the client record")
    return render(request, "footcore/clinic/client.html", context)


@require_POST
def intake(request: HttpRequest, client_id: int) -> HttpResponse:
    clinician = require_clinician(request)
    client = client_of(clinician, client_id)
    try:
        prescribing.record_intake(
            clinician=clinician, client=client, data=_intake_from(request.POST),
            today=runner_today(training.get_profile(client.runner)),
        )  # fmt: skip
    except Invalid as exc:
        context = _context(request, client_id, intake_problems=exc.problems, posted=request.POST)
        return render(request, "footcore/clinic/client.html", context, status=400)
    messages.success(request, "Intake saved. Review the proposed prescription below.")
    return redirect(f"/clinic/clients/{client.pk}#editor")


@require_POST
def edit(request: HttpRequest, client_id: int) -> HttpResponse:
    clinician = require_clinician(request)
    client = client_of(clinician, client_id)
    rx = training.current_prescription(client.runner)
    if rx is None:
        messages.error(request, "Record an intake first.")
        return redirect("clinic-client", client_id=client.pk)
    document = _edit_from(request.POST, edit_document(rx, default_catalog()))
    try:
        prescribing.edit_prescription(
            clinician=clinician, client=client, document=document,
            today=runner_today(training.get_profile(client.runner)),
        )  # fmt: skip
    except prescribing.StaleVersion as exc:
        messages.error(request, str(exc))
        return redirect("clinic-client", client_id=client.pk)
    except Invalid as exc:
        context = _context(request, client_id, edit_problems=exc.problems)
        return render(request, "footcore/clinic/client.html", context, status=400)
    messages.success(request, f"Prescription saved and shared with {client.name}.")
    return redirect(f"/clinic/clients/{client.pk}#editor")


@require_POST
def clearance(request: HttpRequest, client_id: int) -> HttpResponse:
    clinician = require_clinician(request)
    client = client_of(clinician, client_id)
    try:
        care.sign_clearance(
            clinician=clinician, client=client, note=request.POST.get("note", ""),
            today=runner_today(training.get_profile(client.runner)),
        )  # fmt: skip
    except Invalid as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"{client.name} is cleared to train again.")
    return redirect("clinic-client", client_id=client.pk)


FREQUENCY_WORDS = {
    "daily": "daily",
    "every-second-day": "every second day",
    "per-week": "{n} times a week",
    "warm-up": "before each run",
}


@require_safe
def handout(request: HttpRequest, client_id: int) -> HttpResponse:
    from footcore.interchange.clinic_handout import (
        ClinicHandout,
        HandoutItem,
        render_clinic_handout,
    )

    clinician = require_clinician(request)
    client = client_of(clinician, client_id)
    if not client.code:
        raise Http404("no code")
    catalog = default_catalog()
    rx = training.current_prescription(client.runner)
    items = tuple(
        HandoutItem(
            catalog.get(i.exercise).name,
            i.dose.describe(),
            FREQUENCY_WORDS[i.frequency.value].format(n=i.per_week),
            i.note,
        )
        for i in (rx.items if rx else ())
    )
    name = clinician.user.get_full_name() or clinician.user.get_username()
    join_url = request.build_absolute_uri(f"/join?code={client.code}")
    pdf = render_clinic_handout(
        ClinicHandout(
            client=client.name, clinician=name, clinic=client.clinic.name,
            contact=client.clinic.contact, on=runner_today(None), code=client.code,
            join_url=join_url, items=items,
            notes=() if rx is None or not rx.by_clinician else (rx.history[-1].why,),
        )
    )  # fmt: skip
    audit.read(clinician, client, "printed the hand-out")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="footcore-{client.pk}.pdf"'
    return response
