"""The planner's output, pinned: a spread of runners (the bench's two, and others with
other run days, races, concerns, pains, equipment, minutes and lengths, with and without
adjustments, self-test emphasis, idle weeks and a clinician's prescription) each plan to
exactly the plan recorded here, by a digest of the plan's JSON form and its week notes.

A faster planner must give the same plans: when a rule changes on purpose, print the new
digests (`uv run python -m tests.domain.test_plan_digests`), check the difference and
paste them in.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import random
from collections.abc import Callable
from typing import Any

import pytest

from footcore.catalog.loader import default_catalog
from footcore.domain.catalog import Catalog
from footcore.domain.criteria import PROGRAM
from footcore.domain.plan import ExerciseAdjustment, Plan
from footcore.domain.planning import WHOLE_PLAN, build_plan, emphases, plan_to_dict
from footcore.domain.prescribe import propose_prescription
from footcore.domain.profile import Profile, parse_profile
from footcore.domain.templates import SHIPPED_BY_KEY, ApplyMode, apply_template, shipped_content
from footcore.domain.vocab import Concern, Equipment, PainSite, Weekday
from tests.domain.planning_builders import HOME, MONDAY, home_profile, make_profile, small_catalog

REAL = default_catalog()
SMALL = small_catalog()
DAY = dt.timedelta(days=1)
WEEK = dt.timedelta(days=7)

BENCH_ISSUE = {
    "start": "2026-12-07",
    "weeks": 52,
    "run_days": ["mon", "wed", "fri", "sun"],
    "long_run_day": "sun",
    "hard_days": ["wed"],
    "races": ["2027-01-24", "2027-04-25", "2027-10-10"],
    "sessions_per_week": 3,
    "minutes": 10,
    "concerns": ["shin-splints"],
    "pain": ["ball-of-foot"],
    "equipment": ["step", "towel", "chair"],
}
"""`bench/plan.py`'s issue example, copied so a change to the bench never moves the pin."""
BENCH_EVERY_DAY = {
    "start": "2026-12-07",
    "weeks": 52,
    "run_days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
    "long_run_day": "sat",
    "hard_days": ["tue", "thu"],
    "sessions_per_week": 3,
    "minutes": 60,
    "concerns": ["plantar-fasciitis", "achilles", "flat-feet"],
    "equipment": ["step", "towel", "chair", "wall", "dumbbells", "band", "balance-disk", "ball"],
}


def adjust(exercise: str, since: dt.date, **over: Any) -> ExerciseAdjustment:
    fields: dict[str, Any] = {"level_delta": 0, "paused": False, "reason": "from the log"}
    fields.update(over)
    return ExerciseAdjustment(exercise=exercise, since=since, **fields)


def bench_issue() -> Plan:
    return build_plan(parse_profile(BENCH_ISSUE), REAL)


def bench_every_day() -> Plan:
    return build_plan(parse_profile(BENCH_EVERY_DAY), REAL)


def one_week_from_a_thursday_without_runs_or_equipment() -> Plan:
    profile = home_profile(
        start=dt.date(2027, 1, 7),
        weeks=1,
        run_days=(),
        long_run_day=None,
        sessions_per_week=2,
        minutes=5,
        equipment=(),
    )
    return build_plan(profile, REAL)


def plantar_heel_pain_with_races() -> Plan:
    profile = home_profile(
        concerns=(Concern.PLANTAR_FASCIITIS,),
        pain=(PainSite.HEEL,),
        races=(dt.date(2027, 2, 14), dt.date(2027, 3, 21)),
        hard_days=(Weekday.THU,),
    )
    return build_plan(profile, REAL)


def achilles_under_eighteen_with_dumbbells() -> Plan:
    profile = home_profile(
        weeks=20,
        concerns=(Concern.ACHILLES,),
        pain=(PainSite.ACHILLES,),
        equipment=(Equipment.DUMBBELLS,),
        age=16,
        minutes=40,
    )
    return build_plan(profile, REAL)


def forefoot_pain_with_three_concerns_and_everything_at_hand() -> Plan:
    profile = home_profile(
        weeks=16,
        concerns=(Concern.METATARSALGIA, Concern.PLANTAR_FASCIITIS, Concern.SHIN_SPLINTS),
        pain=(PainSite.BALL_OF_FOOT, PainSite.TOES),
        equipment=tuple(Equipment),
        minutes=35,
    )
    return build_plan(profile, REAL)


def trail_runner_twice_a_week_on_a_balance_disk() -> Plan:
    profile = home_profile(
        weeks=16,
        run_days=(Weekday.MON, Weekday.WED, Weekday.SAT),
        long_run_day=Weekday.SAT,
        sessions_per_week=2,
        concerns=(Concern.TRAIL_STABILITY, Concern.ANKLE_SPRAIN_HISTORY),
        equipment=(Equipment.BALANCE_DISK, Equipment.WALL),
        minutes=15,
    )
    return build_plan(profile, REAL)


def flat_feet_without_equipment_for_thirty_weeks_with_races() -> Plan:
    profile = home_profile(
        weeks=30,
        run_days=(Weekday.TUE, Weekday.THU, Weekday.SAT),
        long_run_day=Weekday.SAT,
        hard_days=(Weekday.TUE, Weekday.THU),
        races=(dt.date(2027, 3, 6), dt.date(2027, 3, 13), dt.date(2027, 6, 26)),
        concerns=(Concern.FLAT_FEET,),
        equipment=(),
        minutes=20,
    )
    return build_plan(profile, REAL)


def insertional_achilles_and_a_stress_fracture_history_for_a_year() -> Plan:
    profile = home_profile(
        start=dt.date(2027, 3, 3),
        weeks=52,
        run_days=tuple(Weekday),
        long_run_day=Weekday.SUN,
        hard_days=(Weekday.TUE, Weekday.FRI),
        races=(
            dt.date(2027, 4, 18),
            dt.date(2027, 6, 6),
            dt.date(2027, 9, 26),
            dt.date(2027, 12, 12),
        ),
        concerns=(
            Concern.ACHILLES_INSERTIONAL,
            Concern.STRESS_FRACTURE_HISTORY,
            Concern.PERFORMANCE,
        ),
        pain=(PainSite.ARCH, PainSite.SHIN),
        equipment=(*HOME, Equipment.DUMBBELLS, Equipment.BAND),
        minutes=45,
        age=52,
    )
    return build_plan(profile, REAL)


def adjustments_pause_step_and_hold_exercises() -> Plan:
    profile = home_profile(concerns=(Concern.PLANTAR_FASCIITIS, Concern.SHIN_SPLINTS))
    start = profile.start
    adjustments = {
        "short-foot": adjust("short-foot", start + 10 * DAY, paused=True, reason="pain 6/10"),
        "heel-raise-towel": adjust(
            "heel-raise-towel",
            start + 15 * DAY,
            level_delta=-1,
            reason="back one step",
            holds=(start + 2 * DAY, start + 23 * DAY),
        ),
        "calf-raises": adjust("calf-raises", start + 20 * DAY, level_delta=2, reason="easy"),
        "toe-yoga": adjust("toe-yoga", start + 40 * DAY, paused=True, reason="toe pain"),
        PROGRAM: adjust(PROGRAM, start, holds=(start + 30 * DAY,)),
    }
    return build_plan(profile, REAL, adjustments=adjustments)


def self_test_emphasis_and_a_low_faam() -> Plan:
    profile = home_profile(weeks=16, concerns=(Concern.FLAT_FEET,))
    return build_plan(profile, REAL, emphasis=("plantar-stretch", "toe-spreads", WHOLE_PLAN))


def idle_weeks_hold_the_level() -> Plan:
    profile = home_profile(weeks=10, concerns=(Concern.SHIN_SPLINTS,))
    monday = profile.start
    return build_plan(
        profile, REAL, idle_weeks=(monday + WEEK, monday + 2 * WEEK, monday + 5 * WEEK)
    )


def a_clinicians_template_with_a_pinned_exercise() -> Plan:
    profile = home_profile(weeks=14, concerns=(Concern.PLANTAR_FASCIITIS,), minutes=20)
    proposed = propose_prescription(profile, emphases(("toe-spreads",)), REAL)
    content = shipped_content(SHIPPED_BY_KEY["hsr-achilles"], profile, REAL)
    rx = apply_template(
        proposed, content, mode=ApplyMode.ADD, by="A. Clinician", today=profile.start, why="HSR"
    )
    items = tuple(
        dataclasses.replace(i, pinned=True) if i.exercise == "short-foot" else i for i in rx.items
    )
    rx = rx.revised(by="A. Clinician", on=profile.start, why="pin", items=items)
    return build_plan(profile, REAL, prescription=rx)


def the_small_catalog_with_pauses_and_steps() -> Plan:
    profile = make_profile(weeks=8, races=(MONDAY + 38 * DAY,))
    adjustments = {
        "calf-raises": adjust("calf-raises", MONDAY + 9 * DAY, level_delta=1, reason="easy"),
        "toe-curls": adjust("toe-curls", MONDAY + 12 * DAY, paused=True, reason="cramp"),
        "shin-curls": adjust("shin-curls", MONDAY, level_delta=-2, reason="too hard"),
    }
    return build_plan(profile, SMALL, adjustments=adjustments)


def the_small_catalog_every_day_for_a_year() -> Plan:
    profile = make_profile(
        weeks=52,
        run_days=tuple(Weekday),
        long_run_day=Weekday.SAT,
        hard_days=(Weekday.TUE,),
        minutes=30,
        concerns=(Concern.ACHILLES, Concern.TRAIL_STABILITY),
        pain=(PainSite.HEEL,),
    )
    return build_plan(profile, SMALL)


def seeded_case(seed: int) -> tuple[Plan, Catalog]:
    """A random runner from `seed` (Python's `random` is the same on every run): any
    running week, races, concerns, pains, equipment and length, and for some seeds
    adjustments, self-test emphasis and idle weeks too."""
    rng = random.Random(seed)
    catalog = REAL if seed % 3 else SMALL
    start = dt.date(2025, 1, 1) + rng.randrange(4 * 365) * DAY
    weeks = rng.randint(1, 52)
    run_days = rng.sample(list(Weekday), rng.randint(0, 7))
    long_run = rng.choice([None, *run_days]) if run_days else None
    hard = rng.sample(run_days, rng.randint(0, len(run_days)))
    horizon = (weeks + 1) * 7
    profile = Profile(
        start=start,
        weeks=weeks,
        run_days=tuple(run_days),
        long_run_day=long_run,
        hard_days=tuple(hard),
        races=tuple({start + rng.randrange(horizon) * DAY for _ in range(rng.randint(0, 4))}),
        sessions_per_week=rng.randint(2, 3),
        minutes=rng.randint(5, 60),
        concerns=tuple(rng.sample(list(Concern), rng.randint(0, 3))),
        pain=tuple(rng.sample(list(PainSite), rng.randint(0, 2))),
        equipment=tuple(rng.sample(list(Equipment), rng.randint(0, len(Equipment)))),
        age=rng.choice([None, rng.randint(12, 70)]),
    )
    adjustments = {}
    if seed % 2:
        for exercise in rng.sample(catalog.ids(), 4):
            adjustments[exercise] = adjust(
                exercise,
                start + rng.randrange(horizon) * DAY,
                level_delta=rng.randint(-3, 3),
                paused=rng.random() < 0.3,
                holds=tuple(sorted(start + rng.randrange(horizon) * DAY for _ in range(2))),
            )
    emphasis = tuple(rng.sample(catalog.ids(), rng.randint(0, 2))) if seed % 4 == 1 else ()
    first_monday = profile.first_monday
    idle = tuple(first_monday + k * WEEK for k in range(1, weeks, 3)) if seed % 5 == 2 else ()
    plan = build_plan(profile, catalog, adjustments=adjustments, emphasis=emphasis, idle_weeks=idle)
    return plan, catalog


SEEDED = (
    "1fe2e5575d31410f",
    "5e31c03acd837215",
    "3c03daf7e543dbb7",
    "bc5d28d77204498e",
    "003bd0f81ac5bde5",
    "cac22a21071c0ba8",
    "4a7d5408f823beff",
    "02dc3e352555d5bf",
    "5ebe41f6ffb98acd",
    "a12899b3b13bb7f4",
    "2e66bf0b8d8016da",
    "a60ee9fc401fd34b",
    "0e0959ea296b4b0e",
    "fbc35e9379714e77",
    "27a36c59d0a39c59",
    "43a7a39772d8851f",
    "754748ba6175686e",
    "e83bfbe20f8c9d99",
    "36c310ed7267234e",
    "3264ad47b6c1915e",
    "452aef939ae85686",
    "90f762d3c9907edc",
    "5dcba07dcac28e01",
    "9de5cb04e9fee2aa",
    "622f57965eed3857",
    "8938d0821da7e795",
    "94c70e32e2c7febe",
    "79b16c988f84c74c",
    "fc5408a76a27bead",
    "2563782f375f4e82",
    "7cc9af8645c010b3",
    "50f00c1a3e5edce3",
    "9cfdb1b087cbc8aa",
    "740ad041c0134790",
    "95e195eec4c8d004",
    "0db6d5cc353031cf",
    "7be8f58c1a6a13fc",
    "99ec5a6b23545684",
    "495e7cc0e91ac6c4",
    "1d7d9e206842f297",
)
"""The first 16 hex digits of each seed's digest, seeds 0, 1, 2, ..."""


CASES: dict[str, tuple[Callable[[], Plan], Catalog]] = {
    f.__name__: (f, catalog)
    for f, catalog in (
        (bench_issue, REAL),
        (bench_every_day, REAL),
        (one_week_from_a_thursday_without_runs_or_equipment, REAL),
        (plantar_heel_pain_with_races, REAL),
        (achilles_under_eighteen_with_dumbbells, REAL),
        (forefoot_pain_with_three_concerns_and_everything_at_hand, REAL),
        (trail_runner_twice_a_week_on_a_balance_disk, REAL),
        (flat_feet_without_equipment_for_thirty_weeks_with_races, REAL),
        (insertional_achilles_and_a_stress_fracture_history_for_a_year, REAL),
        (adjustments_pause_step_and_hold_exercises, REAL),
        (self_test_emphasis_and_a_low_faam, REAL),
        (idle_weeks_hold_the_level, REAL),
        (a_clinicians_template_with_a_pinned_exercise, REAL),
        (the_small_catalog_with_pauses_and_steps, SMALL),
        (the_small_catalog_every_day_for_a_year, SMALL),
    )
}

DIGESTS = {
    "bench_issue": "8bf6caa67e2c533ae7c66f935817bb337131aa96a3d9cbbde3c75079feb37d52",
    "bench_every_day": "1938014eb6e9bf80b125867d38191f80a119b31cfc470012f9a7b5d7c7260df0",
    "one_week_from_a_thursday_without_runs_or_equipment": (
        "2f992cb76f9ebc4067e760db520361621f51e3b96d7be466e03e0bb9a80680d8"
    ),
    "plantar_heel_pain_with_races": (
        "e5850e1cb2b2e0b8392e2b8a07e13d1f22d0231ac2c37e4d4a720827248588ed"
    ),
    "achilles_under_eighteen_with_dumbbells": (
        "359f2a46be3e7d9871ec86220758c50cffc1f07205e5085a644bd098477ca5c0"
    ),
    "forefoot_pain_with_three_concerns_and_everything_at_hand": (
        "8e4e9cf129b425a7772010524e76c8c6db97fecf629d413a820eb67ef55166f6"
    ),
    "trail_runner_twice_a_week_on_a_balance_disk": (
        "9a6dc5a37571a805cc82e3a22da3a4f2957896037f9adede7ab1cefb599d7721"
    ),
    "flat_feet_without_equipment_for_thirty_weeks_with_races": (
        "87a42b30c312d744d67fa4660bca57b973b9d4b3c56c0464ed415a61615d7e79"
    ),
    "insertional_achilles_and_a_stress_fracture_history_for_a_year": (
        "073e40549e3f4acf0742c3924fda5ba68745ac65cae14d83ce23f7f0646da9ed"
    ),
    "adjustments_pause_step_and_hold_exercises": (
        "fc085ac54b1bf09287c18d313b6e6d8b7e3a08a543e1aad3c0f1aa2d7ac8f822"
    ),
    "self_test_emphasis_and_a_low_faam": (
        "f5b65b78881e48f0edeb1cf2dbdd0905aaeb25564aa9db2d1c5591c3c101780d"
    ),
    "idle_weeks_hold_the_level": (
        "ea4b067136515ada31045fbf2146720b976c01026486e117fadafc532e712f23"
    ),
    "a_clinicians_template_with_a_pinned_exercise": (
        "37d96ea8f6d064dfa1de7a2691f3e7370a8db64a581cb3167044a2bcfc228a50"
    ),
    "the_small_catalog_with_pauses_and_steps": (
        "2bc633d9a0d0dc624f943db1fabf3972b453932dd7a485b8ecf92dc15ba22b14"
    ),
    "the_small_catalog_every_day_for_a_year": (
        "d689c95432566454082cad2d83eea0b26478e6519a0abce8e7f30e1697cbca5d"
    ),
}


def digest(plan: Plan, catalog: Catalog) -> str:
    """sha256 of the plan's canonical JSON form with each week's notes (which the JSON
    form leaves out but the stored plan keeps)."""
    form = {"plan": plan_to_dict(plan, catalog), "notes": [list(w.notes) for w in plan.weeks]}
    text = json.dumps(form, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(text.encode()).hexdigest()


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_runner_still_gets_exactly_the_plan_recorded_for_it(name: str) -> None:
    build, catalog = CASES[name]
    assert digest(build(), catalog) == DIGESTS[name]


@pytest.mark.parametrize("seed", range(len(SEEDED)))
def test_each_seeded_random_runner_still_gets_exactly_the_plan_recorded_for_it(
    seed: int,
) -> None:
    assert digest(*seeded_case(seed))[:16] == SEEDED[seed]


def test_the_digest_moves_with_a_single_changed_word_or_week_note() -> None:
    plan = bench_issue()
    week = plan.weeks[3]
    session = week.sessions[0]
    reworded = dataclasses.replace(session, reason=session.reason + ".")
    changed = [
        dataclasses.replace(week, sessions=(reworded, *week.sessions[1:])),
        dataclasses.replace(week, notes=(*week.notes, "one more note")),
    ]
    for other in changed:
        weeks = (*plan.weeks[:3], other, *plan.weeks[4:])
        assert digest(dataclasses.replace(plan, weeks=weeks), REAL) != DIGESTS["bench_issue"]


if __name__ == "__main__":
    for case, (build, catalog) in CASES.items():
        print(f'    "{case}": "{digest(build(), catalog)}",')
    for seed in range(40):
        print(f'    "{digest(*seeded_case(seed))[:16]}",')
