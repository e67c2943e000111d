"""The pose vocabulary: views, their joints with ranges, the props, and pose validation.

This is catalog data, shared by the loader (which validates `illustrations.yaml`
with `pose_problems`) and by the renderer in `footcore.figure` (which draws it).
The catalog never imports the renderer.

Views and joints, for authors of `illustrations.yaml`: degrees unless a name ends in
`-mm`; a joint left out takes its neutral value; ranges are inclusive.

Whole-body side views — `standing-side`, `seated-side`, `lying-side` — show a figure
facing right; `near-*` limbs are dark and in front, `far-*` limbs lighter behind.

- `trunk`: forward lean from upright, -30..90 standing, -30..60 seated; lying, how
  far the trunk is raised from flat on the back, 0..45. Neutral 0.
- `near-hip`, `far-hip`: flexion from the trunk line, + thigh forward, - thigh
  behind; -40..130; neutral 0 (seated 90).
- `near-knee`, `far-knee`: flexion, + heel towards the buttock; 0..150; neutral 0
  (seated 90).
- `near-ankle`, `far-ankle`: + dorsiflexion (toes towards the shin), - plantar
  flexion (heel up); -50..30; neutral 0.
- `near-toes`, `far-toes`: toe (MTP) extension, + toes up, - curled; -40..80.
- `near-shoulder`, `far-shoulder`: flexion from the trunk line, + arm forward and
  up; -60..180; neutral 0 (seated 20).
- `near-elbow`, `far-elbow`: flexion; 0..150; neutral 8 (seated 60, lying 0).
- `near-big-toe` (-40..70), `near-lesser-toes` (-60..60): as in `foot-side`;
  setting either adds a magnified close-up of the near foot beside the figure.
- `near-hip-turnout` (seated only): hip turned out, 0..70, as when an ankle rests on
  the other knee; drawn by foreshortening the near thigh and shank.

The standing figure finds the ground itself: the part of a foot that sinks deepest
rests on the floor (or step, or disk) and keeps its place, so a heel raise lifts the
body about the ball of the foot and heel walking rocks onto the heels. The lying
figure rests its back on the floor the same way. The seated figure sits on a seat
whose height puts the feet of the start pose on the floor. Feet are drawn a quarter
larger than life so their movement reads at phone size.

`foot-side`, one right foot from its inner side, toes to the right, standing:

- `ankle` (-50..30): + the toes lift off the floor, - the heel lifts.
- `big-toe` (-60..70): + the big toe lifts; - it presses down or curls (knuckle up,
  tip on the floor, with a press arrow).
- `lesser-toes` (-60..60): the four small toes, drawn behind the big toe, same signs.
- `arch-dome-mm` (0..12): the inner arch raised (short foot), the forefoot drawn back
  towards the heel; drawn twice as high as given.

`foot-top`, one right foot from above, toes up, big toe on the left:

- `toe-spread` (0..25): the toes fan apart, the little toe most.
- `turn-in` (-20..35): + the forefoot swings towards the midline (inversion with
  adduction), - outwards.

Props, and the views that draw them: `floor` (every view but `foot-top` draws it
anyway), `step` (balls of the feet on its back edge, heels free; standing),
`step-toes-over` (heels on it, forefoot over the front edge; standing), `chair`
(a seat when seated, a back to hold when standing), `wall` (in front, where a reaching
hand touches it; standing), `towel` (a roll under the toes when standing, flat under
the foot when seated or in `foot-side`, where curling toes gather it), `band` (foot
to hand in body views; round the forefoot to an outer anchor in `foot-top`),
`balance-disk`, `dumbbells`, `ball` (under the arch) and `backpack`. `step`,
`step-toes-over` and `balance-disk` exclude each other.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from footcore.domain.catalog import Illustration, Pose


@dataclass(frozen=True, slots=True)
class Joint:
    low: float
    high: float
    neutral: float
    unit: str = "deg"
    pivot: str | None = None
    """Point the motion arc turns about; None with `distal` set means a straight arrow."""
    distal: str | None = None
    """Point whose travel the motion arc or arrow follows; None: no marker."""
    travel: tuple[str, ...] = ()
    """For a straight arrow: candidate points, the one that travels furthest is marked."""

    @property
    def marked(self) -> bool:
        return self.distal is not None or bool(self.travel)


def _limb(
    side: str, *, hip: float, knee: float, shoulder: float, elbow: float, standing: bool
) -> dict[str, Joint]:
    # Standing, a moving ankle reads best as the heel (or toes) rising: an arrow there.
    ankle = (
        Joint(-50, 30, 0, travel=(f"{side}-heel", f"{side}-toe"))
        if standing
        else Joint(-50, 30, 0, pivot=f"{side}-ankle", distal=f"{side}-ball")
    )
    return {
        f"{side}-hip": Joint(-40, 130, hip, pivot="hip", distal=f"{side}-knee"),
        f"{side}-knee": Joint(0, 150, knee, pivot=f"{side}-knee", distal=f"{side}-ankle"),
        f"{side}-ankle": ankle,
        f"{side}-toes": Joint(-40, 80, 0, pivot=f"{side}-ball", distal=f"{side}-toe"),
        f"{side}-shoulder": Joint(-60, 180, shoulder, pivot="shoulder", distal=f"{side}-elbow"),
        f"{side}-elbow": Joint(0, 150, elbow, pivot=f"{side}-elbow", distal=f"{side}-hand"),
    }


def _body(
    *, trunk: Joint, hip: float, knee: float, shoulder: float, elbow: float, standing: bool = False
) -> dict[str, Joint]:
    joints = {"trunk": trunk}
    for side in ("near", "far"):
        joints.update(
            _limb(side, hip=hip, knee=knee, shoulder=shoulder, elbow=elbow, standing=standing)
        )
    # Toe detail of the near foot, shown magnified in an inset when a pose sets it.
    joints["near-big-toe"] = Joint(-40, 70, 0)
    joints["near-lesser-toes"] = Joint(-60, 60, 0)
    return joints


_STANDING = _body(
    trunk=Joint(-30, 90, 0, pivot="hip", distal="shoulder"),
    hip=0,
    knee=0,
    shoulder=0,
    elbow=8,
    standing=True,
)
_SEATED = {
    **_body(
        trunk=Joint(-30, 60, 0, pivot="hip", distal="shoulder"),
        hip=90,
        knee=90,
        shoulder=20,
        elbow=60,
    ),
    "near-hip-turnout": Joint(0, 70, 0),
}
_LYING = _body(
    trunk=Joint(0, 45, 0, pivot="hip", distal="shoulder"),
    hip=0,
    knee=0,
    shoulder=0,
    elbow=0,
)
_FOOT_SIDE = {
    "ankle": Joint(-50, 30, 0, pivot="ankle", distal="ball"),
    "big-toe": Joint(-60, 70, 0, pivot="big-mtp", distal="big-tip"),
    "lesser-toes": Joint(-60, 60, 0, pivot="lesser-mtp", distal="lesser-tip"),
    "arch-dome-mm": Joint(0, 12, 0, unit="mm", distal="arch"),
}
_FOOT_TOP = {
    "toe-spread": Joint(0, 25, 0, pivot="little-mtp", distal="little-tip"),
    "turn-in": Joint(-20, 35, 0, pivot="heel", distal="toe-tip"),
}

JOINTS: Mapping[str, Mapping[str, Joint]] = MappingProxyType(
    {
        "standing-side": MappingProxyType(_STANDING),
        "seated-side": MappingProxyType(_SEATED),
        "lying-side": MappingProxyType(_LYING),
        "foot-side": MappingProxyType(_FOOT_SIDE),
        "foot-top": MappingProxyType(_FOOT_TOP),
    }
)

BODY_VIEWS = frozenset({"standing-side", "seated-side", "lying-side"})

PROPS: Mapping[str, str] = MappingProxyType(
    {
        "floor": "the ground line (always drawn; naming it is allowed)",
        "step": "a stair step; the balls of the feet on its back edge, heels free",
        "step-toes-over": "a stair step; heels on it, toes and forefoot over its front edge",
        "chair": "a chair to sit on, or its back to hold when standing",
        "wall": "a wall in front of the figure, touched by a reaching hand",
        "towel": "a rolled towel under the toes, or a flat towel the toes gather",
        "band": "an elastic band: foot to hand, or looped round the forefoot to an anchor",
        "balance-disk": "an air-filled disk under the feet",
        "dumbbells": "a dumbbell in each hand",
        "ball": "a small massage ball under the arch",
        "backpack": "a loaded backpack on the figure's back",
    }
)

VIEW_PROPS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "standing-side": frozenset(
            {
                "floor",
                "step",
                "step-toes-over",
                "chair",
                "wall",
                "towel",
                "band",
                "balance-disk",
                "dumbbells",
                "ball",
                "backpack",
            }
        ),
        "seated-side": frozenset({"floor", "chair", "towel", "band", "dumbbells", "ball"}),
        "lying-side": frozenset({"floor", "band", "ball"}),
        "foot-side": frozenset({"floor", "towel", "ball"}),
        "foot-top": frozenset({"floor", "band"}),
    }
)

EXCLUSIVE_PROPS = (frozenset({"step", "step-toes-over", "balance-disk"}),)
"""Props that cannot be drawn together: each is the surface the feet stand on."""


def complete(view: str, angles: Mapping[str, float]) -> dict[str, float]:
    """Every joint of `view`, taking the given angle or the joint's neutral one."""
    return {name: float(angles.get(name, joint.neutral)) for name, joint in JOINTS[view].items()}


def pose_problems(illustration: Illustration) -> list[str]:
    """Problems with an illustration: unknown view, joint or prop, angle out of range.

    An empty list means `footcore.figure.render_svg` can draw it. Also reported: empty
    alt text or pose names, and a start pose equal to the end pose (an illustration must
    show a movement).
    """
    view = illustration.view
    if view not in JOINTS:
        return [f"unknown view {view!r} (known: {', '.join(sorted(JOINTS))})"]
    problems: list[str] = []
    for label, pose in (("start", illustration.start), ("end", illustration.end)):
        problems += _pose_problems(view, label, pose)
    for prop in illustration.props:
        if prop not in PROPS:
            problems.append(f"unknown prop {prop!r} (known: {', '.join(sorted(PROPS))})")
        elif prop not in VIEW_PROPS[view]:
            problems.append(f"prop {prop!r} is not drawn in view {view!r}")
    for group in EXCLUSIVE_PROPS:
        clash = sorted(group.intersection(illustration.props))
        if len(clash) > 1:
            problems.append(f"props {' and '.join(clash)} cannot be drawn together")
    if not illustration.alt.strip():
        problems.append("alt text is empty")
    if not problems and complete(view, illustration.start.angles) == complete(
        view, illustration.end.angles
    ):
        problems.append("start and end poses are the same, so nothing moves")
    return problems


def _pose_problems(view: str, label: str, pose: Pose) -> list[str]:
    joints = JOINTS[view]
    problems: list[str] = []
    if not pose.name.strip():
        problems.append(f"{label} pose has no name")
    for name, value in pose.angles.items():
        joint = joints.get(name)
        where = f"{label} pose {pose.name!r}"
        if joint is None:
            problems.append(
                f"{where}: unknown joint {name!r} for view {view!r} (known: {', '.join(joints)})"
            )
        elif not isinstance(value, int | float) or not math.isfinite(value):
            problems.append(f"{where}: joint {name!r} is not a finite number")
        elif not joint.low <= value <= joint.high:
            problems.append(
                f"{where}: {name} = {value:g} {joint.unit} is outside {joint.low:g}..{joint.high:g}"
            )
    return problems
