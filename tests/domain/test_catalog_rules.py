"""The pure cross-checks that every catalog (shipped or clinician-made) must pass."""

from __future__ import annotations

import dataclasses
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from footcore.domain.catalog import (
    Catalog,
    Caution,
    Citation,
    Dose,
    Exercise,
    Illustration,
    Pose,
    Tempo,
    Variant,
)
from footcore.domain.catalog_rules import (
    CatalogPart,
    Problem,
    catalog_problems,
    citation_problems,
    dose_problems,
)
from footcore.domain.vocab import Concern, Equipment, PainSite, Position, Role, Sides


def make_dose(**over: Any) -> Dose:
    fields: dict[str, Any] = {"reps_min": 10, "reps_max": 15, "hold_s": 5, "per_side": True}
    return Dose(**(fields | over))


def make_variant(**over: Any) -> Variant:
    fields: dict[str, Any] = {
        "id": "seated",
        "name": "Seated",
        "position": Position.SEATED,
        "dose": make_dose(),
    }
    return Variant(**(fields | over))


def make_illustration(**over: Any) -> Illustration:
    fields: dict[str, Any] = {
        "view": "foot",
        "start": Pose("flat", {}),
        "end": Pose("domed", {}),
        "alt": "A foot whose arch rises.",
    }
    return Illustration(**(fields | over))


def make_exercise(**over: Any) -> Exercise:
    fields: dict[str, Any] = {
        "id": "short-foot",
        "name": "Short Foot",
        "aliases": ("foot doming",),
        "role": Role.STRENGTH,
        "purpose": "Lifts the arch with the small foot muscles.",
        "targets": ("abductor hallucis",),
        "steps": ("Sit.", "Dome the arch.", "Hold."),
        "sides": Sides.EACH,
        "variants": (make_variant(),),
        "default_variant": "seated",
        "cautions": (),
        "indications": (Concern.FLAT_FEET,),
        "citations": ("seed-000",),
        "illustration": make_illustration(),
    }
    return Exercise(**(fields | over))


def make_citation(key: str = "seed-000", **over: Any) -> Citation:
    fields: dict[str, Any] = {"key": key, "text": "An article.", "status": "seed"}
    return Citation(**(fields | over))


def make_catalog(*exercises: Exercise, citations: tuple[Citation, ...] = ()) -> Catalog:
    cited = citations or (make_citation(),)
    return Catalog(
        exercises=exercises or (make_exercise(),),
        citations={c.key: c for c in cited},
    )


def messages(problems: list[Problem]) -> list[str]:
    return [str(p) for p in problems]


def test_a_well_formed_catalog_has_no_problems() -> None:
    assert catalog_problems(make_catalog()) == []


def test_it_reports_duplicate_exercise_ids() -> None:
    catalog = make_catalog(make_exercise(), make_exercise(name="Other", aliases=()))
    assert "exercise 'short-foot': id: duplicate exercise id (2 exercises use it)" in messages(
        catalog_problems(catalog)
    )


def test_it_rejects_ids_that_are_not_slugs() -> None:
    problems = catalog_problems(make_catalog(make_exercise(id="Short_Foot")))
    assert [(p.subject, p.field) for p in problems] == [("Short_Foot", "id")]


def test_it_reports_a_name_or_alias_shared_by_two_exercises() -> None:
    catalog = make_catalog(
        make_exercise(),
        make_exercise(id="arch-lift", name="Arch Lift", aliases=("Foot Doming",)),
    )
    problems = catalog_problems(catalog)
    assert [(p.subject, p.field) for p in problems] == [("arch-lift", "aliases")]
    assert "already used by exercise 'short-foot'" in problems[0].message


def test_it_reports_duplicate_variant_ids() -> None:
    exercise = make_exercise(variants=(make_variant(), make_variant(name="Again")))
    assert "duplicate variant id 'seated'" in " ".join(
        messages(catalog_problems(make_catalog(exercise)))
    )


def test_it_requires_the_default_variant_to_exist() -> None:
    problems = catalog_problems(make_catalog(make_exercise(default_variant="standing")))
    assert [p.field for p in problems] == ["default_variant"]


def test_it_requires_at_least_one_variant() -> None:
    problems = catalog_problems(make_catalog(make_exercise(variants=())))
    assert {p.field for p in problems} == {"variants", "default_variant"}


def test_it_reports_reps_min_above_reps_max_with_the_field_path() -> None:
    exercise = make_exercise(
        variants=(make_variant(), make_variant(id="standing", dose=make_dose(reps_min=20)))
    )
    assert messages(catalog_problems(make_catalog(exercise))) == [
        "exercise 'short-foot': variants[1].dose.reps_min: reps_min 20 exceeds reps_max 15"
    ]


def test_it_reports_unresolved_citations_on_the_exercise_and_the_variant() -> None:
    exercise = make_exercise(
        citations=("seed-000", "nobody-1999"),
        variants=(make_variant(source="ghost-2000"),),
    )
    found = messages(catalog_problems(make_catalog(exercise)))
    assert "exercise 'short-foot': citations[1]: unknown citation key 'nobody-1999'" in found
    assert "exercise 'short-foot': variants[0].source: unknown citation key 'ghost-2000'" in found


def test_a_variant_source_must_also_be_cited_by_its_exercise() -> None:
    catalog = make_catalog(
        make_exercise(variants=(make_variant(source="seed-004"),)),
        citations=(make_citation("seed-000"), make_citation("seed-004")),
    )
    assert [p.field for p in catalog_problems(catalog)] == ["variants[0].source"]


def test_it_requires_steps_targets_and_citations() -> None:
    exercise = make_exercise(steps=(), targets=(), citations=())
    fields = {p.field for p in catalog_problems(make_catalog(exercise))}
    assert fields == {"steps", "targets", "citations"}


def test_it_rejects_blank_texts() -> None:
    exercise = make_exercise(
        name=" ",
        steps=("Sit.", ""),
        cautions=(Caution(text="  ", avoid_with_pain=(PainSite.HEEL,)),),
    )
    fields = {p.field for p in catalog_problems(make_catalog(exercise))}
    assert fields == {"name", "steps[1]", "cautions[0].text"}


def test_an_exercise_needs_an_indication_unless_it_is_an_activation() -> None:
    strength = make_exercise(indications=())
    activation = make_exercise(indications=(), role=Role.ACTIVATION)
    assert [p.field for p in catalog_problems(make_catalog(strength))] == ["indications"]
    assert catalog_problems(make_catalog(activation)) == []


def test_the_default_variant_must_agree_with_the_exercise_sides() -> None:
    exercise = make_exercise(sides=Sides.BOTH)
    assert [p.field for p in catalog_problems(make_catalog(exercise))] == [
        "variants[0].dose.per_side"
    ]


def test_equipment_cannot_be_both_required_and_optional() -> None:
    variant = make_variant(equipment=(Equipment.STEP,), optional_equipment=(Equipment.STEP,))
    problems = catalog_problems(make_catalog(make_exercise(variants=(variant,))))
    assert [p.field for p in problems] == ["variants[0].optional_equipment"]


def test_it_checks_the_illustration_structure_and_files_it_under_illustrations() -> None:
    exercise = make_exercise(illustration=make_illustration(view="", alt=""))
    problems = catalog_problems(make_catalog(exercise))
    assert {(p.field, p.part) for p in problems} == {
        ("view", CatalogPart.ILLUSTRATIONS),
        ("alt", CatalogPart.ILLUSTRATIONS),
    }


def test_dose_ranges_catch_typos() -> None:
    dose = make_dose(sets=11, hold_s=300, rest_s=-1, reps_max=150, reps_min=1)
    assert {field for field, _ in dose_problems(dose)} == {"sets", "hold_s", "rest_s", "reps_max"}


def test_a_dose_needs_repetitions_or_a_duration() -> None:
    assert [f for f, _ in dose_problems(Dose(sets=2))] == ["reps_min"]
    assert dose_problems(Dose(duration_s=60, per_side=True)) == []


def test_untimed_repetitions_need_a_rep_estimate_for_the_time_model() -> None:
    assert [f for f, _ in dose_problems(Dose(reps_min=5, reps_max=5))] == ["rep_s"]
    assert dose_problems(Dose(reps_min=5, reps_max=5, rep_s=15)) == []
    assert dose_problems(Dose(reps_min=12, reps_max=12, tempo=Tempo(3, 2, 3))) == []


def test_a_hold_and_a_duration_together_are_ambiguous() -> None:
    assert [f for f, _ in dose_problems(make_dose(duration_s=30))] == ["duration_s"]


def test_reps_max_without_reps_min_is_incomplete() -> None:
    problems = dose_problems(Dose(reps_max=10, rep_s=3))
    assert ("reps_min", "reps_max is set, so reps_min is required") in problems


def test_tempo_phases_are_range_checked() -> None:
    assert [f for f, _ in dose_problems(make_dose(hold_s=None, tempo=Tempo(3, 2, 90)))] == [
        "tempo.down_s"
    ]


def test_citations_need_text_a_known_status_and_well_formed_locators() -> None:
    citation = make_citation(
        "Bad Key", text="", status="rumour", doi="doi.org/10.1/x", url="ftp://x"
    )
    found = {p.field for p in citation_problems("Bad Key", citation)}
    assert found == {"key", "text", "status", "doi", "url"}
    assert all(p.part is CatalogPart.CITATIONS for p in citation_problems("Bad Key", citation))


def test_a_citation_problem_names_the_citation() -> None:
    problem = citation_problems("x-2000", make_citation("x-2000", text=""))[0]
    assert str(problem) == "citation 'x-2000': text: give the full reference"


def test_a_citation_filed_under_the_wrong_key_is_reported() -> None:
    catalog = dataclasses.replace(make_catalog(), citations={"seed-000": make_citation("other")})
    assert [p.message for p in catalog_problems(catalog)] == [
        "stored under 'seed-000' but names itself 'other'"
    ]


@given(
    reps_min=st.integers(min_value=1, max_value=100),
    reps_max=st.integers(min_value=1, max_value=100),
)
def test_reps_min_above_reps_max_is_always_reported(reps_min: int, reps_max: int) -> None:
    fields = [f for f, _ in dose_problems(make_dose(reps_min=reps_min, reps_max=reps_max))]
    assert ("reps_min" in fields) == (reps_min > reps_max)


@given(
    sets=st.integers(1, 10),
    reps=st.integers(1, 100),
    hold_s=st.integers(1, 120),
    rest_s=st.none() | st.integers(0, 600),
    per_side=st.booleans(),
)
def test_any_complete_dose_inside_the_ranges_is_accepted(
    sets: int, reps: int, hold_s: int, rest_s: int | None, per_side: bool
) -> None:
    dose = Dose(
        sets=sets, reps_min=reps, reps_max=reps, hold_s=hold_s, rest_s=rest_s, per_side=per_side
    )
    assert dose_problems(dose) == []


@given(st.integers(min_value=-1000, max_value=1000))
def test_sets_outside_one_to_ten_are_always_reported(sets: int) -> None:
    fields = [f for f, _ in dose_problems(make_dose(sets=sets))]
    assert ("sets" in fields) == (not 1 <= sets <= 10)
