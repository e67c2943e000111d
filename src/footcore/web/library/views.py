"""Exercise library pages: thin views over the catalog selectors."""

from __future__ import annotations

from functools import lru_cache

from csp.decorators import csp_update
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from footcore.domain.problems import Invalid
from footcore.domain.vocab import Concern, Equipment, Position
from footcore.figure import render_svg
from footcore.web.custom_exercises.models import PREFIX as CUSTOM_PREFIX
from footcore.web.library import selectors


@require_safe
def exercise_list(request: HttpRequest) -> HttpResponse:
    error: str | None = None
    try:
        flt = selectors.parse_filter(
            concern=request.GET.get("concern"),
            equipment=request.GET.get("equipment"),
            position=request.GET.get("position"),
            q=request.GET.get("q"),
        )
    except Invalid as exc:
        error = str(exc)
        flt = selectors.ExerciseFilter()
    exercises = selectors.list_exercises(flt)
    context = {
        "exercises": exercises,
        "cards": _cards(flt),
        "filter": flt,
        "error": error,
        "concerns": list(Concern),
        "equipment_choices": list(Equipment),
        "positions": list(Position),
        "total": len(selectors.catalog().exercises),
        "nav": "exercises",
    }
    return render(request, "footcore/exercise_list.html", context, status=400 if error else 200)


@lru_cache(maxsize=512)
def _cards(flt: selectors.ExerciseFilter) -> str:
    """The rendered cards for a filter: the catalog never changes, so neither do they."""
    html = render_to_string(
        "footcore/exercise_cards.html", {"exercises": selectors.list_exercises(flt)}
    )
    return mark_safe(html)  # noqa: S308  (our own template's output, escaped when rendered)


@require_safe
def exercise_detail(request: HttpRequest, exercise_id: str) -> HttpResponse:
    if exercise_id.startswith(CUSTOM_PREFIX):  # a clinic's own: behind its authorization
        return redirect("custom-exercise-card", exercise_id=exercise_id)
    exercise = selectors.get_exercise(exercise_id)
    if exercise is None:
        close = selectors.close_ids(exercise_id)
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        raise Http404(f"No exercise with id {exercise_id!r}.{hint}")
    catalog = selectors.catalog()
    context = {
        "exercise": exercise,
        "citations": catalog.cited(exercise.citations),
        "nav": "exercises",
    }
    return render(request, "footcore/exercise_detail.html", context)


@lru_cache(maxsize=64)
def _svg(exercise_id: str) -> bytes:
    exercise = selectors.catalog().get(exercise_id)
    return render_svg(exercise.illustration, title=exercise.name).encode("utf-8")


# The SVG's own <style> animates the figure; it holds no script, so inline style
# inside this image is the only relaxation of the policy.
@require_safe
@cache_control(max_age=3600, public=True)
@csp_update({"style-src": ["'unsafe-inline'"]})  # type: ignore[arg-type]  # stubs expect (request) only
def exercise_illustration(request: HttpRequest, exercise_id: str) -> HttpResponse:
    if selectors.get_exercise(exercise_id) is None:
        raise Http404(f"No exercise with id {exercise_id!r}.")
    return HttpResponse(_svg(exercise_id), content_type="image/svg+xml")
