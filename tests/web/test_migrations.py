"""Migrations keep a runner's rows when a model moves between apps."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from footcore.web.assessments.models import AssessmentEntry

pytestmark = pytest.mark.django_db(transaction=True)


def _migrate(targets: list[tuple[str, str | None]]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


def _latest() -> list[tuple[str, str | None]]:
    executor = MigrationExecutor(connection)
    return list(executor.loader.graph.leaf_nodes())


def test_results_stored_before_assessments_became_an_app_are_still_read_after() -> None:
    executor = _migrate([("progress", "0001_initial"), ("assessments", None)])
    old_state = executor.loader.project_state([("progress", "0001_initial")])
    old_entry = old_state.apps.get_model("progress", "AssessmentEntry")
    user_model = old_state.apps.get_model("auth", "User")
    user = user_model.objects.create(username="pat")
    old_entry.objects.create(
        user_id=user.pk, date=dt.date(2026, 3, 2), kind="heel-raise", side="left", value=21
    )

    _migrate(_latest())

    (row,) = AssessmentEntry.objects.all()
    assert (row.user_id, row.date, row.kind, row.side, row.value) == (
        user.pk,
        dt.date(2026, 3, 2),
        "heel-raise",
        "left",
        21,
    )


def test_a_fresh_database_has_one_assessment_table_under_its_old_name() -> None:
    tables = connection.introspection.table_names()
    assert "progress_assessmententry" in tables
    assert "assessments_assessmententry" not in tables
