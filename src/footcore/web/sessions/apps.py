from django.apps import AppConfig


class SessionsConfig(AppConfig):
    name = "footcore.web.sessions"
    label = "sessions_log"
