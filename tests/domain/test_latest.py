from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from footcore.domain.assessments import AssessmentResult, TestKind, Value
from footcore.domain.latest import by_date, latest_results
from footcore.domain.progress_summary import test_trends as trends_of
from footcore.domain.vocab import Sex, Side
from footcore.web.assessments.readings import latest_readings

DAY = dt.date(2025, 3, 3)
LEFT = (TestKind.HEEL_RAISE, Side.LEFT)


def make_result(
    value: Value, day: dt.date = DAY, side: Side | None = Side.LEFT
) -> AssessmentResult:
    return AssessmentResult(date=day, kind=TestKind.HEEL_RAISE, side=side, value=value)


def test_the_latest_result_is_the_newest_by_date_even_when_given_first() -> None:
    old = make_result(10)
    new = make_result(35, DAY + dt.timedelta(days=28))
    found = latest_results([new, old])[LEFT]
    assert found.result is new
    assert found.previous is old


def test_a_same_day_tie_goes_to_the_result_given_later() -> None:
    first, correction = make_result(10), make_result(12)
    found = latest_results([first, correction])[LEFT]
    assert found.result is correction
    assert found.previous is first


def test_a_first_result_has_no_previous_and_no_change() -> None:
    found = latest_results([make_result(20)])[LEFT]
    assert found.previous is None
    assert found.change() is None


def test_each_side_has_its_own_latest() -> None:
    left, right = make_result(20), make_result(25, side=Side.RIGHT)
    latest = latest_results([left, right])
    assert latest[LEFT].result is left
    assert latest[(TestKind.HEEL_RAISE, Side.RIGHT)].result is right


def test_no_results_have_no_latest() -> None:
    assert latest_results([]) == {}


def test_a_back_dated_entry_stored_last_is_not_the_latest_reading() -> None:
    new = make_result(35, DAY + dt.timedelta(days=28))
    back_dated = make_result(10)
    reading = latest_readings([new, back_dated], 30, Sex.MALE)[LEFT]
    assert reading.result is new
    assert reading.change is not None


results_lists = st.lists(
    st.builds(
        make_result,
        st.integers(0, 60),
        st.dates(DAY, DAY + dt.timedelta(days=90)),
        st.sampled_from([Side.LEFT, Side.RIGHT]),
    ),
    max_size=12,
)


@given(results_lists)
def test_the_readings_and_the_summary_agree_on_the_latest_and_its_change(
    results: list[AssessmentResult],
) -> None:
    latest = latest_results(results)
    readings = latest_readings(results, 30, Sex.MALE)
    assert {k: r.result for k, r in readings.items()} == {k: f.result for k, f in latest.items()}
    trends = {t.kind: t for t in trends_of(by_date(results), age=30, sex=Sex.MALE)}
    for (kind, side), found in latest.items():
        shown = next(x for x in trends[kind].latest if x.side is side)
        assert shown.date == found.result.date
        assert shown.change == found.change()


def test_the_previous_heel_raise_is_the_one_before_on_the_same_surface() -> None:
    from footcore.domain.assessments import HeelRaiseSurface

    def on(surface: HeelRaiseSurface, reps: float, days: int) -> AssessmentResult:
        return AssessmentResult(
            DAY + dt.timedelta(days=days), TestKind.HEEL_RAISE, Side.LEFT, reps, surface
        )

    flat = on(HeelRaiseSurface.FLAT, 40, 0)
    incline = on(HeelRaiseSurface.INCLINE, 20, 28)
    flat_again = on(HeelRaiseSurface.FLAT, 45, 56)
    assert latest_results([flat, incline])[LEFT].previous is None
    assert latest_results([flat, incline])[LEFT].change() is None
    found = latest_results([flat, incline, flat_again])[LEFT]
    assert found.result is flat_again
    assert found.previous is flat
