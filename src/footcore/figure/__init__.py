"""Exercise illustrations drawn from one parametric figure, as self-contained SVG.

An `Illustration` names a view, a start pose and an end pose (joint angles), alt
text and props. `render_svg` draws the two poses side by side, labelled Start and
End, with an arrow between them and a motion arc at the joint that moves most; with
`animate=True` a larger third panel loops the movement (SMIL `<animate>`; under
`prefers-reduced-motion` it shows the start and end poses overlaid instead).
`render_png_free_svg_for_pdf` gives the static variant for fpdf2: paths, circles,
rects and text only, no CSS, no animation. Output is deterministic: the same
illustration always gives the same bytes.

The vocabulary of views, joints and props, and the validation of a pose, live in
`footcore.catalog.poses`: the catalog checks its data without importing this package.
"""

from __future__ import annotations

from footcore.catalog.poses import pose_problems
from footcore.domain.catalog import Illustration
from footcore.figure.layout import compose

__all__ = ["render_png_free_svg_for_pdf", "render_svg"]


def _checked(illustration: Illustration) -> None:
    problems = pose_problems(illustration)
    if problems:
        raise ValueError("cannot draw illustration: " + "; ".join(problems))


def _title(illustration: Illustration, title: str | None) -> str:
    if title:
        return title
    return f"From {illustration.start.name} to {illustration.end.name}"


def render_svg(
    illustration: Illustration, *, animate: bool = True, title: str | None = None
) -> str:
    """One self-contained SVG: Start and End panels, plus a looping panel if `animate`.

    Raises ValueError naming every problem `pose_problems` finds.
    """
    _checked(illustration)
    return compose(illustration, animate=animate, title=_title(illustration, title))


def render_png_free_svg_for_pdf(illustration: Illustration) -> str:
    """The static Start/End SVG for fpdf2: paths, circles, rects and text only.

    No CSS, no animation, and no title or desc (fpdf2 skips them; the handout prints
    the exercise name and alt text itself).
    """
    _checked(illustration)
    return compose(illustration, animate=False, title="", for_pdf=True)
