"""Pages: log a session without the player, the morning check, the red-flag screen, clearance."""

from __future__ import annotations

import datetime as dt
import secrets

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from footcore.domain.logbook import PAIN_MAX
from footcore.domain.plan import PlannedSession
from footcore.domain.problems import Invalid
from footcore.domain.safety import RED_FLAG_QUESTIONS, RED_FLAG_SCREEN_FROM
from footcore.web.accounts.services import current_user
from footcore.web.custom_exercises.selectors import runner_names
from footcore.web.field_words import problem_words
from footcore.web.runner_clock import runner_today
from footcore.web.sessions import selectors, services
from footcore.web.sessions.forms import (
    CheckinForm,
    ClearanceForm,
    LogForm,
    RedFlagForm,
    initial_from_log,
)
from footcore.web.sessions.player import pick_session
from footcore.web.training import selectors as training_selectors


def _today(request: HttpRequest) -> dt.date:
    return runner_today(training_selectors.get_profile(current_user(request)))


def _session(request: HttpRequest, day: dt.date) -> PlannedSession:
    sessions = training_selectors.sessions_on(current_user(request), day)
    wanted = request.POST.get("kind") or request.GET.get("kind")
    session = pick_session(sessions, wanted)
    if session is not None:
        return session
    raise Http404(f"Nothing planned on {day.isoformat()} to log.")


@require_http_methods(["GET", "POST"])
def log_view(request: HttpRequest, day: str) -> HttpResponse:
    """Log a session, or, once it is logged, show what was logged and correct it."""
    try:
        date = dt.date.fromisoformat(day)
    except ValueError:
        raise Http404("The date must look like YYYY-MM-DD.") from None
    user = current_user(request)
    session = _session(request, date)
    if date > _today(request):
        context_ahead = {"session": session, "day": date, "nav": "today"}
        status_ahead = 400 if request.method == "POST" else 200
        return render(
            request, "footcore/sessions_log_ahead.html", context_ahead, status=status_ahead
        )
    names = runner_names(user, [i.exercise for i in session.items])
    today = _today(request)
    logged = selectors.current_log(user, date, session.kind)
    correcting = logged is not None
    status = 200
    problem: str | None = None
    if request.method == "POST":
        form = LogForm(request.POST, items=session.items, names=names)
        if form.is_valid():
            store = services.correct_log if correcting else services.log_session
            try:
                outcome = store(
                    user=user, log=form.to_log(day=date, kind=session.kind), today=today
                )
            except Invalid as exc:
                form.add_problems(exc.problems)
            except services.Conflict as exc:
                problem, status = exc.message, 409
            else:
                return _logged(request, outcome, corrected=correcting)
        if status == 200:
            status = 400
    elif logged is not None:
        form = LogForm(
            initial=initial_from_log(selectors.log_from_row(logged), session.items),
            items=session.items,
            names=names,
        )
    else:
        form = LogForm(
            initial={"idempotency_key": secrets.token_hex(16)}, items=session.items, names=names
        )
    gate = selectors.gate_for(user, today)
    context = {
        "form": form,
        "session": session,
        "day": date,
        "logged": None if logged is None else selectors.log_from_row(logged),
        "versions": [] if logged is None else selectors.log_versions(user, date, session.kind),
        "names": names,
        "gate": gate,
        "problem": problem,
        "nav": "today",
    }
    if not gate.open and status == 200:
        status = 409
    return render(request, "footcore/sessions_log.html", context, status=status)


def _logged(request: HttpRequest, outcome: services.LogOutcome, *, corrected: bool) -> HttpResponse:
    if corrected:
        messages.success(request, "Corrected. The earlier version is kept.")
    else:
        messages.success(
            request, "Logged." if outcome.created else "Already logged: nothing changed."
        )
    for change in outcome.changes:
        messages.info(request, change)
    if outcome.red_flag_screen_due:
        messages.warning(
            request,
            f"Pain of {RED_FLAG_SCREEN_FROM}/{PAIN_MAX} or more: "
            "please answer the safety questions now.",
        )
        return redirect("safety")
    return redirect("today")


@require_POST
def checkin_view(request: HttpRequest) -> HttpResponse:
    form = CheckinForm(request.POST)
    if form.is_valid():
        try:
            services.morning_check(
                user=current_user(request),
                session_date=form.cleaned_data["session_date"],
                settled=form.cleaned_data["settled"] == "yes",
                pain_0_10=form.cleaned_data["pain_0_10"],
                today=_today(request),
            )
        except Invalid as exc:
            for problem in exc.problems:
                if problem.field in form.fields:
                    form.add_error(problem.field, problem.message)
                else:
                    form.add_error(None, problem_words(problem))
        else:
            messages.success(request, "Thanks: morning check saved.")
            return redirect("today")
    context = {"form": form, "nav": "today"}
    return render(request, "footcore/sessions_checkin.html", context, status=400)


@require_http_methods(["GET", "POST"])
def safety_view(request: HttpRequest) -> HttpResponse:
    user = current_user(request)
    today = _today(request)
    status = 200
    if request.method == "POST":
        form = RedFlagForm(request.POST)
        if form.is_valid():
            adaptation = services.record_red_flags(
                user=user, answers=form.to_answers(), today=today
            )
            if adaptation.stop_reason:
                messages.warning(request, "Training is stopped: see below.")
            else:
                messages.success(request, "Thanks: no red flags. Train as planned.")
            return redirect("today")
        status = 422
    else:
        form = RedFlagForm()
    view = selectors.program_view(user, today)
    rows = [(q, form[q.flag.field]) for q in RED_FLAG_QUESTIONS]
    context = {"form": form, "rows": rows, "status": view, "nav": "today"}
    return render(request, "footcore/sessions_safety.html", context, status=status)


@require_POST
def clearance_view(request: HttpRequest) -> HttpResponse:
    form = ClearanceForm(request.POST)
    if form.is_valid():
        try:
            services.record_clearance(
                user=current_user(request), note=form.cleaned_data["note"], today=_today(request)
            )
        except Invalid as exc:
            form.add_error("note", "; ".join(p.message for p in exc.problems))
        else:
            messages.success(request, "Clearance recorded: your plan is back on.")
            return redirect("today")
    context = {"form": form, "nav": "today"}
    return render(request, "footcore/sessions_clearance.html", context, status=400)
