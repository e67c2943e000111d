"""Lays the panels out: Start and End side by side, and the moving figure below.

All sizes are SVG user units; the SVG carries only a `viewBox`, so it scales to the
width it is given (a phone screen, a PDF column).
"""

from __future__ import annotations

import hashlib
import itertools

from footcore.domain.catalog import Illustration
from footcore.figure import style, svg
from footcore.figure.drawing import Drawing, draw, timeline
from footcore.figure.kinematics import lerp
from footcore.figure.svg import Frame, Ground, Prim, Scene

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

_FONT = "Helvetica, Arial, sans-serif"
_STYLE = (
    "<style>.fc-still{display:none}"
    "@media (prefers-reduced-motion: reduce){.fc-moving{display:none}.fc-still{display:inline}}"
    "</style>"
)

Box = tuple[float, float, float, float]


def _body(scene: Scene) -> list[Prim]:
    return [p for p in scene.prims if not isinstance(p, Ground)]


def _ground(scene: Scene) -> list[Prim]:
    return [p for p in scene.prims if isinstance(p, Ground)]


def _panel_box(x: float, y: float, w: float, h: float) -> str:
    return (
        f'<rect x="{svg.fmt(x)}" y="{svg.fmt(y)}" width="{svg.fmt(w)}" height="{svg.fmt(h)}" '
        f'rx="10" fill="#ffffff" stroke="{style.PANEL_EDGE}" stroke-width="1.5"/>'
    )


def _split(box: Box, drawing: Drawing, zoom: float) -> tuple[Frame, Box | None]:
    """The figure's frame, and the box of its close-up when it has one.

    The close-up goes in the top right corner if no pose reaches there; otherwise the
    figure keeps the left part of the panel and the close-up takes the right.
    """
    x, y, w, h = box
    if drawing.inset is None:
        return _fit_all(drawing, box, zoom), None
    corner = (x + w * 0.6, y + 6.0, w * 0.4 - 6.0, h * 0.36)
    frame = _fit_all(drawing, box, zoom)
    if not _reaches(drawing, frame, corner):
        return frame, corner
    side = (x + w * 0.55, y + 8.0, w * 0.45 - 8.0, h * 0.45)
    return _fit_all(drawing, (x, y, w * 0.55, h), zoom), side


def _reaches(drawing: Drawing, frame: Frame, box: Box) -> bool:
    """Whether any pose of `drawing` comes within a few units of `box` on the page."""
    x, y, w, h = box
    near = 6.0
    for scene in (drawing.start, drawing.end, *drawing.frames):
        for prim in scene.prims:
            if isinstance(prim, svg.Line):
                pts = prim.points
                ends = list(itertools.pairwise(pts)) or [(pts[0], pts[0])]
                samples = [lerp(a, b, i / 8) for a, b in ends for i in range(9)]
            elif isinstance(prim, svg.Disc):
                samples = [prim.center]
            else:
                continue
            for px, py in (frame.at(p) for p in samples):
                if x - near <= px <= x + w + near and y - near <= py <= y + h + near:
                    return True
    return False


def _fit_all(drawing: Drawing, box: Box, zoom: float) -> Frame:
    """One frame for every pose of `drawing`, so Start, End and the loop line up."""
    prims: list[Prim] = [*drawing.start.prims, *drawing.end.prims, *drawing.marks]
    for scene in drawing.frames:
        prims += scene.prims
    return svg.fit(prims, box=box, nominal_scale=drawing.nominal_scale * zoom)


def _widen(frame: Frame, box: Box) -> Frame:
    # The floor runs across the whole panel even when the figure keeps to one side.
    return Frame(frame.scale, frame.dx, frame.dy, box[0] + 4.0, box[0] + box[2] - 4.0)


def _label(x_mid: float, top: float, word: str, name: str) -> list[str]:
    shown = name if len(name) <= 40 else name[:39] + "…"
    return [
        svg.text(x_mid, top + 17.0, word, size=17.0, bold=True),
        svg.text(x_mid, top + 34.0, shown, size=12.5),
    ]


def _between_arrow(x0: float, x1: float, y: float) -> list[str]:
    frame = Frame(1.0, 0.0, 0.0, 0.0, 0.0)
    shaft = svg.Line(((x0, -y), (x1 - 6.0, -y)), style.ARC)
    head = svg.arrow_head((x1, -y), 0.0, 10.0)
    return svg.static_elements([shaft, head], frame)


def compose(illustration: Illustration, *, animate: bool, title: str, for_pdf: bool = False) -> str:
    """The whole SVG document. `for_pdf` leaves out what fpdf2 does not draw anyway
    (title, desc, ARIA): the PDF carries the exercise's name and text itself."""
    drawing = draw(illustration, frames=animate and not for_pdf)
    top = PAD + LABEL_H
    animate = animate and not for_pdf
    height = STATIC_H + (MOVE_LABEL_H + MOVE_H + PAD if animate else 0.0)
    ident = _ident(illustration, animate=animate, title=title)
    root = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {svg.fmt(WIDTH)} {svg.fmt(height)}"'
    )
    if for_pdf:
        out = [root + f' font-family="{_FONT}">']
    else:
        out = [
            root + f' role="img" aria-labelledby="{ident}-t {ident}-d" font-family="{_FONT}">',
            f'<title id="{ident}-t">{svg.esc(title)}</title>',
            f'<desc id="{ident}-d">{svg.esc(illustration.alt)}</desc>',
        ]
    if animate and not for_pdf:
        out.append(_STYLE)
    out.append(f'<rect width="{svg.fmt(WIDTH)}" height="{svg.fmt(height)}" fill="#ffffff"/>')
    left_box: Box = (PAD, top, PANEL_W, PANEL_H)
    frame, inset_box = _split(left_box, drawing, 1.0)
    inset_frame = _inset_frame(drawing, inset_box)
    for shift, scene, word, pose, marks in (
        (0.0, drawing.start, "Start", illustration.start, ()),
        (PANEL_W + GAP, drawing.end, "End", illustration.end, drawing.marks),
    ):
        box = (left_box[0] + shift, top, PANEL_W, PANEL_H)
        out.append(_panel_box(*box))
        out += _label(box[0] + PANEL_W / 2, PAD, word, pose.name)
        out += svg.static_elements([*scene.prims, *marks], _widen(_moved(frame, shift), box))
        if drawing.inset is not None and inset_box is not None and inset_frame is not None:
            moved_box = (inset_box[0] + shift, *inset_box[1:])
            close_up = drawing.inset.end if word == "End" else drawing.inset.start
            out.append(_panel_box(*moved_box))
            out += svg.static_elements(
                close_up.prims, _widen(_moved(inset_frame, shift), moved_box)
            )
    out += _between_arrow(PAD + PANEL_W + 9.0, PAD + PANEL_W + GAP - 9.0, top + PANEL_H / 2)
    if animate:
        out += _moving_panel(drawing, STATIC_H)
    out.append("</svg>")
    return "".join(out)


def _ident(illustration: Illustration, *, animate: bool, title: str) -> str:
    """An id prefix from the content, so two drawings inlined in one page never clash."""
    key = repr(
        (
            illustration.view,
            sorted(illustration.start.angles.items()),
            sorted(illustration.end.angles.items()),
            illustration.start.name,
            illustration.end.name,
            illustration.alt,
            tuple(illustration.props),
            animate,
            title,
        )
    )
    return "fc" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:10]


def _moved(frame: Frame, shift: float) -> Frame:
    return Frame(frame.scale, frame.dx + shift, frame.dy, frame.left + shift, frame.right + shift)


def _inset_frame(drawing: Drawing, box: Box | None) -> Frame | None:
    if drawing.inset is None or box is None:
        return None
    return _fit_all(drawing.inset, box, 1.0)


def _moving_panel(drawing: Drawing, top: float) -> list[str]:
    box: Box = (PAD, top + MOVE_LABEL_H, WIDTH - 2 * PAD, MOVE_H)
    fitted, inset_box = _split(box, drawing, MOVING_ZOOM)
    frame = _widen(fitted, box)
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
    inset = drawing.inset
    if inset is not None and inset_box is not None:
        inset_frame = _widen(_fit_all(inset, inset_box, MOVING_ZOOM), inset_box)
        out.append(_panel_box(*inset_box))
        if all(scene.prims == inset.start.prims for scene in inset.frames):
            out += svg.static_elements(inset.start.prims, inset_frame)
        else:
            out += [
                '<g class="fc-moving">',
                *svg.animated_elements([s.prims for s in inset.frames], inset_frame, timing),
                '</g><g class="fc-still" display="none">',
                *svg.static_elements(inset.end.prims, inset_frame),
                "</g>",
            ]
    return out
