from __future__ import annotations

from django.urls import path

from footcore.web.clinic import charts, join_views, pages, template_pages, views

urlpatterns = [
    path("join", join_views.join, name="join"),
    path("my-clinic", join_views.my_clinic, name="my-clinic"),
    path("my-clinic/consent", join_views.consent, name="my-clinic-consent"),
    path("my-clinic/unlink", join_views.unlink, name="my-clinic-unlink"),
    path("clinic", views.roster, name="clinic"),
    path("clinic/audit.csv", template_pages.audit_csv, name="clinic-audit"),
    path("clinic/audit.json", template_pages.audit_json, name="clinic-audit-json"),
    path("clinic/templates", template_pages.template_list, name="clinic-templates"),
    path(
        "clinic/templates/<str:template_id>/delete",
        template_pages.delete_template,
        name="clinic-template-delete",
    ),
    path("clinic/clients/<int:client_id>", pages.client_page, name="clinic-client"),
    path("clinic/clients/<int:client_id>/intake", pages.intake, name="clinic-intake"),
    path("clinic/clients/<int:client_id>/prescription", pages.edit, name="clinic-edit"),
    path(
        "clinic/clients/<int:client_id>/prescription/template",
        template_pages.start_from_template,
        name="clinic-start-template",
    ),
    path(
        "clinic/clients/<int:client_id>/prescription/save-template",
        template_pages.save_template,
        name="clinic-save-template",
    ),
    path(
        "clinic/clients/<int:client_id>/charts/pain.svg", charts.pain_svg, name="clinic-chart-pain"
    ),
    path(
        "clinic/clients/<int:client_id>/charts/tests/<str:kind>.svg",
        charts.assessment_svg,
        name="clinic-chart-test",
    ),
    path("clinic/clients/<int:client_id>/handout.pdf", pages.handout, name="clinic-handout"),
    path("clinic/clients/<int:client_id>/clearance", pages.clearance, name="clinic-clearance"),
    path("clinic/clients/<int:client_id>/code/revoke", views.revoke_code, name="clinic-revoke"),
    path("clinic/clients/<int:client_id>/code/new", views.reissue_code, name="clinic-reissue"),
]
