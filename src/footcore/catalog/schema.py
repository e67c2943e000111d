"""The shape of the catalog's data files, as strict pydantic models.

These models mirror the domain dataclasses field for field (the domain stays free of
pydantic) and turn into them with `to_domain()`. Unknown keys are errors, scalars are
strict (a YAML `"10"` is not a number, `yes` is not a string), and vocabularies are
the domain enums, so a typo such as `equipment: [stepp]` is caught on load.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Literal

from pydantic import BaseModel, ConfigDict, StrictBool, StrictFloat, StrictInt, StrictStr

from footcore.domain.catalog import (
    Caution,
    Citation,
    Dose,
    Exercise,
    Illustration,
    Pose,
    Tempo,
    Variant,
)
from footcore.domain.vocab import Concern, Equipment, PainSite, Position, Role, Sides


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TempoSpec(_Strict):
    up_s: StrictInt
    top_s: StrictInt
    down_s: StrictInt

    def to_domain(self) -> Tempo:
        return Tempo(up_s=self.up_s, top_s=self.top_s, down_s=self.down_s)


class DoseSpec(_Strict):
    sets: StrictInt = 1
    reps_min: StrictInt | None = None
    reps_max: StrictInt | None = None
    hold_s: StrictInt | None = None
    duration_s: StrictInt | None = None
    per_side: StrictBool = False
    rest_s: StrictInt | None = None
    tempo: TempoSpec | None = None
    rm: StrictInt | None = None
    rep_s: StrictInt | None = None
    note: StrictStr | None = None

    def to_domain(self) -> Dose:
        return Dose(
            sets=self.sets,
            reps_min=self.reps_min,
            reps_max=self.reps_max,
            hold_s=self.hold_s,
            duration_s=self.duration_s,
            per_side=self.per_side,
            rest_s=self.rest_s,
            tempo=self.tempo.to_domain() if self.tempo is not None else None,
            rm=self.rm,
            rep_s=self.rep_s,
            note=self.note,
        )


class VariantSpec(_Strict):
    id: StrictStr
    name: StrictStr
    position: Position
    dose: DoseSpec
    equipment: tuple[Equipment, ...] = ()
    optional_equipment: tuple[Equipment, ...] = ()
    cue: StrictStr = ""
    source: StrictStr | None = None

    def to_domain(self) -> Variant:
        return Variant(
            id=self.id,
            name=self.name,
            position=self.position,
            dose=self.dose.to_domain(),
            equipment=self.equipment,
            optional_equipment=self.optional_equipment,
            cue=self.cue,
            source=self.source,
        )


class CautionSpec(_Strict):
    text: StrictStr
    avoid_with_pain: tuple[PainSite, ...] = ()

    def to_domain(self) -> Caution:
        return Caution(text=self.text, avoid_with_pain=self.avoid_with_pain)


class ExerciseSpec(_Strict):
    """One entry of `exercises.yaml`; its illustration lives in `illustrations.yaml`."""

    id: StrictStr
    name: StrictStr
    aliases: tuple[StrictStr, ...] = ()
    role: Role
    purpose: StrictStr
    targets: tuple[StrictStr, ...]
    steps: tuple[StrictStr, ...]
    sides: Sides
    variants: tuple[VariantSpec, ...]
    default_variant: StrictStr
    cautions: tuple[CautionSpec, ...] = ()
    indications: tuple[Concern, ...] = ()
    citations: tuple[StrictStr, ...]
    keystone: StrictBool = False

    def to_domain(self, illustration: Illustration) -> Exercise:
        return Exercise(
            id=self.id,
            name=self.name,
            aliases=self.aliases,
            role=self.role,
            purpose=self.purpose,
            targets=self.targets,
            steps=self.steps,
            sides=self.sides,
            variants=tuple(v.to_domain() for v in self.variants),
            default_variant=self.default_variant,
            cautions=tuple(c.to_domain() for c in self.cautions),
            indications=self.indications,
            citations=self.citations,
            illustration=illustration,
            keystone=self.keystone,
        )


class PoseSpec(_Strict):
    name: StrictStr
    angles: dict[StrictStr, StrictFloat]
    """Joint name to degrees; the figure module knows which joints exist."""

    def to_domain(self) -> Pose:
        angles = dict(self.angles)
        return Pose(name=self.name, angles=MappingProxyType(angles))


class IllustrationSpec(_Strict):
    """One entry of `illustrations.yaml`, keyed there by exercise id."""

    view: StrictStr
    start: PoseSpec
    end: PoseSpec
    alt: StrictStr
    props: tuple[StrictStr, ...] = ()

    def to_domain(self) -> Illustration:
        return Illustration(
            view=self.view,
            start=self.start.to_domain(),
            end=self.end.to_domain(),
            alt=self.alt,
            props=self.props,
        )


class CitationSpec(_Strict):
    """One entry of `citations.yaml`, keyed there by citation key."""

    text: StrictStr
    url: StrictStr | None = None
    doi: StrictStr | None = None
    status: Literal["seed", "verified", "secondary", "design"]

    def to_domain(self, key: str) -> Citation:
        return Citation(key=key, text=self.text, url=self.url, doi=self.doi, status=self.status)


def placeholder_illustration(exercise: ExerciseSpec) -> Illustration:
    """Stands in for a drawing while `illustrations.yaml` does not exist yet.

    The figure in its neutral pose, in the default variant's position (the figure
    names its whole-body views `<position>-side`); empty angle maps mean neutral.
    """
    position = next(
        (v.position for v in exercise.variants if v.id == exercise.default_variant),
        Position.STANDING,
    )
    posture = Position.STANDING if position is Position.WALKING else position
    return Illustration(
        view=f"{posture.value}-side",
        start=Pose(name="start", angles=MappingProxyType({})),
        end=Pose(name="end", angles=MappingProxyType({})),
        alt=f"{exercise.name} (no drawing yet)",
    )
