"""The catalog's lookups by id: the first exercise of an id, an unknown id refused."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from footcore.domain.catalog import Catalog
from tests.domain.planning_builders import make_exercise, small_catalog


def test_an_exercise_is_found_by_its_id_and_an_unknown_id_is_refused() -> None:
    catalog = small_catalog()
    assert catalog.get("toe-yoga").id == "toe-yoga"
    assert catalog.ids() == tuple(e.id for e in catalog.exercises)
    with pytest.raises(KeyError, match="no-such"):
        catalog.get("no-such")


def test_of_two_exercises_with_one_id_the_first_is_found() -> None:
    first, second = make_exercise("twin"), make_exercise("twin", keystone=True)
    catalog = Catalog(exercises=(first, second))
    assert catalog.get("twin") is first
    assert catalog.ids() == ("twin", "twin")


def test_a_copied_or_pickled_catalog_looks_up_its_own_exercises() -> None:
    catalog = small_catalog()
    extra = make_exercise("extra")
    bigger = dataclasses.replace(catalog, exercises=(*catalog.exercises, extra))
    assert bigger.get("extra") is extra
    assert "extra" not in catalog.ids()
    copy = pickle.loads(pickle.dumps(bigger))
    assert copy == bigger
    assert copy.get("extra") is copy.exercises[-1]
