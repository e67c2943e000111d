from __future__ import annotations

import dataclasses
import json

import pytest

from footcore.domain.plan import Plan, PlanItem
from footcore.domain.plan_serialize import DOSE_KEYS, plan_digest, plan_from_dict, plan_to_dict
from footcore.domain.planning import build_plan
from tests.domain.planning_builders import make_profile, small_catalog

CATALOG = small_catalog()


def sample_plan() -> Plan:
    return build_plan(make_profile(weeks=4, races=()), CATALOG)


def test_it_produces_exactly_the_documented_shape() -> None:
    data = plan_to_dict(sample_plan(), CATALOG)
    assert set(data) == {"weeks", "warnings"}
    week = data["weeks"][0]
    assert set(week) == {"index", "kind", "start", "sessions"}
    assert (week["index"], week["kind"], week["start"]) == (1, "build", "2026-12-07")
    session = week["sessions"][0]
    assert set(session) == {"date", "kind", "estimated_s", "reason", "items"}
    assert session["kind"] in ("strength", "activation")
    item = session["items"][0]
    assert set(item) == {"exercise", "variant", "dose", "reason"}
    assert list(item["dose"]) == list(DOSE_KEYS) == [
        "sets", "reps_min", "reps_max", "hold_s", "duration_s", "per_side",
        "rest_s", "tempo", "rm", "rep_s", "note",
    ]  # fmt: skip


def test_it_is_plain_json() -> None:
    text = json.dumps(plan_to_dict(sample_plan(), CATALOG))
    assert json.loads(text)["weeks"][3]["kind"] == "lighter"


def test_a_tempo_is_written_as_its_three_phases() -> None:
    plan = build_plan(make_profile(weeks=1), CATALOG, emphasis=("heel-raise-towel",))
    doses = [
        item["dose"]
        for week in plan_to_dict(plan, CATALOG)["weeks"]
        for session in week["sessions"]
        for item in session["items"]
        if item["exercise"] == "heel-raise-towel"
    ]
    assert doses
    assert doses[0]["tempo"] == {"up_s": 3, "top_s": 2, "down_s": 3}
    assert doses[0]["rm"] == 12


def test_it_reads_back_what_it_wrote() -> None:
    plan = sample_plan()
    back = plan_from_dict(json.loads(json.dumps(plan_to_dict(plan, CATALOG))))
    without_notes = dataclasses.replace(
        plan, weeks=tuple(dataclasses.replace(w, notes=()) for w in plan.weeks)
    )
    assert back == without_notes


def test_an_item_the_catalog_does_not_know_is_refused() -> None:
    plan = sample_plan()
    week = plan.weeks[0]
    session = week.sessions[0]
    ghost = PlanItem("ghost-exercise", "standard", session.items[0].dose, "boo")
    broken = dataclasses.replace(
        plan,
        weeks=(
            dataclasses.replace(week, sessions=(dataclasses.replace(session, items=(ghost,)),)),
        ),
    )
    with pytest.raises(KeyError):
        plan_to_dict(broken, CATALOG)


def test_an_unknown_variant_is_refused_too() -> None:
    plan = sample_plan()
    week = plan.weeks[0]
    session = week.sessions[0]
    wrong = dataclasses.replace(session.items[0], variant="no-such-rung")
    broken = dataclasses.replace(
        plan,
        weeks=(
            dataclasses.replace(week, sessions=(dataclasses.replace(session, items=(wrong,)),)),
        ),
    )
    with pytest.raises(KeyError):
        plan_to_dict(broken, CATALOG)


def test_the_digest_is_the_same_for_an_equal_plan_and_differs_for_any_stored_difference() -> None:
    plan = sample_plan()
    week = plan.weeks[1]
    session = week.sessions[0]
    item = session.items[0]
    fewer = dataclasses.replace(item, dose=dataclasses.replace(item.dose, sets=9))
    other_item = dataclasses.replace(session, items=(fewer, *session.items[1:]))
    variants = [
        dataclasses.replace(week, notes=(*week.notes, "a new note")),
        dataclasses.replace(week, sessions=(other_item, *week.sessions[1:])),
        dataclasses.replace(week, sessions=(dataclasses.replace(session, reason="why"),)),
    ]

    assert plan_digest(plan) == plan_digest(sample_plan())
    for changed in variants:
        other = dataclasses.replace(plan, weeks=(plan.weeks[0], changed, *plan.weeks[2:]))
        assert plan_digest(other) != plan_digest(plan)
    assert plan_digest(dataclasses.replace(plan, warnings=("w",))) != plan_digest(plan)
