"""The progress page's tables print numbers as the templates' `floatformat` did."""

from __future__ import annotations

from django.template.defaultfilters import floatformat
from hypothesis import given
from hypothesis import strategies as st

from footcore.web.progress.grid import decimals


@given(
    # Minutes and mean pain: sums and means of tenths, 0 to a few thousand.
    value=st.floats(min_value=0.001, max_value=10_000)
    | st.integers(0, 100_000).map(lambda tenths: tenths / 10)
    | st.sampled_from([0.5, 1.5, 2.25, 2.35, 0.05, 9.95, 12.0, 0.0, -0.0]),
    places=st.sampled_from([0, 1]),
)
def test_decimals_match_floatformat(value: float, places: int) -> None:
    assert decimals(value, places) == floatformat(value, places)


def test_halves_round_up_not_to_even() -> None:
    assert [decimals(v, 0) for v in (0.5, 1.5, 2.5)] == ["1", "2", "3"]
    assert decimals(2.25, 1) == "2.3"
