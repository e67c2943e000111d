"""Store the runner state of every runner with a history but no state row yet.

Databases from before the stored state (or with a row in an older, unreadable form)
would otherwise replay the whole history in memory on every read until the next
change. The state is derived data, so it is computed by today's rebuild
(`runner.selectors.rebuilt_state`, the same code `footcore rebuild-state` runs); this
migration depends on the current form of every table that rebuild reads.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations


def build_states(apps: Any, schema_editor: Any) -> None:
    # Today's code, not the historical models: the rebuild is the domain's replay.
    from django.contrib.auth.models import User

    from footcore.domain.runner_state_serialize import state_to_dict
    from footcore.web.runner.selectors import parse_state, rebuilt_state

    stored = apps.get_model("runner", "RunnerStateRow")
    readable = {
        user_id
        for user_id, state in stored.objects.values_list("user_id", "state")
        if parse_state(state) is not None
    }
    for user in User.objects.exclude(pk__in=readable).order_by("pk"):
        data = state_to_dict(rebuilt_state(user))
        stored.objects.update_or_create(user_id=user.pk, defaults={"state": data})


class Migration(migrations.Migration):
    dependencies = [
        ("runner", "0001_initial"),
        ("sessions_log", "0001_initial"),
        ("assessments", "0001_initial"),
        ("training", "0004_prescription"),
    ]

    operations = [migrations.RunPython(build_states, migrations.RunPython.noop, elidable=True)]
