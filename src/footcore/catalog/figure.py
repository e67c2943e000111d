"""Exercise illustrations drawn from one parametric figure, as self-contained SVG.

An `Illustration` names a view, a start pose and an end pose (joint angles), alt
text and props. `render_svg` draws the two poses side by side, labelled Start and
End, with an arrow between them and a motion arc at the joint that moves most; with
`animate=True` a larger third panel loops the movement (SMIL `<animate>`; under
`prefers-reduced-motion` it shows the start and end poses overlaid instead).
`render_png_free_svg_for_pdf` gives the static variant for fpdf2: paths, circles,
rects and text only, no CSS, no animation. Output is deterministic: the same
illustration always gives the same bytes.

Views and joints, for authors of `illustrations.yaml`: degrees unless a name ends in
`-mm`; a joint left out takes its neutral value; ranges are inclusive.

Whole-body side views — `standing-side`, `seated-side`, `lying-side` — show a figure
facing right; `near-*` limbs are dark and in front, `far-*` limbs lighter behind.

- `trunk`: forward lean from upright, -30..90 standing, -30..60 seated; lying, how
  far the trunk is raised from flat on the back, 0..45. Neutral 0.
- `near-hip`, `far-hip`: flexion from the trunk line, + thigh forward, - thigh
  behind; -40..130; neutral 0 (seated 90).
- `near-knee`, `far-knee`: flexion, + heel towards the buttock; 0..150; neutral 0
  (seated 90).
- `near-ankle`, `far-ankle`: + dorsiflexion (toes towards the shin), - plantar
  flexion (heel up); -50..30; neutral 0.
- `near-toes`, `far-toes`: toe (MTP) extension, + toes up, - curled; -40..80.
- `near-shoulder`, `far-shoulder`: flexion from the trunk line, + arm forward and
  up; -60..180; neutral 0 (seated 20).
- `near-elbow`, `far-elbow`: flexion; 0..150; neutral 8 (seated 60, lying 0).
- `near-big-toe` (-40..70), `near-lesser-toes` (-60..60): as in `foot-side`;
  setting either adds a magnified close-up of the near foot beside the figure.
- `near-hip-turnout` (seated only): hip turned out, 0..70, as when an ankle rests on
  the other knee; drawn by foreshortening the near thigh and shank.

The standing figure finds the ground itself: the part of a foot that sinks deepest
rests on the floor (or step, or disk) and keeps its place, so a heel raise lifts the
body about the ball of the foot and heel walking rocks onto the heels. The lying
figure rests its back on the floor the same way. The seated figure sits on a seat
whose height puts the feet of the start pose on the floor. Feet are drawn a quarter
larger than life so their movement reads at phone size.

`foot-side`, one right foot from its inner side, toes to the right, standing:

- `ankle` (-50..30): + the toes lift off the floor, - the heel lifts.
- `big-toe` (-60..70): + the big toe lifts; - it presses down or curls (knuckle up,
  tip on the floor, with a press arrow).
- `lesser-toes` (-60..60): the four small toes, drawn behind the big toe, same signs.
- `arch-dome-mm` (0..12): the inner arch raised (short foot), the forefoot drawn back
  towards the heel; drawn twice as high as given.

`foot-top`, one right foot from above, toes up, big toe on the left:

- `toe-spread` (0..25): the toes fan apart, the little toe most.
- `turn-in` (-20..35): + the forefoot swings towards the midline (inversion with
  adduction), - outwards.

Props, and the views that draw them: `floor` (every view but `foot-top` draws it
anyway), `step` (balls of the feet on its back edge, heels free; standing),
`step-toes-over` (heels on it, forefoot over the front edge; standing), `chair`
(a seat when seated, a back to hold when standing), `wall` (in front, where a reaching
hand touches it; standing), `towel` (a roll under the toes when standing, flat under
the foot when seated or in `foot-side`, where curling toes gather it), `band` (foot
to hand in body views; round the forefoot to an outer anchor in `foot-top`),
`balance-disk`, `dumbbells`, `ball` (under the arch) and `backpack`. `step`,
`step-toes-over` and `balance-disk` exclude each other.
"""

from __future__ import annotations

import math

from footcore.catalog.figure_layout import compose
from footcore.catalog.figure_vocab import EXCLUSIVE_PROPS, JOINTS, PROPS, VIEW_PROPS, complete
from footcore.domain.catalog import Illustration, Pose

__all__ = ["pose_problems", "render_png_free_svg_for_pdf", "render_svg"]


def pose_problems(illustration: Illustration) -> list[str]:
    """Problems with an illustration: unknown view, joint or prop, angle out of range.

    An empty list means `render_svg` can draw it. Also reported: empty alt text or pose
    names, and a start pose equal to the end pose (an illustration must show a movement).
    """
    view = illustration.view
    if view not in JOINTS:
        return [f"unknown view {view!r} (known: {', '.join(sorted(JOINTS))})"]
    problems: list[str] = []
    for label, pose in (("start", illustration.start), ("end", illustration.end)):
        problems += _pose_problems(view, label, pose)
    for prop in illustration.props:
        if prop not in PROPS:
            problems.append(f"unknown prop {prop!r} (known: {', '.join(sorted(PROPS))})")
        elif prop not in VIEW_PROPS[view]:
            problems.append(f"prop {prop!r} is not drawn in view {view!r}")
    for group in EXCLUSIVE_PROPS:
        clash = sorted(group.intersection(illustration.props))
        if len(clash) > 1:
            problems.append(f"props {' and '.join(clash)} cannot be drawn together")
    if not illustration.alt.strip():
        problems.append("alt text is empty")
    if not problems and complete(view, illustration.start.angles) == complete(
        view, illustration.end.angles
    ):
        problems.append("start and end poses are the same, so nothing moves")
    return problems


def _pose_problems(view: str, label: str, pose: Pose) -> list[str]:
    joints = JOINTS[view]
    problems: list[str] = []
    if not pose.name.strip():
        problems.append(f"{label} pose has no name")
    for name, value in pose.angles.items():
        joint = joints.get(name)
        where = f"{label} pose {pose.name!r}"
        if joint is None:
            problems.append(
                f"{where}: unknown joint {name!r} for view {view!r} (known: {', '.join(joints)})"
            )
        elif not isinstance(value, int | float) or not math.isfinite(value):
            problems.append(f"{where}: joint {name!r} is not a finite number")
        elif not joint.low <= value <= joint.high:
            problems.append(
                f"{where}: {name} = {value:g} {joint.unit} is outside {joint.low:g}..{joint.high:g}"
            )
    return problems


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
