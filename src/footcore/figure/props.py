"""Props of the whole-body views, placed once from the reference pose.

Fixed props (step, chair, wall, disk, towel, ball) are laid out from where the
figure stands in its reference pose, so they stay put while the figure moves; props
held or worn (dumbbells, backpack, band) follow the pose.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from footcore.figure import style
from footcore.figure.kinematics import Point, add, direction_of, polar
from footcore.figure.style import Pen
from footcore.figure.svg import Disc, Line, Prim

STEP_HEIGHT = 18.0
STEP_DEPTH = 32.0
DISK_HEIGHT = 6.0
CHAIR_SEAT = 46.0


@dataclass(frozen=True, slots=True)
class Region:
    """A raised surface: feet whose reference `x` lies in `[x0, x1]` stand at `top`."""

    x0: float
    x1: float
    top: float


def _xs(ref: Mapping[str, Point], *names: str) -> list[float]:
    return [ref[n][0] for n in names]


class PropSet:
    """The props of one illustration: surfaces first, then the props around the figure."""

    def __init__(self, view: str, props: frozenset[str]) -> None:
        self.props = props
        self.view = view
        self.regions: list[Region] = []
        self.fixed: list[Prim] = []

    def lay_surfaces(self, ref: Mapping[str, Point], sides: tuple[str, ...]) -> None:
        """Step or disk under the feet that stand on the ground in the reference pose."""
        heels = [ref[f"{s}-heel"][0] for s in sides]
        balls = [ref[f"{s}-ball"][0] for s in sides]
        toes = [ref[f"{s}-toe"][0] for s in sides]
        if "step" in self.props:
            x0 = min(balls) - 4.5
            self.regions.append(Region(x0, x0 + STEP_DEPTH, STEP_HEIGHT))
        if "step-toes-over" in self.props:
            x1 = max(heels) + 12.0
            self.regions.append(Region(x1 - STEP_DEPTH, x1, STEP_HEIGHT))
        if "balance-disk" in self.props:
            self.regions.append(Region(min(heels) - 5.0, max(toes) + 5.0, DISK_HEIGHT))
        for region in self.regions:
            self.fixed.append(_surface(region, dome="balance-disk" in self.props))

    def lay_fixed(self, start: Mapping[str, Point], seat_y: float) -> None:
        """Chair, wall, towel and ball, placed around the figure's start pose."""
        reach = max(start["near-hand"][0], start["far-hand"][0])
        front = max(start["near-toe"][0], start["far-toe"][0])
        if "wall" in self.props:
            face = max(reach + 4.0, front + 6.0)
            top = start["head"][1] + 25.0
            shape = ((face, 0.0), (face, top), (face + 9.0, top), (face + 9.0, 0.0))
            self.fixed.append(Line(shape, style.PROP, closed=True))
        if "chair" in self.props:
            if self.view == "seated-side":
                self.fixed += _seat_chair(seat_y)
            else:
                self.fixed += _held_chair(max(reach + 2.5, front + 6.0))
        ball_x, heel_x = start["near-ball"][0], start["near-heel"][0]
        floor = self.support_at(ball_x)
        if "towel" in self.props and self.view == "standing-side":
            self.fixed.append(Disc((ball_x + 6.0, floor + 4.5), 4.5, style.TOWEL))
        elif "towel" in self.props:
            x1 = start["near-toe"][0] + 16.0
            shape = ((heel_x - 5.0, 0.0), (heel_x - 5.0, 1.0), (x1, 1.0), (x1, 0.0))
            self.fixed.append(Line(shape, style.TOWEL, closed=True))
        if "ball" in self.props:
            self.fixed.append(Disc(((heel_x + ball_x) / 2, floor + 3.5), 3.5, style.BALL))

    def support_at(self, x: float) -> float:
        """Height of the surface under reference position `x` (the floor is 0)."""
        tops = [r.top for r in self.regions if r.x0 <= x <= r.x1]
        return max(tops, default=0.0)

    def behind(self, p: Mapping[str, Point]) -> list[Prim]:
        """Props drawn behind the whole figure."""
        far_weight = [Disc(p["far-hand"], 4.2, style.WEIGHT)] if "dumbbells" in self.props else []
        return [*self.fixed, *far_weight]

    def worn(self, p: Mapping[str, Point]) -> list[Prim]:
        """Props between the far limbs and the trunk (a backpack on the back)."""
        if "backpack" not in self.props:
            return []
        hip, shoulder = p["hip"], p["shoulder"]
        up = direction_of(hip, shoulder)
        back = up + 90.0

        def at(along: float, out: float) -> Point:
            return add(add(hip, polar(along, up)), polar(out, back))

        corners = (at(18, 5), at(47, 5), at(45, 17), at(20, 16))
        return [Line(corners, style.PACK, closed=True)]

    def in_front(self, p: Mapping[str, Point]) -> list[Prim]:
        """Props drawn over the near limbs."""
        prims: list[Prim] = []
        if "band" in self.props:
            prims.append(Line((p["near-ball"], p["near-hand"], p["near-instep"]), style.BAND))
        if "dumbbells" in self.props:
            prims.append(Disc(p["near-hand"], 4.2, style.WEIGHT))
        return prims


def _surface(region: Region, *, dome: bool) -> Line:
    x0, x1, top = region.x0, region.x1, region.top
    if not dome:
        return Line(((x0, 0), (x0, top), (x1, top), (x1, 0)), style.PROP, closed=True)
    edge = 4.0
    shape = (
        (x0, 0.0),
        (x0 + edge * 0.3, top * 0.7),
        (x0 + edge, top),
        (x1 - edge, top),
        (x1 - edge * 0.3, top * 0.7),
        (x1, 0.0),
    )
    return Line(shape, style.PROP, closed=True)


def _seat_chair(seat_y: float) -> list[Prim]:
    back_x, front_x = -17.0, 21.0
    seat = Line(((back_x, seat_y), (front_x, seat_y)), Pen(style.PROP_INK, 6.0))
    legs = Line(
        ((back_x + 2, 0), (back_x + 2, seat_y), (back_x, seat_y + 46)), Pen(style.PROP_INK, 4.0)
    )
    front = Line(((front_x - 2, 0), (front_x - 2, seat_y)), Pen(style.PROP_INK, 4.0))
    return [legs, front, seat]


def _held_chair(back_x: float) -> list[Prim]:
    seat_front = back_x + 40.0
    frame = Pen(style.PROP_INK, 4.0)
    back = Line(((back_x, 0), (back_x, CHAIR_SEAT + 44)), frame)
    seat = Line(((back_x, CHAIR_SEAT), (seat_front, CHAIR_SEAT)), Pen(style.PROP_INK, 6.0))
    front = Line(((seat_front - 2, 0), (seat_front - 2, CHAIR_SEAT)), frame)
    return [back, front, seat]
