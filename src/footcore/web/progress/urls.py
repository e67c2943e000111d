"""Routes of the progress page, its charts and the PDF report."""

from __future__ import annotations

from django.urls import path

from footcore.web.progress import charts, views

urlpatterns = [
    path("progress", views.progress_view, name="progress"),
    path("progress.pdf", views.progress_pdf, name="progress-pdf"),
    path("progress/charts/minutes.svg", charts.minutes_svg, name="progress-chart-minutes"),
    path("progress/charts/pain.svg", charts.pain_svg, name="progress-chart-pain"),
    path(
        "progress/charts/tests/<str:kind>.svg",
        charts.assessment_svg,
        name="progress-chart-test",
    ),
]
