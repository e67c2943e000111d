"""The guided test forms: one field per test, side and trial; the FAAM's 29 items."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms

from footcore.domain.assessments import (
    DEFINITIONS,
    RECORDABLE_SURFACES,
    SURFACE_WORDS,
    TestDefinition,
    TestKind,
)
from footcore.domain.faam import ADL_ITEMS, BAD_ANSWER, SPORTS_ITEMS, OverallRating
from footcore.domain.problems import Problem
from footcore.domain.vocab import Side
from footcore.web.field_words import problem_words

SIDES = (Side.LEFT, Side.RIGHT)


def field_name(kind: TestKind, side: Side, trial: int | None = None) -> str:
    """`heel-raise-left`, `balance-eyes-open-right-2` (trials counted from 1 on the page)."""
    base = f"{kind.value}-{side.value}"
    return base if trial is None else f"{base}-{trial}"


def _number_field(definition: TestDefinition, label: str) -> forms.FloatField:
    # No min/max here: the domain's range check gives the clearer message.
    return forms.FloatField(
        required=False,
        label=label,
        widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "any"}),
        error_messages={"invalid": f"{label}: enter a number of {definition.unit.value}"},
    )


class TestForm(forms.Form):
    """Per-side inputs for the tests of one group (`selectors.GROUPS`); blanks are skipped."""

    __test__ = False

    def __init__(self, kinds: tuple[TestKind, ...], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kinds = kinds
        self.filled: dict[tuple[TestKind, Side], list[str]] = {}
        if TestKind.HEEL_RAISE in kinds:
            # Not required here: the domain names the missing surface in its own words.
            self.fields["surface"] = forms.ChoiceField(
                required=False,
                label="Where did you stand?",
                choices=[(s.value, SURFACE_WORDS[s]) for s in RECORDABLE_SURFACES],
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": "Where did you stand: choose incline or flat"},
            )
        for kind in kinds:
            definition = DEFINITIONS[kind]
            for side in SIDES:
                label = f"{definition.short_name}, {side.value}"
                if definition.valid is None:
                    self.fields[field_name(kind, side)] = forms.ChoiceField(
                        required=False,
                        label=label,
                        choices=[(g.value, g.value) for g in definition.grades],
                        widget=forms.RadioSelect,
                        error_messages={
                            "invalid_choice": f"{label}: choose "
                            + " or ".join(g.value for g in definition.grades)
                        },
                    )
                elif definition.trials > 1:
                    for trial in range(1, definition.trials + 1):
                        self.fields[field_name(kind, side, trial)] = _number_field(
                            definition, f"{label}, trial {trial} (s)"
                        )
                else:
                    self.fields[field_name(kind, side)] = _number_field(
                        definition, f"{label} ({definition.unit.value})"
                    )

    def values(self) -> dict[TestKind, dict[Side, object]]:
        """The filled-in results per test and side (trials as lists)."""
        out: dict[TestKind, dict[Side, object]] = {}
        for kind in self.kinds:
            definition = DEFINITIONS[kind]
            for side in SIDES:
                raw: object
                if definition.trials > 1:
                    names = [
                        field_name(kind, side, t)
                        for t in range(1, definition.trials + 1)
                        if self.cleaned_data.get(field_name(kind, side, t)) is not None
                    ]
                    # Remembered so a problem with `left[0]` lands on the trial it came from.
                    self.filled[(kind, side)] = names
                    raw = [self.cleaned_data[n] for n in names] or None
                else:
                    raw = self.cleaned_data.get(field_name(kind, side))
                    raw = None if raw == "" else raw
                if raw is not None:
                    out.setdefault(kind, {})[side] = raw
        return out

    def surface(self) -> str | None:
        """The heel raise's surface as chosen (None when not asked or left blank)."""
        return self.cleaned_data.get("surface") or None

    def add_problems(self, problems: Sequence[Problem]) -> None:
        """Attach each domain problem to the input it is about, naming it."""
        for problem in problems:
            test, _, path = problem.field.rpartition(".")
            side, _, index = path.partition("[")
            name = None
            if path == "surface":
                name = "surface"
            elif test in {k.value for k in self.kinds} and side in {s.value for s in SIDES}:
                kind = TestKind(test)
                definition = DEFINITIONS[kind]
                filled = self.filled.get((kind, Side(side)), [])
                if definition.trials > 1 and index and int(index.rstrip("]")) < len(filled):
                    name = filled[int(index.rstrip("]"))]
                elif definition.trials > 1:
                    name = field_name(kind, Side(side), 1)
                else:
                    name = field_name(kind, Side(side))
            if name in self.fields:
                self.add_error(name, f"{self.fields[name].label}: {problem.message}")
            else:
                self.add_error(None, problem_words(problem))


ANSWERS = [("4", "4"), ("3", "3"), ("2", "2"), ("1", "1"), ("0", "0"), ("na", "N/A")]


class FaamForm(forms.Form):
    """The FAAM items (wording as published, martin-faam-2005); a blank item counts as N/A."""

    overall = forms.ChoiceField(
        required=False,
        label="How would you rate your current level of function overall?",
        choices=[("", "no answer"), *[(r.value, r.value.replace("-", " ")) for r in OverallRating]],
    )
    adl_self_rating = forms.IntegerField(
        required=False,
        label="Daily activities: your level of function from 0 to 100 (100 = before any problem)",
        error_messages={"invalid": "adl_self_rating: self-rating must be a whole number 0-100"},
    )
    sports_self_rating = forms.IntegerField(
        required=False,
        label="Sports: your level of function from 0 to 100 (100 = before any problem)",
        error_messages={"invalid": "sports_self_rating: self-rating must be a whole number 0-100"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for scale, items in (("adl", ADL_ITEMS), ("sports", SPORTS_ITEMS)):
            for index, item in enumerate(items):
                self.fields[f"{scale}_{index}"] = forms.ChoiceField(
                    required=False,
                    label=item,
                    choices=ANSWERS,
                    widget=forms.RadioSelect,
                    error_messages={
                        "invalid_choice": problem_words(Problem(f"{scale}[{index}]", BAD_ANSWER))
                    },
                )

    def items(self, scale: str) -> list[forms.BoundField]:
        count = len(ADL_ITEMS) if scale == "adl" else len(SPORTS_ITEMS)
        return [self[f"{scale}_{i}"] for i in range(count)]

    def answers(self, scale: str) -> list[int | None]:
        count = len(ADL_ITEMS) if scale == "adl" else len(SPORTS_ITEMS)
        raw = [self.cleaned_data.get(f"{scale}_{i}") for i in range(count)]
        return [int(a) if a not in (None, "", "na") else None for a in raw]

    def add_problems(self, problems: Sequence[Problem]) -> None:
        for problem in problems:
            name = problem.field.replace("[", "_").rstrip("]")
            self.add_error(name if name in self.fields else None, problem_words(problem))
