"""Recognising runs, long runs, hard sessions and races in calendar text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from footcore.domain.training_calendar import TrainingTag
from footcore.interchange.training_text import classify_training_text, normalise

RUN = frozenset({TrainingTag.RUN})
LONG = frozenset({TrainingTag.RUN, TrainingTag.LONG_RUN})
HARD = frozenset({TrainingTag.RUN, TrainingTag.HARD})
RACE = frozenset({TrainingTag.RUN, TrainingTag.RACE})
NOTHING: frozenset[TrainingTag] = frozenset()


@pytest.mark.parametrize(
    ("summary", "expected"),
    [
        ("Easy run", RUN),
        ("Recovery jog", RUN),
        ("10k easy", RUN),
        ("🏃 Easy Run · 5km", RUN),
        ("Dauerlauf locker", RUN),
        ("Footing 40'", RUN),
        ("Long Run", LONG),
        ("LR 20k", LONG),
        ("Easy run 18 km", LONG),
        ("Easy run 12 mi", LONG),
        ("Sortie longue 1h45", LONG),
        ("Langer Lauf", LONG),
        ("Intervals 6x800m", HARD),
        ("Tempo 3 x 10'", HARD),
        ("Threshold run", HARD),
        ("Track: 12 x 400", HARD),
        ("Fartlek", HARD),
        ("Hill repeats", HARD),
        ("VO2max session", HARD),
        ("Fractionné 10x400", HARD),
        ("Intervalle am Berg", HARD),
        ("Marathon pace run", HARD),
        ("parkrun", HARD),
        ("parkrun race - go for a PB!", RACE),
        ("Berlin Marathon", RACE),
        ("Race day: Frankfurt Marathon", RACE),
        ("Half Marathon race", RACE),
        ("Wettkampf: Stadtlauf 10 km", RACE),
        ("Half marathon training week 3", NOTHING),
        ("Marathon expo - bib pick-up", NOTHING),
        ("Pre-race shakeout run", RUN),
        ("Bike 40 km", NOTHING),
        ("Swim 2 km", NOTHING),
        ("Dry run of the product demo", NOTHING),
        ("Team meeting", NOTHING),
        ("Packers vs. Bears", NOTHING),
        ("F1 Race Monza", NOTHING),
        ("Long weekend", NOTHING),
    ],
)
def test_it_classifies_a_title(summary: str, expected: frozenset[TrainingTag]) -> None:
    assert classify_training_text(summary) == expected


def test_the_notes_add_detail_once_the_title_says_run() -> None:
    assert classify_training_text("Easy run", "Planned: 1:50:00 / 19.5 km") == LONG
    assert classify_training_text("Run", "WU 15 min, 5 x 1 km at 10k pace, CD") == HARD


def test_the_notes_alone_do_not_make_an_office_meeting_a_run() -> None:
    assert classify_training_text("Budget review", "We run the numbers for 2 hours") == NOTHING


def test_a_category_can_say_run_when_the_title_does_not() -> None:
    assert classify_training_text("Aerobic 50'", categories=("Run",)) == RUN
    assert classify_training_text("Session 3", categories=("Running",)) == RUN


def test_a_heart_rate_zone_is_not_read_as_hours() -> None:
    assert classify_training_text("Easy run", "Zone 2 HR, 8 km") == RUN


def test_other_sports_are_not_runs_even_with_workout_words() -> None:
    assert classify_training_text("Bike intervals 5x4'") == NOTHING


def test_a_brick_with_an_explicit_run_is_a_run() -> None:
    assert TrainingTag.RUN in classify_training_text("Bike 60' + run 20'")


def test_normalise_folds_case_and_strips_accents() -> None:
    assert normalise("FRACTIONNÉ · Côtes") == "fractionne cotes"
    assert normalise("Løb på bane") == "lob pa bane"


@given(st.text(max_size=80), st.text(max_size=80))
def test_every_tagged_entry_is_a_run_and_a_race_is_nothing_else(summary: str, notes: str) -> None:
    tags = classify_training_text(summary, notes)
    assert not tags or TrainingTag.RUN in tags
    if TrainingTag.RACE in tags:
        assert tags == RACE
