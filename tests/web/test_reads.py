"""The pages' fixed SQL reads (`footcore.web.reads`) name the models' tables and columns
and answer what the ORM answers."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random
import re
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.db import models
from django.db.models import F, Q, Window
from django.db.models.functions import RowNumber
from django.test import Client

from footcore.domain.plan_serialize import item_from_dict
from footcore.domain.prescription_serialize import prescription_from_dict
from footcore.web import reads
from footcore.web.accounts.services import local_runner
from footcore.web.assessments import selectors as assessments
from footcore.web.assessments.models import AssessmentEntry
from footcore.web.runner.models import RunnerStateRow
from footcore.web.sessions.models import SessionLogEntry
from footcore.web.sessions.selectors import logged_sessions
from footcore.web.training import selectors
from footcore.web.training.models import (
    CalendarFeed,
    PlannedSession,
    RunnerProfile,
    StoredPrescription,
)
from tests.web.session_builders import THU, TUE, evening, log_body, onboard, post_json

pytestmark = pytest.mark.django_db

SQL_WORDS = {"select", "cast", "as", "text", "from", "where", "and", "is", "null", "order"}
SQL_WORDS |= {"by", "desc", "limit", "or", "row_number", "over", "partition"}


def _tables() -> dict[str, type[models.Model]]:
    return {model._meta.db_table: model for model in apps.get_models()}


@pytest.mark.parametrize("sql", reads.READS)
def test_every_read_names_a_models_table_and_its_columns(sql: str) -> None:
    words = re.findall(r"[a-z_][a-z_0-9]*", sql.lower().replace("%s", ""))
    # One table each; `FROM (SELECT ...) AS name` reads from a query over that table.
    pairs = list(itertools.pairwise(words))
    (table,) = {after for word, after in pairs if word == "from"} - {"select"}
    model = _tables()[table]  # a KeyError names a table no model has
    columns = {field.column for field in model._meta.concrete_fields}
    # Names a read gives its own values or subquery (`AS recent`), not the table's.
    own = {after for word, after in pairs if word == "as"} - {"text"}
    named = {w for w in words if w not in SQL_WORDS | own and w != table}
    assert named <= columns, f"{table} has no column {sorted(named - columns)}"


def test_a_runner_with_nothing_stored_reads_as_none(client: Client) -> None:
    user = User.objects.create(username="nobody")
    assert selectors.get_profile(user) is None
    assert selectors.plan_header(user) is None
    assert selectors.current_prescription(user) is None
    assert selectors.active_feed_token(user) is None
    assert selectors.stored_plan(user).weeks == ()
    assert logged_sessions(user, start=TUE, end=THU) == frozenset()


def _lived(client: Client) -> User:
    """A runner with a profile, a screen, two logs (one corrected) and a calendar feed
    made, revoked and made again."""
    onboard(client)
    user = local_runner()
    for day in (TUE, THU):
        assert post_json(client, "/api/logs", log_body(user, day), evening(day)).status_code == 201
    corrected = log_body(user, THU, pain=2)
    assert post_json(client, "/api/logs/corrections", corrected, evening(THU)).status_code == 201
    client.post("/plan/feed")
    client.post("/plan/feed/revoke")
    client.post("/plan/feed")
    return user


def test_each_read_answers_what_the_orm_answers(client: Client) -> None:
    user = _lived(client)
    profile = RunnerProfile.objects.get(user=user)
    header = selectors.plan_header(user)
    assert header is not None
    assert header.profile == selectors.parsed_profile(profile.data)
    assert header.warnings == list(profile.warnings)
    assert header.notes == {int(k): tuple(v) for k, v in profile.week_notes.items()}
    assert selectors.get_profile(user) == header.profile

    feed = CalendarFeed.objects.get(user=user, revoked_at__isnull=True)
    assert selectors.active_feed_token(user) == feed.token

    latest = StoredPrescription.objects.filter(user=user).order_by("-version").first()
    assert latest is not None
    assert selectors.current_prescription(user) == prescription_from_dict(latest.data)

    planned = [
        (r.date, r.kind, r.estimated_s, r.reason, tuple(item_from_dict(i) for i in r.items))
        for r in PlannedSession.objects.filter(user=user).order_by("date", "kind")
    ]
    stored = [
        (s.date, s.kind.value, s.estimated_s, s.reason, s.items)
        for w in selectors.stored_plan(user).weeks
        for s in w.sessions
    ]
    assert stored == planned

    in_force = SessionLogEntry.objects.filter(user=user, replaced_at__isnull=True)
    assert logged_sessions(user, start=TUE, end=THU) == {(e.date, e.kind) for e in in_force}
    assert logged_sessions(user, start=THU, end=THU) == {(THU, "strength")}

    row = reads.first(reads.STATE_SQL, user.pk)
    assert row is not None
    assert json.loads(row[0]) == RunnerStateRow.objects.get(user=user).state


def test_the_progress_windows_read_what_the_orm_reads(client: Client) -> None:
    user = _lived(client)
    planned = PlannedSession.objects.filter(user=user, date__gte=TUE, date__lte=THU)
    assert reads.rows(reads.PLANNED_WINDOW_SQL, user.pk, TUE, THU) == [
        (r["date"], r["kind"], r["estimated_s"]) for r in planned.values()
    ]
    logs = SessionLogEntry.objects.filter(
        user=user, date__gte=TUE, date__lte=THU, replaced_at__isnull=True
    )
    assert [
        (date, kind, json.loads(exercises), pain)
        for date, kind, exercises, pain in reads.rows(reads.LOGS_WINDOW_SQL, user.pk, TUE, THU)
    ] == [(e.date, e.kind, e.exercises, e.pain_0_10) for e in logs]
    assert [pain for *_, pain in reads.rows(reads.LOGS_WINDOW_SQL, user.pk, THU, THU)] == [2]


def test_a_days_sessions_and_the_next_one_read_what_the_orm_reads(client: Client) -> None:
    user = _lived(client)
    for day in (TUE, THU):
        rows = PlannedSession.objects.filter(user=user, date=day)
        assert [
            (s.date, s.kind.value, s.items, s.estimated_s, s.reason)
            for s in selectors.sessions_on(user, day)
        ] == [
            (r.date, r.kind, tuple(item_from_dict(i) for i in r.items), r.estimated_s, r.reason)
            for r in rows
        ]
        after = PlannedSession.objects.filter(user=user, date__gt=day).order_by("date", "kind")
        first = after.first()
        assert first is not None
        assert selectors.next_session(user, day) == selectors.NextSession(first.date, first.kind)
    last = PlannedSession.objects.filter(user=user).order_by("-date").first()
    assert last is not None
    assert selectors.next_session(user, last.date) is None


def _orm_recent(user: User, *, points: int, since: dt.date, until: dt.date) -> list[Any]:
    """`recent_results_for` as the ORM wrote it before it became fixed SQL."""
    recent = Window(
        RowNumber(),
        partition_by=[F("kind"), F("side"), F("surface")],
        order_by=[F("date").desc(), F("id").desc()],
    )
    rows = (
        AssessmentEntry.objects.filter(user=user, date__lte=until)
        .annotate(recent=recent)
        .filter(Q(recent__lte=points) | Q(date__gte=since))
        .order_by("date", "id")
    )
    return assessments._results(list(rows))


def _stored_value(kind: str, rng: random.Random) -> object:
    if kind.startswith("faam"):
        return {"percent": rng.choice([None, 62.5, 80.0]), "self_rating": None, "overall": None}
    if kind.startswith("balance"):
        return {"trials_s": [rng.choice([4.5, 12.0, 30.0]) for _ in range(rng.randint(1, 3))]}
    if kind.startswith(("toe-yoga", "paper-grip")):
        return rng.choice(["pass", "partial", "fail"])
    return rng.choice([12, 20, 25.5])


def _seed_results(user: User, rng: random.Random, count: int, start: dt.date) -> None:
    """`count` results on random days over a year: every kind, both sides and none, every
    heel-raise surface, unscorable FAAM rows, and several rows of one day and side."""
    kinds = ["heel-raise", "balance-eyes-open", "toe-yoga-big-toe", "knee-to-wall", "faam-adl"]
    rows = []
    for _ in range(count):
        kind = rng.choice(kinds)
        rows.append(
            AssessmentEntry(
                user=user,
                date=start + dt.timedelta(days=rng.randrange(0, 365, 7)),
                kind=kind,
                side=None if kind.startswith("faam") else rng.choice(["left", "right"]),
                value=_stored_value(kind, rng),
                surface=rng.choice(["incline", "flat", "unknown"])
                if kind == "heel-raise"
                else None,
            )
        )
    AssessmentEntry.objects.bulk_create(rows)


def test_the_recent_self_tests_read_what_the_orm_reads() -> None:
    rng = random.Random(8)
    start = dt.date(2026, 1, 5)
    user = User.objects.create(username="tester")
    other = User.objects.create(username="someone-else")
    _seed_results(user, rng, 300, start)
    _seed_results(other, rng, 50, start)
    compared = 0
    for points in (1, 2, 12):
        for until_days in (0, 90, 200, 364):
            until = start + dt.timedelta(days=until_days)
            since = until - dt.timedelta(weeks=12)
            expected = _orm_recent(user, points=points, since=since, until=until)
            found = assessments.recent_results_for(user, points=points, since=since, until=until)
            assert found == expected, (points, until)
            compared += len(found)
    assert compared > 300  # the cases read real slices, not empty ones
    assert assessments.recent_results_for(other, points=1, since=start, until=start) == (
        _orm_recent(other, points=1, since=start, until=start)
    )
