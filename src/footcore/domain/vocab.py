"""Controlled vocabularies shared by the catalog, the planner and the adapters.

Every value is a lowercase, hyphenated slug so it can appear unchanged in data
files, URLs, JSON and CLI flags.
"""

from __future__ import annotations

from enum import StrEnum


class Concern(StrEnum):
    """A runner's reason for doing foot work; exercises list the concerns they serve."""

    PLANTAR_FASCIITIS = "plantar-fasciitis"
    ACHILLES = "achilles"
    ACHILLES_INSERTIONAL = "achilles-insertional"
    """Achilles pain where the tendon meets the heel bone: the heel never drops below a step."""
    SHIN_SPLINTS = "shin-splints"
    METATARSALGIA = "metatarsalgia"
    FLAT_FEET = "flat-feet"
    TRAIL_STABILITY = "trail-stability"
    STRESS_FRACTURE_HISTORY = "stress-fracture-history"
    ANKLE_SPRAIN_HISTORY = "ankle-sprain-history"
    PERFORMANCE = "performance"

    @property
    def label(self) -> str:
        """The concern in plain words, as pages and hand-outs show it."""
        return _CONCERN_LABELS[self]


_CONCERN_LABELS = {
    Concern.PLANTAR_FASCIITIS: "Plantar heel pain (plantar fasciitis)",
    Concern.ACHILLES: "Achilles tendon pain",
    Concern.ACHILLES_INSERTIONAL: "Achilles pain where the tendon meets the heel bone",
    Concern.SHIN_SPLINTS: "Shin splints",
    Concern.METATARSALGIA: "Ball-of-foot pain (metatarsalgia)",
    Concern.FLAT_FEET: "Flat feet",
    Concern.TRAIL_STABILITY: "Stability on trails",
    Concern.STRESS_FRACTURE_HISTORY: "A past stress fracture",
    Concern.ANKLE_SPRAIN_HISTORY: "A past ankle sprain",
    Concern.PERFORMANCE: "Running performance",
}


class PainSite(StrEnum):
    """Where a runner feels pain now; cautions name the sites that rule an exercise out."""

    BALL_OF_FOOT = "ball-of-foot"
    HEEL = "heel"
    ARCH = "arch"
    ACHILLES = "achilles"
    SHIN = "shin"
    ANKLE = "ankle"
    TOES = "toes"


class Equipment(StrEnum):
    """Things a runner may have at hand. Bare floor needs no entry."""

    STEP = "step"
    TOWEL = "towel"
    CHAIR = "chair"
    WALL = "wall"
    DUMBBELLS = "dumbbells"
    BAND = "band"
    BALANCE_DISK = "balance-disk"
    BALL = "ball"
    BACKPACK = "backpack"
    CARD = "card"


class Position(StrEnum):
    """The body position an exercise (or one of its variants) is done in."""

    STANDING = "standing"
    SEATED = "seated"
    LYING = "lying"
    WALKING = "walking"


class Sides(StrEnum):
    """How the two feet share the work."""

    BOTH = "both"
    """Both feet work together in every repetition."""
    EACH = "each"
    """The whole dose is done on one foot, then on the other."""


class Role(StrEnum):
    """What an exercise is for inside a session."""

    STRENGTH = "strength"
    ACTIVATION = "activation"
    MOBILITY = "mobility"
    BALANCE = "balance"


class Weekday(StrEnum):
    MON = "mon"
    TUE = "tue"
    WED = "wed"
    THU = "thu"
    FRI = "fri"
    SAT = "sat"
    SUN = "sun"

    @property
    def number(self) -> int:
        """Monday is 0, as in `datetime.date.weekday()`."""
        return _WEEKDAY_NUMBERS[self]

    @classmethod
    def of(cls, weekday_index: int) -> Weekday:
        return _WEEKDAYS[weekday_index]


_WEEKDAYS = tuple(Weekday)
"""Monday to Sunday (asked for every plan: a tuple, not a walk of the enum each time)."""
_WEEKDAY_NUMBERS = {day: number for number, day in enumerate(_WEEKDAYS)}


class Side(StrEnum):
    """Which foot; where a value is `None` instead, both feet worked together."""

    LEFT = "left"
    RIGHT = "right"


class Sex(StrEnum):
    """Used only to pick published norms that differ by sex (jan-2005, hebert-losier-2017)."""

    FEMALE = "female"
    MALE = "male"
