"""The one error model: problems name their field, and one exception carries them all."""

from __future__ import annotations

import dataclasses

import pytest

from footcore.domain.problems import Invalid, Problem, invalid


def test_a_problem_reads_as_its_field_then_its_message() -> None:
    assert str(Problem("races[1]", "2026-11-01 is before the start")) == (
        "races[1]: 2026-11-01 is before the start"
    )


def test_a_problem_with_the_whole_input_reads_as_its_message_alone() -> None:
    assert str(Problem("", "the file is empty")) == "the file is empty"


def test_a_problem_cannot_be_changed_once_made() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        Problem("weeks", "must be 1-52 weeks").field = "minutes"  # type: ignore[misc]


def test_invalid_keeps_every_problem_in_order_and_names_them_all() -> None:
    problems = [Problem("weeks", "must be 1-52 weeks, got 0"), Problem("age", "required")]
    error = Invalid(iter(problems))
    assert error.problems == tuple(problems)
    assert str(error) == "weeks: must be 1-52 weeks, got 0; age: required"


def test_invalid_is_a_value_error_so_callers_that_catch_those_still_do() -> None:
    with pytest.raises(ValueError, match="q: search text is too long"):
        raise invalid("q", "search text is too long")
