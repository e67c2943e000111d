"""Forward kinematics for the illustration figure: segment lengths and angles to points.

Everything here works in figure units (roughly centimetres of an adult of 1.75 m) with
`y` pointing up and the figure facing `+x`. Directions are absolute angles in degrees,
counter-clockwise from `+x`, so a positive joint angle turns the distal segment
counter-clockwise (towards the front for the hip and shoulder, upwards for the toes).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

Point = tuple[float, float]


def polar(length: float, direction_deg: float) -> Point:
    rad = math.radians(direction_deg)
    return (length * math.cos(rad), length * math.sin(rad))


def add(a: Point, b: Point) -> Point:
    return (a[0] + b[0], a[1] + b[1])


def sub(a: Point, b: Point) -> Point:
    return (a[0] - b[0], a[1] - b[1])


def lerp(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def direction_of(a: Point, b: Point) -> float:
    """Absolute direction (degrees) of the vector from `a` to `b`."""
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))


def distance(a: Point, b: Point) -> float:
    return math.hypot(b[0] - a[0], b[1] - a[1])


def rotate(p: Point, about: Point, turn_deg: float) -> Point:
    rad = math.radians(turn_deg)
    dx, dy = p[0] - about[0], p[1] - about[1]
    return (
        about[0] + dx * math.cos(rad) - dy * math.sin(rad),
        about[1] + dx * math.sin(rad) + dy * math.cos(rad),
    )


def smooth_loop(points: Sequence[Point], rounds: int = 2) -> tuple[Point, ...]:
    """A closed outline with its corners cut (Chaikin), for a hand-drawn rather than
    polygonal edge. The point count depends only on the input count, so outlines of
    two poses still morph point by point."""
    loop = list(points)
    for _ in range(rounds):
        cut: list[Point] = []
        for a, b in zip(loop, loop[1:] + loop[:1], strict=True):
            cut += [lerp(a, b, 0.25), lerp(a, b, 0.75)]
        loop = cut
    return tuple(loop)


def chain(origin: Point, direction_deg: float, links: Sequence[tuple[float, float]]) -> list[Point]:
    """Joint positions along a chain of `(turn_deg, length)` links, origin included.

    Each link turns relative to the previous segment's direction, then runs `length`.
    """
    points = [origin]
    heading = direction_deg
    for turn_deg, length in links:
        heading += turn_deg
        points.append(add(points[-1], polar(length, heading)))
    return points


def blend(start: Mapping[str, float], end: Mapping[str, float], share: float) -> dict[str, float]:
    """Every angle `share` of the way from `start` to `end`."""
    return {name: value + (end[name] - value) * share for name, value in start.items()}


@dataclass(frozen=True, slots=True)
class BodyLengths:
    """Segment lengths of the whole-body figure, in figure units (≈ cm).

    The foot is drawn a quarter larger than life: at phone size a true-scale foot is
    a few pixels long and its movement (the point of every drawing here) would not read.
    """

    trunk: float = 50.0
    neck: float = 7.0
    head_r: float = 10.5
    upper_arm: float = 30.0
    forearm: float = 26.0
    hand: float = 8.0
    thigh: float = 44.0
    shank: float = 43.0
    ankle_height: float = 10.0
    heel_back: float = 7.5
    ball_front: float = 18.5
    toes: float = 7.5


BODY = BodyLengths()


def body_points(
    angles: Mapping[str, float], *, lean_deg: float, head_front: float = 0.0
) -> dict[str, Point]:
    """Named joint positions of the whole-body figure, hip joint at the origin.

    `lean_deg` is the trunk's absolute forward lean from vertical (a lying figure
    leans -90). Hip and shoulder flexion are measured from the trunk line, knee and
    elbow flexion from the segment above, the ankle from a right angle to the shank
    (dorsiflexion positive) and the toes from the foot (extension positive).
    `near-hip-turnout` foreshortens the near thigh and shank: a leg turned out of the
    side-view plane (a figure-four sit) looks shorter from the side. `head_front`
    moves the head towards the figure's front: a lying head, wider than the drawn
    trunk is thick, then rests on the floor level with the back.
    """
    up = 90.0 - lean_deg
    hip: Point = (0.0, 0.0)
    shoulder = add(hip, polar(BODY.trunk, up))
    neck = add(shoulder, polar(BODY.neck, up))
    points: dict[str, Point] = {
        "hip": hip,
        "shoulder": shoulder,
        "neck": neck,
        "head": add(add(neck, polar(BODY.head_r, up)), polar(head_front, up - 90.0)),
    }
    down = up + 180.0
    for side in ("far", "near"):
        shrink = math.cos(math.radians(angles.get(f"{side}-hip-turnout", 0.0)))
        thigh_dir = down + angles[f"{side}-hip"]
        knee = add(hip, polar(BODY.thigh * shrink, thigh_dir))
        shank_dir = thigh_dir - angles[f"{side}-knee"]
        ankle = add(knee, polar(BODY.shank * shrink, shank_dir))
        points.update(_foot(side, ankle, shank_dir, angles))
        points[f"{side}-knee"] = knee
        arm_dir = down + angles[f"{side}-shoulder"]
        _, elbow, wrist, hand = chain(
            shoulder,
            arm_dir,
            [
                (0.0, BODY.upper_arm),
                (angles[f"{side}-elbow"], BODY.forearm),
                (0.0, BODY.hand),
            ],
        )
        points.update({f"{side}-elbow": elbow, f"{side}-wrist": wrist, f"{side}-hand": hand})
    return points


def _foot(
    side: str, ankle: Point, shank_dir: float, angles: Mapping[str, float]
) -> dict[str, Point]:
    # Foot frame: x along the sole towards the toes, y up from the sole, ankle at origin.
    foot_dir = shank_dir + 90.0 + angles[f"{side}-ankle"]

    def at(x: float, y: float) -> Point:
        return add(add(ankle, polar(x, foot_dir)), polar(y, foot_dir + 90.0))

    ball = at(BODY.ball_front, -BODY.ankle_height)
    toe = add(ball, polar(BODY.toes, foot_dir + angles[f"{side}-toes"]))
    return {
        f"{side}-ankle": ankle,
        f"{side}-heel": at(-BODY.heel_back, -BODY.ankle_height),
        f"{side}-ball": ball,
        f"{side}-toe": toe,
        f"{side}-instep": at(BODY.ball_front - 3.8, -BODY.ankle_height + 4.4),
        f"{side}-achilles": at(-BODY.heel_back + 0.6, -BODY.ankle_height + 5.0),
    }


@dataclass(frozen=True, slots=True)
class Contact:
    """A point that may bear weight, its drawn radius and the surface height under it."""

    name: str
    radius: float = 0.0
    support_y: float = 0.0
    grip: int = 1
    """When several contacts rest at once, only the firmest-gripping keep their place."""


def settle(
    points: Mapping[str, Point], contacts: Sequence[Contact], anchor: Mapping[str, Point]
) -> dict[str, Point]:
    """Shift `points` so the contact sinking deepest rests on its surface.

    The resting contact also keeps the `x` it has in `anchor` (the reference pose), so
    a foot rolls about the part touching the ground instead of sliding: a heel raise
    pivots on the ball, heel walking on the heel. When several contacts rest at once,
    those with the firmest `grip` keep their average place: both heels of a stride
    share it, while a heel outgrips the ball so a doming arch pulls the ball back.
    """
    depths = [points[c.name][1] - c.radius - c.support_y for c in contacts]
    deepest = min(depths)
    touching = [c for c, d in zip(contacts, depths, strict=True) if d <= deepest + 0.05]
    firmest = max(c.grip for c in touching)
    resting = [c for c in touching if c.grip == firmest]
    shift_x = sum(anchor[c.name][0] - points[c.name][0] for c in resting) / len(resting)
    shift = (shift_x, -deepest)
    return {name: add(p, shift) for name, p in points.items()}


def resting(points: Mapping[str, Point], contacts: Sequence[Contact]) -> list[str]:
    """Names of the contacts that touch their surface in an already settled pose."""
    return [c.name for c in contacts if abs(points[c.name][1] - c.radius - c.support_y) < 0.05]


def pin(
    points: Mapping[str, Point], onto: Mapping[str, Point], names: Sequence[str]
) -> dict[str, Point]:
    """Shift `points` so the named points sit, on average, where they are in `onto`."""
    if not names:
        return dict(points)
    dx = sum(onto[n][0] - points[n][0] for n in names) / len(names)
    dy = sum(onto[n][1] - points[n][1] for n in names) / len(names)
    return {name: add(p, (dx, dy)) for name, p in points.items()}
