from __future__ import annotations

from django.urls import path

from footcore.web.training import calendar_import, views

urlpatterns = [
    path("profile", views.profile_view, name="profile"),
    path("profile/calendar", calendar_import.import_calendar, name="profile-calendar"),
    path("plan", views.plan_view, name="plan"),
    path("today", views.today_view, name="today"),
    path("plan.ics", views.plan_ics, name="plan-ics"),
    path("plan.pdf", views.plan_pdf, name="plan-pdf"),
    path("plan/feed", views.feed_create, name="feed-create"),
    path("plan/feed/revoke", views.feed_revoke, name="feed-revoke"),
    path("calendar/feed/<str:token>.ics", views.calendar_feed, name="calendar-feed"),
]
