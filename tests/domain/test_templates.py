"""Shipped templates hold the sources' exercises at the sources' doses, for this runner."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from footcore.catalog.loader import default_catalog
from footcore.domain.planning import build_plan
from footcore.domain.prescribe import propose_prescription
from footcore.domain.prescription import Frequency, Progression, RxRole
from footcore.domain.problems import Invalid
from footcore.domain.profile import Profile
from footcore.domain.protocols import RATHLEFF_COURSE_WEEKS, rathleff
from footcore.domain.templates import (
    FOOT_CORE_EXERCISES,
    FOOT_CORE_PER_WEEK,
    SHIPPED,
    SHIPPED_BY_KEY,
    ApplyMode,
    TemplateContent,
    apply_template,
    check_name,
    saved_content,
    shipped_content,
    template_data,
)
from footcore.domain.vocab import Concern, Equipment, PainSite, Weekday

CATALOG = default_catalog()
MONDAY = dt.date(2027, 1, 4)
HOME = (Equipment.STEP, Equipment.TOWEL, Equipment.BACKPACK, Equipment.WALL, Equipment.CHAIR)


def make_profile(**over: Any) -> Profile:
    fields: dict[str, Any] = {
        "start": MONDAY,
        "run_days": (Weekday.TUE, Weekday.THU, Weekday.SAT),
        "long_run_day": Weekday.SAT,
        "sessions_per_week": 3,
        "minutes": 25,
        "equipment": HOME,
    }
    fields.update(over)
    return Profile(**fields)


def test_every_shipped_template_names_a_source_that_the_catalog_knows() -> None:
    keys = [t.key for t in SHIPPED]
    assert keys == [
        "seed-000-routine",
        "seed-004-warm-up",
        "seed-004-weekly",
        "rathleff-heel-pain",
        "hsr-achilles",
        "foot-core",
    ]
    for template in SHIPPED:
        assert template.citation in CATALOG.citations, template.key
        content = shipped_content(template, make_profile(), CATALOG)
        assert content.items or content.variety, template.key
        for item in content.items:
            assert item.citation in CATALOG.citations, (template.key, item.exercise)
            assert item.reason


def test_rathleff_is_the_protocol_the_planner_proposes_for_plantar_heel_pain() -> None:
    profile = make_profile(concerns=(Concern.PLANTAR_FASCIITIS,))
    content = shipped_content(SHIPPED_BY_KEY["rathleff-heel-pain"], profile, CATALOG)
    assert content.items == tuple(rathleff(profile, CATALOG).items)
    heel = content.items[0]
    assert heel.exercise == "heel-raise-towel"
    assert heel.frequency is Frequency.EVERY_SECOND_DAY
    assert heel.course_weeks == RATHLEFF_COURSE_WEEKS
    assert heel.citation == "rathleff-2015"


def test_seed_004_templates_are_the_proposals_warm_up_and_keystones() -> None:
    profile = make_profile()
    proposal = propose_prescription(profile, (), CATALOG, today=MONDAY)
    warm = shipped_content(SHIPPED_BY_KEY["seed-004-warm-up"], profile, CATALOG)
    weekly = shipped_content(SHIPPED_BY_KEY["seed-004-weekly"], profile, CATALOG)
    assert warm.items == proposal.with_role(RxRole.WARM_UP)
    assert weekly.items == proposal.with_role(RxRole.KEYSTONE)


def test_seed_000_routine_is_the_rotation_of_the_seeds_ten_exercises() -> None:
    content = shipped_content(SHIPPED_BY_KEY["seed-000-routine"], make_profile(), CATALOG)
    assert content.items == ()
    seed = [e.id for e in CATALOG.exercises if "seed-000" in e.citations]
    assert content.variety == tuple(seed)
    assert len(seed) == 10


def test_foot_core_uses_the_seeds_doses_three_times_a_week_and_says_its_choices() -> None:
    content = shipped_content(SHIPPED_BY_KEY["foot-core"], make_profile(), CATALOG)
    assert [i.exercise for i in content.items] == list(FOOT_CORE_EXERCISES)
    for item in content.items:
        exercise = CATALOG.get(item.exercise)
        assert item.dose.sets == exercise.dose.sets
        assert (item.dose.reps_min, item.dose.hold_s) == (
            exercise.dose.reps_min,
            exercise.dose.hold_s,
        )
        assert item.per_week == FOOT_CORE_PER_WEEK
        assert item.progression is Progression.LADDER
        assert "footcore's choice" in item.reason
    assert any("not verified" in n for n in content.notes)


def test_foot_core_with_two_sessions_a_week_warns_and_asks_for_three() -> None:
    content = shipped_content(
        SHIPPED_BY_KEY["foot-core"], make_profile(sessions_per_week=2), CATALOG
    )
    assert all(i.per_week == 2 for i in content.items)
    assert any("Choose 3 sessions a week" in w for w in content.warnings)


def test_a_pain_site_leaves_out_what_it_excludes_as_a_proposal_would() -> None:
    profile = make_profile(concerns=(Concern.PLANTAR_FASCIITIS,), pain=(PainSite.BALL_OF_FOOT,))
    content = shipped_content(SHIPPED_BY_KEY["rathleff-heel-pain"], profile, CATALOG)
    assert "heel-raise-towel" not in {i.exercise for i in content.items}
    assert any("cannot hold it" in w for w in content.warnings)


def test_replace_puts_the_template_in_place_and_add_keeps_the_rest() -> None:
    profile = make_profile(concerns=(Concern.PLANTAR_FASCIITIS,))
    rx = propose_prescription(make_profile(), (), CATALOG, today=MONDAY)
    content = shipped_content(SHIPPED_BY_KEY["rathleff-heel-pain"], profile, CATALOG)
    replaced = apply_template(
        rx, content, mode=ApplyMode.REPLACE, by="mia", today=MONDAY, why="heel pain"
    )
    assert replaced.items == content.items
    assert replaced.variety == rx.variety
    assert replaced.history[-1].by == "mia"
    assert replaced.version == rx.version + 1
    added = apply_template(rx, content, mode=ApplyMode.ADD, by="mia", today=MONDAY, why="x")
    assert added.items[: len(rx.items)] == rx.items
    assert added.items[len(rx.items) :] == content.items


def test_a_template_with_nothing_for_this_client_is_refused() -> None:
    rx = propose_prescription(make_profile(), (), CATALOG, today=MONDAY)
    with pytest.raises(Invalid) as refused:
        apply_template(
            rx, TemplateContent(()), mode=ApplyMode.REPLACE, by="mia", today=MONDAY, why=""
        )
    assert refused.value.problems[0].field == "template"


def test_a_saved_template_round_trips_and_drops_what_the_catalog_lacks() -> None:
    rx = propose_prescription(make_profile(), (), CATALOG, today=MONDAY)
    data = template_data(rx)
    assert saved_content(data, make_profile(), CATALOG).items == rx.items
    data["items"].append({**data["items"][0], "exercise": "moonwalk"})
    content = saved_content(data, make_profile(), CATALOG)
    assert content.items == rx.items
    assert any("moonwalk" in w for w in content.warnings)


def test_the_seed_000_routine_plans_five_exercises_in_week_one() -> None:
    profile = make_profile()
    rx = propose_prescription(profile, (), CATALOG, today=MONDAY)
    content = shipped_content(SHIPPED_BY_KEY["seed-000-routine"], profile, CATALOG)
    routine = apply_template(rx, content, mode=ApplyMode.REPLACE, by="mia", today=MONDAY, why="")
    plan = build_plan(profile, CATALOG, prescription=routine)
    week_one = {i.exercise for s in plan.weeks[0].sessions for i in s.items}
    assert len(week_one) == 5
    assert week_one <= set(content.variety or ())


@pytest.mark.parametrize("name", ["", "   ", "x" * 81])
def test_a_template_name_must_be_given_and_short(name: str) -> None:
    with pytest.raises(Invalid) as refused:
        check_name(name)
    assert refused.value.problems[0].field == "name"


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(
    items=st.lists(
        st.fixed_dictionaries(
            {},
            optional={
                "exercise": st.sampled_from(["short-foot", "x"]),
                "stages": JSON,
                "variant": JSON,
                "frequency": JSON,
            },
        ),
        max_size=3,
    ),
    variety=JSON,
)
def test_a_stored_template_of_any_shape_gives_content_or_warnings_never_a_crash(
    items: list[dict[str, Any]], variety: Any
) -> None:
    data = {"items": items, "variety": variety if isinstance(variety, list) else []}
    content = saved_content(data, make_profile(), CATALOG)
    assert len(content.warnings) >= len(items) - len(content.items)
