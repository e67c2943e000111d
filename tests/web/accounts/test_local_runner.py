"""Personal mode's one runner: created once, then read by a fixed statement each time."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext

from footcore.web.accounts.services import LOCAL_RUNNER, local_runner

pytestmark = pytest.mark.django_db


def test_the_runner_is_created_once_and_then_read_in_one_query() -> None:
    first = local_runner()
    with CaptureQueriesContext(connection) as captured:
        again = local_runner()

    assert len(captured) == 1
    assert again == first
    assert (again.username, again.is_active, again.is_staff) == (LOCAL_RUNNER, True, False)
    assert User.objects.filter(username=LOCAL_RUNNER).count() == 1


def test_a_field_the_read_leaves_out_loads_from_the_database_when_asked() -> None:
    runner = local_runner()
    User.objects.filter(pk=runner.pk).update(email="runner@example.org", first_name="Ada")

    found = local_runner()

    assert (found.email, found.first_name) == ("runner@example.org", "Ada")
    assert found.date_joined == User.objects.get(pk=runner.pk).date_joined
