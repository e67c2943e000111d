"""Lays the panels out: Start and End side by side, and the moving figure below.

All sizes are SVG user units; the SVG carries only a `viewBox`, so it scales to the
width it is given (a phone screen, a PDF column).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from footcore.catalog import figure_svg as svg
from footcore.catalog.figure_body import BodyStage
from footcore.catalog.figure_foot import FootSideStage, FootTopStage
from footcore.catalog.figure_marks import motion_marks
from footcore.catalog.figure_svg import Frame, Ground, Prim, Scene, Timeline
from footcore.catalog.figure_vocab import BODY_VIEWS, complete
from footcore.domain.catalog import Illustration

PAD = 8.0
PANEL_W = 240.0
PANEL_H = 230.0
LABEL_H = 40.0
GAP = 48.0
MOVE_LABEL_H = 30.0
MOVE_H = 300.0
WIDTH = PAD + PANEL_W + GAP + PANEL_W + PAD
STATIC_H = PAD + LABEL_H + PANEL_H + PAD
MOVING_ZOOM = 1.3
"""The moving figure is drawn this much larger than the Start and End figures."""

_STEPS = 8
_FONT = "Helvetica, Arial, sans-serif"
_STYLE = (
    "<style>.fc-still{display:none}"
    "@media (prefers-reduced-motion: reduce){.fc-moving{display:none}.fc-still{display:inline}}"
    "</style>"
)


class Stage(Protocol):
    nominal_scale: float

    def draw(self, angles: Mapping[str, float]) -> Scene: ...


def make_stage(illustration: Illustration) -> Stage:
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
    return Timeline(tuple(times), 4.5), shares


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
    view = illustration.view
    start = complete(view, illustration.start.angles)
    end = complete(view, illustration.end.angles)
    stage = make_stage(illustration)
    first, last = stage.draw(start), stage.draw(end)
    marks = motion_marks(view, start, end, first, last, stage.nominal_scale)
    moving: tuple[Scene, ...] = ()
    if frames:
        _, shares = timeline()
        moving = tuple(
            stage.draw({k: start[k] + (end[k] - start[k]) * s for k in start}) for s in shares
        )
    inset = None
    toe_keys = ("near-big-toe", "near-lesser-toes")
    if view in BODY_VIEWS and any(
        k in pose.angles for k in toe_keys for pose in (illustration.start, illustration.end)
    ):
        inset = draw(_toe_detail(illustration, start, end), frames=frames)
    return Drawing(first, last, tuple(marks), moving, stage.nominal_scale, inset)


def _toe_detail(
    illustration: Illustration, start: Mapping[str, float], end: Mapping[str, float]
) -> Illustration:
    from footcore.domain.catalog import Pose

    def close_up(angles: Mapping[str, float], name: str) -> Pose:
        return Pose(
            name,
            {
                "ankle": angles["near-ankle"],
                "big-toe": angles["near-big-toe"],
                "lesser-toes": angles["near-lesser-toes"],
            },
        )

    return Illustration(
        "foot-side", close_up(start, "start"), close_up(end, "end"), illustration.alt
    )


def _body(scene: Scene) -> list[Prim]:
    return [p for p in scene.prims if not isinstance(p, Ground)]


def _ground(scene: Scene) -> list[Prim]:
    return [p for p in scene.prims if isinstance(p, Ground)]


def _panel_box(x: float, y: float, w: float, h: float) -> str:
    return (
        f'<rect x="{svg.fmt(x)}" y="{svg.fmt(y)}" width="{svg.fmt(w)}" height="{svg.fmt(h)}" '
        f'rx="10" fill="#ffffff" stroke="{svg.PANEL_EDGE}" stroke-width="1.5"/>'
    )


def _inset(drawing: Drawing, box: tuple[float, float, float, float], *, end: bool) -> list[str]:
    """The magnified foot of a whole-body panel, in a box at its top right corner."""
    x, y, w, h = box
    scenes = [drawing.start, drawing.end]
    frame = svg.fit(
        [p for s in scenes for p in s.prims], box=box, nominal_scale=drawing.nominal_scale
    )
    scene = drawing.end if end else drawing.start
    return [_panel_box(x, y, w, h), *svg.static_elements(scene.prims, frame)]


def _fit_all(drawing: Drawing, box: tuple[float, float, float, float], zoom: float) -> Frame:
    prims: list[Prim] = [*drawing.start.prims, *drawing.end.prims, *drawing.marks]
    for scene in drawing.frames:
        prims += scene.prims
    return svg.fit(prims, box=box, nominal_scale=drawing.nominal_scale * zoom)


def _label(x_mid: float, top: float, word: str, name: str) -> list[str]:
    shown = name if len(name) <= 40 else name[:39] + "…"
    return [
        svg.text(x_mid, top + 17.0, word, size=17.0, bold=True),
        svg.text(x_mid, top + 34.0, shown, size=12.5),
    ]


def _between_arrow(x0: float, x1: float, y: float) -> list[str]:
    frame = Frame(1.0, 0.0, 0.0, 0.0, 0.0)
    shaft = svg.Line(((x0, -y), (x1 - 6.0, -y)), svg.ARC)
    head = svg.arrow_head((x1, -y), 0.0, 10.0)
    return svg.static_elements([shaft, head], frame)


def compose(illustration: Illustration, *, animate: bool, title: str) -> str:
    drawing = draw(illustration, frames=animate)
    top = PAD + LABEL_H
    left_box = (PAD, top, PANEL_W, PANEL_H)
    right_box = (PAD + PANEL_W + GAP, top, PANEL_W, PANEL_H)
    frame = _fit_all(drawing, left_box, 1.0)
    shift = right_box[0] - left_box[0]
    right = Frame(frame.scale, frame.dx + shift, frame.dy, frame.left + shift, frame.right + shift)
    height = STATIC_H + (MOVE_LABEL_H + MOVE_H + PAD if animate else 0.0)
    ident = "fc" + hashlib.sha256(
        repr((illustration, animate, title)).encode("utf-8")
    ).hexdigest()[:10]
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {svg.fmt(WIDTH)} {svg.fmt(height)}"'
        f' role="img" aria-labelledby="{ident}-t {ident}-d" font-family="{_FONT}">',
        f'<title id="{ident}-t">{svg.esc(title)}</title>',
        f'<desc id="{ident}-d">{svg.esc(illustration.alt)}</desc>',
    ]
    if animate:
        out.append(_STYLE)
    out.append(f'<rect width="{svg.fmt(WIDTH)}" height="{svg.fmt(height)}" fill="#ffffff"/>')
    for box, fr, scene, word, pose, marks in (
        (left_box, frame, drawing.start, "Start", illustration.start, ()),
        (right_box, right, drawing.end, "End", illustration.end, drawing.marks),
    ):
        out.append(_panel_box(*box))
        out += _label(box[0] + PANEL_W / 2, PAD, word, pose.name)
        out += svg.static_elements([*scene.prims, *marks], fr)
        if drawing.inset is not None:
            inset_box = (box[0] + PANEL_W * 0.56, top + 6.0, PANEL_W * 0.41, PANEL_H * 0.34)
            out += _inset(drawing.inset, inset_box, end=word == "End")
    out += _between_arrow(PAD + PANEL_W + 9.0, PAD + PANEL_W + GAP - 9.0, top + PANEL_H / 2)
    if animate:
        out += _moving_panel(drawing, STATIC_H)
    out.append("</svg>")
    return "".join(out)


def _moving_panel(drawing: Drawing, top: float) -> list[str]:
    box = (PAD, top + MOVE_LABEL_H, WIDTH - 2 * PAD, MOVE_H)
    frame = _fit_all(drawing, box, MOVING_ZOOM)
    timing, _ = timeline()
    out = [
        svg.text(WIDTH / 2, top + 20.0, "Movement (repeats)", size=15.0, bold=True),
        _panel_box(*box),
        *svg.static_elements(_ground(drawing.start), frame),
        '<g class="fc-moving">',
        *svg.animated_elements([_body(s) for s in drawing.frames], frame, timing),
        '</g><g class="fc-still" display="none"><g opacity="0.35">',
        *svg.static_elements(_body(drawing.start), frame),
        "</g>",
        *svg.static_elements([*_body(drawing.end), *drawing.marks], frame),
        "</g>",
    ]
    return out
