"""The onboarding form: HTML fields in, the planner's JSON profile out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django import forms

from footcore.domain.problems import Problem
from footcore.domain.profile import (
    AGE_RANGE,
    DEFAULT_MINUTES,
    DEFAULT_SESSIONS_PER_WEEK,
    DEFAULT_TIMEZONE,
    DEFAULT_WEEKS,
    MINUTES_RANGE,
    SESSIONS_RANGE,
    WEEKS_RANGE,
    Profile,
    Sex,
    profile_to_dict,
)
from footcore.domain.vocab import Concern, Equipment, PainSite, Weekday
from footcore.web.field_words import problem_words

DAY_NAMES = {
    "mon": "Monday",
    "tue": "Tuesday",
    "wed": "Wednesday",
    "thu": "Thursday",
    "fri": "Friday",
    "sat": "Saturday",
    "sun": "Sunday",
}
DAYS = [(d.value, DAY_NAMES[d.value]) for d in Weekday]


def _choices(enum: Any) -> list[tuple[str, str]]:
    """Choices in plain words: the member's `label` where it has one."""
    return [(m.value, getattr(m, "label", m.value.replace("-", " "))) for m in enum]


class ProfileForm(forms.Form):
    start = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    weeks = forms.IntegerField(
        min_value=WEEKS_RANGE[0], max_value=WEEKS_RANGE[1], initial=DEFAULT_WEEKS
    )
    run_days = forms.MultipleChoiceField(
        choices=DAYS, widget=forms.CheckboxSelectMultiple, required=False, label="Run days"
    )
    long_run_day = forms.ChoiceField(
        choices=[("", "none"), *DAYS], required=False, label="Long run day"
    )
    hard_days = forms.MultipleChoiceField(
        choices=DAYS,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Hard workout days",
    )
    races = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "placeholder": "2027-01-24"}),
        help_text="One race date per line (YYYY-MM-DD).",
    )
    sessions_per_week = forms.TypedChoiceField(
        choices=[(str(n), str(n)) for n in range(SESSIONS_RANGE[0], SESSIONS_RANGE[1] + 1)],
        coerce=int,
        initial=str(DEFAULT_SESSIONS_PER_WEEK),
        widget=forms.RadioSelect,
    )
    minutes = forms.IntegerField(
        min_value=MINUTES_RANGE[0], max_value=MINUTES_RANGE[1], initial=DEFAULT_MINUTES
    )
    concerns = forms.MultipleChoiceField(
        choices=_choices(Concern), widget=forms.CheckboxSelectMultiple, required=False
    )
    pain = forms.MultipleChoiceField(
        choices=_choices(PainSite),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Where it hurts now",
    )
    equipment = forms.MultipleChoiceField(
        choices=_choices(Equipment),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Equipment at hand",
    )
    age = forms.IntegerField(required=False, min_value=AGE_RANGE[0], max_value=AGE_RANGE[1])
    sex = forms.ChoiceField(choices=[("", "prefer not to say"), *_choices(Sex)], required=False)
    timezone = forms.CharField(
        initial=DEFAULT_TIMEZONE,
        max_length=64,
        label="Time zone",
        # profile.js fills in the browser's zone for a new profile.
        widget=forms.TextInput(attrs={"data-browser-timezone": "1"}),
    )
    time_of_day = forms.TimeField(
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}),
        label="When you usually run (empty: all-day entries in your calendar)",
        help_text="The calendar puts the warm-up just before this time.",
    )
    strength_time = forms.TimeField(
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}),
        label="Time for strength sessions (optional)",
        help_text="Empty: after your run on run days, at your run time on other days.",
    )

    def to_profile_data(self) -> dict[str, object]:
        """The cleaned form as the JSON profile that `parse_profile` reads."""
        data = self.cleaned_data
        races = [line.strip() for line in data["races"].replace(",", "\n").splitlines()]
        time_of_day: dt.time | None = data["time_of_day"]
        strength_time: dt.time | None = data["strength_time"]
        return {
            "start": data["start"].isoformat(),
            "weeks": data["weeks"],
            "run_days": data["run_days"],
            "long_run_day": data["long_run_day"] or None,
            "hard_days": data["hard_days"],
            "races": [r for r in races if r],
            "sessions_per_week": data["sessions_per_week"],
            "minutes": data["minutes"],
            "concerns": data["concerns"],
            "pain": data["pain"],
            "equipment": data["equipment"],
            "age": data["age"],
            "sex": data["sex"] or None,
            "timezone": data["timezone"],
            "time_of_day": None if time_of_day is None else time_of_day.strftime("%H:%M"),
            "strength_time": None if strength_time is None else strength_time.strftime("%H:%M"),
        }

    @classmethod
    def initial_from(cls, profile: Profile) -> dict[str, object]:
        data = profile_to_dict(profile)
        data["races"] = "\n".join(r.isoformat() for r in profile.races)
        return data

    def add_problems(self, problems: Sequence[Problem]) -> None:
        """Attach the planner's problems to the matching form fields."""
        for problem in problems:
            name = problem.field.split("[", 1)[0].split(".", 1)[0]
            self.add_error(name if name in self.fields else None, problem_words(problem))
