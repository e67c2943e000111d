from __future__ import annotations

import datetime as dt

import pytest

from footcore.domain import assessments
from footcore.domain.intake import parse_intake
from footcore.domain.problems import Invalid

TODAY = dt.date(2026, 3, 2)


def make_intake(**over: object) -> dict[str, object]:
    data: dict[str, object] = {
        "impression": "Plantar heel pain, left",
        "affected_side": "left",
        "irritability": "low",
    }
    data.update(over)
    return data


def test_the_intake_and_the_self_test_share_one_surface_vocabulary() -> None:
    found = parse_intake(make_intake(heel_raise_surface="incline"), today=TODAY)
    assert found.heel_raise_surface is assessments.HeelRaiseSurface.INCLINE


def test_a_clinician_cannot_record_an_unknown_surface() -> None:
    with pytest.raises(Invalid) as raised:
        parse_intake(make_intake(heel_raise_surface="unknown"), today=TODAY)
    (problem,) = raised.value.problems
    assert problem.field == "heel_raise_surface"
    assert "incline, flat" in problem.message
