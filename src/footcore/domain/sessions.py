"""How long a strength session aims to be in each kind of week (footcore's choices)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from footcore.domain.plan import WeekKind
from footcore.domain.profile import Profile

SHARE_OF_MINUTES: Mapping[WeekKind, float] = MappingProxyType(
    {WeekKind.BUILD: 1.0, WeekKind.LIGHTER: 0.7, WeekKind.RACE: 0.5}
)
"""footcore-design: lighter weeks aim at 70% of the asked minutes, race weeks at half."""
OVERSHOOT = 1.2
"""footcore-design: a session may run at most 20% over the asked minutes."""


def target_s(profile: Profile, kind: WeekKind) -> int:
    """Seconds a strength session aims for in a week of this kind."""
    return round(profile.minutes * 60 * SHARE_OF_MINUTES[kind])


def limit_s(goal_s: int) -> int:
    """The most seconds a session aiming at `goal_s` may come to."""
    return int(goal_s * OVERSHOOT)
