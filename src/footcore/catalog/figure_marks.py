"""Motion marks: the arc (or arrow) that shows which joint moves, and which way.

The joint that travels furthest through its own range gets the mark; a second one
does too when it moves nearly as much (toe yoga swaps big toe and lesser toes).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from footcore.catalog import figure_svg as svg
from footcore.catalog.figure_kinematics import add, direction_of, distance, polar
from footcore.catalog.figure_svg import Line, Prim, Scene
from footcore.catalog.figure_vocab import JOINTS

MIN_ARC_SVG = 22.0
"""Smallest arc radius and arrow length, in SVG units at the view's nominal scale."""


def _shares(
    view: str, start: Mapping[str, float], end: Mapping[str, float]
) -> list[tuple[float, str]]:
    """Joints with a mark and the share of their range they move, most moved first."""
    shares = []
    for name, joint in JOINTS[view].items():
        moved = abs(end[name] - start[name]) / (joint.high - joint.low)
        if joint.distal is not None and moved > 0.02:
            shares.append((-moved, name))
    return [(-neg, name) for neg, name in sorted(shares)]


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
) -> list[Prim]:
    """Arcs and arrows in figure units, drawn over the end pose.

    A joint whose segment barely turns on the page (a knee lifted with the hip) gets
    no arc; the next most moved joint does.
    """
    least = MIN_ARC_SVG / nominal_scale
    head = 10.0 / nominal_scale
    marks: list[Prim] = []
    marked: list[str] = []
    top_share = 0.0
    for share, name in _shares(view, start, end):
        joint = JOINTS[view][name]
        assert joint.distal is not None
        if _twin(name) in marked or share < 0.6 * top_share:
            continue
        if joint.pivot is None:
            mark = _arrow(first.points[joint.distal], last.points[joint.distal], least, head)
        else:
            mark = _arc(
                (first.points[joint.pivot], first.points[joint.distal]),
                (last.points[joint.pivot], last.points[joint.distal]),
                least,
                head,
            )
        if mark:
            marks += mark
            marked.append(name)
            top_share = max(top_share, share)
        if len(marked) == 2:
            break
    return marks


def _arc(
    before: tuple[tuple[float, float], tuple[float, float]],
    after: tuple[tuple[float, float], tuple[float, float]],
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
    return [Line(points, svg.ARC), svg.arrow_head(points[-1], tangent, head)]


def _arrow(
    start: tuple[float, float], end: tuple[float, float], least: float, head: float
) -> list[Prim]:
    length = distance(start, end)
    if length < 1e-6:
        return []
    heading = direction_of(start, end)
    tail = add(end, polar(max(length, least), heading + 180.0))
    return [Line((tail, end), svg.ARC), svg.arrow_head(end, heading, head)]
