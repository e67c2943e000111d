"""The PDF handout, read back with pypdf (an independent parser)."""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PageObject, PdfReader

from footcore.domain.catalog import Catalog, Citation, Dose, Exercise
from footcore.domain.plan import Plan, SessionKind, WeekKind
from footcore.interchange.pdf_handout import FOOTER_NOTE, plan_handout_pdf
from footcore.interchange.pdf_text import ENCODING, pdf_safe, week_ranges
from tests.interchange.builders import (
    MONDAY,
    make_catalog,
    make_exercise,
    make_item,
    make_plan,
    make_session,
    make_week,
)

CREATED = dt.datetime(2025, 3, 1, 8, 0, tzinfo=dt.UTC)
RED_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100">'
    '<rect x="10" y="10" width="80" height="80" fill="#ff0000"/></svg>'
)


def handout(plan: Plan | None = None, **over: Any) -> bytes:
    arguments: dict[str, Any] = {"runner_name": "Ada", "page": "A4", "created": CREATED}
    arguments.update(over)
    catalog = arguments.pop("catalog", make_catalog())
    return plan_handout_pdf(plan or make_plan(), catalog, **arguments)


def pages(data: bytes) -> list[str]:
    """Text of each page with runs of white space squeezed to one space."""
    reader = PdfReader(io.BytesIO(data))
    return [re.sub(r"\s+", " ", page.extract_text()) for page in reader.pages]


def content(page: PageObject) -> bytes:
    stream = page.get_contents()
    return b"" if stream is None else stream.get_data()


def text(data: bytes) -> str:
    return " ".join(pages(data))


def test_an_a4_handout_has_a4_pages() -> None:
    reader = PdfReader(io.BytesIO(handout(page="A4")))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_a_letter_handout_has_letter_pages() -> None:
    reader = PdfReader(io.BytesIO(handout(page="Letter")))
    assert all(
        (round(float(p.mediabox.width)), round(float(p.mediabox.height))) == (612, 792)
        for p in reader.pages
    )


def test_it_names_the_runner_and_the_plan_period() -> None:
    found = text(handout(make_plan(4)))
    assert "Foot strength plan" in found
    assert "for Ada" in found
    assert "3 Mar 2025 - 28 Mar 2025 (4 weeks)" in found


def test_the_week_overview_lists_each_week_its_sessions_and_minutes() -> None:
    plan = make_plan(2)
    lighter = make_week(2, kind=WeekKind.LIGHTER)
    found = text(handout(Plan(weeks=(plan.weeks[0], lighter))))
    assert "Week overview" in found
    assert "Tue 4 Mar: strength, 10 min" in found
    assert "Thu 6 Mar: activation, 3 min" in found
    assert "Fri 14 Mar: strength, 10 min" in found
    assert "lighter" in found
    assert " 23 " in f"{found} "


def test_every_exercise_appears_with_its_steps_dose_cautions_and_sources() -> None:
    dose = Dose(sets=3, reps_min=12, reps_max=15, per_side=True, rest_s=60)
    catalog = make_catalog()
    session = make_session(
        items=(make_item("short-foot"), make_item("heel-raise", variant="standing", dose=dose))
    )
    found = text(handout(Plan(weeks=(make_week(1, session),)), catalog=catalog))
    for exercise in catalog.exercises:
        assert exercise.name in found
        assert all(step in found for step in exercise.steps)
        assert exercise.cautions[0].text in found
    assert "Week 1, Seated: 10 reps, hold 5 s" in found
    assert "Week 1, Standing: 3 x 12-15 reps, each foot, rest 1 min between sets" in found
    assert catalog.citations["seed-000"].text in found


def test_a_dose_that_changes_is_listed_with_its_weeks() -> None:
    harder = Dose(sets=2, reps_min=10, hold_s=5)
    weeks = tuple(
        make_week(
            index,
            make_session(
                make_week(index).start,
                items=(make_item("short-foot", dose=harder if index >= 3 else Dose(1, 10)),),
            ),
        )
        for index in range(1, 5)
    )
    found = text(handout(Plan(weeks=weeks)))
    assert "Weeks 1-2, Seated: 10 reps" in found
    assert "Weeks 3-4, Seated: 2 x 10 reps, hold 5 s" in found


def test_a_citation_with_doi_and_url_is_printed_in_full() -> None:
    exercise = make_exercise("short-foot", citations=("taddei-2020",))
    citation = Citation(
        key="taddei-2020",
        text="Taddei UT, Matias AB, Duarte M, Sacco ICN. Foot core training. AJSM 2020.",
        doi="10.1177/0363546520904048",
    )
    catalog = Catalog(exercises=(exercise,), citations={"taddei-2020": citation})
    plan = Plan(weeks=(make_week(1, make_session(items=(make_item("short-foot"),))),))
    found = text(handout(plan, catalog=catalog))
    assert "Taddei UT, Matias AB, Duarte M, Sacco ICN. Foot core training. AJSM 2020." in found
    assert "doi:10.1177/0363546520904048" in found


def test_a_missing_citation_is_named_not_dropped() -> None:
    exercise = make_exercise("short-foot", citations=("nobody-1999",))
    plan = Plan(weeks=(make_week(1, make_session(items=(make_item("short-foot"),))),))
    found = text(handout(plan, catalog=make_catalog(exercise)))
    assert "[nobody-1999] (reference not found in the catalog)" in found


def test_every_page_has_the_safety_note_and_its_number() -> None:
    many_steps = tuple(f"Step number {n} of a long routine, done slowly." for n in range(60))
    catalog = make_catalog(
        make_exercise("short-foot", steps=many_steps), make_exercise("heel-raise")
    )
    texts = pages(handout(make_plan(6), catalog=catalog))
    assert len(texts) >= 3
    for number, page_text in enumerate(texts, start=1):
        assert FOOTER_NOTE in page_text
        assert f"Page {number} of {len(texts)}" in page_text


def test_an_illustration_is_drawn_when_a_renderer_is_given() -> None:
    with_art = PdfReader(io.BytesIO(handout(illustration_svg=lambda e: RED_SVG)))
    without = PdfReader(io.BytesIO(handout(illustration_svg=None)))
    red_fill = re.compile(rb"(?<![\d.])1 0 0 rg")
    assert any(red_fill.search(content(p)) for p in with_art.pages)
    assert not any(red_fill.search(content(p)) for p in without.pages)
    assert "A seated runner doing short foot." in text(handout(illustration_svg=lambda e: RED_SVG))


def test_an_svg_that_cannot_be_drawn_leaves_a_note_instead() -> None:
    found = text(handout(illustration_svg=lambda e: "<svg this is not xml"))
    assert "The drawing for this exercise could not be shown." in found
    assert "Short Foot" in found


def test_the_renderer_is_asked_once_per_exercise() -> None:
    asked: list[str] = []

    def renderer(exercise: Exercise) -> str:
        asked.append(exercise.id)
        return RED_SVG

    handout(make_plan(3), illustration_svg=renderer)
    assert asked == ["short-foot", "heel-raise"]


def test_text_outside_windows_1252_is_replaced_not_fatal() -> None:
    found = text(handout(runner_name="Zoë Ōtake 🏃 ≥ “fast”"))
    assert "for Zoë Otake ? >= “fast”" in found


def test_the_same_creation_date_gives_the_same_bytes() -> None:
    assert handout() == handout()
    assert handout() != handout(created=CREATED + dt.timedelta(days=1))


def test_an_empty_plan_still_gives_a_handout() -> None:
    found = text(handout(Plan(weeks=())))
    assert "This plan has no weeks yet." in found


def test_planner_warnings_are_printed() -> None:
    found = text(handout(make_plan(1, warnings=("Race on 5 Apr: the last week is light.",))))
    assert "Race on 5 Apr: the last week is light." in found


def test_an_unknown_page_size_is_refused() -> None:
    with pytest.raises(ValueError, match="'A4' or 'Letter'"):
        handout(page="Legal")


def test_an_exercise_missing_from_the_catalog_is_refused() -> None:
    with pytest.raises(ValueError, match="heel-raise"):
        handout(catalog=make_catalog(make_exercise("short-foot")))


@given(st.text(max_size=200))
def test_pdf_safe_text_always_fits_the_core_fonts(raw: str) -> None:
    pdf_safe(raw).encode(ENCODING)


def test_week_ranges_read_naturally() -> None:
    assert week_ranges([2]) == "Week 2"
    assert week_ranges([3, 1, 2]) == "Weeks 1-3"
    assert week_ranges([1, 2, 4]) == "Weeks 1-2, 4"


def test_it_prints_a_handout_from_the_real_catalog() -> None:
    loader = pytest.importorskip("footcore.catalog.loader")
    catalog = loader.default_catalog()
    chosen = catalog.exercises[:4]
    items = tuple(make_item(e.id, variant=e.default_variant, dose=e.dose) for e in chosen)
    plan = Plan(weeks=(make_week(1, make_session(items=items)),))
    found = text(handout(plan, catalog=catalog, page="Letter"))
    for exercise in chosen:
        assert pdf_safe(exercise.name) in found
        assert pdf_safe(exercise.dose.describe()) in found
        for key in exercise.citations:
            assert " ".join(pdf_safe(catalog.citations[key].text).split()) in found


def test_warm_up_and_strength_doses_are_named_apart_never_contradicting() -> None:
    light = Dose(sets=1, reps_min=3, reps_max=5, hold_s=5)
    weeks = tuple(
        make_week(
            index,
            make_session(make_week(index).start, items=(make_item("short-foot"),)),
            make_session(
                make_week(index).start + dt.timedelta(days=1),
                kind=SessionKind.ACTIVATION,
                items=(make_item("short-foot", dose=light),),
            ),
        )
        for index in range(1, 3)
    )
    found = text(handout(Plan(weeks=weeks)))
    assert "Strength sessions, weeks 1-2, Seated: 10 reps, hold 5 s" in found
    assert "Warm-up before runs, weeks 1-2, Seated: 3-5 reps, hold 5 s" in found


def test_each_week_of_a_session_kind_is_listed_once() -> None:
    from footcore.interchange.pdf_sections import exercise_uses

    other = Dose(sets=2, reps_min=10)
    week = make_week(
        1,
        make_session(MONDAY, items=(make_item("short-foot"),)),
        make_session(MONDAY + dt.timedelta(days=2), items=(make_item("short-foot", dose=other),)),
    )
    (use,) = exercise_uses(Plan(weeks=(week, make_week(2))))["short-foot"][:1]
    assert use.weeks == (1,)
    assert len(use.doses) == 2
    found = text(handout(Plan(weeks=(week,))))
    assert "or Seated: 2 x 10 reps (it varies from session to session)" in found
