"""Self-assessment results. Rows are history: never rewritten, only added."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from footcore.domain.assessments import HeelRaiseSurface, TestKind
from footcore.domain.vocab import Side


class AssessmentEntry(models.Model):
    """One result of one self-test on one side (`footcore.domain.assessments`)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessments"
    )
    date = models.DateField()
    kind = models.CharField(max_length=32, choices=[(k.value, k.value) for k in TestKind])
    side = models.CharField(
        max_length=8, choices=[(s.value, s.value) for s in Side], null=True, blank=True
    )
    value = models.JSONField(
        help_text="A number, a grade (pass/partial/fail), or {'trials_s': [..]} for timed trials."
    )
    surface = models.CharField(
        max_length=8,
        choices=[(s.value, s.value) for s in HeelRaiseSurface],
        null=True,
        blank=True,
        help_text="Heel raises only: incline board or flat floor ('unknown' for results"
        " saved before it was asked). Empty for every other test.",
    )
    answers = models.JSONField(
        null=True, blank=True, help_text="FAAM only: the item answers (0-4 or null for N/A)."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # The model moved here from the `progress` app; its table keeps the old name so
        # existing databases keep their rows (see migrations/0001_initial.py).
        db_table = "progress_assessmententry"
        ordering = ("date", "kind", "side")
        indexes = (models.Index(fields=("user", "kind", "date")),)
        constraints = (
            models.CheckConstraint(
                condition=(
                    models.Q(kind=TestKind.HEEL_RAISE.value, surface__isnull=False)
                    | (~models.Q(kind=TestKind.HEEL_RAISE.value) & models.Q(surface__isnull=True))
                ),
                name="assessment_surface_only_for_heel_raise",
            ),
        )

    def __str__(self) -> str:
        return f"{self.kind} {self.side or ''} on {self.date}"
