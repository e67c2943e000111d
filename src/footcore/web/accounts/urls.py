from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import path

T = "footcore/accounts/"

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(template_name="footcore/login.html"),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password-reset/",
        auth_views.PasswordResetView.as_view(
            template_name=T + "reset_form.html",
            email_template_name=T + "reset_email.txt",
            subject_template_name=T + "reset_subject.txt",
        ),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name=T + "reset_sent.html"),
        name="password_reset_done",
    ),
    path(
        "reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(template_name=T + "reset_confirm.html"),
        name="password_reset_confirm",
    ),
    path(
        "reset/done/",
        auth_views.PasswordResetCompleteView.as_view(template_name=T + "reset_done.html"),
        name="password_reset_complete",
    ),
]
