"""Close-ups of one foot: from the inner side (`foot-side`) and from above (`foot-top`).

Figure units are centimetres of an adult right foot about 26 cm long. The side view
looks at the inner (medial) border, toes to the right, so the big toe is in front of
the lesser toes; the top view looks down with the toes up, big toe on the left.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

from footcore.figure import style, svg
from footcore.figure.kinematics import (
    Contact,
    Point,
    add,
    blend,
    chain,
    pin,
    polar,
    resting,
    rotate,
    settle,
    smooth_loop,
)
from footcore.figure.svg import Line, Prim, Scene

ARCH_DRAWN_X = 2.0
"""The side view draws arch doming twice as high as asked, so 5 mm reads on a phone."""

_ANKLE: Point = (0.0, 7.5)
_SHANK_FRONT: tuple[Point, ...] = ((3.0, 17.0), (3.2, 10.5))
_SHANK_BACK: tuple[Point, ...] = ((-3.8, 10.5), (-3.6, 17.0))
_TOP = ((3.6, 8.2), (6.5, 6.6), (10.0, 4.9), (13.3, 3.4), (15.4, 2.9), (16.4, 1.5), (16.0, 0.3))
_HEEL = ((-0.5, 0.25), (-3.0, 0.0), (-4.6, 0.4), (-5.6, 1.6), (-5.9, 3.2), (-5.4, 5.2), (-4.3, 7.2))


def _toe_path(
    base: Point, heading: float, angle: float, prox: float, dist: float, r: float
) -> list[Point]:
    """Base, knuckle and tip of a toe in foot coordinates (sole at y = 0).

    A positive angle lifts the toe straight. A negative one is a grip: the knuckle
    rises by 0.8 of the angle and the tip reaches down to the sole line, which is how
    a pressing or curling toe looks when the foot bears weight.
    """
    if angle >= 0.0:
        return chain(base, heading + angle, [(0.0, prox), (-4.0, dist)])
    knuckle = add(base, polar(prox, heading + 0.8 * -angle))
    reach = max(-1.0, min(1.0, (r - knuckle[1]) / dist))
    return [base, knuckle, add(knuckle, polar(dist, math.degrees(math.asin(reach))))]


def _capsule(points: Sequence[Point], width: float, *, far: bool) -> tuple[Line, Line]:
    edge = style.FAR_TOE_EDGE if far else style.TOE_EDGE
    fill = style.FAR_TOE_FILL if far else style.TOE_FILL
    return (Line(tuple(points), edge, thick=width), Line(tuple(points), fill, thick=width))


class FootSideStage:
    """The foot from its inner side, standing on the floor (or on a flat towel)."""

    nominal_scale = 9.5

    def __init__(self, props: frozenset[str]) -> None:
        self.towel = "towel" in props
        self.support_y = 0.7 if self.towel else 0.0
        neutral = {"ankle": 0.0, "big-toe": 0.0, "lesser-toes": 0.0, "arch-dome-mm": 0.0}
        ref = self._points(neutral)[0]
        self.anchor = settle(ref, self._contacts(), ref)

    def _contacts(self) -> list[Contact]:
        y = self.support_y
        return [
            Contact("heel", 0.0, y, grip=2),
            Contact("ball", 0.0, y),
            # Smaller than the drawn toe, so toes lying flat never outrank heel and ball.
            Contact("big-tip", 1.0, y, grip=0),
            Contact("lesser-tip", 0.8, y, grip=0),
        ]

    def _points(self, a: Mapping[str, float]) -> tuple[dict[str, Point], int]:
        rise = ARCH_DRAWN_X * a["arch-dome-mm"] / 10.0
        short = 0.08 * a["arch-dome-mm"]

        def fore(p: Point) -> Point:
            # The forefoot slides back as the arch domes, the heel stays put.
            pull = short * min(1.0, max(0.0, (p[0] - 3.0) / 11.0))
            lift = 0.3 * rise if 5.0 <= p[0] <= 13.5 else 0.0
            return (p[0] - pull, p[1] + lift)

        arch = [
            (15.0, 0.0),
            (12.5, 0.15),
            (10.0, 0.5 + 0.4 * rise),
            (7.0, 1.0 + rise),
            (4.0, 1.2 + 0.95 * rise),
            (1.5, 0.8 + 0.5 * rise),
        ]
        sole = [fore(p) for p in (*_TOP, *arch)] + list(_HEEL)
        named: dict[str, Point] = {
            "heel": (-3.0, 0.0),
            "ball": fore((15.0, 0.0)),
            "arch": fore(arch[3]),
            "big-mtp": fore((15.2, 1.35)),
            "lesser-mtp": fore((14.3, 1.9)),
        }
        big = _toe_path(named["big-mtp"], 0.0, a["big-toe"], 3.0, 2.7, 1.3)
        lesser = _toe_path(named["lesser-mtp"], 0.0, a["lesser-toes"], 2.7, 2.2, 1.0)
        named.update({"big-knuckle": big[1], "big-tip": big[2]})
        named.update({"lesser-knuckle": lesser[1], "lesser-tip": lesser[2]})
        for i, p in enumerate(sole):
            named[f"sole{i}"] = p
        turned = {k: rotate(p, _ANKLE, a["ankle"]) for k, p in named.items()}
        turned["ankle"] = _ANKLE
        for i, p in enumerate((*_SHANK_FRONT, *_SHANK_BACK)):
            turned[f"shank{i}"] = p
        return turned, len(sole)

    def pinned(self, angles: Mapping[str, float], like: Mapping[str, float]) -> dict[str, Point]:
        """`angles` drawn so the parts `like` stands on stay where `like` has them."""
        placed = settle(self._points(like)[0], self._contacts(), self.anchor)
        return pin(self._points(angles)[0], placed, resting(placed, self._contacts()))

    def tween(self, start: Mapping[str, float], end: Mapping[str, float], share: float) -> Scene:
        return self.draw(blend(start, end, share))

    def draw(self, angles: Mapping[str, float]) -> Scene:
        raw, count = self._points(angles)
        p = settle(raw, self._contacts(), self.anchor)
        shank = [p[f"shank{i}"] for i in range(4)]
        outline = (*shank[:2], *(p[f"sole{i}"] for i in range(count)), *shank[2:])
        big = (p["big-mtp"], p["big-knuckle"], p["big-tip"])
        lesser = (p["lesser-mtp"], p["lesser-knuckle"], p["lesser-tip"])
        big_edge, big_fill = _capsule(big, 2.6, far=False)
        prims: list[Prim] = [svg.Ground(0.0)]
        if self.towel:
            prims.append(_flat_towel(min(0.0, angles["lesser-toes"])))
        prims += [*_capsule(lesser, 2.0, far=True), big_edge]
        prims += [Line(smooth_loop(outline), style.OUTLINE, closed=True), big_fill]
        prims += _press_marker(p["big-tip"], angles["big-toe"])
        return Scene(tuple(prims), p)


def _flat_towel(curl: float) -> Line:
    """A towel on the floor; curling toes drag its far end back into a fold."""
    gather = min(1.0, -curl / 50.0)
    front = 32.0 - 9.0 * gather
    fold_x = 23.0 - 2.0 * gather
    top = [(-4.0, 0.7), (14.0, 0.7), (19.5, 0.7)]
    top += [(fold_x - 1.5, 0.7 + 1.6 * gather), (fold_x + 1.0, 0.7 + 2.6 * gather)]
    top += [(fold_x + 3.5, 0.7 + 1.2 * gather), (fold_x + 5.0, 0.7), (front, 0.7)]
    return Line((*top, (front, 0.0), (-4.0, 0.0)), style.TOWEL, closed=True)


def _press_marker(tip: Point, angle: float) -> list[Prim]:
    """A small downward arrow over a toe that presses into the floor."""
    strength = max(0.0, min(1.0, -angle / 6.0)) if angle < 0.0 else 0.0
    shaft = Line((add(tip, (0.0, 6.0)), add(tip, (0.0, 3.4))), style.PRESS, opacity=strength)
    head = svg.arrow_head(add(tip, (0.0, 2.2)), -90.0, 1.6)
    return [shaft, Line(head.points, head.pen, closed=True, opacity=strength)]


# Top view: base point, length, width and straight-ahead heading of each toe,
# big toe first. The outline runs counter-clockwise from the back of the heel.
_TOES = (
    ((-2.8, 19.6), 4.8, 3.3, 92.0),
    ((-0.3, 20.2), 3.7, 2.1, 89.0),
    ((1.5, 19.6), 3.2, 2.0, 85.0),
    ((3.0, 18.6), 2.8, 1.9, 80.0),
    ((4.2, 17.2), 2.4, 1.8, 72.0),
)
_SPREAD_SHARE = (0.8, 0.15, -0.35, -0.75, -1.2)
_TOP_OUTLINE = (
    (0.0, -0.2), (2.3, 0.6), (3.3, 2.6), (3.6, 6.0), (4.0, 10.0), (4.4, 11.8), (4.6, 15.0),
    (4.5, 17.0), (3.2, 18.6), (1.3, 19.7), (-0.6, 20.5), (-2.8, 20.8), (-4.5, 19.6),
    (-4.9, 17.0), (-3.9, 12.5), (-3.1, 8.0), (-3.4, 4.0), (-2.6, 1.2),
)  # fmt: skip
_TURN_CENTRE: Point = (0.0, 4.0)
_ANCHOR: Point = (17.0, 19.0)


class FootTopStage:
    """A right foot from above, toes up; `turn-in` swings the forefoot towards the midline."""

    nominal_scale = 7.0

    def __init__(self, props: frozenset[str]) -> None:
        self.band = "band" in props

    def pinned(self, angles: Mapping[str, float], like: Mapping[str, float]) -> dict[str, Point]:
        """`angles` drawn; the top view never moves the foot as a whole."""
        del like
        return self.draw(angles).points

    def tween(self, start: Mapping[str, float], end: Mapping[str, float], share: float) -> Scene:
        return self.draw(blend(start, end, share))

    def draw(self, angles: Mapping[str, float]) -> Scene:
        turn = angles["turn-in"]
        spread = angles["toe-spread"]

        def at(q: Point) -> Point:
            return rotate(q, _TURN_CENTRE, turn)

        points: dict[str, Point] = {"heel": _TURN_CENTRE}
        toes: list[tuple[Line, Line]] = []
        for i, ((base, length, width, heading), share) in enumerate(
            zip(_TOES, _SPREAD_SHARE, strict=True)
        ):
            tip = add(base, polar(length, heading + share * spread))
            toes.append(_capsule((at(base), at(tip)), width, far=False))
            points[f"toe{i}-tip"] = at(tip)
        points["toe-tip"] = points["toe1-tip"]
        points["little-mtp"], points["little-tip"] = at(_TOES[4][0]), points["toe4-tip"]
        outline = Line(smooth_loop([at(q) for q in _TOP_OUTLINE]), style.OUTLINE, closed=True)
        prims: list[Prim] = [edge for edge, _ in toes]
        prims += [outline, *(fill for _, fill in toes)]
        if self.band:
            prims += _band_round_forefoot(at)
        return Scene(tuple(prims), points)


def _band_round_forefoot(place: Callable[[Point], Point]) -> list[Prim]:
    """A band looped over the forefoot and tied to an anchor on the outer side."""
    strap = tuple(place(q) for q in ((-5.0, 14.8), (-1.0, 15.3), (3.0, 14.6), (4.7, 14.0)))
    anchor = svg.Disc(_ANCHOR, 1.6, style.PROP)
    upper = Line((place((4.7, 14.9)), _ANCHOR), style.BAND)
    lower = Line((place((4.6, 12.6)), _ANCHOR), style.BAND)
    return [upper, lower, Line(strap, style.BAND), anchor]
