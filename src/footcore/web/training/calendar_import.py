"""Fill the profile form from a training calendar (.ics) the runner uploads."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from footcore.domain.problems import Invalid
from footcore.interchange.ics_import import (
    LOOK_AHEAD_DAYS,
    LOOK_BACK_DAYS,
    MAX_CALENDAR_BYTES,
    read_training_calendar,
)
from footcore.web.accounts.services import current_user
from footcore.web.runner_clock import runner_today
from footcore.web.training import selectors
from footcore.web.training.forms import ProfileForm

_FORM_OVERHEAD_BYTES = 64 * 1024
"""Room for the multipart headers and the CSRF field around the file."""


class CalendarUploadForm(forms.Form):
    calendar = forms.FileField(help_text="An .ics export or feed file from your training app.")

    def clean_calendar(self) -> bytes:
        upload = self.cleaned_data["calendar"]
        if upload.size > MAX_CALENDAR_BYTES:
            limit_mb = MAX_CALENDAR_BYTES // 1024 // 1024
            raise forms.ValidationError(f"calendar: the file is larger than {limit_mb} MB")
        data: bytes = upload.read()
        return data


@require_POST
def import_calendar(request: HttpRequest) -> HttpResponse:
    """Guess run, long-run, hard and race days from the calendar; pre-fill the form.

    Nothing is stored here: the runner checks the guess and saves the form.
    """
    user = current_user(request)
    profile = selectors.get_profile(user)
    today = runner_today(profile)
    if _declared_bytes(request) > MAX_CALENDAR_BYTES + _FORM_OVERHEAD_BYTES:
        # Refused before Django reads the body into a temporary file.
        limit_mb = MAX_CALENDAR_BYTES // 1024 // 1024
        return HttpResponse(f"calendar: uploads are limited to {limit_mb} MB", status=413)
    upload = CalendarUploadForm(request.POST, request.FILES)
    initial: dict[str, object] = (
        ProfileForm.initial_from(profile) if profile else {"start": today.isoformat()}
    )
    context: dict[str, object] = {"nav": "profile", "upload": upload}
    if not upload.is_valid():
        context["form"] = ProfileForm(initial=initial)
        return render(request, "footcore/profile.html", context, status=400)
    try:
        guess = read_training_calendar(
            upload.cleaned_data["calendar"],
            start=today - dt.timedelta(days=LOOK_BACK_DAYS),
            end=today + dt.timedelta(days=LOOK_AHEAD_DAYS),
        )
    except Invalid as exc:
        upload.add_error("calendar", f"calendar: {exc}")
        context["form"] = ProfileForm(initial=initial)
        return render(request, "footcore/profile.html", context, status=400)
    initial.update(
        {
            "run_days": [d.value for d in guess.run_days],
            "long_run_day": guess.long_run_day.value if guess.long_run_day else "",
            "hard_days": [d.value for d in guess.hard_days],
            "races": "\n".join(d.isoformat() for d in guess.race_dates if d >= today),
        }
    )
    context["form"] = ProfileForm(initial=initial)
    context["imported"] = {
        "runs": len(guess.events),
        "weeks": guess.weeks_seen,
        "problems": [str(p) for p in guess.problems[:10]],
    }
    return render(request, "footcore/profile.html", context)


def _declared_bytes(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0
