"""Drawing primitives of the figure and their SVG text, static or animated.

A scene is a tuple of primitives in figure units (`y` up). A `Frame` maps figure
units onto a panel of the SVG (`y` down). Stroke widths are in SVG units so every
illustration shares one line weight whatever its scale; `Line.thick` adds a width
in figure units for shapes that must scale (a toe seen up close).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from footcore.figure.kinematics import Point
from footcore.figure.style import ARROW_HEAD, GROUND_FILL, PROP_LINE, TEXT, Pen


@dataclass(frozen=True, slots=True)
class Line:
    """A polyline (or polygon when `closed`) with round caps and joins."""

    points: tuple[Point, ...]
    pen: Pen
    closed: bool = False
    thick: float = 0.0
    opacity: float = 1.0


@dataclass(frozen=True, slots=True)
class Disc:
    """A circle; its radius is in figure units."""

    center: Point
    radius: float
    pen: Pen
    opacity: float = 1.0


@dataclass(frozen=True, slots=True)
class Ground:
    """The floor line at height `y`, drawn across the whole panel."""

    y: float


Prim = Line | Disc | Ground
GROUND_DEPTH = 10.0
"""SVG units of shaded ground drawn below the floor line."""


@dataclass(frozen=True, slots=True)
class Frame:
    """Figure units to SVG units: `x' = dx + scale * x`, `y' = dy - scale * y`."""

    scale: float
    dx: float
    dy: float
    left: float
    right: float

    def at(self, p: Point) -> Point:
        return (self.dx + self.scale * p[0], self.dy - self.scale * p[1])


def fmt(value: float) -> str:
    """A compact, deterministic number: one decimal, no `-0`."""
    text = f"{round(value, 1):.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


def extent(prims: Iterable[Prim]) -> tuple[float, float, float, float] | None:
    """Bounding box `(x0, y0, x1, y1)` in figure units, ignoring SVG-unit stroke widths."""
    xs: list[float] = []
    ys: list[float] = []
    for prim in prims:
        if isinstance(prim, Line):
            pad = prim.thick / 2
            for x, y in prim.points:
                xs += [x - pad, x + pad]
                ys += [y - pad, y + pad]
        elif isinstance(prim, Disc):
            xs += [prim.center[0] - prim.radius, prim.center[0] + prim.radius]
            ys += [prim.center[1] - prim.radius, prim.center[1] + prim.radius]
        else:
            ys.append(prim.y)
    if not xs:
        return None
    return (min(xs), min(ys), max(xs), max(ys))


def fit(
    prims: Sequence[Prim], *, box: tuple[float, float, float, float], nominal_scale: float
) -> Frame:
    """The frame that centres `prims` in `box` (x, y, w, h), never larger than nominal."""
    x, y, w, h = box
    margin = 12.0
    bottom = margin + (GROUND_DEPTH if any(isinstance(p, Ground) for p in prims) else 0.0)
    found = extent(prims) or (0.0, 0.0, 1.0, 1.0)
    fx0, fy0, fx1, fy1 = found
    span_x, span_y = max(fx1 - fx0, 1e-6), max(fy1 - fy0, 1e-6)
    scale = min(nominal_scale, (w - 2 * margin) / span_x, (h - margin - bottom) / span_y)
    mid_x = x + w / 2
    mid_y = y + margin + (h - margin - bottom) / 2
    dx = mid_x - scale * (fx0 + fx1) / 2
    dy = mid_y + scale * (fy0 + fy1) / 2
    return Frame(scale, dx, dy, x + 4.0, x + w - 4.0)


def _pen_attrs(pen: Pen, width: float) -> str:
    fill = pen.fill or "none"
    stroke = pen.stroke or "none"
    return (
        f'fill="{fill}" stroke="{stroke}" stroke-width="{fmt(max(width, 0.0))}"'
        ' stroke-linecap="round" stroke-linejoin="round"'
    )


def _ground(prim: Ground, frame: Frame) -> str:
    y = fmt(frame.at((0.0, prim.y))[1])
    left, right = fmt(frame.left), fmt(frame.right)
    return (
        f'<rect x="{left}" y="{y}" width="{fmt(frame.right - frame.left)}" '
        f'height="{fmt(GROUND_DEPTH)}" fill="{GROUND_FILL}"/>'
        f'<path d="M{left} {y}L{right} {y}" {_pen_attrs(PROP_LINE, PROP_LINE.width)}/>'
    )


def _attributes(prim: Line | Disc, frame: Frame) -> dict[str, str]:
    if isinstance(prim, Line):
        coords = [frame.at(p) for p in prim.points]
        path = "M" + "L".join(f"{fmt(x)} {fmt(y)}" for x, y in coords)
        return {
            "d": path + ("Z" if prim.closed else ""),
            "stroke-width": fmt(max(prim.pen.width + prim.thick * frame.scale, 0.0)),
            "opacity": fmt(prim.opacity),
        }
    cx, cy = frame.at(prim.center)
    return {
        "cx": fmt(cx),
        "cy": fmt(cy),
        "r": fmt(prim.radius * frame.scale),
        "opacity": fmt(prim.opacity),
    }


def _open_tag(prim: Line | Disc, attrs: dict[str, str]) -> str:
    opacity = "" if attrs["opacity"] == "1" else f' opacity="{attrs["opacity"]}"'
    if isinstance(prim, Line):
        width = float(attrs["stroke-width"])
        return f'<path d="{attrs["d"]}" {_pen_attrs(prim.pen, width)}{opacity}'
    return (
        f'<circle cx="{attrs["cx"]}" cy="{attrs["cy"]}" r="{attrs["r"]}" '
        f"{_pen_attrs(prim.pen, prim.pen.width)}{opacity}"
    )


def static_elements(prims: Sequence[Prim], frame: Frame) -> list[str]:
    """One SVG element per visible primitive, in drawing order."""
    out: list[str] = []
    for prim in prims:
        if isinstance(prim, Ground):
            out.append(_ground(prim, frame))
        elif prim.opacity > 0.0:
            out.append(_open_tag(prim, _attributes(prim, frame)) + "/>")
    return out


@dataclass(frozen=True, slots=True)
class Timeline:
    """Loop timing for the animated panel: key times in 0..1 and the whole loop length."""

    key_times: tuple[float, ...]
    duration_s: float


def animated_elements(
    frames: Sequence[Sequence[Prim]], frame: Frame, timeline: Timeline
) -> list[str]:
    """Elements drawn from the first scene, each with `<animate>` for what changes.

    Every scene must hold the same primitives in the same order and shape; the
    builders guarantee it so a path can morph point by point.
    """
    first = frames[0]
    if any(len(scene) != len(first) for scene in frames):
        raise ValueError("animation frames differ in their number of primitives")
    times = ";".join(fmt_time(t) for t in timeline.key_times)
    out: list[str] = []
    for index, prim in enumerate(first):
        if isinstance(prim, Ground):
            out.append(_ground(prim, frame))
            continue
        column = _same_shape([scene[index] for scene in frames])
        if all(p.opacity <= 0.0 for p in column):
            continue
        per_frame = [_attributes(p, frame) for p in column]
        tag = _open_tag(prim, per_frame[0])
        animations = []
        for name in per_frame[0]:
            values = [attrs[name] for attrs in per_frame]
            if len(set(values)) > 1:
                animations.append(
                    f'<animate attributeName="{name}" dur="{fmt(timeline.duration_s)}s" '
                    f'repeatCount="indefinite" calcMode="linear" keyTimes="{times}" '
                    f'values="{";".join(values)}"/>'
                )
        out.append(tag + (">" + "".join(animations) + _close(prim) if animations else "/>"))
    return out


def fmt_time(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".") or "0"


def _close(prim: Prim) -> str:
    return "</circle>" if isinstance(prim, Disc) else "</path>"


def _same_shape(column: Sequence[Prim]) -> list[Line | Disc]:
    """The primitives of one element across frames, checked to be one morphable shape."""
    same: list[Line | Disc] = []
    for prim in column:
        if isinstance(prim, Ground):
            raise ValueError("the ground does not move")
        same.append(prim)
    first = same[0]
    for prim in same:
        if type(prim) is not type(first) or prim.pen != first.pen:
            raise ValueError("animation frames change a primitive's kind or pen")
        if (
            isinstance(prim, Line)
            and isinstance(first, Line)
            and (len(prim.points) != len(first.points) or prim.closed != first.closed)
        ):
            raise ValueError("animation frames change a path's shape")
    return same


def text(x: float, y: float, content: str, *, size: float, bold: bool = False) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (
        f'<text x="{fmt(x)}" y="{fmt(y)}" font-size="{fmt(size)}"{weight} '
        f'text-anchor="middle" fill="{TEXT}">{escape(content)}</text>'
    )


def esc(value: str) -> str:
    """Text escaped for an SVG element's content."""
    return escape(value)


def arrow_head(tip: Point, direction_deg: float, size: float) -> Line:
    """A filled triangle pointing along `direction_deg` (figure-unit angles, y up)."""
    back = math.radians(direction_deg + 180.0)
    spread = math.radians(28.0)
    left = (tip[0] + size * math.cos(back - spread), tip[1] + size * math.sin(back - spread))
    right = (tip[0] + size * math.cos(back + spread), tip[1] + size * math.sin(back + spread))
    return Line((tip, left, right), ARROW_HEAD, closed=True)


@dataclass(frozen=True, slots=True)
class Scene:
    """One pose drawn: primitives in drawing order and the named points they used."""

    prims: tuple[Prim, ...]
    points: dict[str, Point]
