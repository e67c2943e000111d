from __future__ import annotations

from django.urls import path

from footcore.web.clinic import join_views, pages, views

urlpatterns = [
    path("join", join_views.join, name="join"),
    path("my-clinic", join_views.my_clinic, name="my-clinic"),
    path("my-clinic/consent", join_views.consent, name="my-clinic-consent"),
    path("my-clinic/unlink", join_views.unlink, name="my-clinic-unlink"),
    path("clinic", views.roster, name="clinic"),
    path("clinic/audit.csv", views.audit_csv, name="clinic-audit"),
    path("clinic/clients/<int:client_id>", pages.client_page, name="clinic-client"),
    path("clinic/clients/<int:client_id>/intake", pages.intake, name="clinic-intake"),
    path("clinic/clients/<int:client_id>/prescription", pages.edit, name="clinic-edit"),
    path("clinic/clients/<int:client_id>/handout.pdf", pages.handout, name="clinic-handout"),
    path("clinic/clients/<int:client_id>/clearance", pages.clearance, name="clinic-clearance"),
    path("clinic/clients/<int:client_id>/code/revoke", views.revoke_code, name="clinic-revoke"),
    path("clinic/clients/<int:client_id>/code/new", views.reissue_code, name="clinic-reissue"),
]
