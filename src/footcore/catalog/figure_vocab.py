"""The figure's vocabulary: views, their joints with ranges, and the props.

`figure.py` documents the meaning of every name for authors of `illustrations.yaml`;
this module holds the same facts as data so validation and drawing share one truth.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType


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
