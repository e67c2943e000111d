"""The whole-body side views: standing, seated on a chair, and lying on the back.

The figure faces right. The far limbs are drawn first in a lighter ink, then the
trunk and head, then the near limbs, so depth reads without shading.
"""

from __future__ import annotations

from collections.abc import Mapping

from footcore.figure import style, svg
from footcore.figure.kinematics import (
    BODY,
    Contact,
    Point,
    blend,
    body_points,
    pin,
    resting,
    settle,
)
from footcore.figure.props import PropSet
from footcore.figure.style import Pen
from footcore.figure.svg import Disc, Line, Prim, Scene

_TRUNK = Pen(style.INK, 17.0)
_NECK = Pen(style.INK, 8.0)
_HEAD = Pen(style.INK, 0.0, style.INK)
_TOES = {"near": Pen(style.INK, 5.5), "far": Pen(style.FAR_INK, 5.5)}
_FOOT_POINTS = ("heel", "ball", "toe")
# Half the drawn line width, in figure units: the sole's edge, not its centre line,
# touches the floor.
_SOLE_R = {"heel": 1.7, "ball": 1.7, "toe": 2.4}
_LYING_RADII = {
    "head": BODY.head_r,
    "shoulder": 7.4,
    "hip": 7.4,
    "near-elbow": 3.5,
    "far-elbow": 3.5,
    "near-hand": 3.0,
    "far-hand": 3.0,
    "near-knee": 4.0,
    "far-knee": 4.0,
}
SWING_CLEARANCE = 3.0
"""Figure units a swinging foot keeps above the floor between the drawn poses."""
SEAT_DROP = 8.0
"""Figure units from the hip joint down to the seat it sits on."""


def _lean(view: str, trunk_deg: float) -> float:
    # A lying figure's trunk angle counts up from flat on its back.
    return trunk_deg - 90.0 if view == "lying-side" else trunk_deg


class BodyStage:
    """Places one whole-body view: where the floor, the props and the figure go."""

    nominal_scale = 1.15

    def __init__(self, view: str, props: frozenset[str], start: Mapping[str, float]) -> None:
        self.view = view
        self.hip_y = 0.0
        reference = dict(start)
        if view == "standing-side":
            # Feet flat: the stance the props are laid out around.
            for side in ("near", "far"):
                reference[f"{side}-ankle"] = 0.0
                reference[f"{side}-toes"] = 0.0
        raw = self._raw(reference)
        if view == "seated-side":
            lowest = min(raw[f"{s}-{n}"][1] for s in ("near", "far") for n in _FOOT_POINTS)
            self.hip_y = max(38.0, min(70.0, -lowest))
            raw = {k: (x, y + self.hip_y) for k, (x, y) in raw.items()}
        self.props = PropSet(view, props)
        self.props.lay_surfaces(raw, _grounded(raw))
        self.contacts = self._contacts(raw)
        self.anchor = settle(raw, self.contacts, raw) if self.contacts else raw
        self.props.lay_fixed(self.place(start), self.hip_y - SEAT_DROP)

    def _raw(self, angles: Mapping[str, float]) -> dict[str, Point]:
        # A lying head is wider than the drawn trunk is thick: lift it off the trunk
        # line so head and back both rest on the floor.
        lift = BODY.head_r - _TRUNK.width / 2 / self.nominal_scale
        return body_points(
            angles,
            lean_deg=_lean(self.view, angles["trunk"]),
            head_front=lift if self.view == "lying-side" else 0.0,
        )

    def _contacts(self, raw: Mapping[str, Point]) -> list[Contact]:
        if self.view == "seated-side":
            return []
        feet = [
            Contact(
                f"{side}-{name}",
                _SOLE_R[name],
                self.props.support_at(raw[f"{side}-{name}"][0]),
            )
            for side in ("near", "far")
            for name in _FOOT_POINTS
        ]
        if self.view == "standing-side":
            return feet
        return [Contact(name, r) for name, r in _LYING_RADII.items()] + feet

    def place(self, angles: Mapping[str, float]) -> dict[str, Point]:
        raw = self._raw(angles)
        if not self.contacts:
            return {k: (x, y + self.hip_y) for k, (x, y) in raw.items()}
        return settle(raw, self.contacts, self.anchor)

    def pinned(self, angles: Mapping[str, float], like: Mapping[str, float]) -> dict[str, Point]:
        """`angles` drawn so the parts `like` rests on stay where `like` has them."""
        placed = self.place(like)
        names = resting(placed, self.contacts) if self.contacts else ["hip"]
        raw = self._raw(angles)
        if not self.contacts:
            raw = {k: (x, y + self.hip_y) for k, (x, y) in raw.items()}
        return pin(raw, placed, names)

    def tween(self, start: Mapping[str, float], end: Mapping[str, float], share: float) -> Scene:
        """A frame of the movement, `share` of the way from `start` to `end`.

        A foot that is off the ground at either end and would scrape through the floor
        on the way (a tap ahead swinging to a tap behind) bends hip and knee, as in a
        walking swing, until it clears the floor.
        """
        angles = blend(start, end, share)
        if self.view != "standing-side" or share in (0.0, 1.0):
            return self.draw(angles)
        first, last = self.place(start), self.place(end)
        # Standing feet rest on the ground in both drawn poses; any other foot swings.
        standing = [s for s in ("near", "far") if self._depth(first, s) < 0.05]
        standing = [s for s in standing if self._depth(last, s) < 0.05]
        for side in ("near", "far"):
            if side in standing or not standing:
                continue
            while angles[f"{side}-knee"] < 150.0:
                raw = self._raw(angles)
                ground = min(self._depth(raw, s) for s in standing)
                if self._depth(raw, side) >= ground + SWING_CLEARANCE:
                    break
                angles[f"{side}-knee"] = min(150.0, angles[f"{side}-knee"] + 2.0)
                angles[f"{side}-hip"] = min(130.0, angles[f"{side}-hip"] + 1.0)
        return self.draw(angles)

    def _depth(self, points: Mapping[str, Point], side: str) -> float:
        """How far the lowest part of one foot is above the surface under it."""
        return min(
            points[c.name][1] - c.radius - c.support_y
            for c in self.contacts
            if c.name.startswith(side + "-")
        )

    def draw(self, angles: Mapping[str, float]) -> Scene:
        p = self.place(angles)
        prims: list[Prim] = [svg.Ground(0.0), *self.props.behind(p)]
        prims += _limbs(p, "far")
        prims += self.props.worn(p)
        prims += [
            Line((p["hip"], p["shoulder"]), _TRUNK),
            Line((p["shoulder"], p["neck"]), _NECK),
            Disc(p["head"], BODY.head_r, _HEAD),
        ]
        prims += _limbs(p, "near")
        prims += self.props.in_front(p)
        return Scene(tuple(prims), p)


def _grounded(raw: Mapping[str, Point]) -> tuple[str, ...]:
    """The sides whose foot is (within 3 units) as low as the lowest foot."""
    low = {s: min(raw[f"{s}-{n}"][1] for n in _FOOT_POINTS) for s in ("near", "far")}
    floor = min(low.values())
    return tuple(s for s in ("near", "far") if low[s] <= floor + 3.0)


def _limbs(p: Mapping[str, Point], side: str) -> list[Prim]:
    limb = style.NEAR_LIMB if side == "near" else style.FAR_LIMB
    foot = style.NEAR_FOOT if side == "near" else style.FAR_FOOT

    def at(name: str) -> Point:
        return p[f"{side}-{name}"]

    leg = Line((p["hip"], at("knee"), at("ankle")), limb)
    sole = Line(
        (at("ankle"), at("achilles"), at("heel"), at("ball"), at("instep")), foot, closed=True
    )
    toes = Line((at("ball"), at("toe")), _TOES[side])
    arm = Line((p["shoulder"], at("elbow"), at("wrist"), at("hand")), limb)
    # The far arm hangs behind the far leg; the near arm is drawn over the near leg.
    return [arm, leg, sole, toes] if side == "far" else [leg, sole, toes, arm]
