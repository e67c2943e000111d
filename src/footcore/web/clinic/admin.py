"""Django's admin (staff only) shows clinics and clinicians; audit rows are read-only."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from footcore.web.clinic.models import AuditEntry, Clinic, Clinician


@admin.register(Clinic)
class ClinicAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "contact", "booking_url")


@admin.register(Clinician)
class ClinicianAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("user", "clinic")


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("at", "actor_name", "client", "action", "what")
    list_filter = ("clinic", "action")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
