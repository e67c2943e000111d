"""What an illustration draws, before it is laid out: the start and end scenes, the
motion marks, the frames of the loop, and the close-up of the toes if one is asked for.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from footcore.catalog.poses import BODY_VIEWS, complete
from footcore.domain.catalog import Illustration, Pose
from footcore.figure.body import BodyStage
from footcore.figure.foot import FootSideStage, FootTopStage
from footcore.figure.kinematics import Point, direction_of
from footcore.figure.marks import motion_marks
from footcore.figure.svg import Prim, Scene, Timeline

_STEPS = 8
LOOP_S = 4.5
"""One loop of the moving panel: hold the start, move, hold the end, move back."""


class Stage(Protocol):
    """Draws poses of one view; `nominal_scale` is SVG units per figure unit."""

    nominal_scale: float

    def draw(self, angles: Mapping[str, float]) -> Scene: ...

    def tween(
        self, start: Mapping[str, float], end: Mapping[str, float], share: float
    ) -> Scene: ...

    def pinned(
        self, angles: Mapping[str, float], like: Mapping[str, float]
    ) -> dict[str, Point]: ...


def make_stage(illustration: Illustration) -> Stage:
    """The stage that lays out and draws the illustration's view."""
    props = frozenset(illustration.props)
    view = illustration.view
    if view in BODY_VIEWS:
        return BodyStage(view, props, complete(view, illustration.start.angles))
    if view == "foot-side":
        return FootSideStage(props)
    return FootTopStage(props)


def _smooth(t: float) -> float:
    return t * t * (3.0 - 2.0 * t)


def timeline() -> tuple[Timeline, list[float]]:
    """Key times and the share of the way from start to end at each: hold, go, hold, return."""
    times = [0.0, 0.15]
    shares = [0.0, 0.0]
    for i in range(1, _STEPS + 1):
        times.append(0.15 + 0.3 * i / _STEPS)
        shares.append(_smooth(i / _STEPS))
    for i in range(1, _STEPS + 1):
        times.append(0.6 + 0.3 * i / _STEPS)
        shares.append(1.0 - _smooth(i / _STEPS))
    times.append(1.0)
    shares.append(0.0)
    return Timeline(tuple(times), LOOP_S), shares


@dataclass(frozen=True, slots=True)
class Drawing:
    """Everything drawn for one illustration, in figure units, ready to be placed."""

    start: Scene
    end: Scene
    marks: tuple[Prim, ...]
    frames: tuple[Scene, ...]
    nominal_scale: float
    inset: Drawing | None = None


def draw(illustration: Illustration, *, frames: bool) -> Drawing:
    """Scenes, marks and (with `frames`) the loop's frames of a validated illustration."""
    view = illustration.view
    start = complete(view, illustration.start.angles)
    end = complete(view, illustration.end.angles)
    stage = make_stage(illustration)
    first, last = stage.draw(start), stage.draw(end)
    marks = motion_marks(
        view, start, end, first, last, stage.nominal_scale, lambda a: stage.pinned(a, end)
    )
    moving: tuple[Scene, ...] = ()
    if frames:
        _, shares = timeline()
        moving = tuple(stage.tween(start, end, s) for s in shares)
    inset = None
    toe_keys = ("near-big-toe", "near-lesser-toes")
    if view in BODY_VIEWS and any(
        k in pose.angles for k in toe_keys for pose in (illustration.start, illustration.end)
    ):
        detail = Illustration(
            "foot-side",
            _close_up(start, first, "start"),
            _close_up(end, last, "end"),
            illustration.alt,
        )
        inset = draw(detail, frames=frames)
    return Drawing(first, last, tuple(marks), moving, stage.nominal_scale, inset)


def _close_up(angles: Mapping[str, float], scene: Scene, name: str) -> Pose:
    """The near foot's toes as a `foot-side` pose, tilted as the foot is on the page."""
    tilt = direction_of(scene.points["near-heel"], scene.points["near-ball"])
    return Pose(
        name,
        {
            "ankle": max(-50.0, min(30.0, tilt)),
            "big-toe": angles["near-big-toe"],
            "lesser-toes": angles["near-lesser-toes"],
        },
    )
