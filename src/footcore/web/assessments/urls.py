from __future__ import annotations

from django.urls import path

from footcore.web.assessments import views

urlpatterns = [
    path("assess", views.assess_list, name="assess"),
    path("assess/faam", views.assess_faam, name="assess-faam"),
    path("assess/<slug:test_id>", views.assess_test, name="assess-test"),
]
