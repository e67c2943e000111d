"""Pages: a clinician's list of the clinic's exercises, the create and edit form, retiring,
and the image (the picture, or the figure drawn) that clinicians and prescribed clients see.
"""

from __future__ import annotations

from typing import Any

from csp.decorators import csp_update
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from footcore.catalog.cache import default_catalog
from footcore.domain.problems import Invalid, Problem
from footcore.domain.vocab import Concern, Equipment, Position, Role, Sides
from footcore.figure import render_svg
from footcore.web.clinic.models import Clinician
from footcore.web.clinic.roles import require_clinician
from footcore.web.custom_exercises import services
from footcore.web.custom_exercises.access import clinician_row, viewer_row
from footcore.web.custom_exercises.forms import document_from_form, form_values
from footcore.web.custom_exercises.models import CustomExercise
from footcore.web.custom_exercises.pictures import MAX_BYTES
from footcore.web.custom_exercises.selectors import clinic_exercises
from footcore.web.custom_exercises.validation import exercise_from

TEMPLATE = "footcore/custom_exercises/form.html"


@require_safe
def exercise_list(request: HttpRequest) -> HttpResponse:
    clinician = require_clinician(request)
    rows = clinic_exercises(clinician.clinic_id, retired=True)
    context = {"clinician": clinician, "rows": rows, "nav": "clinic-exercises"}
    return render(request, "footcore/custom_exercises/list.html", context)


def _choices() -> dict[str, Any]:
    shipped = sorted(default_catalog().exercises, key=lambda e: e.name)
    return {
        "roles": [r.value for r in Role],
        "positions": [p.value for p in Position],
        "sides": [s.value for s in Sides],
        "equipment": [e.value for e in Equipment],
        "concerns": [(c.value, c.label) for c in Concern],
        "figures": [(e.id, e.name) for e in shipped],
        "max_mb": MAX_BYTES // 1_000_000,
    }


def _picture(request: HttpRequest) -> bytes | None:
    upload = request.FILES.get("picture")
    if upload is None:
        return None
    if upload.size is None or upload.size > MAX_BYTES:
        raise Invalid([Problem("picture", f"the file is larger than {MAX_BYTES // 1_000_000} MB")])
    return bytes(upload.read())


def _form(
    request: HttpRequest, clinician: Clinician, row: CustomExercise | None, **extra: Any
) -> HttpResponse:
    problems: list[Problem] = extra.pop("problems", [])
    values = extra.pop("values", None) or form_values(row.document if row else {})
    context = {
        "clinician": clinician,
        "row": row,
        "values": values,
        "problems": problems,
        "by_field": {p.field: p.message for p in problems},
        "nav": "clinic-exercises",
        **_choices(),
    }
    return render(request, TEMPLATE, context, status=400 if problems else 200)


@require_http_methods(["GET", "POST"])
def new_exercise(request: HttpRequest) -> HttpResponse:
    clinician = require_clinician(request)
    if request.method == "GET":
        return _form(request, clinician, None, values={"sides": "each", "role": "strength"})
    try:
        document = document_from_form(request.POST)
        row = services.create_exercise(
            clinician=clinician, document=document, picture=_picture(request)
        )
    except Invalid as exc:
        return _form(request, clinician, None, problems=list(exc.problems), values=_again(request))
    messages.success(request, f"{row.name} is saved; it can now be prescribed.")
    return redirect("custom-exercise", exercise_id=row.exercise_id)


@require_http_methods(["GET", "POST"])
def edit_exercise(request: HttpRequest, exercise_id: str) -> HttpResponse:
    clinician = require_clinician(request)
    row = clinician_row(clinician, exercise_id)
    if request.method == "GET":
        return _form(request, clinician, row)
    try:
        document = {**document_from_form(request.POST), "slug": row.slug}
        if "figure_like" not in document and row.document.get("figure") is not None:
            document["figure"] = row.document["figure"]  # the form has no pose editor
        row = services.update_exercise(
            clinician=clinician,
            row=row,
            document=document,
            picture=_picture(request),
            drop_picture=request.POST.get("drop_picture") == "yes",
        )
    except Invalid as exc:
        return _form(request, clinician, row, problems=list(exc.problems), values=_again(request))
    messages.success(request, f"{row.name} is saved.")
    return redirect("custom-exercise", exercise_id=row.exercise_id)


def _again(request: HttpRequest) -> dict[str, Any]:
    """What was sent, to show in the form again next to its problems."""
    post = request.POST
    values: dict[str, Any] = {
        k: str(post.get(k, ""))[:5_000]
        for k in ("slug", "name", "purpose", "role", "position", "sides", "targets", "steps")
    }
    values["cautions"] = str(post.get("cautions", ""))[:5_000]
    values["equipment"] = post.getlist("equipment")
    values["indications"] = post.getlist("indications")
    values["figure_like"] = str(post.get("figure_like", ""))[:100]
    values["dose"] = {
        k.removeprefix("dose."): str(v)[:100] for k, v in post.items() if k.startswith("dose.")
    }
    return values


@require_POST
def retire(request: HttpRequest, exercise_id: str) -> HttpResponse:
    clinician = require_clinician(request)
    row = services.retire_exercise(row=clinician_row(clinician, exercise_id))
    messages.success(request, f"{row.name} is retired: no longer offered for new programs.")
    return redirect("custom-exercises")


@require_safe
def card(request: HttpRequest, exercise_id: str) -> HttpResponse:
    """The exercise as its client reads it: steps, dose, cautions and the image."""
    row = viewer_row(request.user, exercise_id)
    if row is None:
        raise Http404("not found")
    exercise = exercise_from(row.document, row.exercise_id)
    context = {"exercise": exercise, "row": row, "clinic": row.clinic.name, "nav": "today"}
    return render(request, "footcore/custom_exercises/card.html", context)


# The figure's SVG animates itself with its own <style>, as the library's drawings do.
@require_safe
@csp_update({"style-src": ["'unsafe-inline'"]})  # type: ignore[arg-type]  # stubs expect (request) only
def image(request: HttpRequest, exercise_id: str) -> HttpResponse:
    """The exercise's picture, or its figure as SVG; 404 for anyone who may not see it."""
    row = viewer_row(request.user, exercise_id)
    if row is None:
        raise Http404("not found")
    if row.picture and row.picture_type:
        response = HttpResponse(bytes(row.picture), content_type=row.picture_type)
        extension = "png" if row.picture_type == "image/png" else "jpg"
        # An uploaded file is never a document that may run or load anything.
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    else:
        drawing = exercise_from(row.document, row.exercise_id).illustration
        svg = render_svg(drawing, title=row.name)
        response = HttpResponse(svg, content_type="image/svg+xml")
        extension = "svg"
    response["Content-Disposition"] = f'inline; filename="{row.slug}.{extension}"'
    response["X-Content-Type-Options"] = "nosniff"
    # Personal data of a clinic: kept by this browser only, never by a shared cache.
    response["Cache-Control"] = "private, max-age=300"
    return response
