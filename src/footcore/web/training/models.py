"""Stored training state. Every row belongs to one user."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from footcore.domain.plan import SessionKind, WeekKind


class RunnerProfile(models.Model):
    """A runner's week and feet, as the planner's JSON profile form."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="runner_profile"
    )
    data = models.JSONField(help_text="The profile as `profile_to_dict` writes it.")
    warnings = models.JSONField(default=list, help_text="The planner's warnings for this plan.")
    week_notes = models.JSONField(
        default=dict, help_text="The planner's notes per week: week index -> list of notes."
    )
    plan_inputs = models.CharField(
        max_length=64,
        blank=True,
        default="",
        help_text="Digest of what the stored future sessions were planned from.",
    )
    # A replan whose plan is the one already stored rewrites no session (most logs).
    plan_digest = models.CharField(
        max_length=64,
        blank=True,
        default="",
        help_text="`plan_digest` of the plan the stored future sessions were written from.",
    )
    plan_from = models.DateField(
        null=True, blank=True, help_text="The first day that plan's sessions were written for."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"profile of user {self.user_id}"


class PlannedSession(models.Model):
    """One planned session, materialised so past sessions are never rewritten."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="planned_sessions"
    )
    date = models.DateField(help_text="The day the session is planned for.")
    kind = models.CharField(max_length=16, choices=[(k.value, k.value) for k in SessionKind])
    week_index = models.PositiveSmallIntegerField(help_text="1-based week of the plan.")
    week_kind = models.CharField(max_length=16, choices=[(k.value, k.value) for k in WeekKind])
    estimated_s = models.PositiveIntegerField(help_text="Estimated length in seconds.")
    reason = models.TextField(blank=True, help_text="Why this day.")
    items = models.JSONField(help_text="Exercises with variant, dose and reason.")
    # A replan rewrites only the rows whose session changed (most keep their digest).
    digest = models.CharField(
        max_length=64,
        blank=True,
        default="",
        help_text="`session_digests` of what the row holds (empty: written before digests).",
    )

    class Meta:
        ordering = ("date", "kind")
        constraints = (
            models.UniqueConstraint(fields=("user", "date", "kind"), name="one_kind_per_day"),
        )
        indexes = (models.Index(fields=("user", "date")),)

    def __str__(self) -> str:
        return f"{self.kind} on {self.date}"


class StoredPrescription(models.Model):
    """One version of a runner's prescription; the highest version is the current one.

    Rows are never edited: a change (footcore's proposal, later a clinician's edit) adds
    a version, so who changed what, when and why stays on record.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="prescriptions"
    )
    version = models.PositiveIntegerField(help_text="1, 2, ... per runner.")
    data = models.JSONField(help_text="The prescription as `prescription_to_dict` writes it.")
    changed_by = models.CharField(max_length=150, help_text="`footcore` or a person's name.")
    why = models.TextField(help_text="Why this version was made.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("user", "version")
        constraints = (
            models.UniqueConstraint(fields=("user", "version"), name="one_prescription_version"),
        )

    def __str__(self) -> str:
        return f"prescription v{self.version} of user {self.user_id}"


class CalendarFeed(models.Model):
    """A secret, revocable URL that calendar apps subscribe to."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds"
    )
    token = models.CharField(max_length=64, unique=True, help_text="The secret in the feed URL.")
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"feed of user {self.user_id}"
