"""Profile, plan and today pages, plus the calendar and PDF downloads."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from footcore.domain.problems import Invalid
from footcore.interchange.pdf_handout import PageSize
from footcore.web.accounts.services import current_user
from footcore.web.custom_exercises.selectors import runner_names
from footcore.web.runner_clock import runner_today
from footcore.web.sessions.selectors import logged_sessions, program_view, withheld_plan
from footcore.web.training import exports, selectors, services
from footcore.web.training.forms import ProfileForm
from footcore.web.training.plan_page import (
    exercise_prefix,
    last_change,
    notes_html,
    plan_rows,
    prescription_rows,
    weeks_html,
)

PAGES: dict[str, PageSize] = {"A4": "A4", "Letter": "Letter"}


@require_http_methods(["GET", "POST"])
def profile_view(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    current = selectors.get_profile(user)
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            try:
                profile = services.save_profile(
                    user=user,
                    data=form.to_profile_data(),
                    today=runner_today(current),
                )
            except Invalid as exc:
                form.add_problems(exc.problems)
            else:
                messages.success(
                    request, f"Saved. Your plan runs {profile.weeks} weeks from {profile.start}."
                )
                return redirect("plan")
        return render(
            request, "footcore/profile.html", {"form": form, "nav": "profile"}, status=400
        )
    initial = ProfileForm.initial_from(current) if current else {"start": runner_today(None)}
    form = ProfileForm(initial=initial)
    context = {"form": form, "nav": "profile", "new_profile": current is None}
    return render(request, "footcore/profile.html", context)


@require_safe
def plan_view(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    header = selectors.plan_header(user)
    if header is None:
        return redirect("profile")
    profile = header.profile
    today = runner_today(profile)
    program = program_view(user, today)
    plan = (
        selectors.stored_plan(user, header.warnings, header.notes)
        if program.gate.open
        else withheld_plan(program.gate)
    )
    feed = selectors.active_feed_token(user)
    days = [s.date for week in plan.weeks for s in week.sessions]
    logged = logged_sessions(user, start=min(days, default=today), end=max(days, default=today))
    names = runner_names(
        user, (i.exercise for w in plan.weeks for s in w.sessions for i in s.items)
    )
    prescription = selectors.current_prescription(user)
    context = {
        "program": program,
        "plan": plan,
        "notes": notes_html(plan.warnings),
        "prescription": prescription,
        "prescription_rows": None
        if prescription is None
        else prescription_rows(prescription, names, exercise_prefix()),
        "last_change": None if prescription is None else last_change(prescription),
        "weeks": weeks_html(plan_rows(plan, today, names, logged)),
        "profile": profile,
        "today": today,
        "feed_url": None
        if feed is None
        else request.build_absolute_uri(reverse("calendar-feed", args=[feed])),
        "nav": "plan",
    }
    return render(request, "footcore/plan.html", context)


@require_safe
def today_view(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    profile = selectors.get_profile(user)
    if profile is None:
        return redirect("profile")
    today = runner_today(profile)
    program = program_view(user, today)
    sessions = selectors.sessions_on(user, today) if program.gate.open else []
    context = {
        "today": today,
        "program": program,
        "sessions": sessions,
        "next": selectors.next_session(user, today),
        "names": runner_names(user, (i.exercise for s in sessions for i in s.items)),
        "logged": logged_sessions(user, start=today, end=today),
        "nav": "today",
    }
    return render(request, "footcore/today.html", context)


@require_safe
def plan_ics(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    profile = selectors.get_profile(user)
    if profile is None:
        raise Http404("No plan yet: fill in your profile first.")
    body = exports.ics_for(user, profile)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="footcore-plan.ics"'
    return response


@require_safe
def plan_pdf(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    profile = selectors.get_profile(user)
    if profile is None:
        raise Http404("No plan yet: fill in your profile first.")
    page = PAGES.get(request.GET.get("page", "A4"))
    if page is None:
        return HttpResponse("page: choose A4 or Letter", status=400, content_type="text/plain")
    body = exports.pdf_for(user, page=page, today=runner_today(profile))
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="footcore-plan-{page.lower()}.pdf"'
    return response


@require_POST
def feed_create(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    services.create_feed(user=user)
    messages.success(request, "New calendar feed address created; any older one stops working.")
    return redirect("plan")


@require_POST
def feed_revoke(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    services.revoke_feeds(user=user)
    messages.success(request, "Calendar feed turned off.")
    return redirect("plan")


@require_safe
@login_not_required
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The subscribable feed: the secret token in the URL is the only credential."""
    user = selectors.feed_owner(token)
    if user is None:
        raise Http404("This calendar feed does not exist or was turned off.")
    profile = selectors.get_profile(user)
    if profile is None:
        raise Http404("No plan yet.")
    response = HttpResponse(
        exports.ics_for(user, profile), content_type="text/calendar; charset=utf-8"
    )
    response["Cache-Control"] = "private, max-age=900"
    return response
