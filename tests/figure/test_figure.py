"""The parametric exercise figure: validation, SVG output, and the shipped drawings."""

from __future__ import annotations

import io
import itertools
import logging
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest
import yaml
from fpdf import FPDF
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from footcore.catalog.poses import EXCLUSIVE_PROPS, JOINTS, VIEW_PROPS, complete, pose_problems
from footcore.domain.catalog import Illustration, Pose
from footcore.figure import render_png_free_svg_for_pdf, render_svg
from footcore.figure.drawing import Drawing, draw
from footcore.figure.kinematics import (
    BODY,
    Contact,
    body_points,
    chain,
    distance,
    settle,
)
from footcore.figure.svg import Line

SVG = "{http://www.w3.org/2000/svg}"
DATA = Path(__file__).parents[2] / "src" / "footcore" / "catalog" / "illustrations.yaml"
EXERCISE_IDS = (
    "single-leg-raise",
    "heel-walking",
    "toe-walking",
    "calf-raises",
    "toe-curls",
    "short-foot",
    "toe-spreads",
    "plantar-stretch",
    "ankle-rotations",
    "shin-curls",
    "toe-yoga",
    "big-toe-tap",
    "posterior-tibialis-band-inversion",
    "heel-raise-towel",
    "seated-heel-raise-loaded",
    "standing-heel-raise-loaded",
)


def make_illustration(**over: Any) -> Illustration:
    fields: dict[str, Any] = {
        "view": "standing-side",
        "start": {},
        "end": {"near-ankle": -30.0, "far-ankle": -30.0},
        "alt": "Rising onto the balls of both feet.",
        "props": (),
    }
    fields.update(over)
    return Illustration(
        view=fields["view"],
        start=Pose("start", MappingProxyType(dict(fields["start"]))),
        end=Pose("end", MappingProxyType(dict(fields["end"]))),
        alt=fields["alt"],
        props=tuple(fields["props"]),
    )


def _from_yaml(entry: Mapping[str, Any]) -> Illustration:
    def pose(raw: Mapping[str, Any]) -> Pose:
        return Pose(raw["name"], MappingProxyType({k: float(v) for k, v in raw["angles"].items()}))

    return Illustration(
        entry["view"], pose(entry["start"]), pose(entry["end"]), entry["alt"], tuple(entry["props"])
    )


SHIPPED: dict[str, Illustration] = {
    key: _from_yaml(entry) for key, entry in yaml.safe_load(DATA.read_text("utf-8")).items()
}


def shipped(exercise_id: str) -> Drawing:
    return draw(SHIPPED[exercise_id], frames=True)


def _numbers(text: str) -> list[float]:
    return [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", text)]


def _view_box(root: ET.Element) -> tuple[float, float]:
    x, y, w, h = _numbers(root.attrib["viewBox"])
    assert (x, y) == (0, 0)
    return w, h


def assert_coordinates_inside(svg_text: str) -> None:
    root = ET.fromstring(svg_text)
    width, height = _view_box(root)
    for element in root.iter():
        attrs = dict(element.attrib)
        if element.tag == f"{SVG}animate":
            attrs = {attrs["attributeName"]: attrs["values"]}
        for name, value in attrs.items():
            if name == "d":
                points = _numbers(value)
                xs, ys = points[0::2], points[1::2]
            elif name in ("x", "cx", "x1", "x2"):
                xs, ys = _numbers(value), []
            elif name in ("y", "cy", "y1", "y2"):
                xs, ys = [], _numbers(value)
            else:
                continue
            assert all(math.isfinite(v) for v in xs + ys), (name, value)
            assert all(-0.05 <= v <= width + 0.05 for v in xs), (name, value)
            assert all(-0.05 <= v <= height + 0.05 for v in ys), (name, value)


# --- the shipped file --------------------------------------------------------------


def test_every_exercise_has_exactly_one_illustration() -> None:
    assert sorted(SHIPPED) == sorted(EXERCISE_IDS)


@pytest.mark.parametrize("exercise_id", EXERCISE_IDS)
def test_every_shipped_illustration_is_valid(exercise_id: str) -> None:
    assert pose_problems(SHIPPED[exercise_id]) == []


@pytest.mark.parametrize("exercise_id", EXERCISE_IDS)
def test_every_shipped_illustration_renders_accessible_self_contained_svg(
    exercise_id: str,
) -> None:
    illustration = SHIPPED[exercise_id]
    text = render_svg(illustration, title=exercise_id)
    root = ET.fromstring(text)
    assert root.tag == f"{SVG}svg"
    assert root.attrib["role"] == "img"
    assert "width" not in root.attrib
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None
    assert title.text == exercise_id
    assert desc is not None
    assert desc.text == illustration.alt
    assert set(root.attrib["aria-labelledby"].split()) == {title.attrib["id"], desc.attrib["id"]}
    labels = [t.text for t in root.iter(f"{SVG}text")]
    assert {"Start", "End", illustration.start.name, illustration.end.name} <= set(labels)
    assert "href" not in text
    assert "http" not in text.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "url(" not in text
    assert "@import" not in text
    assert not any(e.tag in (f"{SVG}script", f"{SVG}image") for e in root.iter())


@pytest.mark.parametrize("exercise_id", EXERCISE_IDS)
def test_every_shipped_illustration_animates_and_honours_reduced_motion(
    exercise_id: str,
) -> None:
    root = ET.fromstring(render_svg(SHIPPED[exercise_id]))
    animations = list(root.iter(f"{SVG}animate"))
    assert animations
    assert all(a.attrib["repeatCount"] == "indefinite" for a in animations)
    style = root.find(f"{SVG}style")
    assert style is not None
    assert style.text is not None
    assert "prefers-reduced-motion: reduce" in style.text
    groups = list(root.iter(f"{SVG}g"))
    moving = [g for g in groups if g.attrib.get("class") == "fc-moving"]
    still = [g for g in groups if g.attrib.get("class") == "fc-still"]
    assert moving
    assert len(still) == len(moving)
    assert all(list(g.iter(f"{SVG}animate")) for g in moving)
    assert all(g.attrib["display"] == "none" and not list(g.iter(f"{SVG}animate")) for g in still)
    animated = {id(a) for g in moving for a in g.iter(f"{SVG}animate")}
    assert animated == {id(a) for a in animations}


def test_a_changing_toe_split_gets_its_own_moving_close_up_with_a_still_for_reduced_motion() -> (
    None
):
    illustration = make_illustration(
        start={"near-big-toe": 40.0, "near-lesser-toes": 0.0},
        end={"near-big-toe": -5.0, "near-lesser-toes": 40.0},
    )
    root = ET.fromstring(render_svg(illustration))
    classes = [g.attrib.get("class") for g in root.iter(f"{SVG}g")]
    assert classes.count("fc-moving") == 2
    assert classes.count("fc-still") == 2


def test_without_toe_joints_there_is_no_close_up() -> None:
    assert draw(make_illustration(), frames=False).inset is None
    assert draw(SHIPPED["big-toe-tap"], frames=False).inset is not None


@pytest.mark.parametrize("exercise_id", EXERCISE_IDS)
def test_every_shipped_illustration_stays_inside_its_view_box(exercise_id: str) -> None:
    assert_coordinates_inside(render_svg(SHIPPED[exercise_id]))
    assert_coordinates_inside(render_png_free_svg_for_pdf(SHIPPED[exercise_id]))


@pytest.mark.parametrize("exercise_id", EXERCISE_IDS)
def test_rendering_is_deterministic(exercise_id: str) -> None:
    illustration = SHIPPED[exercise_id]
    copy = _from_yaml(yaml.safe_load(DATA.read_text("utf-8"))[exercise_id])
    assert render_svg(illustration) == render_svg(copy)
    assert render_png_free_svg_for_pdf(illustration) == render_png_free_svg_for_pdf(copy)


def test_two_illustrations_never_share_element_ids() -> None:
    ids: set[str] = set()
    for illustration in SHIPPED.values():
        root = ET.fromstring(render_svg(illustration))
        ids.update(e.attrib["id"] for e in root.iter() if "id" in e.attrib)
    assert len(ids) == 2 * len(SHIPPED)


@pytest.mark.parametrize("exercise_id", EXERCISE_IDS)
def test_the_pdf_variant_uses_only_plain_shapes_and_text(exercise_id: str) -> None:
    text = render_png_free_svg_for_pdf(SHIPPED[exercise_id])
    tags = {e.tag.removeprefix(SVG) for e in ET.fromstring(text).iter()}
    assert tags <= {"svg", "rect", "path", "circle", "text"}
    assert "<style" not in text
    assert "animate" not in text


def test_fpdf2_draws_every_pdf_variant_without_complaint(caplog: pytest.LogCaptureFixture) -> None:
    pdf = FPDF()
    with caplog.at_level(logging.WARNING):
        for illustration in SHIPPED.values():
            pdf.add_page()
            svg = render_png_free_svg_for_pdf(illustration).encode("utf-8")
            pdf.image(io.BytesIO(svg), x=10, y=10, w=190)
    assert caplog.records == []
    assert len(bytes(pdf.output())) > 10_000


# --- validation ----------------------------------------------------------------------


def test_a_plain_illustration_has_no_problems() -> None:
    assert pose_problems(make_illustration()) == []


def test_it_reports_an_unknown_view() -> None:
    problems = pose_problems(make_illustration(view="front"))
    assert len(problems) == 1
    assert "unknown view 'front'" in problems[0]


def test_it_reports_an_unknown_joint_for_the_view() -> None:
    problems = pose_problems(make_illustration(end={"big-toe": 30.0}))
    assert any("unknown joint 'big-toe'" in p and "standing-side" in p for p in problems)


def test_it_reports_an_angle_outside_the_joints_range() -> None:
    problems = pose_problems(make_illustration(start={"near-knee": -5.0}))
    assert problems == ["start pose 'start': near-knee = -5 deg is outside 0..150"]


def test_it_reports_a_millimetre_joint_out_of_range_in_millimetres() -> None:
    illustration = make_illustration(view="foot-side", start={}, end={"arch-dome-mm": 30.0})
    assert pose_problems(illustration) == ["end pose 'end': arch-dome-mm = 30 mm is outside 0..12"]


def test_it_reports_an_angle_that_is_not_a_finite_number() -> None:
    problems = pose_problems(make_illustration(end={"near-ankle": math.nan}))
    assert problems == ["end pose 'end': joint 'near-ankle' is not a finite number"]


def test_it_reports_an_unknown_prop() -> None:
    assert pose_problems(make_illustration(props=("trampoline",)))[0].startswith(
        "unknown prop 'trampoline'"
    )


def test_it_reports_a_prop_the_view_does_not_draw() -> None:
    illustration = make_illustration(view="foot-top", start={}, end={"toe-spread": 10.0})
    assert pose_problems(make_illustration(**{"props": ("step",)})) == []
    problems = pose_problems(
        Illustration(illustration.view, illustration.start, illustration.end, "x", ("step",))
    )
    assert problems == ["prop 'step' is not drawn in view 'foot-top'"]


def test_it_reports_two_surfaces_under_the_feet() -> None:
    problems = pose_problems(make_illustration(props=("step", "balance-disk")))
    assert problems == ["props balance-disk and step cannot be drawn together"]


def test_it_reports_a_drawing_where_nothing_moves() -> None:
    problems = pose_problems(make_illustration(start={"near-hip": 0.0}, end={}))
    assert problems == ["start and end poses are the same, so nothing moves"]


def test_it_reports_missing_alt_text() -> None:
    assert pose_problems(make_illustration(alt="  ")) == ["alt text is empty"]


def test_rendering_an_invalid_illustration_names_the_problem() -> None:
    with pytest.raises(ValueError, match="unknown joint 'elbow'"):
        render_svg(make_illustration(end={"elbow": 10.0}))
    with pytest.raises(ValueError, match="unknown view"):
        render_png_free_svg_for_pdf(make_illustration(view="side"))


# --- kinematics and ground contact ---------------------------------------------------


def test_a_chain_keeps_its_segment_lengths_whatever_the_angles() -> None:
    points = chain((1.0, 2.0), 33.0, [(10.0, 5.0), (-75.0, 3.0), (140.0, 4.0)])
    lengths = [distance(a, b) for a, b in itertools.pairwise(points)]
    assert lengths == pytest.approx([5.0, 3.0, 4.0])


def test_the_neutral_standing_figure_has_its_feet_a_leg_length_below_the_hip() -> None:
    points = body_points(complete("standing-side", {}), lean_deg=0.0)
    leg = BODY.thigh + BODY.shank + BODY.ankle_height
    assert points["near-heel"][1] == pytest.approx(-leg)
    assert points["near-ball"][1] == pytest.approx(-leg)
    assert points["near-ball"][0] > points["near-heel"][0]
    assert points["head"][1] > points["shoulder"][1] > 0


def test_hip_flexion_of_ninety_degrees_puts_the_knee_in_front_at_hip_height() -> None:
    points = body_points(complete("standing-side", {"near-hip": 90.0}), lean_deg=0.0)
    assert points["near-knee"] == pytest.approx((BODY.thigh, 0.0))


def test_settling_rests_the_deepest_contact_on_its_surface_where_the_anchor_has_it() -> None:
    points = {"heel": (0.0, -3.0), "ball": (5.0, 2.0)}
    anchor = {"heel": (1.0, 0.0), "ball": (6.0, 0.0)}
    settled = settle(points, [Contact("heel", 0.5, 10.0), Contact("ball")], anchor)
    assert settled["heel"] == pytest.approx((1.0, 10.5))
    assert settled["ball"] == pytest.approx((6.0, 15.5))


def test_settling_keeps_the_average_place_of_contacts_that_rest_together() -> None:
    points = {"a": (0.0, 1.0), "b": (10.0, 1.0)}
    anchor = {"a": (2.0, 0.0), "b": (10.0, 0.0)}
    settled = settle(points, [Contact("a"), Contact("b")], anchor)
    assert settled["a"] == pytest.approx((1.0, 0.0))


# --- the shipped drawings depict the movement ---------------------------------------


def _lowest(drawing_points: Mapping[str, tuple[float, float]], side: str) -> float:
    return min(drawing_points[f"{side}-{n}"][1] for n in ("heel", "ball", "toe"))


def test_no_whole_body_figure_sinks_below_the_floor_at_any_moment() -> None:
    for exercise_id, illustration in SHIPPED.items():
        if illustration.view in ("standing-side", "seated-side", "lying-side"):
            drawing = shipped(exercise_id)
            for scene in (drawing.start, drawing.end, *drawing.frames):
                assert min(y for _, y in scene.points.values()) >= -0.01, exercise_id


@pytest.mark.parametrize(
    ("exercise_id", "planted"),
    [
        ("single-leg-raise", "far-ball"),
        ("calf-raises", "near-ball"),
        ("heel-raise-towel", "near-ball"),
        ("big-toe-tap", "near-ball"),
        ("shin-curls", "near-heel"),
    ],
)
def test_the_standing_foot_stays_planted_through_the_whole_loop(
    exercise_id: str, planted: str
) -> None:
    drawing = shipped(exercise_id)
    spots = [scene.points[planted] for scene in drawing.frames]
    assert all(spot == pytest.approx(spots[0]) for spot in spots)


def test_a_tapping_foot_swings_clear_of_the_floor_between_taps() -> None:
    drawing = shipped("big-toe-tap")
    # Frames 0-1 and 18 hold the start pose, frame 9 the end pose: the rest swing.
    middle = [*drawing.frames[2:9], *drawing.frames[10:17]]
    assert all(_lowest(scene.points, "far") > _lowest(scene.points, "near") + 2 for scene in middle)
    xs = [scene.points["far-toe"][0] for scene in drawing.frames[1:10]]
    assert xs == sorted(xs, reverse=True)


def test_standing_feet_point_forwards() -> None:
    for exercise_id, illustration in SHIPPED.items():
        if illustration.view == "standing-side":
            drawing = shipped(exercise_id)
            for scene in (drawing.start, drawing.end):
                for side in ("near", "far"):
                    assert scene.points[f"{side}-ball"][0] > scene.points[f"{side}-heel"][0]


def test_a_calf_raise_lifts_the_heels_and_the_body_about_the_balls_on_the_step() -> None:
    drawing = shipped("calf-raises")
    assert "step" in SHIPPED["calf-raises"].props
    assert drawing.end.points["near-heel"][1] > drawing.start.points["near-heel"][1] + 10
    assert drawing.end.points["hip"][1] > drawing.start.points["hip"][1]
    assert drawing.end.points["near-ball"] == pytest.approx(drawing.start.points["near-ball"])


def test_the_calf_raise_mark_is_an_arrow_rising_to_the_heel() -> None:
    drawing = shipped("calf-raises")
    shaft = drawing.marks[0]
    assert isinstance(shaft, Line)
    (_x0, y0), (x1, y1) = shaft.points
    assert y1 > y0
    assert (x1, y1) == pytest.approx(drawing.end.points["near-heel"])


def test_heel_walking_lifts_the_toes_and_rests_on_the_heels() -> None:
    end = shipped("heel-walking").end.points
    for side in ("near", "far"):
        assert end[f"{side}-toe"][1] > end[f"{side}-heel"][1] + 8
        assert end[f"{side}-heel"][1] == pytest.approx(_lowest(end, side))


def test_toe_walking_stands_on_the_balls_with_the_heels_up() -> None:
    end = shipped("toe-walking").end.points
    for side in ("near", "far"):
        assert end[f"{side}-heel"][1] > end[f"{side}-ball"][1] + 10


def test_the_single_leg_raise_balances_on_one_foot() -> None:
    end = shipped("single-leg-raise").end.points
    assert _lowest(end, "near") > 20
    assert _lowest(end, "far") < 3


def test_shin_curls_keep_the_heels_on_the_step_and_raise_the_forefoot() -> None:
    drawing = shipped("shin-curls")
    assert "step-toes-over" in SHIPPED["shin-curls"].props
    start, end = drawing.start.points, drawing.end.points
    assert start["near-toe"][1] < start["near-heel"][1] < end["near-toe"][1]
    assert end["near-heel"] == pytest.approx(start["near-heel"])


def test_the_towel_heel_raise_is_single_legged_on_a_step_with_toes_bent_back() -> None:
    illustration = SHIPPED["heel-raise-towel"]
    assert {"step", "towel"} <= set(illustration.props)
    drawing = shipped("heel-raise-towel")
    for scene in (drawing.start, drawing.end):
        assert _lowest(scene.points, "far") > _lowest(scene.points, "near") + 20
    assert drawing.end.points["near-heel"][1] > drawing.start.points["near-heel"][1] + 15
    assert illustration.end.angles["near-toes"] >= 60


def test_the_plantar_stretch_hand_holds_the_toes_as_they_bend_back() -> None:
    illustration = SHIPPED["plantar-stretch"]
    assert illustration.view == "seated-side"
    drawing = shipped("plantar-stretch")
    for scene in (drawing.start, drawing.end):
        assert distance(scene.points["near-hand"], scene.points["near-toe"]) < 3
        assert scene.points["near-ankle"][1] > scene.points["far-knee"][1]
    assert illustration.end.angles["near-toes"] > illustration.start.angles.get("near-toes", 0)


def test_ankle_rotations_hold_one_leg_about_a_foot_off_the_floor() -> None:
    drawing = shipped("ankle-rotations")
    for scene in (drawing.start, drawing.end):
        assert 20 < scene.points["near-heel"][1] < 40
        assert scene.points["far-heel"][1] < 3


def test_toe_yoga_swaps_the_big_toe_and_the_small_toes() -> None:
    start, end = SHIPPED["toe-yoga"].start.angles, SHIPPED["toe-yoga"].end.angles
    assert start["big-toe"] > 30 >= start["lesser-toes"]
    assert end["lesser-toes"] > 30 >= end["big-toe"]


def test_the_short_foot_domes_the_arch_without_curling_the_toes() -> None:
    drawing = shipped("short-foot")
    end = SHIPPED["short-foot"].end.angles
    assert end["arch-dome-mm"] > 0
    assert end.get("big-toe", 0) >= 0
    assert end.get("lesser-toes", 0) >= 0
    assert drawing.end.points["arch"][1] > drawing.start.points["arch"][1]
    assert drawing.end.points["heel"] == pytest.approx(drawing.start.points["heel"])


def test_the_other_small_muscle_drawings_move_the_right_way() -> None:
    spreads = SHIPPED["toe-spreads"]
    assert spreads.end.angles["toe-spread"] > spreads.start.angles.get("toe-spread", 0) + 15
    curls = SHIPPED["toe-curls"]
    assert "towel" in curls.props
    assert curls.end.angles["lesser-toes"] < 0 < curls.start.angles["lesser-toes"]
    band = SHIPPED["posterior-tibialis-band-inversion"]
    assert "band" in band.props
    assert band.end.angles["turn-in"] > band.start.angles["turn-in"] + 20


def test_the_big_toe_tap_holds_the_toe_split_while_the_other_foot_taps_ahead_then_behind() -> None:
    illustration = SHIPPED["big-toe-tap"]
    for pose in (illustration.start, illustration.end):
        assert pose.angles["near-big-toe"] <= 0 < pose.angles["near-lesser-toes"]
    drawing = shipped("big-toe-tap")
    assert drawing.inset is not None
    stance_x = drawing.start.points["near-ball"][0]
    assert drawing.start.points["far-toe"][0] > stance_x
    assert drawing.end.points["far-toe"][0] < drawing.end.points["near-heel"][0]


# --- any pose in range draws --------------------------------------------------------


@st.composite
def illustrations(draw_: st.DrawFn) -> Illustration:
    view = draw_(st.sampled_from(sorted(JOINTS)))
    joints = JOINTS[view]

    def pose() -> dict[str, float]:
        names = draw_(st.lists(st.sampled_from(sorted(joints)), unique=True))
        return {n: draw_(st.floats(joints[n].low, joints[n].high, allow_nan=False)) for n in names}

    start, end = pose(), pose()
    if complete(view, start) == complete(view, end):
        end = {n: j.high for n, j in joints.items()}
    props = set(draw_(st.lists(st.sampled_from(sorted(VIEW_PROPS[view])), unique=True)))
    for group in EXCLUSIVE_PROPS:
        props -= set(sorted(group & props)[1:])
    return make_illustration(view=view, start=start, end=end, props=tuple(sorted(props)))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(illustrations())
def test_any_in_range_pose_renders_finite_coordinates_inside_the_view_box(
    illustration: Illustration,
) -> None:
    assert pose_problems(illustration) == []
    animated = render_svg(illustration)
    assert_coordinates_inside(animated)
    assert_coordinates_inside(render_png_free_svg_for_pdf(illustration))
    assert render_svg(illustration) == animated
