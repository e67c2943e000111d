"""The runner's stored adaptation state: one row, brought up to date by every change."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class RunnerStateRow(models.Model):
    """`footcore.domain.runner_state.RunnerState` in its JSON form (`state_to_dict`).

    Derived data: `footcore rebuild-state` recomputes it from the stored history.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="runner_state"
    )
    state = models.JSONField(help_text="The state as `state_to_dict` writes it.")
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"state of user {self.user_id}"
