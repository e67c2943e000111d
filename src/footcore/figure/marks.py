"""Motion marks: the arc (or arrow) that shows which joint moves, and which way.

The joint that travels furthest through its own range gets the mark; a second one
does too when it moves nearly as much (toe yoga swaps big toe and lesser toes).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

from footcore.catalog.poses import JOINTS
from footcore.figure import style, svg
from footcore.figure.kinematics import Point, add, direction_of, distance, polar
from footcore.figure.svg import Line, Prim, Scene

MIN_ARC_SVG = 22.0
"""Smallest arc radius and arrow length, in SVG units at the view's nominal scale."""


def _shares(
    view: str, start: Mapping[str, float], end: Mapping[str, float]
) -> list[tuple[float, str]]:
    """Joints with a mark and the share of their range they move, most moved first."""
    shares = []
    for order, (name, joint) in enumerate(JOINTS[view].items()):
        moved = abs(end[name] - start[name]) / (joint.high - joint.low)
        if joint.marked and moved > 0.02:
            shares.append((-moved, order, name))
    return [(-neg, name) for neg, _, name in sorted(shares)]


def _twin(name: str) -> str:
    # near-ankle and far-ankle moving together need one mark, on the near side.
    if name.startswith("far-"):
        return "near-" + name[4:]
    if name.startswith("near-"):
        return "far-" + name[5:]
    return name


def motion_marks(
    view: str,
    start: Mapping[str, float],
    end: Mapping[str, float],
    first: Scene,
    last: Scene,
    nominal_scale: float,
    pinned: Callable[[Mapping[str, float]], Mapping[str, Point]],
) -> list[Prim]:
    """Arcs and arrows in figure units, drawn over the end pose.

    An arc shows how a segment turned on the page; a joint whose segment barely turns
    there (a knee lifted with the hip) gets none. An arrow shows what this joint (and
    its twin on the other side) moved: the end pose against the end pose with that
    joint back at its start angle, drawn with whatever the end pose rests on kept in
    place (`pinned`). So heel walking marks the toes rising about the heels, not the
    stride, and a heel raise the heel rising about the ball. A second mark on the
    spot of the first is left out as clutter.
    """
    least = MIN_ARC_SVG / nominal_scale
    head = 10.0 / nominal_scale
    marks: list[Prim] = []
    marked: list[str] = []
    considered: list[str] = []
    spots: list[Point] = []
    top_share = 0.0
    moving = _shares(view, start, end)
    moved = {name for _, name in moving}
    for share, far_or_near in moving:
        # A pair moving together is marked on the near side, where it can be seen.
        near = _twin(far_or_near)
        name = near if far_or_near.startswith("far-") and near in moved else far_or_near
        joint = JOINTS[view][name]
        if {name, _twin(name)} & set(considered) or share < 0.6 * top_share:
            continue
        considered.append(name)
        if joint.pivot is not None and joint.distal is not None:
            spot = last.points[joint.pivot]
            before = (first.points[joint.pivot], first.points[joint.distal])
            mark = _arc(before, (spot, last.points[joint.distal]), least, head)
        else:
            twin = _twin(name)
            ghost = pinned({**end, name: start[name], twin: start[twin]})
            names = joint.travel or (joint.distal or "",)
            point = max(names, key=lambda n: distance(ghost[n], last.points[n]))
            spot = last.points[point]
            mark = _arrow(ghost[point], spot, least, head)
        if not mark or any(distance(spot, seen) < 2 * least for seen in spots):
            continue
        marks += mark
        marked.append(name)
        spots.append(spot)
        top_share = max(top_share, share)
        if len(marked) == 2:
            break
    return marks


def _arc(
    before: tuple[Point, Point],
    after: tuple[Point, Point],
    least: float,
    head: float,
) -> list[Prim]:
    pivot, distal = after
    from_deg = direction_of(*before)
    turn = (direction_of(pivot, distal) - from_deg + 180.0) % 360.0 - 180.0
    if abs(turn) < 12.0:
        return []
    radius = max(0.55 * distance(pivot, distal), least)
    steps = max(4, math.ceil(abs(turn) / 6.0))
    points = tuple(add(pivot, polar(radius, from_deg + turn * i / steps)) for i in range(steps + 1))
    tangent = from_deg + turn + (90.0 if turn > 0 else -90.0)
    return [Line(points, style.ARC), svg.arrow_head(points[-1], tangent, head)]


def _arrow(start: Point, end: Point, least: float, head: float) -> list[Prim]:
    length = distance(start, end)
    if length < 1e-6:
        return []
    heading = direction_of(start, end)
    tail = add(end, polar(max(length, least), heading + 180.0))
    return [Line((tail, end), style.ARC), svg.arrow_head(end, heading, head)]
