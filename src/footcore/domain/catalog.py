"""The exercise catalog as plain, frozen values.

The data lives in `footcore/catalog/*.yaml`; the loader there turns it into these
types. Nothing here reads files.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from footcore.domain.vocab import Concern, Equipment, PainSite, Position, Role, Sides


@dataclass(frozen=True, slots=True)
class Tempo:
    """Seconds spent lifting, holding at the top and lowering in one repetition."""

    up_s: int
    top_s: int
    down_s: int

    @property
    def rep_s(self) -> int:
        return self.up_s + self.top_s + self.down_s


@dataclass(frozen=True, slots=True)
class Dose:
    """How much of an exercise to do, machine-readable.

    Reading rule: `sets` sets of `reps_min`..`reps_max` repetitions; each repetition
    holds `hold_s` seconds (an isometric hold) or lasts `duration_s` seconds (a timed
    bout). A dose with no reps is one timed bout of `duration_s` per set. With
    `per_side` the whole dose is done on each foot. `rest_s` is the rest between
    sets, or None where the source gives none.
    """

    sets: int = 1
    reps_min: int | None = None
    reps_max: int | None = None
    hold_s: int | None = None
    duration_s: int | None = None
    per_side: bool = False
    rest_s: int | None = None
    tempo: Tempo | None = None
    rm: int | None = None
    """Load as a repetition maximum (12 = a load you can lift 12 times, no more)."""
    rep_s: int | None = None
    """Estimated seconds one repetition takes when neither hold, duration nor tempo
    says so (e.g. one length of a room). Used only by the time model."""
    note: str | None = None

    def describe(self) -> str:
        """A short human text such as `1 x 10-15 reps, hold 5 s, each foot`."""
        parts: list[str] = []
        if self.reps_min is not None:
            reps = (
                str(self.reps_min)
                if self.reps_max in (None, self.reps_min)
                else f"{self.reps_min}-{self.reps_max}"
            )
            noun = "rep" if reps == "1" else "reps"
            parts.append(f"{self.sets} x {reps} {noun}" if self.sets > 1 else f"{reps} {noun}")
        elif self.sets > 1:
            parts.append(f"{self.sets} sets")
        if self.duration_s is not None:
            parts.append(_seconds(self.duration_s) + (" each" if self.reps_min else ""))
        if self.hold_s is not None:
            parts.append(f"hold {self.hold_s} s")
        if self.tempo is not None:
            t = self.tempo
            parts.append(f"tempo {t.up_s} s up / {t.top_s} s hold / {t.down_s} s down")
        if self.rm is not None:
            parts.append(f"with a load you can lift {self.rm} times, no more")
        if self.per_side:
            parts.append("each foot")
        if self.rest_s is not None:
            parts.append(f"rest {_seconds(self.rest_s)} between sets")
        text = ", ".join(parts)
        return f"{text} ({self.note})" if self.note else text


def _seconds(value_s: int) -> str:
    if value_s >= 60 and value_s % 60 == 0:
        minutes = value_s // 60
        return f"{minutes} min"
    return f"{value_s} s"


@dataclass(frozen=True, slots=True)
class Variant:
    """One rung of an exercise's ladder: easier rungs come first."""

    id: str
    name: str
    position: Position
    dose: Dose
    equipment: tuple[Equipment, ...] = ()
    """Everything this rung needs; a runner lacking any of it cannot do the rung."""
    optional_equipment: tuple[Equipment, ...] = ()
    """Things that help but are not required (a wall to touch for balance)."""
    cue: str = ""
    """What changes compared with the main variant, in one sentence."""
    source: str | None = None
    """Citation key when the rung's dose comes from a specific source."""


@dataclass(frozen=True, slots=True)
class Caution:
    text: str
    avoid_with_pain: tuple[PainSite, ...] = ()
    """Current pain at any of these sites rules the exercise out."""


@dataclass(frozen=True, slots=True)
class Pose:
    """Joint angles in degrees for the illustration's parametric figure."""

    name: str
    angles: Mapping[str, float]


@dataclass(frozen=True, slots=True)
class Illustration:
    view: str
    """A view of the parametric figure: `standing-side`, `seated-side`, `lying-side`,
    `foot-side` or `foot-top` (see `footcore.catalog.poses`)."""
    start: Pose
    end: Pose
    alt: str
    props: tuple[str, ...] = ()
    """Things drawn with the figure: `step`, `chair`, `towel`, `wall`, `band`..."""


@dataclass(frozen=True, slots=True)
class Exercise:
    id: str
    name: str
    aliases: tuple[str, ...]
    role: Role
    purpose: str
    targets: tuple[str, ...]
    steps: tuple[str, ...]
    sides: Sides
    variants: tuple[Variant, ...]
    """The ladder, easiest first."""
    default_variant: str
    """The rung a new runner starts on: the seeds' own dose."""
    cautions: tuple[Caution, ...]
    indications: tuple[Concern, ...]
    citations: tuple[str, ...]
    illustration: Illustration
    keystone: bool = False
    """Keystones stay in every week's rotation (the short foot, for instance)."""

    @property
    def default(self) -> Variant:
        return self.variant(self.default_variant)

    @property
    def dose(self) -> Dose:
        return self.default.dose

    @property
    def position(self) -> Position:
        return self.default.position

    @property
    def equipment(self) -> tuple[Equipment, ...]:
        return self.default.equipment

    def variant(self, variant_id: str) -> Variant:
        for rung in self.variants:
            if rung.id == variant_id:
                return rung
        raise KeyError(f"exercise {self.id!r} has no variant {variant_id!r}")

    def rung_index(self, variant_id: str) -> int:
        return [rung.id for rung in self.variants].index(variant_id)

    @property
    def regressions(self) -> tuple[Variant, ...]:
        return self.variants[: self.rung_index(self.default_variant)]

    @property
    def progressions(self) -> tuple[Variant, ...]:
        return self.variants[self.rung_index(self.default_variant) + 1 :]

    def all_equipment(self) -> frozenset[Equipment]:
        found: set[Equipment] = set()
        for rung in self.variants:
            found.update(rung.equipment)
            found.update(rung.optional_equipment)
        return frozenset(found)

    def avoided_with(self) -> frozenset[PainSite]:
        return frozenset(site for c in self.cautions for site in c.avoid_with_pain)

    def matches(self, text: str) -> bool:
        """Case-insensitive search on id, name and aliases."""
        needle = text.strip().lower()
        haystack = [self.id, self.name.lower(), *(a.lower() for a in self.aliases)]
        return any(needle in hay for hay in haystack)


@dataclass(frozen=True, slots=True)
class Citation:
    key: str
    text: str
    """The full reference as one would print it."""
    url: str | None = None
    doi: str | None = None
    status: str = "verified"
    """`verified`, `secondary` or `seed`, as labelled in evidence.md."""


@dataclass(frozen=True, slots=True)
class Catalog:
    exercises: tuple[Exercise, ...]
    citations: Mapping[str, Citation] = field(default_factory=dict)
    _by_id: Mapping[str, Exercise] = field(init=False, repr=False, compare=False)
    """The first exercise of each id: a plan looks exercises up hundreds of times."""
    _ids: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_id: dict[str, Exercise] = {}
        for exercise in self.exercises:
            by_id.setdefault(exercise.id, exercise)
        object.__setattr__(self, "_by_id", by_id)
        object.__setattr__(self, "_ids", tuple(e.id for e in self.exercises))

    def get(self, exercise_id: str) -> Exercise:
        found = self._by_id.get(exercise_id)
        if found is None:
            raise KeyError(exercise_id)
        return found

    def ids(self) -> tuple[str, ...]:
        return self._ids

    def filter(
        self,
        *,
        concern: Concern | None = None,
        equipment: Equipment | None = None,
        position: Position | None = None,
        text: str | None = None,
    ) -> tuple[Exercise, ...]:
        """Exercises matching every given filter, in catalog order.

        `equipment` keeps exercises that use that piece of equipment in any rung.
        """
        return tuple(
            e
            for e in self.exercises
            if (concern is None or concern in e.indications)
            and (equipment is None or equipment in e.all_equipment())
            and (position is None or any(v.position == position for v in e.variants))
            and (not text or e.matches(text))
        )

    def cited(self, keys: Iterable[str]) -> tuple[Citation, ...]:
        return tuple(self.citations[k] for k in keys)
