"""HTML forms: a session log, the morning check, the red-flag screen and a clearance."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django import forms

from footcore.domain.logbook import (
    MAX_NOTES_CHARS,
    MAX_SETS,
    PAIN_MAX,
    PAIN_MIN,
    Difficulty,
    ExerciseLog,
    RedFlagAnswers,
    SessionLog,
)
from footcore.domain.plan import PlanItem, SessionKind
from footcore.domain.problems import Problem
from footcore.domain.safety import RED_FLAG_QUESTIONS
from footcore.domain.vocab import PainSite
from footcore.web.field_words import problem_words

YES_NO = [("yes", "Yes"), ("no", "No")]
DIFFICULTIES = [
    (Difficulty.TOO_EASY.value, "Too easy"),
    (Difficulty.RIGHT.value, "Just right"),
    (Difficulty.TOO_HARD.value, "Too hard"),
]
SITES = [
    ("", "no pain / not in the foot"),
    *((p.value, p.value.replace("-", " ")) for p in PainSite),
]


def pain_field(*, required: bool, label: str) -> forms.IntegerField:
    return forms.IntegerField(
        min_value=PAIN_MIN, max_value=PAIN_MAX, required=required, label=label
    )


class LogForm(forms.Form):
    """One planned session: per exercise done or skipped with its sets, then how it felt."""

    idempotency_key = forms.CharField(min_length=8, max_length=64, widget=forms.HiddenInput)
    difficulty = forms.ChoiceField(
        choices=DIFFICULTIES, widget=forms.RadioSelect, label="How did it feel?"
    )
    pain_0_10 = pain_field(required=True, label="Worst pain during or right after (0-10)")
    pain_site = forms.ChoiceField(choices=SITES, required=False, label="Where was the pain?")
    notes = forms.CharField(
        required=False, max_length=MAX_NOTES_CHARS, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, items: Sequence[PlanItem], names: dict[str, str], **kw: Any):
        super().__init__(*args, **kw)
        self.items = list(items)
        for i, item in enumerate(self.items):
            name = names.get(item.exercise, item.exercise)
            self.fields[f"status_{i}"] = forms.ChoiceField(
                choices=[("done", "Done"), ("skipped", "Skipped")],
                initial="done",
                widget=forms.RadioSelect,
                label=name,
            )
            self.fields[f"sets_{i}"] = forms.IntegerField(
                min_value=0, max_value=MAX_SETS, initial=item.dose.sets, label=f"{name}: sets done"
            )

    def rows(self) -> list[tuple[PlanItem, forms.BoundField, forms.BoundField]]:
        return [(item, self[f"status_{i}"], self[f"sets_{i}"]) for i, item in enumerate(self.items)]

    def to_log(self, *, day: dt.date, kind: SessionKind) -> SessionLog:
        data = self.cleaned_data
        entries = []
        for i, item in enumerate(self.items):
            done = data[f"status_{i}"] == "done"
            entries.append(
                ExerciseLog(
                    exercise=item.exercise,
                    variant=item.variant,
                    side=None,
                    done=done,
                    sets_done=data[f"sets_{i}"] if done else 0,
                )
            )
        return SessionLog(
            date=day,
            kind=kind,
            exercises=tuple(entries),
            difficulty=Difficulty(data["difficulty"]),
            pain_0_10=data["pain_0_10"],
            pain_site=PainSite(data["pain_site"]) if data["pain_site"] else None,
            notes=data["notes"],
            idempotency_key=data["idempotency_key"],
        )

    def add_problems(self, problems: Sequence[Problem]) -> None:
        for problem in problems:
            target = self._field_for(problem.field)
            self.add_error(target, problem_words(problem) if target is None else problem.message)

    def _field_for(self, path: str) -> str | None:
        if path in self.fields:
            return path
        if path.startswith("exercises[") and path.endswith("].sets_done"):
            name = f"sets_{path[len('exercises[') : path.index(']')]}"
            return name if name in self.fields else None
        return None


class CheckinForm(forms.Form):
    session_date = forms.DateField(widget=forms.HiddenInput)
    settled = forms.ChoiceField(
        choices=YES_NO, widget=forms.RadioSelect, label="Has the pain settled this morning?"
    )
    pain_0_10 = pain_field(required=False, label="Pain now (0-10), if any")


class RedFlagForm(forms.Form):
    """One yes/no question per red flag, in `safety.RED_FLAG_QUESTIONS` order."""

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        for q in RED_FLAG_QUESTIONS:
            self.fields[q.flag.field] = forms.ChoiceField(
                choices=YES_NO, widget=forms.RadioSelect, label=q.question
            )

    def to_answers(self) -> RedFlagAnswers:
        return RedFlagAnswers(
            **{q.flag.field: self.cleaned_data[q.flag.field] == "yes" for q in RED_FLAG_QUESTIONS}
        )


class ClearanceForm(forms.Form):
    confirm = forms.BooleanField(
        label="A clinician (doctor or physical therapist) has cleared me to train again."
    )
    note = forms.CharField(
        required=False,
        max_length=MAX_NOTES_CHARS,
        label="Who cleared you, and anything they said (optional)",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
