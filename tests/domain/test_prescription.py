"""The proposed prescription and how the scheduler places it, against the real catalog."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from footcore.catalog.loader import default_catalog
from footcore.domain.plan import Plan, SessionKind, WeekKind
from footcore.domain.planning import build_plan
from footcore.domain.prescribe import propose_prescription
from footcore.domain.prescription import Frequency, Progression, RxRole
from footcore.domain.prescription_serialize import prescription_from_dict, prescription_to_dict
from footcore.domain.vocab import Concern, Equipment, PainSite
from tests.domain.planning_builders import HOME, HOME_START, home_profile

CATALOG = default_catalog()
MONDAY = HOME_START
make_profile = home_profile


def strength_items(plan: Plan, week: int, exercise_id: str) -> list[tuple[str, Any]]:
    return [
        (item.variant, item.dose)
        for s in plan.weeks[week - 1].sessions
        if s.kind is SessionKind.STRENGTH
        for item in s.items
        if item.exercise == exercise_id
    ]


def test_plantar_heel_pain_gets_rathleffs_heel_raise_in_every_session_for_twelve_weeks() -> None:
    profile = make_profile(concerns=(Concern.PLANTAR_FASCIITIS,), pain=(PainSite.HEEL,))
    rx = propose_prescription(profile, (), CATALOG)
    item = rx.item("heel-raise-towel")
    assert item is not None
    assert (item.frequency, item.role, item.course_weeks, item.citation) == (
        Frequency.EVERY_SECOND_DAY,
        RxRole.CONCERN_PROTOCOL,
        12,
        "rathleff-2015",
    )
    assert [(s.from_week, s.dose.sets, s.dose.rm) for s in item.stages] == [
        (1, 3, 12),
        (3, 4, 10),
        (5, 5, 8),
    ]
    assert item.regression is not None
    assert item.regression.variant == "both-legs"
    assert rx.item("plantar-stretch") is not None
    plan = build_plan(profile, CATALOG, prescription=rx)
    for week in plan.weeks:
        sessions = [s for s in week.sessions if s.kind is SessionKind.STRENGTH]
        if week.kind is WeekKind.BUILD:
            assert len(strength_items(plan, week.index, "heel-raise-towel")) == len(sessions)
    week1 = strength_items(plan, 1, "heel-raise-towel")
    week5 = strength_items(plan, 5, "heel-raise-towel")
    assert {(v, d.sets, d.reps_min, d.rm) for v, d in week1} == {("single-leg", 3, 12, 12)}
    assert {(v, d.sets, d.reps_min, d.rm) for v, d in week5} == {("backpack-8rm", 5, 8, 8)}
    assert all(d.tempo is not None and d.tempo.rep_s == 8 for _, d in week1)


def test_two_sessions_a_week_cannot_hold_every_second_day_and_the_warning_proposes_three() -> None:
    rx = propose_prescription(
        make_profile(concerns=(Concern.PLANTAR_FASCIITIS,), sessions_per_week=2), (), CATALOG
    )
    assert any("every second day" in w and "Choose 3 sessions" in w for w in rx.warnings)


def test_short_minutes_warn_that_the_protocol_needs_more_and_never_cut_its_load() -> None:
    profile = make_profile(concerns=(Concern.PLANTAR_FASCIITIS,), minutes=10)
    rx = propose_prescription(profile, (), CATALOG)
    assert any("Set the minutes to at least" in w for w in rx.warnings)
    plan = build_plan(profile, CATALOG, prescription=rx)
    doses = [d for _, d in strength_items(plan, 1, "heel-raise-towel")]
    assert doses
    assert all((d.sets, d.rm) == (3, 12) for d in doses)


def test_achilles_pain_gets_heavy_slow_resistance_three_times_a_week_at_home() -> None:
    profile = make_profile(
        concerns=(Concern.ACHILLES,), pain=(PainSite.ACHILLES,), equipment=(Equipment.DUMBBELLS,)
    )
    rx = propose_prescription(profile, (), CATALOG)
    for exercise_id in ("seated-heel-raise-loaded", "standing-heel-raise-loaded"):
        item = rx.item(exercise_id)
        assert item is not None
        assert (item.per_week, item.citation, item.progression) == (
            3,
            "beyer-2015",
            Progression.COURSE,
        )
        assert [(s.from_week, s.dose.sets, s.dose.rm) for s in item.stages] == [
            (1, 3, 15),
            (2, 3, 12),
            (4, 4, 10),
            (9, 4, 6),
        ]
        assert all(
            s.dose.tempo is not None and s.dose.tempo.up_s == 3 == s.dose.tempo.down_s
            for s in item.stages
        )
    standing = rx.item("standing-heel-raise-loaded")
    assert standing is not None
    assert standing.variant == "floor-dumbbells"  # no step at hand
    assert "toe-walking" not in rx.variety
    assert "calf-raises" not in rx.variety


def test_insertional_achilles_pain_never_drops_the_heel_below_a_step() -> None:
    profile = make_profile(concerns=(Concern.ACHILLES_INSERTIONAL,))
    standing = propose_prescription(profile, (), CATALOG).item("standing-heel-raise-loaded")
    assert standing is not None
    assert all(s.variant.startswith("floor-") for s in standing.stages)


def test_ball_of_foot_pain_leaves_out_every_forefoot_loader_and_keeps_toe_spreads_weekly() -> None:
    profile = make_profile(
        concerns=(Concern.METATARSALGIA, Concern.PLANTAR_FASCIITIS, Concern.SHIN_SPLINTS),
        pain=(PainSite.BALL_OF_FOOT,),
        equipment=(*HOME, Equipment.DUMBBELLS),
    )
    rx = propose_prescription(profile, (), CATALOG)
    assert rx.item("heel-raise-towel") is None
    assert any("Heel Raise with a Towel" in w for w in rx.warnings)
    plan = build_plan(profile, CATALOG, prescription=rx)
    for week in plan.weeks:
        content = {i.exercise: i.variant for s in week.sessions for i in s.items}
        assert not {"toe-walking", "heel-raise-towel", "standing-heel-raise-loaded"} & set(content)
        assert content.get("calf-raises", "floor-supported") == "floor-supported"
        if week.kind is WeekKind.BUILD:
            assert "toe-spreads" in content


def test_every_pain_site_changes_something_or_says_it_does_not() -> None:
    for site in PainSite:
        rx = propose_prescription(make_profile(pain=(site,)), (), CATALOG)
        words = site.value.replace("-", " ").removesuffix("s")
        assert any(words in n.lower().replace("-", " ") for n in rx.notes), site


def test_a_trail_runner_with_a_sprain_history_climbs_the_balance_ladder_every_week() -> None:
    profile = make_profile(
        concerns=(Concern.TRAIL_STABILITY, Concern.ANKLE_SPRAIN_HISTORY),
        equipment=(Equipment.BALANCE_DISK, Equipment.WALL),
        weeks=16,
    )
    plan = build_plan(profile, CATALOG)
    rungs = []
    for week in plan.weeks:
        found = strength_items(plan, week.index, "single-leg-raise")
        assert len(found) >= 2 or week.kind is not WeekKind.BUILD
        rungs.append(found[0][0] if found else None)
    assert "eyes-closed" in rungs
    assert "balance-disk" in rungs
    assert rungs.index("eyes-closed") < rungs.index("balance-disk")


def test_flat_feet_without_a_band_get_a_loaded_posterior_tibialis_option() -> None:
    profile = make_profile(concerns=(Concern.FLAT_FEET,), equipment=(), weeks=16)
    rx = propose_prescription(profile, (), CATALOG)
    tibialis = rx.item("posterior-tibialis-band-inversion")
    assert tibialis is not None
    assert tibialis.per_week == 2
    assert tibialis.variant == "hand-resisted"
    plan = build_plan(profile, CATALOG, prescription=rx)
    last = [v for w in range(1, 17) for v, _ in strength_items(plan, w, tibialis.exercise)]
    assert last[-1] == "ball-heel-raise"


def test_after_week_one_at_most_two_exercises_are_new_even_in_a_long_session() -> None:
    plan = build_plan(make_profile(minutes=30), CATALOG)
    previous: set[str] | None = None
    for week in plan.weeks:
        content = {
            i.exercise for s in week.sessions if s.kind is SessionKind.STRENGTH for i in s.items
        }
        if previous is None:
            assert len(content) == 5
        else:
            assert len(content - previous) <= 2
        previous = content


def test_toe_walking_is_never_padded_past_three_bouts_of_a_minute() -> None:
    plan = build_plan(make_profile(minutes=60, weeks=16), CATALOG)
    for session in plan.sessions():
        for item in session.items:
            if item.exercise == "toe-walking":
                assert item.dose.sets == 1
                assert (item.dose.reps_min or 0) <= 3


def test_a_monday_race_tapers_the_week_before_and_nothing_lands_next_to_it() -> None:
    race = MONDAY + dt.timedelta(weeks=3)
    profile = make_profile(concerns=(Concern.PLANTAR_FASCIITIS,), races=(race,))
    plan = build_plan(profile, CATALOG)
    kinds = [w.kind for w in plan.weeks[:5]]
    assert kinds[2] is WeekKind.RACE
    assert kinds[3] is not WeekKind.RACE
    before = plan.weeks[1].sessions
    week_before = {i.exercise for s in before if s.kind is SessionKind.STRENGTH for i in s.items}
    for session in plan.sessions():
        gap = (race - session.date).days
        if session.kind is SessionKind.STRENGTH:
            assert gap not in (0, 1, 2, -1)
            if 0 < gap <= 7:
                assert all(i.dose.rm is None for i in session.items)
                assert {i.exercise for i in session.items} <= week_before | {"heel-raise-towel"}
        if session.kind is SessionKind.ASSESSMENT:
            assert gap >= 5 or gap <= -2


def test_under_eighteen_no_exercise_is_loaded_to_a_repetition_maximum() -> None:
    profile = make_profile(concerns=(Concern.PLANTAR_FASCIITIS, Concern.ACHILLES), age=16)
    plan = build_plan(profile, CATALOG)
    assert all(i.dose.rm is None for s in plan.sessions() for i in s.items)


def test_a_lighter_week_cuts_sets_and_keeps_the_load() -> None:
    plan = build_plan(make_profile(concerns=(Concern.PLANTAR_FASCIITIS,)), CATALOG)
    assert plan.weeks[3].kind is WeekKind.LIGHTER
    (week3,) = {(d.sets, d.rm) for _, d in strength_items(plan, 3, "heel-raise-towel")}
    (week4,) = {(d.sets, d.rm) for _, d in strength_items(plan, 4, "heel-raise-towel")}
    assert week4 == (week3[0] - 1, week3[1])


def test_user_facing_plan_text_shows_no_internal_keys_or_bare_rm() -> None:
    profile = make_profile(
        concerns=(Concern.PLANTAR_FASCIITIS, Concern.ACHILLES, Concern.TRAIL_STABILITY)
    )
    plan = build_plan(profile, CATALOG)
    texts = [*plan.warnings, *(n for w in plan.weeks for n in w.notes)]
    for session in plan.sessions():
        texts += [session.reason, *(i.reason for i in session.items)]
        texts += [i.dose.describe() for i in session.items]
    for text in texts:
        assert not re.search(r"seed-00\d|footcore-design|\d+RM\b|-20\d\d\b", text), text


def test_the_json_form_round_trips_and_names_the_source_in_plain_words() -> None:
    rx = propose_prescription(make_profile(concerns=(Concern.PLANTAR_FASCIITIS,)), (), CATALOG)
    data = prescription_to_dict(rx)
    assert prescription_from_dict(data) == rx
    (item,) = [i for i in data["items"] if i["exercise"] == "heel-raise-towel"]
    assert (item["citation"], item["source"]) == ("rathleff-2015", "Rathleff 2015")
    assert data["history"][0]["by"] == "footcore"


def test_same_inputs_give_the_same_prescription() -> None:
    profile = make_profile(concerns=tuple(Concern), pain=(PainSite.ARCH,))
    assert propose_prescription(profile, (), CATALOG) == propose_prescription(profile, (), CATALOG)


def test_the_pain_bands_runners_see_match_the_rules() -> None:
    from footcore.domain.pain_bands import PAIN_BANDS, PAIN_GUIDE
    from footcore.domain.safety import PainZone, classify_pain

    assert [(b.low, b.high) for b in PAIN_BANDS] == [(0, 2), (3, 5), (6, 10)]
    assert classify_pain(2, None) is PainZone.FINE
    assert classify_pain(5, True) is PainZone.ACCEPTABLE
    assert classify_pain(6, True) is PainZone.TOO_MUCH
    assert "2-3/10" not in PAIN_GUIDE
    assert "silbernagel" not in PAIN_GUIDE
    assert "Up to 5/10: acceptable if settled by the next morning" in PAIN_GUIDE


def test_a_low_faam_score_keeps_the_plan_steady_as_promised() -> None:
    from footcore.domain.steering import Emphasis

    low_faam = (Emphasis(exercise=None, reasons=("FAAM sports 70%",), kinds=()),)
    profile = make_profile(minutes=30, weeks=8)
    steady = build_plan(
        profile, CATALOG, prescription=propose_prescription(profile, low_faam, CATALOG)
    )
    usual = build_plan(profile, CATALOG)
    assert any("FAAM" in w for w in steady.warnings)

    def new_per_week(plan: Plan) -> list[int]:
        counts, previous = [], None
        for week in plan.weeks:
            content = {
                i.exercise for s in week.sessions if s.kind is SessionKind.STRENGTH for i in s.items
            }
            if previous is not None:
                counts.append(len(content - previous))
            previous = content
        return counts

    assert max(new_per_week(steady)) <= 1

    def short_foot_reps(plan: Plan) -> int:
        return max(
            i.dose.sets * (i.dose.reps_min or 0)
            for s in plan.weeks[-1].sessions
            if s.kind is SessionKind.STRENGTH
            for i in s.items
            if i.exercise == "posterior-tibialis-band-inversion"
        )

    assert short_foot_reps(steady) <= short_foot_reps(usual)
