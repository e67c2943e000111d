"""Clinics, their clinicians and clients, join attempts and the audit log."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Clinic(models.Model):
    """A physical therapy practice: its clinicians prescribe for its clients."""

    name = models.CharField(max_length=120, unique=True, help_text="Shown to its clients.")
    booking_url = models.URLField(blank=True, help_text="Where its clients book a visit.")
    contact = models.CharField(
        max_length=200, blank=True, help_text="Phone or e-mail shown at every stop or referral."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class Clinician(models.Model):
    """The clinician role: a user who works for one clinic."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="clinician"
    )
    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="clinicians")

    def __str__(self) -> str:
        return f"{self.user.get_username()} at {self.clinic}"


class Client(models.Model):
    """A runner a clinic looks after; the runner's training rows hang off `runner`."""

    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="clients")
    runner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="client_record"
    )
    name = models.CharField(max_length=120, help_text="As the clinician knows the client.")
    birth_year = models.PositiveSmallIntegerField(help_text="Asked with the code to join.")
    code = models.CharField(
        max_length=8,
        unique=True,
        null=True,
        blank=True,
        help_text="8 lowercase letters; null when revoked.",
    )
    code_issued_at = models.DateTimeField(null=True, blank=True)
    consent_at = models.DateTimeField(
        null=True, blank=True, help_text="When the runner agreed to share logs with the clinic."
    )
    consent_withdrawn_at = models.DateTimeField(null=True, blank=True)
    unlinked_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the runner ended the link; the clinic sees nothing since.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("name", "pk")

    def __str__(self) -> str:
        return f"client {self.pk} of {self.clinic}"

    @property
    def shares_logs(self) -> bool:
        return self.consent_at is not None and self.consent_withdrawn_at is None


class JoinAttempt(models.Model):
    """One try at a client code, kept to rate-limit guessing."""

    address = models.CharField(max_length=64, help_text="The client's IP address.")
    succeeded = models.BooleanField()
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = (models.Index(fields=("address", "at")),)

    def __str__(self) -> str:
        return f"join attempt from {self.address}"


class AuditAction(models.TextChoices):
    READ = "read"
    WRITE = "write"


class AuditEntry(models.Model):
    """A clinician read or wrote a client's record. Rows are never edited."""

    clinic = models.ForeignKey(Clinic, on_delete=models.PROTECT, related_name="audit")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    actor_name = models.CharField(max_length=150, help_text="Kept if the account goes.")
    client = models.ForeignKey(
        Client,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="audit",
        help_text="None for a read of the whole clinic's log (an export).",
    )
    action = models.CharField(max_length=8, choices=AuditAction.choices)
    what = models.CharField(max_length=200, help_text="Which part of the record, in plain words.")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("at", "pk")
        indexes = (models.Index(fields=("clinic", "at")),)

    def __str__(self) -> str:
        return f"{self.actor_name} {self.action} {self.what}"


class Intake(models.Model):
    """A clinician's intake of a client (`footcore.domain.intake.Intake`). Never edited:
    a new intake is a new row."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="intakes")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    by_name = models.CharField(max_length=150)
    data = models.JSONField(help_text="The intake as `intake_to_dict` writes it.")
    review_on = models.DateField(null=True, blank=True, help_text="The next review.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("created_at", "pk")

    def __str__(self) -> str:
        return f"intake of client {self.client_id}"


class ClinicClearance(models.Model):
    """A clinician's signed clearance to train again after a red flag."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="clearances")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    by_name = models.CharField(max_length=150, help_text="The clinician who signed.")
    on = models.DateField()
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("created_at", "pk")

    def __str__(self) -> str:
        return f"clearance of client {self.client_id} by {self.by_name}"


class PrescriptionTemplate(models.Model):
    """A clinician's own template: a prescription's exercises saved to start others from.
    Seen by its clinic only."""

    clinic = models.ForeignKey(Clinic, on_delete=models.CASCADE, related_name="templates")
    name = models.CharField(max_length=80)
    data = models.JSONField(help_text="As `footcore.domain.templates.template_data` writes it.")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    by_name = models.CharField(max_length=150, help_text="The clinician who saved it.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("name", "pk")
        constraints = (
            models.UniqueConstraint(fields=("clinic", "name"), name="template_name_per_clinic"),
        )

    def __str__(self) -> str:
        return f"template {self.name} of {self.clinic}"
