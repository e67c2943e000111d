"""Migrations keep a runner's rows when a model moves between apps, and store the runner
state of every runner who had none."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from footcore.domain.runner_state_serialize import state_to_dict
from footcore.web.assessments.models import AssessmentEntry
from footcore.web.runner.models import RunnerStateRow
from footcore.web.runner.selectors import parse_state, rebuilt_state

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


def test_heel_raises_saved_before_the_surface_was_asked_become_unknown() -> None:
    executor = _migrate([("assessments", "0001_initial")])
    old_state = executor.loader.project_state([("assessments", "0001_initial")])
    old_entry = old_state.apps.get_model("assessments", "AssessmentEntry")
    user = old_state.apps.get_model("auth", "User").objects.create(username="pat")
    day = dt.date(2026, 3, 2)
    old_entry.objects.create(user_id=user.pk, date=day, kind="heel-raise", side="left", value=9)
    old_entry.objects.create(user_id=user.pk, date=day, kind="knee-to-wall", side="left", value=8)

    _migrate(_latest())

    surfaces = dict(AssessmentEntry.objects.values_list("kind", "surface"))
    assert surfaces == {"heel-raise": "unknown", "knee-to-wall": None}
    from footcore.domain.norms import Standing
    from footcore.web.assessments.selectors import readings_for

    (heel, _) = readings_for(User.objects.get(pk=user.pk), None)
    assert heel.standing == Standing.NO_NORM.value
    assert "surface that was not recorded" in heel.norm


def test_a_heel_raise_row_without_a_surface_is_refused_by_the_database() -> None:
    from django.db import IntegrityError

    user = User.objects.create(username="pat")
    with pytest.raises(IntegrityError):
        AssessmentEntry.objects.create(
            user=user, date=dt.date(2026, 3, 2), kind="heel-raise", side="left", value=9
        )


def test_a_fresh_database_has_one_assessment_table_under_its_old_name() -> None:
    tables = connection.introspection.table_names()
    assert "progress_assessmententry" in tables
    assert "assessments_assessmententry" not in tables


def test_two_logs_of_one_session_from_before_corrections_become_two_versions() -> None:
    executor = _migrate([("sessions_log", "0001_initial")])
    old_state = executor.loader.project_state([("sessions_log", "0001_initial")])
    old_log = old_state.apps.get_model("sessions_log", "SessionLogEntry")
    old_screen = old_state.apps.get_model("sessions_log", "RedFlagScreen")
    user = old_state.apps.get_model("auth", "User").objects.create(username="pat")
    for key, pain in (("first-key-1", 2), ("second-key", 5)):
        old_log.objects.create(
            user_id=user.pk,
            date=dt.date(2026, 3, 2),
            kind="strength",
            idempotency_key=key,
            exercises=[],
            pain_0_10=pain,
        )
    old_screen.objects.create(
        user_id=user.pk, date=dt.date(2026, 3, 2), answers={"numbness": True}, any_flag=True
    )

    _migrate(_latest())

    from footcore.web.sessions.models import RedFlagScreen, SessionLogEntry

    # The later log stays current; the earlier one is kept as a replaced version.
    rows = SessionLogEntry.objects.order_by("pk")
    assert [(r.pain_0_10, r.version, r.replaced_at is None) for r in rows] == [
        (2, 1, False),
        (5, 2, True),
    ]
    assert RedFlagScreen.objects.get().findings == ["numbness or pins and needles"]


def test_runners_with_a_history_from_before_the_stored_state_get_one_on_migrate() -> None:
    before = [("runner", "0001_initial"), ("sessions_log", "0001_initial")]
    executor = _migrate([(app, name) for app, name in before])
    old_state = executor.loader.project_state(before)
    user_model = old_state.apps.get_model("auth", "User")
    old_log = old_state.apps.get_model("sessions_log", "SessionLogEntry")
    old_row = old_state.apps.get_model("runner", "RunnerStateRow")
    pat = user_model.objects.create(username="pat")
    sam = user_model.objects.create(username="sam")
    for key, pain in (("a", 2), ("b", 6)):
        old_log.objects.create(
            user_id=pat.pk,
            date=dt.date(2026, 3, 2),
            kind="activation",
            idempotency_key=key,
            exercises=[],
            difficulty="just-right",
            pain_0_10=pain,
            notes="",
        )
    old_row.objects.create(user_id=sam.pk, state={"an": "older form"})
    _migrate(_latest())

    stored = dict(RunnerStateRow.objects.values_list("user__username", "state"))
    assert set(stored) == {"pat", "sam"}
    for name in ("pat", "sam"):
        user = User.objects.get(username=name)
        assert stored[name] == state_to_dict(rebuilt_state(user))
    assert parse_state(stored["pat"]) != parse_state(stored["sam"])


def test_the_state_migration_keeps_a_readable_stored_state() -> None:
    user = User.objects.create(username="kim")
    RunnerStateRow.objects.create(user=user, state=state_to_dict(rebuilt_state(user)))
    kept = RunnerStateRow.objects.get(user=user).updated_at
    _migrate([("runner", "0001_initial")])
    _migrate(_latest())
    assert RunnerStateRow.objects.get(user=user).updated_at == kept
