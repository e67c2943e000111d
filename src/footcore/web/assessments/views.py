"""`/assess`: the list of self-tests, one guided test, and the FAAM questionnaire."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_safe

from footcore.domain.assessments import DEFINITIONS, TestKind
from footcore.domain.faam import ADL_MIN_ANSWERED, SPORTS_MIN_ANSWERED
from footcore.domain.problems import Invalid
from footcore.web.accounts.services import current_user
from footcore.web.assessments import selectors, services
from footcore.web.assessments.forms import SIDES, FaamForm, TestForm, field_name
from footcore.web.runner_clock import runner_today
from footcore.web.training.selectors import get_profile

GUIDED = [g for g in selectors.GROUPS if g != "faam"]


@require_safe
def assess_list(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    profile = get_profile(user)
    today = runner_today(profile)
    context = {
        "tests": selectors.overview(user, profile, today),
        "next_retest": selectors.next_retest(user, today),
        "emphases": selectors.emphases_for(user, profile),
        "has_profile": profile is not None,
        "nav": "assess",
    }
    return render(request, "footcore/assess_list.html", context)


def _blocks(form: TestForm, latest: dict[Any, Any]) -> list[dict[str, Any]]:
    blocks = []
    for kind in form.kinds:
        definition = DEFINITIONS[kind]
        sides = []
        for side in SIDES:
            if definition.trials > 1:
                names = [field_name(kind, side, t) for t in range(1, definition.trials + 1)]
            else:
                names = [field_name(kind, side)]
            sides.append({"side": side.value, "fields": [form[n] for n in names]})
        blocks.append(
            {
                "definition": definition,
                "sides": sides,
                "surface": form["surface"] if kind is TestKind.HEEL_RAISE else None,
                "latest": [latest[(kind, s)] for s in SIDES if (kind, s) in latest],
            }
        )
    return blocks


@require_http_methods(["GET", "POST"])
def assess_test(request: HttpRequest, test_id: str) -> HttpResponse:
    if test_id not in GUIDED:
        raise Http404(f"No self-test called {test_id!r}.")
    user = current_user(request)
    profile = get_profile(user)
    kinds = selectors.GROUPS[test_id]
    status = 200
    if request.method == "POST":
        form = TestForm(kinds, request.POST)
        if form.is_valid() and not form.values():
            form.add_error(None, "Enter at least one result before saving.")
        elif form.is_valid():
            try:
                services.record_results(
                    user=user,
                    values=form.values(),
                    today=runner_today(profile),
                    heel_raise_surface=form.surface(),
                )
            except Invalid as exc:
                form.add_problems(exc.problems)
            else:
                messages.success(request, "Saved. Your plan now takes these results into account.")
                return redirect("assess-test", test_id=test_id)
        status = 400
    else:
        form = TestForm(kinds)
    latest = {(r.result.kind, r.result.side): r for r in selectors.readings_for(user, profile)}
    context = {
        "test_id": test_id,
        "name": selectors.group_name(test_id),
        "form": form,
        "blocks": _blocks(form, latest),
        "metronome_bpm": next(
            (DEFINITIONS[k].cadence_bpm for k in kinds if DEFINITIONS[k].cadence_bpm), None
        ),
        "nav": "assess",
    }
    return render(request, "footcore/assess_test.html", context, status=status)


@require_http_methods(["GET", "POST"])
def assess_faam(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    profile = get_profile(user)
    status = 200
    if request.method == "POST":
        form = FaamForm(request.POST)
        if form.is_valid():
            try:
                services.record_faam(
                    user=user,
                    adl=form.answers("adl"),
                    sports=form.answers("sports"),
                    adl_self_rating=form.cleaned_data["adl_self_rating"],
                    sports_self_rating=form.cleaned_data["sports_self_rating"],
                    overall=form.cleaned_data["overall"] or None,
                    today=runner_today(profile),
                )
            except Invalid as exc:
                form.add_problems(exc.problems)
            else:
                messages.success(request, "Saved your FAAM answers.")
                return redirect("assess-faam")
        status = 400
    else:
        form = FaamForm()
    scores = selectors.faam_scores_for(user)
    faam_readings = [
        r
        for r in selectors.readings_for(user, profile)
        if r.result.kind in (TestKind.FAAM_ADL, TestKind.FAAM_SPORTS)
    ]
    latest_change = {r.result.kind: r.change for r in faam_readings}
    context = {
        "form": form,
        "adl_items": form.items("adl"),
        "sports_items": form.items("sports"),
        "latest": scores[-1] if scores else None,
        "adl_change": latest_change.get(TestKind.FAAM_ADL),
        "sports_change": latest_change.get(TestKind.FAAM_SPORTS),
        "adl_min": ADL_MIN_ANSWERED,
        "sports_min": SPORTS_MIN_ANSWERED,
        "nav": "assess",
    }
    return render(request, "footcore/assess_faam.html", context, status=status)
