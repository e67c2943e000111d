"""What the runner did and felt. Rows are history: never rewritten, only added.

A corrected session log stays stored: its row is marked replaced (`replaced_at`) and
the correction is a new row with the next `version`. At most one row per session
(day and kind) is current.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from footcore.domain.logbook import Difficulty
from footcore.domain.plan import SessionKind
from footcore.domain.vocab import PainSite


class SessionLogEntry(models.Model):
    """One logged session (`footcore.domain.logbook.SessionLog`)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="session_logs"
    )
    date = models.DateField(help_text="The day the session was done.")
    kind = models.CharField(max_length=16, choices=[(k.value, k.value) for k in SessionKind])
    idempotency_key = models.CharField(
        max_length=64, help_text="Sent by the client; a resent log is stored once."
    )
    exercises = models.JSONField(help_text="Per exercise and side: done, sets, reps, holds.")
    difficulty = models.CharField(
        max_length=16, choices=[(d.value, d.value) for d in Difficulty], null=True, blank=True
    )
    pain_0_10 = models.PositiveSmallIntegerField(help_text="Worst pain during the session, 0-10.")
    pain_site = models.CharField(
        max_length=16, choices=[(p.value, p.value) for p in PainSite], null=True, blank=True
    )
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveSmallIntegerField(
        default=1, help_text="1 for the first log of a session, +1 per correction."
    )
    replaced_at = models.DateTimeField(
        null=True, blank=True, help_text="When a correction replaced this version; null if current."
    )

    class Meta:
        ordering = ("date", "created_at")
        constraints = (
            models.UniqueConstraint(fields=("user", "idempotency_key"), name="log_once_per_key"),
            models.UniqueConstraint(
                fields=("user", "date", "kind"),
                condition=models.Q(replaced_at__isnull=True),
                name="one_current_log_per_session",
            ),
        )
        indexes = (models.Index(fields=("user", "date")),)

    def __str__(self) -> str:
        return f"{self.kind} log on {self.date}"


class MorningCheckEntry(models.Model):
    """The next-morning answer: has the pain from a session settled?"""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="morning_checks"
    )
    date = models.DateField(help_text="The morning of the check.")
    session_date = models.DateField(help_text="The session the check is about.")
    settled = models.BooleanField()
    pain_0_10 = models.PositiveSmallIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=("user", "session_date"), name="one_check_per_session"),
        )

    def __str__(self) -> str:
        return f"check on {self.date}"


class RedFlagScreen(models.Model):
    """Answers to the red-flag questions (`footcore.domain.safety`)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="red_flag_screens"
    )
    date = models.DateField()
    answers = models.JSONField(help_text="Field name of RedFlagAnswers -> bool.")
    any_flag = models.BooleanField(help_text="True when the screen found anything that stops.")
    findings = models.JSONField(
        default=list,
        help_text="What stops training, as decided when stored (stop.screen_findings).",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"red-flag screen on {self.date}"


class ClearanceEntry(models.Model):
    """The runner confirms a clinician cleared them to resume after a red flag."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="clearances"
    )
    date = models.DateField()
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"clearance on {self.date}"
