"""Pages name a field in plain words and count from 1, where the API counts from 0."""

from __future__ import annotations

import pytest

from footcore.domain.problems import Problem
from footcore.web.field_words import field_words, problem_words


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("races[0]", "race date 1"),
        ("run_days[2]", "run day 3"),
        ("hard_days[1]", "hard workout day 2"),
        ("weeks", "weeks"),
        ("sessions_per_week", "sessions per week"),
        ("exercises[2].sets_done", "exercise 3, sets done"),
        ("exercises[0].pain_0_10", "exercise 1, pain (0-10)"),
        ("adl[4]", "daily-living item 5"),
        ("sports[0]", "sports item 1"),
        ("heel-raise.left", "heel raises, left"),
        ("balance-eyes-open.right[1]", "eyes-open balance, right, trial 2"),
        ("answers.night_pain", "answer, night pain"),
        ("some_new_field", "some new field"),
        ("", ""),
    ],
)
def test_a_field_path_reads_as_plain_words(path: str, words: str) -> None:
    assert field_words(path) == words


def test_a_problem_reads_with_its_field_in_words() -> None:
    problem = Problem("races[1]", "2026-11-01 is before the start (2026-12-07)")
    assert problem_words(problem) == "race date 2: 2026-11-01 is before the start (2026-12-07)"


def test_a_problem_with_the_whole_input_shows_its_message_alone() -> None:
    assert problem_words(Problem("", "the file is empty")) == "the file is empty"
