"""The custom exercise readers, fuzzed: the API document (`validation.check`), the page's
form (`forms.document_from_form`) and the picture check. Every input is an exercise or
named problems, never a crash, within the time budget."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import QueryDict
from hypothesis import given
from hypothesis import strategies as st

from footcore.catalog.cache import default_catalog
from footcore.domain.problems import Invalid, Problem
from footcore.web.custom_exercises.forms import document_from_form
from footcore.web.custom_exercises.pictures import clean_picture
from footcore.web.custom_exercises.validation import FIELDS, check
from tests.fuzz.support import fuzz, within_budget
from tests.web.custom_exercises.builders import document, picture

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.sampled_from(["each", "both", "seated", "strength", "band", "flat-feet", "x" * 600]),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=20,
)
documents = st.dictionaries(st.sampled_from([*FIELDS, "id", "extra"]), values, max_size=10)


def _problems(call: Callable[[], object]) -> tuple[Problem, ...] | None:
    """The problems `call` raises, or None when it returns."""
    try:
        call()
    except Invalid as exc:
        return exc.problems
    return None


def _outcome(raw: Any) -> None:
    found = _problems(lambda: check(raw, clinic_id=3, shipped=default_catalog()))
    if found is not None:
        assert found
        assert all(isinstance(p.field, str) and p.message for p in found)


@fuzz
@given(documents)
def test_any_document_is_an_exercise_or_named_problems(raw: dict[str, Any]) -> None:
    within_budget(lambda: _outcome(raw))


@fuzz
@given(st.sampled_from(sorted(document())), values)
def test_one_bad_field_in_a_good_document_is_named(key: str, value: Any) -> None:
    within_budget(lambda: _outcome({**document(), key: value}))


form_keys = st.sampled_from(
    ["slug", "name", "purpose", "role", "position", "sides", "targets", "steps", "cautions",
     "equipment", "indications", "figure_like", "dose.sets", "dose.reps_min", "dose.hold_s",
     "dose.rest_s", "dose.note"]
)  # fmt: skip


@fuzz
@given(st.lists(st.tuples(form_keys, st.text(max_size=60)), max_size=25))
def test_any_form_post_reads_into_a_document_or_names_the_field(
    pairs: list[tuple[str, str]],
) -> None:
    post = QueryDict(mutable=True)
    for key, value in pairs:
        post.appendlist(key, value)

    def run() -> None:
        found = _problems(lambda: document_from_form(post))
        if found is None:
            _outcome(document_from_form(post))
        else:
            assert all(p.field for p in found)

    within_budget(run)


@fuzz
@given(st.binary(max_size=2_000), st.integers(0, 400))
def test_any_bytes_are_a_clean_picture_or_a_picture_problem(noise: bytes, cut: int) -> None:
    good = picture("PNG", size=(20, 20))

    def run() -> None:
        for data in (noise, good[:cut] + noise, good[:cut]):
            found = _problems(lambda: clean_picture(data))  # noqa: B023 (called at once)
            assert found is None or [p.field for p in found] == ["picture"]

    within_budget(run)
