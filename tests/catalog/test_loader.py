"""Loading the catalog files: validation messages name file, exercise and field."""

from __future__ import annotations

import copy
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from footcore.catalog import loader
from footcore.catalog.loader import (
    CatalogError,
    check_catalog,
    default_catalog,
    load_catalog,
)
from footcore.domain.catalog import Catalog


def shipped(name: str) -> Any:
    text = resources.files("footcore.catalog").joinpath(name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


SHIPPED_EXERCISES: list[dict[str, Any]] = shipped("exercises.yaml")
SHIPPED_CITATIONS: dict[str, Any] = shipped("citations.yaml")


def dump(value: Any) -> str:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(value, Dumper=dumper, allow_unicode=True)


def make_exercises(**edits: Any) -> list[dict[str, Any]]:
    """A deep copy of the shipped exercises; `edits` replace whole exercises by id."""
    data = copy.deepcopy(SHIPPED_EXERCISES)
    return [edits.get(e["id"].replace("-", "_"), e) for e in data]


def exercise(exercise_id: str) -> dict[str, Any]:
    return copy.deepcopy(next(e for e in SHIPPED_EXERCISES if e["id"] == exercise_id))


def drawing(exercise_id: str) -> dict[str, Any]:
    return {
        "view": "standing-side",
        "start": {"name": "start", "angles": {"near-ankle": 0}},
        "end": {"name": "end", "angles": {"near-ankle": 20.5}},
        "alt": f"A runner doing {exercise_id}.",
        "props": [],
    }


def write_files(
    directory: Path,
    *,
    exercises: Any = None,
    citations: Any = None,
    illustrations: Any = None,
) -> tuple[Path, Path, Path]:
    """Write the three catalog files; an illustrations value of None writes no file."""
    paths = (
        directory / "exercises.yaml",
        directory / "citations.yaml",
        directory / "illustrations.yaml",
    )
    values = (
        SHIPPED_EXERCISES if exercises is None else exercises,
        SHIPPED_CITATIONS if citations is None else citations,
        illustrations,
    )
    for path, value in zip(paths, values, strict=True):
        if value is None:
            continue
        text = value if isinstance(value, str) else dump(value)
        path.write_text(text, encoding="utf-8")
    return paths


def problems_for(tmp_path: Path, **files: Any) -> list[str]:
    paths = write_files(tmp_path, **files)
    with pytest.raises(CatalogError) as caught:
        load_catalog(*paths)
    return list(caught.value.problems)


@pytest.fixture
def no_pose_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests are about the loader, not the figure module's joint vocabulary."""
    monkeypatch.setattr(loader, "pose_problems", lambda illustration: [])


def test_the_shipped_catalog_loads_and_checks_clean() -> None:
    catalog = load_catalog()
    assert isinstance(catalog, Catalog)
    assert len(catalog.exercises) >= 14
    assert check_catalog() == []


def test_the_default_catalog_is_loaded_once() -> None:
    assert default_catalog() is default_catalog()
    assert default_catalog().ids() == load_catalog().ids()


def test_without_an_illustrations_file_every_exercise_gets_a_placeholder(tmp_path: Path) -> None:
    catalog = load_catalog(*write_files(tmp_path))
    toe_yoga = catalog.get("toe-yoga")
    assert toe_yoga.illustration.alt == "Toe Yoga (no drawing yet)"
    assert toe_yoga.illustration.view == "seated-side"
    assert dict(toe_yoga.illustration.start.angles) == {}
    assert catalog.get("heel-walking").illustration.view == "standing-side"


@pytest.mark.usefixtures("no_pose_checks")
def test_illustrations_are_attached_to_their_exercises(tmp_path: Path) -> None:
    drawings = {e["id"]: drawing(e["id"]) for e in SHIPPED_EXERCISES}
    catalog = load_catalog(*write_files(tmp_path, illustrations=drawings))
    picture = catalog.get("heel-walking").illustration
    assert picture.alt == "A runner doing heel-walking."
    assert dict(picture.end.angles) == {"near-ankle": 20.5}
    assert isinstance(picture.start.angles["near-ankle"], float)


@pytest.mark.usefixtures("no_pose_checks")
def test_an_exercise_missing_from_an_existing_illustrations_file_is_an_error(
    tmp_path: Path,
) -> None:
    drawings = {e["id"]: drawing(e["id"]) for e in SHIPPED_EXERCISES if e["id"] != "toe-yoga"}
    assert problems_for(tmp_path, illustrations=drawings) == [
        "illustrations.yaml: exercise 'toe-yoga': illustration: missing "
        "(add an entry keyed 'toe-yoga')"
    ]


@pytest.mark.usefixtures("no_pose_checks")
def test_an_illustration_for_an_unknown_exercise_is_an_error(tmp_path: Path) -> None:
    drawings = {e["id"]: drawing(e["id"]) for e in SHIPPED_EXERCISES}
    drawings["moon-walk"] = drawing("moon-walk")
    assert problems_for(tmp_path, illustrations=drawings) == [
        "illustrations.yaml: exercise 'moon-walk': illustration for an unknown exercise"
    ]


def test_an_ill_formed_illustration_names_file_exercise_and_field(tmp_path: Path) -> None:
    drawings = {e["id"]: drawing(e["id"]) for e in SHIPPED_EXERCISES}
    drawings["toe-yoga"]["start"]["angles"]["near-ankle"] = "steep"
    drawings["heel-walking"]["colour"] = "red"
    found = problems_for(tmp_path, illustrations=drawings)
    assert "illustrations.yaml: exercise 'heel-walking': colour: unknown field" in found
    assert any(
        p.startswith("illustrations.yaml: exercise 'toe-yoga': start.angles.near-ankle: ")
        for p in found
    )


def test_pose_problems_from_the_pose_vocabulary_are_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fake_pose_problems(illustration: Any) -> list[str]:
        return ["start.angles.ankle: 200 is beyond the joint's range"]

    monkeypatch.setattr(loader, "pose_problems", fake_pose_problems)
    drawings = {e["id"]: drawing(e["id"]) for e in SHIPPED_EXERCISES[:1]}
    first = SHIPPED_EXERCISES[0]["id"]
    found = problems_for(tmp_path, exercises=SHIPPED_EXERCISES[:1], illustrations=drawings)
    assert found == [
        f"illustrations.yaml: exercise {first!r}: start.angles.ankle: 200 is beyond the "
        "joint's range"
    ]


def test_an_unknown_key_names_file_exercise_and_field(tmp_path: Path) -> None:
    toe_walking = exercise("toe-walking")
    toe_walking["variants"][1]["dose"]["hold_seconds"] = 5
    found = problems_for(tmp_path, exercises=make_exercises(toe_walking=toe_walking))
    assert found == [
        "exercises.yaml: exercise 'toe-walking': variants[1].dose.hold_seconds: unknown field"
    ]


def test_an_illustration_block_does_not_belong_in_exercises_yaml(tmp_path: Path) -> None:
    toe_yoga = exercise("toe-yoga")
    toe_yoga["illustration"] = drawing("toe-yoga")
    found = problems_for(tmp_path, exercises=make_exercises(toe_yoga=toe_yoga))
    assert found == ["exercises.yaml: exercise 'toe-yoga': illustration: unknown field"]


def test_a_wrong_type_names_file_exercise_and_field(tmp_path: Path) -> None:
    toe_walking = exercise("toe-walking")
    toe_walking["variants"][1]["dose"]["reps_min"] = "two"
    found = problems_for(tmp_path, exercises=make_exercises(toe_walking=toe_walking))
    assert found == [
        "exercises.yaml: exercise 'toe-walking': variants[1].dose.reps_min: "
        "Input should be a valid integer"
    ]


def test_numbers_written_as_strings_are_rejected(tmp_path: Path) -> None:
    calf = exercise("calf-raises")
    calf["variants"][0]["dose"]["hold_s"] = "3"
    found = problems_for(tmp_path, exercises=make_exercises(calf_raises=calf))
    assert found == [
        "exercises.yaml: exercise 'calf-raises': variants[0].dose.hold_s: "
        "Input should be a valid integer"
    ]


def test_an_unknown_vocabulary_value_is_rejected(tmp_path: Path) -> None:
    calf = exercise("calf-raises")
    calf["variants"][2]["equipment"] = ["stepp"]
    found = problems_for(tmp_path, exercises=make_exercises(calf_raises=calf))
    assert len(found) == 1
    assert found[0].startswith(
        "exercises.yaml: exercise 'calf-raises': variants[2].equipment[0]: Input should be "
    )


def test_reps_min_above_reps_max_names_file_exercise_and_field(tmp_path: Path) -> None:
    calf = exercise("calf-raises")
    calf["variants"][2]["dose"]["reps_min"] = 20
    found = problems_for(tmp_path, exercises=make_exercises(calf_raises=calf))
    assert found == [
        "exercises.yaml: exercise 'calf-raises': variants[2].dose.reps_min: "
        "reps_min 20 exceeds reps_max 15"
    ]


def test_an_unresolved_citation_names_file_exercise_and_field(tmp_path: Path) -> None:
    toe_yoga = exercise("toe-yoga")
    toe_yoga["citations"] = ["seed-004", "footcore-design", "yoga-journal-2099"]
    found = problems_for(tmp_path, exercises=make_exercises(toe_yoga=toe_yoga))
    assert found == [
        "exercises.yaml: exercise 'toe-yoga': citations[2]: "
        "unknown citation key 'yoga-journal-2099'"
    ]


def test_a_citation_missing_from_citations_yaml_breaks_every_exercise_citing_it(
    tmp_path: Path,
) -> None:
    citations = {k: v for k, v in SHIPPED_CITATIONS.items() if k != "rathleff-2015"}
    found = problems_for(tmp_path, citations=citations)
    assert found
    assert all(p.startswith("exercises.yaml: exercise 'heel-raise-towel': ") for p in found)
    assert "unknown citation key 'rathleff-2015'" in found[0]


def test_a_duplicate_id_is_reported(tmp_path: Path) -> None:
    found = problems_for(tmp_path, exercises=[*SHIPPED_EXERCISES, exercise("toe-yoga")])
    assert (
        "exercises.yaml: exercise 'toe-yoga': id: duplicate exercise id (2 exercises use it)"
        in (found)
    )


def test_a_yaml_syntax_error_names_the_file_and_line(tmp_path: Path) -> None:
    text = "- id: toe-yoga\n  name: Toe Yoga\n  aliases: [toe isolation\n  role: activation\n"
    found = problems_for(tmp_path, exercises=text)
    assert len(found) == 1
    assert found[0].startswith("exercises.yaml: line 4, column ")


def test_a_repeated_key_is_an_error_naming_the_line(tmp_path: Path) -> None:
    text = (
        "seed-000:\n  text: One article.\n  status: seed\n"
        "seed-000:\n  text: The same key again.\n  status: seed\n"
    )
    assert problems_for(tmp_path, citations=text) == [
        "citations.yaml: line 4, column 1: found duplicate key 'seed-000'"
    ]


def test_a_yaml_merge_key_may_repeat_a_merged_field(tmp_path: Path) -> None:
    text = "base: &base {text: Shared text., status: verified, doi: 10.1000/x}\n" + "".join(
        f"{key}:\n  <<: *base\n  text: Own text.\n" for key in SHIPPED_CITATIONS
    )
    catalog = load_catalog(*write_files(tmp_path, citations=text))
    assert catalog.citations["seed-000"].text == "Own text."


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    exercises, citations, illustrations = write_files(tmp_path)
    exercises.unlink()
    with pytest.raises(CatalogError, match=r"^exercises\.yaml: file not found$"):
        load_catalog(exercises, citations, illustrations)


def test_a_file_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    exercises, citations, illustrations = write_files(tmp_path)
    citations.write_bytes(b"seed-000:\n  text: caf\xe9\n")
    with pytest.raises(CatalogError, match=r"^citations\.yaml: not UTF-8 text"):
        load_catalog(exercises, citations, illustrations)


def test_the_exercises_file_must_hold_a_list(tmp_path: Path) -> None:
    assert problems_for(tmp_path, exercises={"toe-yoga": {}}) == [
        "exercises.yaml: expected a list of exercises, found a mapping"
    ]
    assert problems_for(tmp_path, exercises="") == [
        "exercises.yaml: expected a list of exercises, found nothing"
    ]


def test_an_entry_that_is_not_a_mapping_is_named_by_position(tmp_path: Path) -> None:
    found = problems_for(tmp_path, exercises=[SHIPPED_EXERCISES[0], "toe yoga"])
    assert found == ["exercises.yaml: exercise #2: expected a mapping, found a str ('toe yoga')"]


def test_an_entry_without_an_id_is_named_by_position(tmp_path: Path) -> None:
    nameless = exercise("toe-yoga")
    del nameless["id"]
    found = problems_for(tmp_path, exercises=[SHIPPED_EXERCISES[0], nameless])
    assert found == ["exercises.yaml: exercise #2: id: Field required"]


def test_a_citation_with_an_unknown_status_is_named(tmp_path: Path) -> None:
    citations = copy.deepcopy(SHIPPED_CITATIONS)
    citations["seed-000"]["status"] = "rumour"
    assert problems_for(tmp_path, citations=citations) == [
        "citations.yaml: citation 'seed-000': status: "
        "Input should be 'seed', 'verified', 'secondary' or 'design'"
    ]


def test_a_malformed_doi_is_named(tmp_path: Path) -> None:
    citations = copy.deepcopy(SHIPPED_CITATIONS)
    citations["rathleff-2015"]["doi"] = "https://doi.org/10.1111/sms.12313"
    found = problems_for(tmp_path, citations=citations)
    assert len(found) == 1
    assert found[0].startswith("citations.yaml: citation 'rathleff-2015': doi: ")


def test_problems_in_several_files_are_reported_together(tmp_path: Path) -> None:
    found = problems_for(tmp_path, exercises="[", citations=[1, 2])
    assert [p.split(":")[0] for p in found] == ["exercises.yaml", "citations.yaml"]


def test_check_catalog_lists_problems_instead_of_raising(tmp_path: Path) -> None:
    calf = exercise("calf-raises")
    calf["sides"] = "sometimes"
    found = check_catalog(*write_files(tmp_path, exercises=make_exercises(calf_raises=calf)))
    assert len(found) == 1
    assert found[0].startswith("exercises.yaml: exercise 'calf-raises': sides: ")


def test_the_error_message_joins_every_problem(tmp_path: Path) -> None:
    calf = exercise("calf-raises")
    calf["role"] = "cardio"
    calf["keystone"] = "yes"
    with pytest.raises(CatalogError) as caught:
        load_catalog(*write_files(tmp_path, exercises=make_exercises(calf_raises=calf)))
    assert str(caught.value) == "\n".join(caught.value.problems)
    assert len(caught.value.problems) == 2


# -- property tests: nothing but CatalogError escapes, whatever the files hold ----------

yaml_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**6), max_value=10**6)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
)
yaml_values = st.recursive(
    yaml_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner),
    max_leaves=20,
)


def load_only_raises_catalog_errors(**files: Any) -> list[str]:
    with tempfile.TemporaryDirectory() as directory:
        paths = write_files(Path(directory), **files)
        raised: CatalogError | None = None
        try:
            load_catalog(*paths)
        except CatalogError as error:  # anything else escapes and fails the test
            raised = error
    if raised is None:
        return []
    assert raised.problems, "a CatalogError must say what is wrong"
    assert all(problem.strip() for problem in raised.problems)
    return list(raised.problems)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=300), which=st.sampled_from(["exercises", "citations"]))
def test_garbage_text_only_ever_raises_catalog_error(text: str, which: str) -> None:
    load_only_raises_catalog_errors(**{which: text or " "})


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.sampled_from(
        [
            "a: &x [*x]",
            "- &x {id: *x}",
            "2024-13-45",
            "- !!binary xyz",
            "!!python/object:os.system ls",
            "? [a, b]\n: c",
            "<<: 5",
            "- {id: x, sets: !!float nan}",
            "\t- tab",
            "- [" * 200,
        ]
    ),
    which=st.sampled_from(["exercises", "citations", "illustrations"]),
)
def test_hostile_yaml_only_ever_raises_catalog_error(text: str, which: str) -> None:
    assert load_only_raises_catalog_errors(**{which: text})


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=yaml_values, which=st.sampled_from(["exercises", "citations", "illustrations"]))
def test_random_yaml_structures_only_ever_raise_catalog_error(value: Any, which: str) -> None:
    text = dump(value)
    load_only_raises_catalog_errors(**{which: text})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), value=yaml_values)
def test_a_randomly_broken_exercise_is_reported_against_that_exercise(
    data: st.DataObject, value: Any
) -> None:
    exercises = copy.deepcopy(SHIPPED_EXERCISES)
    index = data.draw(st.integers(0, len(exercises) - 1), label="exercise")
    node: Any = exercises[index]
    while True:
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        key = data.draw(st.sampled_from(keys), label="key")
        child = node[key]
        descend = isinstance(child, dict | list) and child and data.draw(st.booleans())
        if not descend:
            node[key] = value
            break
        node = child
    found = load_only_raises_catalog_errors(exercises=exercises)
    exercise_id = exercises[index].get("id")
    assert all(problem.startswith("exercises.yaml: exercise ") for problem in found)
    if found and exercise_id == SHIPPED_EXERCISES[index]["id"]:
        # An alias clash is reported on whichever exercise comes second, naming the first.
        assert any(f"exercise {exercise_id!r}" in problem for problem in found)


def test_an_impossible_date_is_refused_naming_its_line() -> None:
    (problem,) = load_only_raises_catalog_errors(exercises="- id: x\n  sides: 2024-13-45\n")
    assert problem.startswith("exercises.yaml: line 2, column 10: '2024-13-45' is not a date")
